/* csv.h — reading a spreadsheet export (CSV, RFC 4180: comma-separated, fields in double
 * quotes may hold commas, quotes ("") and line breaks) in UTF-8, UTF-16 with a byte-order
 * mark, or GBK/GB18030 as Chinese editions of spreadsheet programs write it. */
#ifndef GW_CLI_CSV_H
#define GW_CLI_CSV_H

#include "base/ctx.h"

typedef struct gw_csv_row {
  /* owned */
  GPtrArray *fields; /* char *, UTF-8, as written (no trimming) */
  /* values */
  long line;         /* line of the file where the row starts (1-based) */
} gw_csv_row;

/* Reads `path` into rows (caller owns: g_ptr_array_unref frees the rows). `encoding` is set
 * to the encoding found ("UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030"; static string).
 * NULL after reporting an unreadable file, an encoding that is none of these, or a quote
 * left open. */
GPtrArray *gw_csv_read (gw_ctx *ctx, const char *path, const char **encoding)
  G_GNUC_WARN_UNUSED_RESULT;

#endif
