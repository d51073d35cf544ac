/* shape.c — Pango itemizing, shaping and break attributes of a paragraph, remembered
 * across the documents of a process (see shape.h). */
#include "layout/shape.h"

#include <string.h>

/* A remembered paragraph: what gw_shape_run made for it (owned, never handed out). */
typedef struct {
  gw_shape_result r;
  int n_attrs;
  gsize bytes;        /* what it costs, roughly, for the generation's budget */
} shape_entry;

struct gw_shape_cache {
  GHashTable *young;  /* owned: GBytes key → shape_entry* */
  GHashTable *old;    /* owned: the previous generation */
  gsize young_bytes;
  guint64 hits;
};

/* Frees an entry. */
static void
shape_entry_free (gpointer p)
{
  shape_entry *e = p;
  gw_shape_result_clear (&e->r);
  g_free (e);
}

/* A new generation table. */
static GHashTable *
shape_table_new (void)
{
  return g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref,
                                shape_entry_free);
}

/* A new, empty cache. */
gw_shape_cache *
gw_shape_cache_new (void)
{
  gw_shape_cache *c = g_new0 (gw_shape_cache, 1);
  c->young = shape_table_new ();
  c->old = shape_table_new ();
  return c;
}

/* Frees a cache. */
void
gw_shape_cache_free (gw_shape_cache *c)
{
  if (!c)
    return;
  g_hash_table_destroy (c->young);
  g_hash_table_destroy (c->old);
  g_free (c);
}

/* Entries remembered and hits so far. */
void
gw_shape_cache_stats (const gw_shape_cache *c, guint *entries, guint64 *hits)
{
  *entries = c ? g_hash_table_size (c->young) + g_hash_table_size (c->old) : 0;
  *hits = c ? c->hits : 0;
}

/* Frees what gw_shape_run put into `r`. */
void
gw_shape_result_clear (gw_shape_result *r)
{
  if (r->items)
    g_ptr_array_unref (r->items);
  if (r->glyphs)
    g_ptr_array_unref (r->glyphs);
  g_free (r->attrs);
  memset (r, 0, sizeof *r);
}

/* Empty item and glyph arrays that free their elements. */
static void
shape_arrays_new (GPtrArray **items, GPtrArray **glyphs, guint n)
{
  *items = g_ptr_array_new_full (n, (GDestroyNotify) pango_item_free);
  *glyphs = g_ptr_array_new_full (n, (GDestroyNotify) pango_glyph_string_free);
}

/* Copies items, glyph strings and break attributes into `out`. */
static void
shape_copy (const gw_shape_result *r, int n_attrs, gw_shape_result *out)
{
  shape_arrays_new (&out->items, &out->glyphs, r->items->len);
  for (guint i = 0; i < r->items->len; i++)
    {
      g_ptr_array_add (out->items, pango_item_copy (g_ptr_array_index (r->items, i)));
      g_ptr_array_add (out->glyphs, pango_glyph_string_copy (g_ptr_array_index (r->glyphs, i)));
    }
  out->attrs = g_memdup2 (r->attrs, (gsize) n_attrs * sizeof *r->attrs);
}

/* The cache key of a paragraph: its font runs, then its text. */
static GBytes *
shape_key_new (const char *text, int len, const gw_shape_span *spans, guint n_spans)
{
  gsize run = sizeof (gint32) * 2 + sizeof (guintptr);
  gsize size = n_spans * run + (gsize) len;
  guint8 *buf = g_malloc (size), *p = buf;
  for (guint s = 0; s < n_spans; s++)
    {
      gint32 b[2] = { spans[s].b0, spans[s].b1 };
      guintptr d = (guintptr) spans[s].desc;
      memcpy (p, b, sizeof b);
      memcpy (p + sizeof b, &d, sizeof d);
      p += run;
    }
  memcpy (p, text, (size_t) len);
  return g_bytes_new_take (buf, size);
}

