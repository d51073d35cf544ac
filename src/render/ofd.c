/* ofd.c — writing the area tree as OFD (GB/T 33190-2016), the national fixed-layout format.
 *
 * The package, a zip of XML parts written with xmlTextWriter:
 *   OFD.xml                      DocInfo (DocID, title, author, dates, creator), DocRoot
 *   Doc_0/Document.xml           CommonData (MaxUnitID, PageArea in mm, resources), Pages,
 *                                Outlines, Annotations
 *   Doc_0/PublicRes.xml          Fonts: every face used, embedded as a subset (Res/font_N.*)
 *   Doc_0/DocumentRes.xml        MultiMedias: the pictures (Res/image_N.jpg|png)
 *   Doc_0/Pages/Page_N/Content.xml  one Layer of TextObject / PathObject / ImageObject
 *   Doc_0/Annots/…               the GB/T 9704 seal area, for a later electronic seal
 * Units are millimetres, origin top left, y down (as the area tree, which is in pt).
 * Same bytes for the same input: IDs in order of writing, fixed zip times and order, the
 * dates from SOURCE_DATE_EPOCH, a DocID hashed from the parts. */
#include "render/ofd.h"
#include "base/i18n.h"
#include "base/sha256.h"
#include "render/geom.h"
#include "render/ofd-font.h"
#include "render/ofd-zip.h"
#include "render/out.h"

#include <libxml/xmlwriter.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>

#define OFD_NS "http://www.ofdspec.org/2016"
#define MM(pt) ((pt) * 25.4 / 72.0)

/* One file of the package. */
typedef struct {
  char *name;   /* owned: its path in the zip */
  GBytes *data; /* owned */
} ofd_part;

/* Where a destination (an id) is: page ID and position in mm. */
typedef struct {
  guint page_id;
  double x, y;
} ofd_dest;

/* The writer of one package. */
typedef struct {
  /* borrowed */
  gw_ctx *ctx;
  const gw_areas *areas;
  /* owned */
  GPtrArray *parts;       /* ofd_part*, in zip order */
  gw_ofd_fonts *fonts;
  GHashTable *images;     /* gw_image* → resource ID (GUINT_TO_POINTER) */
  GPtrArray *image_parts; /* the MultiMedia entries: ofd_part* whose name is the file, in ID
                             order; data NULL for a picture that could not be written */
  GArray *image_ids;      /* guint, parallel to image_parts */
  GArray *image_formats;  /* const char*, parallel */
  GHashTable *dests;      /* id (borrowed from the tree) → ofd_dest* (owned) */
  GArray *page_ids;       /* guint per page */
  GArray *seal_pages;     /* guint: page index of each seal area found */
  GArray *seal_boxes;     /* double[4] per seal: x, y, w, h in mm */
  double seal_top;        /* ≥ 0: a seal line (id gw-seal-…) begins at this y (pt, page):
                             its first text run gives the seal's centre */
  /* values */
  guint next_id;
  guint page;             /* index of the page being written */
  xmlTextWriterPtr w;     /* the part being written */
  xmlBufferPtr buf;
} ofd_writer;

/* Formats a length (mm) with 3 decimals, no trailing zeros, '.' whatever the locale. */
static const char *
num (char *buf, double v)
{
  if (fabs (v) < 0.0005)
    v = 0;
  g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.3f", v);
  char *e = buf + strlen (buf) - 1;
  while (e > buf && *e == '0')
    *e-- = 0;
  if (*e == '.')
    *e = 0;
  return buf;
}

/* Writes an attribute of numbers ("x y w h"). */
static void
attr_nums (xmlTextWriterPtr w, const char *name, const double *v, int n)
{
  GString *s = g_string_new (NULL);
  char b[G_ASCII_DTOSTR_BUF_SIZE];
  for (int i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", num (b, v[i]));
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST s->str);
  g_string_free (s, TRUE);
}

/* Starts an element in the OFD namespace (prefix ofd; the root also declares it). */
static void
el (ofd_writer *o, const char *name)
{
  xmlTextWriterStartElementNS (o->w, BAD_CAST "ofd", BAD_CAST name, NULL);
}

/* Writes <ofd:name>text</ofd:name>. */
static void
el_text (ofd_writer *o, const char *name, const char *text)
{
  xmlTextWriterWriteElementNS (o->w, BAD_CAST "ofd", BAD_CAST name, NULL, BAD_CAST text);
}

/* Writes an unsigned attribute. */
static void
attr_uint (ofd_writer *o, const char *name, guint v)
{
  xmlTextWriterWriteFormatAttribute (o->w, BAD_CAST name, "%u", v);
}

