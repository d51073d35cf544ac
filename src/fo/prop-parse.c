/* prop-parse.c — the parsers of the style's properties: each writes the row's field (or, for a
 * shorthand, the fields it stands for) and returns FALSE on an invalid value. */
#include "fo/prop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Parses an absolute length (em from the current font size). */
static gboolean
abs_len (prop_job *j, const char *v, double *out)
{
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l) || l.kind != GW_LEN_ABS)
    return FALSE;
  *out = l.v;
  return TRUE;
}

/* A keyword of row->words, stored as its index (an enum). */
gboolean
p_keyword (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  int k;
  if (!gw_value_keyword (v, row->words, &k))
    return FALSE;
  *(int *) field = k + row->arg;
  return TRUE;
}

/* true | false. */
gboolean
p_bool (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (strcmp (v, "true") && strcmp (v, "false"))
    return FALSE;
  *(gboolean *) field = !strcmp (v, "true");
  return TRUE;
}

/* A length kept as gw_len (absolute, %, label-end(), body-start(), auto). */
gboolean
p_len (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  return gw_parse_length (v, j->st->font_size, field);
}

/* An absolute length ≥ 0 in pt. */
gboolean
p_abs_len (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  return abs_len (j, v, field) && *(double *) field >= 0;
}

/* A colour. */
gboolean
p_color (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  return gw_parse_color (v, field);
}

/* font-size: lengths, %, em, keywords and the Chinese 字号 names. */
gboolean
p_font_size (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  static const struct { const char *n; double pt; } named[] = {
    { "初号", 42 }, { "小初", 36 }, { "一号", 26 }, { "小一", 24 }, { "二号", 22 },
    { "小二", 18 }, { "三号", 16 }, { "小三", 15 }, { "四号", 14 }, { "小四", 12 },
    { "五号", 10.5 }, { "小五", 9 }, { "六号", 7.5 }, { "xx-small", 7 }, { "x-small", 8 },
    { "small", 10 }, { "medium", 12 }, { "large", 14 }, { "x-large", 17 }, { "xx-large", 20 },
  };
  double *fs = field;
  for (size_t i = 0; i < G_N_ELEMENTS (named); i++)
    if (!strcmp (v, named[i].n))
      return *fs = named[i].pt, TRUE;
  double base = j->parent->font_size;
  if (!strcmp (v, "larger")) /* bounded like lengths: 150 nested "larger" made 8e12pt */
    return *fs = MIN (base * 1.2, 2000), TRUE;
  if (!strcmp (v, "smaller"))
    return *fs = MAX (base / 1.2, 0.01), TRUE;
  gw_len l;
  if (!gw_parse_length (v, base, &l))
    return FALSE;
  double pt = l.kind == GW_LEN_PCT ? base * l.v / 100 : l.v;
  if (l.kind != GW_LEN_PCT && l.kind != GW_LEN_ABS)
    return FALSE;
  if (!(pt > 0 && pt <= 2000))
    return FALSE;
  *fs = pt;
  return TRUE;
}

/* font (shorthand): [style] [weight] size[/line-height] family; what it omits is reset to
 * the initial value (normal). */
gboolean
p_font (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  static const char *const styles[] = { "italic", "oblique", "backslant", NULL };
  gw_style *st = j->st;
  const char *p = v;
  char word[64];
  st->italic = FALSE;
  st->font_weight = 400;
  st->line_height = -1;
  st->line_height_factor = 0;
  for (;;)
    {
      while (*p == ' ')
        p++;
      size_t n = strcspn (p, " ");
      if (!n || n >= sizeof word)
        return FALSE;
      memcpy (word, p, n);
      word[n] = 0;
      int k;
      if (!strcmp (word, "normal"))
        ;
      else if (gw_value_keyword (word, styles, &k))
        st->italic = TRUE;
      else if (!p_font_weight (j, row, word, &st->font_weight))
        break;
      p += n;
    }
  /* p: size[/line-height] family */
  size_t n = strcspn (p, " /");
  if (n >= sizeof word)
    return FALSE;
  memcpy (word, p, n);
  word[n] = 0;
  if (!p_font_size (j, row, word, &st->font_size))
    return FALSE;
  p += n;
  if (*p == '/')
    {
      p++;
      n = strcspn (p, " ");
      if (!n || n >= sizeof word)
        return FALSE;
      memcpy (word, p, n);
      word[n] = 0;
      if (!p_line_height (j, row, word, &st->line_height))
        return FALSE;
      p += n;
    }
  while (*p == ' ')
    p++;
  return *p && p_font_family (j, row, p, &st->font_family);
}

