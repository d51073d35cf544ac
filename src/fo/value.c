/* value.c — the value grammar shared by the property parsers: numbers, lengths, colours,
 * keywords, space-separated parts and side names. */
#include "fo/prop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Parses a number with the C locale; advances *end. */
gboolean
gw_value_number (const char *s, double *v, const char **end)
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
  if (!gw_value_number (s, &v, &e))
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

/* Index of a keyword in a NULL-terminated list. */
gboolean
gw_value_keyword (const char *v, const char *const *words, int *out)
{
  for (int i = 0; words[i]; i++)
    if (!strcmp (v, words[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* Side index from a side word (top/bottom/left/right/before/after/start/end). */
int
gw_value_side (const char *w)
{
  static const char *const sides[] = { "top", "bottom", "left", "right", "before", "after",
                                       "start", "end", NULL };
  int k;
  if (!gw_value_keyword (w, sides, &k))
    return -1;
  return k % 4;
}

/* Splits a shorthand value into at most 4 whitespace-separated parts (respecting rgb()). */
int
gw_value_split (const char *v, char parts[4][64])
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
gboolean
gw_value_four_sides (const char *v, char out[4][64])
{
  char p[4][64];
  int n = gw_value_split (v, p);
  if (n < 1)
    return FALSE;
  int t = 0, r = n > 1 ? 1 : 0, b = n > 2 ? 2 : 0, l = n > 3 ? 3 : r;
  strcpy (out[0], p[t]);
  strcpy (out[1], p[b]);
  strcpy (out[2], p[l]);
  strcpy (out[3], p[r]);
  return TRUE;
}

/* An integer within [lo, hi], the whole string. */
gboolean
gw_value_int (const char *v, long lo, long hi, int *out)
{
  char *e;
  long n = strtol (v, &e, 10);
  if (e == v || *e || n < lo || n > hi)
    return FALSE;
  *out = (int) n;
  return TRUE;
}
