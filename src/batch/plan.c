/* plan.c — from inputs (files, folders) to the ordered list of documents to make; see the
 * outline at the top of job.h. */
#include "base/i18n.h"
#include "batch/job.h"
#include "batch/private.h"
#include "base/xmlload.h"
#include "records/documents.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* Frees one job. */
static void
plan_job_free (gw_job *job)
{
  if (!job)
    return;
  g_free (job->record_path);
  g_free (job->xsl_path);
  g_free (job->output_name);
  g_free (job->pdf_path);
  g_free (job->areas_path);
  g_free (job->record_sum);
  g_free (job->regime_href);
  g_free (job->stamp);
  g_free (job->sha256);
  g_free (job->error);
  g_free (job);
}

/* Frees a plan. */
void
gw_plan_free (gw_plan *plan)
{
  if (!plan)
    return;
  g_ptr_array_unref (plan->jobs);
  g_ptr_array_unref (plan->records);
  g_free (plan);
}

/* Adds the *.xml files under `dir` (recursively) to `files`; symlinked folders and hidden
 * entries are skipped. Reports an unreadable folder (FALSE). */
static gboolean
plan_walk (gw_ctx *ctx, const char *dir, GPtrArray *files)
{
  GError *err = NULL;
  GDir *d = g_dir_open (dir, 0, &err);
  if (!d)
    {
      gw_diag_error (ctx->diag, dir, 0, _("cannot read folder: %s"), err->message);
      g_error_free (err);
      return FALSE;
    }
  gboolean ok = TRUE;
  const char *name;
  while ((name = g_dir_read_name (d)))
    {
      if (name[0] == '.')
        continue;
      char *path = g_build_filename (dir, name, NULL);
      struct stat st;
      if (lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
        ok = plan_walk (ctx, path, files) && ok;
      else if (g_str_has_suffix (name, ".xml") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_ptr_array_add (files, path);
          path = NULL;
        }
      g_free (path);
    }
  g_dir_close (d);
  return ok;
}

/* Compares two paths for sorting (byte order: the same in every locale). */
static gint
plan_cmp_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The candidate files of `inputs`: sorted, without duplicates. NULL after reporting an
 * input that does not exist or cannot be read. */
static GPtrArray *
plan_collect (gw_ctx *ctx, char **inputs, gboolean strict)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  for (char **in = inputs; *in; in++)
    {
      if (g_file_test (*in, G_FILE_TEST_IS_DIR))
        {
          if (strict)
            {
              gw_diag_error (ctx->diag, *in, 0, _("is a folder (use 'gongwen batch' for folders)"));
              ok = FALSE;
            }
          else
            ok = plan_walk (ctx, *in, files) && ok;
        }
      else if (g_file_test (*in, G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, g_strdup (*in));
      else
        {
          gw_diag_error (ctx->diag, *in, 0, _("no such file or folder"));
          ok = FALSE;
        }
    }
  if (!ok)
    {
      g_ptr_array_unref (files);
      return NULL;
    }
  g_ptr_array_sort (files, plan_cmp_paths);
  /* drop a file reached twice (given twice, or as a file and inside a folder) */
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < files->len;)
    {
      const char *p = g_ptr_array_index (files, i);
      char *real = realpath (p, NULL);
      char *key = g_strdup (real ? real : p);
      free (real);
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          g_ptr_array_remove_index (files, i);
          continue;
        }
      g_hash_table_add (seen, key);
      i++;
    }
  g_hash_table_destroy (seen);
  return files;
}

/* The collision key of an output name: case-folded, NFC (so that file systems that fold
 * case or normalise names see what we see). Caller frees. */
static char *
plan_name_key (const char *name)
{
  char *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  char *key = g_utf8_casefold (nfc ? nfc : name, -1);
  g_free (nfc);
  return key;
}

/* A new job for `rec` making `output_name` with `xsl_path`. */
static gw_job *
plan_job_new (const gw_plan_opts *opts, const gw_record *rec, const char *xsl_path,
              const char *output_name)
{
  gw_job *job = g_new0 (gw_job, 1);
  job->rec = rec;
  job->record_path = g_strdup (rec->path);
  job->xsl_path = g_strdup (xsl_path);
  job->output_name = g_strdup (output_name);
  char *file = g_strconcat (output_name, ".pdf", NULL);
  job->pdf_path = g_build_filename (opts->out_dir, file, NULL);
  g_free (file);
  job->status = GW_JOB_PENDING;
  job->pages = -1;
  return job;
}

/* The documents of `rec` as (xsl_path, output_name) pairs appended to `pairs`; FALSE after
 * reporting a broken registry. */