/* font-family: kept as written (comma list), quotes removed, interned. */
gboolean
p_font_family (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  GString *s = g_string_new (NULL);
  for (const char *p = v; *p; p++)
    if (*p != '\'' && *p != '"')
      g_string_append_c (s, *p);
  g_strstrip (s->str);
  /* a few families at most: each one is a fontconfig match (2 million made a hang) */
  guint families = 1;
  for (const char *p = s->str; *p; p++)
    families += *p == ',';
  gboolean ok = s->str[0] != '\0' && families <= 32 && s->len <= 1024;
  if (ok)
    *(const char **) field = gw_strings_intern (j->strings, s->str);
  g_string_free (s, TRUE);
  return ok;
}

/* font-weight: normal, bold, bolder, lighter, 100…900. */
gboolean
p_font_weight (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  int *w = field;
  if (!strcmp (v, "normal"))
    return *w = 400, TRUE;
  if (!strcmp (v, "bold"))
    return *w = 700, TRUE;
  if (!strcmp (v, "bolder"))
    return *w = MIN (900, j->parent->font_weight + 300), TRUE;
  if (!strcmp (v, "lighter"))
    return *w = MAX (100, j->parent->font_weight - 300), TRUE;
  int n;
  if (!gw_value_int (v, 100, 900, &n) || n % 100)
    return FALSE;
  *w = n;
  return TRUE;
}

/* font-style: anything but normal is italic. */
gboolean
p_font_style (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  static const char *const w[] = { "normal", "italic", "oblique", "backslant", NULL };
  int k;
  if (!gw_value_keyword (v, w, &k))
    return FALSE;
  *(gboolean *) field = k > 0;
  return TRUE;
}

/* line-height: normal | number | length | % (field: line_height, line_height_factor). */
gboolean
p_line_height (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  double *lh = field; /* [0] pt, [1] factor */
  if (!strcmp (v, "normal"))
    return lh[0] = -1, lh[1] = 0, TRUE;
  const char *e;
  double n;
  if (gw_value_number (v, &n, &e) && *e == '\0')
    {
      if (!(n > 0 && n < 100))
        return FALSE;
      lh[1] = n;
      lh[0] = n * j->st->font_size;
      return TRUE;
    }
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  double pt = l.kind == GW_LEN_PCT ? j->st->font_size * l.v / 100 : l.v;
  if (!(pt > 0 && pt < 5000) || (l.kind != GW_LEN_PCT && l.kind != GW_LEN_ABS))
    return FALSE;
  lh[0] = pt;
  lh[1] = 0;
  return TRUE;
}

/* text-align / text-align-last keyword (left and right are start and end). */
gboolean
p_align (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  static const char *const w[] = { "start", "center", "end", "justify", "inside", "outside",
                                   "relative", "left", "right", NULL };
  int k;
  if (!gw_value_keyword (v, w, &k))
    return FALSE;
  *(gw_align *) field = k == 7 ? GW_ALIGN_START : k == 8 ? GW_ALIGN_END : (gw_align) k;
  return TRUE;
}

/* start-indent (arg 0) / end-indent (arg 1): remembered as specified, for margin mapping. */
gboolean
p_indent (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (!gw_parse_length (v, j->st->font_size, field))
    return FALSE;
  if (row->arg == 0)
    j->el->start_indent_set = TRUE;
  else
    j->el->end_indent_set = TRUE;
  return TRUE;
}

