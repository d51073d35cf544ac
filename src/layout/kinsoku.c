/* kinsoku.c — the 避头尾 tables and decisions. */
#include "layout/kinsoku.h"

#include <string.h>

/* Characters that never start a line (GB/T 15834 §5.1 and the reference list). */
static const char no_start_chars[] =
  "，。、；：？！）》〉」』】〕］｝”’·•・—～％‰々〻ゝゞ,.;:?!)]}%"
  "﹚﹜﹞〗〙︶︸︺︼︾﹀﹂﹄";
/* Characters that never end a line. */
static const char no_end_chars[] = "（《〈「『【〔［｛“‘([{〖〘";

/* TRUE if ch occurs in the UTF-8 string `set` (each set decoded once into a lookup table). */
static gboolean
in_set (const char *set, gunichar ch)
{
  static GHashTable *tables; /* set string → GHashTable of code points; immutable data */
  static GMutex lock;
  if (ch < 0x21 || (ch > 0x7e && ch < 0xb7))
    return FALSE;
  g_mutex_lock (&lock);
  if (!tables)
    tables = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTable *t = g_hash_table_lookup (tables, set);
  if (!t)
    {
      t = g_hash_table_new (g_direct_hash, g_direct_equal);
      for (const char *p = set; *p; p = g_utf8_next_char (p))
        g_hash_table_add (t, GUINT_TO_POINTER (g_utf8_get_char (p)));
      g_hash_table_insert (tables, (gpointer) set, t);
    }
  g_mutex_unlock (&lock);
  return g_hash_table_contains (t, GUINT_TO_POINTER (ch));
}

/* May not start a line. */
gboolean
gw_kinsoku_no_start (gunichar ch)
{
  return in_set (no_start_chars, ch);
}

/* May not end a line. */
gboolean
gw_kinsoku_no_end (gunichar ch)
{
  return in_set (no_end_chars, ch);
}

/* Inseparable pairs. */
gboolean
gw_kinsoku_inseparable (gunichar a, gunichar b)
{
  if (a == 0x2014 && b == 0x2014) /* —— */
    return TRUE;
  if (a == 0x2026 && b == 0x2026) /* …… */
    return TRUE;
  if (a == 0x2E3A || b == 0x2E3A || a == 0x2E3B || b == 0x2E3B)
    return TRUE;
  if (g_unichar_isdigit (a) && (b == 0xFF05 || b == '%' || b == 0x2030 || b == 0x2103))
    return TRUE;
  if (g_unichar_isdigit (a) && (g_unichar_isdigit (b) || b == '.' || b == ','))
    return TRUE;
  return FALSE;
}

/* Squeezable full-width punctuation. */
gboolean
gw_kinsoku_squeezable (gunichar ch, int *side)
{
  static const char right_white[] = "，。、；：？！）》〉」』】〕］｝”’";
  static const char left_white[] = "（《〈「『【〔［｛“‘";
  if (in_set (right_white, ch))
    {
      *side = 1;
      return TRUE;
    }
  if (in_set (left_white, ch))
    {
      *side = -1;
      return TRUE;
    }
  return FALSE;
}

/* CJK for justification. */
gboolean
gw_kinsoku_is_cjk (gunichar ch)
{
  return (ch >= 0x2E80 && ch <= 0x9FFF) || (ch >= 0xF900 && ch <= 0xFAFF)
         || (ch >= 0xFF00 && ch <= 0xFFEF) || (ch >= 0x20000 && ch <= 0x3FFFF)
         || ch == 0x2014 || ch == 0x2026 || ch == 0x201C || ch == 0x201D || ch == 0x2018
         || ch == 0x2019 || ch == 0x00B7;
}

