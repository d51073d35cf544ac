/* prop-table.c — THE property table: one row per property, sorted by name.
 *
 * A row says everything about a property: its name; its rank (when it is applied: shorthands
 * before the properties they set, XSL 1.1 §5.2); whether it is inherited, element-specific
 * (a field of gw_fo_props) or a shorthand, or takes NAME.component attributes; its parser; its
 * field (offset and size in gw_style or gw_fo_props) and how that field is hashed; its initial
 * value, written as in FO and parsed by the same parser when a pool is created ("V;.comp=W"
 * sets components after the value).  From the rows follow the initial style, which fields a
 * child inherits and which are reset, style hashing and comparison (style.c).
 *
 * Adding a property:
 *   1. a field in gw_style (style.h; inherited fields among the inherited, 8-byte ones before
 *      the 4-byte ones: -Wpadded refuses a gap) or, for a property of one kind of element, in
 *      gw_fo_props (props.h);
 *   2. one row below, in name order (the unit test checks the order and that every byte of
 *      gw_style belongs to a row), with an existing parser (p_keyword + a word list, p_len,
 *      p_abs_len, p_color, p_bool, p_string…) or a new one in prop-parse.c / prop-element.c.
 * Layout then reads the field; it never reads the attribute. */
#include "fo/prop.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* keyword lists of p_keyword (the value stored is the index) */
static const char *const w_break[] = { "auto", "page", "odd-page", "even-page", "column", NULL };
static const char *const w_dalign[] = { "auto", "before", "center", "after", NULL };
static const char *const w_linefeed[] = { "treat-as-space", "ignore", "preserve",
                                          "treat-as-zero-width-space", NULL };
static const char *const w_wstreat[] = { "ignore-if-surrounding-linefeed", "ignore", "preserve",
                                         "ignore-if-before-linefeed", "ignore-if-after-linefeed",
                                         NULL };
static const char *const w_fpc[] = { "auto", "even", "odd", "end-on-even", "end-on-odd",
                                     "no-force", NULL };
static const char *const w_page_position[] = { "any", "first", "last", "rest", "only", NULL };
static const char *const w_odd_even[] = { "any", "odd", "even", NULL };
static const char *const w_blank[] = { "any", "blank", "not-blank", NULL };
static const char *const w_retrieve_pos[] = { "first-starting-within-page",
                                              "first-including-carryover",
                                              "last-starting-within-page",
                                              "last-ending-within-page", NULL };
static const char *const w_retrieve_bnd[] = { "page-sequence", "page", "document", NULL };
static const char *const w_retrieve_tpos[] = { "first-starting-within-table",
                                               "first-including-carryover",
                                               "last-starting-within-table",
                                               "last-ending-within-table", NULL };
static const char *const w_retrieve_tbnd[] = { "table", "table-fragment", "page", NULL };
static const char *const w_table_layout[] = { "fixed", "auto", NULL };
static const char *const w_starting_state[] = { "show", "hide", NULL };
static const char *const w_scaling[] = { "uniform", "non-uniform", NULL };
static const char *const w_hanging[] = { "", "none", "allow-end", NULL }; /* 0: not given */
static const char *const w_leader[] = { "space", "rule", "dots", "use-content", NULL };

/* field of the style, span of adjacent style fields, field of the element properties, none */
#define S(f) offsetof (gw_style, f), sizeof (((gw_style *) 0)->f)
#define SPAN(a, b) offsetof (gw_style, a), offsetof (gw_style, b) + sizeof (((gw_style *) 0)->b) - offsetof (gw_style, a)
#define E(f) offsetof (gw_fo_props, f), sizeof (((gw_fo_props *) 0)->f)
#define NOF 0, 0
#define INH GW_PROP_INHERITED
#define EL GW_PROP_ELEMENT
#define CPD GW_PROP_COMPOUND
#define SHORT GW_PROP_SHORTHAND
#define R_FONT GW_RANK_FONT
#define R_FS GW_RANK_FONT_SIZE
#define R_SH GW_RANK_SHORTHAND
#define R_ALL GW_RANK_ALL_SIDES
#define R_SIDE GW_RANK_ONE_SIDE
#define R_SP GW_RANK_SPECIFIC
#define R_COMP GW_RANK_COMPONENT