/* Starts a new XML part whose root element is `root`. */
static void
part_begin (ofd_writer *o, const char *root)
{
  o->buf = xmlBufferCreate ();
  o->w = xmlNewTextWriterMemory (o->buf, 0);
  xmlTextWriterStartDocument (o->w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElementNS (o->w, BAD_CAST "ofd", BAD_CAST root, BAD_CAST OFD_NS);
}

/* Adds a file to the package (takes `data`). */
static void
part_add (ofd_writer *o, const char *name, GBytes *data)
{
  ofd_part *p = g_new0 (ofd_part, 1);
  p->name = g_strdup (name);
  p->data = data;
  g_ptr_array_add (o->parts, p);
}

/* Ends the XML part begun by part_begin and adds it as `name`. */
static void
part_end (ofd_writer *o, const char *name)
{
  xmlTextWriterEndDocument (o->w);
  xmlFreeTextWriter (o->w);
  o->w = NULL;
  part_add (o, name, g_bytes_new (xmlBufferContent (o->buf), (gsize) xmlBufferLength (o->buf)));
  xmlBufferFree (o->buf);
  o->buf = NULL;
}

/* Frees a part. */
static void
part_free (gpointer p)
{
  ofd_part *part = p;
  g_free (part->name);
  if (part->data)
    g_bytes_unref (part->data);
  g_free (part);
}

/* Writes "r g b" (0–255) colour element `name`, with Alpha when translucent. */
static void
color (ofd_writer *o, const char *name, gw_rgba c)
{
  el (o, name);
  xmlTextWriterWriteFormatAttribute (o->w, BAD_CAST "Value", "%d %d %d", (int) lround (c.r * 255),
                                     (int) lround (c.g * 255), (int) lround (c.b * 255));
  if (c.a < 1)
    attr_uint (o, "Alpha", (guint) lround (CLAMP (c.a, 0, 1) * 255));
  xmlTextWriterEndElement (o->w);
}

/* Opens a graphic object `kind` whose content, in content units (mm when `mm`, else the
 * unit square of an image), spans cw × ch and goes onto the page by `t` (content in pt →
 * page pt): writes ID, Boundary (the page box of the content, in mm, relative to which the
 * content is drawn) and CTM when the content is turned or scaled. */
static void
object_begin (ofd_writer *o, const char *kind, const cairo_matrix_t *t, double cw, double ch,
              gboolean mm)
{
  double s = mm ? 72.0 / 25.4 : 1; /* content unit → pt */
  double xs[4] = { 0, cw, 0, cw }, ys[4] = { 0, 0, ch, ch };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  for (int i = 0; i < 4; i++)
    {
      double x = xs[i] * s, y = ys[i] * s;
      cairo_matrix_transform_point (t, &x, &y);
      x0 = MIN (x0, x), y0 = MIN (y0, y), x1 = MAX (x1, x), y1 = MAX (y1, y);
    }
  el (o, kind);
  attr_uint (o, "ID", o->next_id++);
  double b[4] = { MM (x0), MM (y0), MAX (MM (x1 - x0), 0.001), MAX (MM (y1 - y0), 0.001) };
  attr_nums (o->w, "Boundary", b, 4);
  /* content unit → page mm relative to the boundary: linear part t·s·(25.4/72) */
  double k = s * 25.4 / 72.0;
  double ctm[6] = { t->xx * k, t->yx * k, t->xy * k, t->yy * k, MM (t->x0) - b[0], MM (t->y0) - b[1] };
  if (fabs (ctm[0] - 1) > 1e-9 || fabs (ctm[1]) > 1e-9 || fabs (ctm[2]) > 1e-9
      || fabs (ctm[3] - 1) > 1e-9 || fabs (ctm[4]) > 0.0005 || fabs (ctm[5]) > 0.0005)
    attr_nums (o->w, "CTM", ctm, 6);
}

/* Writes a stroked path of straight segments given in pt as (x0 y0 x1 y1)×n, drawn in the
 * frame `m` (NULL: the page). `dash`: 0 solid, 1 dashed, 2 dotted. */
static void
path_lines (ofd_writer *o, const cairo_matrix_t *m, const double *seg, int n, double width,
            gw_rgba c, int dash)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  for (int i = 0; i < 2 * n; i++)
    {
      x0 = MIN (x0, seg[2 * i]), x1 = MAX (x1, seg[2 * i]);
      y0 = MIN (y0, seg[2 * i + 1]), y1 = MAX (y1, seg[2 * i + 1]);
    }
  double pad = width / 2;
  x0 -= pad, y0 -= pad, x1 += pad, y1 += pad;
  cairo_matrix_t t;
  cairo_matrix_init_translate (&t, x0, y0);
  if (m)
    cairo_matrix_multiply (&t, &t, m);
  object_begin (o, "PathObject", &t, MM (x1 - x0), MM (y1 - y0), TRUE);
  char b[G_ASCII_DTOSTR_BUF_SIZE];
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "LineWidth", BAD_CAST num (b, MM (width)));
  if (dash == 1)
    {
      double d[2] = { MM (width * 3), MM (width * 2) };
      attr_nums (o->w, "DashPattern", d, 2);
    }
  else if (dash == 2)
    {
      double d[2] = { 0, MM (width * 2) };
      attr_nums (o->w, "DashPattern", d, 2);
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Cap", BAD_CAST "Round");
    }
  color (o, "StrokeColor", c);
  GString *s = g_string_new (NULL);
  char b2[G_ASCII_DTOSTR_BUF_SIZE];
  for (int i = 0; i < n; i++)
    {
      g_string_append_printf (s, "%sM %s %s", i ? " " : "", num (b, MM (seg[4 * i] - x0)),
                              num (b2, MM (seg[4 * i + 1] - y0)));
      g_string_append_printf (s, " L %s %s", num (b, MM (seg[4 * i + 2] - x0)),
                              num (b2, MM (seg[4 * i + 3] - y0)));
    }
  el_text (o, "AbbreviatedData", s->str);
  g_string_free (s, TRUE);
  xmlTextWriterEndElement (o->w);
}

