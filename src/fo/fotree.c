/* fotree.c — building the FO tree from libxml2 nodes (element table, style computation). */
#include "fo/fotree.h"

#include <string.h>

typedef struct { const char *name; gw_fo_kind kind; gw_fo_class cls; } fo_elem;

/* The element table: name → kind and class. */
static const fo_elem fo_elems[] = {
  { "root", FO_ROOT, FO_CLASS_OTHER },
  { "layout-master-set", FO_LAYOUT_MASTER_SET, FO_CLASS_OTHER },
  { "simple-page-master", FO_SIMPLE_PAGE_MASTER, FO_CLASS_OTHER },
  { "region-body", FO_REGION_BODY, FO_CLASS_OTHER },
  { "region-before", FO_REGION_BEFORE, FO_CLASS_OTHER },
  { "region-after", FO_REGION_AFTER, FO_CLASS_OTHER },
  { "region-start", FO_REGION_START, FO_CLASS_OTHER },
  { "region-end", FO_REGION_END, FO_CLASS_OTHER },
  { "page-sequence-master", FO_PAGE_SEQUENCE_MASTER, FO_CLASS_OTHER },
  { "single-page-master-reference", FO_SINGLE_PAGE_MASTER_REFERENCE, FO_CLASS_OTHER },
  { "repeatable-page-master-reference", FO_REPEATABLE_PAGE_MASTER_REFERENCE, FO_CLASS_OTHER },
  { "repeatable-page-master-alternatives", FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES, FO_CLASS_OTHER },
  { "conditional-page-master-reference", FO_CONDITIONAL_PAGE_MASTER_REFERENCE, FO_CLASS_OTHER },
  { "declarations", FO_DECLARATIONS, FO_CLASS_OTHER },
  { "page-sequence", FO_PAGE_SEQUENCE, FO_CLASS_OTHER },
  { "title", FO_TITLE, FO_CLASS_OTHER },
  { "flow", FO_FLOW, FO_CLASS_OTHER },
  { "static-content", FO_STATIC_CONTENT, FO_CLASS_OTHER },
  { "block", FO_BLOCK, FO_CLASS_BLOCK },
  { "block-container", FO_BLOCK_CONTAINER, FO_CLASS_BLOCK },
  { "inline", FO_INLINE, FO_CLASS_INLINE },
  { "inline-container", FO_INLINE_CONTAINER, FO_CLASS_INLINE },
  { "wrapper", FO_WRAPPER, FO_CLASS_NEUTRAL },
  { "character", FO_CHARACTER, FO_CLASS_INLINE },
  { "leader", FO_LEADER, FO_CLASS_INLINE },
  { "external-graphic", FO_EXTERNAL_GRAPHIC, FO_CLASS_INLINE },
  { "instream-foreign-object", FO_INSTREAM_FOREIGN_OBJECT, FO_CLASS_INLINE },
  { "page-number", FO_PAGE_NUMBER, FO_CLASS_INLINE },
  { "page-number-citation", FO_PAGE_NUMBER_CITATION, FO_CLASS_INLINE },
  { "page-number-citation-last", FO_PAGE_NUMBER_CITATION_LAST, FO_CLASS_INLINE },
  { "basic-link", FO_BASIC_LINK, FO_CLASS_INLINE },
  { "table-and-caption", FO_TABLE_AND_CAPTION, FO_CLASS_BLOCK },
  { "table", FO_TABLE, FO_CLASS_BLOCK },
  { "table-caption", FO_TABLE_CAPTION, FO_CLASS_OTHER },
  { "table-column", FO_TABLE_COLUMN, FO_CLASS_OTHER },
  { "table-header", FO_TABLE_HEADER, FO_CLASS_OTHER },
  { "table-footer", FO_TABLE_FOOTER, FO_CLASS_OTHER },
  { "table-body", FO_TABLE_BODY, FO_CLASS_OTHER },
  { "table-row", FO_TABLE_ROW, FO_CLASS_OTHER },
  { "table-cell", FO_TABLE_CELL, FO_CLASS_OTHER },
  { "list-block", FO_LIST_BLOCK, FO_CLASS_BLOCK },
  { "list-item", FO_LIST_ITEM, FO_CLASS_OTHER },
  { "list-item-label", FO_LIST_ITEM_LABEL, FO_CLASS_OTHER },
  { "list-item-body", FO_LIST_ITEM_BODY, FO_CLASS_OTHER },
  { "marker", FO_MARKER, FO_CLASS_OTHER },
  { "retrieve-marker", FO_RETRIEVE_MARKER, FO_CLASS_NEUTRAL },
  { "retrieve-table-marker", FO_RETRIEVE_TABLE_MARKER, FO_CLASS_NEUTRAL },
  { "bookmark-tree", FO_BOOKMARK_TREE, FO_CLASS_OTHER },
  { "bookmark", FO_BOOKMARK, FO_CLASS_OTHER },
  { "bookmark-title", FO_BOOKMARK_TITLE, FO_CLASS_OTHER },
  { "footnote", FO_FOOTNOTE, FO_CLASS_INLINE },
  { "footnote-body", FO_FOOTNOTE_BODY, FO_CLASS_OTHER },
  { "float", FO_FLOAT, FO_CLASS_BLOCK },
  { "initial-property-set", FO_INITIAL_PROPERTY_SET, FO_CLASS_OTHER },
};

