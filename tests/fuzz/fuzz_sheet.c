/* fuzz_sheet.c — libFuzzer target: arbitrary bytes as a spreadsheet given to `gongwen
 * import` → gw_sheet_parse (told apart by content: an .xlsx zip through libzip and the XML
 * parts, an old .xls or .ods refused, else CSV in UTF-8, UTF-16 or GB18030) → every cell
 * read. Seeds: tests/cli/cases.csv and .xlsx workbooks made from it (tests/fuzz/run.sh). */
#include "fuzz-common.h"
#include "records/sheet.h"

#include <string.h>

/* One input. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gw_ctx *ctx = fuzz_ctx ();
  fuzz_reset (ctx);
  const char *format = NULL;
  GPtrArray *rows = gw_sheet_parse (ctx, "fuzz.sheet", (const char *) data, size, &format);
  if (!rows)
    return 0;
  gsize total = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const gw_sheet_row *row = g_ptr_array_index (rows, i);
      if (row->line < 1)
        abort (); /* lines are 1-based */
      for (guint f = 0; f < row->fields->len; f++)
        {
          const char *cell = g_ptr_array_index (row->fields, f);
          if (!g_utf8_validate (cell, -1, NULL))
            abort (); /* every cell is UTF-8 */
          total += strlen (cell);
        }
    }
  (void) total;
  g_ptr_array_unref (rows);
  return 0;
}
