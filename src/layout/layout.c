/* layout.c — the pass loop (until cited page numbers are stable), bookmarks and document
 * metadata. */
#include "layout/lay.h"

#include <string.h>

#define MAX_PASSES 4

/* Builds the PDF outline from fo:bookmark-tree. */
static void
collect_bookmarks (lay_job *job, const gw_fo *parent, GPtrArray *out)
{
  for (const gw_fo *b = parent->first; b; b = b->next)
    {
      if (b->kind != FO_BOOKMARK)
        continue;
      gw_bookmark *bm = g_new0 (gw_bookmark, 1);
      const gw_fo *t = gw_fo_child (b, FO_BOOKMARK_TITLE);
      GString *title = g_string_new (NULL);
      if (t)
        for (const gw_fo *c = t->first; c; c = c->next)
          if (c->kind == FO_TEXT)
            g_string_append (title, c->text);
      g_strstrip (title->str);
      bm->title = gw_areas_str (job->areas, title->str, -1);
      g_string_free (title, TRUE);
      const char *dest = b->props->internal_destination;
      bm->dest = dest ? gw_areas_str (job->areas, dest, -1) : NULL;
      if (dest && !gw_fotree_lookup_id (job->tree, dest))
        gw_diag_warn (job->ctx->diag, job->tree->file, b->line, "bookmark to unknown id '%s'", dest);
      bm->open = !b->props->starting_state_hide;
      bm->children = g_ptr_array_new_with_free_func (g_free);
      collect_bookmarks (job, b, bm->children);
      g_ptr_array_add (out, bm);
    }
}

/* Reads title/author/subject/keywords/creator from fo:declarations (x:xmpmeta, Dublin Core). */
static void
collect_metadata (lay_job *job)
{
  gw_areas *a = job->areas;
  const gw_fo *decl = gw_fo_child (job->tree->root, FO_DECLARATIONS);
  if (decl)
    {
      xmlNodePtr n = decl->node;
      xmlNodePtr cur = n->children;
      while (cur && cur != n)
        {
          if (cur->type == XML_ELEMENT_NODE)
            {
              const char *name = (const char *) cur->name;
              xmlChar *txt = xmlNodeGetContent (cur);
              char *v = g_strstrip (g_strdup ((const char *) txt));
              xmlFree (txt);
              char **slot = !strcmp (name, "title")         ? &a->title
                            : !strcmp (name, "creator")     ? &a->author
                            : !strcmp (name, "description") ? &a->subject
                            : !strcmp (name, "Keywords")    ? &a->keywords
                            : !strcmp (name, "CreatorTool") ? &a->creator
                                                            : NULL;
              if (slot && !*slot && *v && !cur->children->next)
                *slot = g_strdup (v);
              g_free (v);
            }
          if (cur->children && cur->type == XML_ELEMENT_NODE)
            cur = cur->children;
          else
            {
              while (cur != n && !cur->next)
                cur = cur->parent;
              if (cur != n)
                cur = cur->next;
            }
        }
    }
  if (!a->title)
    for (const gw_fo *s = job->tree->root->first; s && !a->title; s = s->next)
      if (s->kind == FO_PAGE_SEQUENCE)
        {
          const gw_fo *t = gw_fo_child (s, FO_TITLE);
          if (t && t->node)
            {
              xmlChar *txt = xmlNodeGetContent (t->node);
              a->title = g_strstrip (g_strdup ((const char *) txt));
              xmlFree (txt);
            }
        }
}

/* Frees one page info. */
static void
page_info_free (gpointer p)
{
  lay_page_info *i = p;
  g_ptr_array_free (i->markers, TRUE);
  g_ptr_array_free (i->footnotes, TRUE);
  g_ptr_array_free (i->ending, TRUE);
  g_ptr_array_free (i->open_at_start, TRUE);
  g_free (i);
}

/* Frees the pass storage of a job. */
static void
job_clear_pass (lay_job *job)
{
  if (job->owned)
    g_ptr_array_free (job->owned, TRUE);
  job->owned = NULL;
  if (job->page_infos)
    g_ptr_array_free (job->page_infos, TRUE);
  job->page_infos = NULL;
}

/* TRUE when every citation printed this pass matches what the pass found. */
static gboolean
cites_stable (lay_job *job)
{
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, job->cites_used);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const char *now = g_hash_table_lookup (job->cites_now, k);
      if (!now && (g_str_has_prefix (k, "#pn:")
                   || !gw_fotree_lookup_id (job->tree, g_str_has_prefix (k, "#last:") ? (char *) k + 6 : k)))
        continue; /* unknown id: reported, stays "?"; a page number never placed */
      if (!now || strcmp (now, v))
        return FALSE;
    }
  return TRUE;
}

/* Runs one pass over the document. */
static void
layout_pass (lay_job *job)
{
  job->areas = gw_areas_new ();
  job->page_infos = g_ptr_array_new_with_free_func (page_info_free);
  if (job->open_markers)
    g_ptr_array_free (job->open_markers, TRUE);
  job->open_markers = g_ptr_array_new ();
  g_hash_table_remove_all (job->cites_now);
  g_hash_table_remove_all (job->cites_used);
  g_hash_table_remove_all (job->missing_reported);
  job->laid_h = 0;
  job->stopped = FALSE;
  int counter = 0;
  gboolean any = FALSE;
  for (const gw_fo *s = job->tree->root->first; s; s = s->next)
    if (s->kind == FO_PAGE_SEQUENCE)
      {
        lay_page_sequence (job, s, &counter);
        any = TRUE;
      }
  if (!any)
    gw_diag_error (job->ctx->diag, job->tree->file, job->tree->root->line, "the document has no fo:page-sequence");
  lay_static_content (job);
  const gw_fo *bt = gw_fo_child (job->tree->root, FO_BOOKMARK_TREE);
  if (bt)
    collect_bookmarks (job, bt, job->areas->bookmarks);
  collect_metadata (job);
}

