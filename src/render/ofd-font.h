/* ofd-font.h — the fonts of an OFD package: each font face the text areas use, the
 * characters and glyphs shown with it, and its subset cut with HarfBuzz's subsetter. */
#ifndef GW_RENDER_OFD_FONT_H
#define GW_RENDER_OFD_FONT_H

#include <glib.h>
#include <pango/pango.h>

typedef struct gw_ofd_fonts gw_ofd_fonts;

/* One face used in the document. */
typedef struct {
  guint id;              /* its resource ID */
  char *family;          /* owned: the family name */
  gpointer face;         /* hb_face_t*, referenced */
  gpointer unicodes;     /* hb_set_t*, owned: the characters shown */
  gpointer glyphs;       /* hb_set_t*, owned: the glyphs shown */
} gw_ofd_font;

/* Creates an empty font list; caller owns (gw_ofd_fonts_free). */
gw_ofd_fonts *gw_ofd_fonts_new (void);
/* Frees the list. */
void gw_ofd_fonts_free (gw_ofd_fonts *fonts);
/* The entry of `font`'s face (borrowed), made with ID *next_id (then incremented) on first
 * use. */
gw_ofd_font *gw_ofd_fonts_lookup (gw_ofd_fonts *fonts, PangoFont *font, guint *next_id);
/* Notes that character `c` is shown with glyph `glyph` of `f`. */
void gw_ofd_font_use (gw_ofd_font *f, gunichar c, guint glyph);
/* The entries in order of first use (borrowed). */
GPtrArray *gw_ofd_fonts_list (gw_ofd_fonts *fonts);
/* Cuts the subset of `f`: a new font file (caller frees), *ext its extension ("otf" for CFF
 * outlines, else "ttf"); NULL if HarfBuzz cannot subset the face. */
GBytes *gw_ofd_font_subset_new (gw_ofd_font *f, const char **ext);

#endif