/* Shapes without the cache: itemize with one font description per run, shape each item,
 * break attributes for Chinese. */
static void
shape_fresh (PangoContext *context, const char *text, int len, int n_chars,
             const gw_shape_span *spans, guint n_spans, gw_shape_result *out)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  for (guint s = 0; s < n_spans; s++)
    {
      PangoAttribute *a = pango_attr_font_desc_new (spans[s].desc);
      a->start_index = (guint) spans[s].b0;
      a->end_index = (guint) spans[s].b1;
      pango_attr_list_insert (attrs, a);
    }
  GList *items = pango_itemize (context, text, 0, len, attrs, NULL);
  pango_attr_list_unref (attrs);
  shape_arrays_new (&out->items, &out->glyphs, g_list_length (items));
  for (GList *l = items; l; l = l->next)
    {
      PangoItem *it = l->data;
      PangoGlyphString *gs = pango_glyph_string_new ();
      pango_shape_with_flags (text + it->offset, it->length, text, len, &it->analysis, gs,
                              PANGO_SHAPE_NONE);
      g_ptr_array_add (out->items, it);
      g_ptr_array_add (out->glyphs, gs);
    }
  g_list_free (items);
  out->attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, len, -1, pango_language_from_string ("zh-cn"), out->attrs,
                       n_chars + 1);
}

/* Remembers a copy of `r` under `key` (taken) in the young generation, starting a new one
 * when it is full. */
static void
shape_remember (gw_shape_cache *c, GBytes *key, const gw_shape_result *r, int n_attrs)
{
  shape_entry *e = g_new0 (shape_entry, 1);
  shape_copy (r, n_attrs, &e->r);
  e->n_attrs = n_attrs;
  e->bytes = g_bytes_get_size (key) + (gsize) n_attrs * sizeof (PangoLogAttr) + 128;
  for (guint i = 0; i < e->r.glyphs->len; i++)
    {
      const PangoGlyphString *gs = g_ptr_array_index (e->r.glyphs, i);
      e->bytes += sizeof (PangoItem) + 64 + (gsize) gs->num_glyphs * (sizeof (PangoGlyphInfo) + sizeof (int));
    }
  if (g_hash_table_size (c->young) >= GW_SHAPE_GEN_ENTRIES
      || c->young_bytes + e->bytes > GW_SHAPE_GEN_BYTES)
    {
      g_hash_table_destroy (c->old);
      c->old = c->young;
      c->young = shape_table_new ();
      c->young_bytes = 0;
    }
  g_hash_table_insert (c->young, key, e);
  c->young_bytes += e->bytes;
}

/* Itemizes, shapes and breaks a paragraph, from the cache when possible. */
void
gw_shape_run (gw_shape_cache *c, PangoContext *context, const char *text, int len,
              int n_chars, const gw_shape_span *spans, guint n_spans, gw_shape_result *out)
{
  memset (out, 0, sizeof *out);
  if (!c || len > GW_SHAPE_MAX_TEXT)
    {
      shape_fresh (context, text, len, n_chars, spans, n_spans, out);
      return;
    }
  GBytes *key = shape_key_new (text, len, spans, n_spans);
  shape_entry *e = g_hash_table_lookup (c->young, key);
  if (!e)
    {
      gpointer old_key;
      if (g_hash_table_steal_extended (c->old, key, &old_key, (gpointer *) &e))
        {
          /* used again: into the young generation */
          g_bytes_unref (old_key);
          g_hash_table_insert (c->young, g_bytes_ref (key), e);
          c->young_bytes += e->bytes;
        }
    }
  if (e && e->n_attrs == n_chars + 1)
    {
      c->hits++;
      shape_copy (&e->r, e->n_attrs, out);
      g_bytes_unref (key);
      return;
    }
  shape_fresh (context, text, len, n_chars, spans, n_spans, out);
  shape_remember (c, key, out, n_chars + 1);
}