/* A component of a space: .minimum/.optimum/.maximum/.conditionality/.precedence. */
static gboolean
space_component (prop_job *j, gw_space *sp, const char *comp, const char *v)
{
  if (!strcmp (comp, "conditionality"))
    {
      if (strcmp (v, "discard") && strcmp (v, "retain"))
        return FALSE;
      sp->discard = !strcmp (v, "discard");
      return TRUE;
    }
  if (!strcmp (comp, "precedence"))
    {
      if (!strcmp (v, "force"))
        return sp->precedence = G_MAXINT, TRUE;
      char *e;
      long p = strtol (v, &e, 10);
      if (*e)
        return FALSE;
      sp->precedence = (int) CLAMP (p, -1000000, 1000000);
      return TRUE;
    }
  double d;
  if (!abs_len (j, v, &d))
    return FALSE;
  if (!strcmp (comp, "optimum"))
    sp->opt = d;
  else if (!strcmp (comp, "minimum"))
    sp->min = d;
  else if (!strcmp (comp, "maximum"))
    sp->max = d;
  else
    return FALSE;
  return TRUE;
}

/* space-before (arg 0) / space-after (arg 1) and their components. */
gboolean
p_space (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_space *sp = field;
  double d = 0;
  if (j->component ? !space_component (j, sp, j->component, v) : !abs_len (j, v, &d))
    return FALSE;
  if (!j->component)
    sp->min = sp->opt = sp->max = d;
  if (row->arg == 0)
    j->space_before_set = TRUE;
  else
    j->space_after_set = TRUE;
  return TRUE;
}

/* letter-spacing and its components. */
gboolean
p_letter_spacing (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_space *sp = field;
  if (j->component)
    return space_component (j, sp, j->component, v);
  if (!strcmp (v, "normal"))
    {
      sp->min = sp->opt = sp->max = 0;
      return TRUE;
    }
  double d;
  if (!abs_len (j, v, &d))
    return FALSE;
  sp->min = sp->opt = sp->max = d;
  return TRUE;
}

/* word-spacing. */
gboolean
p_word_spacing (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (!strcmp (v, "normal"))
    return *(double *) field = 0, TRUE;
  return abs_len (j, v, field);
}

/* padding (shorthand: 1–4 lengths; field padding[4]). */
gboolean
p_padding (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  double *pad = field;
  char s[4][64];
  if (!gw_value_four_sides (v, s))
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!abs_len (j, s[i], &pad[i]) || pad[i] < 0)
      return FALSE;
  return TRUE;
}

/* padding-SIDE and padding-SIDE.length. */
gboolean
p_padding_side (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (j->component && strcmp (j->component, "length"))
    return FALSE;
  return abs_len (j, v, field) && *(double *) field >= 0;
}

/* padding-SIDE.conditionality: discard | retain. */
gboolean
p_padding_cond (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (strcmp (v, "retain") && strcmp (v, "discard"))
    return FALSE;
  *(gboolean *) field = !strcmp (v, "discard");
  return TRUE;
}

/* Parses a border width keyword or length. */
static gboolean
border_width (prop_job *j, const char *v, double *w)
{
  if (!strcmp (v, "thin"))
    return *w = 0.5, TRUE;
  if (!strcmp (v, "medium"))
    return *w = 1, TRUE;
  if (!strcmp (v, "thick"))
    return *w = 2, TRUE;
  return abs_len (j, v, w) && *w >= 0;
}

/* Parses a border style keyword. */
static gboolean
border_style (const char *v, gw_bstyle *s)
{
  static const char *const w[] = { "none", "solid", "dashed", "dotted", "double", "groove",
                                   "ridge", "inset", "outset", "hidden", NULL };
  int k;
  if (!gw_value_keyword (v, w, &k))
    return FALSE;
  *s = (gw_bstyle) k;
  return TRUE;
}

/* Parses a "width style color" border value (each part optional, any order). */
static gboolean
border_value (prop_job *j, const char *v, gw_border *b, gboolean *color_set)
{
  char p[4][64];
  int n = gw_value_split (v, p);
  if (n < 1 || n > 3)
    return FALSE;
  gw_border nb = { 1, GW_BS_NONE, j->st->color };
  gboolean got_color = FALSE;
  for (int i = 0; i < n; i++)
    {
      gw_bstyle s;
      gw_rgba c;
      double w;
      if (border_style (p[i], &s))
        nb.style = s;
      else if (border_width (j, p[i], &w))
        nb.width = w;
      else if (gw_parse_color (p[i], &c))
        nb.color = c, got_color = TRUE;
      else
        return FALSE;
    }
  *b = nb;
  *color_set = got_color;
  return TRUE;
}

