/* fuzz_record.c — libFuzzer target: arbitrary bytes as a record file → gw_record_load
 * (safe parse, RELAX NG, semantic rules, regime lookup) → the documents it yields → XSLT
 * with the security preferences and limits → formatting (area dump, PDF, PNG into a temporary directory).
 * The record is written to a private temporary directory first, because records are loaded
 * from files (the regime search looks beside them). */
#include "fuzz-common.h"
#include "records/documents.h"
#include "records/record.h"
#include "transform/transform.h"

#include <glib/gstdio.h>
#include <unistd.h>

static char *fuzz_record_dirs[3]; /* a/b, a, the private directory */

/* Removes the temporary record file and its directories (at exit). */
static void
fuzz_record_cleanup (void)
{
  char *file = g_build_filename (fuzz_record_dirs[0], ".record.xml", NULL);
  g_unlink (file);
  g_free (file);
  for (int i = 0; i < 3; i++)
    g_rmdir (fuzz_record_dirs[i]);
}

/* The temporary record file of this process (created on first use, removed at exit). */
static const char *
fuzz_record_path (void)
{
  static char *path;
  if (path)
    return path;
  char *dir = g_dir_make_tmp ("gw-fuzz-record-XXXXXX", NULL);
  if (!dir)
    abort ();
  /* two levels down, so the regime search (the record's directory and two above) stays
   * inside the private directory; a leading '.' so no regime id can name the file */
  char *sub = g_build_filename (dir, "a", "b", NULL);
  g_mkdir_with_parents (sub, 0700);
  path = g_build_filename (sub, ".record.xml", NULL);
  fuzz_record_dirs[0] = sub;
  fuzz_record_dirs[1] = g_path_get_dirname (sub);
  fuzz_record_dirs[2] = dir;
  atexit (fuzz_record_cleanup);
  return path;
}

/* One input. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static gw_stylesheet_cache *styles;
  static gw_record_cache *records; /* the process's, as a command's */
  gw_ctx *ctx = fuzz_ctx ();
  fuzz_reset (ctx);
  if (!styles)
    styles = gw_stylesheet_cache_new ();
  if (!records)
    records = gw_record_cache_new ();
  const char *path = fuzz_record_path ();
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  gw_record_status status;
  gw_record *rec = gw_record_load (ctx, records, path, &status);
  if (!rec)
    return 0;
  GPtrArray *docs = gw_record_documents (ctx, records, rec);
  for (guint i = 0; docs && i < docs->len; i++)
    {
      const gw_docspec *spec = g_ptr_array_index (docs, i);
      fuzz_reset (ctx);
      xsltStylesheetPtr style = gw_stylesheet_cache_lookup (styles, ctx, spec->xsl_path);
      if (!style)
        continue;
      xmlDocPtr fo = gw_transform_apply (ctx, style, rec->doc, NULL, FALSE);
      if (fo)
        {
          (void) fuzz_format (ctx, fo, spec->output_name);
          xmlFreeDoc (fo);
        }
    }
  if (docs)
    g_ptr_array_unref (docs);
  gw_record_free (rec);
  return 0;
}
