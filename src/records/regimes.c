/* regimes.c — finding the regime record a case or inspection refers to by id. Regimes are
 * loaded and validated once per process and shared (read-only) by every job. */
#include "records/private.h"

#include <string.h>

/* canonical path → gw_record * (NULL = not a valid regime); guarded by regime_lock, which
 * is recursive because loading a regime runs the loader again. */
static GHashTable *regime_cache;
/* "<dir>/<id>" → the regime found there (const gw_record *, borrowed from regime_cache) or
 * NULL: a batch looks the same few regimes up from every record, and listing the record's
 * folder (thousands of files in a large batch) each time made the lookups quadratic; and
 * "<record's folder as written>\n<id>\n<data dir>" → what gw_record_find_regime found */
static GHashTable *regime_found;
static GRecMutex regime_lock;

/* Frees one cache entry. */
static void
regime_free (gpointer rec)
{
  gw_record_free (rec);
}

/* Loads (or takes from the cache) the record at `path`; returns it when it is the regime
 * `id`, else NULL. Called under the lock. */
static const gw_record *
regime_try (gw_ctx *ctx, const char *path, const char *id)
{
  char *key = g_canonicalize_filename (path, ctx->cwd);
  gpointer rec = NULL;
  if (!g_hash_table_lookup_extended (regime_cache, key, NULL, &rec))
    {
      gw_record_status st;
      rec = gw_record_load (ctx, path, &st);
      if (rec)
        ((gw_record *) rec)->uri = g_filename_to_uri (key, NULL, NULL);
      g_hash_table_insert (regime_cache, g_strdup (key), rec);
    }
  g_free (key);
  const gw_record *r = rec;
  return r && r->id && strcmp (r->kind, "regime") == 0 && strcmp (r->id, id) == 0 ? r : NULL;
}

/* Looks for <id>.xml and <id>-*.xml in one directory. Called under the lock. */
static const gw_record *
regime_search_dir_uncached (gw_ctx *ctx, const char *dir, const char *id)
{
  char *exact_name = g_strconcat (id, ".xml", NULL);
  char *exact = g_build_filename (dir, exact_name, NULL);
  g_free (exact_name);
  const gw_record *found = NULL;
  if (g_file_test (exact, G_FILE_TEST_IS_REGULAR))
    found = regime_try (ctx, exact, id);
  g_free (exact);
  if (found)
    return found;
  GDir *d = g_dir_open (dir, 0, NULL);
  if (!d)
    return NULL;
  char *prefix = g_strconcat (id, "-", NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len && !found; i++)
    {
      char *path = g_build_filename (dir, (const char *) g_ptr_array_index (names, i), NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        found = regime_try (ctx, path, id);
      g_free (path);
    }
  g_ptr_array_free (names, TRUE);
  g_free (prefix);
  return found;
}

/* regime_search_dir_uncached, remembered per directory and id. Called under the lock. */
static const gw_record *
regime_search_dir (gw_ctx *ctx, const char *dir, const char *id)
{
  char *key = g_build_filename (dir, id, NULL);
  gpointer found = NULL;
  if (g_hash_table_lookup_extended (regime_found, key, NULL, &found))
    {
      g_free (key);
      return found;
    }
  found = (gpointer) regime_search_dir_uncached (ctx, dir, id);
  g_hash_table_insert (regime_found, key, found);
  return found;
}

/* Finds a regime record by id. */
const gw_record *
gw_record_find_regime (gw_ctx *ctx, const gw_record *from, const char *id)
{
  if (!id || !*id || strchr (id, '/') || id[0] == '.')
    return NULL;
  /* remembered by the record's folder as written (the working directory never changes):
   * a batch asks once per document, and making the folder canonical costs system calls */
  char *dir = g_path_get_dirname (from && from->path ? from->path : ".");
  char *asked = g_strconcat (dir, "\n", id, "\n", ctx->data_dir ? ctx->data_dir : "", NULL);
  gpointer hit = NULL;
  g_rec_mutex_lock (&regime_lock);
  gboolean known = regime_found && g_hash_table_lookup_extended (regime_found, asked, NULL, &hit);
  g_rec_mutex_unlock (&regime_lock);
  if (known)
    {
      g_free (asked);
      g_free (dir);
      return hit;
    }
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  char *cur = g_canonicalize_filename (dir, ctx->cwd);
  g_free (dir);
  for (int up = 0; up < 3; up++) /* the record's directory and two above it */
    {
      g_ptr_array_add (dirs, g_strdup (cur));
      char *parent = g_path_get_dirname (cur);
      gboolean top = strcmp (parent, cur) == 0;
      g_free (cur);
      cur = parent;
      if (top)
        break;
    }
  g_free (cur);
  if (ctx->data_dir)
    g_ptr_array_add (dirs, g_build_filename (ctx->data_dir, "xml", NULL));
  const gw_record *found = NULL;
  g_rec_mutex_lock (&regime_lock);
  if (!regime_cache)
    {
      regime_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, regime_free);
      regime_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  for (guint i = 0; i < dirs->len && !found; i++)
    found = regime_search_dir (ctx, g_ptr_array_index (dirs, i), id);
  g_hash_table_insert (regime_found, asked, (gpointer) found);
  g_rec_mutex_unlock (&regime_lock);
  g_ptr_array_free (dirs, TRUE);
  return found;
}

/* Frees the process-wide caches. */
void
gw_record_caches_free (void)
{
  g_rec_mutex_lock (&regime_lock);
  g_clear_pointer (&regime_found, g_hash_table_destroy);
  g_clear_pointer (&regime_cache, g_hash_table_destroy);
  g_rec_mutex_unlock (&regime_lock);
  gw_schema_cache_free ();
}
