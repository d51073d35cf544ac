/* shape.h — itemizing and shaping a paragraph with Pango, remembered across documents.
 *
 * A batch prints the same boilerplate in every document (form labels, legal notes, the
 * organ's name, "年　月　日"), so a worker shapes the same paragraph hundreds of times.
 * gw_shape_run() keeps the items, glyph strings and break attributes of recently shaped
 * paragraphs, keyed by their text and their font runs, and hands out copies. The cache
 * belongs to the fonts of a job (gw_fonts), whose font descriptions and Pango context it
 * depends on, and is bounded: two generations of at most GW_SHAPE_GEN_ENTRIES entries or
 * GW_SHAPE_GEN_BYTES bytes; when the young one is full the old one is dropped (entries used
 * again are moved to the young one, so boilerplate stays). */
#ifndef GW_SHAPE_H
#define GW_SHAPE_H

#include <pango/pango.h>

#define GW_SHAPE_GEN_ENTRIES 256
#define GW_SHAPE_GEN_BYTES (192 * 1024)
/* Paragraphs longer than this (bytes) are shaped without being remembered. */
#define GW_SHAPE_MAX_TEXT 2048

typedef struct gw_shape_cache gw_shape_cache;

/* One run of text in one font: bytes [b0, b1) of the paragraph. `desc` must stay valid
 * (and mean the same) as long as the cache lives: gw_fonts_desc() descriptions do. */
typedef struct {
  int b0, b1;
  const PangoFontDescription *desc;
} gw_shape_span;

/* What a paragraph shapes into; the caller owns all of it (gw_shape_result_clear). */
typedef struct {
  GPtrArray *items;   /* owned: PangoItem*, in logical order, offsets into the text */
  GPtrArray *glyphs;  /* owned: PangoGlyphString* per item */
  PangoLogAttr *attrs;/* owned: n_chars + 1 break attributes (zh-cn) */
} gw_shape_result;

/* A new, empty cache. */
gw_shape_cache *gw_shape_cache_new (void);
/* Frees a cache (NULL is fine). */
void gw_shape_cache_free (gw_shape_cache *cache);
/* Entries remembered and hits so far (for tests). */
void gw_shape_cache_stats (const gw_shape_cache *cache, guint *entries, guint64 *hits);

/* Itemizes `text` (`len` bytes, `n_chars` characters) with the font runs `spans` in
 * `context`, shapes every item and computes the break attributes, into `out`; from the
 * cache when the same text with the same runs was shaped before. `cache` may be NULL. */
void gw_shape_run (gw_shape_cache *cache, PangoContext *context, const char *text, int len,
                   int n_chars, const gw_shape_span *spans, guint n_spans,
                   gw_shape_result *out);
/* Frees what gw_shape_run put into `r`. */
void gw_shape_result_clear (gw_shape_result *r);

#endif
