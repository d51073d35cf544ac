/* job.c — making one document of a plan: transform → engine → hash. */
#include "base/i18n.h"
#include "batch/job.h"
#include "engine/engine.h"
#include "base/xmlload.h"

#include <errno.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Creates and probes the output folder. */
gboolean
gw_out_dir_prepare (gw_ctx *ctx, const char *dir)
{
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      gw_diag_error (ctx->diag, dir, 0, _("cannot create the output folder: %s"),
                     g_strerror (errno));
      return FALSE;
    }
  /* access(W_OK) says yes to root on a read-only file system: create a file instead */
  char *probe = g_build_filename (dir, ".gongwen-probe-XXXXXX", NULL);
  int fd = g_mkstemp (probe);
  if (fd < 0)
    {
      gw_diag_error (ctx->diag, dir, 0, _("cannot write into the output folder: %s"),
                     g_strerror (errno));
      g_free (probe);
      return FALSE;
    }
  close (fd);
  g_unlink (probe);
  g_free (probe);
  return TRUE;
}

/* The PNG base name of a job. */
char *
gw_job_png_base_new (const gw_job *job)
{
  size_t n = strlen (job->pdf_path);
  return g_strdup_printf ("%.*s.png", (int) (n - 4), job->pdf_path);
}

/* The temporary files the engine is writing in this process (it names them when it creates
 * them, see gw_output.temp_hook), removed when a guarded signal arrives. Plain arrays: the
 * signal handler may only touch memory and call unlink. */
#define JOB_TEMPS 8
static char job_temps[JOB_TEMPS][4096];
static volatile sig_atomic_t job_ntemps;

/* Removes the temporary files and dies of the signal. */
static void
job_on_signal (int sig)
{
  for (int i = 0; i < job_ntemps && i < JOB_TEMPS; i++)
    unlink (job_temps[i]);
  signal (sig, SIG_DFL);
  raise (sig);
}

/* Installs the handlers that remove the temporary files on SIGTERM (and SIGINT). */
void
gw_job_guard_signals (gboolean sigint)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = job_on_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGTERM, &sa, NULL);
  if (sigint)
    sigaction (SIGINT, &sa, NULL);
}

/* Adds `tmp` to the files the signal handler removes, or with NULL forgets them all; the
 * signals are blocked meanwhile, so that the handler never sees half a name. (A document
 * with more temporary files than JOB_TEMPS — PNG pages — keeps the PDF's and the first
 * pages'; a batch removes the rest of a dead worker's by its pid.) */
static void
job_temp_hook (const char *tmp)
{
  sigset_t set, old;
  sigemptyset (&set);
  sigaddset (&set, SIGTERM);
  sigaddset (&set, SIGINT);
  sigprocmask (SIG_BLOCK, &set, &old);
  if (!tmp)
    job_ntemps = 0;
  else if (job_ntemps < JOB_TEMPS)
    {
      g_strlcpy (job_temps[job_ntemps], tmp, sizeof job_temps[0]);
      job_ntemps++;
    }
  sigprocmask (SIG_SETMASK, &old, NULL);
}

/* Keeps the first new error message of ctx->diag (since `mark`) as the job's error. */
static void
job_fail (gw_ctx *ctx, gw_job *job, gsize mark, const char *fallback)
{
  const char *all = gw_diag_messages (ctx->diag);
  g_free (job->error);
  job->error = strlen (all) > mark && all[mark]
                 ? g_strndup (all + mark, strcspn (all + mark, "\n"))
                 : g_strdup (fallback);
  job->status = GW_JOB_FAILED;
}

/* Frees the slot's parsed record. */
void
gw_job_slot_clear (gw_job_slot *slot)
{
  xmlFreeDoc (slot->doc);
  slot->doc = NULL;
  slot->rec = NULL;
}

/* Puts the job's record, parsed, into `slot` (a no-op when it holds it). FALSE after
 * reporting: the file is gone, changed since it was validated, or no longer parses. */
