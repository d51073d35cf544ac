/* fotree.h — the formatting-object tree: FO elements from libxml2 nodes, classified by a
 * table of element kinds, each node pointing at its interned computed style.  Text is kept
 * as text nodes (whitespace handling happens in layout, which knows the line context). */
#ifndef GW_FOTREE_H
#define GW_FOTREE_H

#include "fo/props.h"

#define GW_FO_NS "http://www.w3.org/1999/XSL/Format"
#define GW_GX_NS "urn:gongwen:fo:1"

typedef enum {
  FO_UNKNOWN = 0, FO_TEXT,
  FO_ROOT, FO_LAYOUT_MASTER_SET, FO_SIMPLE_PAGE_MASTER, FO_REGION_BODY, FO_REGION_BEFORE,
  FO_REGION_AFTER, FO_REGION_START, FO_REGION_END, FO_PAGE_SEQUENCE_MASTER,
  FO_SINGLE_PAGE_MASTER_REFERENCE, FO_REPEATABLE_PAGE_MASTER_REFERENCE,
  FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES, FO_CONDITIONAL_PAGE_MASTER_REFERENCE,
  FO_DECLARATIONS, FO_PAGE_SEQUENCE, FO_TITLE, FO_FLOW, FO_STATIC_CONTENT,
  FO_BLOCK, FO_BLOCK_CONTAINER, FO_INLINE, FO_INLINE_CONTAINER, FO_WRAPPER, FO_CHARACTER,
  FO_LEADER, FO_EXTERNAL_GRAPHIC, FO_INSTREAM_FOREIGN_OBJECT, FO_PAGE_NUMBER,
  FO_PAGE_NUMBER_CITATION, FO_PAGE_NUMBER_CITATION_LAST, FO_BASIC_LINK,
  FO_TABLE_AND_CAPTION, FO_TABLE, FO_TABLE_CAPTION, FO_TABLE_COLUMN, FO_TABLE_HEADER,
  FO_TABLE_FOOTER, FO_TABLE_BODY, FO_TABLE_ROW, FO_TABLE_CELL,
  FO_LIST_BLOCK, FO_LIST_ITEM, FO_LIST_ITEM_LABEL, FO_LIST_ITEM_BODY,
  FO_MARKER, FO_RETRIEVE_MARKER, FO_RETRIEVE_TABLE_MARKER, FO_BOOKMARK_TREE, FO_BOOKMARK, FO_BOOKMARK_TITLE,
  FO_FOOTNOTE, FO_FOOTNOTE_BODY, FO_FLOAT, FO_INITIAL_PROPERTY_SET,
  FO_KIND_COUNT
} gw_fo_kind;

typedef enum { FO_CLASS_OTHER, FO_CLASS_BLOCK, FO_CLASS_INLINE, FO_CLASS_NEUTRAL } gw_fo_class;

typedef struct gw_fo gw_fo;
struct gw_fo {
  gw_fo_kind kind;
  /* borrowed */
  xmlNodePtr node;          /* the element (or text node) in the FO document */
  const gw_style *style;    /* interned in the tree's pool */
  const gw_fo_props *props; /* element-specific properties (the pool's) */
  gw_fo *parent;
  /* owned (by the tree) */
  gw_fo *first, *last, *next;
  const char *text;         /* FO_TEXT: UTF-8 content (borrowed from node) */
  /* values */
  int line;
  unsigned serial;          /* document order, used for generated ids */
};

typedef struct gw_fotree {
  /* owned */
  gw_style_pool *pool;
  GPtrArray *nodes;         /* every gw_fo, freed with the tree */
  GHashTable *ids;          /* id → gw_fo* */
  GHashTable *restyled;     /* "marker/style" → restyled marker copy (gw_fo*) */
  /* borrowed */
  xmlDocPtr doc;
  const char *file;
  gw_fo *root;
} gw_fotree;

/* Builds the FO tree of `doc` (borrowed, must outlive the tree). Reports unknown or misplaced
 * elements once per kind and invalid property values. Returns NULL if `doc` is not XSL-FO. */
gw_fotree *gw_fotree_new (gw_ctx *ctx, xmlDocPtr doc, const char *file) G_GNUC_WARN_UNUSED_RESULT;
/* Frees the tree, its nodes and styles. */
void gw_fotree_free (gw_fotree *tree);
/* The name of an element kind ("block"). */
const char *gw_fo_kind_name (gw_fo_kind kind);
/* The class of an element kind (block-level, inline-level, neutral). */
gw_fo_class gw_fo_kind_class (gw_fo_kind kind);
/* The first child of the given kind, or NULL (borrowed). */
gw_fo *gw_fo_child (const gw_fo *fo, gw_fo_kind kind);
/* Looks up a node by id (borrowed) or NULL. */
gw_fo *gw_fotree_lookup_id (const gw_fotree *tree, const char *id);
/* The content of `marker` restyled as if it stood where a retrieve-marker with style
 * `parent_style` stands (XSL: retrieved content inherits from the retrieve-marker). Returns
 * a detached marker node owned and cached by the tree (borrowed). */
const gw_fo *gw_fotree_restyled_marker (gw_ctx *ctx, gw_fotree *tree, const gw_fo *marker,
                                        const gw_style *parent_style);

#endif