/* name, rank, flags, hash type, field, parser, initial value, parser argument, keywords */
const gw_prop_row gw_prop_table[] = {
  { "absolute-position", R_SP, 0, GW_T_I32, S (position), p_position, NULL, 0, NULL },
  { "alignment-adjust", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "alignment-baseline", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "auto-restore", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "background-color", R_SP, 0, GW_T_F64, S (background), p_color, "transparent", 0, NULL },
  { "baseline-shift", R_SP, 0, GW_T_SHIFT, SPAN (baseline_shift, baseline_shift_kind), p_baseline_shift, "baseline", 0, NULL },
  { "blank-or-not-blank", R_SP, EL, GW_T_NONE, E (blank_or_not_blank), p_keyword, "any", 0, w_blank },
  { "block-progression-dimension", R_SP, CPD, GW_T_LEN, S (height), p_box_len, "auto", 1, NULL },
  { "border", R_SH, SHORT, GW_T_NONE, S (border), p_border, NULL, 0, NULL },
  { "border-after", R_SIDE, SHORT, GW_T_NONE, S (border[1]), p_border_side, NULL, 1, NULL },
  { "border-after-color", R_SP, 0, GW_T_F64, S (border[1].color), p_border_color, "black", 1, NULL },
  { "border-after-style", R_SP, 0, GW_T_I32, S (border[1].style), p_border_style, "none", 1, NULL },
  { "border-after-width", R_SP, CPD, GW_T_F64, S (border[1].width), p_border_width, "medium", 1, NULL },
  { "border-before", R_SIDE, SHORT, GW_T_NONE, S (border[0]), p_border_side, NULL, 0, NULL },
  { "border-before-color", R_SP, 0, GW_T_F64, S (border[0].color), p_border_color, "black", 0, NULL },
  { "border-before-style", R_SP, 0, GW_T_I32, S (border[0].style), p_border_style, "none", 0, NULL },
  { "border-before-width", R_SP, CPD, GW_T_F64, S (border[0].width), p_border_width, "medium", 0, NULL },
  { "border-bottom", R_SIDE, SHORT, GW_T_NONE, S (border[1]), p_border_side, NULL, 1, NULL },
  { "border-bottom-color", R_SP, 0, GW_T_F64, S (border[1].color), p_border_color, "black", 1, NULL },
  { "border-bottom-style", R_SP, 0, GW_T_I32, S (border[1].style), p_border_style, "none", 1, NULL },
  { "border-bottom-width", R_SP, CPD, GW_T_F64, S (border[1].width), p_border_width, "medium", 1, NULL },
  { "border-collapse", R_SP, INH, GW_T_I32, S (border_collapse), p_border_collapse, "separate", 0, NULL },
  { "border-color", R_ALL, SHORT, GW_T_NONE, NOF, p_border_all, NULL, 2, NULL },
  { "border-end", R_SIDE, SHORT, GW_T_NONE, S (border[3]), p_border_side, NULL, 3, NULL },
  { "border-end-color", R_SP, 0, GW_T_F64, S (border[3].color), p_border_color, "black", 3, NULL },
  { "border-end-style", R_SP, 0, GW_T_I32, S (border[3].style), p_border_style, "none", 3, NULL },
  { "border-end-width", R_SP, CPD, GW_T_F64, S (border[3].width), p_border_width, "medium", 3, NULL },
  { "border-left", R_SIDE, SHORT, GW_T_NONE, S (border[2]), p_border_side, NULL, 2, NULL },
  { "border-left-color", R_SP, 0, GW_T_F64, S (border[2].color), p_border_color, "black", 2, NULL },
  { "border-left-style", R_SP, 0, GW_T_I32, S (border[2].style), p_border_style, "none", 2, NULL },
  { "border-left-width", R_SP, CPD, GW_T_F64, S (border[2].width), p_border_width, "medium", 2, NULL },
  { "border-right", R_SIDE, SHORT, GW_T_NONE, S (border[3]), p_border_side, NULL, 3, NULL },
  { "border-right-color", R_SP, 0, GW_T_F64, S (border[3].color), p_border_color, "black", 3, NULL },
  { "border-right-style", R_SP, 0, GW_T_I32, S (border[3].style), p_border_style, "none", 3, NULL },
  { "border-right-width", R_SP, CPD, GW_T_F64, S (border[3].width), p_border_width, "medium", 3, NULL },
  { "border-separation", R_SP, INH | CPD, GW_T_F64, SPAN (border_sep_ipd, border_sep_bpd), p_border_separation, "0pt", 0, NULL },
  { "border-spacing", R_SH, INH | SHORT, GW_T_NONE, SPAN (border_sep_ipd, border_sep_bpd), p_border_separation, NULL, 0, NULL },
  { "border-start", R_SIDE, SHORT, GW_T_NONE, S (border[2]), p_border_side, NULL, 2, NULL },
  { "border-start-color", R_SP, 0, GW_T_F64, S (border[2].color), p_border_color, "black", 2, NULL },
  { "border-start-style", R_SP, 0, GW_T_I32, S (border[2].style), p_border_style, "none", 2, NULL },
  { "border-start-width", R_SP, CPD, GW_T_F64, S (border[2].width), p_border_width, "medium", 2, NULL },
  { "border-style", R_ALL, SHORT, GW_T_NONE, NOF, p_border_all, NULL, 1, NULL },
  { "border-top", R_SIDE, SHORT, GW_T_NONE, S (border[0]), p_border_side, NULL, 0, NULL },
  { "border-top-color", R_SP, 0, GW_T_F64, S (border[0].color), p_border_color, "black", 0, NULL },
  { "border-top-style", R_SP, 0, GW_T_I32, S (border[0].style), p_border_style, "none", 0, NULL },
  { "border-top-width", R_SP, CPD, GW_T_F64, S (border[0].width), p_border_width, "medium", 0, NULL },
  { "border-width", R_ALL, SHORT, GW_T_NONE, NOF, p_border_all, NULL, 0, NULL },
  { "bottom", R_SP, 0, GW_T_LEN, S (bottom), p_box_len, "auto", 0, NULL },
  { "break-after", R_SP, 0, GW_T_I32, S (break_after), p_keyword, "auto", 0, w_break },
  { "break-before", R_SP, 0, GW_T_I32, S (break_before), p_keyword, "auto", 0, w_break },
  { "caption-side", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "char-pitch", R_SP, INH, GW_T_F64, S (grid_char_pitch), p_grid_pitch, NULL, 0, NULL },
  { "character", R_SP, EL, GW_T_NONE, E (character), p_string, NULL, 1, NULL },
  { "clip", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "color", R_SP, INH, GW_T_F64, S (color), p_color, "black", 0, NULL },
  { "column-count", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
  { "column-gap", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
  { "column-number", R_SP, EL, GW_T_NONE, E (column_number), p_int_range, NULL, 10000, NULL },
  { "column-width", R_SP, EL, GW_T_NONE, E (column_width), p_column_width, NULL, 0, NULL },
  { "content-height", R_SP, EL, GW_T_NONE, E (content_height), p_content_size, "auto", 0, NULL },
  { "content-type", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "content-width", R_SP, EL, GW_T_NONE, E (content_width), p_content_size, "auto", 0, NULL },
  { "country", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "destination-placement-offset", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "display-align", R_SP, INH, GW_T_I32, S (display_align), p_keyword, "auto", 0, w_dalign },
  { "dominant-baseline", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "empty-cells", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "end-indent", R_SP, INH, GW_T_LEN, S (end_indent), p_indent, NULL, 1, NULL },
  { "ends-row", R_SP, EL, GW_T_NONE, E (ends_row), p_bool, "false", 0, NULL },
  { "extent", R_SP, EL, GW_T_NONE, E (extent), p_extent, NULL, 0, NULL },
  { "external-destination", R_SP, EL, GW_T_NONE, E (external_destination), p_string, NULL, 0, NULL },
  { "flow-name", R_SP, EL, GW_T_NONE, E (flow_name), p_string, NULL, 0, NULL },
  { "font", R_FONT, SHORT, GW_T_NONE, NOF, p_font, NULL, 0, NULL },
  { "font-family", R_SP, INH, GW_T_STR, S (font_family), p_font_family, "宋体, serif", 0, NULL },
  { "font-selection-strategy", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "font-size", R_FS, INH, GW_T_F64, S (font_size), p_font_size, "12pt", 0, NULL },
  { "font-stretch", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "font-style", R_SP, INH, GW_T_I32, S (italic), p_font_style, "normal", 0, NULL },
  { "font-variant", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
  { "font-weight", R_SP, INH, GW_T_I32, S (font_weight), p_font_weight, "normal", 0, NULL },
  { "force-page-count", R_SP, EL, GW_T_NONE, E (force_page_count), p_keyword, "auto", 0, w_fpc },
  { "format", R_SP, EL, GW_T_NONE, E (format), p_string, NULL, 0, NULL },
  { "grid", R_SP, INH, GW_T_I32, S (grid), p_bool, "false", 0, NULL },
  { "grouping-separator", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "grouping-size", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "hanging-punctuation", R_SP, EL, GW_T_NONE, E (hanging_punctuation), p_keyword, NULL, 0, w_hanging },
  { "height", R_SP, 0, GW_T_LEN, S (height), p_box_len, "auto", 1, NULL },
  { "hyphenate", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "hyphenation-character", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "hyphenation-push-character-count", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "hyphenation-remain-character-count", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "id", R_SP, EL, GW_T_NONE, E (id), p_string, NULL, 0, NULL },
  { "indicate-destination", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "initial-page-number", R_SP, EL, GW_T_NONE, E (initial_page_number), p_initial_page_number, "auto", 0, NULL },
  { "inline-progression-dimension", R_SP, CPD, GW_T_LEN, S (width), p_box_len, "auto", 1, NULL },
  { "internal-destination", R_SP, EL, GW_T_NONE, E (internal_destination), p_string, NULL, 0, NULL },
  { "intrusion-displace", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "keep-together", R_SP, INH | CPD, GW_T_I32, S (keep_together), p_keep, "auto", 0, NULL },
  { "keep-with-next", R_SP, CPD, GW_T_I32, S (keep_with_next), p_keep, "auto", 0, NULL },
  { "keep-with-previous", R_SP, CPD, GW_T_I32, S (keep_with_previous), p_keep, "auto", 0, NULL },
  { "lang", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "language", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "last-line-end-indent", R_SP, INH, GW_T_LEN, S (last_line_end_indent), p_len, NULL, 0, NULL },
  { "leader-length", R_SP, EL | CPD, GW_T_NONE, E (leader_length), p_leader_length, "0pt;.optimum=12pt;.maximum=100%", 0, NULL },
  { "leader-pattern", R_SP, EL, GW_T_NONE, E (leader_pattern), p_keyword, "space", 0, w_leader },
  { "leader-pattern-width", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "left", R_SP, 0, GW_T_LEN, S (left), p_box_len, "auto", 0, NULL },
  { "letter-spacing", R_SP, INH | CPD, GW_T_SPACE, S (letter_spacing), p_letter_spacing, NULL, 0, NULL },
  { "line-height", R_SP, INH, GW_T_F64, SPAN (line_height, line_height_factor), p_line_height, "normal", 0, NULL },
  { "line-height-shift-adjustment", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "line-pitch", R_SP, INH, GW_T_F64, S (grid_line_pitch), p_grid_pitch, NULL, 0, NULL },
  { "line-stacking-strategy", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "linefeed-treatment", R_SP, INH, GW_T_I32, S (linefeed), p_keyword, "treat-as-space", 0, w_linefeed },
  { "margin", R_SH, EL | SHORT, GW_T_NONE, E (margin), p_margin, NULL, 0, NULL },
  { "margin-bottom", R_SP, EL, GW_T_NONE, E (margin[1]), p_margin_side, NULL, 1, NULL },
  { "margin-left", R_SP, EL, GW_T_NONE, E (margin[2]), p_margin_side, NULL, 2, NULL },
  { "margin-right", R_SP, EL, GW_T_NONE, E (margin[3]), p_margin_side, NULL, 3, NULL },
  { "margin-top", R_SP, EL, GW_T_NONE, E (margin[0]), p_margin_side, NULL, 0, NULL },
  { "marker-class-name", R_SP, EL, GW_T_NONE, E (marker_class_name), p_string, NULL, 0, NULL },
  { "master-name", R_SP, EL, GW_T_NONE, E (master_name), p_string, NULL, 0, NULL },
  { "master-reference", R_SP, EL, GW_T_NONE, E (master_reference), p_string, NULL, 0, NULL },
  { "maximum-repeats", R_SP, EL, GW_T_NONE, E (maximum_repeats), p_maximum_repeats, "no-limit", 0, NULL },
  { "media-usage", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "number-columns-repeated", R_SP, EL, GW_T_NONE, E (number_columns_repeated), p_int_range, "1", 1000, NULL },
  { "number-columns-spanned", R_SP, EL, GW_T_NONE, E (number_columns_spanned), p_int_range, "1", 10000, NULL },
  { "number-rows-spanned", R_SP, EL, GW_T_NONE, E (number_rows_spanned), p_int_range, "1", 100000, NULL },
  { "odd-or-even", R_SP, EL, GW_T_NONE, E (odd_or_even), p_keyword, "any", 0, w_odd_even },
  { "orphans", R_SP, INH, GW_T_I32, S (orphans), p_count, "2", 0, NULL },
  { "overflow", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "padding", R_SH, SHORT, GW_T_NONE, S (padding), p_padding, NULL, 0, NULL },
  { "padding-after", R_SP, CPD, GW_T_F64, S (padding[1]), p_padding_side, NULL, 1, NULL },
  { "padding-after.conditionality", R_COMP, 0, GW_T_I32, S (padding_discard[1]), p_padding_cond, "discard", 1, NULL },
  { "padding-before", R_SP, CPD, GW_T_F64, S (padding[0]), p_padding_side, NULL, 0, NULL },
  { "padding-before.conditionality", R_COMP, 0, GW_T_I32, S (padding_discard[0]), p_padding_cond, "discard", 0, NULL },
  { "padding-bottom", R_SP, CPD, GW_T_F64, S (padding[1]), p_padding_side, NULL, 1, NULL },
  { "padding-bottom.conditionality", R_COMP, 0, GW_T_I32, S (padding_discard[1]), p_padding_cond, "discard", 1, NULL },
  { "padding-end", R_SP, CPD, GW_T_F64, S (padding[3]), p_padding_side, NULL, 3, NULL },
  { "padding-end.conditionality", R_COMP, 0, GW_T_I32, S (padding_discard[3]), p_padding_cond, NULL, 3, NULL },
  { "padding-left", R_SP, CPD, GW_T_F64, S (padding[2]), p_padding_side, NULL, 2, NULL },
  { "padding-left.conditionality", R_COMP, 0, GW_T_I32, S (padding_discard[2]), p_padding_cond, NULL, 2, NULL },
  { "padding-right", R_SP, CPD, GW_T_F64, S (padding[3]), p_padding_side, NULL, 3, NULL },
  { "padding-right.conditionality", R_COMP, 0, GW_T_I32, S (padding_discard[3]), p_padding_cond, NULL, 3, NULL },
  { "padding-start", R_SP, CPD, GW_T_F64, S (padding[2]), p_padding_side, NULL, 2, NULL },
  { "padding-start.conditionality", R_COMP, 0, GW_T_I32, S (padding_discard[2]), p_padding_cond, NULL, 2, NULL },
  { "padding-top", R_SP, CPD, GW_T_F64, S (padding[0]), p_padding_side, NULL, 0, NULL },
  { "padding-top.conditionality", R_COMP, 0, GW_T_I32, S (padding_discard[0]), p_padding_cond, "discard", 0, NULL },
  { "page-height", R_SP, EL, GW_T_NONE, E (page_height), p_page_dim, NULL, 1, NULL },
  { "page-position", R_SP, EL, GW_T_NONE, E (page_position), p_keyword, "any", 0, w_page_position },
  { "page-width", R_SP, EL, GW_T_NONE, E (page_width), p_page_dim, NULL, 0, NULL },
  { "precedence", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "provisional-distance-between-starts", R_SP, EL, GW_T_NONE, E (provisional_distance), p_len, "24pt", 0, NULL },
  { "provisional-label-separation", R_SP, EL, GW_T_NONE, E (provisional_separation), p_len, "6pt", 0, NULL },
  { "ref-id", R_SP, EL, GW_T_NONE, E (ref_id), p_string, NULL, 0, NULL },
  { "reference-orientation", R_SP, 0, GW_T_I32, S (reference_orientation), p_reference_orientation, "0", 0, NULL },
  { "region-name", R_SP, EL, GW_T_NONE, E (region_name), p_string, NULL, 0, NULL },
  { "relative-align", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "retrieve-boundary", R_SP, EL, GW_T_NONE, E (retrieve_boundary), p_keyword, "page-sequence", 0, w_retrieve_bnd },
  { "retrieve-boundary-within-table", R_SP, EL, GW_T_NONE, E (retrieve_boundary_within_table), p_keyword, "table", 0, w_retrieve_tbnd },
  { "retrieve-class-name", R_SP, EL, GW_T_NONE, E (retrieve_class_name), p_string, NULL, 0, NULL },
  { "retrieve-position", R_SP, EL, GW_T_NONE, E (retrieve_position), p_keyword, "first-starting-within-page", 0, w_retrieve_pos },
  { "retrieve-position-within-table", R_SP, EL, GW_T_NONE, E (retrieve_position_within_table), p_keyword, "first-starting-within-table", 0, w_retrieve_tpos },
  { "right", R_SP, 0, GW_T_LEN, S (right), p_box_len, "auto", 0, NULL },
  { "role", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "rule-style", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "rule-thickness", R_SP, EL, GW_T_NONE, E (rule_thickness), p_abs_len, "1pt", 0, NULL },
  { "scaling", R_SP, EL, GW_T_NONE, E (scaling_non_uniform), p_keyword, "uniform", 0, w_scaling },
  { "score-spaces", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "script", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "show-destination", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "space-after", R_SP, CPD, GW_T_SPACE, S (space_after), p_space, "0pt;.conditionality=discard", 1, NULL },
  { "space-before", R_SP, CPD, GW_T_SPACE, S (space_before), p_space, "0pt;.conditionality=discard", 0, NULL },
  { "span", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
  { "src", R_SP, EL, GW_T_NONE, E (src), p_string, NULL, 0, NULL },
  { "start-indent", R_SP, INH, GW_T_LEN, S (start_indent), p_indent, NULL, 0, NULL },
  { "starting-state", R_SP, EL, GW_T_NONE, E (starting_state_hide), p_keyword, "show", 0, w_starting_state },
  { "starts-row", R_SP, EL, GW_T_NONE, E (starts_row), p_bool, "false", 0, NULL },
  { "suppress-at-line-break", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "table-layout", R_SP, EL, GW_T_NONE, E (table_layout_auto), p_keyword, NULL, 0, w_table_layout },
  { "table-omit-footer-at-break", R_SP, EL, GW_T_NONE, E (omit_footer_at_break), p_bool, "false", 0, NULL },
  { "table-omit-header-at-break", R_SP, EL, GW_T_NONE, E (omit_header_at_break), p_bool, "false", 0, NULL },
  { "target-presentation-context", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "target-processing-context", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "target-stylesheet", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "text-align", R_SP, INH, GW_T_I32, S (text_align), p_align, "start", 0, NULL },
  { "text-align-last", R_SP, INH, GW_T_I32, S (text_align_last), p_align, "relative", 0, NULL },
  { "text-altitude", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "text-decoration", R_SP, INH, GW_T_I32, SPAN (underline, line_through), p_text_decoration, "none", 0, NULL },
  { "text-depth", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "text-indent", R_SP, INH, GW_T_LEN, S (text_indent), p_len, NULL, 0, NULL },
  { "text-shadow", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
  { "text-transform", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
  { "title", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "top", R_SP, 0, GW_T_LEN, S (top), p_box_len, "auto", 0, NULL },
  { "treat-as-word-space", R_SP, 0, GW_T_NONE, NOF, p_accept, NULL, 0, NULL },
  { "vertical-align", R_SP, SHORT, GW_T_NONE, SPAN (baseline_shift, baseline_shift_kind), p_baseline_shift, NULL, 0, NULL },
  { "visibility", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
  { "white-space", R_SH, SHORT, GW_T_NONE, NOF, p_white_space, NULL, 0, NULL },
  { "white-space-collapse", R_SP, INH, GW_T_I32, S (ws_collapse), p_bool, "true", 0, NULL },
  { "white-space-treatment", R_SP, INH, GW_T_I32, S (ws_treatment), p_keyword, "ignore-if-surrounding-linefeed", 0, w_wstreat },
  { "widows", R_SP, INH, GW_T_I32, S (widows), p_count, "2", 0, NULL },
  { "width", R_SP, 0, GW_T_LEN, S (width), p_box_len, "auto", 1, NULL },
  { "word-spacing", R_SP, INH, GW_T_F64, S (word_spacing), p_word_spacing, "normal", 0, NULL },
  { "wrap-option", R_SP, INH, GW_T_I32, S (wrap), p_wrap, "wrap", 0, NULL },
  { "writing-mode", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
  { "z-index", R_SP, 0, GW_T_NONE, NOF, p_unsupported, NULL, 0, NULL },
};
const gsize gw_prop_table_len = G_N_ELEMENTS (gw_prop_table);

/* Compares a name with a row (bsearch). */
static int
row_cmp (const void *key, const void *row)
{
  return strcmp (key, ((const gw_prop_row *) row)->name);
}

/* The row of a property name, or of the compound property of NAME.component. */
const gw_prop_row *
gw_prop_lookup (const char *name, const char **component)
{
  *component = NULL;
  const gw_prop_row *r = bsearch (name, gw_prop_table, gw_prop_table_len, sizeof *r, row_cmp);
  if (r)
    return r;
  const char *dot = strchr (name, '.');
  if (!dot || dot == name || dot - name >= 64)
    return NULL;
  char base[64];
  memcpy (base, name, dot - name);
  base[dot - name] = 0;
  r = bsearch (base, gw_prop_table, gw_prop_table_len, sizeof *r, row_cmp);
  if (!r || !(r->flags & GW_PROP_COMPOUND))
    return NULL;
  *component = dot + 1;
  return r;
}