/* Writes one border side (or rule) in its style, as render.c's stroke_side draws it. */
static void
side (ofd_writer *o, const cairo_matrix_t *m, const gw_border *b, double x0, double y0,
      double x1, double y1)
{
  if (b->width <= 0 || b->style == GW_BS_NONE || b->style == GW_BS_HIDDEN)
    return;
  if (b->style == GW_BS_DOUBLE && b->width >= 1.5)
    {
      double t = b->width / 3;
      double dx = (y1 - y0) != 0 ? 1 : 0, dy = (x1 - x0) != 0 ? 1 : 0;
      double seg[8] = { x0 - dx * t, y0 - dy * t, x1 - dx * t, y1 - dy * t,
                        x0 + dx * t, y0 + dy * t, x1 + dx * t, y1 + dy * t };
      path_lines (o, m, seg, 2, t, b->color, 0);
      return;
    }
  double seg[4] = { x0, y0, x1, y1 };
  path_lines (o, m, seg, 1, b->width, b->color,
              b->style == GW_BS_DASHED ? 1 : b->style == GW_BS_DOTTED ? 2 : 0);
}

/* Writes a block's background and borders (render.c's paint_box). */
static void
box (ofd_writer *o, const gw_area *a, const cairo_matrix_t *m)
{
  if (a->u.box.background.a > 0 && a->w > 0 && a->h > 0)
    {
      cairo_matrix_t t;
      cairo_matrix_init_translate (&t, a->x, a->y);
      if (m)
        cairo_matrix_multiply (&t, &t, m);
      object_begin (o, "PathObject", &t, MM (a->w), MM (a->h), TRUE);
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Stroke", BAD_CAST "false");
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Fill", BAD_CAST "true");
      color (o, "FillColor", a->u.box.background);
      char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];
      char *d = g_strdup_printf ("M 0 0 L %s 0 L %s %s L 0 %s C", num (b1, MM (a->w)),
                                 b1, num (b2, MM (a->h)), b2);
      el_text (o, "AbbreviatedData", d);
      g_free (d);
      xmlTextWriterEndElement (o->w);
    }
  const gw_border *b = a->u.box.border;
  double f = a->u.box.collapsed ? 0 : 0.5;
  double t = a->y + b[0].width * f, bo = a->y + a->h - b[1].width * f;
  double l = a->x + b[2].width * f, r = a->x + a->w - b[3].width * f;
  side (o, m, &b[0], a->x, t, a->x + a->w, t);
  side (o, m, &b[1], a->x, bo, a->x + a->w, bo);
  side (o, m, &b[2], l, a->y, l, a->y + a->h);
  side (o, m, &b[3], r, a->y, r, a->y + a->h);
}

/* Writes a glyph run as a TextObject: one TextCode of the run's characters, X/Y the first
 * one's origin and DeltaX the advances between characters, from the glyph positions. A
 * cluster of several characters puts them all at its origin; a glyph the font lacks shows
 * nothing (as in the PDF, whose text it then keeps). */
