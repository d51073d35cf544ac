/* regimes.c — the regime records a case or inspection refers to (by id): which ones a record
 * names (gw_record_regimes), and where each is found (gw_record_find_regime). Regimes are
 * parsed and validated once per gw_record_cache and shared (read-only) by every job; loading
 * one is parsing and validating only (regimes have no rules), so nothing here loops back
 * into the rules. */
#include "records/private.h"

#include <string.h>

/* Frees one cache entry. */
static void
regime_free (gpointer rec)
{
  gw_record_free (rec);
}

/* Loads (or takes from the cache) the record at `path`; returns it when it is the regime
 * `id`, else NULL. Called under the regimes lock. */
static const gw_record *
regime_try (gw_ctx *ctx, gw_record_cache *cache, const char *path, const char *id)
{
  char *key = g_canonicalize_filename (path, ctx->cwd);
  gpointer rec = NULL;
  if (!g_hash_table_lookup_extended (cache->regimes, key, NULL, &rec))
    {
      gw_record_status st;
      gboolean schema_ok;
      rec = gw_record_parse (ctx, cache, path, &st, &schema_ok);
      if (rec && st != GW_RECORD_OK)
        g_clear_pointer (&rec, gw_record_free);
      if (rec)
        ((gw_record *) rec)->uri = g_filename_to_uri (key, NULL, NULL);
      g_hash_table_insert (cache->regimes, g_strdup (key), rec);
    }
  g_free (key);
  const gw_record *r = rec;
  return r && r->id && strcmp (r->kind, "regime") == 0 && strcmp (r->id, id) == 0 ? r : NULL;
}

/* Looks for <id>.xml and <id>-*.xml in one directory. Called under the regimes lock. */
static const gw_record *
regime_search_dir_uncached (gw_ctx *ctx, gw_record_cache *cache, const char *dir, const char *id)
{
  char *exact_name = g_strconcat (id, ".xml", NULL);
  char *exact = g_build_filename (dir, exact_name, NULL);
  g_free (exact_name);
  const gw_record *found = NULL;
  if (g_file_test (exact, G_FILE_TEST_IS_REGULAR))
    found = regime_try (ctx, cache, exact, id);
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
        found = regime_try (ctx, cache, path, id);
      g_free (path);
    }
  g_ptr_array_free (names, TRUE);
  g_free (prefix);
  return found;
}

/* regime_search_dir_uncached, remembered per directory and id (a batch looks the same few
 * regimes up from every record, and listing the record's folder, thousands of files in a
 * large batch, each time made the lookups quadratic). Called under the regimes lock. */
static const gw_record *
regime_search_dir (gw_ctx *ctx, gw_record_cache *cache, const char *dir, const char *id)
{
  char *key = g_build_filename (dir, id, NULL);
  gpointer found = NULL;
  if (g_hash_table_lookup_extended (cache->regimes_found, key, NULL, &found))
    {
      g_free (key);
      return found;
    }
  found = (gpointer) regime_search_dir_uncached (ctx, cache, dir, id);
  g_hash_table_insert (cache->regimes_found, key, found);
  return found;
}

/* Finds a regime record by id. */
const gw_record *
gw_record_find_regime (gw_ctx *ctx, gw_record_cache *cache, const gw_record *from,
                       const char *id)
{
  if (!id || !*id || strchr (id, '/') || id[0] == '.')
    return NULL;
  /* remembered by the record's folder as written (the working directory never changes):
   * a batch asks once per document, and making the folder canonical costs system calls */
  char *dir = g_path_get_dirname (from && from->path ? from->path : ".");
  char *asked = g_strconcat (dir, "\n", id, "\n", ctx->data_dir ? ctx->data_dir : "", NULL);
  gpointer hit = NULL;
  g_mutex_lock (&cache->regimes_lock);
  if (!cache->regimes)
    {
      cache->regimes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, regime_free);
      cache->regimes_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  if (g_hash_table_lookup_extended (cache->regimes_found, asked, NULL, &hit))
    {
      g_mutex_unlock (&cache->regimes_lock);
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
  for (guint i = 0; i < dirs->len && !found; i++)
    found = regime_search_dir (ctx, cache, g_ptr_array_index (dirs, i), id);
  g_hash_table_insert (cache->regimes_found, asked, (gpointer) found);
  g_mutex_unlock (&cache->regimes_lock);
  g_ptr_array_free (dirs, TRUE);
  return found;
}

/* TRUE when `n` is the record element `name`. */
static gboolean
regime_is (xmlNodePtr n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href
         && strcmp ((const char *) n->ns->href, GW_RECORD_NS) == 0
         && strcmp ((const char *) n->name, name) == 0;
}

/* Appends the reference of `at` (its @regime, if any) to `refs`. */
static void
regime_ref_add (gw_ctx *ctx, gw_record_cache *cache, const gw_record *rec, xmlNodePtr at,
                GArray *refs)
{
  char *id = gw_rec_attr_new (at, "regime");
  if (!id)
    return;
  gw_regime_ref r = { at, id, gw_record_find_regime (ctx, cache, rec, id) };
  g_array_append_val (refs, r);
}

/* Frees the id of one reference (the array's clear function). */
static void
regime_ref_clear (gpointer p)
{
  g_free (((gw_regime_ref *) p)->id);
}

/* The regimes a record refers to. */
GArray *
gw_record_regimes (gw_ctx *ctx, gw_record_cache *cache, const gw_record *rec)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (gw_regime_ref));
  g_array_set_clear_func (refs, regime_ref_clear);
  xmlNodePtr root = rec->doc ? xmlDocGetRootElement (rec->doc) : NULL;
  if (!root)
    return refs;
  regime_ref_add (ctx, cache, rec, root, refs);
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (regime_is (c, "applies"))
      regime_ref_add (ctx, cache, rec, c, refs);
  return refs;
}
