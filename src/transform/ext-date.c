/* ext-date.c — gw: date functions for stylesheets. Dates are ISO yyyy-mm-dd strings (the
 * xs:date of records); results are ISO dates or the Chinese forms official documents use.
 *
 *   gw:date-add(date, days)        → ISO date `days` later (negative = earlier)
 *   gw:date-add-months(date, n)    → ISO date n months later, day clamped to month end
 *   gw:deadline(date, days)        → the deadline "served + N days": ISO date `days` after
 *                                    the date of service (same arithmetic as date-add)
 *   gw:date-cn(date)               → "2015年6月22日"
 *   gw:date-cn-upper(date)         → "二〇一五年六月二十二日" (dates of official documents)
 *   gw:weekday-cn(date)            → "星期一" … "星期日" */
#include "transform/ext.h"
#include "transform/transform.h"
#include "base/isodate.h"

#include <libxslt/extensions.h>

#define EXT_MAX_DAYS 3660000  /* ±10000 years: any larger offset is a data error */
#define EXT_MAX_MONTHS 120000

/* Chinese numerals of the digits 0–9 as written in dates (〇 is U+3007). */
static const char *const ext_date_digits[10] = { "〇", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九" };

/* Pops the date argument; on a bad value fails the call (`nargs` still on the stack,
 * this one included) and returns FALSE. */
static gboolean
ext_pop_date (xmlXPathParserContextPtr ctxt, int nargs, const char *fn, GDate *out)
{
  char *s = gw_ext_pop_string (ctxt);
  gboolean ok = gw_isodate_parse (s, out);
  if (!ok)
    gw_ext_fail (ctxt, nargs - 1, fn, "'%s' is not a date (expected yyyy-mm-dd, e.g. 2015-06-22)",
                 s);
  g_free (s);
  return ok;
}

/* Shared body of date-add and deadline: (date, days) → ISO date. */
static void
ext_date_plus_days (xmlXPathParserContextPtr ctxt, int nargs, const char *fn)
{
  if (!gw_ext_check_arity (ctxt, nargs, 2, fn))
    return;
  gint64 days;
  GDate d;
  if (!gw_ext_pop_integer (ctxt, 2, fn, "number of days", -EXT_MAX_DAYS, EXT_MAX_DAYS, &days)
      || !ext_pop_date (ctxt, 1, fn, &d))
    return;
  char buf[11];
  if (!gw_isodate_add_days (&d, days))
    {
      gw_ext_fail (ctxt, 0, fn, "%s + %" G_GINT64_FORMAT " days falls outside years 1000–9999",
                   gw_isodate_format (&d, buf), days);
      return;
    }
  gw_ext_push_string (ctxt, gw_isodate_format (&d, buf));
}

/* gw:date-add(date, days). */
static void
ext_date_add (xmlXPathParserContextPtr ctxt, int nargs)
{
  ext_date_plus_days (ctxt, nargs, "date-add");
}

/* gw:deadline(date-served, days): the last day of a period of `days` days from service. */
static void
ext_deadline (xmlXPathParserContextPtr ctxt, int nargs)
{
  ext_date_plus_days (ctxt, nargs, "deadline");
}

/* gw:date-add-months(date, n). */
static void
ext_date_add_months (xmlXPathParserContextPtr ctxt, int nargs)
{
  const char *fn = "date-add-months";
  if (!gw_ext_check_arity (ctxt, nargs, 2, fn))
    return;
  gint64 months;
  GDate d;
  if (!gw_ext_pop_integer (ctxt, 2, fn, "number of months", -EXT_MAX_MONTHS, EXT_MAX_MONTHS,
                           &months)
      || !ext_pop_date (ctxt, 1, fn, &d))
    return;
  char buf[11];
  if (!gw_isodate_add_months (&d, months))
    {
      gw_ext_fail (ctxt, 0, fn, "%s + %" G_GINT64_FORMAT " months falls outside years 1000–9999",
                   gw_isodate_format (&d, buf), months);
      return;
    }
  gw_ext_push_string (ctxt, gw_isodate_format (&d, buf));
}

/* gw:date-cn(date) → 2015年6月22日. */
static void
ext_date_cn (xmlXPathParserContextPtr ctxt, int nargs)
{
  const char *fn = "date-cn";
  GDate d;
  if (!gw_ext_check_arity (ctxt, nargs, 1, fn) || !ext_pop_date (ctxt, 1, fn, &d))
    return;
  char *s = g_strdup_printf ("%u年%u月%u日", (unsigned) g_date_get_year (&d),
                             (unsigned) g_date_get_month (&d), (unsigned) g_date_get_day (&d));
  gw_ext_push_string (ctxt, s);
  g_free (s);
}

/* Appends 1–31 in Chinese numerals as in dates: 一 … 十 十一 … 二十 二十一 … 三十一. */
static void
ext_append_small_cn (GString *out, unsigned n)
{
  if (n >= 20)
    g_string_append (out, ext_date_digits[n / 10]);
  if (n >= 10)
    g_string_append (out, "十");
  if (n % 10 || n < 10)
    g_string_append (out, ext_date_digits[n % 10]);
}

/* gw:date-cn-upper(date) → 二〇一五年六月二十二日. */
static void
ext_date_cn_upper (xmlXPathParserContextPtr ctxt, int nargs)
{
  const char *fn = "date-cn-upper";
  GDate d;
  if (!gw_ext_check_arity (ctxt, nargs, 1, fn) || !ext_pop_date (ctxt, 1, fn, &d))
    return;
  GString *s = g_string_new (NULL);
  char year[8];
  g_snprintf (year, sizeof year, "%u", (unsigned) g_date_get_year (&d));
  for (const char *p = year; *p; p++)
    g_string_append (s, ext_date_digits[*p - '0']);
  g_string_append (s, "年");
  ext_append_small_cn (s, g_date_get_month (&d));
  g_string_append (s, "月");
  ext_append_small_cn (s, g_date_get_day (&d));
  g_string_append (s, "日");
  gw_ext_push_string (ctxt, s->str);
  g_string_free (s, TRUE);
}

/* gw:weekday-cn(date) → 星期一 … 星期日. */
static void
ext_weekday_cn (xmlXPathParserContextPtr ctxt, int nargs)
{
  static const char *const names[8] = { "", "星期一", "星期二", "星期三",
                                        "星期四", "星期五", "星期六", "星期日" };
  const char *fn = "weekday-cn";
  GDate d;
  if (!gw_ext_check_arity (ctxt, nargs, 1, fn) || !ext_pop_date (ctxt, 1, fn, &d))
    return;
  gw_ext_push_string (ctxt, names[g_date_get_weekday (&d)]);
}

/* Registers the date functions in the gw: namespace. */
void
gw_ext_register_dates (void)
{
  const xmlChar *ns = (const xmlChar *) GW_XSLT_NS;
  xsltRegisterExtModuleFunction ((const xmlChar *) "date-add", ns, ext_date_add);
  xsltRegisterExtModuleFunction ((const xmlChar *) "date-add-months", ns, ext_date_add_months);
  xsltRegisterExtModuleFunction ((const xmlChar *) "deadline", ns, ext_deadline);
  xsltRegisterExtModuleFunction ((const xmlChar *) "date-cn", ns, ext_date_cn);
  xsltRegisterExtModuleFunction ((const xmlChar *) "date-cn-upper", ns, ext_date_cn_upper);
  xsltRegisterExtModuleFunction ((const xmlChar *) "weekday-cn", ns, ext_weekday_cn);
}
