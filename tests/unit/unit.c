/* unit.c — unit tests of the formatter's building blocks, linked against the object files of
 * src/base, src/fo and src/layout (kinsoku, fonts).  Prints one line per check,
 * "ok - NAME" or "not ok - NAME: why"; exits 0 (the caller counts the lines).
 *
 *   kinsoku    gw_kinsoku_no_start / no_end for every character of the 避头尾 lists of
 *              doc/…/cjk-layout.md (GB/T 15834 §5.1), inseparable pairs, break decisions
 *   length     gw_parse_length: every unit, percent, em, keywords, invalid, huge, NaN, and
 *              the C-locale decimal point under a comma-decimal LC_NUMERIC
 *   color      gw_parse_color
 *   style      computed styles of a small FO document (gw_fotree_new → gw_style_compute):
 *              inheritance of font-size (%, em, 字号 names), line-height, start-indent from
 *              margin-left/padding/border, non-inherited properties reset, invalid values
 *   props      the property table: sorted without duplicates, found by name (compound
 *              components too), every byte of gw_style a row's field and every value byte
 *              hashed and compared, element fields inside gw_fo_props
 *   sha256     gw_sha256_hex_new against FIPS 180-2 vectors and GLib's GChecksum
 *   shape      gw_shape_run: a cached paragraph comes back equal (glyphs, clusters, break
 *              attributes), other font runs or text miss, long paragraphs are not kept, the
 *              two generations stay bounded and keep what is used again */
#include "base/ctx.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/sha256.h"
#include "base/xmlload.h"
#include "fo/fotree.h"
#include "fo/prop.h"
#include "fo/style.h"
#include "layout/kinsoku.h"
#include "layout/shape.h"

#include <pango/pangocairo.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;