/* border (shorthand for the four sides; field border[4]). */
gboolean
p_border (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_border *borders = field, b;
  gboolean color_set;
  if (!border_value (j, v, &b, &color_set))
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      borders[i] = b;
      j->border_color_set[i] = color_set;
    }
  return TRUE;
}

/* border-top, border-before, … (shorthand for one side, arg = side; field border[side]). */
gboolean
p_border_side (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  return border_value (j, v, field, &j->border_color_set[row->arg]);
}

/* border-width (arg 0), border-style (1), border-color (2): 1–4 values over the sides. */
gboolean
p_border_all (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  char s[4][64];
  if (!gw_value_four_sides (v, s))
    return FALSE;
  for (int k = 0; k < 4; k++)
    {
      gw_border *b = &j->st->border[k];
      gboolean ok = row->arg == 0   ? border_width (j, s[k], &b->width)
                    : row->arg == 1 ? border_style (s[k], &b->style)
                                    : gw_parse_color (s[k], &b->color);
      if (!ok)
        return FALSE;
      if (row->arg == 2)
        j->border_color_set[k] = TRUE;
    }
  return TRUE;
}

/* border-SIDE-width (and .length; .conditionality is accepted and ignored). */
gboolean
p_border_width (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (j->component && strcmp (j->component, "length"))
    return !strcmp (j->component, "conditionality") && (!strcmp (v, "retain") || !strcmp (v, "discard"));
  return border_width (j, v, field);
}

/* border-SIDE-style. */
gboolean
p_border_style (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  return border_style (v, field);
}

/* border-SIDE-color (arg = side): specified, so not the element's color. */
gboolean
p_border_color (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (!gw_parse_color (v, field))
    return FALSE;
  j->border_color_set[row->arg] = TRUE;
  return TRUE;
}

/* border-separation (and .inline-/.block-progression-direction), border-spacing: field
 * border_sep_ipd, border_sep_bpd. */
gboolean
p_border_separation (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  double *sep = field, d;
  const char *comp = j->component;
  char p[4][64];
  int n = gw_value_split (v, p);
  if (n < 1 || n > 2)
    return FALSE;
  if (!abs_len (j, p[0], &d) || d < 0)
    return FALSE;
  double d2 = d;
  if (n == 2 && (!abs_len (j, p[1], &d2) || d2 < 0))
    return FALSE;
  if (!comp || strstr (comp, "inline"))
    sep[0] = d;
  if (!comp || strstr (comp, "block"))
    sep[1] = comp ? d : d2;
  return TRUE;
}

/* keep-together, keep-with-next, keep-with-previous (a component keeps the strongest). */
gboolean
p_keep (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  int *f = field, k;
  if (!strcmp (v, "auto"))
    k = 0;
  else if (!strcmp (v, "always"))
    k = G_MAXINT;
  else
    {
      char *e;
      long n = strtol (v, &e, 10);
      if (*e || n < 0)
        return FALSE;
      k = (int) MIN (n, 1000000);
    }
  if (k > *f || !j->component)
    *f = k;
  return TRUE;
}

/* widows / orphans: 1…100. */
gboolean
p_count (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  return gw_value_int (v, 1, 100, field);
}

/* text-decoration (field: underline, overline, line_through). */
gboolean
p_text_decoration (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gboolean *d = field; /* [0] underline, [1] overline, [2] line-through */
  char p[4][64];
  int n = gw_value_split (v, p);
  if (n < 1)
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      if (!strcmp (p[i], "none"))
        d[0] = d[1] = d[2] = FALSE;
      else if (!strcmp (p[i], "underline"))
        d[0] = TRUE;
      else if (!strcmp (p[i], "no-underline"))
        d[0] = FALSE;
      else if (!strcmp (p[i], "overline"))
        d[1] = TRUE;
      else if (!strcmp (p[i], "line-through"))
        d[2] = TRUE;
      else if (strcmp (p[i], "blink") && strcmp (p[i], "no-blink"))
        return FALSE;
    }
  return TRUE;
}

