/* isodate.c — ISO calendar dates of records (see isodate.h). */
#include "base/isodate.h"

#include <stdio.h>
#include <string.h>

#define ISODATE_MIN_YEAR 1000
#define ISODATE_MAX_YEAR 9999

/* TRUE for the XML whitespace characters. */
static gboolean
isodate_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Reads `n` decimal digits at `s` into `out`; FALSE if any is not a digit. */
static gboolean
isodate_digits (const char *s, int n, int *out)
{
  int v = 0;
  for (int i = 0; i < n; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* Parses a strict yyyy-mm-dd date. */
gboolean
gw_isodate_parse (const char *s, GDate *out)
{
  if (!s)
    return FALSE;
  while (isodate_space (*s))
    s++;
  size_t len = strlen (s);
  while (len > 0 && isodate_space (s[len - 1]))
    len--;
  int y, m, d;
  if (len != 10 || s[4] != '-' || s[7] != '-' || !isodate_digits (s, 4, &y)
      || !isodate_digits (s + 5, 2, &m) || !isodate_digits (s + 8, 2, &d))
    return FALSE;
  if (y < ISODATE_MIN_YEAR || m < 1 || m > 12 || d < 1
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* Formats a date as yyyy-mm-dd. */
char *
gw_isodate_format (const GDate *d, char buf[11])
{
  unsigned y = g_date_get_year (d) % 10000u, m = g_date_get_month (d) % 100u,
           day = g_date_get_day (d) % 100u;
  snprintf (buf, 11, "%04u-%02u-%02u", y, m, day);
  return buf;
}

/* Adds days, keeping the year within range. */
gboolean
gw_isodate_add_days (GDate *d, gint64 days)
{
  gint64 j = (gint64) g_date_get_julian (d) + days;
  GDate lo, hi;
  g_date_clear (&lo, 1);
  g_date_clear (&hi, 1);
  g_date_set_dmy (&lo, 1, G_DATE_JANUARY, ISODATE_MIN_YEAR);
  g_date_set_dmy (&hi, 31, G_DATE_DECEMBER, ISODATE_MAX_YEAR);
  if (j < (gint64) g_date_get_julian (&lo) || j > (gint64) g_date_get_julian (&hi))
    return FALSE;
  g_date_set_julian (d, (guint32) j);
  return TRUE;
}

/* Adds months, clamping the day. */
gboolean
gw_isodate_add_months (GDate *d, gint64 months)
{
  gint64 index = (gint64) g_date_get_year (d) * 12 + (g_date_get_month (d) - 1) + months;
  if (index < (gint64) ISODATE_MIN_YEAR * 12 || index > (gint64) ISODATE_MAX_YEAR * 12 + 11)
    return FALSE;
  int y = (int) (index / 12), m = (int) (index % 12) + 1;
  int day = g_date_get_day (d);
  int last = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
  g_date_set_dmy (d, (GDateDay) MIN (day, last), (GDateMonth) m, (GDateYear) y);
  return TRUE;
}
