/* batch.c — the order of a batch (see the outline in batch.h) and its summary. */
#include "base/i18n.h"
#include "batch/private.h"
#include "records/documents.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

/* What the periodic manifest writer needs. */
typedef struct {
  /* borrowed */
  gw_ctx *ctx;
  const gw_plan *plan;
  const char *path;
  const char *shard;
  /* values */
  gint64 last;  /* when the manifest was last written (monotonic µs) */
} batch_saver;

/* Writes the manifest every ten seconds during a long run, so that a batch killed without
 * a chance to clean up (SIGKILL, power loss) still resumes from most of its work. */
static void
batch_save_now_and_then (gpointer data)
{
  batch_saver *s = data;
  gint64 now = g_get_monotonic_time ();
  if (now - s->last < 10 * G_USEC_PER_SEC)
    return;
  s->last = now;
  gw_ctx *quiet = gw_ctx_new (NULL);
  gw_diag_set_quiet (quiet->diag, TRUE);
  (void) gw_manifest_write (quiet, s->path, s->plan, s->ctx->data_dir, s->shard);
  gw_ctx_free (quiet);
}

/* Compiles every stylesheet the pending jobs use, in this process, before the workers are
 * forked (they share the compiled result); the jobs of a stylesheet that does not compile
 * fail here, reported once. */
static void
batch_compile (gw_ctx *ctx, gw_plan *plan, gw_stylesheet_cache *cache)
{
  GHashTable *bad = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->status != GW_JOB_PENDING)
        continue;
      if (!g_hash_table_contains (seen, job->xsl_path))
        {
          g_hash_table_add (seen, job->xsl_path);
          gsize mark = strlen (gw_diag_messages (ctx->diag));
          if (!gw_stylesheet_cache_lookup (cache, ctx, job->xsl_path))
            {
              const char *all = gw_diag_messages (ctx->diag) + mark;
              g_hash_table_insert (bad, g_strdup (job->xsl_path),
                                   *all ? g_strndup (all, strcspn (all, "\n"))
                                        : g_strdup_printf (_("%s: does not compile"),
                                                           job->xsl_path));
            }
        }
      const char *why = g_hash_table_lookup (bad, job->xsl_path);
      if (why)
        {
          job->status = GW_JOB_FAILED;
          job->error = g_strdup (why);
        }
    }
  g_hash_table_destroy (seen);
  g_hash_table_destroy (bad);
}

/* Counts the jobs with `status`. */
static guint
batch_count (const gw_plan *plan, gw_job_status status)
{
  guint n = 0;
  for (guint i = 0; i < plan->jobs->len; i++)
    n += ((const gw_job *) g_ptr_array_index (plan->jobs, i))->status == status;
  return n;
}

/* Counts the failed jobs that are documents (a record that is not valid is a failed job
 * without an output name: it counts among the records, in its own unit). */
static guint
batch_count_failed_documents (const gw_plan *plan)
{
  guint n = 0;
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      const gw_job *job = g_ptr_array_index (plan->jobs, i);
      n += job->status == GW_JOB_FAILED && job->output_name;
    }
  return n;
}

/* Prints the summary on stdout: documents and records counted in their own units, time,
 * and every failure (the first message of each: a record's rule message when it breaks
 * one, as the records module reports those first). */
static void
batch_summary (const gw_plan *plan, const gw_batch_opts *opts, double secs, int sig)
{
  guint written = batch_count (plan, GW_JOB_WRITTEN);
  guint fresh = batch_count (plan, GW_JOB_UP_TO_DATE);
  guint failed = batch_count (plan, GW_JOB_FAILED);
  guint failed_docs = batch_count_failed_documents (plan);
  guint pending = batch_count (plan, GW_JOB_PENDING);
  guint records = plan->records->len + plan->bad_records;
  if (!opts->quiet || failed || sig)
    {
      if (sig)
        printf (_("interrupted: "));
      printf (ngettext ("%u document written", "%u documents written", written), written);
      printf (_(", %u up to date, %u failed"), fresh, failed_docs);
      if (pending)
        printf (_(", %u not made"), pending);
      printf (ngettext (" (%u record", " (%u records", records), records);
      if (plan->bad_records)
        printf (ngettext (", %u not valid: its documents were not made",
                          ", %u not valid: their documents were not made", plan->bad_records),
                plan->bad_records);
      if (plan->not_records)
        printf (ngettext (", %u other file skipped", ", %u other files skipped",
                          plan->not_records), plan->not_records);
      if (opts->shard_n)
        printf (_("; shard %u/%u"), opts->shard_k, opts->shard_n);
      printf (_(") in %.1f s"), secs);
      if (written && secs > 0)
        printf (_(", %.1f documents/s"), written / secs);
      printf ("\n");
    }
  if (failed)
    {
      printf (_("failed:\n"));
      for (guint i = 0; i < plan->jobs->len; i++)
        {
          const gw_job *job = g_ptr_array_index (plan->jobs, i);
          if (job->status != GW_JOB_FAILED)
            continue;
          const char *err = job->error ? job->error : _("failed");
          if (job->output_name)
            printf ("  %s.pdf: ", job->output_name);
          else if (!g_str_has_prefix (err, job->record_path))
            printf ("  %s: ", job->record_path);
          else
            printf ("  ");
          printf ("%s\n", err);
        }
    }
  if (sig)
    printf (_("run the same command again to finish (finished documents are kept)\n"));
  fflush (stdout);
}

/* The manifest's file name: manifest.xml, or manifest-K-of-N.xml for a shard (so that the
 * shards of one batch, writing into one folder at once, do not overwrite each other's). */