static gboolean
plan_documents (gw_ctx *ctx, const gw_plan_opts *opts, const gw_record *rec, GPtrArray *pairs)
{
  if (opts->xsl_override)
    {
      char *base = g_path_get_basename (rec->path);
      if (g_str_has_suffix (base, ".xml"))
        base[strlen (base) - 4] = '\0';
      g_ptr_array_add (pairs, g_canonicalize_filename (opts->xsl_override, NULL));
      g_ptr_array_add (pairs, gw_docname_sanitize_new (base, rec->id ? rec->id : "document"));
      g_free (base);
      return TRUE;
    }
  GPtrArray *docs = gw_record_documents (ctx, opts->records, rec);
  if (!docs)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      const gw_docspec *d = g_ptr_array_index (docs, i);
      g_ptr_array_add (pairs, g_strdup (d->xsl_path));
      g_ptr_array_add (pairs, g_strdup (d->output_name));
    }
  g_ptr_array_unref (docs);
  return TRUE;
}

/* Learns the output names of a record outside this shard without validating it or
 * reporting anything; adds "record (stylesheet)" owners to `names`. */
static void
plan_foreign_names (gw_ctx *ctx, const gw_plan_opts *opts, const char *path, GHashTable *names)
{
  gw_ctx *quiet = gw_ctx_new (NULL);
  gw_diag_set_quiet (quiet->diag, TRUE);
  gw_ctx_set_data_dir (quiet, ctx->data_dir ? ctx->data_dir : ".");
  xmlDocPtr doc = gw_xml_read_file (quiet, path);
  xmlNodePtr root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root && root->ns && root->ns->href
      && strcmp ((const char *) root->ns->href, GW_RECORD_NS) == 0)
    {
      xmlChar *id = xmlGetNoNsProp (root, (const xmlChar *) "id");
      gw_record rec = { (char *) path, (char *) root->name, (char *) id, doc };
      GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
      if (plan_documents (quiet, opts, &rec, pairs))
        for (guint i = 0; i + 1 < pairs->len; i += 2)
          {
            char *key = plan_name_key (g_ptr_array_index (pairs, i + 1));
            if (!g_hash_table_contains (names, key))
              g_hash_table_insert (names, key, g_strdup (path));
            else
              g_free (key);
          }
      g_ptr_array_unref (pairs);
      xmlFree (id);
    }
  xmlFreeDoc (doc);
  gw_diag_hook_xml (ctx->diag);
  gw_ctx_free (quiet);
}

/* Lets stylesheets read (document()) in the record's folder and the one above it, where
 * the case and inspection stylesheets look for the regime a record refers to
 * (regime-dir '../' in xsl/common/base.xsl). */
