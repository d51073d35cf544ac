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