static char *
batch_manifest_path (const gw_batch_opts *opts)
{
  if (!opts->shard_n)
    return g_build_filename (opts->out_dir, "manifest.xml", NULL);
  char *name = g_strdup_printf ("manifest-%u-of-%u.xml", opts->shard_k, opts->shard_n);
  char *path = g_build_filename (opts->out_dir, name, NULL);
  g_free (name);
  return path;
}

/* TRUE when `a` and `b` name the same file (which need not exist yet). */
static gboolean
batch_same_file (const char *a, const char *b)
{
  char *ca = g_canonicalize_filename (a, NULL), *cb = g_canonicalize_filename (b, NULL);
  gboolean same = !strcmp (ca, cb);
  g_free (ca);
  g_free (cb);
  return same;
}

/* Runs a batch. */
int
gw_batch_run (gw_ctx *ctx, const gw_batch_opts *opts)
{
  gint64 start = g_get_monotonic_time ();
  if (!gw_out_dir_prepare (ctx, opts->out_dir))
    return 1;
  gw_pool_sweep_stale (opts->out_dir);
  if (opts->xsl_override)
    {
      char *dir = g_path_get_dirname (opts->xsl_override);
      gw_ctx_allow_root (ctx, dir);
      g_free (dir);
    }
  /* the records' caches serve the planning only: the plan keeps what the jobs need */
  gw_record_cache *records = gw_record_cache_new ();
  gw_plan_opts popts = { opts->out_dir, opts->xsl_override, opts->shard_k, opts->shard_n, FALSE,
                         records };
  gw_plan *plan = gw_plan_new (ctx, opts->inputs, &popts);
  gw_record_cache_free (records);
  if (!plan)
    return 1;
  for (guint i = 0; opts->combine && i < plan->jobs->len; i++)
    {
      const gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->pdf_path && batch_same_file (job->pdf_path, opts->combine))
        {
          gw_diag_error (ctx->diag, opts->combine, 0, _("--combine would overwrite the output "
                         "of %s"), job->record_path);
          gw_plan_free (plan);
          return 1;
        }
    }
  char *shared = gw_stamp_shared_new (ctx, opts);
  gw_stamp_jobs (plan, shared);
  g_free (shared);
  if (!opts->force)
    {
      GHashTable *entries = gw_manifest_read_dir (ctx, opts->out_dir);
      gw_manifest_mark_up_to_date (entries, plan, opts->png);
      g_hash_table_destroy (entries);
    }

  gw_stylesheet_cache *cache = gw_stylesheet_cache_new ();
  char *manifest = batch_manifest_path (opts);
  char *shard = opts->shard_n ? g_strdup_printf ("%u/%u", opts->shard_k, opts->shard_n) : NULL;
  int sig = 0;
  guint pending = batch_count (plan, GW_JOB_PENDING);
  if (pending)
    {
      batch_compile (ctx, plan, cache);
      pending = batch_count (plan, GW_JOB_PENDING);
    }
  if (pending)
    {
      gw_engine *engine = gw_engine_new (ctx); /* once, before forking: the workers share it */
      batch_saver saver = { ctx, plan, manifest, shard, g_get_monotonic_time () };
      gw_progress *progress = gw_progress_new (pending, opts->quiet);
      sig = gw_pool_run (ctx, plan, opts, engine, cache, progress, batch_save_now_and_then, &saver);
      gw_progress_free (progress);
      gw_engine_free (engine);
    }
  gboolean ok = gw_manifest_write (ctx, manifest, plan, ctx->data_dir, shard);
  if (!sig)
    for (guint i = 0; i < plan->jobs->len; i++)
      {
        gw_job *job = g_ptr_array_index (plan->jobs, i);
        if (job->status == GW_JOB_PENDING) /* no worker could be started */
          {
            job->status = GW_JOB_FAILED;
            job->error = g_strdup (_("not made: no worker process could be started"));
          }
      }
  guint failed = batch_count (plan, GW_JOB_FAILED);
  if (!sig && opts->combine)
    {
      int pages = 0;
      if (failed && !opts->combine_partial)
        gw_diag_error (ctx->diag, opts->combine, 0, ngettext ("not written: %u document or "
                       "record failed (a combined PDF is of the whole batch; --combine-partial "
                       "writes the documents that were made)", "not written: %u documents or "
                       "records failed (a combined PDF is of the whole batch; --combine-partial "
                       "writes the documents that were made)", failed), failed);
      else if (!batch_count (plan, GW_JOB_WRITTEN) && !batch_count (plan, GW_JOB_UP_TO_DATE))
        gw_diag_warn (ctx->diag, opts->combine, 0, _("not written: no documents"));
      else if (!gw_combine_write (ctx, opts->combine, plan, &pages))
        ok = FALSE;
      else
        {
          if (!opts->quiet || failed)
            printf (_("%s: %d pages (each document starts on a right-hand page)\n"),
                    opts->combine, pages);
          for (guint i = 0; failed && i < plan->jobs->len; i++)
            {
              const gw_job *job = g_ptr_array_index (plan->jobs, i);
              if (job->status != GW_JOB_FAILED)
                continue;
              if (job->output_name)
                printf (_("%s: missing %s.pdf (failed)\n"), opts->combine, job->output_name);
              else
                printf (_("%s: missing the documents of %s (not a valid record)\n"),
                        opts->combine, job->record_path);
            }
        }
    }
  batch_summary (plan, opts, (double) (g_get_monotonic_time () - start) / 1e6, sig);
  int status = ok && !failed ? 0 : 1;
  gw_stylesheet_cache_free (cache);
  g_free (manifest);
  g_free (shard);
  gw_plan_free (plan);
  if (sig)
    {
      /* die of the signal, so that a calling shell or scheduler sees the interruption */
      signal (sig, SIG_DFL);
      raise (sig);
    }
  return status;
}
