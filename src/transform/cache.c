/* cache.c — compiled stylesheets shared by the workers of a batch (see transform.h). */
#include "base/i18n.h"
#include "transform/transform.h"

struct gw_stylesheet_cache {
  /* owned */
  GHashTable *styles; /* canonical path (char *) → xsltStylesheetPtr, NULL = failed */
  /* values */
  GMutex lock;
};

/* Frees one cached stylesheet (NULL for a failed one). */
static void
cache_free_style (gpointer style)
{
  if (style)
    gw_transform_free (style);
}

/* Creates an empty cache. */
gw_stylesheet_cache *
gw_stylesheet_cache_new (void)
{
  gw_stylesheet_cache *cache = g_new0 (gw_stylesheet_cache, 1);
  cache->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_free_style);
  g_mutex_init (&cache->lock);
  return cache;
}

/* Frees the cache and its stylesheets. */
void
gw_stylesheet_cache_free (gw_stylesheet_cache *cache)
{
  if (!cache)
    return;
  g_hash_table_destroy (cache->styles);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* Looks a stylesheet up, compiling it on first use. */
xsltStylesheetPtr
gw_stylesheet_cache_lookup (gw_stylesheet_cache *cache, gw_ctx *ctx, const char *xsl_path)
{
  char *key = g_canonicalize_filename (xsl_path, NULL);
  xsltStylesheetPtr style = NULL;
  gpointer found = NULL;
  g_mutex_lock (&cache->lock);
  if (g_hash_table_lookup_extended (cache->styles, key, NULL, &found))
    {
      style = found;
      if (!style)
        gw_diag_error (ctx->diag, xsl_path, 0,
                       _("stylesheet failed to compile earlier in this run (see above)"));
      g_free (key);
    }
  else
    {
      style = gw_transform_load (ctx, xsl_path);
      g_hash_table_insert (cache->styles, key, style);
    }
  g_mutex_unlock (&cache->lock);
  return style;
}
