/* sheet.h — reading a spreadsheet a clerk keeps: an Office Open XML workbook (.xlsx, a zip of
 * XML; its first sheet) or a CSV export (RFC 4180: comma-separated, fields in double quotes
 * may hold commas, quotes ("") and line breaks; UTF-8, UTF-16 with a byte-order mark, or
 * GBK/GB18030 as Chinese editions of spreadsheet programs write it). Both give rows of
 * text cells; xlsx numbers are written as digits, dates (numbers in a date format, Excel
 * serials) as 2015-07-08. */
#ifndef GW_RECORDS_SHEET_H
#define GW_RECORDS_SHEET_H

#include "base/ctx.h"

typedef struct gw_sheet_row {
  /* owned */
  GPtrArray *fields; /* char *, UTF-8, as written (no trimming); "" for an empty cell */
  /* values */
  long line;         /* CSV: line where the row starts; xlsx: the row number (1-based) */
} gw_sheet_row;

/* Reads the spreadsheet at `path` (its kind told by its content, not its name) into rows
 * (caller owns: g_ptr_array_unref frees them). `format` is set to a static description
 * ("xlsx", "CSV, UTF-8", "CSV, GB18030" …). NULL after reporting: unreadable, a kind
 * gongwen does not read (.xls, .ods, .numbers — the message says how to save it), or broken. */
GPtrArray *gw_sheet_read (gw_ctx *ctx, const char *path, const char **format)
  G_GNUC_WARN_UNUSED_RESULT;

/* The same from bytes in memory; `name` is used in messages. */
GPtrArray *gw_sheet_parse (gw_ctx *ctx, const char *name, const char *data, gsize len,
                           const char **format) G_GNUC_WARN_UNUSED_RESULT;

/* CSV only: `encoding` set to "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030". */
GPtrArray *gw_csv_parse (gw_ctx *ctx, const char *name, const char *data, gsize len,
                         const char **encoding) G_GNUC_WARN_UNUSED_RESULT;
/* xlsx only (the first worksheet). */
GPtrArray *gw_xlsx_parse (gw_ctx *ctx, const char *name, const char *data, gsize len)
  G_GNUC_WARN_UNUSED_RESULT;

/* Writes a sheet of one row, `headers` (NULL-terminated): an .xlsx when `path` ends in
 * .xlsx, else a CSV (UTF-8 with a byte-order mark, which spreadsheet programs recognise).
 * FALSE after reporting. */
gboolean gw_sheet_write_header (gw_ctx *ctx, const char *path, const char *const *headers);

/* Frees one row (the rows arrays free with it). */
void gw_sheet_row_free (gw_sheet_row *row);

#endif
