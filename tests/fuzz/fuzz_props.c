/* fuzz_props.c — libFuzzer target for property values: the input is lines "name:value"
 * (a line without ':' is a value for a property picked by its first byte).  Every value is
 * fed to gw_parse_length and gw_parse_color, all of them become attributes of a synthetic
 * fo:block whose style is computed (and that of a child inheriting from it).  Besides not
 * crashing, the computed styles must stay sane: invalid values are replaced by defaults, so
 * no NaN or infinite number and no negative size may come out. */
#include "fuzz-common.h"
#include "fo/style.h"

#include <math.h>
#include <string.h>

static const char *const fuzz_prop_names[] = {
  "font-size", "font-family", "font-weight", "font-style", "color", "background-color",
  "line-height", "text-align", "text-align-last", "text-indent", "last-line-end-indent",
  "start-indent", "end-indent", "space-before", "space-after", "space-before.optimum",
  "space-before.minimum", "space-after.maximum", "space-before.conditionality",
  "space-after.precedence", "letter-spacing", "letter-spacing.optimum", "word-spacing",
  "margin", "margin-top", "margin-left", "margin-right", "margin-bottom", "padding",
  "padding-before", "padding-start.length", "padding-after.conditionality", "border",
  "border-width", "border-style", "border-color", "border-top", "border-before-width",
  "border-start-color", "border-end-style", "border-after-width.conditionality",
  "border-collapse", "border-separation", "border-spacing",
  "border-separation.inline-progression-direction", "break-before", "break-after",
  "keep-together", "keep-with-next.within-page", "keep-with-previous", "widows", "orphans",
  "text-decoration", "baseline-shift", "vertical-align", "white-space-collapse",
  "linefeed-treatment", "white-space-treatment", "white-space", "wrap-option",
  "display-align", "width", "height", "inline-progression-dimension.minimum",
  "block-progression-dimension", "top", "left", "right", "bottom", "absolute-position",
  "grid", "char-pitch", "line-pitch", "page-width", "page-height", "extent", "content-width",
  "column-width", "number-columns-spanned", "unknown-property",
};

/* Aborts (a finding) when a computed number is not sane. */
static void
fuzz_check_number (double v, gboolean nonneg, const char *what)
{
  if (!isfinite (v) || (nonneg && v < 0))
    {
      fprintf (stderr, "fuzz_props: computed %s = %g\n", what, v);
      abort ();
    }
}

/* Aborts when a gw_len is not sane. */
static void
fuzz_check_len (gw_len l, const char *what)
{
  fuzz_check_number (l.v, FALSE, what);
}

/* Checks the invariants of a computed style. */
static void
fuzz_check_style (const gw_style *st)
{
  fuzz_check_number (st->font_size, TRUE, "font-size");
  if (st->font_size <= 0)
    abort ();
  fuzz_check_number (gw_style_line_height (st), TRUE, "line-height");
  fuzz_check_number (st->word_spacing, FALSE, "word-spacing");
  fuzz_check_number (st->letter_spacing.opt, FALSE, "letter-spacing");
  fuzz_check_number (st->space_before.opt, FALSE, "space-before");
  fuzz_check_number (st->space_after.opt, FALSE, "space-after");
  fuzz_check_number (st->baseline_shift, FALSE, "baseline-shift");
  fuzz_check_number (st->border_sep_ipd, TRUE, "border-separation");
  fuzz_check_number (st->border_sep_bpd, TRUE, "border-separation");
  fuzz_check_number (st->grid_char_pitch, TRUE, "char-pitch");
  fuzz_check_number (st->grid_line_pitch, TRUE, "line-pitch");
  fuzz_check_len (st->text_indent, "text-indent");
  fuzz_check_len (st->start_indent, "start-indent");
  fuzz_check_len (st->end_indent, "end-indent");
  fuzz_check_len (st->last_line_end_indent, "last-line-end-indent");
  fuzz_check_len (st->width, "width");
  fuzz_check_len (st->height, "height");
  fuzz_check_len (st->top, "top");
  fuzz_check_len (st->left, "left");
  for (int i = 0; i < 4; i++)
    {
      fuzz_check_number (st->padding[i], TRUE, "padding");
      fuzz_check_number (st->border[i].width, TRUE, "border width");
      fuzz_check_number (st->border[i].color.r + st->border[i].color.a, TRUE, "border colour");
    }
  fuzz_check_number (st->color.r + st->color.g + st->color.b + st->color.a, TRUE, "colour");
  if (st->font_weight < 100 || st->font_weight > 900)
    abort ();
  if (!st->font_family || !*st->font_family)
    abort ();
}

/* One input. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gw_ctx *ctx = fuzz_ctx ();
  fuzz_reset (ctx);
  char *text = g_strndup ((const char *) data, size); /* stops at a NUL byte */
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr root = xmlNewDocNode (doc, NULL, (const xmlChar *) "block", NULL);
  xmlDocSetRootElement (doc, root);
  xmlNsPtr fo_ns = xmlNewNs (root, (const xmlChar *) GW_FO_NS, (const xmlChar *) "fo");
  xmlNsPtr gx_ns = xmlNewNs (root, (const xmlChar *) GW_GX_NS, (const xmlChar *) "gx");
  xmlSetNs (root, fo_ns);
  xmlNodePtr child = xmlNewChild (root, fo_ns, (const xmlChar *) "inline", NULL);
  char **lines = g_strsplit (text, "\n", 64);
  for (int i = 0; lines[i]; i++)
    {
      char *line = lines[i];
      char *colon = strchr (line, ':');
      const char *name, *value;
      if (colon && colon != line)
        {
          *colon = '\0';
          name = line;
          value = colon + 1;
        }
      else
        {
          name = fuzz_prop_names[(unsigned char) line[0] % G_N_ELEMENTS (fuzz_prop_names)];
          value = line[0] ? line + 1 : line;
        }
      gw_len len;
      gw_rgba rgba;
      if (gw_parse_length (value, 12, &len))
        {
          fuzz_check_len (len, "gw_parse_length");
          fuzz_check_number (gw_len_resolve (len, 595, 0), FALSE, "gw_len_resolve");
        }
      if (gw_parse_color (value, &rgba))
        fuzz_check_number (rgba.r + rgba.g + rgba.b + rgba.a, TRUE, "gw_parse_color");
      /* half the lines on the parent, half on the child; char-pitch and grid may be gx: */
      xmlNodePtr target = (i & 1) ? child : root;
      if (!strcmp (name, "grid") || !strcmp (name, "char-pitch") || !strcmp (name, "line-pitch"))
        xmlSetNsProp (target, gx_ns, (const xmlChar *) name, (const xmlChar *) value);
      else
        xmlSetProp (target, (const xmlChar *) name, (const xmlChar *) value);
    }
  g_strfreev (lines);
  gw_style_pool *pool = gw_style_pool_new ();
  const gw_style *st = gw_style_compute (ctx, pool, gw_style_initial (pool), root, "fuzz", NULL);
  fuzz_check_style (st);
  const gw_style *cst = gw_style_compute (ctx, pool, st, child, "fuzz", NULL);
  fuzz_check_style (cst);
  gw_style_pool_free (pool);
  xmlFreeDoc (doc);
  g_free (text);
  return 0;
}