static void
text (ofd_writer *o, const gw_area *a, const cairo_matrix_t *m)
{
  PangoGlyphString *gs = a->u.text.glyphs;
  const char *s = a->u.text.text;
  if (!gs || !s || !a->u.text.font || !gs->num_glyphs)
    return;
  gw_ofd_font *f = gw_ofd_fonts_lookup (o->fonts, a->u.text.font, &o->next_id);
  if (!f)
    return;
  int len = a->u.text.item ? a->u.text.item->length : (int) strlen (s);
  GString *chars = g_string_new (NULL);
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));
  double x = 0; /* pt from the area's x */
  for (int i = 0; i < gs->num_glyphs; i++)
    {
      PangoGlyphInfo *g = &gs->glyphs[i];
      int c0 = gs->log_clusters[i];
      gboolean first = i == 0 || gs->log_clusters[i - 1] != c0;
      if (first && !(g->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        {
          int c1 = len;
          for (int j = i + 1; j < gs->num_glyphs; j++)
            if (gs->log_clusters[j] != c0)
              {
                c1 = MAX (gs->log_clusters[j], c0);
                break;
              }
          if (c1 <= c0)
            c1 = len;
          double gx = x + (double) g->geometry.x_offset / PANGO_SCALE;
          for (const char *p = s + c0; p < s + c1 && *p; p = g_utf8_next_char (p))
            {
              gunichar u = g_utf8_get_char (p);
              if (g_unichar_iscntrl (u) || u == 0x00AD)
                continue;
              g_string_append_unichar (chars, u);
              g_array_append_val (xs, gx);
              gw_ofd_font_use (f, u, g->glyph == PANGO_GLYPH_EMPTY ? 0 : g->glyph);
            }
        }
      x += (double) g->geometry.width / PANGO_SCALE;
    }
  if (!chars->len)
    {
      g_string_free (chars, TRUE);
      g_array_unref (xs);
      return;
    }
  double fs = a->u.text.font_size, pad = fs / 2;
  double bx = a->x - pad, by = MIN (a->y, a->u.text.baseline - fs) - pad;
  double bw = MAX (a->w, x) + 2 * pad, bh = MAX (a->y + a->h, a->u.text.baseline + fs / 2) + pad - by;
  cairo_matrix_t t;
  cairo_matrix_init_translate (&t, bx, by);
  if (m)
    cairo_matrix_multiply (&t, &t, m);
  if (o->seal_top >= 0)
    { /* GB/T 9704 §7.3.5.1: the 42 mm seal centred on the top of the date line (sign.xsl) */
      double cx = a->x + x / 2, cy = a->y;
      if (m)
        cairo_matrix_transform_point (m, &cx, &cy);
      double sb[4] = { MM (cx) - 21, MM (o->seal_top) - 21, 42, 42 };
      g_array_append_val (o->seal_pages, o->page);
      g_array_append_vals (o->seal_boxes, sb, 4);
      o->seal_top = -1;
    }
  object_begin (o, "TextObject", &t, MM (bw), MM (bh), TRUE);
  attr_uint (o, "Font", f->id);
  char b[G_ASCII_DTOSTR_BUF_SIZE];
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "Size", BAD_CAST num (b, MM (fs)));
  color (o, "FillColor", a->u.text.color);
  el (o, "TextCode");
  double first_x = g_array_index (xs, double, 0);
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "X", BAD_CAST num (b, MM (a->x + first_x - bx)));
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "Y", BAD_CAST num (b, MM (a->u.text.baseline - by)));
  if (xs->len > 1)
    {
      double *d = g_new (double, xs->len - 1);
      for (guint i = 0; i + 1 < xs->len; i++) /* rounded positions, so no drift */
        d[i] = round (MM (g_array_index (xs, double, i + 1)) * 1000) / 1000
               - round (MM (g_array_index (xs, double, i)) * 1000) / 1000;
      attr_nums (o->w, "DeltaX", d, (int) xs->len - 1);
      g_free (d);
    }
  xmlTextWriterWriteString (o->w, BAD_CAST chars->str);
  xmlTextWriterEndElement (o->w); /* TextCode */
  xmlTextWriterEndElement (o->w); /* TextObject */
  double lw = MAX (0.5, fs * 0.05);
  if (a->u.text.underline)
    {
      double seg[4] = { a->x, a->u.text.baseline + fs * 0.12, a->x + a->w, a->u.text.baseline + fs * 0.12 };
      path_lines (o, m, seg, 1, lw, a->u.text.color, 0);
    }
  if (a->u.text.line_through)
    {
      double seg[4] = { a->x, a->u.text.baseline - fs * 0.3, a->x + a->w, a->u.text.baseline - fs * 0.3 };
      path_lines (o, m, seg, 1, lw, a->u.text.color, 0);
    }
  g_string_free (chars, TRUE);
  g_array_unref (xs);
}

/* Writes a rule (leaders, blanks): dotted ones as round dots on render.c's fixed pitch. */
static void
rule (ofd_writer *o, const gw_area *a, const cairo_matrix_t *m)
{
  if (a->u.rule.style == GW_BS_DOTTED)
    {
      double pitch = MAX (a->u.rule.thickness * 4, 2), r = a->u.rule.thickness * 0.6;
      double x0 = ceil (a->x / pitch) * pitch + pitch / 2;
      if (x0 >= a->x + a->w)
        return;
      double x1 = x0 + floor ((a->x + a->w - x0 - 1e-9) / pitch) * pitch;
      cairo_matrix_t t;
      cairo_matrix_init_translate (&t, x0 - r, a->y - r);
      if (m)
        cairo_matrix_multiply (&t, &t, m);
      object_begin (o, "PathObject", &t, MM (x1 - x0 + 2 * r), MM (2 * r), TRUE);
      char b[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "LineWidth", BAD_CAST num (b, MM (2 * r)));
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Cap", BAD_CAST "Round");
      double d[2] = { 0, MM (pitch) };
      attr_nums (o->w, "DashPattern", d, 2);
      color (o, "StrokeColor", a->u.rule.color);
      char *p = g_strdup_printf ("M %s %s L %s %s", num (b, MM (r)), b, num (b2, MM (x1 - x0 + r)), b);
      el_text (o, "AbbreviatedData", p);
      g_free (p);
      xmlTextWriterEndElement (o->w);
      return;
    }
  gw_border b = { a->u.rule.thickness, a->u.rule.style, a->u.rule.color };
  side (o, m, &b, a->x, a->y, a->x + a->w, a->y + a->h);
}