static gboolean
job_slot_fill (gw_ctx *ctx, gw_job_slot *slot, const gw_job *job)
{
  if (slot->rec == job->rec && slot->doc)
    return TRUE;
  gw_job_slot_clear (slot);
  struct stat st;
  if (stat (job->rec->path, &st) != 0)
    {
      gw_diag_error (ctx->diag, job->rec->path, 0, _("cannot read the record: %s"),
                     g_strerror (errno));
      return FALSE;
    }
  if ((guint64) st.st_dev != job->file.dev || (guint64) st.st_ino != job->file.ino
      || (guint64) st.st_size != job->file.size
      || (gint64) st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec != job->file.mtime_ns)
    {
      gw_diag_error (ctx->diag, job->rec->path, 0, _("the record changed while the batch ran; "
                     "run again to check and make it"));
      return FALSE;
    }
  slot->doc = gw_xml_read_file (ctx, job->rec->path);
  if (!slot->doc)
    return FALSE;
  slot->rec = job->rec;
  return TRUE;
}

/* Makes one document. */
gboolean
gw_job_run (gw_ctx *ctx, gw_engine *engine, gw_stylesheet_cache *cache, gw_job_slot *slot, gw_job *job,
            const char *const *params, gboolean png)
{
  g_return_val_if_fail (job->rec && job->xsl_path, FALSE);
  gw_diag_set_keep (ctx->diag, TRUE);
  gsize mark = strlen (gw_diag_messages (ctx->diag));
  unsigned errors = gw_diag_error_count (ctx->diag);
  job->pages = -1;
  g_clear_pointer (&job->sha256, g_free);
  if (!job_slot_fill (ctx, slot, job))
    {
      job_fail (ctx, job, mark, _("the record cannot be read again"));
      return FALSE;
    }
  /* the planned record (path, kind, id) with its document parsed again */
  gw_record rec = *job->rec;
  rec.doc = slot->doc;
  xsltStylesheetPtr style = gw_stylesheet_cache_lookup (cache, ctx, job->xsl_path);
  /* the stylesheets read the regime record where validation found it (job->regime_href) */
  GPtrArray *all = g_ptr_array_new ();
  for (const char *const *q = params; q && *q; q++)
    g_ptr_array_add (all, (gpointer) *q);
  if (job->regime_href)
    {
      g_ptr_array_add (all, (gpointer) "regime-href");
      g_ptr_array_add (all, job->regime_href);
    }
  g_ptr_array_add (all, NULL);
  xmlDocPtr fo = style ? gw_transform_apply (ctx, style, rec.doc, (const char *const *) all->pdata,
                                             job->last_of_record)
                        : NULL;
  g_ptr_array_free (all, TRUE);
  if (job->last_of_record) /* edited by the transformation: no other job may use it */
    gw_job_slot_clear (slot);
  if (!fo || gw_diag_error_count (ctx->diag) > errors)
    {
      xmlFreeDoc (fo);
      job_fail (ctx, job, mark, _("the stylesheet failed"));
      return FALSE;
    }
  char *png_base = png ? gw_job_png_base_new (job) : NULL;
  char *sha256 = NULL;
  gw_output out = { job->pdf_path, png_base, job->areas_path, NULL, NULL, &sha256,
                    job_temp_hook, style ? gw_transform_source (style) : NULL };
  int pages = gw_engine_render (engine, fo, job->record_path, &out);
  job_temp_hook (NULL);
  xmlFreeDoc (fo);
  g_free (png_base);
  if (pages <= 0 || gw_diag_error_count (ctx->diag) > errors || !sha256)
    {
      g_free (sha256);
      if (pages > 0) /* written despite an error (a missing glyph …): not a document */
        {
          g_unlink (job->pdf_path);
          if (job->areas_path)
            g_unlink (job->areas_path);
        }
      job_fail (ctx, job, mark, _("formatting failed"));
      return FALSE;
    }
  job->sha256 = sha256;
  job->pages = pages;
  job->status = GW_JOB_WRITTEN;
  return TRUE;
}
