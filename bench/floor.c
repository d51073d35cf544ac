/* floor.c — "the floor": the least work any Pango/Cairo renderer must do for the bench texts.
 *
 * It reads paragraphs written by bench/gen_fo.py (one a line, "KIND<TAB>text"), shapes and breaks
 * each with a PangoLayout at the GB/T 9704 type-area width (442 pt, 16 pt, justified, 2em first-line
 * indent), paginates by a fixed line pitch, draws each line with pango_cairo_show_layout_line on a
 * cairo PDF surface, and writes the PDF.  No XML, no FO, no property inheritance, no keeps, no
 * area tree: whatever gongwen spends beyond this is its own overhead.
 *
 *   floor [FONTS] regulation IN.txt OUT.pdf        one long document (page numbers "— N —")
 *   floor [FONTS] notices IN.txt OUTDIR [COUNT]    one PDF per notice (documents end at a "=" line)
 *
 * FONTS (family names, resolved by Pango through the default fontconfig, so FONTCONFIG_FILE may
 * point at the same fonts.conf gongwen uses and role names such as 仿宋 resolve identically):
 *   --font FAMILY    body, title, page numbers and headings (the --body/--head/--title that
 *                    follow override it)
 *   --body FAMILY    body text and page numbers (default "AR PL UMing CN")
 *   --title FAMILY   the 22 pt title (default: the body family)
 *   --head FAMILY    headings and article labels (default "WenQuanYi Zen Hei")
 *
 * Kinds: T title (22 pt, centred), H heading (黑体 stand-in, centred), N centred line, L left line,
 * P body paragraph, A article ("A<TAB>第N条<TAB>text": label in the heading font), R right line
 * (end-indent 4em), S left line at a 14 pt pitch, never wrapped (one line of a PDF's text), B page
 * break (text ignored).  Default fonts: "AR PL UMing CN" and "WenQuanYi Zen Hei", as in the bench FO
 * files.
 *
 * Build: cc -O2 -std=c11 floor.c -o floor $(pkg-config --cflags --libs pangocairo cairo-pdf)
 */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define TOP (37 * MM)
#define LEFT (28 * MM)
#define BODY_W 442.0
#define BODY_BOTTOM (PAGE_H - 35 * MM)
#define PITCH 28.95
#define BODY_FONT "AR PL UMing CN"
#define HEAD_FONT "WenQuanYi Zen Hei"

typedef struct {
  PangoContext *pc;
  PangoFontDescription *body, *head, *title, *folio;
  const char *head_family; /* for the article labels */
  cairo_surface_t *surface;
  cairo_t *cr;
  double y;        /* top of the next line */
  int page;        /* current page number, 1-based */
  int page_dirty;  /* something drawn on the current page */
  int folios;      /* draw page numbers */
  long pages_total;
} floor_doc;

/* Creates the Pango context shared by all documents: 72 dpi (1 pt = 1 unit), unhinted metrics. */
static PangoContext *
floor_context_new (void)
{
  PangoFontMap *fm = pango_cairo_font_map_get_default ();
  PangoContext *pc = pango_font_map_create_context (fm);
  pango_cairo_context_set_resolution (pc, 72.0);
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pc, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_round_glyph_positions (pc, FALSE);
  pango_context_set_language (pc, pango_language_from_string ("zh-cn"));
  return pc;
}

/* Draws the page number of the current page in the region-after. */
static void
floor_folio (floor_doc *d)
{
  char buf[64];
  snprintf (buf, sizeof buf, "— %d —", d->page);
  PangoLayout *l = pango_layout_new (d->pc);
  pango_layout_set_font_description (l, d->folio);
  pango_layout_set_text (l, buf, -1);
  pango_layout_set_width (l, (int) (BODY_W * PANGO_SCALE));
  pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  cairo_move_to (d->cr, LEFT, PAGE_H - 28 * MM - 7);
  pango_cairo_show_layout (d->cr, l);
  g_object_unref (l);
}

/* Ends the current page (if anything is on it) and starts a new one. */
static void
floor_page_break (floor_doc *d)
{
  if (!d->page_dirty)
    return;
  if (d->folios)
    floor_folio (d);
  cairo_show_page (d->cr);
  d->pages_total++;
  d->page++;
  d->page_dirty = 0;
  d->y = TOP;
}