/* Looks an element name up in the table; NULL when unknown. */
static const fo_elem *
fo_elem_lookup (const char *name)
{
  for (size_t i = 0; i < G_N_ELEMENTS (fo_elems); i++)
    if (!strcmp (fo_elems[i].name, name))
      return &fo_elems[i];
  return NULL;
}

/* The name of a kind. */
const char *
gw_fo_kind_name (gw_fo_kind kind)
{
  if (kind == FO_TEXT)
    return "#text";
  for (size_t i = 0; i < G_N_ELEMENTS (fo_elems); i++)
    if (fo_elems[i].kind == kind)
      return fo_elems[i].name;
  return "?";
}

/* The class of a kind. */
gw_fo_class
gw_fo_kind_class (gw_fo_kind kind)
{
  if (kind == FO_TEXT)
    return FO_CLASS_INLINE;
  for (size_t i = 0; i < G_N_ELEMENTS (fo_elems); i++)
    if (fo_elems[i].kind == kind)
      return fo_elems[i].cls;
  return FO_CLASS_OTHER;
}

/* Allocates a node owned by the tree. */
static gw_fo *
fo_node_new (gw_fotree *tree, gw_fo_kind kind, xmlNodePtr node, gw_fo *parent)
{
  gw_fo *fo = g_new0 (gw_fo, 1);
  fo->kind = kind;
  fo->node = node;
  fo->parent = parent;
  fo->line = (int) xmlGetLineNo (node);
  fo->serial = tree->nodes->len;
  fo->props = gw_fo_props_initial (tree->pool);
  g_ptr_array_add (tree->nodes, fo);
  if (parent)
    {
      if (parent->last)
        parent->last->next = fo;
      else
        parent->first = fo;
      parent->last = fo;
    }
  return fo;
}

