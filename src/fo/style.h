/* style.h — computed XSL-FO properties of one formatting object.
 *
 * One flat struct holds every inheritable or layout-wide property; properties that belong to
 * one kind of element (page-width, column-width, id…) are parsed into gw_fo_props (props.h).
 * Computing a style = copy the parent style, reset the non-inherited fields to their initial
 * values, then apply the specified attributes by rank (shorthands before the properties they
 * set: XSL 1.1 §5.2) — all of it driven by the property table (prop-table.c).  Computed
 * styles are interned per document (gw_style_pool), so equal styles share one struct. */
#ifndef GW_STYLE_H
#define GW_STYLE_H

#include "base/ctx.h"
#include "base/paint.h" /* gw_rgba, gw_bstyle, gw_border */
#include <libxml/tree.h>

/* A length that may depend on layout (percent of the containing block, label-end()). */
typedef enum {
  GW_LEN_AUTO,   /* "auto" / unspecified */
  GW_LEN_ABS,    /* value in pt */
  GW_LEN_PCT,    /* value in percent of the reference dimension */
  GW_LEN_LABEL_END,
  GW_LEN_BODY_START
} gw_len_kind;

typedef struct { gw_len_kind kind; double v; } gw_len;

/* space-before/after and letter-spacing: min/optimum/max + conditionality + precedence. */
typedef struct {
  double min, opt, max;
  gboolean discard;   /* conditionality="discard" (the default for spaces) */
  int precedence;     /* G_MAXINT = force */
} gw_space;

enum { GW_SIDE_BEFORE, GW_SIDE_AFTER, GW_SIDE_START, GW_SIDE_END }; /* top, bottom, left, right */

typedef enum { GW_ALIGN_START, GW_ALIGN_CENTER, GW_ALIGN_END, GW_ALIGN_JUSTIFY,
               GW_ALIGN_INSIDE, GW_ALIGN_OUTSIDE, GW_ALIGN_RELATIVE } gw_align;
typedef enum { GW_BREAK_AUTO, GW_BREAK_PAGE, GW_BREAK_ODD, GW_BREAK_EVEN,
               GW_BREAK_COLUMN } gw_break;
typedef enum { GW_LF_TREAT_AS_SPACE, GW_LF_IGNORE, GW_LF_PRESERVE,
               GW_LF_ZERO_WIDTH } gw_lf;
typedef enum { GW_WS_IGNORE_IF_SURROUNDING, GW_WS_IGNORE, GW_WS_PRESERVE,
               GW_WS_IGNORE_BEFORE_LF, GW_WS_IGNORE_AFTER_LF } gw_ws;
typedef enum { GW_DALIGN_AUTO, GW_DALIGN_BEFORE, GW_DALIGN_CENTER, GW_DALIGN_AFTER } gw_dalign;
typedef enum { GW_POS_STATIC, GW_POS_ABSOLUTE, GW_POS_FIXED } gw_position;

/* The computed style.  Every field belongs to a row of the property table (prop-table.c),
 * which gives its initial value, whether it is inherited, how it is hashed and compared.
 * No padding between fields (checked by -Wpadded below): the unit test proves that the
 * table's fields cover every byte, so a field without a row cannot go unnoticed.
 * 8-byte fields first, then the 4-byte ones (keep their count even). */
#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wpadded"
typedef struct gw_style {
  /* inherited */
  const char *font_family;   /* interned string, comma-separated list */
  double font_size;          /* pt */
  gw_rgba color;
  double line_height;        /* pt; <0 = "normal" (1.2 × font-size) */
  double line_height_factor; /* > 0 when given as a number: scales with font-size */
  gw_len text_indent, last_line_end_indent;
  gw_len start_indent, end_indent;
  gw_space letter_spacing;   /* opt = 0 for "normal" */
  double word_spacing;
  double border_sep_ipd, border_sep_bpd;
  double grid_char_pitch, grid_line_pitch; /* pt; 0 = from font-size / line-height */
  /* not inherited */
  gw_space space_before, space_after;
  double padding[4];
  gw_border border[4];
  gw_rgba background;
  gw_len width, height, top, left, right, bottom;
  double baseline_shift;     /* pt, positive = up */
  int baseline_shift_kind;   /* 0 length, 1 super, 2 sub (follows baseline_shift: one row) */
  /* inherited */
  int font_weight;           /* 100..900 */
  gboolean italic;
  gw_align text_align, text_align_last;
  gboolean ws_collapse;
  gw_lf linefeed;
  gw_ws ws_treatment;
  gboolean wrap;
  int widows, orphans;
  int keep_together;         /* 0 auto, 1.. strength, G_MAXINT always */
  gboolean underline, overline, line_through;
  gw_dalign display_align;
  gboolean border_collapse;  /* border-collapse="collapse" */
  gboolean grid;             /* gx:grid — GB/T 9704 character grid */
  /* not inherited */
  gboolean padding_discard[4]; /* .conditionality (before/after) */
  gw_break break_before, break_after;
  int keep_with_next, keep_with_previous;
  gw_position position;
  int reference_orientation; /* degrees, normalised to 0, 90, 180 or 270 (-90 → 270) */
} gw_style;
#pragma GCC diagnostic pop

typedef struct gw_style_pool gw_style_pool;

/* Creates a pool of interned styles; caller owns (gw_style_pool_free). */
gw_style_pool *gw_style_pool_new (void);
/* Frees every style and string in the pool. */
void gw_style_pool_free (gw_style_pool *pool);
/* The initial style of a document (A4 defaults, 12 pt); borrowed from the pool. */
const gw_style *gw_style_initial (gw_style_pool *pool);
/* Interns a string in the pool; borrowed result lives as long as the pool. */
const char *gw_style_intern_str (gw_style_pool *pool, const char *s);

typedef struct gw_fo_props gw_fo_props;

/* Computes the style of `node` from its parent's computed style and its attributes, and
 * (when `props` is not NULL) its element-specific properties.  Reports invalid values
 * (FILE:LINE) and unsupported properties (once). Borrowed results (the pool's). */
const gw_style *gw_style_compute (gw_ctx *ctx, gw_style_pool *pool, const gw_style *parent,
                                  xmlNodePtr node, const char *file, const gw_fo_props **props);

/* Parses a length ("12pt", "3mm", "1.5em", "50%"); font_size resolves em. FALSE if invalid. */
gboolean gw_parse_length (const char *s, double font_size, gw_len *out);
/* Parses a colour (#rgb, #rrggbb, names, rgb(r,g,b)). FALSE if invalid. */
gboolean gw_parse_color (const char *s, gw_rgba *out);
/* Resolves a length against a reference dimension (percent base); auto → dflt. */
double gw_len_resolve (gw_len l, double ref, double dflt);
/* The line height in pt of a style (resolves "normal" and numbers). */
double gw_style_line_height (const gw_style *st);
/* TRUE if the property name is one gongwen understands (for warnings). */
gboolean gw_style_known_property (const char *name);

#endif
