/* ofd-font.c — the fonts of an OFD package, embedded as subsets cut by hb-subset. */
#include "render/ofd-font.h"

#include <hb-subset.h>
#include <hb.h>

struct gw_ofd_fonts {
  /* owned */
  GHashTable *by_face;   /* hb_face_t* → gw_ofd_font* (borrowed from list) */
  GPtrArray *list;       /* gw_ofd_font*, owned, in order of first use */
};

/* Frees one entry. */
static void
ofd_font_free (gpointer p)
{
  gw_ofd_font *f = p;
  g_free (f->family);
  hb_face_destroy (f->face);
  hb_set_destroy (f->unicodes);
  hb_set_destroy (f->glyphs);
  g_free (f);
}

/* Creates an empty list. */
gw_ofd_fonts *
gw_ofd_fonts_new (void)
{
  gw_ofd_fonts *fonts = g_new0 (gw_ofd_fonts, 1);
  fonts->by_face = g_hash_table_new (NULL, NULL);
  fonts->list = g_ptr_array_new_with_free_func (ofd_font_free);
  return fonts;
}

/* Frees the list. */
void
gw_ofd_fonts_free (gw_ofd_fonts *fonts)
{
  if (!fonts)
    return;
  g_hash_table_destroy (fonts->by_face);
  g_ptr_array_unref (fonts->list);
  g_free (fonts);
}

/* The entry of a font's face, made on first use. */
gw_ofd_font *
gw_ofd_fonts_lookup (gw_ofd_fonts *fonts, PangoFont *font, guint *next_id)
{
  hb_font_t *hb = pango_font_get_hb_font (font);
  hb_face_t *face = hb ? hb_font_get_face (hb) : NULL;
  if (!face)
    return NULL;
  gw_ofd_font *f = g_hash_table_lookup (fonts->by_face, face);
  if (f)
    return f;
  f = g_new0 (gw_ofd_font, 1);
  f->id = (*next_id)++;
  PangoFontDescription *d = pango_font_describe (font);
  f->family = g_strdup (pango_font_description_get_family (d) ? pango_font_description_get_family (d) : "font");
  pango_font_description_free (d);
  f->face = hb_face_reference (face);
  f->unicodes = hb_set_create ();
  f->glyphs = hb_set_create ();
  g_hash_table_insert (fonts->by_face, face, f);
  g_ptr_array_add (fonts->list, f);
  return f;
}

/* Notes a character and its glyph. */
void
gw_ofd_font_use (gw_ofd_font *f, gunichar c, guint glyph)
{
  hb_set_add (f->unicodes, c);
  hb_set_add (f->glyphs, glyph);
}

/* The entries in order. */
GPtrArray *
gw_ofd_fonts_list (gw_ofd_fonts *fonts)
{
  return fonts->list;
}

/* Frees a blob handed to GBytes. */
static void
blob_unref (gpointer p)
{
  hb_blob_destroy (p);
}

/* Cuts the subset: the characters shown (with their cmap entries, so a reader maps the
 * TextCode's characters to glyphs) and the glyphs shaping chose. */
GBytes *
gw_ofd_font_subset_new (gw_ofd_font *f, const char **ext)
{
  hb_subset_input_t *in = hb_subset_input_create_or_fail ();
  if (!in)
    return NULL;
  hb_set_union (hb_subset_input_unicode_set (in), f->unicodes);
  hb_set_union (hb_subset_input_glyph_set (in), f->glyphs);
  hb_face_t *sub = hb_subset_or_fail (f->face, in);
  hb_subset_input_destroy (in);
  if (!sub)
    return NULL;
  hb_blob_t *blob = hb_face_reference_blob (sub);
  hb_blob_t *cff = hb_face_reference_table (sub, HB_TAG ('C', 'F', 'F', ' '));
  *ext = hb_blob_get_length (cff) ? "otf" : "ttf";
  hb_blob_destroy (cff);
  hb_face_destroy (sub);
  unsigned int len;
  const char *data = hb_blob_get_data (blob, &len);
  if (!len)
    {
      hb_blob_destroy (blob);
      return NULL;
    }
  return g_bytes_new_with_free_func (data, len, blob_unref, blob);
}