/* cairo PNG writer callback: appends to a GByteArray. */
static cairo_status_t
png_write (void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append (closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* The file of a picture: a JPEG as it came, other rasters as PNG, an SVG drawn at 4 px a
 * point (OFD has no vector picture format gongwen could hand over). Sets *format. */
static GBytes *
image_file_new (const gw_image *img, const char **format)
{
  cairo_surface_t *src = img->surface, *own = NULL;
  if (src)
    {
      const unsigned char *jpeg;
      unsigned long jpeg_len;
      cairo_surface_get_mime_data (src, CAIRO_MIME_TYPE_JPEG, &jpeg, &jpeg_len);
      if (jpeg)
        {
          *format = "JPEG";
          return g_bytes_new (jpeg, jpeg_len);
        }
    }
  else if (img->svg)
    {
      int pw = (int) ceil (MIN (img->w * 4, 4000)), ph = (int) ceil (MIN (img->h * 4, 4000));
      own = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (pw, 1), MAX (ph, 1));
      cairo_t *cr = cairo_create (own);
      RsvgRectangle vp = { 0, 0, pw, ph };
      rsvg_handle_render_document (img->svg, cr, &vp, NULL);
      cairo_destroy (cr);
      src = own;
    }
  if (!src)
    return NULL;
  GByteArray *png = g_byte_array_new ();
  cairo_status_t st = cairo_surface_write_to_png_stream (src, png_write, png);
  if (own)
    cairo_surface_destroy (own);
  if (st != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      return NULL;
    }
  *format = "PNG";
  return g_byte_array_free_to_bytes (png);
}

/* The resource ID of a picture, its file added to the package on first use (0: none). */
static guint
image_id (ofd_writer *o, gw_image *img)
{
  gpointer v = g_hash_table_lookup (o->images, img);
  if (v)
    return GPOINTER_TO_UINT (v);
  const char *format = NULL;
  GBytes *data = image_file_new (img, &format);
  if (!data)
    {
      gw_diag_warn (o->ctx->diag, img->path, 0, _("picture left out of the OFD: cannot encode it"));
      g_hash_table_insert (o->images, img, GUINT_TO_POINTER (G_MAXUINT));
      return 0;
    }
  guint id = o->next_id++;
  char *name = g_strdup_printf ("Doc_0/Res/image_%u.%s", id, !strcmp (format, "JPEG") ? "jpg" : "png");
  part_add (o, name, data);
  g_ptr_array_add (o->image_parts, g_ptr_array_index (o->parts, o->parts->len - 1));
  g_array_append_val (o->image_ids, id);
  g_array_append_val (o->image_formats, format);
  g_free (name);
  g_hash_table_insert (o->images, img, GUINT_TO_POINTER (id));
  return id;
}

/* Writes an image as an ImageObject: the unit square of the stored picture, turned upright
 * (EXIF) and scaled into the area, as render.c's paint_image. */
static void
image (ofd_writer *o, const gw_area *a, const cairo_matrix_t *m)
{
  gw_image *img = a->u.image.image;
  if (!img || img->w <= 0 || img->h <= 0 || a->w <= 0 || a->h <= 0)
    return;
  guint id = image_id (o, img);
  if (!id || id == G_MAXUINT)
    return;
  int iw = 1, ih = 1;
  guint orientation = 1;
  if (img->surface)
    {
      iw = cairo_image_surface_get_width (img->surface);
      ih = cairo_image_surface_get_height (img->surface);
      orientation = img->orientation;
    }
  cairo_matrix_t t, e, step;
  double uw, uh;
  cairo_matrix_init_scale (&t, iw, ih);                /* unit square → stored pixels */
  gw_geom_exif_matrix (orientation, iw, ih, &e, &uw, &uh);
  cairo_matrix_multiply (&t, &t, &e);                  /* → upright pixels */
  cairo_matrix_init_scale (&step, a->w / uw, a->h / uh);
  cairo_matrix_multiply (&t, &t, &step);               /* → pt in the area */
  cairo_matrix_init_translate (&step, a->x, a->y);
  cairo_matrix_multiply (&t, &t, &step);
  if (m)
    cairo_matrix_multiply (&t, &t, m);
  object_begin (o, "ImageObject", &t, 1, 1, FALSE);
  attr_uint (o, "ResourceID", id);
  xmlTextWriterEndElement (o->w);
}

/* Writes an area and its children in the frame `m` (NULL: the page). */
static void
area (ofd_writer *o, const gw_area *a, const cairo_matrix_t *m, guint page)
{
  switch (a->kind)
    {
    case GW_AREA_BLOCK: box (o, a, m); break;
    case GW_AREA_TEXT: text (o, a, m); break;
    case GW_AREA_RULE: rule (o, a, m); break;
    case GW_AREA_IMAGE: image (o, a, m); break;
    case GW_AREA_DEST:
      if (a->name && !g_hash_table_contains (o->dests, a->name))
        {
          ofd_dest *d = g_new0 (ofd_dest, 1);
          double x = a->x, y = a->y;
          if (m)
            cairo_matrix_transform_point (m, &x, &y);
          d->page_id = g_array_index (o->page_ids, guint, page);
          d->x = MM (x), d->y = MM (y);
          g_hash_table_insert (o->dests, (gpointer) a->name, d);
          if (g_str_has_prefix (a->name, "gw-seal-"))
            o->seal_top = y;
        }
      break;
    default: break;
    }
  cairo_matrix_t turned;
  m = gw_geom_child_matrix (a, m, &turned);
  for (const gw_area *c = a->first; c; c = c->next)
    area (o, c, m, page);
}

/* Writes page `i`'s Content.xml. */
static void
page (ofd_writer *o, guint i)
{
  const gw_area *pg = g_ptr_array_index (o->areas->pages, i);
  part_begin (o, "Page");
  el (o, "Area");
  double pb[4] = { 0, 0, MM (pg->u.page.width), MM (pg->u.page.height) };
  xmlTextWriterStartElementNS (o->w, BAD_CAST "ofd", BAD_CAST "PhysicalBox", NULL);
  GString *s = g_string_new (NULL);
  char b[G_ASCII_DTOSTR_BUF_SIZE];
  for (int k = 0; k < 4; k++)
    g_string_append_printf (s, "%s%s", k ? " " : "", num (b, pb[k]));
  xmlTextWriterWriteString (o->w, BAD_CAST s->str);
  g_string_free (s, TRUE);
  xmlTextWriterEndElement (o->w);
  xmlTextWriterEndElement (o->w); /* Area */
  el (o, "Content");
  el (o, "Layer");
  attr_uint (o, "ID", o->next_id++);
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "Type", BAD_CAST "Body");
  o->page = i;
  o->seal_top = -1;
  area (o, pg, NULL, i);
  xmlTextWriterEndElement (o->w); /* Layer */
  xmlTextWriterEndElement (o->w); /* Content */
  char *name = g_strdup_printf ("Doc_0/Pages/Page_%u/Content.xml", i);
  part_end (o, name);
  g_free (name);
}

