/* style.c — property table, value parsing, inheritance and interning of computed styles. */
#include "fo/style.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct gw_style_pool {
  /* owned */
  GHashTable *styles;  /* gw_style* → itself (bytes hashed) */
  GStringChunk *strings;
  GHashTable *str_index; /* char* (in chunk) → same */
  gw_style initial;
};

/* Calls F(value) for every field of a style (field by field: struct padding is never
 * read, so interning does not depend on uninitialised bytes). */
#define STYLE_RGBA(F, c) F ((c).r) F ((c).g) F ((c).b) F ((c).a)
#define STYLE_LEN(F, l) F ((double) (l).kind) F ((l).v)
#define STYLE_SPACE(F, sp) F ((sp).min) F ((sp).opt) F ((sp).max) F ((double) (sp).discard) F ((double) (sp).precedence)
#define STYLE_FIELDS(F, st)                                                                    \
  F ((double) (gsize) (st)->font_family) F ((st)->font_size) F ((double) (st)->font_weight)      \
  F ((double) (st)->italic) STYLE_RGBA (F, (st)->color) F ((st)->line_height)                   \
  F ((st)->line_height_factor) F ((double) (st)->text_align) F ((double) (st)->text_align_last) \
  F ((double) (st)->text_align_last_set) STYLE_LEN (F, (st)->text_indent)                       \
  STYLE_LEN (F, (st)->last_line_end_indent) STYLE_LEN (F, (st)->start_indent)                  \
  STYLE_LEN (F, (st)->end_indent) STYLE_SPACE (F, (st)->letter_spacing) F ((st)->word_spacing)  \
  F ((double) (st)->ws_collapse) F ((double) (st)->linefeed) F ((double) (st)->ws_treatment)    \
  F ((double) (st)->wrap) F ((double) (st)->widows) F ((double) (st)->orphans)                  \
  F ((double) (st)->keep_together) F ((double) (st)->underline) F ((double) (st)->overline)     \
  F ((double) (st)->line_through) F ((double) (st)->display_align)                             \
  F ((double) (st)->border_collapse) F ((st)->border_sep_ipd) F ((st)->border_sep_bpd)          \
  F ((double) (st)->grid) F ((st)->grid_char_pitch) F ((st)->grid_line_pitch)                   \
  F ((double) (st)->hyphenate) STYLE_SPACE (F, (st)->space_before)                              \
  STYLE_SPACE (F, (st)->space_after) STYLE_SIDES (F, st) STYLE_RGBA (F, (st)->background)       \
  F ((double) (st)->break_before) F ((double) (st)->break_after)                               \
  F ((double) (st)->keep_with_next) F ((double) (st)->keep_with_previous)                      \
  STYLE_LEN (F, (st)->width) STYLE_LEN (F, (st)->height) STYLE_LEN (F, (st)->top)               \
  STYLE_LEN (F, (st)->left) STYLE_LEN (F, (st)->right) STYLE_LEN (F, (st)->bottom)              \
  F ((double) (st)->position) F ((st)->baseline_shift) F ((double) (st)->baseline_shift_kind)  \
  F ((double) (st)->reference_orientation)
#define STYLE_SIDE(F, st, i)                                                                   \
  STYLE_LEN (F, (st)->margin[i]) F ((double) (st)->margin_set[i]) F ((st)->padding[i])         \
  F ((double) (st)->padding_discard[i]) F ((st)->border[i].width)                              \
  F ((double) (st)->border[i].style) STYLE_RGBA (F, (st)->border[i].color)
#define STYLE_SIDES(F, st)                                                                     \
  STYLE_SIDE (F, st, 0) STYLE_SIDE (F, st, 1) STYLE_SIDE (F, st, 2) STYLE_SIDE (F, st, 3)

/* Hashes the fields of a style. */
static guint
style_hash (gconstpointer p)
{
  const gw_style *st = p;
  guint64 h = 1469598103934665603ull;
#define STYLE_MIX(v)                                                                           \
  {                                                                                            \
    double d_ = (v) + 0.0; /* -0.0 and 0.0 hash alike */                                       \
    guint64 b_;                                                                                \
    memcpy (&b_, &d_, sizeof b_);                                                              \
    h = (h ^ b_) * 1099511628211ull;                                                           \
  }
  STYLE_FIELDS (STYLE_MIX, st)
#undef STYLE_MIX
  return (guint) (h ^ (h >> 32));
}

/* Compares two styles field by field. */
static gboolean
style_equal (gconstpointer a, gconstpointer b)
{
  double va[512], vb[512];
  int na = 0, nb = 0;
  const gw_style *x = a, *y = b;
#define STYLE_PUT_A(v) va[na++] = (v);
#define STYLE_PUT_B(v) vb[nb++] = (v);
  STYLE_FIELDS (STYLE_PUT_A, x)
  STYLE_FIELDS (STYLE_PUT_B, y)
#undef STYLE_PUT_A
#undef STYLE_PUT_B
  for (int i = 0; i < na; i++)
    if (va[i] != vb[i])
      return FALSE;
  return TRUE;
}

/* Interns a string. */
const char *
gw_style_intern_str (gw_style_pool *pool, const char *s)
{
  const char *found = g_hash_table_lookup (pool->str_index, s);
  if (found)
    return found;
  char *copy = g_string_chunk_insert (pool->strings, s);
  g_hash_table_add (pool->str_index, copy);
  return copy;
}

/* Creates a pool with the initial style. */
gw_style_pool *
gw_style_pool_new (void)
{
  gw_style_pool *p = g_new0 (gw_style_pool, 1);
  p->styles = g_hash_table_new_full (style_hash, style_equal, g_free, NULL);
  p->strings = g_string_chunk_new (4096);
  p->str_index = g_hash_table_new (g_str_hash, g_str_equal);
  gw_style *s = &p->initial;
  memset (s, 0, sizeof *s);
  s->font_family = gw_style_intern_str (p, "宋体, serif");
  s->font_size = 12;
  s->font_weight = 400;
  s->color = (gw_rgba){ 0, 0, 0, 1 };
  s->line_height = -1;
  s->text_align = GW_ALIGN_START;
  s->text_align_last = GW_ALIGN_RELATIVE;
  s->ws_collapse = TRUE;
  s->linefeed = GW_LF_TREAT_AS_SPACE;
  s->ws_treatment = GW_WS_IGNORE_IF_SURROUNDING;
  s->wrap = TRUE;
  s->widows = 2;
  s->orphans = 2;
  s->space_before.discard = TRUE;
  s->space_after.discard = TRUE;
  s->padding_discard[0] = s->padding_discard[1] = TRUE;
  for (int i = 0; i < 4; i++)
    s->border[i].color = s->color, s->border[i].width = 1;
  s->width = s->height = s->top = s->left = s->right = s->bottom = (gw_len){ GW_LEN_AUTO, 0 };
  return p;
}

