/* props.h — element-specific properties of one formatting object, parsed once.
 *
 * Properties that apply to one kind of element (a page master's page-width, a cell's
 * number-rows-spanned, a marker's class) are not inherited and would split the interned
 * styles if they lived in gw_style (every id would make a style of its own), so each node
 * gets a gw_fo_props: typed fields filled by the same property table (prop-table.c) as the
 * style.  Nodes without any of these properties share the pool's initial gw_fo_props.
 * Layout reads these fields, never the raw attributes. */
#ifndef GW_PROPS_H
#define GW_PROPS_H

#include "fo/style.h"

/* initial-page-number */
typedef enum { GW_IPN_AUTO, GW_IPN_AUTO_ODD, GW_IPN_AUTO_EVEN, GW_IPN_NUMBER } gw_ipn_kind;
typedef struct { gw_ipn_kind kind; int number; } gw_ipn;

/* force-page-count */
typedef enum { GW_FPC_AUTO, GW_FPC_EVEN, GW_FPC_ODD, GW_FPC_END_ON_EVEN, GW_FPC_END_ON_ODD,
               GW_FPC_NO_FORCE } gw_fpc;

/* conditional-page-master-reference conditions (index 0 = any) */
typedef enum { GW_PP_ANY, GW_PP_FIRST, GW_PP_LAST, GW_PP_REST, GW_PP_ONLY } gw_page_position;
typedef enum { GW_OE_ANY, GW_OE_ODD, GW_OE_EVEN } gw_odd_even;
typedef enum { GW_BNB_ANY, GW_BNB_BLANK, GW_BNB_NOT_BLANK } gw_blank;

/* retrieve-position (fo:retrieve-marker) */
typedef enum { GW_RP_FIRST_STARTING, GW_RP_FIRST_INCLUDING_CARRYOVER, GW_RP_LAST_STARTING,
               GW_RP_LAST_ENDING } gw_retrieve_pos;
/* retrieve-boundary (fo:retrieve-marker) */
typedef enum { GW_RB_PAGE_SEQUENCE, GW_RB_PAGE, GW_RB_DOCUMENT } gw_retrieve_bnd;
/* retrieve-boundary-within-table (fo:retrieve-table-marker) */
typedef enum { GW_RBT_TABLE, GW_RBT_TABLE_FRAGMENT, GW_RBT_PAGE } gw_retrieve_tbnd;

/* column-width */
typedef enum { GW_COLW_UNSPECIFIED, GW_COLW_ABS, GW_COLW_PCT, GW_COLW_PROPORTIONAL } gw_colw_kind;
typedef struct { gw_colw_kind kind; double v; } gw_colw;

/* leader-pattern */
typedef enum { GW_LEADER_SPACE, GW_LEADER_RULE, GW_LEADER_DOTS } gw_leader;

/* content-width / content-height: auto, scale-to-fit, a length or a percentage */
typedef enum { GW_CSIZE_AUTO, GW_CSIZE_SCALE_TO_FIT, GW_CSIZE_LEN } gw_csize_kind;
typedef struct { gw_csize_kind kind; gw_len len; } gw_csize;

struct gw_fo_props {
  /* interned strings (the pool's), NULL when not given */
  const char *id, *master_name, *master_reference, *flow_name, *region_name;
  const char *format;               /* page-sequence number format ("1") */
  const char *marker_class_name, *retrieve_class_name;
  const char *ref_id, *internal_destination, *external_destination;
  const char *src, *character;
  /* lengths */
  double page_width, page_height;   /* pt; 0 = not given or auto (A4 is used) */
  double extent;                    /* region-before/after/start/end, pt */
  gw_len margin[4];                 /* margin-top/bottom/left/right as written */
  gw_len leader_length[3];          /* minimum, optimum, maximum (may be %) */
  double rule_thickness;            /* pt */
  gw_len provisional_distance, provisional_separation; /* list-block (may be %) */
  gw_colw column_width;
  gw_csize content_width, content_height;
  /* integers and keywords */
  gw_ipn initial_page_number;
  gw_fpc force_page_count;
  gw_page_position page_position;
  gw_odd_even odd_or_even;
  gw_blank blank_or_not_blank;
  int maximum_repeats;              /* -1 = no-limit */
  gw_retrieve_pos retrieve_position;
  gw_retrieve_bnd retrieve_boundary;
  gw_retrieve_pos retrieve_position_within_table;
  gw_retrieve_tbnd retrieve_boundary_within_table;
  int column_number;                /* 0 = not given */
  int number_columns_repeated, number_columns_spanned, number_rows_spanned;
  gboolean table_layout_auto;       /* table-layout="auto" given */
  gboolean omit_header_at_break, omit_footer_at_break;
  gboolean starts_row, ends_row;
  gboolean scaling_non_uniform;
  gboolean starting_state_hide;     /* bookmark starting-state="hide" */
  gw_leader leader_pattern;
  int hanging_punctuation;          /* gx:hanging-punctuation: 0 not given, 1 none, 2 allow-end */
  /* which of the mapped properties were specified on the element itself */
  gboolean margin_set[4];
  gboolean start_indent_set, end_indent_set;
};

/* The element-specific properties every node starts from (borrowed from the pool). */
const gw_fo_props *gw_fo_props_initial (gw_style_pool *pool);

#endif