/* Writes Res/font_N.* (subsets) and PublicRes.xml listing them. */
static void
public_res (ofd_writer *o)
{
  GPtrArray *list = gw_ofd_fonts_list (o->fonts);
  part_begin (o, "Res");
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "BaseLoc", BAD_CAST "Res");
  if (list->len)
    el (o, "Fonts");
  for (guint i = 0; i < list->len; i++)
    {
      gw_ofd_font *f = g_ptr_array_index (list, i);
      const char *ext = "ttf";
      GBytes *sub = gw_ofd_font_subset_new (f, &ext);
      el (o, "Font");
      attr_uint (o, "ID", f->id);
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "FontName", BAD_CAST f->family);
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "FamilyName", BAD_CAST f->family);
      if (sub)
        {
          char *file = g_strdup_printf ("font_%u.%s", f->id, ext);
          char *path = g_strdup_printf ("Doc_0/Res/%s", file);
          el_text (o, "FontFile", file);
          part_add (o, path, sub);
          g_free (file);
          g_free (path);
        }
      else
        gw_diag_warn (o->ctx->diag, NULL, 0, _("font %s not embedded in the OFD: HarfBuzz cannot subset it"), f->family);
      xmlTextWriterEndElement (o->w);
    }
  if (list->len)
    xmlTextWriterEndElement (o->w);
  part_end (o, "Doc_0/PublicRes.xml");
}

/* Writes DocumentRes.xml: the pictures. */
static void
document_res (ofd_writer *o)
{
  part_begin (o, "Res");
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "BaseLoc", BAD_CAST "Res");
  if (o->image_parts->len)
    el (o, "MultiMedias");
  for (guint i = 0; i < o->image_parts->len; i++)
    {
      ofd_part *p = g_ptr_array_index (o->image_parts, i);
      el (o, "MultiMedia");
      attr_uint (o, "ID", g_array_index (o->image_ids, guint, i));
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Type", BAD_CAST "Image");
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Format",
                                   BAD_CAST g_array_index (o->image_formats, const char *, i));
      el_text (o, "MediaFile", strrchr (p->name, '/') + 1);
      xmlTextWriterEndElement (o->w);
    }
  if (o->image_parts->len)
    xmlTextWriterEndElement (o->w);
  part_end (o, "Doc_0/DocumentRes.xml");
}

/* Writes the seal areas as Stamp annotations without appearance content: the place a later
 * electronic seal goes (Annots/Annotations.xml and one Annotation.xml per page). */
