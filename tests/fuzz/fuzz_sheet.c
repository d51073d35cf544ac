/* fuzz_sheet.c — libFuzzer target: arbitrary bytes as a spreadsheet given to `gongwen
 * import` → gw_sheet_parse (told apart by content: an .xlsx zip through libzip and its XML
 * parts, an old .xls or .ods refused, else CSV in UTF-8, UTF-16 or GB18030) → every cell
 * checked to be UTF-8.
 * A mutated zip rarely stays a zip, so the first byte chooses what the rest is: the file
 * itself (byte % 4 == 0), or one part of an otherwise well-formed workbook — the worksheet
 * (1), the shared strings (2), the styles (3) — zipped here with libzip.
 * Seeds: tests/cli/cases.csv, the same as a workbook, its GBK export (tests/fuzz/run.sh). */
#include "fuzz-common.h"
#include "records/sheet.h"

#include <string.h>
#include <unistd.h>
#include <zip.h>

/* A workbook's fixed parts; `part` replaces the one of the same name. */
static const char *const fuzz_parts[][2] = {
  { "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>" },
  { "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr/><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
  { "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>" },
  { "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>42193</v></c></row></sheetData></worksheet>" },
  { "xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>编号</t></si></sst>" },
  { "xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>" },
};

/* A workbook whose part `which` (a name of fuzz_parts) holds `data`; caller frees. */
static char *
fuzz_workbook (const char *which, const uint8_t *data, size_t size, gsize *len)
{
  static char *path;
  if (!path)
    path = g_strdup_printf ("%s/gw-fuzz-sheet-%d.xlsx", g_get_tmp_dir (), (int) getpid ());
  int err = 0;
  zip_t *z = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z)
    abort ();
  for (size_t i = 0; i < G_N_ELEMENTS (fuzz_parts); i++)
    {
      gboolean mine = !strcmp (fuzz_parts[i][0], which);
      zip_source_t *s = zip_source_buffer (z, mine ? (const void *) data : fuzz_parts[i][1],
                                           mine ? size : strlen (fuzz_parts[i][1]), 0);
      if (!s || zip_file_add (z, fuzz_parts[i][0], s, ZIP_FL_OVERWRITE) < 0)
        abort ();
    }
  if (zip_close (z) != 0)
    abort ();
  char *bytes = NULL;
  if (!g_file_get_contents (path, &bytes, len, NULL))
    abort ();
  g_unlink (path);
  return bytes;
}

/* One input. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gw_ctx *ctx = fuzz_ctx ();
  fuzz_reset (ctx);
  if (size < 1)
    return 0;
  static const char *const targets[] = { NULL, "xl/worksheets/sheet1.xml",
                                         "xl/sharedStrings.xml", "xl/styles.xml" };
  const char *which = targets[data[0] % 4];
  gsize len = size - 1;
  char *bytes = which ? fuzz_workbook (which, data + 1, size - 1, &len)
                      : g_memdup2 (data + 1, size - 1);
  const char *format = NULL;
  GPtrArray *rows = gw_sheet_parse (ctx, "fuzz.sheet", bytes, len, &format);
  g_free (bytes);
  if (!rows)
    return 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const gw_sheet_row *row = g_ptr_array_index (rows, i);
      if (row->line < 1)
        abort (); /* lines are 1-based */
      for (guint f = 0; f < row->fields->len; f++)
        if (!g_utf8_validate (g_ptr_array_index (row->fields, f), -1, NULL))
          abort (); /* every cell is UTF-8 */
    }
  g_ptr_array_unref (rows);
  return 0;
}