/* Calls `fn` on every text area of the tree (in allocation order). */
static void
text_areas_each (gw_areas *areas, void (*fn) (gw_areas *, gw_area *, GHashTable *),
                 GHashTable *set)
{
  for (guint c = 0; c < areas->chunks->len; c++)
    {
      gw_area *chunk = g_ptr_array_index (areas->chunks, c);
      gsize n = c + 1 < areas->chunks->len ? GW_AREA_CHUNK : areas->used_in_chunk;
      for (gsize i = 0; i < n; i++)
        if (chunk[i].kind == GW_AREA_TEXT)
          fn (areas, &chunk[i], set);
    }
}

/* Adds what a text area shows to `shown` (a set of pointers). */
static void
shown_add (gw_areas *areas, gw_area *a, GHashTable *shown)
{
  g_hash_table_add (shown, a->u.text.glyphs);
  g_hash_table_add (shown, a->u.text.item);
  g_hash_table_add (shown, (gpointer) a->u.text.text);
}

/* Copies into the tree what a text area shows and the pass did not hand over (still in
 * `left`); in practice nothing: every run comes from the pass storage. */
static void
shown_copy_left (gw_areas *areas, gw_area *a, GHashTable *left)
{
  if (g_hash_table_contains (left, a->u.text.glyphs))
    {
      a->u.text.glyphs = pango_glyph_string_copy (a->u.text.glyphs);
      gw_areas_adopt (areas, a->u.text.glyphs, (GDestroyNotify) pango_glyph_string_free);
    }
  if (g_hash_table_contains (left, a->u.text.item))
    {
      a->u.text.item = pango_item_copy (a->u.text.item);
      gw_areas_adopt (areas, a->u.text.item, (GDestroyNotify) pango_item_free);
    }
  if (g_hash_table_contains (left, a->u.text.text))
    a->u.text.text = gw_areas_str (areas, a->u.text.text, -1);
}

/* Makes the area tree self-contained: the glyph strings, items and texts its text areas
 * show pass from the last layout pass to the tree (shared by the areas that show the same
 * run), so the pass can be freed whole and a renderer reads the tree alone. */
static void
layout_hand_over (lay_job *job)
{
  GHashTable *shown = g_hash_table_new (g_direct_hash, g_direct_equal);
  text_areas_each (job->areas, shown_add, shown);
  g_hash_table_remove (shown, NULL);
  lay_hand_over (job, shown, job->areas);
  if (g_hash_table_size (shown))
    text_areas_each (job->areas, shown_copy_left, shown);
  g_hash_table_destroy (shown);
}

/* Frees the pass storage (plain memory). */
static void
store_free (GPtrArray *store)
{
  g_ptr_array_free (store, TRUE);
}

/* Lays out the whole document, repeating passes until citations are stable. */
gw_areas *
gw_layout_run (gw_ctx *ctx, gw_fonts *fonts, gw_fotree *tree)
{
  lay_job job = { 0 };
  job.ctx = ctx;
  job.fonts = fonts;
  job.tree = tree;
  job.cites_prev = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job.cites_now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job.cites_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job.images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lay_image_free);
  job.missing_reported = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (job.pass = 1; job.pass <= MAX_PASSES; job.pass++)
    {
      job.store = g_ptr_array_new_with_free_func (g_free);
      layout_pass (&job);
      gboolean stable = cites_stable (&job) || gw_diag_failed (ctx->diag);
      if (stable || job.pass == MAX_PASSES)
        {
          if (!stable)
            gw_diag_warn (ctx->diag, tree->file, 0, "page-number citations did not settle after %d passes", MAX_PASSES);
          if (job.areas)
            layout_hand_over (&job); /* the area tree keeps what it shows */
          job_clear_pass (&job);
          store_free (job.store);
          break;
        }
      /* next pass: what this pass found */
      GHashTable *t = job.cites_prev;
      job.cites_prev = job.cites_now;
      job.cites_now = t;
      gw_areas_free (job.areas);
      job.areas = NULL;
      job_clear_pass (&job);
      store_free (job.store);
    }
  gw_areas *areas = job.areas;
  /* the area tree shows the images: hand them over */
  if (areas)
    {
      GHashTableIter it;
      gpointer k, v;
      g_hash_table_iter_init (&it, job.images);
      while (g_hash_table_iter_next (&it, &k, &v))
        {
          g_ptr_array_add (areas->images, v);
          g_hash_table_iter_steal (&it);
          g_free (k);
        }
      areas->images_free = lay_image_free;
    }
  g_hash_table_destroy (job.cites_prev);
  g_hash_table_destroy (job.cites_now);
  g_hash_table_destroy (job.cites_used);
  g_hash_table_destroy (job.images);
  g_hash_table_destroy (job.missing_reported);
  if (job.open_markers)
    g_ptr_array_free (job.open_markers, TRUE);
  /* font descriptions cached by style pointer die with the tree's styles */
  g_hash_table_remove_all (fonts->desc_by_style);
  if (gw_diag_failed (ctx->diag))
    {
      gw_areas_free (areas);
      return NULL;
    }
  return areas;
}