static gboolean
annotations (ofd_writer *o, const char *date)
{
  if (!o->seal_pages->len)
    return FALSE;
  for (guint k = 0; k < o->seal_pages->len; k++)
    {
      guint pg = g_array_index (o->seal_pages, guint, k);
      part_begin (o, "PageAnnot");
      el (o, "Annot");
      attr_uint (o, "ID", o->next_id++);
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Type", BAD_CAST "Stamp");
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Creator", BAD_CAST "gongwen");
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "LastModDate", BAD_CAST date);
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Subtype", BAD_CAST "gongwen.SealArea");
      el_text (o, "Remark", "GB/T 9704 印章位置（42 mm）：电子印章的位置");
      el (o, "Parameters");
      el (o, "Parameter");
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Name", BAD_CAST "gongwen.seal.diameter");
      xmlTextWriterWriteString (o->w, BAD_CAST "42");
      xmlTextWriterEndElement (o->w);
      xmlTextWriterEndElement (o->w);
      el (o, "Appearance");
      attr_nums (o->w, "Boundary", &g_array_index (o->seal_boxes, double, 4 * k), 4);
      xmlTextWriterEndElement (o->w);
      xmlTextWriterEndElement (o->w); /* Annot */
      char *name = g_strdup_printf ("Doc_0/Annots/Page_%u/Annotation.xml", pg);
      part_end (o, name);
      g_free (name);
    }
  part_begin (o, "Annotations");
  for (guint k = 0; k < o->seal_pages->len; k++)
    {
      guint pg = g_array_index (o->seal_pages, guint, k);
      if (k && pg == g_array_index (o->seal_pages, guint, k - 1))
        continue; /* (one seal a page is all gongwen places) */
      el (o, "Page");
      attr_uint (o, "PageID", g_array_index (o->page_ids, guint, pg));
      char *loc = g_strdup_printf ("Page_%u/Annotation.xml", pg);
      el_text (o, "FileLoc", loc);
      g_free (loc);
      xmlTextWriterEndElement (o->w);
    }
  part_end (o, "Doc_0/Annots/Annotations.xml");
  return TRUE;
}

/* Writes the outline entries of a bookmark list. */
static void
outline (ofd_writer *o, GPtrArray *list)
{
  for (guint i = 0; list && i < list->len; i++)
    {
      gw_bookmark *bm = g_ptr_array_index (list, i);
      el (o, "OutlineElem");
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Title", BAD_CAST (bm->title ? bm->title : ""));
      if (!bm->open && bm->children && bm->children->len)
        xmlTextWriterWriteAttribute (o->w, BAD_CAST "Expanded", BAD_CAST "false");
      ofd_dest *d = bm->dest ? g_hash_table_lookup (o->dests, bm->dest) : NULL;
      el (o, "Actions");
      el (o, "Action");
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Event", BAD_CAST "CLICK");
      el (o, "Goto");
      el (o, "Dest");
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Type", BAD_CAST "XYZ");
      attr_uint (o, "PageID", d ? d->page_id : g_array_index (o->page_ids, guint, 0));
      char b[G_ASCII_DTOSTR_BUF_SIZE];
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Left", BAD_CAST num (b, d ? d->x : 0));
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "Top", BAD_CAST num (b, d ? d->y : 0));
      xmlTextWriterEndElement (o->w); /* Dest */
      xmlTextWriterEndElement (o->w); /* Goto */
      xmlTextWriterEndElement (o->w); /* Action */
      xmlTextWriterEndElement (o->w); /* Actions */
      outline (o, bm->children);
      xmlTextWriterEndElement (o->w);
    }
}

/* Writes Doc_0/Document.xml. */
static void
document (ofd_writer *o, gboolean annots)
{
  const gw_area *p0 = g_ptr_array_index (o->areas->pages, 0);
  part_begin (o, "Document");
  el (o, "CommonData");
  char id[16];
  g_snprintf (id, sizeof id, "%u", o->next_id - 1);
  el_text (o, "MaxUnitID", id);
  el (o, "PageArea");
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];
  char *box = g_strdup_printf ("0 0 %s %s", num (b1, MM (p0->u.page.width)), num (b2, MM (p0->u.page.height)));
  el_text (o, "PhysicalBox", box);
  g_free (box);
  xmlTextWriterEndElement (o->w);
  el_text (o, "PublicRes", "PublicRes.xml");
  el_text (o, "DocumentRes", "DocumentRes.xml");
  xmlTextWriterEndElement (o->w); /* CommonData */
  el (o, "Pages");
  for (guint i = 0; i < o->areas->pages->len; i++)
    {
      el (o, "Page");
      attr_uint (o, "ID", g_array_index (o->page_ids, guint, i));
      char *loc = g_strdup_printf ("Pages/Page_%u/Content.xml", i);
      xmlTextWriterWriteAttribute (o->w, BAD_CAST "BaseLoc", BAD_CAST loc);
      g_free (loc);
      xmlTextWriterEndElement (o->w);
    }
  xmlTextWriterEndElement (o->w); /* Pages */
  if (o->areas->bookmarks && o->areas->bookmarks->len)
    {
      el (o, "Outlines");
      outline (o, o->areas->bookmarks);
      xmlTextWriterEndElement (o->w);
    }
  if (annots)
    el_text (o, "Annotations", "Annots/Annotations.xml");
  part_end (o, "Doc_0/Document.xml");
}