/* Opens a PDF document at PATH. */
static int
floor_doc_open (floor_doc *d, const char *path)
{
  d->surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  if (cairo_surface_status (d->surface) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "floor: cannot create %s\n", path);
      cairo_surface_destroy (d->surface);
      return -1;
    }
  d->cr = cairo_create (d->surface);
  d->y = TOP;
  d->page = 1;
  d->page_dirty = 0;
  return 0;
}

/* Finishes and writes the PDF document. */
static int
floor_doc_close (floor_doc *d)
{
  if (d->page_dirty)
    {
      if (d->folios)
        floor_folio (d);
      cairo_show_page (d->cr);
      d->pages_total++;
    }
  cairo_destroy (d->cr);
  cairo_surface_finish (d->surface);
  int bad = cairo_surface_status (d->surface) != CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (d->surface);
  d->cr = NULL;
  d->surface = NULL;
  if (bad)
    fprintf (stderr, "floor: writing a PDF failed\n");
  return bad ? -1 : 0;
}

/* Adds vertical space (dropped at the top of a page, like a conditional FO space). */
static void
floor_space (floor_doc *d, double pts)
{
  if (d->y > TOP)
    d->y += pts;
}

/* Lays out one paragraph line of kind KIND and draws its lines, breaking pages as needed. */
static void
floor_paragraph (floor_doc *d, char kind, char *text)
{
  PangoLayout *l = pango_layout_new (d->pc);
  double pitch = PITCH, width = BODY_W;
  PangoFontDescription *font = d->body;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  int justify = 0, indent = 0;
  PangoAttrList *attrs = NULL;
  char *label_end = NULL;

  switch (kind)
    {
    case 'T': font = d->title; pitch = 33; align = PANGO_ALIGN_CENTER; break;
    case 'H': font = d->head; align = PANGO_ALIGN_CENTER;
      if (strstr (text, "章")) floor_space (d, PITCH);
      break;
    case 'N': align = PANGO_ALIGN_CENTER; break;
    case 'L': break;
    case 'S': pitch = 14; break;
    case 'R': align = PANGO_ALIGN_RIGHT; width = BODY_W - 64;
      if (strstr (text, "局")) floor_space (d, PITCH);
      break;
    case 'A':
      label_end = strchr (text, '\t');
      /* fall through */
    default: justify = 1; indent = 32; break;
    }
  if (label_end)
    {
      /* "第N条<TAB>body" → "第N条　body", the label in the heading font. */
      size_t n = (size_t) (label_end - text);
      GString *s = g_string_new_len (text, (gssize) n);
      g_string_append (s, "\xe3\x80\x80");
      g_string_append (s, label_end + 1);
      pango_layout_set_text (l, s->str, (int) s->len);
      g_string_free (s, TRUE);
      attrs = pango_attr_list_new ();
      PangoAttribute *a = pango_attr_family_new (d->head_family);
      a->start_index = 0;
      a->end_index = (guint) n;
      pango_attr_list_insert (attrs, a);
      pango_layout_set_attributes (l, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_text (l, text, -1);
  pango_layout_set_font_description (l, font);
  pango_layout_set_width (l, kind == 'S' ? -1 : (int) (width * PANGO_SCALE)); /* S: no wrapping */
  pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (l, align);
  pango_layout_set_justify (l, justify);
  pango_layout_set_indent (l, indent * PANGO_SCALE);

  PangoLayoutIter *it = pango_layout_get_iter (l);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (it);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (it, NULL, &logical);
      if (d->y + pitch > BODY_BOTTOM + 0.01)
        floor_page_break (d);
      double h = (double) logical.height / PANGO_SCALE;
      double ascent = (double) pango_layout_iter_get_baseline (it) / PANGO_SCALE
                      - (double) logical.y / PANGO_SCALE;
      double baseline = d->y + (pitch - h) / 2 + ascent;
      cairo_move_to (d->cr, LEFT + (double) logical.x / PANGO_SCALE, baseline);
      pango_cairo_show_layout_line (d->cr, line);
      d->y += pitch;
      d->page_dirty = 1;
    }
  while (pango_layout_iter_next_line (it));
  pango_layout_iter_free (it);
  g_object_unref (l);

  if (kind == 'T')
    floor_space (d, 14);
  else if (kind == 'N')
    floor_space (d, PITCH);
  else if (kind == 'H' && strstr (text, "章"))
    floor_space (d, PITCH);
}

/* Handles one input line; returns 1 at a document separator ("="). */
static int
floor_line (floor_doc *d, char *line)
{
  size_t n = strlen (line);
  while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
    line[--n] = 0;
  if (!strcmp (line, "="))
    return 1;
  if (n < 2 || line[1] != '\t')
    return 0;
  if (line[0] == 'B')
    floor_page_break (d);
  else
    floor_paragraph (d, line[0], line + 2);
  return 0;
}

/* Prints usage and returns 2. */
static int
floor_usage (void)
{
  fprintf (stderr, "usage: floor [FONTS] regulation IN.txt OUT.pdf\n"
                   "       floor [FONTS] notices IN.txt OUTDIR [COUNT]\n"
                   "FONTS: --font FAMILY, --body FAMILY, --title FAMILY, --head FAMILY\n");
  return 2;
}

/* Returns a font description "FAMILY SIZE" (the family may contain spaces). */
static PangoFontDescription *
floor_font (const char *family, double size)
{
  PangoFontDescription *fd = pango_font_description_new ();
  pango_font_description_set_family (fd, family);
  pango_font_description_set_size (fd, (int) (size * PANGO_SCALE));
  return fd;
}

/* Entry point. */
int
main (int argc, char **argv)
{
  const char *body = NULL, *head = NULL, *title = NULL, *all = NULL;
  while (argc > 2 && !strncmp (argv[1], "--", 2))
    {
      const char **dst = !strcmp (argv[1], "--font")    ? &all
                         : !strcmp (argv[1], "--body")  ? &body
                         : !strcmp (argv[1], "--head")  ? &head
                         : !strcmp (argv[1], "--title") ? &title : NULL;
      if (!dst)
        return floor_usage ();
      *dst = argv[2];
      argc -= 2;
      argv += 2;
    }
  if (!body)
    body = all ? all : BODY_FONT;
  if (!head)
    head = all ? all : HEAD_FONT;
  if (!title)
    title = body;
  if (argc < 4)
    return floor_usage ();
  int notices = !strcmp (argv[1], "notices");
  if (!notices && strcmp (argv[1], "regulation"))
    return floor_usage ();
  long count = notices && argc > 4 ? strtol (argv[4], NULL, 10) : 1000000;
  FILE *in = fopen (argv[2], "r");
  if (!in)
    {
      fprintf (stderr, "floor: cannot read %s\n", argv[2]);
      return 1;
    }
  floor_doc d = { 0 };
  d.pc = floor_context_new ();
  d.body = floor_font (body, 16);
  d.head = floor_font (head, 16);
  d.title = floor_font (title, 22);
  d.folio = floor_font (body, 14);
  d.head_family = head;
  d.folios = !notices;

  char *buf = NULL;
  size_t cap = 0;
  long docs = 0;
  int open = 0, rc = 0;
  while (getline (&buf, &cap, in) > 0 && docs < count)
    {
      if (!open)
        {
          char path[4096];
          if (notices)
            snprintf (path, sizeof path, "%s/notice-%04ld.pdf", argv[3], docs + 1);
          else
            snprintf (path, sizeof path, "%s", argv[3]);
          if (floor_doc_open (&d, path) < 0)
            {
              rc = 1;
              break;
            }
          open = 1;
        }
      if (floor_line (&d, buf) && notices)
        {
          rc |= floor_doc_close (&d) < 0;
          open = 0;
          docs++;
        }
    }
  if (open)
    {
      rc |= floor_doc_close (&d) < 0;
      docs++;
    }
  free (buf);
  fclose (in);
  fprintf (stderr, "floor: %ld document(s), %ld page(s)\n", docs, d.pages_total);
  pango_font_description_free (d.body);
  pango_font_description_free (d.head);
  pango_font_description_free (d.title);
  pango_font_description_free (d.folio);
  g_object_unref (d.pc);
  return rc;
}
