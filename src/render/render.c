/* render.c — Cairo painting of the area tree (shared by the PDF and PNG writers). */
#include "render/render.h"
#include "base/sha256.h"
#include "render/geom.h"
#include "render/out.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* cairo write callback: appends `len` bytes to the buffer. */
static cairo_status_t
render_write (void *closure, const unsigned char *data, unsigned int len)
{
  gw_render_out *o = closure;
  g_byte_array_append (o->buf, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* Repairs cairo 1.16's cross-reference table: with link annotations it reserves objects for
 * a structure tree it never writes and lists them at a wrong offset ("file is damaged").
 * Every in-use entry whose offset does not hold "N 0 obj" is marked free (same length). */
static void
render_fix_xref (GByteArray *pdf)
{
  const char *d = (const char *) pdf->data;
  gsize n = pdf->len;
  const char *sx = NULL; /* the last "startxref" (the data holds NUL bytes: no str*) */
  for (gsize k = n >= 9 ? n - 9 : 0; k > 0 && n - k < 4096 && !sx; k--)
    if (!memcmp (d + k, "startxref", 9))
      sx = d + k;
  if (!sx)
    return;
  gsize xref = (gsize) g_ascii_strtoull (sx + 9, NULL, 10);
  if (xref + 5 >= n || strncmp (d + xref, "xref", 4))
    return;
  char *p = (char *) d + xref + 4;
  char *end = (char *) d + n;
  while (p < end)
    {
      while (p < end && (*p == '\n' || *p == '\r' || *p == ' '))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        break;
      char *e;
      guint64 first = g_ascii_strtoull (p, &e, 10);
      guint64 count = g_ascii_strtoull (e, &e, 10);
      p = e;
      while (p < end && (*p == '\n' || *p == '\r' || *p == ' '))
        p++;
      for (guint64 i = 0; i < count && p + 20 <= end; i++, p += 20)
        {
          if (p[17] != 'n')
            continue;
          guint64 off = g_ascii_strtoull (p, NULL, 10);
          char want[32];
          int wl = g_snprintf (want, sizeof want, "%" G_GUINT64_FORMAT " 0 obj", first + i);
          if (off + (guint64) wl > n || strncmp (d + off, want, (size_t) wl))
            memcpy (p, "0000000000 00001 f", 18);
        }
    }
}

/* Quotes a string for a cairo tag attribute ('…'): a backslash before ' and \\, UTF-8 kept.
 * (g_strescape left ' alone — a link to "ht'tp:" broke the attribute and cairo aborted on
 * an assertion — and turned non-ASCII into octal escapes cairo does not decode.) */
static char *
tag_escape (const char *s)
{
  GString *out = g_string_new (NULL);
  for (const char *p = s; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Sets a source colour. */
static void
set_color (cairo_t *cr, gw_rgba c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

/* Solid opaque lines of one colour and width (cell sides, rules) are collected into one path
 * and stroked together: a form's table draws a hundred sides a page, and every cairo stroke
 * costs the PDF surface a recorded operation, an analysis and a replay (about a tenth of a
 * one-page form's time). Fills, images, clips, text decorations and the end of a page first
 * stroke what was collected (lines_flush); text does not, as glyphs leave the path alone, so a
 * table's sides are stroked after its cells' text — the same picture, the lines being opaque
 * and beside the text. The batch lives on the cairo context (user data), set up by
 * lines_attach for the life of the context. */
typedef struct {
  gboolean open;  /* a path of lines is waiting */
  gw_rgba color;  /* its colour and width, set when it is stroked */
  double width;
} line_batch;

static const cairo_user_data_key_t line_batch_key;

/* Gives `cr` a line batch. */
static void
lines_attach (cairo_t *cr)
{
  cairo_set_user_data (cr, &line_batch_key, g_new0 (line_batch, 1), g_free);
}

/* Strokes the collected lines, if any. */
static void
lines_flush (cairo_t *cr)
{
  line_batch *lb = cairo_get_user_data (cr, &line_batch_key);
  if (lb && lb->open)
    {
      /* cap and dash are cairo's defaults here: the styles that change them restore them */
      set_color (cr, lb->color);
      cairo_set_line_width (cr, lb->width);
      cairo_stroke (cr);
      lb->open = FALSE;
    }
}

/* Adds a solid line to the batch (starting a new one when colour or width differ). FALSE
 * when the line cannot be batched (no batch, or a translucent colour, whose overlaps would
 * show) and must be stroked on its own. */
static gboolean
lines_add (cairo_t *cr, gw_rgba color, double width, double x0, double y0, double x1,
           double y1)
{
  line_batch *lb = cairo_get_user_data (cr, &line_batch_key);
  if (!lb || color.a < 1)
    return FALSE;
  if (lb->open && (memcmp (&lb->color, &color, sizeof color) || lb->width != width))
    lines_flush (cr);
  if (!lb->open)
    {
      lb->open = TRUE;
      lb->color = color;
      lb->width = width;
    }
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  return TRUE;
}

/* Strokes one border side from (x0,y0) to (x1,y1) in its style. */
static void
stroke_side (cairo_t *cr, const gw_border *b, double x0, double y0, double x1, double y1)
{
  if (b->width <= 0 || b->style == GW_BS_NONE || b->style == GW_BS_HIDDEN)
    return;
  gboolean solid = b->style != GW_BS_DASHED && b->style != GW_BS_DOTTED
                   && !(b->style == GW_BS_DOUBLE && b->width >= 1.5);
  if (solid && lines_add (cr, b->color, b->width, x0, y0, x1, y1))
    return;
  lines_flush (cr);
  cairo_save (cr);
  set_color (cr, b->color);
  if (b->style == GW_BS_DOUBLE && b->width >= 1.5)
    {
      double t = b->width / 3;
      double dx = (y1 - y0) != 0 ? 1 : 0, dy = (x1 - x0) != 0 ? 1 : 0;
      cairo_set_line_width (cr, t);
      for (int s = -1; s <= 1; s += 2)
        {
          cairo_move_to (cr, x0 + s * dx * t, y0 + s * dy * t);
          cairo_line_to (cr, x1 + s * dx * t, y1 + s * dy * t);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
      return;
    }
  cairo_set_line_width (cr, b->width);
  if (b->style == GW_BS_DASHED)
    {
      double d[] = { b->width * 3, b->width * 2 };
      cairo_set_dash (cr, d, 2, 0);
    }
  else if (b->style == GW_BS_DOTTED)
    {
      double d[] = { 0, b->width * 2 };
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, d, 2, 0);
    }
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Paints a block's background and borders. */
static void
paint_box (cairo_t *cr, const gw_area *a)
{
  if (a->u.box.background.a > 0)
    {
      lines_flush (cr);
      set_color (cr, a->u.box.background);
      cairo_rectangle (cr, a->x, a->y, a->w, a->h);
      cairo_fill (cr);
    }
  const gw_border *b = a->u.box.border;
  double f = a->u.box.collapsed ? 0 : 0.5; /* separate: inside the edge; collapsed: centred */
  double t = a->y + b[0].width * f, bo = a->y + a->h - b[1].width * f;
  double l = a->x + b[2].width * f, r = a->x + a->w - b[3].width * f;
  stroke_side (cr, &b[0], a->x, t, a->x + a->w, t);
  stroke_side (cr, &b[1], a->x, bo, a->x + a->w, bo);
  stroke_side (cr, &b[2], l, a->y, l, a->y + a->h);
  stroke_side (cr, &b[3], r, a->y, r, a->y + a->h);
}

/* Paints a glyph run with its text attached (for text extraction) and decorations. */
static void
paint_text (cairo_t *cr, const gw_area *a)
{
  PangoGlyphItem gi = { a->u.text.item, a->u.text.glyphs, 0, 0, 0 };
  /* no lines_flush: glyphs do not use the path (the move_to below only adds an empty
   * subpath to the lines waiting), so a table's sides wait across the text of its cells */
  set_color (cr, a->u.text.color);
  cairo_move_to (cr, a->x, a->u.text.baseline);
  pango_cairo_show_glyph_item (cr, a->u.text.text, &gi);
  double fs = a->u.text.font_size;
  if (a->u.text.underline || a->u.text.line_through)
    lines_flush (cr);
  if (a->u.text.underline)
    {
      cairo_set_line_width (cr, MAX (0.5, fs * 0.05));
      cairo_move_to (cr, a->x, a->u.text.baseline + fs * 0.12);
      cairo_line_to (cr, a->x + a->w, a->u.text.baseline + fs * 0.12);
      cairo_stroke (cr);
    }
  if (a->u.text.line_through)
    {
      cairo_set_line_width (cr, MAX (0.5, fs * 0.05));
      cairo_move_to (cr, a->x, a->u.text.baseline - fs * 0.3);
      cairo_line_to (cr, a->x + a->w, a->u.text.baseline - fs * 0.3);
      cairo_stroke (cr);
    }
}

/* Paints a rule (leaders, fill-in blanks). */
static void
paint_rule (cairo_t *cr, const gw_area *a)
{
  gw_border b = { a->u.rule.thickness, a->u.rule.style, a->u.rule.color };
  if (a->u.rule.style == GW_BS_DOTTED)
    {
      /* dots leader: dots on a fixed pitch so columns of dots line up */
      double pitch = MAX (a->u.rule.thickness * 4, 2);
      lines_flush (cr);
      set_color (cr, a->u.rule.color);
      for (double x = ceil (a->x / pitch) * pitch + pitch / 2; x < a->x + a->w; x += pitch)
        {
          cairo_arc (cr, x, a->y, a->u.rule.thickness * 0.6, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      return;
    }
  stroke_side (cr, &b, a->x, a->y, a->x + a->w, a->y + a->h);
}

/* Paints an image scaled into its area. */
static void
paint_image (cairo_t *cr, const gw_area *a)
{
  gw_image *img = a->u.image.image;
  if (!img || img->w <= 0 || img->h <= 0)
    return;
  lines_flush (cr);
  cairo_save (cr);
  if (img->surface)
    {
      /* a fresh surface per placement: cairo 1.16 writes a duplicate XObject key when one
       * surface is painted twice on a page */
      cairo_surface_t *src = img->surface;
      int iw = cairo_image_surface_get_width (src), ih = cairo_image_surface_get_height (src);
      cairo_surface_t *copy = cairo_image_surface_create (cairo_image_surface_get_format (src), iw, ih);
      const unsigned char *jpeg;
      unsigned long jpeg_len;
      cairo_surface_get_mime_data (src, CAIRO_MIME_TYPE_JPEG, &jpeg, &jpeg_len);
      if (jpeg) /* the file itself goes into the PDF (kept alive by `src`) */
        cairo_surface_set_mime_data (copy, CAIRO_MIME_TYPE_JPEG, jpeg, jpeg_len, NULL, NULL);
      if (!jpeg || cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_PDF)
        { /* (a PDF shows a JPEG from its file: its pixels are not read) */
          cairo_t *cc = cairo_create (copy);
          cairo_set_source_surface (cc, src, 0, 0);
          cairo_set_operator (cc, CAIRO_OPERATOR_SOURCE);
          cairo_paint (cc);
          cairo_destroy (cc);
        }
      cairo_matrix_t mx;
      double uw, uh; /* upright size in pixels */
      gw_geom_exif_matrix (img->orientation, iw, ih, &mx, &uw, &uh);
      cairo_translate (cr, a->x, a->y);
      cairo_scale (cr, a->w / uw, a->h / uh);
      cairo_transform (cr, &mx);
      cairo_set_source_surface (cr, copy, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (copy);
    }
  else if (img->svg)
    {
      RsvgRectangle vp = { a->x, a->y, a->w, a->h };
      rsvg_handle_render_document (img->svg, cr, &vp, NULL);
    }
  cairo_restore (cr);
}

/* Declares the named destinations (ids) and the links of an area and its children on the
 * current PDF page `page`, before anything is painted: outside every clip, where cairo 1.16
 * sees both ends of each tag — one inside a block-container clipped off the page lost an end
 * in the page replay ("invalid tag name, attributes, or nesting", or a crash in
 * cairo_surface_finish). A destination off the page moves to its nearest edge; a link whose
 * rectangle misses the page is left out (nobody can click it). */
static void
paint_tags (cairo_t *cr, const gw_area *a, const gw_area *page, const cairo_matrix_t *m)
{
  double x = a->x, y = a->y, w = a->w, h = a->h;
  if (m) /* in a turned frame: the page rectangle of its corners */
    {
      double x0 = a->x, y0 = a->y, x1 = a->x + a->w, y1 = a->y + a->h;
      cairo_matrix_transform_point (m, &x0, &y0);
      cairo_matrix_transform_point (m, &x1, &y1);
      x = MIN (x0, x1), y = MIN (y0, y1), w = fabs (x1 - x0), h = fabs (y1 - y0);
    }
  if (a->kind == GW_AREA_LINK && a->name && x < page->u.page.width && y < page->u.page.height
      && x + w > 0 && y + h > 0)
    {
      char *attr;
      char *esc = tag_escape (a->name);
      if (a->u.link.external)
        attr = g_strdup_printf ("rect=[%g %g %g %g] uri='%s'", x, y, w, h, esc);
      else
        attr = g_strdup_printf ("rect=[%g %g %g %g] dest='%s'", x, y, w, h, esc);
      /* %g prints with the C locale here: main() pins LC_NUMERIC */
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attr);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
      g_free (attr);
      g_free (esc);
    }
  if (a->kind == GW_AREA_DEST && a->name)
    {
      double dx = CLAMP (x, 0, page->u.page.width);
      double dy = CLAMP (y, 0, page->u.page.height);
      char *esc = tag_escape (a->name);
      char *attr = g_strdup_printf ("name='%s' x=%d y=%d", esc, (int) dx, (int) dy);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, attr);
      cairo_tag_end (cr, CAIRO_TAG_DEST);
      g_free (attr);
      g_free (esc);
    }
  cairo_matrix_t turned;
  m = gw_geom_child_matrix (a, m, &turned);
  for (const gw_area *c = a->first; c; c = c->next)
    paint_tags (cr, c, page, m);
}

/* Paints an area and its children. */
static void
paint_area (cairo_t *cr, const gw_area *a)
{
  switch (a->kind)
    {
    case GW_AREA_BLOCK:
      paint_box (cr, a);
      if (a->u.box.clip)
        {
          lines_flush (cr);
          cairo_save (cr);
          cairo_rectangle (cr, a->x - 1, a->y - 1, a->w + 2, a->h + 2);
          cairo_clip (cr);
        }
      break;
    case GW_AREA_TEXT: paint_text (cr, a); break;
    case GW_AREA_RULE: paint_rule (cr, a); break;
    case GW_AREA_IMAGE: paint_image (cr, a); break;
    default: /* links and destinations: paint_tags, before the page is painted */
      break;
    }
  if (a->kind == GW_AREA_REGION)
    {
      lines_flush (cr);
      cairo_save (cr);
      if (strcmp (a->name ? a->name : "", "xsl-region-body"))
        {
          cairo_rectangle (cr, a->x - 2, a->y - 2, a->w + 4, a->h + 4);
          cairo_clip (cr);
        }
    }
  if (gw_geom_turns (a))
    {
      cairo_matrix_t m;
      gw_geom_orient_matrix (a, &m);
      lines_flush (cr);
      cairo_save (cr);
      cairo_transform (cr, &m);
    }
  for (const gw_area *c = a->first; c; c = c->next)
    paint_area (cr, c);
  if (gw_geom_turns (a))
    {
      lines_flush (cr); /* in the frame they were drawn in */
      cairo_restore (cr);
    }
  if (a->kind == GW_AREA_REGION || (a->kind == GW_AREA_BLOCK && a->u.box.clip))
    lines_flush (cr); /* inside the clip they were drawn under */
  if (a->kind == GW_AREA_REGION)
    cairo_restore (cr);
  if (a->kind == GW_AREA_BLOCK && a->u.box.clip)
    cairo_restore (cr);
}

/* Adds the outline entries of a bookmark list. */
static void
add_outline (cairo_surface_t *s, int parent, GPtrArray *list, const gw_areas *areas)
{
  for (guint i = 0; list && i < list->len; i++)
    {
      gw_bookmark *b = g_ptr_array_index (list, i);
      char *link = NULL;
      if (b->dest && g_hash_table_contains (areas->dest_pages, b->dest))
        {
          char *esc = tag_escape (b->dest);
          link = g_strdup_printf ("dest='%s'", esc);
          g_free (esc);
        }
      else
        link = g_strdup ("page=1");
      int id = cairo_pdf_surface_add_outline (s, parent, b->title ? b->title : "", link,
                                              b->open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      g_free (link);
      add_outline (s, id, b->children, areas);
    }
}

/* Formats a PDF date from a UNIX time (UTC). */
static char *
pdf_date (gint64 t)
{
  GDateTime *d = g_date_time_new_from_unix_utc (t);
  char *s = g_date_time_format (d, "%Y-%m-%dT%H:%M:%SZ");
  g_date_time_unref (d);
  return s;
}

/* Writes the PDF. */
gboolean
gw_render_pdf (gw_ctx *ctx, const gw_areas *areas, const char *path, char **sha256)
{
  if (!areas->pages->len)
    {
      gw_diag_error (ctx->diag, path, 0, "no pages to write");
      return FALSE;
    }
  const gw_area *p0 = g_ptr_array_index (areas->pages, 0);
  gw_render_out out;
  if (!gw_render_out_open (ctx, &out, path, "PDF"))
    return FALSE;
  out.sha256 = sha256;
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream (render_write, &out, p0->u.page.width,
                                                            p0->u.page.height);
  if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS)
    {
      gw_diag_error (ctx->diag, path, 0, "cannot create PDF: %s", cairo_status_to_string (cairo_surface_status (s)));
      cairo_surface_destroy (s);
      out.sha256 = NULL;
      (void) gw_render_out_close (ctx, &out, path, "PDF");
      return FALSE;
    }
  if (areas->title)
    cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_TITLE, areas->title);
  if (areas->author)
    cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_AUTHOR, areas->author);
  if (areas->subject)
    cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_SUBJECT, areas->subject);
  if (areas->keywords)
    cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_KEYWORDS, areas->keywords);
  char *creator = g_strdup_printf ("gongwen %s", GW_VERSION);
  cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_CREATOR, areas->creator ? areas->creator : creator);
  g_free (creator);
  gint64 when = ctx->source_date >= 0 ? ctx->source_date : g_get_real_time () / G_USEC_PER_SEC;
  char *date = pdf_date (when);
  cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_MOD_DATE, date);
  g_free (date);
  cairo_t *cr = cairo_create (s);
  lines_attach (cr);
  for (guint i = 0; i < areas->pages->len; i++)
    {
      const gw_area *pg = g_ptr_array_index (areas->pages, i);
      cairo_pdf_surface_set_size (s, pg->u.page.width, pg->u.page.height);
      if (pg->name)
        cairo_pdf_surface_set_page_label (s, pg->name);
      paint_tags (cr, pg, pg, NULL);
      paint_area (cr, pg);
      lines_flush (cr);
      cairo_show_page (cr);
    }
  add_outline (s, CAIRO_PDF_OUTLINE_ROOT, areas->bookmarks, areas);
  cairo_destroy (cr);
  cairo_surface_finish (s);
  cairo_status_t st = cairo_surface_status (s);
  cairo_surface_destroy (s);
  render_fix_xref (out.buf);
  if (!gw_render_out_close (ctx, &out, path, "PDF"))
    return FALSE;
  if (st != CAIRO_STATUS_SUCCESS)
    {
      gw_diag_error (ctx->diag, path, 0, "writing the PDF failed: %s", cairo_status_to_string (st));
      return FALSE;
    }
  return TRUE;
}

/* Writes one page as PNG. */
gboolean
gw_render_png_page (gw_ctx *ctx, const gw_areas *areas, guint index, const char *path)
{
  const gw_area *pg = g_ptr_array_index (areas->pages, index);
  double scale = ctx->dpi / 72.0;
  int w = (int) ceil (pg->u.page.width * scale), h = (int) ceil (pg->u.page.height * scale);
  if (w <= 0 || h <= 0 || (gint64) w * h > 200000000)
    {
      gw_diag_error (ctx->diag, path, 0, "PNG of %d × %d pixels is too large (lower --dpi)", w, h);
      return FALSE;
    }
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  lines_attach (cr);
  paint_area (cr, pg);
  lines_flush (cr);
  cairo_destroy (cr);
  gw_render_out out;
  if (!gw_render_out_open (ctx, &out, path, "PNG"))
    {
      cairo_surface_destroy (s);
      return FALSE;
    }
  cairo_status_t st = cairo_surface_write_to_png_stream (s, render_write, &out);
  cairo_surface_destroy (s);
  if (!gw_render_out_close (ctx, &out, path, "PNG"))
    return FALSE;
  if (st != CAIRO_STATUS_SUCCESS)
    {
      gw_diag_error (ctx->diag, path, 0, "writing the PNG failed: %s", cairo_status_to_string (st));
      return FALSE;
    }
  return TRUE;
}