/* Writes OFD.xml; its DocID is hashed from every other part, so it changes with them. */
static void
entry (ofd_writer *o, const char *date, const char *datetime)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < o->parts->len; i++)
    {
      ofd_part *p = g_ptr_array_index (o->parts, i);
      gsize len;
      const guchar *d = g_bytes_get_data (p->data, &len);
      g_checksum_update (sum, (const guchar *) p->name, (gssize) strlen (p->name) + 1);
      g_checksum_update (sum, d, (gssize) len);
    }
  char *docid = g_strndup (g_checksum_get_string (sum), 32);
  g_checksum_free (sum);
  part_begin (o, "OFD");
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "Version", BAD_CAST "1.0");
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "DocType", BAD_CAST "OFD");
  el (o, "DocBody");
  el (o, "DocInfo");
  el_text (o, "DocID", docid);
  const gw_areas *a = o->areas;
  if (a->title)
    el_text (o, "Title", a->title);
  if (a->author)
    el_text (o, "Author", a->author);
  if (a->subject)
    el_text (o, "Subject", a->subject);
  el_text (o, "CreationDate", date);
  el_text (o, "ModDate", date);
  if (a->keywords)
    {
      el (o, "Keywords");
      el_text (o, "Keyword", a->keywords);
      xmlTextWriterEndElement (o->w);
    }
  el_text (o, "Creator", a->creator ? a->creator : "gongwen");
  el_text (o, "CreatorVersion", GW_VERSION);
  el (o, "CustomDatas");
  el (o, "CustomData");
  xmlTextWriterWriteAttribute (o->w, BAD_CAST "Name", BAD_CAST "gongwen.created");
  xmlTextWriterWriteString (o->w, BAD_CAST datetime);
  xmlTextWriterEndElement (o->w);
  xmlTextWriterEndElement (o->w);
  xmlTextWriterEndElement (o->w); /* DocInfo */
  el_text (o, "DocRoot", "Doc_0/Document.xml");
  xmlTextWriterEndElement (o->w); /* DocBody */
  part_end (o, "OFD.xml");
  g_free (docid);
}

/* Writes the OFD package. */
gboolean
gw_render_ofd (gw_ctx *ctx, const gw_areas *areas, const char *path, char **sha256)
{
  if (!areas->pages->len)
    {
      gw_diag_error (ctx->diag, path, 0, _("no pages to write"));
      return FALSE;
    }
  ofd_writer o = { .ctx = ctx, .areas = areas, .next_id = 1 };
  o.parts = g_ptr_array_new_with_free_func (part_free);
  o.fonts = gw_ofd_fonts_new ();
  o.images = g_hash_table_new (NULL, NULL);
  o.image_parts = g_ptr_array_new ();
  o.image_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  o.image_formats = g_array_new (FALSE, FALSE, sizeof (const char *));
  o.dests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  o.page_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  o.seal_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  o.seal_boxes = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < areas->pages->len; i++)
    {
      guint id = o.next_id++;
      g_array_append_val (o.page_ids, id);
    }
  gint64 when = ctx->source_date >= 0 ? ctx->source_date : g_get_real_time () / G_USEC_PER_SEC;
  GDateTime *dt = g_date_time_new_from_unix_utc (when);
  char *date = g_date_time_format (dt, "%Y-%m-%d");
  char *datetime = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  g_date_time_unref (dt);
  for (guint i = 0; i < areas->pages->len; i++)
    page (&o, i);
  public_res (&o);
  document_res (&o);
  gboolean annots = annotations (&o, date);
  document (&o, annots);
  entry (&o, date, datetime);
  /* the zip: OFD.xml (written last) first, then the parts in the order written */
  g_ptr_array_insert (o.parts, 0, g_ptr_array_steal_index (o.parts, o.parts->len - 1));
  GPtrArray *names = g_ptr_array_new (), *datas = g_ptr_array_new ();
  for (guint i = 0; i < o.parts->len; i++)
    {
      ofd_part *p = g_ptr_array_index (o.parts, i);
      g_ptr_array_add (names, p->name);
      g_ptr_array_add (datas, p->data);
    }
  GBytes *zip = gw_ofd_zip_new (ctx, names, datas, when, path);
  g_ptr_array_unref (names);
  g_ptr_array_unref (datas);
  gboolean ok = zip != NULL;
  if (ok)
    {
      gw_render_out out;
      ok = gw_render_out_open (ctx, &out, path, "OFD");
      if (ok)
        {
          out.sha256 = sha256;
          gsize len;
          const guint8 *d = g_bytes_get_data (zip, &len);
          g_byte_array_append (out.buf, d, (guint) len);
          ok = gw_render_out_close (ctx, &out, path, "OFD");
        }
      g_bytes_unref (zip);
    }
  g_free (date);
  g_free (datetime);
  g_ptr_array_unref (o.parts);
  gw_ofd_fonts_free (o.fonts);
  g_hash_table_destroy (o.images);
  g_ptr_array_unref (o.image_parts);
  g_array_unref (o.image_ids);
  g_array_unref (o.image_formats);
  g_hash_table_destroy (o.dests);
  g_array_unref (o.page_ids);
  g_array_unref (o.seal_pages);
  g_array_unref (o.seal_boxes);
  return ok;
}