/* baseline-shift / vertical-align (field: baseline_shift, baseline_shift_kind). */
gboolean
p_baseline_shift (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  double *shift = field;
  int *kind = (int *) (shift + 1);
  if (!strcmp (v, "baseline"))
    return *shift = 0, *kind = 0, TRUE;
  if (!strcmp (v, "super"))
    return *kind = 1, TRUE;
  if (!strcmp (v, "sub"))
    return *kind = 2, TRUE;
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  *shift = l.kind == GW_LEN_PCT ? l.v * j->st->font_size / 100 : l.v;
  *kind = 0;
  return l.kind == GW_LEN_PCT || l.kind == GW_LEN_ABS;
}

/* white-space (shorthand: pre / normal / nowrap). */
gboolean
p_white_space (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (!strcmp (v, "pre"))
    {
      j->st->ws_collapse = FALSE;
      j->st->linefeed = GW_LF_PRESERVE;
      j->st->ws_treatment = GW_WS_PRESERVE;
      j->st->wrap = FALSE;
    }
  else if (!strcmp (v, "nowrap"))
    j->st->wrap = FALSE;
  else if (strcmp (v, "normal"))
    return FALSE;
  return TRUE;
}

/* wrap-option. */
gboolean
p_wrap (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (strcmp (v, "wrap") && strcmp (v, "no-wrap"))
    return FALSE;
  *(gboolean *) field = !strcmp (v, "wrap");
  return TRUE;
}

/* border-collapse. */
gboolean
p_border_collapse (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (strcmp (v, "collapse") && strcmp (v, "separate") && strcmp (v, "collapse-with-precedence"))
    return FALSE;
  *(gboolean *) field = strcmp (v, "separate") != 0;
  return TRUE;
}

/* width, height, inline-/block-progression-dimension (.minimum/.optimum/.maximum: one value),
 * top, left, right, bottom; arg 1: not negative. */
gboolean
p_box_len (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  const char *c = j->component;
  if (c && strcmp (c, "optimum") && strcmp (c, "minimum") && strcmp (c, "maximum"))
    return FALSE;
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  if (row->arg && l.kind == GW_LEN_ABS && l.v < 0)
    return FALSE;
  *(gw_len *) field = l;
  return TRUE;
}

/* absolute-position. */
gboolean
p_position (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  static const char *const w[] = { "auto", "absolute", "fixed", "inherit", NULL };
  int k;
  if (!gw_value_keyword (v, w, &k))
    return FALSE;
  *(gw_position *) field = k == 1 ? GW_POS_ABSOLUTE : k == 2 ? GW_POS_FIXED : GW_POS_STATIC;
  return TRUE;
}

/* gx:char-pitch / gx:line-pitch. */
gboolean
p_grid_pitch (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  double d;
  if (!abs_len (j, v, &d) || d <= 0 || d > 1000)
    return FALSE;
  *(double *) field = d;
  return TRUE;
}

/* reference-orientation: 0, 90, 180, 270, -90, -180, -270 → 0..270. */
gboolean
p_reference_orientation (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  static const char *const w[] = { "0", "90", "180", "270", "-90", "-180", "-270", "0deg",
                                   "90deg", "180deg", "270deg", "-90deg", "-180deg",
                                   "-270deg", NULL };
  static const int deg[] = { 0, 90, 180, 270, 270, 180, 90 };
  int k;
  if (!gw_value_keyword (v, w, &k))
    return FALSE;
  *(int *) field = deg[k % 7];
  return TRUE;
}

/* Properties gongwen does not implement: their initial value is fine, any other value is
 * ignored with one warning per property. */
gboolean
p_unsupported (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  static const char *const initial[] = { "0", "0deg", "lr-tb", "lr", "none", "1", "visible",
                                         "normal", "auto", "inherit", NULL };
  int k;
  if (!gw_value_keyword (v, initial, &k))
    {
      char *key = g_strdup_printf ("unsupported:%s", j->name);
      gw_diag_warn_once (j->ctx->diag, key, j->file, xmlGetLineNo (j->node),
                         "property %s=\"%s\" is not supported; ignored", j->name, v);
      g_free (key);
    }
  return TRUE;
}

/* Properties accepted and deliberately ignored (no layout effect in gongwen). */
gboolean
p_accept (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  return TRUE;
}