/* Frees the pool. */
void
gw_style_pool_free (gw_style_pool *pool)
{
  if (!pool)
    return;
  g_hash_table_destroy (pool->styles);
  g_hash_table_destroy (pool->str_index);
  g_string_chunk_free (pool->strings);
  g_free (pool);
}

/* The initial style. */
const gw_style *
gw_style_initial (gw_style_pool *pool)
{
  return &pool->initial;
}

/* ---- value parsing ---- */

/* Parses a number with the C locale; advances *end. */
static gboolean
parse_number (const char *s, double *v, const char **end)
{
  char *e = NULL;
  while (*s == ' ')
    s++;
  if (!*s)
    return FALSE;
  double d = g_ascii_strtod (s, &e);
  if (e == s || !isfinite (d))
    return FALSE;
  *v = d;
  *end = e;
  return TRUE;
}

/* Parses a length. */
gboolean
gw_parse_length (const char *s, double font_size, gw_len *out)
{
  const char *e;
  double v;
  while (*s == ' ')
    s++;
  if (!strcmp (s, "auto"))
    {
      *out = (gw_len){ GW_LEN_AUTO, 0 };
      return TRUE;
    }
  if (!strncmp (s, "label-end()", 11))
    {
      *out = (gw_len){ GW_LEN_LABEL_END, 0 };
      return TRUE;
    }
  if (!strncmp (s, "body-start()", 12))
    {
      *out = (gw_len){ GW_LEN_BODY_START, 0 };
      return TRUE;
    }
  if (!parse_number (s, &v, &e))
    return FALSE;
  while (*e == ' ')
    e++;
  static const struct { const char *unit; double pt; } units[] = {
    { "pt", 1 }, { "mm", 72.0 / 25.4 }, { "cm", 72.0 / 2.54 }, { "in", 72 },
    { "pc", 12 }, { "px", 0.75 }, { "", 1 },
  };
  if (!strcmp (e, "%"))
    {
      *out = (gw_len){ GW_LEN_PCT, v };
      return fabs (v) < 1e6; /* 1e308% of anything is infinite */
    }
  if (!strcmp (e, "em"))
    {
      *out = (gw_len){ GW_LEN_ABS, v * font_size };
      return fabs (out->v) < 1e6;
    }
  for (size_t i = 0; i < G_N_ELEMENTS (units); i++)
    if (!strcmp (e, units[i].unit))
      {
        if (!*e && v != 0)
          return FALSE; /* a bare number is only valid as 0 */
        *out = (gw_len){ GW_LEN_ABS, v * units[i].pt };
        return fabs (out->v) < 1e6;
      }
  return FALSE;
}

/* Resolves a length against a reference dimension. */
double
gw_len_resolve (gw_len l, double ref, double dflt)
{
  switch (l.kind)
    {
    case GW_LEN_ABS: return l.v;
    case GW_LEN_PCT: return l.v * ref / 100.0;
    default: return dflt;
    }
}

/* Parses a colour. */
gboolean
gw_parse_color (const char *s, gw_rgba *out)
{
  static const struct { const char *name; unsigned rgb; } names[] = {
    { "black", 0x000000 }, { "white", 0xffffff }, { "red", 0xff0000 }, { "green", 0x008000 },
    { "blue", 0x0000ff }, { "gray", 0x808080 }, { "grey", 0x808080 }, { "silver", 0xc0c0c0 },
    { "maroon", 0x800000 }, { "purple", 0x800080 }, { "fuchsia", 0xff00ff }, { "lime", 0x00ff00 },
    { "olive", 0x808000 }, { "yellow", 0xffff00 }, { "navy", 0x000080 }, { "teal", 0x008080 },
    { "aqua", 0x00ffff }, { "orange", 0xffa500 },
  };
  while (*s == ' ')
    s++;
  if (!strcmp (s, "transparent"))
    {
      *out = (gw_rgba){ 0, 0, 0, 0 };
      return TRUE;
    }
  unsigned rgb = 0;
  if (s[0] == '#')
    {
      size_t n = strlen (s + 1);
      for (size_t i = 1; i <= n; i++)
        if (!g_ascii_isxdigit (s[i]))
          return FALSE;
      unsigned v = (unsigned) strtoul (s + 1, NULL, 16);
      if (n == 3)
        rgb = ((v >> 8) & 0xf) * 0x110000 + ((v >> 4) & 0xf) * 0x1100 + (v & 0xf) * 0x11;
      else if (n == 6)
        rgb = v;
      else
        return FALSE;
    }
  else if (!strncmp (s, "rgb(", 4))
    {
      int r, g, b;
      if (sscanf (s, "rgb(%d,%d,%d)", &r, &g, &b) != 3 || r < 0 || g < 0 || b < 0 || r > 255
          || g > 255 || b > 255)
        return FALSE;
      rgb = (unsigned) (r << 16 | g << 8 | b);
    }
  else
    {
      size_t i;
      for (i = 0; i < G_N_ELEMENTS (names); i++)
        if (!g_ascii_strcasecmp (s, names[i].name))
          break;
      if (i == G_N_ELEMENTS (names))
        return FALSE;
      rgb = names[i].rgb;
    }
  *out = (gw_rgba){ ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0, (rgb & 255) / 255.0, 1 };
  return TRUE;
}

/* ---- property handlers ---- */

typedef struct {
  gw_ctx *ctx;
  gw_style_pool *pool;
  const gw_style *parent;
  gw_style *st;
  const char *file;
  xmlNodePtr node;
  const char *name;
  /* specified flags for margin → indent mapping */
  gboolean start_indent_set, end_indent_set, space_before_set, space_after_set;
  gboolean border_color_set[4]; /* else the border takes the element's own color */
} prop_job;

typedef gboolean (*prop_fn) (prop_job *j, const char *v);

/* Parses an absolute length (em from the current font size); reports nothing. */
static gboolean
abs_len (prop_job *j, const char *v, double *out)
{
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l) || l.kind != GW_LEN_ABS)
    return FALSE;
  *out = l.v;
  return TRUE;
}

