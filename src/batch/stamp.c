/* stamp.c — the stamp of a document: a SHA-256 of everything its output depends on, kept in
 * the manifest and compared on the next run (content hashes, not mtimes: a checkout or a
 * copy that changes mtimes only does not rebuild, an edit that keeps the mtime does). */
#include "batch/private.h"
#include "base/sha256.h"

#include <string.h>
#include <sys/stat.h>

#ifndef GW_VERSION
#define GW_VERSION "dev"
#endif

/* Adds a labelled string (with its length, so that concatenations cannot collide). */
static void
stamp_add_str (gw_sha256 *sum, const char *label, const char *value)
{
  char head[64];
  g_snprintf (head, sizeof head, "%s:%zu:", label, value ? strlen (value) : (size_t) 0);
  gw_sha256_update (sum, head, -1);
  if (value)
    gw_sha256_update (sum, value, -1);
}

/* Adds a file's name (relative to `root`) and contents; a missing file adds its name. */
static void
stamp_add_file (gw_sha256 *sum, const char *path, const char *name)
{
  char *data = NULL;
  gsize len = 0;
  stamp_add_str (sum, "file", name);
  if (g_file_get_contents (path, &data, &len, NULL))
    {
      char head[32];
      g_snprintf (head, sizeof head, "data:%zu:", (size_t) len);
      gw_sha256_update (sum, head, -1);
      gw_sha256_update (sum, data, (gssize) len);
      g_free (data);
    }
  else
    stamp_add_str (sum, "missing", name);
}

/* Collects the regular files under `dir` (recursively, hidden entries skipped) as paths
 * relative to `dir`, into `out`. With `suffix`, only names ending so. */
static void
stamp_list (const char *dir, const char *rel, const char *suffix, gboolean recurse,
            GPtrArray *out)
{
  char *here = rel ? g_build_filename (dir, rel, NULL) : g_strdup (dir);
  GDir *d = g_dir_open (here, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      if (name[0] == '.')
        continue;
      char *sub = rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      char *full = g_build_filename (dir, sub, NULL);
      struct stat st;
      if (lstat (full, &st) == 0 && S_ISDIR (st.st_mode))
        {
          if (recurse)
            stamp_list (dir, sub, suffix, recurse, out);
        }
      else if (!suffix || g_str_has_suffix (name, suffix))
        {
          g_ptr_array_add (out, sub);
          sub = NULL;
        }
      g_free (sub);
      g_free (full);
    }
  if (d)
    g_dir_close (d);
  g_free (here);
}

/* Compares two strings for sorting. */
static gint
stamp_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Adds every file under `dir` (names and contents, sorted). */
static void
stamp_add_tree (gw_sha256 *sum, const char *label, const char *dir, const char *suffix,
                gboolean recurse)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  stamp_list (dir, NULL, suffix, recurse, files);
  g_ptr_array_sort (files, stamp_cmp);
  stamp_add_str (sum, label, dir);
  for (guint i = 0; i < files->len; i++)
    {
      const char *rel = g_ptr_array_index (files, i);
      char *full = g_build_filename (dir, rel, NULL);
      stamp_add_file (sum, full, rel);
      g_free (full);
    }
  g_ptr_array_unref (files);
}

/* Adds the names, sizes and modification times of the font files under `dir` (fonts are
 * large: their contents are not hashed). */
static void
stamp_add_font_dir (gw_sha256 *sum, const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  stamp_list (dir, NULL, NULL, TRUE, files);
  g_ptr_array_sort (files, stamp_cmp);
  for (guint i = 0; i < files->len; i++)
    {
      const char *rel = g_ptr_array_index (files, i);
      char *full = g_build_filename (dir, rel, NULL);
      struct stat st;
      char line[64];
      if (stat (full, &st) == 0)
        g_snprintf (line, sizeof line, "%lld:%lld", (long long) st.st_size,
                    (long long) st.st_mtime);
      else
        g_strlcpy (line, "?", sizeof line);
      stamp_add_str (sum, "font", rel);
      stamp_add_str (sum, "stat", line);
      g_free (full);
    }
  g_ptr_array_unref (files);
}

