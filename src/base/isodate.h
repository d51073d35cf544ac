/* isodate.h — the calendar dates of records (ISO 8601 yyyy-mm-dd, as xs:date without a
 * time zone): strict parsing, formatting, day arithmetic. Shared by the semantic rules
 * (src/records/rules.c) and the gw: date functions of stylesheets (src/transform). */
#ifndef GW_ISODATE_H
#define GW_ISODATE_H

#include <glib.h>

/* Parses exactly "yyyy-mm-dd" (years 1000–9999, surrounding XML whitespace allowed) into
 * `out`. Returns FALSE for anything else, including dates that do not exist (2015-02-30). */
gboolean gw_isodate_parse (const char *s, GDate *out);
/* Formats `d` as "yyyy-mm-dd" into `buf` (at least 11 bytes); returns buf. */
char *gw_isodate_format (const GDate *d, char buf[11]);
/* Adds `days` (may be negative) to `d`; FALSE when the result leaves years 1000–9999. */
gboolean gw_isodate_add_days (GDate *d, gint64 days);
/* Adds `months` (may be negative) to `d`, clamping the day to the month's last day
 * (2015-01-31 + 1 month = 2015-02-28); FALSE when the result leaves years 1000–9999. */
gboolean gw_isodate_add_months (GDate *d, gint64 months);

#endif