/* Parses a keyword from a NULL-terminated list into its index. */
static gboolean
keyword (const char *v, const char *const *words, int *out)
{
  for (int i = 0; words[i]; i++)
    if (!strcmp (v, words[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* font-size: lengths, %, em, keywords and the Chinese 字号 names. */
static gboolean
p_font_size (prop_job *j, const char *v)
{
  static const struct { const char *n; double pt; } named[] = {
    { "初号", 42 }, { "小初", 36 }, { "一号", 26 }, { "小一", 24 }, { "二号", 22 },
    { "小二", 18 }, { "三号", 16 }, { "小三", 15 }, { "四号", 14 }, { "小四", 12 },
    { "五号", 10.5 }, { "小五", 9 }, { "六号", 7.5 }, { "xx-small", 7 }, { "x-small", 8 },
    { "small", 10 }, { "medium", 12 }, { "large", 14 }, { "x-large", 17 }, { "xx-large", 20 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (named); i++)
    if (!strcmp (v, named[i].n))
      {
        j->st->font_size = named[i].pt;
        return TRUE;
      }
  double base = j->parent->font_size;
  if (!strcmp (v, "larger")) /* bounded like lengths: 150 nested "larger" made 8e12pt */
    return j->st->font_size = MIN (base * 1.2, 2000), TRUE;
  if (!strcmp (v, "smaller"))
    return j->st->font_size = MAX (base / 1.2, 0.01), TRUE;
  gw_len l;
  if (!gw_parse_length (v, base, &l))
    return FALSE;
  double pt = l.kind == GW_LEN_PCT ? base * l.v / 100 : l.v;
  if (l.kind != GW_LEN_PCT && l.kind != GW_LEN_ABS)
    return FALSE;
  if (!(pt > 0 && pt <= 2000))
    return FALSE;
  j->st->font_size = pt;
  return TRUE;
}

/* font-family: kept as written (comma list), quotes removed. */
static gboolean
p_font_family (prop_job *j, const char *v)
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
    j->st->font_family = gw_style_intern_str (j->pool, s->str);
  g_string_free (s, TRUE);
  return ok;
}

/* font-weight. */
static gboolean
p_font_weight (prop_job *j, const char *v)
{
  if (!strcmp (v, "normal"))
    return j->st->font_weight = 400, TRUE;
  if (!strcmp (v, "bold"))
    return j->st->font_weight = 700, TRUE;
  if (!strcmp (v, "bolder"))
    return j->st->font_weight = MIN (900, j->parent->font_weight + 300), TRUE;
  if (!strcmp (v, "lighter"))
    return j->st->font_weight = MAX (100, j->parent->font_weight - 300), TRUE;
  char *e;
  long w = strtol (v, &e, 10);
  if (*e || w < 100 || w > 900 || w % 100)
    return FALSE;
  j->st->font_weight = (int) w;
  return TRUE;
}

/* font-style. */
static gboolean
p_font_style (prop_job *j, const char *v)
{
  static const char *const w[] = { "normal", "italic", "oblique", "backslant", NULL };
  int k;
  if (!keyword (v, w, &k))
    return FALSE;
  j->st->italic = k > 0;
  return TRUE;
}

/* color. */
static gboolean
p_color (prop_job *j, const char *v)
{
  return gw_parse_color (v, &j->st->color);
}

/* background-color. */
static gboolean
p_background (prop_job *j, const char *v)
{
  return gw_parse_color (v, &j->st->background);
}

/* line-height: normal | number | length | %. */
static gboolean
p_line_height (prop_job *j, const char *v)
{
  if (!strcmp (v, "normal"))
    {
      j->st->line_height = -1;
      j->st->line_height_factor = 0;
      return TRUE;
    }
  const char *e;
  double n;
  if (parse_number (v, &n, &e) && *e == '\0')
    {
      if (!(n > 0 && n < 100))
        return FALSE;
      j->st->line_height_factor = n;
      j->st->line_height = n * j->st->font_size;
      return TRUE;
    }
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  double pt = l.kind == GW_LEN_PCT ? j->st->font_size * l.v / 100 : l.v;
  if (!(pt > 0 && pt < 5000) || (l.kind != GW_LEN_PCT && l.kind != GW_LEN_ABS))
    return FALSE;
  j->st->line_height = pt;
  j->st->line_height_factor = 0;
  return TRUE;
}

/* text-align / text-align-last keyword. */
static gboolean
parse_align (const char *v, gw_align *a)
{
  static const char *const w[] = { "start", "center", "end", "justify", "inside", "outside",
                                   "relative", "left", "right", NULL };
  int k;
  if (!keyword (v, w, &k))
    return FALSE;
  *a = k == 7 ? GW_ALIGN_START : k == 8 ? GW_ALIGN_END : (gw_align) k;
  return TRUE;
}

/* text-align. */
static gboolean
p_text_align (prop_job *j, const char *v)
{
  return parse_align (v, &j->st->text_align);
}

/* text-align-last. */
static gboolean
p_text_align_last (prop_job *j, const char *v)
{
  j->st->text_align_last_set = TRUE;
  return parse_align (v, &j->st->text_align_last);
}

/* A length property stored as gw_len (abs, %, label-end()/body-start()). */
static gboolean
len_field (prop_job *j, const char *v, gw_len *out)
{
  return gw_parse_length (v, j->st->font_size, out);
}

/* text-indent. */
static gboolean
p_text_indent (prop_job *j, const char *v)
{
  return len_field (j, v, &j->st->text_indent);
}

/* last-line-end-indent. */
static gboolean
p_last_line_end_indent (prop_job *j, const char *v)
{
  return len_field (j, v, &j->st->last_line_end_indent);
}

/* start-indent. */
static gboolean
p_start_indent (prop_job *j, const char *v)
{
  j->start_indent_set = TRUE;
  return len_field (j, v, &j->st->start_indent);
}

/* end-indent. */
static gboolean
p_end_indent (prop_job *j, const char *v)
{
  j->end_indent_set = TRUE;
  return len_field (j, v, &j->st->end_indent);
}

/* Parses a space value: "L" or "L1 L2" is not allowed; components come via .minimum etc. */
static gboolean
space_value (prop_job *j, const char *v, gw_space *sp)
{
  double d;
  if (!abs_len (j, v, &d))
    return FALSE;
  sp->min = sp->opt = sp->max = d;
  return TRUE;
}

/* space-before (and margin-top when mapped). */
static gboolean
p_space_before (prop_job *j, const char *v)
{
  j->space_before_set = TRUE;
  return space_value (j, v, &j->st->space_before);
}

/* space-after. */
static gboolean
p_space_after (prop_job *j, const char *v)
{
  j->space_after_set = TRUE;
  return space_value (j, v, &j->st->space_after);
}

/* Components: space-before.optimum / .minimum / .maximum / .conditionality / .precedence. */
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

/* space-before.*. */
static gboolean
p_space_before_c (prop_job *j, const char *v)
{
  j->space_before_set = TRUE;
  return space_component (j, &j->st->space_before, strchr (j->name, '.') + 1, v);
}

/* space-after.*. */
static gboolean
p_space_after_c (prop_job *j, const char *v)
{
  j->space_after_set = TRUE;
  return space_component (j, &j->st->space_after, strchr (j->name, '.') + 1, v);
}

/* letter-spacing and its components. */
static gboolean
p_letter_spacing (prop_job *j, const char *v)
{
  gw_space *sp = &j->st->letter_spacing;
  const char *dot = strchr (j->name, '.');
  if (dot)
    return space_component (j, sp, dot + 1, v);
  if (!strcmp (v, "normal"))
    {
      sp->min = sp->opt = sp->max = 0;
      return TRUE;
    }
  return space_value (j, v, sp);
}

/* word-spacing. */
static gboolean
p_word_spacing (prop_job *j, const char *v)
{
  if (!strcmp (v, "normal"))
    return j->st->word_spacing = 0, TRUE;
  return abs_len (j, v, &j->st->word_spacing);
}

/* Side index from a side word (top/bottom/left/right/before/after/start/end). */
static int
side_index (const char *w)
{
  static const char *const sides[] = { "top", "bottom", "left", "right", "before", "after",
                                       "start", "end", NULL };
  int k;
  if (!keyword (w, sides, &k))
    return -1;
  return k % 4;
}

/* Splits a shorthand value into at most 4 whitespace-separated parts (respecting rgb()). */
static int
split_parts (const char *v, char parts[4][64])
{
  int n = 0;
  const char *p = v;
  while (*p)
    {
      while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
      if (!*p)
        break;
      if (n == 4)
        return -1;
      size_t k = 0;
      int depth = 0;
      while (*p && (depth || (*p != ' ' && *p != '\t' && *p != '\n')))
        {
          if (*p == '(')
            depth++;
          if (*p == ')')
            depth--;
          if (k < 63)
            parts[n][k++] = *p;
          p++;
        }
      parts[n][k] = 0;
      n++;
    }
  return n;
}

/* Expands 1–4 values to top, bottom, left, right (CSS order: top right bottom left). */
static gboolean
four_sides (const char *v, char out[4][64])
{
  char p[4][64];
  int n = split_parts (v, p);
  if (n < 1)
    return FALSE;
  int t = 0, r = n > 1 ? 1 : 0, b = n > 2 ? 2 : 0, l = n > 3 ? 3 : r;
  strcpy (out[0], p[t]);
  strcpy (out[1], p[b]);
  strcpy (out[2], p[l]);
  strcpy (out[3], p[r]);
  return TRUE;
}

/* margin (shorthand). */
static gboolean
p_margin (prop_job *j, const char *v)
{
  char s[4][64];
  if (!four_sides (v, s))
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      if (!len_field (j, s[i], &j->st->margin[i]))
        return FALSE;
      j->st->margin_set[i] = TRUE;
    }
  return TRUE;
}

/* margin-top/bottom/left/right. */
static gboolean
p_margin_side (prop_job *j, const char *v)
{
  int i = side_index (j->name + 7);
  if (i < 0 || !len_field (j, v, &j->st->margin[i]))
    return FALSE;
  j->st->margin_set[i] = TRUE;
  return TRUE;
}

/* padding (shorthand). */
static gboolean
p_padding (prop_job *j, const char *v)
{
  char s[4][64];
  if (!four_sides (v, s))
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!abs_len (j, s[i], &j->st->padding[i]) || j->st->padding[i] < 0)
      return FALSE;
  return TRUE;
}

/* padding-SIDE and padding-SIDE.length / .conditionality. */
static gboolean
p_padding_side (prop_job *j, const char *v)
{
  char side[16];
  const char *rest = j->name + 8;
  const char *dot = strchr (rest, '.');
  size_t n = dot ? (size_t) (dot - rest) : strlen (rest);
  if (n >= sizeof side)
    return FALSE;
  memcpy (side, rest, n);
  side[n] = 0;
  int i = side_index (side);
  if (i < 0)
    return FALSE;
  if (dot && !strcmp (dot + 1, "conditionality"))
    {
      j->st->padding_discard[i] = strcmp (v, "retain") != 0;
      return !strcmp (v, "retain") || !strcmp (v, "discard");
    }
  return abs_len (j, v, &j->st->padding[i]) && j->st->padding[i] >= 0;
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
  if (!keyword (v, w, &k))
    return FALSE;
  *s = (gw_bstyle) k;
  return TRUE;
}

/* Applies a "width style color" border value to one side. */
static gboolean
border_value (prop_job *j, const char *v, gw_border *b, gboolean *color_set)
{
  char p[4][64];
  int n = split_parts (v, p);
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

/* border (all sides). */
static gboolean
p_border (prop_job *j, const char *v)
{
  gw_border b;
  gboolean color_set;
  if (!border_value (j, v, &b, &color_set))
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      j->st->border[i] = b;
      j->border_color_set[i] = color_set;
    }
  return TRUE;
}

/* border-SIDE, border-SIDE-width/-style/-color, border-width/-style/-color. */
static gboolean
p_border_part (prop_job *j, const char *v)
{
  const char *rest = j->name + 7; /* after "border-" */
  char side[16] = "";
  const char *what = rest;
  const char *dash = strchr (rest, '-');
  int i = -1;
  if (dash && (size_t) (dash - rest) < sizeof side)
    {
      memcpy (side, rest, dash - rest);
      side[dash - rest] = 0;
      i = side_index (side);
      if (i >= 0)
        what = dash + 1;
    }
  else if (!dash)
    {
      i = side_index (rest);
      if (i >= 0)
        return border_value (j, v, &j->st->border[i], &j->border_color_set[i]);
    }
  const char *dot = strchr (what, '.'); /* border-before-width.conditionality etc. */
  char w[32];
  size_t n = dot ? (size_t) (dot - what) : strlen (what);
  if (n >= sizeof w)
    return FALSE;
  memcpy (w, what, n);
  w[n] = 0;
  if (dot && strcmp (dot + 1, "length"))
    return !strcmp (dot + 1, "conditionality") && (!strcmp (v, "retain") || !strcmp (v, "discard"));
  int lo = i >= 0 ? i : 0, hi = i >= 0 ? i : 3;
  if (i < 0 && strcmp (w, "width") && strcmp (w, "style") && strcmp (w, "color"))
    return FALSE;
  char s[4][64];
  if (i < 0)
    {
      if (!four_sides (v, s))
        return FALSE;
    }
  for (int k = lo; k <= hi; k++)
    {
      const char *val = i < 0 ? s[k] : v;
      gw_border *b = &j->st->border[k];
      gboolean ok = !strcmp (w, "width")   ? border_width (j, val, &b->width)
                    : !strcmp (w, "style") ? border_style (val, &b->style)
                    : !strcmp (w, "color") ? gw_parse_color (val, &b->color)
                                           : FALSE;
      if (ok && !strcmp (w, "color"))
        j->border_color_set[k] = TRUE;
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* break-before / break-after. */
static gboolean
p_break (prop_job *j, const char *v)
{
  static const char *const w[] = { "auto", "page", "odd-page", "even-page", "column", NULL };
  int k;
  if (!keyword (v, w, &k))
    return FALSE;
  if (g_str_has_prefix (j->name, "break-before"))
    j->st->break_before = (gw_break) k;
  else
    j->st->break_after = (gw_break) k;
  return TRUE;
}

/* Parses a keep strength: auto | always | integer. */
static gboolean
keep_value (const char *v, int *out)
{
  if (!strcmp (v, "auto"))
    return *out = 0, TRUE;
  if (!strcmp (v, "always"))
    return *out = G_MAXINT, TRUE;
  char *e;
  long n = strtol (v, &e, 10);
  if (*e || n < 0)
    return FALSE;
  *out = (int) MIN (n, 1000000);
  return TRUE;
}

/* keep-together, keep-with-next, keep-with-previous (and .within-page/.within-column). */
static gboolean
p_keep (prop_job *j, const char *v)
{
  int *f = g_str_has_prefix (j->name, "keep-together")       ? &j->st->keep_together
           : g_str_has_prefix (j->name, "keep-with-next")     ? &j->st->keep_with_next
                                                              : &j->st->keep_with_previous;
  int k;
  if (!keep_value (v, &k))
    return FALSE;
  if (k > *f || !strchr (j->name, '.'))
    *f = k;
  return TRUE;
}

/* widows / orphans. */
static gboolean
p_widows_orphans (prop_job *j, const char *v)
{
  char *e;
  long n = strtol (v, &e, 10);
  if (*e || n < 1 || n > 100)
    return FALSE;
  if (j->name[0] == 'w')
    j->st->widows = (int) n;
  else
    j->st->orphans = (int) n;
  return TRUE;
}

/* text-decoration. */
static gboolean
p_text_decoration (prop_job *j, const char *v)
{
  char p[4][64];
  int n = split_parts (v, p);
  if (n < 1)
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      if (!strcmp (p[i], "none"))
        j->st->underline = j->st->overline = j->st->line_through = FALSE;
      else if (!strcmp (p[i], "underline"))
        j->st->underline = TRUE;
      else if (!strcmp (p[i], "no-underline"))
        j->st->underline = FALSE;
      else if (!strcmp (p[i], "overline"))
        j->st->overline = TRUE;
      else if (!strcmp (p[i], "line-through"))
        j->st->line_through = TRUE;
      else if (strcmp (p[i], "blink") && strcmp (p[i], "no-blink"))
        return FALSE;
    }
  return TRUE;
}

/* baseline-shift. */
static gboolean
p_baseline_shift (prop_job *j, const char *v)
{
  if (!strcmp (v, "baseline"))
    return j->st->baseline_shift = 0, j->st->baseline_shift_kind = 0, TRUE;
  if (!strcmp (v, "super"))
    return j->st->baseline_shift_kind = 1, TRUE;
  if (!strcmp (v, "sub"))
    return j->st->baseline_shift_kind = 2, TRUE;
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  j->st->baseline_shift = l.kind == GW_LEN_PCT ? l.v * j->st->font_size / 100 : l.v;
  j->st->baseline_shift_kind = 0;
  return l.kind == GW_LEN_PCT || l.kind == GW_LEN_ABS;
}

/* white-space-collapse. */
static gboolean
p_ws_collapse (prop_job *j, const char *v)
{
  if (strcmp (v, "true") && strcmp (v, "false"))
    return FALSE;
  j->st->ws_collapse = !strcmp (v, "true");
  return TRUE;
}

/* linefeed-treatment. */
static gboolean
p_linefeed (prop_job *j, const char *v)
{
  static const char *const w[] = { "treat-as-space", "ignore", "preserve",
                                   "treat-as-zero-width-space", NULL };
  int k;
  if (!keyword (v, w, &k))
    return FALSE;
  j->st->linefeed = (gw_lf) k;
  return TRUE;
}

/* white-space-treatment. */
static gboolean
p_ws_treatment (prop_job *j, const char *v)
{
  static const char *const w[] = { "ignore-if-surrounding-linefeed", "ignore", "preserve",
                                   "ignore-if-before-linefeed", "ignore-if-after-linefeed", NULL };
  int k;
  if (!keyword (v, w, &k))
    return FALSE;
  j->st->ws_treatment = (gw_ws) k;
  return TRUE;
}

/* white-space (shorthand: pre / normal / nowrap). */
static gboolean
p_white_space (prop_job *j, const char *v)
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
static gboolean
p_wrap (prop_job *j, const char *v)
{
  if (strcmp (v, "wrap") && strcmp (v, "no-wrap"))
    return FALSE;
  j->st->wrap = !strcmp (v, "wrap");
  return TRUE;
}

/* display-align. */
static gboolean
p_display_align (prop_job *j, const char *v)
{
  static const char *const w[] = { "auto", "before", "center", "after", NULL };
  int k;
  if (!keyword (v, w, &k))
    return FALSE;
  j->st->display_align = (gw_dalign) k;
  return TRUE;
}

/* border-collapse. */
static gboolean
p_border_collapse (prop_job *j, const char *v)
{
  if (strcmp (v, "collapse") && strcmp (v, "separate") && strcmp (v, "collapse-with-precedence"))
    return FALSE;
  j->st->border_collapse = strcmp (v, "separate") != 0;
  return TRUE;
}

/* border-separation (and .inline-progression-direction / .block-progression-direction). */
static gboolean
p_border_separation (prop_job *j, const char *v)
{
  double d;
  const char *dot = strchr (j->name, '.');
  char p[4][64];
  int n = split_parts (v, p);
  if (n < 1 || n > 2)
    return FALSE;
  if (!abs_len (j, p[0], &d) || d < 0)
    return FALSE;
  double d2 = d;
  if (n == 2 && (!abs_len (j, p[1], &d2) || d2 < 0))
    return FALSE;
  if (!dot || strstr (dot, "inline"))
    j->st->border_sep_ipd = d;
  if (!dot || strstr (dot, "block"))
    j->st->border_sep_bpd = dot ? d : d2;
  return TRUE;
}

/* width / height / top / left / right / bottom and inline-/block-progression-dimension. */
static gboolean
p_box_len (prop_job *j, const char *v)
{
  const char *n = j->name;
  const char *dot = strchr (n, '.');
  if (dot && strcmp (dot, ".optimum") && strcmp (dot, ".minimum") && strcmp (dot, ".maximum"))
    return FALSE;
  gw_len *f = g_str_has_prefix (n, "width") || g_str_has_prefix (n, "inline-progression")
                ? &j->st->width
              : g_str_has_prefix (n, "height") || g_str_has_prefix (n, "block-progression")
                ? &j->st->height
              : !strcmp (n, "top")   ? &j->st->top
              : !strcmp (n, "left")  ? &j->st->left
              : !strcmp (n, "right") ? &j->st->right
                                     : &j->st->bottom;
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  if ((f == &j->st->width || f == &j->st->height) && l.kind == GW_LEN_ABS && l.v < 0)
    return FALSE;
  *f = l;
  return TRUE;
}

/* absolute-position. */
static gboolean
p_position (prop_job *j, const char *v)
{
  static const char *const w[] = { "auto", "absolute", "fixed", "inherit", NULL };
  int k;
  if (!keyword (v, w, &k))
    return FALSE;
  j->st->position = k == 1 ? GW_POS_ABSOLUTE : k == 2 ? GW_POS_FIXED : GW_POS_STATIC;
  return TRUE;
}

/* reference-orientation: 0, ±90, ±180, ±270 (degrees counter-clockwise), kept as 0–270. */
static gboolean
p_reference_orientation (prop_job *j, const char *v)
{
  char *e;
  long n = strtol (v, &e, 10);
  if ((*e && strcmp (e, "deg")) || n % 90 || n < -270 || n > 270)
    return FALSE;
  j->st->reference_orientation = (int) ((n + 360) % 360);
  return TRUE;
}

/* gx:grid (gongwen extension, in the gx namespace or as plain attribute). */
static gboolean
p_grid (prop_job *j, const char *v)
{
  if (strcmp (v, "true") && strcmp (v, "false"))
    return FALSE;
  j->st->grid = !strcmp (v, "true");
  return TRUE;
}

/* gx:char-pitch / gx:line-pitch. */
static gboolean
p_grid_pitch (prop_job *j, const char *v)
{
  double d;
  if (!abs_len (j, v, &d) || d <= 0 || d > 1000)
    return FALSE;
  if (strstr (j->name, "char"))
    j->st->grid_char_pitch = d;
  else
    j->st->grid_line_pitch = d;
  return TRUE;
}

/* Properties gongwen does not implement: their initial value is fine, any other value is
 * ignored with one warning per property. */
static gboolean
p_unsupported (prop_job *j, const char *v)
{
  static const char *const initial[] = { "0", "0deg", "lr-tb", "lr", "none", "1", "visible",
                                         "normal", "auto", "inherit", NULL };
  int k;
  if (!keyword (v, initial, &k))
    {
      char *key = g_strdup_printf ("unsupported:%s", j->name);
      gw_diag_warn_once (j->ctx->diag, key, j->file, xmlGetLineNo (j->node),
                         "property %s=\"%s\" is not supported; ignored", j->name, v);
      g_free (key);
    }
  return TRUE;
}

/* Properties that are accepted and used elsewhere (element-specific) or deliberately ignored. */
static gboolean
p_accept (prop_job *j, const char *v)
{
  (void) j;
  (void) v;
  return TRUE;
}

typedef struct {
  const char *name; /* exact name, or prefix ending in '*' */
  prop_fn fn;
  int order;        /* 0 font-size, 1 shorthands, 2 specifics */
} prop_entry;

/* The property table: one row per property (or family of components). */
static const prop_entry prop_table[] = {
  { "font-size", p_font_size, 0 },
  { "color", p_color, 0 }, /* before borders, whose default colour is the element's color */
  { "font-family", p_font_family, 1 },
  { "font-weight", p_font_weight, 1 },
  { "font-style", p_font_style, 1 },
  { "background-color", p_background, 2 },
  { "line-height", p_line_height, 2 },
  { "text-align", p_text_align, 2 },
  { "text-align-last", p_text_align_last, 2 },
  { "text-indent", p_text_indent, 2 },
  { "last-line-end-indent", p_last_line_end_indent, 2 },
  { "start-indent", p_start_indent, 2 },
  { "end-indent", p_end_indent, 2 },
  { "space-before", p_space_before, 1 },
  { "space-after", p_space_after, 1 },
  { "space-before.*", p_space_before_c, 2 },
  { "space-after.*", p_space_after_c, 2 },
  { "letter-spacing", p_letter_spacing, 1 },
  { "letter-spacing.*", p_letter_spacing, 2 },
  { "word-spacing", p_word_spacing, 1 },
  { "margin", p_margin, 1 },
  { "margin-*", p_margin_side, 2 },
  { "padding", p_padding, 1 },
  { "padding-*", p_padding_side, 2 },
  { "border", p_border, 1 },
  { "border-width", p_border_part, 1 },
  { "border-style", p_border_part, 1 },
  { "border-color", p_border_part, 1 },
  { "border-collapse", p_border_collapse, 2 },
  { "border-separation*", p_border_separation, 2 },
  { "border-spacing", p_border_separation, 2 },
  { "border-*", p_border_part, 2 },
  { "break-before", p_break, 2 },
  { "break-after", p_break, 2 },
  { "keep-together*", p_keep, 2 },
  { "keep-with-next*", p_keep, 2 },
  { "keep-with-previous*", p_keep, 2 },
  { "widows", p_widows_orphans, 2 },
  { "orphans", p_widows_orphans, 2 },
  { "text-decoration", p_text_decoration, 2 },
  { "baseline-shift", p_baseline_shift, 2 },
  { "vertical-align", p_baseline_shift, 2 },
  { "white-space-collapse", p_ws_collapse, 2 },
  { "linefeed-treatment", p_linefeed, 2 },
  { "white-space-treatment", p_ws_treatment, 2 },
  { "white-space", p_white_space, 1 },
  { "wrap-option", p_wrap, 2 },
  { "display-align", p_display_align, 2 },
  { "width", p_box_len, 2 },
  { "height", p_box_len, 2 },
  { "inline-progression-dimension*", p_box_len, 2 },
  { "block-progression-dimension*", p_box_len, 2 },
  { "top", p_box_len, 2 },
  { "left", p_box_len, 2 },
  { "right", p_box_len, 2 },
  { "bottom", p_box_len, 2 },
  { "absolute-position", p_position, 2 },
  { "grid", p_grid, 2 },
  { "char-pitch", p_grid_pitch, 2 },
  { "line-pitch", p_grid_pitch, 2 },
  /* element-specific properties read by the layout from the attributes themselves */
  { "id", p_accept, 9 }, { "master-name", p_accept, 9 }, { "master-reference", p_accept, 9 },
  { "flow-name", p_accept, 9 }, { "region-name", p_accept, 9 }, { "extent", p_accept, 9 },
  { "page-width", p_accept, 9 }, { "page-height", p_accept, 9 },
  { "initial-page-number", p_accept, 9 }, { "force-page-count", p_accept, 9 },
  { "format", p_accept, 9 }, { "grouping-separator", p_accept, 9 }, { "grouping-size", p_accept, 9 },
  { "page-position", p_accept, 9 }, { "odd-or-even", p_accept, 9 },
  { "blank-or-not-blank", p_accept, 9 }, { "maximum-repeats", p_accept, 9 },
  { "src", p_accept, 9 }, { "content-width", p_accept, 9 }, { "content-height", p_accept, 9 },
  { "scaling", p_accept, 9 }, { "content-type", p_accept, 9 },
  { "leader-pattern", p_accept, 9 }, { "leader-length*", p_accept, 9 },
  { "leader-pattern-width", p_accept, 9 }, { "rule-thickness", p_accept, 9 },
  { "rule-style", p_accept, 9 }, { "character", p_accept, 9 }, { "ref-id", p_accept, 9 },
  { "internal-destination", p_accept, 9 }, { "external-destination", p_accept, 9 },
  { "show-destination", p_accept, 9 },
  { "marker-class-name", p_accept, 9 }, { "retrieve-class-name", p_accept, 9 },
  { "retrieve-position", p_accept, 9 }, { "retrieve-boundary", p_accept, 9 },
  { "retrieve-position-within-table", p_accept, 9 },
  { "retrieve-boundary-within-table", p_accept, 9 },
  { "column-width", p_accept, 9 }, { "column-number", p_accept, 9 },
  { "number-columns-repeated", p_accept, 9 }, { "number-columns-spanned", p_accept, 9 },
  { "number-rows-spanned", p_accept, 9 }, { "table-layout", p_accept, 9 },
  { "table-omit-header-at-break", p_accept, 9 }, { "table-omit-footer-at-break", p_accept, 9 },
  { "starts-row", p_accept, 9 }, { "ends-row", p_accept, 9 },
  { "provisional-distance-between-starts", p_accept, 9 },
  { "provisional-label-separation", p_accept, 9 },
  { "starting-state", p_accept, 9 }, { "role", p_accept, 9 }, { "language", p_accept, 9 },
  { "country", p_accept, 9 }, { "script", p_accept, 9 }, { "hyphenate", p_accept, 9 },
  { "hyphenation-character", p_accept, 9 }, { "xml:lang", p_accept, 9 }, { "lang", p_accept, 9 },
  { "font-variant", p_unsupported, 9 }, { "font-stretch", p_accept, 9 },
  { "font-selection-strategy", p_accept, 9 }, { "text-transform", p_unsupported, 9 },
  { "overflow", p_accept, 9 }, { "clip", p_accept, 9 }, { "reference-orientation", p_reference_orientation, 9 },
  { "writing-mode", p_unsupported, 9 }, { "display-align", p_display_align, 2 },
  { "relative-align", p_accept, 9 }, { "alignment-baseline", p_accept, 9 },
  { "dominant-baseline", p_accept, 9 }, { "alignment-adjust", p_accept, 9 },
  { "line-stacking-strategy", p_accept, 9 }, { "line-height-shift-adjustment", p_accept, 9 },
  { "text-altitude", p_accept, 9 }, { "text-depth", p_accept, 9 },
  { "empty-cells", p_accept, 9 }, { "caption-side", p_accept, 9 },
  { "span", p_unsupported, 9 }, { "column-count", p_unsupported, 9 }, { "column-gap", p_unsupported, 9 },
  { "precedence", p_accept, 9 }, { "indicate-destination", p_accept, 9 },
  { "destination-placement-offset", p_accept, 9 }, { "target-presentation-context", p_accept, 9 },
  { "target-processing-context", p_accept, 9 }, { "target-stylesheet", p_accept, 9 },
  { "visibility", p_unsupported, 9 }, { "z-index", p_unsupported, 9 }, { "intrusion-displace", p_accept, 9 },
  { "treat-as-word-space", p_accept, 9 }, { "suppress-at-line-break", p_accept, 9 },
  { "internal-destination", p_accept, 9 }, { "auto-restore", p_accept, 9 },
  { "title", p_accept, 9 }, { "media-usage", p_accept, 9 }, { "score-spaces", p_accept, 9 },
  { "text-shadow", p_unsupported, 9 }, { "hyphenation-push-character-count", p_accept, 9 },
  { "hyphenation-remain-character-count", p_accept, 9 }, { "text-align-last", p_text_align_last, 2 },
};

/* Finds the table row for a property name (exact, then prefix rows ending in '*'). */
static const prop_entry *
prop_lookup (const char *name)
{
  static GHashTable *exact; /* built once; read-only afterwards (a table, not a setting) */
  static gsize once;
  if (g_once_init_enter (&once))
    {
      exact = g_hash_table_new (g_str_hash, g_str_equal);
      for (size_t i = 0; i < G_N_ELEMENTS (prop_table); i++)
        if (!strchr (prop_table[i].name, '*') && !g_hash_table_contains (exact, prop_table[i].name))
          g_hash_table_insert (exact, (gpointer) prop_table[i].name, (gpointer) &prop_table[i]);
      g_once_init_leave (&once, 1);
    }
  const prop_entry *e = g_hash_table_lookup (exact, name);
  if (e)
    return e;
  for (size_t i = 0; i < G_N_ELEMENTS (prop_table); i++)
    {
      const char *star = strchr (prop_table[i].name, '*');
      if (star && !strncmp (name, prop_table[i].name, star - prop_table[i].name))
        return &prop_table[i];
    }
  return NULL;
}

/* TRUE if the property is known. */
gboolean
gw_style_known_property (const char *name)
{
  return prop_lookup (name) != NULL;
}

/* The line height in pt. */
double
gw_style_line_height (const gw_style *st)
{
  if (st->line_height_factor > 0)
    return st->line_height_factor * st->font_size;
  if (st->line_height < 0)
    return 1.2 * st->font_size;
  return st->line_height;
}

/* Resets the non-inherited fields of `st` to their initial values. */
static void
style_reset_noninherited (gw_style *st, const gw_style *init)
{
  st->space_before = init->space_before;
  st->space_after = init->space_after;
  memcpy (st->margin, init->margin, sizeof st->margin);
  memcpy (st->margin_set, init->margin_set, sizeof st->margin_set);
  memcpy (st->padding, init->padding, sizeof st->padding);
  memcpy (st->padding_discard, init->padding_discard, sizeof st->padding_discard);
  for (int i = 0; i < 4; i++)
    {
      st->border[i] = init->border[i];
      st->border[i].color = st->color;
    }
  st->background = init->background;
  st->break_before = st->break_after = GW_BREAK_AUTO;
  st->keep_with_next = st->keep_with_previous = 0;
  st->width = init->width;
  st->height = init->height;
  st->top = init->top;
  st->left = init->left;
  st->right = init->right;
  st->bottom = init->bottom;
  st->position = GW_POS_STATIC;
  st->baseline_shift = 0;
  st->baseline_shift_kind = 0;
  st->reference_orientation = 0;
}

typedef struct { int order; xmlAttrPtr attr; const prop_entry *entry; } prop_todo;

/* Orders attributes by table order (font-size, shorthands, specifics). */
static int
prop_todo_cmp (const void *a, const void *b)
{
  const prop_todo *x = a, *y = b;
  return x->order - y->order;
}

/* Computes and interns the style of a node. */
const gw_style *
gw_style_compute (gw_ctx *ctx, gw_style_pool *pool, const gw_style *parent, xmlNodePtr node,
                  const char *file)
{
  gw_style st = *parent;
  style_reset_noninherited (&st, &pool->initial);
  prop_job j = { ctx, pool, parent, &st, file, node, NULL, FALSE, FALSE, FALSE, FALSE, { FALSE } };
  prop_todo todo[64];
  int n = 0;
  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;
      gboolean gx = a->ns && a->ns->href && !strcmp ((const char *) a->ns->href, "urn:gongwen:fo:1");
      if (a->ns && !gx && strcmp ((const char *) a->ns->href, "http://www.w3.org/XML/1998/namespace"))
        continue; /* foreign namespaces are not properties */
      const prop_entry *e = prop_lookup (name);
      if (!e)
        {
          char *key = g_strdup_printf ("prop:%s", name);
          gw_diag_warn_once (ctx->diag, key, file, xmlGetLineNo (node),
                             "unsupported property '%s' ignored", name);
          g_free (key);
          continue;
        }
      if (n < (int) G_N_ELEMENTS (todo))
        todo[n++] = (prop_todo){ e->order, a, e };
    }
  qsort (todo, n, sizeof todo[0], prop_todo_cmp);
  for (int i = 0; i < n; i++)
    {
      xmlChar *raw = xmlNodeGetContent ((xmlNodePtr) todo[i].attr);
      char *v = g_strstrip (g_strdup ((const char *) raw));
      xmlFree (raw);
      j.name = (const char *) todo[i].attr->name;
      gw_style before = st; /* handlers may write part of a value before rejecting it */
      prop_job jbefore = j;
      if (!strcmp (v, "inherit"))
        ; /* inherited fields already hold the parent's value */
      else if (!todo[i].entry->fn (&j, v))
        {
          st = before;
          j = jbefore;
          j.name = (const char *) todo[i].attr->name;
          gw_diag_warn (ctx->diag, file, xmlGetLineNo (node),
                        "invalid value '%.80s%s' for property '%s' (default used)", v,
                        strlen (v) > 80 ? "…" : "", j.name);
        }
      g_free (v);
    }
  if (st.line_height_factor > 0)
    st.line_height = st.line_height_factor * st.font_size;
  /* margin-* → indents and spaces (XSL 1.1 §5.3.2) */
  if (!j.start_indent_set)
    {
      if (st.margin_set[GW_SIDE_START])
        st.start_indent = (gw_len){ GW_LEN_ABS, gw_len_resolve (parent->start_indent, 0, 0)
                                                  + gw_len_resolve (st.margin[GW_SIDE_START], 0, 0)
                                                  + st.padding[GW_SIDE_START]
                                                  + (st.border[GW_SIDE_START].style ? st.border[GW_SIDE_START].width : 0) };
    }
  if (!j.end_indent_set)
    {
      if (st.margin_set[GW_SIDE_END])
        st.end_indent = (gw_len){ GW_LEN_ABS, gw_len_resolve (parent->end_indent, 0, 0)
                                                + gw_len_resolve (st.margin[GW_SIDE_END], 0, 0)
                                                + st.padding[GW_SIDE_END]
                                                + (st.border[GW_SIDE_END].style ? st.border[GW_SIDE_END].width : 0) };
    }
  if (!j.space_before_set && st.margin_set[GW_SIDE_BEFORE])
    {
      double d = gw_len_resolve (st.margin[GW_SIDE_BEFORE], 0, 0);
      st.space_before = (gw_space){ d, d, d, FALSE, 0 };
    }
  if (!j.space_after_set && st.margin_set[GW_SIDE_AFTER])
    {
      double d = gw_len_resolve (st.margin[GW_SIDE_AFTER], 0, 0);
      st.space_after = (gw_space){ d, d, d, FALSE, 0 };
    }
  for (int i = 0; i < 4; i++)
    {
      if (!j.border_color_set[i])
        st.border[i].color = st.color;
      if (st.border[i].style == GW_BS_NONE || st.border[i].style == GW_BS_HIDDEN)
        st.border[i].width = 0;
    }
  /* the margin fields are consumed: clear them so equal styles intern together */
  memset (st.margin, 0, sizeof st.margin);
  memset (st.margin_set, 0, sizeof st.margin_set);
  gw_style *found = g_hash_table_lookup (pool->styles, &st);
  if (found)
    return found;
  gw_style *copy = g_memdup2 (&st, sizeof st);
  g_hash_table_add (pool->styles, copy);
  return copy;
}