/* Whether a break before chars[i] is allowed. */
gboolean
gw_kinsoku_break_ok (const gunichar *chars, int n, int i, gboolean uax_ok)
{
  if (i <= 0 || i >= n)
    return i >= n;
  gunichar a = chars[i - 1], b = chars[i];
  /* UAX#14 glues the quotation marks “ ” ‘ ’ (class QU) to both neighbours; in Chinese
   * they are opening and closing punctuation: a line may break before “ and after ” */
  gboolean opening_quote = b == 0x201C || b == 0x2018;
  gboolean closing_quote = a == 0x201D || a == 0x2019;
  if (!uax_ok && !((opening_quote && (gw_kinsoku_is_cjk (a) || a == ' '))
                   || (closing_quote && (gw_kinsoku_is_cjk (b) || b == ' '))))
    return FALSE;
  if (b == 0x2014 && i + 1 < n && chars[i + 1] == 0x2014 && a != 0x2014)
    return !gw_kinsoku_no_end (a); /* a —— 破折号 may start a line */
  if (gw_kinsoku_no_start (b) || gw_kinsoku_no_end (a) || gw_kinsoku_inseparable (a, b))
    return FALSE;
  return TRUE;
}

/* A decimal digit, ASCII or full-width. */
static gboolean
is_digit (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* A Latin letter or digit (ASCII or full-width): a part of a code or unit. */
static gboolean
is_alnum (gunichar c)
{
  return is_digit (c) || (c < 0x80 && g_ascii_isalpha ((char) c))
         || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

/* A Han ideograph. */
static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* A unit, measure word or date part written after a number (年 月 日 号 时 张 元 米 …). */
static gboolean
is_cjk_unit (gunichar c)
{
  static const char units[] =
    "年月日时分秒号个件台张次项名人元角万亿千百十米克吨升度倍条款章节页册批类级层户家位辆套只"
    "份宗起座天周岁期组支根块箱袋瓶包盒把株头匹栋间处段部本篇册元点例所种";
  return in_set (units, c);
}

/* Starts a unit after a number and a space: a letter, µ, °, Ω, ‰, %. */
static gboolean
is_unit_start (gunichar c)
{
  return (c < 0x80 && g_ascii_isalpha ((char) c)) || c == 0xB5 || c == 0x3BC || c == 0xB0
         || c == 0x2103 || c == 0x3A9 || c == 0x2126 || c == '%' || c == 0x2030;
}

/* Whether a break before chars[i] splits a number run (GB/T 15835-2011). */
gboolean
gw_kinsoku_number_glue (const gunichar *chars, int n, int i)
{
  if (i <= 0 || i >= n)
    return FALSE;
  gunichar a = chars[i - 1], b = chars[i], z = i >= 2 ? chars[i - 2] : 0;
  if (is_digit (a) && (is_digit (b) || is_cjk_unit (b)))
    return TRUE;                              /* 2015 · 3张 · 9月 */
  if ((a == '.' || a == ',' || a == 0xFF0E) && is_digit (z) && is_digit (b))
    return TRUE;                              /* 0.55 */
  if (is_digit (b) && (a == 0x3015 || a == 0xFF3D || a == ']' || a == 0x7B2C /* 第 */
                       || (is_han (a) && is_digit (z))))
    return TRUE;                              /* 〔2015〕14号 · 年9 · 月2 · 第3 */
  if (a == ' ' && is_digit (z) && is_unit_start (b))
    return TRUE;                              /* 0.55 mm */
  if (a == ' ' && z < 0x80 && g_ascii_isupper ((char) z) && is_digit (b))
    return TRUE;                              /* GB/T 5023.3 */
  if ((a == '/' || a == 0xD7 || a == '-') && is_alnum (z) && (is_alnum (b) || is_unit_start (b)))
    return TRUE;                              /* mg/m² · GB/T · 2440mm×1220mm */
  if (b == 0xD7 && is_alnum (a))
    return TRUE;
  if ((b == 0xB2 || b == 0xB3 || b == 0xB9) && is_alnum (a))
    return TRUE;                              /* m² */
  return FALSE;
}