/* Prints one result line. */
static void
check (gboolean ok, const char *name, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static void
check (gboolean ok, const char *name, const char *fmt, ...)
{
  if (ok)
    {
      printf ("ok - unit %s\n", name);
      return;
    }
  failures++;
  va_list ap;
  va_start (ap, fmt);
  char *why = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  printf ("not ok - unit %s: %s\n", name, why);
  g_free (why);
}

/* TRUE when two doubles agree to 1e-6. */
static gboolean
near (double a, double b)
{
  return fabs (a - b) < 1e-6;
}

/* ---- kinsoku ---- */

/* The 避头尾 lists of the reference (cjk-layout.md). */
static const char no_start_ref[] = "，。、；：？！）》〉」』】〕］｝”’·—～％‰々〻ゝゞ";
static const char no_end_ref[] = "（《〈「『【〔［｛“‘";

/* Decodes a UTF-8 string into code points; returns the count. */
static int
decode (const char *s, gunichar *out, int max)
{
  int n = 0;
  for (const char *p = s; *p && n < max; p = g_utf8_next_char (p))
    out[n++] = g_utf8_get_char (p);
  return n;
}

/* The break decision before position i of `s`, UAX#14 saying yes. */
static gboolean
brk_at (const char *s, int i)
{
  gunichar cp[64];
  int n = decode (s, cp, 64);
  return gw_kinsoku_break_ok (cp, n, i, TRUE);
}

/* Checks that every character of `ref` is in the class `is` tests (named `is_name`, by
 * function `is_fn`) and not in the class `not` tests (named `not_name`; `may` says why). */
static void
check_kinsoku_class (const char *ref, gboolean (*is) (gunichar), const char *is_name,
                     const char *is_fn, gboolean (*not) (gunichar), const char *not_name,
                     const char *may)
{
  char name[96];
  for (const char *p = ref; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      int len = (int) (g_utf8_next_char (p) - p);
      g_snprintf (name, sizeof name, "kinsoku %s %.*s U+%04X", is_name, len, p, ch);
      check (is (ch), name, "%s is FALSE", is_fn);
      g_snprintf (name, sizeof name, "kinsoku not %s %.*s", not_name, len, p);
      check (!not (ch), name, "%s", may);
    }
}

/* Runs the kinsoku checks. */
static void
test_kinsoku (void)
{
  char name[96];
  check_kinsoku_class (no_start_ref, gw_kinsoku_no_start, "no-start", "gw_kinsoku_no_start",
                       gw_kinsoku_no_end, "no-end", "a closing mark may end a line");
  check_kinsoku_class (no_end_ref, gw_kinsoku_no_end, "no-end", "gw_kinsoku_no_end",
                       gw_kinsoku_no_start, "no-start", "an opening mark may start a line");
  static const char ordinary[] = "中国质量检验法第条甲乙丙aZ09 …";
  for (const char *p = ordinary; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      g_snprintf (name, sizeof name, "kinsoku ordinary U+%04X", ch);
      check (!gw_kinsoku_no_start (ch) && !gw_kinsoku_no_end (ch), name, "treated as a 避头尾 character");
    }
  /* inseparable pairs */
  struct { gunichar a, b; gboolean want; const char *what; } pairs[] = {
    { 0x2014, 0x2014, TRUE, "—— (two em dashes)" },
    { 0x2026, 0x2026, TRUE, "…… (two ellipses)" },
    { '9', 0xFF05, TRUE, "9％" },
    { '9', '%', TRUE, "9%" },
    { 0xFF19, 0xFF05, TRUE, "９％ (full-width digit)" },
    { '5', 0x2030, TRUE, "5‰" },
    { '1', '9', TRUE, "digits of a number" },
    { 0x4E2D, 0xFF05, FALSE, "中％ (no number)" },
    { 0x2014, 0x4E2D, FALSE, "—中" },
    { 0x4E2D, 0x2014, FALSE, "中—" },
    { 0x4E2D, 0x56FD, FALSE, "中国" },
    { 0x2026, 0x4E2D, FALSE, "…中" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_snprintf (name, sizeof name, "kinsoku inseparable %s", pairs[i].what);
      check (gw_kinsoku_inseparable (pairs[i].a, pairs[i].b) == pairs[i].want, name, "got %d",
             !pairs[i].want);
    }
  /* break decisions (UAX#14 says yes everywhere) */
  struct { const char *s; int i; gboolean want; const char *what; } br[] = {
    { "中，国", 1, FALSE, "not before ，" },
    { "中，国", 2, TRUE, "after ，" },
    { "中。", 1, FALSE, "not before 。" },
    { "说：“好”", 3, FALSE, "not after “" },
    { "说：“好”", 2, TRUE, "before “" },
    { "说：“好”", 4, FALSE, "not before ”" },
    { "（中）", 1, FALSE, "not after （" },
    { "中（国", 1, TRUE, "before （" },
    { "《法》", 1, FALSE, "not after 《" },
    { "中——国", 1, TRUE, "—— may start a line" },
    { "中——国", 2, FALSE, "not inside ——" },
    { "中——国", 3, TRUE, "after ——" },
    { "（——", 1, FALSE, "not before —— after （" },
    { "中……国", 2, FALSE, "not inside ……" },
    { "中……国", 3, TRUE, "after ……" },
    { "率98％", 3, FALSE, "not before ％ after a digit" },
    { "率98％", 2, FALSE, "not inside a number" },
    { "率98％", 1, TRUE, "before a number" },
    { "1949—1986", 4, FALSE, "not before a single dash" },
    { "张·三", 1, FALSE, "not before ·" },
    { "中々", 1, FALSE, "not before 々" },
    { "约～", 1, FALSE, "not before ～" },
    { "中国", 0, FALSE, "never at position 0" },
    { "中国", 2, TRUE, "at the end" },
    { "中国人", 1, TRUE, "between ideographs" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (br); i++)
    {
      g_snprintf (name, sizeof name, "kinsoku break %s (%s @%d)", br[i].what, br[i].s, br[i].i);
      check (brk_at (br[i].s, br[i].i) == br[i].want, name, "got %d", !br[i].want);
    }
  gunichar cp[8];
  int n = decode ("中国人", cp, 8);
  check (!gw_kinsoku_break_ok (cp, n, 1, FALSE), "kinsoku break respects UAX#14 no", "broke where UAX#14 forbids");
  /* squeezable punctuation and CJK classes */
  int side = 0;
  check (gw_kinsoku_squeezable (0xFF0C, &side) && side == 1, "kinsoku squeezable ， (white on the right)", "side %d", side);
  side = 0;
  check (gw_kinsoku_squeezable (0xFF08, &side) && side == -1, "kinsoku squeezable （ (white on the left)", "side %d", side);
  check (!gw_kinsoku_squeezable (0x4E2D, &side), "kinsoku not squeezable 中", "squeezable");
  check (gw_kinsoku_is_cjk (0x4E2D) && gw_kinsoku_is_cjk (0xFF0C) && gw_kinsoku_is_cjk (0x3001),
         "kinsoku is_cjk ideographs and punctuation", "not CJK");
  check (!gw_kinsoku_is_cjk ('a') && !gw_kinsoku_is_cjk ('1') && !gw_kinsoku_is_cjk (' '),
         "kinsoku is_cjk not Latin", "Latin counted as CJK");
}

/* ---- lengths and colours ---- */

/* Checks one valid length. */
static void
length_ok (const char *s, double fs, gw_len_kind kind, double v)
{
  char name[96];
  g_snprintf (name, sizeof name, "length '%s'", s);
  gw_len l = { GW_LEN_AUTO, -12345 };
  gboolean ok = gw_parse_length (s, fs, &l);
  check (ok && l.kind == kind && near (l.v, v), name, "ok=%d kind=%d v=%g (expected kind %d v=%g)", ok,
         l.kind, l.v, kind, v);
}

/* Checks one invalid length. */
static void
length_bad (const char *s)
{
  char name[96];
  g_snprintf (name, sizeof name, "length invalid '%s'", s);
  gw_len l = { GW_LEN_AUTO, 0 };
  gboolean ok = gw_parse_length (s, 12, &l);
  check (!ok, name, "accepted as kind %d v=%g", l.kind, l.v);
}

/* Runs the length checks. */
static void
test_lengths (void)
{
  length_ok ("12pt", 12, GW_LEN_ABS, 12);
  length_ok ("10mm", 12, GW_LEN_ABS, 10 * 72 / 25.4);
  length_ok ("1cm", 12, GW_LEN_ABS, 72 / 2.54);
  length_ok ("1in", 12, GW_LEN_ABS, 72);
  length_ok ("2pc", 12, GW_LEN_ABS, 24);
  length_ok ("16px", 12, GW_LEN_ABS, 12);
  length_ok ("2em", 16, GW_LEN_ABS, 32);
  length_ok ("0.5em", 15, GW_LEN_ABS, 7.5);
  length_ok ("50%", 12, GW_LEN_PCT, 50);
  length_ok ("-3pt", 12, GW_LEN_ABS, -3);
  length_ok ("0", 12, GW_LEN_ABS, 0);
  length_ok ("  12pt", 12, GW_LEN_ABS, 12);
  length_ok ("1.5pt", 12, GW_LEN_ABS, 1.5);
  length_ok (".5pt", 12, GW_LEN_ABS, 0.5);
  length_ok ("210mm", 12, GW_LEN_ABS, 595.2755905511812);
  length_ok ("99999pt", 12, GW_LEN_ABS, 99999);
  length_ok ("auto", 12, GW_LEN_AUTO, 0);
  {
    gw_len l;
    check (gw_parse_length ("label-end()", 12, &l) && l.kind == GW_LEN_LABEL_END, "length 'label-end()'",
           "kind %d", l.kind);
    check (gw_parse_length ("body-start()", 12, &l) && l.kind == GW_LEN_BODY_START, "length 'body-start()'",
           "kind %d", l.kind);
  }
  length_bad ("");
  length_bad ("pt");
  length_bad ("12");
  length_bad ("12ptx");
  length_bad ("12px3");
  length_bad ("12 mm mm");
  length_bad ("1,5pt");
  length_bad ("abc");
  length_bad ("12furlongs");
  length_bad ("nanpt");
  length_bad ("NaNmm");
  length_bad ("infpt");
  length_bad ("-infpt");
  length_bad ("1e400pt");
  length_bad ("1e7pt");
  length_bad ("1e9em");
  length_bad ("12pt 3pt");
  /* the decimal point is '.', whatever LC_NUMERIC says */
  const char *loc = setlocale (LC_NUMERIC, "de_DE.UTF-8");
  if (loc)
    {
      length_ok ("1.5pt", 12, GW_LEN_ABS, 1.5);
      length_bad ("1,5pt");
      setlocale (LC_NUMERIC, "C");
    }
  else
    printf ("# de_DE.UTF-8 not available: comma-locale length checks skipped\n");
  /* resolution */
  check (near (gw_len_resolve ((gw_len){ GW_LEN_PCT, 25 }, 200, 7), 50), "length resolve percent", "wrong");
  check (near (gw_len_resolve ((gw_len){ GW_LEN_AUTO, 0 }, 200, 7), 7), "length resolve auto default", "wrong");
  check (near (gw_len_resolve ((gw_len){ GW_LEN_ABS, 3 }, 200, 7), 3), "length resolve absolute", "wrong");
}

/* Checks one valid colour. */
static void
color_ok (const char *s, double r, double g, double b, double a)
{
  char name[96];
  g_snprintf (name, sizeof name, "color '%s'", s);
  gw_rgba c = { -1, -1, -1, -1 };
  gboolean ok = gw_parse_color (s, &c);
  check (ok && fabs (c.r - r) < 0.002 && fabs (c.g - g) < 0.002 && fabs (c.b - b) < 0.002 && c.a == a, name,
         "ok=%d rgba(%g,%g,%g,%g)", ok, c.r, c.g, c.b, c.a);
}

/* Checks one invalid colour. */
static void
color_bad (const char *s)
{
  char name[96];
  g_snprintf (name, sizeof name, "color invalid '%s'", s);
  gw_rgba c;
  check (!gw_parse_color (s, &c), name, "accepted");
}

/* Runs the colour checks. */
static void
test_colors (void)
{
  color_ok ("#fff", 1, 1, 1, 1);
  color_ok ("#000000", 0, 0, 0, 1);
  color_ok ("#FF0000", 1, 0, 0, 1);
  color_ok ("#c00", 0.8, 0, 0, 1);
  color_ok ("#0080ff", 0, 128 / 255.0, 1, 1);
  color_ok ("red", 1, 0, 0, 1);
  color_ok ("Red", 1, 0, 0, 1);
  color_ok ("gray", 128 / 255.0, 128 / 255.0, 128 / 255.0, 1);
  color_ok ("rgb(0,128,255)", 0, 128 / 255.0, 1, 1);
  color_ok ("rgb(0, 128, 255)", 0, 128 / 255.0, 1, 1);
  color_ok ("transparent", 0, 0, 0, 0);
  color_bad ("");
  color_bad ("#");
  color_bad ("#ff");
  color_bad ("#12345");
  color_bad ("#1234567");
  color_bad ("#gggggg");
  color_bad ("rgb(256,0,0)");
  color_bad ("rgb(-1,0,0)");
  color_bad ("rgb(1,2)");
  color_bad ("notacolor");
  color_bad ("red blue");
}

/* ---- computed styles ---- */

static const char fo_doc[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                  /* 1 */
  "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" xmlns:gx=\"urn:gongwen:fo:1\">\n"      /* 2 */
  " <fo:layout-master-set><fo:simple-page-master master-name=\"p\"><fo:region-body/>"             /* 3 */
  "</fo:simple-page-master></fo:layout-master-set>\n"
  " <fo:page-sequence master-reference=\"p\">\n"                                                  /* 4 */
  "  <fo:flow flow-name=\"xsl-region-body\" id=\"flow\" font-size=\"16pt\" font-family=\"仿宋\" color=\"#c00\"\n" /* 5 */
  "      text-align=\"justify\" line-height=\"1.5\" space-before=\"7pt\" widows=\"3\">\n"        /* 6 */
  "   <fo:block id=\"pct\" font-size=\"150%\" border=\"1pt solid\" background-color=\"#eee\" break-before=\"page\"\n" /* 7 */
  "       keep-with-next=\"always\" space-before=\"12pt\" space-after.optimum=\"6pt\" space-after.conditionality=\"retain\">\n" /* 8 */
  "    <fo:block id=\"inherit\">继承</fo:block>\n"                                                 /* 9 */
  "    <fo:block id=\"em\" font-size=\"0.5em\">半</fo:block>\n"                                    /* 10 */
  "    <fo:block id=\"larger\" font-size=\"larger\">大</fo:block>\n"                               /* 11 */
  "   </fo:block>\n"                                                                               /* 12 */
  "   <fo:block id=\"sanhao\" font-size=\"三号\"/>\n"                                               /* 13 */
  "   <fo:block id=\"erhao\" font-size=\"二号\"/>\n"                                                /* 14 */
  "   <fo:block id=\"xiaosi\" font-size=\"小四\"/>\n"                                               /* 15 */
  "   <fo:block id=\"chuhao\" font-size=\"初号\"/>\n"                                               /* 16 */
  "   <fo:block id=\"wuhao\" font-size=\"五号\"/>\n"                                                /* 17 */
  "   <fo:block id=\"ml\" margin-left=\"2em\" margin-right=\"10pt\">\n"                             /* 18 */
  "    <fo:block id=\"ml-child\"/>\n"                                                              /* 19 */
  "    <fo:block id=\"ml-nested\" margin-left=\"10pt\" padding-left=\"5pt\" border-left=\"1pt solid\"/>\n" /* 20 */
  "    <fo:block id=\"si\" start-indent=\"3pt\" margin-left=\"100pt\"/>\n"                        /* 21 */
  "   </fo:block>\n"                                                                               /* 22 */
  "   <fo:block id=\"mt\" margin-top=\"9pt\"/>\n"                                                  /* 23 */
  "   <fo:block id=\"lh-pct\" line-height=\"150%\" font-size=\"10pt\"><fo:block id=\"lh-pct-child\" font-size=\"20pt\"/></fo:block>\n" /* 24 */
  "   <fo:block id=\"bad-size\" font-size=\"huge\"/>\n"                                           /* 25 */
  "   <fo:block id=\"bad-margin\" margin=\"10pt nonsense\"/>\n"                                   /* 26 */
  "   <fo:block id=\"bad-align\" text-align-last=\"sideways\"/>\n"                                /* 27 */
  "   <fo:block id=\"neg-size\" font-size=\"-4pt\"/>\n"                                           /* 28 */
  "   <fo:block id=\"grid\" gx:grid=\"true\" gx:char-pitch=\"15.79pt\" gx:line-pitch=\"28.95pt\"><fo:block id=\"grid-child\"/></fo:block>\n" /* 29 */
  "   <fo:block id=\"ls\" letter-spacing.minimum=\"0pt\" letter-spacing.optimum=\"2pt\" letter-spacing.maximum=\"3pt\" space-before.precedence=\"force\"/>\n" /* 30 */
  "   <fo:block id=\"unknown1\" frobnicate=\"1\"/>\n"                                              /* 31 */
  "   <fo:block id=\"unknown2\" frobnicate=\"2\" xml:lang=\"zh\"/>\n"                              /* 32 */
  "   <fo:block id=\"bc1\" border=\"1pt solid\" color=\"blue\"/>\n"                                 /* 33 */
  "   <fo:block id=\"bc2\" color=\"blue\" border=\"1pt solid\"/>\n"                                 /* 34 */
  "  </fo:flow>\n"
  " </fo:page-sequence>\n"
  "</fo:root>\n";

/* The computed style of the node with `id` (or NULL). */
static const gw_style *
style_of (gw_fotree *tree, const char *id)
{
  gw_fo *fo = gw_fotree_lookup_id (tree, id);
  return fo ? fo->style : NULL;
}

/* Runs the computed-style checks. */
static void
test_styles (void)
{
  gw_diag *diag = gw_diag_new (stderr);
  gw_diag_set_keep (diag, TRUE);
  gw_diag_set_quiet (diag, TRUE);
  gw_ctx *ctx = gw_ctx_new (diag);
  xmlDocPtr doc = gw_xml_read_memory (ctx, fo_doc, strlen (fo_doc), "unit.fo");
  check (doc != NULL, "style document parses", "%s", gw_diag_messages (diag));
  if (!doc)
    {
      gw_ctx_free (ctx);
      return;
    }
  gw_fotree *tree = gw_fotree_new (ctx, doc, "unit.fo");
  check (tree != NULL, "style fotree built", "%s", gw_diag_messages (diag));
  if (!tree)
    {
      xmlFreeDoc (doc);
      gw_ctx_free (ctx);
      return;
    }
  const gw_style *init = gw_style_initial (tree->pool);
  check (init->font_size == 12 && init->widows == 2 && init->orphans == 2, "style initial values",
         "font-size %g widows %d orphans %d", init->font_size, init->widows, init->orphans);
  const gw_style *flow = style_of (tree, "flow"), *pct = style_of (tree, "pct"),
                 *inh = style_of (tree, "inherit"), *em = style_of (tree, "em"),
                 *larger = style_of (tree, "larger");
  check (flow && pct && inh && em && larger, "style nodes found", "missing ids");
  if (!(flow && pct && inh && em && larger))
    goto out;
  check (near (flow->font_size, 16), "style font-size 16pt", "%g", flow->font_size);
  check (near (pct->font_size, 24), "style font-size 150% of the parent", "%g", pct->font_size);
  check (near (inh->font_size, 24), "style font-size inherited", "%g", inh->font_size);
  check (near (em->font_size, 12), "style font-size 0.5em of the parent", "%g", em->font_size);
  check (near (larger->font_size, 28.8), "style font-size larger (×1.2)", "%g", larger->font_size);
  struct { const char *id; double pt; } zihao[] = {
    { "sanhao", 16 }, { "erhao", 22 }, { "xiaosi", 12 }, { "chuhao", 42 }, { "wuhao", 10.5 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (zihao); i++)
    {
      const gw_style *s = style_of (tree, zihao[i].id);
      char name[64];
      g_snprintf (name, sizeof name, "style 字号 %s = %gpt", zihao[i].id, zihao[i].pt);
      check (s && near (s->font_size, zihao[i].pt), name, "%g", s ? s->font_size : -1);
    }
  /* inherited properties */
  check (inh->font_family && !strcmp (inh->font_family, "仿宋"), "style font-family inherited", "%s",
         inh->font_family ? inh->font_family : "(null)");
  check (near (inh->color.r, 0.8) && near (inh->color.g, 0), "style color inherited", "r=%g", inh->color.r);
  check (inh->text_align == GW_ALIGN_JUSTIFY, "style text-align inherited", "%d", inh->text_align);
  check (inh->widows == 3 && inh->orphans == 2, "style widows inherited", "widows %d orphans %d", inh->widows,
         inh->orphans);
  check (near (gw_style_line_height (flow), 24), "style line-height number × font-size", "%g",
         gw_style_line_height (flow));
  check (near (gw_style_line_height (pct), 36), "style line-height number re-applied to a new font-size",
         "%g", gw_style_line_height (pct));
  const gw_style *lhp = style_of (tree, "lh-pct"), *lhc = style_of (tree, "lh-pct-child");
  check (lhp && lhc && near (gw_style_line_height (lhp), 15) && near (gw_style_line_height (lhc), 15),
         "style line-height percent inherited as a length", "%g / %g", lhp ? gw_style_line_height (lhp) : -1,
         lhc ? gw_style_line_height (lhc) : -1);
  /* non-inherited properties are reset in children */
  check (near (pct->space_before.opt, 12) && near (inh->space_before.opt, 0), "style space-before not inherited",
         "parent %g child %g", pct->space_before.opt, inh->space_before.opt);
  check (near (pct->space_after.opt, 6) && !pct->space_after.discard, "style space-after.optimum / conditionality",
         "opt %g discard %d", pct->space_after.opt, pct->space_after.discard);
  check (pct->border[GW_SIDE_BEFORE].width == 1 && inh->border[GW_SIDE_BEFORE].width == 0,
         "style border not inherited", "child border %g", inh->border[GW_SIDE_BEFORE].width);
  check (pct->background.a > 0 && inh->background.a == 0, "style background not inherited", "child alpha %g",
         inh->background.a);
  check (pct->break_before == GW_BREAK_PAGE && inh->break_before == GW_BREAK_AUTO,
         "style break-before not inherited", "%d", inh->break_before);
  check (pct->keep_with_next > 0 && inh->keep_with_next == 0, "style keep-with-next not inherited", "%d",
         inh->keep_with_next);
  check (pct->border[GW_SIDE_BEFORE].color.r > 0.7, "style border colour defaults to the colour",
         "r=%g", pct->border[GW_SIDE_BEFORE].color.r);
  /* margins → indents and spaces (XSL 1.1 §5.3.2) */
  const gw_style *ml = style_of (tree, "ml"), *mlc = style_of (tree, "ml-child"),
                 *mln = style_of (tree, "ml-nested"), *si = style_of (tree, "si"), *mt = style_of (tree, "mt");
  if (ml && mlc && mln && si && mt)
    {
      check (ml->start_indent.kind == GW_LEN_ABS && near (ml->start_indent.v, 32), "style margin-left 2em → start-indent 32pt",
             "kind %d v %g", ml->start_indent.kind, ml->start_indent.v);
      check (ml->end_indent.kind == GW_LEN_ABS && near (ml->end_indent.v, 10), "style margin-right → end-indent",
             "kind %d v %g", ml->end_indent.kind, ml->end_indent.v);
      check (near (gw_len_resolve (mlc->start_indent, 0, 0), 32), "style start-indent inherited",
             "%g", gw_len_resolve (mlc->start_indent, 0, 0));
      check (near (gw_len_resolve (mln->start_indent, 0, 0), 48), "style start-indent = inherited + margin + padding + border",
             "%g (32 + 10 + 5 + 1 = 48)", gw_len_resolve (mln->start_indent, 0, 0));
      check (near (gw_len_resolve (si->start_indent, 0, 0), 3), "style start-indent wins over margin-left",
             "%g", gw_len_resolve (si->start_indent, 0, 0));
      check (near (mt->space_before.opt, 9) && !mt->space_before.discard, "style margin-top → space-before retained",
             "opt %g discard %d", mt->space_before.opt, mt->space_before.discard);
    }
  else
    check (FALSE, "style margin nodes found", "missing ids");
  /* invalid values: a warning with FILE:LINE, the value as if unspecified */
  const gw_style *bs = style_of (tree, "bad-size"), *bm = style_of (tree, "bad-margin"),
                 *ba = style_of (tree, "bad-align"), *ns = style_of (tree, "neg-size");
  const char *msgs = gw_diag_messages (diag);
  check (bs && near (bs->font_size, 16), "style invalid font-size keeps the inherited size", "%g", bs ? bs->font_size : -1);
  check (strstr (msgs, "unit.fo:25: warning: invalid value 'huge' for property 'font-size'") != NULL,
         "style invalid value reported with FILE:LINE", "messages: %s", msgs);
  check (bm && near (bm->space_before.opt, 0) && near (gw_len_resolve (bm->start_indent, 0, 0), 0),
         "style invalid margin shorthand leaves nothing half-set", "space-before %g start-indent %g",
         bm ? bm->space_before.opt : -1, bm ? gw_len_resolve (bm->start_indent, 0, 0) : -1);
  check (ba && ba->text_align_last == GW_ALIGN_RELATIVE,
         "style invalid text-align-last leaves it unset", "value %d", ba ? (int) ba->text_align_last : -1);
  check (ns && near (ns->font_size, 16), "style negative font-size rejected", "%g", ns ? ns->font_size : -1);
  /* gongwen extensions and components */
  const gw_style *gr = style_of (tree, "grid"), *grc = style_of (tree, "grid-child"), *ls = style_of (tree, "ls");
  check (gr && gr->grid && near (gr->grid_char_pitch, 15.79) && near (gr->grid_line_pitch, 28.95),
         "style gx:grid and pitches", "grid %d", gr ? gr->grid : -1);
  check (grc && grc->grid && near (grc->grid_char_pitch, 15.79), "style gx:grid inherited", "grid %d", grc ? grc->grid : -1);
  check (ls && near (ls->letter_spacing.min, 0) && near (ls->letter_spacing.opt, 2) && near (ls->letter_spacing.max, 3),
         "style letter-spacing components", "%g/%g/%g", ls ? ls->letter_spacing.min : -1,
         ls ? ls->letter_spacing.opt : -1, ls ? ls->letter_spacing.max : -1);
  check (ls && ls->space_before.precedence == G_MAXINT, "style space-before.precedence force", "%d",
         ls ? ls->space_before.precedence : -1);
  /* the initial border colour is the element's own colour (CSS/XSL: border-color = color) */
  const gw_style *bc1 = style_of (tree, "bc1"), *bc2 = style_of (tree, "bc2");
  check (bc1 && bc1->border[GW_SIDE_BEFORE].color.b > 0.9 && bc1->border[GW_SIDE_BEFORE].color.r < 0.1,
         "style border colour = the element's color (border before color)", "rgb %g %g %g",
         bc1 ? bc1->border[0].color.r : -1, bc1 ? bc1->border[0].color.g : -1, bc1 ? bc1->border[0].color.b : -1);
  check (bc2 && bc2->border[GW_SIDE_BEFORE].color.b > 0.9 && bc2->border[GW_SIDE_BEFORE].color.r < 0.1,
         "style border colour = the element's color (color before border)", "rgb %g %g %g",
         bc2 ? bc2->border[0].color.r : -1, bc2 ? bc2->border[0].color.g : -1, bc2 ? bc2->border[0].color.b : -1);
  /* unsupported properties: reported once; xml:lang is not a property warning */
  int n = 0;
  for (const char *p = msgs; (p = strstr (p, "frobnicate")); p++)
    n++;
  check (n == 1 && strstr (msgs, "unit.fo:31:") != NULL, "style unsupported property warned once",
         "%d warning(s): %s", n, msgs);
  check (strstr (msgs, "'lang'") == NULL && strstr (msgs, "xml:lang") == NULL, "style xml:lang accepted",
         "%s", msgs);
out:
  gw_fotree_free (tree);
  xmlFreeDoc (doc);
  gw_ctx_free (ctx);
}

/* Runs the temporary-name checks: the names made, and the owner read back from them. */
static void
test_temp_names (void)
{
  char name[128];
  pid_t me = getpid ();
  char *fixed = gw_temp_path_new ("out/manifest.xml");
  char *tmpl = gw_temp_template_new ("out/公文.pdf");
  g_snprintf (name, sizeof name, "out/.manifest.xml.%d.tmp", (int) me);
  check (!strcmp (fixed, name), "temp fixed name", "'%s', want '%s'", fixed, name);
  g_snprintf (name, sizeof name, "out/.公文.pdf.%d.XXXXXX.tmp", (int) me);
  check (!strcmp (tmpl, name), "temp template", "'%s', want '%s'", tmpl, name);
  char *base = g_path_get_basename (fixed);
  check (gw_temp_owner (base) == me, "temp owner of a fixed name", "%d", (int) gw_temp_owner (base));
  g_free (base);
  static const struct { const char *name; int pid; } cases[] = {
    { ".a.pdf.1234.Ab12Cd.tmp", 1234 },   /* a template's file */
    { ".a.pdf.1234.123456.tmp", 1234 },   /* … whose random part came out all digits */
    { ".a.pdf.123456.tmp", 123456 },      /* a fixed name, six-digit pid */
    { ".manifest.xml.99.tmp", 99 },
    { ".a.pdf.tmp", 0 },                  /* no pid */
    { "a.pdf.1234.tmp", 0 },              /* not hidden */
    { ".a.pdf.1234.txt", 0 },
    { ".a.pdf.12x4.tmp", 0 },
    { ".a.pdf.0.tmp", 0 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_snprintf (name, sizeof name, "temp owner %s", cases[i].name);
      pid_t got = gw_temp_owner (cases[i].name);
      check (got == cases[i].pid, name, "%d, want %d", (int) got, cases[i].pid);
    }
  g_free (fixed);
  g_free (tmpl);
}

/* SHA-256 (src/base/sha256.c): the FIPS 180-2 examples, and GChecksum on 1 MB. */
static void
test_sha256 (void)
{
  static const struct { const char *in, *want; } v[] = {
    { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (v); i++)
    {
      char *got = gw_sha256_hex_new (v[i].in, strlen (v[i].in));
      char name[64];
      g_snprintf (name, sizeof name, "sha256 of %zu bytes (FIPS 180-2)", strlen (v[i].in));
      check (!strcmp (got, v[i].want), name, "%s", got);
      g_free (got);
    }
  gsize n = 1 << 20;
  guchar *big = g_malloc (n);
  for (gsize i = 0; i < n; i++)
    big[i] = (guchar) (i * 131 + (i >> 9));
  char *got = gw_sha256_hex_new (big, n);
  char *want = g_compute_checksum_for_data (G_CHECKSUM_SHA256, big, n);
  check (!strcmp (got, want), "sha256 of 1 MB equals GChecksum's", "%s, want %s", got, want);
  /* the same bytes in uneven pieces through the incremental digest (the batch's stamps) */
  gw_sha256 *sum = gw_sha256_new ();
  for (gsize at = 0, step = 1; at < n; at += step, step = step * 3 + 1)
    gw_sha256_update (sum, big + at, (gssize) MIN (step, n - at));
  char *pieces = gw_sha256_finish_free (sum);
  check (!strcmp (pieces, want), "sha256 of 1 MB in pieces equals GChecksum's", "%s, want %s",
         pieces, want);
  g_free (pieces);
  g_free (got);
  g_free (want);
  g_free (big);
}

/* TRUE when two shaping results are the same: items (offsets, fonts), glyphs (ids, widths,
 * clusters) and break attributes of n characters. */
static gboolean
shape_same (const gw_shape_result *a, const gw_shape_result *b, int n)
{
  if (a->items->len != b->items->len || a->glyphs->len != b->glyphs->len)
    return FALSE;
  for (guint i = 0; i < a->items->len; i++)
    {
      const PangoItem *ia = g_ptr_array_index (a->items, i), *ib = g_ptr_array_index (b->items, i);
      const PangoGlyphString *ga = g_ptr_array_index (a->glyphs, i), *gb = g_ptr_array_index (b->glyphs, i);
      if (ia == ib || ga == gb || ia->offset != ib->offset || ia->length != ib->length
          || ia->analysis.font != ib->analysis.font || ga->num_glyphs != gb->num_glyphs)
        return FALSE;
      for (int g = 0; g < ga->num_glyphs; g++)
        if (ga->glyphs[g].glyph != gb->glyphs[g].glyph
            || ga->glyphs[g].geometry.width != gb->glyphs[g].geometry.width
            || ga->log_clusters[g] != gb->log_clusters[g])
          return FALSE;
    }
  return a->attrs != b->attrs && memcmp (a->attrs, b->attrs, (size_t) (n + 1) * sizeof *a->attrs) == 0;
}

/* The shaping cache (src/layout/shape.c). */
static void
test_shape_cache (void)
{
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *pc = pango_font_map_create_context (map);
  PangoFontDescription *serif = pango_font_description_from_string ("serif 12");
  PangoFontDescription *sans = pango_font_description_from_string ("sans 12");
  gw_shape_cache *c = gw_shape_cache_new ();
  const char *text = "送达机关：某县质量技术监督局（印章）ABC 12";
  int len = (int) strlen (text), n = (int) g_utf8_strlen (text, -1);
  gw_shape_span one[] = { { 0, len, serif } };
  gw_shape_span two[] = { { 0, 12, sans }, { 12, len, serif } };
  gw_shape_result fresh, first, again, other;
  gw_shape_run (NULL, pc, text, len, n, one, 1, &fresh);
  gw_shape_run (c, pc, text, len, n, one, 1, &first);
  gw_shape_run (c, pc, text, len, n, one, 1, &again);
  guint entries;
  guint64 hits;
  gw_shape_cache_stats (c, &entries, &hits);
  check (entries == 1 && hits == 1, "shape cache: the same paragraph is a hit",
         "%u entries, %" G_GUINT64_FORMAT " hits", entries, hits);
  check (fresh.items->len > 0 && shape_same (&fresh, &first, n) && shape_same (&fresh, &again, n),
         "shape cache: a hit equals shaping afresh (own copies)", "results differ");
  gw_shape_run (c, pc, text, len, n, two, 2, &other);
  gw_shape_cache_stats (c, &entries, &hits);
  check (entries == 2 && hits == 1 && other.items->len >= 2,
         "shape cache: other font runs are another entry",
         "%u entries, %" G_GUINT64_FORMAT " hits, %u items", entries, hits, other.items->len);
  gw_shape_result_clear (&fresh);
  gw_shape_result_clear (&first);
  gw_shape_result_clear (&again);
  gw_shape_result_clear (&other);
  /* a long paragraph is shaped, not kept */
  GString *big = g_string_new (NULL);
  while (big->len <= GW_SHAPE_MAX_TEXT)
    g_string_append (big, "质量技术监督");
  gw_shape_span all[] = { { 0, (int) big->len, serif } };
  gw_shape_result r;
  gw_shape_run (c, pc, big->str, (int) big->len, (int) g_utf8_strlen (big->str, -1), all, 1, &r);
  gw_shape_cache_stats (c, &entries, &hits);
  check (entries == 2 && r.items->len > 0, "shape cache: a long paragraph is not kept",
         "%u entries", entries);
  gw_shape_result_clear (&r);
  g_string_free (big, TRUE);
  /* many different paragraphs: bounded; the first one, used again in between, stays */
  char buf[64];
  for (int i = 0; i < 3 * GW_SHAPE_GEN_ENTRIES; i++)
    {
      if (i % (GW_SHAPE_GEN_ENTRIES / 2) == 0)
        {
          gw_shape_run (c, pc, text, len, n, one, 1, &r);
          gw_shape_result_clear (&r);
        }
      int l = g_snprintf (buf, sizeof buf, "第%d号", i);
      gw_shape_span s1[] = { { 0, l, serif } };
      gw_shape_run (c, pc, buf, l, (int) g_utf8_strlen (buf, -1), s1, 1, &r);
      gw_shape_result_clear (&r);
    }
  guint64 before;
  gw_shape_cache_stats (c, &entries, &before);
  check (entries <= 2 * GW_SHAPE_GEN_ENTRIES + 1, "shape cache: two generations at most",
         "%u entries", entries);
  gw_shape_run (c, pc, text, len, n, one, 1, &r);
  gw_shape_result_clear (&r);
  gw_shape_cache_stats (c, &entries, &hits);
  check (hits == before + 1, "shape cache: a paragraph used again survives the generations",
         "hits %" G_GUINT64_FORMAT " → %" G_GUINT64_FORMAT, before, hits);
  gw_shape_cache_free (c);
  pango_font_description_free (serif);
  pango_font_description_free (sans);
  g_object_unref (pc);
  g_object_unref (map);
}

/* ---- the property table ---- */

/* Runs the property-table checks. */
static void
test_prop_table (void)
{
  const char *bad = NULL;
  for (gsize i = 1; i < gw_prop_table_len && !bad; i++)
    if (strcmp (gw_prop_table[i - 1].name, gw_prop_table[i].name) >= 0)
      bad = gw_prop_table[i].name;
  check (!bad, "props table sorted, no duplicated row", "out of order or repeated: %s", bad ? bad : "");
  const char *lost = NULL, *comp;
  for (gsize i = 0; i < gw_prop_table_len && !lost; i++)
    if (gw_prop_lookup (gw_prop_table[i].name, &comp) != &gw_prop_table[i] || comp)
      lost = gw_prop_table[i].name;
  check (!lost, "props every row found by its name", "%s", lost ? lost : "");
  const gw_prop_row *r = gw_prop_lookup ("space-before.minimum", &comp);
  check (r && !strcmp (r->name, "space-before") && comp && !strcmp (comp, "minimum"),
         "props compound component", "%s", r ? r->name : "NULL");
  r = gw_prop_lookup ("padding-top.conditionality", &comp);
  check (r && !strcmp (r->name, "padding-top.conditionality") && !comp,
         "props component with its own row", "%s", r ? r->name : "NULL");
  check (!gw_prop_lookup ("margin-top.length", &comp) && !gw_prop_lookup ("frobnicate", &comp)
           && !gw_prop_lookup (".x", &comp),
         "props unknown names and components of simple properties", "found");
  /* every byte of the style belongs to a row; every byte holding a value is hashed */
  guint8 rowed[sizeof (gw_style)] = { 0 }, hashed[sizeof (gw_style)] = { 0 };
  const char *misfit = NULL;
  for (gsize i = 0; i < gw_prop_table_len; i++)
    {
      const gw_prop_row *p = &gw_prop_table[i];
      if (p->flags & GW_PROP_ELEMENT)
        {
          if (p->offset + p->size > sizeof (gw_fo_props) || !p->size)
            misfit = p->name;
          continue;
        }
      if (p->offset + p->size > sizeof (gw_style))
        {
          misfit = p->name;
          continue;
        }
      gsize unit = p->type == GW_T_F64 ? sizeof (double) : p->type == GW_T_I32 ? sizeof (int)
                   : p->type == GW_T_LEN ? sizeof (gw_len) : p->type == GW_T_SPACE ? sizeof (gw_space)
                   : p->type == GW_T_STR ? sizeof (char *) : p->type == GW_T_SHIFT ? sizeof (double) + sizeof (int)
                   : 1;
      if (p->type != GW_T_NONE && (p->size % unit || (p->type == GW_T_SHIFT && p->size != unit)))
        misfit = p->name;
      memset (rowed + p->offset, 1, p->size);
      if (!(p->flags & GW_PROP_SHORTHAND) && p->type != GW_T_NONE)
        memset (hashed + p->offset, 1, p->size);
    }
  check (!misfit, "props fields fit their struct and hash type", "%s", misfit ? misfit : "");
  gsize first_free = sizeof (gw_style), first_unhashed = sizeof (gw_style);
  for (gsize b = sizeof (gw_style); b-- > 0;)
    {
      if (!rowed[b])
        first_free = b;
      /* the only padding inside a field: between a border's style and its colour */
      gsize in = (b - offsetof (gw_style, border)) % sizeof (gw_border);
      gboolean pad = b >= offsetof (gw_style, border) && b < offsetof (gw_style, border) + sizeof (((gw_style *) 0)->border)
                     && in >= offsetof (gw_border, style) + sizeof (gw_bstyle) && in < offsetof (gw_border, color);
      if (!hashed[b] && !pad)
        first_unhashed = b;
    }
  check (first_free == sizeof (gw_style), "props every byte of gw_style is a row's field",
         "byte %zu of %zu has no row", first_free, sizeof (gw_style));
  check (first_unhashed == sizeof (gw_style), "props every value of gw_style is hashed and compared",
         "byte %zu of %zu is not", first_unhashed, sizeof (gw_style));
  gw_style_pool *pool = gw_style_pool_new ();
  const gw_style *init = gw_style_initial (pool);
  const gw_fo_props *ip = gw_fo_props_initial (pool);
  check (init->font_size == 12 && init->font_weight == 400 && init->line_height < 0
           && init->text_align_last == GW_ALIGN_RELATIVE && init->wrap && init->ws_collapse
           && init->space_before.discard && init->padding_discard[0] && !init->padding_discard[2]
           && init->border[0].width == 1 && init->width.kind == GW_LEN_AUTO
           && !strcmp (init->font_family, "宋体, serif"),
         "props initial style from the table's initial values", "font-size %g", init->font_size);
  check (ip->number_rows_spanned == 1 && ip->maximum_repeats == -1 && ip->rule_thickness == 1
           && ip->leader_length[1].v == 12 && ip->leader_length[2].kind == GW_LEN_PCT
           && ip->column_width.kind == GW_COLW_UNSPECIFIED && !ip->id,
         "props initial element properties", "rows %d repeats %d", ip->number_rows_spanned,
         ip->maximum_repeats);
  gw_style_pool_free (pool);
}

/* Runs every group. */
int
main (void)
{
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  test_kinsoku ();
  test_lengths ();
  test_colors ();
  test_styles ();
  test_prop_table ();
  test_temp_names ();
  test_sha256 ();
  test_shape_cache ();
  xmlCleanupParser ();
  printf ("# %d failure(s)\n", failures);
  return 0;
}
