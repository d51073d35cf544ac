/* prop.h — the property table's row type, the parsing job and the value parsers (private to
 * src/fo: style.c computes styles with them, prop-table.c lists the rows, prop-parse.c and
 * prop-element.c hold the parsers, value.c the value grammar shared by all of them). */
#ifndef GW_PROP_H
#define GW_PROP_H

#include "fo/intern.h"
#include "fo/props.h"

/* The order in which specified properties are applied (XSL 1.1 §5.2): a property of a higher
 * rank overrides what one of a lower rank set, whatever the attribute order; within a rank the
 * attribute order decides (a stable sort). */
typedef enum {
  GW_RANK_FONT,      /* the font shorthand (its em lengths are the parent's) */
  GW_RANK_FONT_SIZE, /* font-size: every other em length is relative to it */
  GW_RANK_SHORTHAND, /* border, margin, padding, white-space, border-spacing */
  GW_RANK_ALL_SIDES, /* border-width, border-style, border-color */
  GW_RANK_ONE_SIDE,  /* border-top, border-before, … */
  GW_RANK_SPECIFIC,  /* everything else */
  GW_RANK_COMPONENT  /* NAME.component (space-before.minimum, keep-together.within-page) */
} gw_prop_rank;

/* Row flags. */
enum {
  GW_PROP_INHERITED = 1, /* the child's value starts from the parent's */
  GW_PROP_ELEMENT = 2,   /* the field is in gw_fo_props, not gw_style */
  GW_PROP_COMPOUND = 4,  /* NAME.component attributes are parsed by this row */
  GW_PROP_SHORTHAND = 8  /* sets other rows' fields; its own field only spans theirs */
};

/* How a field is hashed and compared (its padding is never read). */
typedef enum {
  GW_T_NONE,  /* no field */
  GW_T_F64,   /* size / 8 doubles */
  GW_T_I32,   /* size / 4 ints, enums, gbooleans */
  GW_T_STR,   /* an interned string: the pointer */
  GW_T_LEN,   /* size / sizeof (gw_len) lengths */
  GW_T_SPACE, /* a gw_space */
  GW_T_SHIFT  /* a double followed by an int (baseline-shift and its kind) */
} gw_prop_type;

typedef struct prop_job prop_job;
typedef struct gw_prop_row gw_prop_row;

/* Parses value `v` (stripped, not "inherit") into `field` (the row's field in the style or
 * element properties being computed). FALSE if invalid: the caller then restores the field
 * (a shorthand's or a row without a field: the whole style), so a parser of a row with a
 * field touches nothing else before it succeeds (flags such as space_before_set last). */
typedef gboolean (*gw_prop_parse) (prop_job *j, const gw_prop_row *row, const char *v, void *field);

struct gw_prop_row {
  const char *name;           /* exact property name (table sorted by it) */
  guint8 rank;                /* gw_prop_rank */
  guint8 flags;               /* GW_PROP_* */
  guint8 type;                /* gw_prop_type of the field */
  guint16 offset, size;       /* the field (size 0: none) */
  gw_prop_parse parse;
  const char *initial;        /* initial value, parsed at pool creation; NULL = all zero */
  int arg;                    /* parser argument (a side index, a keyword's offset…) */
  const char *const *words;   /* keywords of p_keyword (value = index) */
};

/* The state of one style computation, handed to every parser. */
struct prop_job {
  /* borrowed */
  gw_ctx *ctx;
  gw_strings *strings;        /* the pool's */
  const gw_style *parent;
  gw_style *st;               /* being computed */
  gw_fo_props *el;            /* being computed */
  const char *file;
  xmlNodePtr node;
  const char *name;           /* the attribute's name */
  const char *component;      /* after the '.' of a compound's component, or NULL */
  /* values */
  gboolean space_before_set, space_after_set;
  gboolean border_color_set[4]; /* else the border takes the element's own color */
};

/* The table (prop-table.c), sorted by name, and its length. */
extern const gw_prop_row gw_prop_table[];
extern const gsize gw_prop_table_len;
/* The row of an attribute name (exact, or the compound row of NAME.component; sets
 * *component then), or NULL. */
const gw_prop_row *gw_prop_lookup (const char *name, const char **component);

/* ---- value grammar (value.c) ---- */
/* Parses a number with the C locale; advances *end. */
gboolean gw_value_number (const char *s, double *v, const char **end);
/* Index of `v` in a NULL-terminated keyword list. */
gboolean gw_value_keyword (const char *v, const char *const *words, int *out);
/* Splits a value into at most 4 space-separated parts (respecting parentheses); -1 if more. */
int gw_value_split (const char *v, char parts[4][64]);
/* Expands 1–4 values to top, bottom, left, right (CSS order top right bottom left). */
gboolean gw_value_four_sides (const char *v, char out[4][64]);
/* Side index 0..3 (top/before, bottom/after, left/start, right/end) of a side word or -1. */
int gw_value_side (const char *w);
/* An integer within [lo, hi], the whole string. */
gboolean gw_value_int (const char *v, long lo, long hi, int *out);

/* ---- parsers of style properties (prop-parse.c) ---- */
gboolean p_keyword (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_bool (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_len (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_abs_len (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_color (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_font (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_font_size (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_font_family (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_font_weight (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_font_style (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_line_height (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_align (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_indent (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_space (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_letter_spacing (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_word_spacing (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_padding (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_padding_side (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_padding_cond (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_border (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_border_side (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_border_all (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_border_width (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_border_style (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_border_color (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_border_separation (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_keep (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_count (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_text_decoration (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_baseline_shift (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_white_space (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_wrap (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_border_collapse (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_box_len (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_position (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_grid_pitch (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_reference_orientation (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_unsupported (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_accept (prop_job *j, const gw_prop_row *row, const char *v, void *field);

/* ---- parsers of element-specific properties (prop-element.c) ---- */
gboolean p_string (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_margin (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_margin_side (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_page_dim (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_extent (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_initial_page_number (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_maximum_repeats (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_int_range (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_column_width (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_content_size (prop_job *j, const gw_prop_row *row, const char *v, void *field);
gboolean p_leader_length (prop_job *j, const gw_prop_row *row, const char *v, void *field);

#endif