/* Elements whose content is text-bearing (text nodes kept). */
static gboolean
fo_keeps_text (gw_fo_kind k)
{
  switch (k)
    {
    case FO_BLOCK: case FO_INLINE: case FO_WRAPPER: case FO_BASIC_LINK: case FO_LEADER:
    case FO_TITLE: case FO_BOOKMARK_TITLE: case FO_MARKER: case FO_LIST_ITEM_LABEL:
    case FO_LIST_ITEM_BODY: case FO_TABLE_CELL: case FO_FOOTNOTE_BODY:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Builds children of `parent` from the libxml2 children of `xparent` (iterative over depth
 * via recursion bounded by the parser's depth check). */
static void
fo_build_children (gw_ctx *ctx, gw_fotree *tree, gw_fo *parent, xmlNodePtr xparent, int depth)
{
  for (xmlNodePtr x = xparent->children; x; x = x->next)
    {
      if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE)
        {
          if (!fo_keeps_text (parent->kind) && parent->kind != FO_TEXT)
            {
              gboolean blank = TRUE;
              for (const xmlChar *p = x->content; p && *p && blank; p++)
                blank = g_ascii_isspace (*p);
              if (!blank && parent->kind != FO_DECLARATIONS && parent->kind != FO_UNKNOWN)
                gw_diag_warn_once (ctx->diag, "text-in-non-text", tree->file, xmlGetLineNo (x),
                                   "text directly inside fo:%s ignored",
                                   gw_fo_kind_name (parent->kind));
              continue;
            }
          gw_fo *t = fo_node_new (tree, FO_TEXT, x, parent);
          t->style = parent->style;
          t->text = (const char *) x->content;
          if (t->line <= 0)
            t->line = parent->line;
          continue;
        }
      if (x->type != XML_ELEMENT_NODE)
        continue;
      gboolean is_fo = x->ns && !strcmp ((const char *) x->ns->href, GW_FO_NS);
      if (!is_fo)
        {
          if (parent->kind != FO_DECLARATIONS && parent->kind != FO_INSTREAM_FOREIGN_OBJECT)
            {
              char *key = g_strdup_printf ("elem:%s", x->name);
              gw_diag_warn_once (ctx->diag, key, tree->file, xmlGetLineNo (x),
                                 "element <%s> outside the XSL-FO namespace ignored", x->name);
              g_free (key);
            }
          continue;
        }
      const fo_elem *e = fo_elem_lookup ((const char *) x->name);
      if (!e)
        {
          char *key = g_strdup_printf ("elem:%s", x->name);
          gw_diag_warn_once (ctx->diag, key, tree->file, xmlGetLineNo (x),
                             "unsupported element fo:%s ignored", x->name);
          g_free (key);
          continue;
        }
      gw_fo *fo = fo_node_new (tree, e->kind, x, parent);
      fo->style = gw_style_compute (ctx, tree->pool, parent->style, x, tree->file, &fo->props);
      const char *id = fo->props->id;
      if (id)
        {
          if (g_hash_table_contains (tree->ids, id))
            gw_diag_warn (ctx->diag, tree->file, fo->line, "duplicate id '%s'", id);
          else
            g_hash_table_insert (tree->ids, (gpointer) id, fo);
        }
      if (depth < (int) ctx->limits.max_depth)
        fo_build_children (ctx, tree, fo, x, depth + 1);
      else
        gw_diag_error (ctx->diag, tree->file, fo->line, "formatting objects nested too deeply");
    }
}

/* Builds the tree. */
gw_fotree *
gw_fotree_new (gw_ctx *ctx, xmlDocPtr doc, const char *file)
{
  xmlNodePtr r = xmlDocGetRootElement (doc);
  if (!r || !r->ns || strcmp ((const char *) r->ns->href, GW_FO_NS) || strcmp ((const char *) r->name, "root"))
    {
      gw_diag_error (ctx->diag, file, r ? xmlGetLineNo (r) : 0,
                     "not an XSL-FO document (expected fo:root in namespace %s)", GW_FO_NS);
      return NULL;
    }
  gw_fotree *tree = g_new0 (gw_fotree, 1);
  tree->pool = gw_style_pool_new ();
  tree->nodes = g_ptr_array_new_with_free_func (g_free);
  tree->ids = g_hash_table_new (g_str_hash, g_str_equal); /* keys: the pool's strings */
  tree->restyled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tree->doc = doc;
  tree->file = file;
  tree->root = fo_node_new (tree, FO_ROOT, r, NULL);
  tree->root->style = gw_style_compute (ctx, tree->pool, gw_style_initial (tree->pool), r, file,
                                       &tree->root->props);
  fo_build_children (ctx, tree, tree->root, r, 1);
  return tree;
}

/* Frees the tree. */
void
gw_fotree_free (gw_fotree *tree)
{
  if (!tree)
    return;
  g_ptr_array_free (tree->nodes, TRUE);
  g_hash_table_destroy (tree->ids);
  g_hash_table_destroy (tree->restyled);
  gw_style_pool_free (tree->pool);
  g_free (tree);
}

/* First child of a kind. */
gw_fo *
gw_fo_child (const gw_fo *fo, gw_fo_kind kind)
{
  for (gw_fo *c = fo->first; c; c = c->next)
    if (c->kind == kind)
      return c;
  return NULL;
}

/* Looks up an id. */
gw_fo *
gw_fotree_lookup_id (const gw_fotree *tree, const char *id)
{
  return g_hash_table_lookup (tree->ids, id);
}

/* Copies the children of `src` under `dst`, recomputing styles from dst's style. */
static void
fo_clone_children (gw_ctx *ctx, gw_fotree *tree, const gw_fo *src, gw_fo *dst, int depth)
{
  for (const gw_fo *c = src->first; c; c = c->next)
    {
      gw_fo *n = fo_node_new (tree, c->kind, c->node, dst);
      n->line = c->line;
      n->serial = c->serial;
      n->text = c->text;
      n->props = c->props;
      n->style = c->kind == FO_TEXT ? dst->style
                                    : gw_style_compute (ctx, tree->pool, dst->style, c->node, tree->file, NULL);
      if (depth < (int) ctx->limits.max_depth)
        fo_clone_children (ctx, tree, c, n, depth + 1);
    }
}

/* The restyled copy of a marker for a retrieve-marker's style (cached). */
const gw_fo *
gw_fotree_restyled_marker (gw_ctx *ctx, gw_fotree *tree, const gw_fo *marker,
                           const gw_style *parent_style)
{
  char key[64];
  g_snprintf (key, sizeof key, "%p/%p", (const void *) marker, (const void *) parent_style);
  gw_fo *copy = g_hash_table_lookup (tree->restyled, key);
  if (copy)
    return copy;
  copy = fo_node_new (tree, FO_MARKER, marker->node, NULL);
  copy->style = parent_style;
  copy->props = marker->props;
  copy->line = marker->line;
  fo_clone_children (ctx, tree, marker, copy, 1);
  g_hash_table_insert (tree->restyled, g_strdup (key), copy);
  return copy;
}
