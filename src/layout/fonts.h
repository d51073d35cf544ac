/* fonts.h — the font machinery of a job: a private fontconfig configuration (fonts/fonts.conf
 * plus fonts/ as an application font directory, so licensed fonts dropped there win), a Pango
 * font map and context at 72 dpi (1 unit = 1 pt) with hinting off for exact positions. */
#ifndef GW_FONTS_H
#define GW_FONTS_H

#include "base/ctx.h"
#include "fo/style.h"
#include "layout/shape.h"
#include <pango/pango.h>

struct gw_fonts {
  /* owned */
  PangoFontMap *fontmap;
  PangoContext *context;
  GHashTable *descs;        /* "family|size|weight|italic" → PangoFontDescription* */
  GHashTable *desc_by_style;/* const gw_style* → description (borrowed from descs) */
  GHashTable *metrics;      /* PangoFont* → double[2] ascent, descent (pt) */
  GHashTable *font_for_desc;/* PangoFontDescription key → PangoFont* (primary font) */
  gw_shape_cache *shapes;   /* paragraphs shaped recently (across documents) */
  char *config_file;
};

typedef struct gw_fonts gw_fonts;

/* Creates the fonts of a job (caller owns, gw_fonts_free): the driver makes them once and
 * hands them to every layout, so the shaping cache serves across documents. */
gw_fonts *gw_fonts_new (gw_ctx *ctx) G_GNUC_WARN_UNUSED_RESULT;
/* Frees the fonts of a job. */
void gw_fonts_free (gw_fonts *fonts);
/* The font description for a style (borrowed, cached). */
const PangoFontDescription *gw_fonts_desc (gw_fonts *fonts, const gw_style *st);
/* Ascent and descent in pt of a font at its size (cached). */
void gw_fonts_metrics (gw_fonts *fonts, PangoFont *font, double *ascent, double *descent);
/* The primary font for a style (borrowed, cached). */
PangoFont *gw_fonts_primary (gw_fonts *fonts, const gw_style *st);
/* Prints the role → font mapping in effect to `out`, and warns through `diag` of each GB/T 9704
 * role (or licensed name) served by a face of another style (the 仿宋 role by a 宋体 face);
 * returns the number of such roles. */
int gw_fonts_print_roles (gw_fonts *fonts, gw_diag *diag, FILE *out);
/* The GB/T 9704 type style ("小标宋", "仿宋", "楷体", "黑体", "宋体") a font family's name
 * shows (FangSong_GB2312 → 仿宋, Noto Serif CJK SC → 宋体), or NULL when it shows none. */
const char *gw_fonts_family_style (const char *family);
/* Names the font file that draws `ch` for a family list, or NULL (caller frees). */
char *gw_fonts_font_for_char (gw_fonts *fonts, const char *family, gunichar ch);

#endif