/* The shared inputs' hash. */
char *
gw_stamp_shared_new (gw_ctx *ctx, const gw_batch_opts *opts)
{
  gw_sha256 *sum = gw_sha256_new ();
  const char *data_dir = ctx->data_dir ? ctx->data_dir : ".";
  stamp_add_str (sum, "gongwen", GW_VERSION);
  char *xsl_dir = g_build_filename (data_dir, "xsl", NULL);
  stamp_add_tree (sum, "xsl", xsl_dir, NULL, TRUE);
  g_free (xsl_dir);
  if (opts->xsl_override)
    {
      char *dir = g_path_get_dirname (opts->xsl_override);
      stamp_add_file (sum, opts->xsl_override, "override");
      stamp_add_tree (sum, "override-dir", dir, ".xsl", FALSE);
      g_free (dir);
    }
  /* the fonts configuration, found as src/layout/fonts.c finds it */
  const char *conf = g_getenv ("GONGWEN_FONTS_CONF");
  char *conf_file = conf && *conf ? g_strdup (conf)
                                  : g_build_filename (data_dir, "fonts", "fonts.conf", NULL);
  stamp_add_file (sum, conf_file, "fonts.conf");
  g_free (conf_file);
  char *font_dir = g_build_filename (data_dir, "fonts", NULL);
  stamp_add_font_dir (sum, font_dir);
  g_free (font_dir);
  for (const char *const *p = opts->params; p && *p; p++)
    stamp_add_str (sum, "param", *p);
  stamp_add_str (sum, "png", opts->png ? "1" : "0");
  if (opts->formats & GW_FORMAT_OFD) /* adding or dropping OFD remakes the documents (a
                                       PDF-only stamp stays what it was before OFD) */
    stamp_add_str (sum, "formats", opts->formats & GW_FORMAT_PDF ? "pdf,ofd" : "ofd");
  stamp_add_str (sum, "missing-glyphs", ctx->allow_missing_glyphs ? "allowed" : "error");
  if (opts->png)
    {
      char dpi[32];
      g_snprintf (dpi, sizeof dpi, "%d", (int) (ctx->dpi * 1000));
      stamp_add_str (sum, "dpi", dpi);
    }
  char *hex = gw_sha256_finish_free (sum);
  return hex;
}

/* The record's part of a stamp (see private.h). */
char *
gw_stamp_record_new (const gw_record *rec, const GArray *refs, GHashTable *regime_sums)
{
  char *own = gw_sha256_file_new (rec->path);
  if (!own)
    return NULL;
  gw_sha256 *sum = gw_sha256_new ();
  stamp_add_str (sum, "record", own);
  g_free (own);
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < refs->len; i++)
    {
      const gw_regime_ref *ref = &g_array_index (refs, gw_regime_ref, i);
      const char *id = ref->id;
      if (!g_hash_table_contains (seen, id))
        {
          g_hash_table_add (seen, g_strdup (id));
          const gw_record *g = ref->regime;
          const char *gsum = g ? g_hash_table_lookup (regime_sums, g->path) : NULL;
          if (g && !gsum)
            {
              char *hex = gw_sha256_file_new (g->path);
              gsum = hex ? hex : "unreadable";
              g_hash_table_insert (regime_sums, g_strdup (g->path), hex ? hex : g_strdup (gsum));
            }
          if (g)
            stamp_add_str (sum, id, gsum);
          else
            stamp_add_str (sum, "no-regime", id);
        }
    }
  g_hash_table_destroy (seen);
  char *hex = gw_sha256_finish_free (sum);
  return hex;
}

/* Stamps every pending job. */
void
gw_stamp_jobs (gw_plan *plan, const char *shared)
{
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->status != GW_JOB_PENDING || !job->record_sum)
        continue;
      gw_sha256 *sum = gw_sha256_new ();
      stamp_add_str (sum, "shared", shared);
      stamp_add_str (sum, "record", job->record_sum);
      char *xsl = g_path_get_basename (job->xsl_path);
      stamp_add_str (sum, "xsl", xsl);
      g_free (xsl);
      stamp_add_str (sum, "output", job->output_name);
      g_free (job->stamp);
      job->stamp = gw_sha256_finish_free (sum);
    }
}