static void
plan_allow_roots (gw_ctx *ctx, const char *record_path, GHashTable *allowed)
{
  char *abs = g_canonicalize_filename (record_path, ctx->cwd);
  char *dir = g_path_get_dirname (abs);
  for (int up = 0; up < 2; up++)
    {
      if (!g_hash_table_contains (allowed, dir))
        {
          gw_ctx_allow_root (ctx, dir);
          g_hash_table_add (allowed, g_strdup (dir));
        }
      char *parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
  g_free (dir);
  g_free (abs);
}

/* The first error among the messages kept since `from` — else the first line — (caller
 * frees), or a fallback. Notes and warnings (as base/diag.c prefixes them, in the messages'
 * language) give way: the summary shows what is wrong. */
static char *
plan_first_message (gw_ctx *ctx, gsize from, const char *fallback)
{
  const char *all = gw_diag_messages (ctx->diag);
  if (strlen (all) <= from || !all[from])
    return g_strdup (fallback);
  char *note = g_strconcat (": ", _("note: "), NULL);
  char *warning = g_strconcat (": ", _("warning: "), NULL);
  char *found = NULL;
  for (const char *l = all + from; *l && !found; l += strcspn (l, "\n"), l += *l == '\n')
    {
      char *line = g_strndup (l, strcspn (l, "\n"));
      if (*line && !strstr (line, note) && !strstr (line, warning))
        found = line;
      else
        g_free (line);
    }
  g_free (note);
  g_free (warning);
  return found ? found : g_strndup (all + from, strcspn (all + from, "\n"));
}

/* Plans the documents of the inputs. */
gw_plan *
gw_plan_new (gw_ctx *ctx, char **inputs, const gw_plan_opts *opts)
{
  GPtrArray *files = plan_collect (ctx, inputs, opts->strict);
  if (!files)
    return NULL;
  gw_plan *plan = g_new0 (gw_plan, 1);
  plan->records = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_record_free);
  plan->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_job_free);
  plan->files = files->len;
  /* collision key → owner: a gw_job * of this shard, or (in `foreign`) a record path */
  GHashTable *owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *foreign = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *regime_sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean ok = TRUE, collided = FALSE;
  gw_diag_set_keep (ctx->diag, TRUE);
  for (guint i = 0; i < files->len && ok; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      if (opts->shard_n && i % opts->shard_n != opts->shard_k - 1)
        {
          plan_foreign_names (ctx, opts, path, foreign);
          continue;
        }
      plan->files_in_shard++;
      gsize mark = strlen (gw_diag_messages (ctx->diag));
      gw_record_status st;
      gw_record *rec = gw_record_load (ctx, opts->records, path, &st);
      if (st == GW_RECORD_NOT_RECORD)
        {
          plan->not_records++;
          if (!opts->strict)
            continue;
          gw_diag_error (ctx->diag, path, 0, _("not a gongwen record (its root element is not "
                         "in namespace %s)"), GW_RECORD_NS);
        }
      if (!rec)
        {
          gw_job *job = g_new0 (gw_job, 1);
          job->record_path = g_strdup (path);
          job->status = GW_JOB_FAILED;
          job->pages = -1;
          job->error = plan_first_message (ctx, mark, _("not a valid record"));
          g_ptr_array_add (plan->jobs, job);
          plan->bad_records++;
          continue;
        }
      g_ptr_array_add (plan->records, rec);
      plan_allow_roots (ctx, path, allowed);
      struct stat fst;
      gboolean have_st = stat (path, &fst) == 0;
      GArray *refs = gw_record_regimes (ctx, opts->records, rec);
      char *record_sum = gw_stamp_record_new (rec, refs, regime_sums);
      const gw_record *regime = refs->len ? g_array_index (refs, gw_regime_ref, 0).regime : NULL;
      GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
      ok = plan_documents (ctx, opts, rec, pairs);
      for (guint k = 0; ok && k + 1 < pairs->len; k += 2)
        {
          gw_job *job = plan_job_new (opts, rec, g_ptr_array_index (pairs, k),
                                      g_ptr_array_index (pairs, k + 1));
          job->record_sum = g_strdup (record_sum);
          job->regime_href = regime && regime->uri ? g_strdup (regime->uri) : NULL;
          if (have_st)
            {
              job->file.dev = (guint64) fst.st_dev;
              job->file.ino = (guint64) fst.st_ino;
              job->file.size = (guint64) fst.st_size;
              job->file.mtime_ns = (gint64) fst.st_mtim.tv_sec * 1000000000 + fst.st_mtim.tv_nsec;
            }
          char *key = plan_name_key (job->output_name);
          gw_job *other = g_hash_table_lookup (owners, key);
          if (other)
            {
              gw_diag_error (ctx->diag, job->record_path, 0,
                             _("output '%s.pdf' is also made from %s; give the records "
                             "different numbers, dates or names"), job->output_name,
                             other->record_path);
              collided = TRUE;
              g_free (key);
            }
          else
            g_hash_table_insert (owners, key, job);
          g_ptr_array_add (plan->jobs, job);
        }
      if (ok && pairs->len)
        ((gw_job *) g_ptr_array_index (plan->jobs, plan->jobs->len - 1))->last_of_record = TRUE;
      g_ptr_array_unref (pairs);
      g_array_unref (refs);
      g_free (record_sum);
      /* planned: the workers parse the record again (gw_job_slot) */
      xmlFreeDoc (rec->doc);
      rec->doc = NULL;
    }
  /* names made in other shards */
  GHashTableIter it;
  gpointer key, owner;
  g_hash_table_iter_init (&it, owners);
  while (ok && g_hash_table_iter_next (&it, &key, &owner))
    {
      const char *other = g_hash_table_lookup (foreign, key);
      if (other)
        {
          const gw_job *job = owner;
          gw_diag_error (ctx->diag, job->record_path, 0,
                         _("output '%s.pdf' is also made from %s (in another shard); give the "
                         "records different numbers, dates or names"), job->output_name, other);
          collided = TRUE;
        }
    }
  g_hash_table_destroy (owners);
  g_hash_table_destroy (foreign);
  g_hash_table_destroy (allowed);
  g_hash_table_destroy (regime_sums);
  g_ptr_array_unref (files);
  if (!ok || collided)
    {
      if (collided)
        gw_diag_error (ctx->diag, NULL, 0, _("two records would write the same file: nothing "
                       "was written"));
      gw_plan_free (plan);
      return NULL;
    }
  return plan;
}
