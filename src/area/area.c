/* area.c — allocation and ownership of the area tree. */
#include "area/area.h"

#include <string.h>


/* Frees a bookmark subtree. */
static void
bookmark_free (gpointer p)
{
  gw_bookmark *b = p;
  if (b->children)
    g_ptr_array_free (b->children, TRUE);
  g_free (b);
}

/* Creates an empty tree. */
gw_areas *
gw_areas_new (void)
{
  gw_areas *a = g_new0 (gw_areas, 1);
  a->pages = g_ptr_array_new ();
  a->strings = g_string_chunk_new (65536);
  a->chunks = g_ptr_array_new_with_free_func (g_free);
  a->fonts = g_ptr_array_new_with_free_func (g_object_unref);
  a->adopted = g_array_new (FALSE, FALSE, sizeof (gw_adopted));
  a->images = g_ptr_array_new ();
  a->bookmarks = g_ptr_array_new_with_free_func (bookmark_free);
  a->dest_pages = g_hash_table_new (g_str_hash, g_str_equal);
  a->used_in_chunk = GW_AREA_CHUNK;
  return a;
}

/* Frees the tree. */
void
gw_areas_free (gw_areas *a)
{
  if (!a)
    return;
  g_ptr_array_free (a->pages, TRUE);
  g_ptr_array_free (a->chunks, TRUE);
  for (guint i = 0; i < a->adopted->len; i++)
    {
      gw_adopted *o = &g_array_index (a->adopted, gw_adopted, i);
      o->fn (o->p);
    }
  g_array_free (a->adopted, TRUE);
  g_ptr_array_free (a->fonts, TRUE);
  for (guint i = 0; a->images_free && i < a->images->len; i++)
    a->images_free (g_ptr_array_index (a->images, i));
  g_ptr_array_free (a->images, TRUE);
  g_ptr_array_free (a->bookmarks, TRUE);
  g_hash_table_destroy (a->dest_pages);
  g_string_chunk_free (a->strings);
  g_free (a->title);
  g_free (a->author);
  g_free (a->subject);
  g_free (a->keywords);
  g_free (a->creator);
  g_free (a);
}

/* Allocates an area from the current chunk and links it. */
gw_area *
gw_area_add (gw_areas *areas, gw_area *parent, gw_area_kind kind, double x, double y, double w,
             double h)
{
  if (areas->used_in_chunk == GW_AREA_CHUNK)
    {
      g_ptr_array_add (areas->chunks, g_new0 (gw_area, GW_AREA_CHUNK));
      areas->used_in_chunk = 0;
    }
  gw_area *chunk = g_ptr_array_index (areas->chunks, areas->chunks->len - 1);
  gw_area *a = &chunk[areas->used_in_chunk++];
  a->kind = kind;
  a->x = x;
  a->y = y;
  a->w = w;
  a->h = h;
  if (parent)
    {
      if (parent->last)
        parent->last->next = a;
      else
        parent->first = a;
      parent->last = a;
    }
  else
    g_ptr_array_add (areas->pages, a);
  return a;
}

/* Copies a string into the tree. */
const char *
gw_areas_str (gw_areas *areas, const char *s, gssize len)
{
  if (!s)
    return NULL;
  return len < 0 ? g_string_chunk_insert (areas->strings, s)
                 : g_string_chunk_insert_len (areas->strings, s, len);
}

/* References a font for the tree's lifetime. */
void
gw_areas_keep_font (gw_areas *areas, PangoFont *font)
{
  g_ptr_array_add (areas->fonts, g_object_ref (font));
}

/* Moves a subtree. */
void
gw_area_translate (gw_area *a, double dx, double dy)
{
  a->x += dx;
  a->y += dy;
  if (a->kind == GW_AREA_TEXT)
    a->u.text.baseline += dy;
  for (gw_area *c = a->first; c; c = c->next)
    gw_area_translate (c, dx, dy);
}

/* Takes ownership of an object the areas show. */
void
gw_areas_adopt (gw_areas *areas, gpointer p, GDestroyNotify fn)
{
  gw_adopted o = { p, fn };
  g_array_append_val (areas->adopted, o);
}
