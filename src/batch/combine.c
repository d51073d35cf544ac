/* combine.c — one print-ready PDF of a whole batch, for duplex printing: the documents in
 * batch order, each starting on a right-hand (odd) page. After every document with an odd
 * page count (except the last) a blank page of the size of its last page is inserted; blank
 * pages carry nothing, so no page number either. The pages are concatenated by qpdf
 * (`qpdf --empty --pages a.pdf blank.pdf b.pdf … -- out.pdf`, arguments passed in a file);
 * the blank pages are drawn with Cairo. Written to a temporary name, renamed on success. */
#include "base/i18n.h"
#include "batch/private.h"
#include "base/files.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define A4_W 595.275591
#define A4_H 841.889764

/* The size of the last page of a PDF written by Cairo (its page objects carry a plain
 * "/MediaBox [ 0 0 W H ]"); A4 when it cannot be found. */
static void
combine_last_page_size (const char *pdf, double *w, double *h)
{
  *w = A4_W;
  *h = A4_H;
  char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (pdf, &data, &len, NULL))
    return;
  const char *key = "/MediaBox [";
  const char *last = NULL;
  for (const char *p = data; (p = g_strstr_len (p, (gssize) (len - (gsize) (p - data)), key));
       p += strlen (key))
    last = p;
  if (last)
    {
      double x0, y0, x1, y1;
      char *end = NULL;
      const char *s = last + strlen (key);
      x0 = g_ascii_strtod (s, &end);
      y0 = end ? g_ascii_strtod (end, &end) : 0;
      x1 = end ? g_ascii_strtod (end, &end) : 0;
      y1 = end ? g_ascii_strtod (end, &end) : 0;
      if (end && x1 - x0 > 10 && y1 - y0 > 10 && x1 - x0 < 20000 && y1 - y0 < 20000)
        {
          *w = x1 - x0;
          *h = y1 - y0;
        }
    }
  g_free (data);
}

/* The path of a one-page blank PDF of size w × h in `dir`, made on first use (cached in
 * `blanks` by size). NULL after reporting. */
static const char *
combine_blank (gw_ctx *ctx, const char *dir, GHashTable *blanks, double w, double h)
{
  char *key = g_strdup_printf ("%.3fx%.3f", w, h);
  const char *path = g_hash_table_lookup (blanks, key);
  if (path)
    {
      g_free (key);
      return path;
    }
  char *file = g_strdup_printf ("%s/blank-%u.pdf", dir, g_hash_table_size (blanks));
  cairo_surface_t *s = cairo_pdf_surface_create (file, w, h);
  cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_CREATOR, "gongwen");
  cairo_t *cr = cairo_create (s);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (s);
  cairo_status_t st = cairo_surface_status (s);
  cairo_surface_destroy (s);
  if (st != CAIRO_STATUS_SUCCESS)
    {
      gw_diag_error (ctx->diag, file, 0, _("cannot make a blank page: %s"),
                     cairo_status_to_string (st));
      g_free (file);
      g_free (key);
      return NULL;
    }
  g_hash_table_insert (blanks, key, file);
  return file;
}

/* Runs qpdf with the arguments in `args_file`; FALSE after reporting. */
static gboolean
combine_qpdf (gw_ctx *ctx, const char *path, const char *args_file)
{
  char *at = g_strconcat ("@", args_file, NULL);
  char *argv[] = { (char *) "qpdf", at, NULL };
  char *err_text = NULL;
  int status = 0;
  GError *err = NULL;
  gboolean ok = g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                              NULL, NULL, NULL, &err_text, &status, &err);
  if (!ok)
    gw_diag_error (ctx->diag, path, 0, _("--combine needs qpdf (Debian package qpdf): %s"),
                   err->message);
  else if (!WIFEXITED (status) || (WEXITSTATUS (status) != 0 && WEXITSTATUS (status) != 3))
    {
      g_strstrip (err_text);
      gw_diag_error (ctx->diag, path, 0, _("qpdf failed: %s"), *err_text ? err_text : "no message");
      ok = FALSE;
    }
  g_clear_error (&err);
  g_free (err_text);
  g_free (at);
  return ok;
}

/* Writes the combined PDF. */
gboolean
gw_combine_write (gw_ctx *ctx, const char *path, const gw_plan *plan, int *pages)
{
  *pages = 0;
  GError *err = NULL;
  char *tmpdir = g_dir_make_tmp ("gongwen-combine-XXXXXX", &err);
  if (!tmpdir)
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot make a temporary folder: %s"), err->message);
      g_error_free (err);
      return FALSE;
    }
  GHashTable *blanks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GString *args = g_string_new ("--empty\n--deterministic-id\n--pages\n");
  gboolean ok = TRUE;
  int total = 0, last = -1;
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      const gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->status == GW_JOB_WRITTEN || job->status == GW_JOB_UP_TO_DATE)
        last = (int) i;
    }
  for (int i = 0; ok && i <= last; i++)
    {
      const gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->status != GW_JOB_WRITTEN && job->status != GW_JOB_UP_TO_DATE)
        continue;
      if (strchr (job->pdf_path, '\n'))
        {
          gw_diag_error (ctx->diag, job->pdf_path, 0, _("--combine: a line break in a path"));
          ok = FALSE;
          break;
        }
      g_string_append_printf (args, "%s\n", job->pdf_path);
      total += job->pages;
      if (job->pages % 2 && i < last)
        {
          double w, h;
          combine_last_page_size (job->pdf_path, &w, &h);
          const char *blank = combine_blank (ctx, tmpdir, blanks, w, h);
          ok = blank != NULL;
          if (ok)
            g_string_append_printf (args, "%s\n", blank);
          total++;
        }
    }
  char *tmp = gw_temp_path_new (path);
  char *args_file = g_build_filename (tmpdir, "args", NULL);
  if (ok && last < 0)
    {
      gw_diag_error (ctx->diag, path, 0, _("--combine: no document to combine"));
      ok = FALSE;
    }
  if (ok && strchr (tmp, '\n'))
    {
      gw_diag_error (ctx->diag, path, 0, _("--combine: a line break in the path"));
      ok = FALSE;
    }
  if (ok)
    {
      g_string_append_printf (args, "--\n%s\n", tmp);
      ok = g_file_set_contents (args_file, args->str, (gssize) args->len, &err);
      if (!ok)
        {
          gw_diag_error (ctx->diag, args_file, 0, _("cannot write: %s"), err->message);
          g_clear_error (&err);
        }
    }
  ok = ok && combine_qpdf (ctx, path, args_file);
  if (ok && g_rename (tmp, path) != 0)
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot write: %s"), g_strerror (errno));
      ok = FALSE;
    }
  g_unlink (tmp);
  /* remove the temporary folder */
  g_unlink (args_file);
  GHashTableIter it;
  gpointer file;
  g_hash_table_iter_init (&it, blanks);
  while (g_hash_table_iter_next (&it, NULL, &file))
    g_unlink (file);
  g_rmdir (tmpdir);
  g_hash_table_destroy (blanks);
  g_string_free (args, TRUE);
  g_free (args_file);
  g_free (tmp);
  g_free (tmpdir);
  if (ok)
    *pages = total;
  return ok;
}
