/* cache.c — the records' caches as one object the caller owns (record.h, private.h). */
#include "records/private.h"

/* Creates an empty cache. */
gw_record_cache *
gw_record_cache_new (void)
{
  gw_record_cache *c = g_new0 (gw_record_cache, 1);
  g_mutex_init (&c->schemas_lock);
  g_mutex_init (&c->regimes_lock);
  g_mutex_init (&c->registries_lock);
  g_mutex_init (&c->labels_lock);
  return c;
}

/* Frees the cache (each table frees its values with the function it was made with). */
void
gw_record_cache_free (gw_record_cache *cache)
{
  if (!cache)
    return;
  g_clear_pointer (&cache->regimes_found, g_hash_table_destroy);
  g_clear_pointer (&cache->regimes, g_hash_table_destroy);
  g_clear_pointer (&cache->schemas, g_hash_table_destroy);
  g_clear_pointer (&cache->registries, g_hash_table_destroy);
  g_clear_pointer (&cache->labels, g_hash_table_destroy);
  g_mutex_clear (&cache->schemas_lock);
  g_mutex_clear (&cache->regimes_lock);
  g_mutex_clear (&cache->registries_lock);
  g_mutex_clear (&cache->labels_lock);
  g_free (cache);
}
