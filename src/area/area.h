/* area.h — the positioned area tree: what layout produces and render paints.
 *
 * Coordinates are absolute on the page, in pt, origin top-left, y down.  Every area of a
 * document is owned by its gw_areas; the whole tree is freed with gw_areas_free().  The tree
 * is self-contained: it owns (or holds a reference to) everything it shows (glyph runs,
 * their fonts and text, images), so layout frees its passes and any renderer reads the tree
 * alone. */
#ifndef GW_AREA_H
#define GW_AREA_H

#include "base/diag.h"
#include "base/paint.h"
#include <pango/pango.h>

typedef enum {
  GW_AREA_PAGE, GW_AREA_REGION, GW_AREA_BLOCK, GW_AREA_LINE, GW_AREA_TEXT, GW_AREA_RULE,
  GW_AREA_IMAGE, GW_AREA_LINK, GW_AREA_DEST
} gw_area_kind;

/* A decoded image, loaded by layout (layout/image.c), painted by render. */
typedef struct gw_image {
  char *path;
  double w, h;               /* intrinsic size in pt (upright) */
  gpointer surface;          /* cairo_surface_t* (raster; a JPEG carries its file as mime data) */
  guint orientation;         /* EXIF orientation 1–8 of the surface's pixels (render turns them) */
  gpointer svg;              /* RsvgHandle* (SVG) or NULL */
} gw_image;

typedef struct gw_area gw_area;
struct gw_area {
  gw_area_kind kind;
  double x, y, w, h;
  /* owned by the gw_areas */
  gw_area *first, *last, *next;
  const char *name;          /* PAGE: page label; REGION: region name; BLOCK: fo kind;
                                LINK: destination; DEST: id (interned in gw_areas) */
  union {
    struct {                 /* BLOCK (and REGION: orient only) */
      gw_border border[4];
      gw_rgba background;
      gboolean clip;
      gboolean collapsed;    /* borders centred on the edges */
      int orient;            /* reference-orientation 0/90/180/270 (counter-clockwise) of the
                                children: they are placed in a frame with the same top left
                                (x, y), w and h exchanged for 90/270, which render turns
                                onto this area's rectangle (its own border stays unturned) */
    } box;
    struct {                 /* TEXT: one glyph run */
      double baseline;       /* absolute y of the baseline */
      /* owned by the gw_areas (gw_areas_adopt), shared by areas that show the same run */
      PangoFont *font;       /* referenced (gw_areas_keep_font) */
      PangoGlyphString *glyphs;
      PangoItem *item;       /* offset 0 within text */
      const char *text;      /* the run's UTF-8 text */
      gw_rgba color;
      gboolean underline, line_through, overline;
      double font_size;
    } text;
    struct {                 /* RULE: a line from (x,y) to (x+w, y+h) of given thickness */
      double thickness;
      gw_bstyle style;
      gw_rgba color;
    } rule;
    struct {                 /* IMAGE */
      gw_image *image;       /* referenced */
    } image;
    struct {                 /* LINK */
      gboolean external;
    } link;
    struct {                 /* PAGE */
      double width, height;
      int number;            /* page number as counted */
      gboolean blank;
    } page;
  } u;
};

typedef struct gw_bookmark gw_bookmark;
struct gw_bookmark {
  const char *title;
  const char *dest;          /* internal id, or NULL */
  gboolean open;
  GPtrArray *children;       /* gw_bookmark*, owned */
};

typedef struct { gpointer p; GDestroyNotify fn; } gw_adopted;

#define GW_AREA_CHUNK 256          /* areas per memory block of gw_areas.chunks */

typedef struct gw_areas {
  /* owned */
  GPtrArray *pages;          /* gw_area* of kind PAGE */
  GStringChunk *strings;
  GPtrArray *chunks;         /* memory blocks of GW_AREA_CHUNK areas, the last one filled up
                                to used_in_chunk */
  GPtrArray *fonts;          /* referenced fonts */
  GArray *adopted;           /* gw_adopted: what the areas show, freed with the tree */
  GPtrArray *images;         /* gw_image* owned (freed with images_free) */
  GDestroyNotify images_free;
  GPtrArray *bookmarks;      /* top-level gw_bookmark* */
  GHashTable *dest_pages;    /* id → page index + 1 (GINT_TO_POINTER) */
  /* values */
  char *title, *author, *subject, *keywords, *creator;
  gsize used_in_chunk;
} gw_areas;

/* Creates an empty area tree; caller owns (gw_areas_free). */
gw_areas *gw_areas_new (void);
/* Frees the tree and everything it references. */
void gw_areas_free (gw_areas *areas);
/* Allocates an area of `kind` and appends it to `parent` (NULL: a page, appended to pages). */
gw_area *gw_area_add (gw_areas *areas, gw_area *parent, gw_area_kind kind, double x, double y,
                      double w, double h);
/* Copies a string into the tree's storage (borrowed result). */
const char *gw_areas_str (gw_areas *areas, const char *s, gssize len);
/* Keeps a reference to `font` for as long as the tree lives. */
void gw_areas_keep_font (gw_areas *areas, PangoFont *font);
/* Makes the tree the owner of `p`, freed with `fn` when the tree is freed: the glyph strings,
 * items and texts its text areas show, handed over by layout. */
void gw_areas_adopt (gw_areas *areas, gpointer p, GDestroyNotify fn);
/* Moves an area subtree by (dx, dy). */
void gw_area_translate (gw_area *a, double dx, double dy);
/* Writes the area tree as XML (positions in pt, 2 decimals, locale-independent). */
gboolean gw_areas_dump_xml (const gw_areas *areas, const char *path, gw_diag *diag)
  G_GNUC_WARN_UNUSED_RESULT;

#endif
