/* lay.h — private to src/layout: the vertical-list model shared by the layout stages.
 *
 * A flow becomes a vertical list of items: lines, spaces, boxes (blocks, tables, cells with
 * borders/padding/background and their own item lists), parallel groups (table rows and list
 * items: columns side by side, each a box) and marks (ids, markers, link destinations).
 * The page breaker (paginate.c, split.c) splits lists at legal break points and emits areas
 * on the page masters of master.c. */
#ifndef GW_LAY_H
#define GW_LAY_H

#include "layout/layout.h"
#include "layout/fonts.h"

typedef struct lay_job lay_job;
typedef struct vitem vitem;
typedef struct vbox vbox;
typedef struct lay_line lay_line;
typedef struct lay_table_parts lay_table_parts;
typedef struct lay_table_frag lay_table_frag;

typedef enum { VI_LINE, VI_SPACE, VI_BOX, VI_PAR, VI_MARK, VI_ABS } vi_kind;
typedef enum { MARK_ID, MARK_MARKER, MARK_MARKER_END, MARK_LINK_START, MARK_LINK_END } mark_kind;

struct vitem {
  vi_kind kind;
  double h;                  /* natural height */
  unsigned no_break_after : 1;
  unsigned discard : 1;      /* VI_SPACE: conditional (dropped at page top/bottom) */
  gw_break force_after;      /* forced page break after this item */
  union {
    lay_line *line;
    vbox *box;               /* VI_BOX, VI_ABS */
    GPtrArray *cols;         /* VI_PAR: vbox* side by side */
    struct { mark_kind kind; const char *name; const gw_fo *fo; } mark;
  } u;
};

struct vbox {
  const gw_fo *fo;           /* borrowed: the object this box is for (NULL = anonymous) */
  double x, w;               /* border box, x relative to the flow's reference area */
  gw_border border[4];
  double pad[4];
  gw_rgba bg;
  GPtrArray *items;          /* vitem* (borrowed from the job's storage) */
  gboolean keep_together;
  gboolean cont_top, cont_bottom; /* fragment continued from / onto another page */
  gboolean collapsed;        /* collapsed-border cell: borders centred on the edges */
  gboolean retain_borders;   /* close and reopen borders at breaks (cells) */
  gw_dalign dalign;
  double fixed_h;            /* > 0: block-container height (content clipped) */
  double min_h;              /* a row's explicit height: the unbroken box is at least this tall */
  /* tables */
  GPtrArray *header, *footer;/* vitem* lists repeated at breaks, or NULL */
  double header_h, footer_h;
  gboolean omit_header_at_break, omit_footer_at_break;
  const lay_table_parts *parts; /* a header/footer retrieving table markers, or NULL */
  /* absolute block-containers */
  double abs_x, abs_y, abs_h;
  gboolean fixed;            /* absolute-position="fixed": relative to the page */
  /* a turned block-container (reference-orientation): its content box, unturned, is
   * orient_w × orient_h; the items are laid out in the turned frame (master.c, lay_turn_dims) */
  int orient;
  double orient_w, orient_h;
};

typedef enum { PIECE_TEXT, PIECE_IMAGE, PIECE_LEADER, PIECE_SPACE } piece_kind;

typedef struct lay_piece {
  piece_kind kind;
  double x, w;               /* relative to the line's start */
  double rise;               /* baseline shift, pt up */
  double asc, desc;          /* IMAGE: extent above/below baseline */
  const gw_style *st;
  const gw_fo *link;         /* enclosing basic-link, or NULL */
  const gw_fo *page_number;  /* the fo:page-number this text shows, or NULL */
  /* TEXT (owned by the job's storage) */
  PangoFont *font;
  PangoItem *item;
  PangoGlyphString *glyphs;
  const char *text;
  /* IMAGE */
  gw_image *image;
  /* LEADER */
  int leader_pattern;        /* 0 space, 1 rule, 2 dots */
  double rule_thickness;
} lay_piece;

struct lay_line {
  double x, w;               /* line box in the emit origin: content start and width */
  double above, below;       /* baseline position from the top, extent below */
  GPtrArray *pieces;         /* lay_piece* */
  GPtrArray *footnotes;      /* vitem* of the footnote bodies cited on this line, or NULL */
  double footnotes_h;        /* their height (reserved on the line's page) */
  int first_byte;            /* where the line starts in its paragraph's text */
};

/* Per-page information the emitter collects. */
typedef struct lay_page_info {
  GPtrArray *footnotes;      /* vitem* footnote bodies cited on the page, in order */
  GPtrArray *markers;        /* const gw_fo* marker nodes starting on the page, in order */
  GPtrArray *ending;         /* markers whose parent's last area is on the page, in order */
  GPtrArray *open_at_start;  /* markers whose parent began earlier and goes on at the top */
  const gw_fo *seq;          /* its page-sequence */
  const gw_fo *master;       /* its simple-page-master */
  gw_area *page;             /* the page area */
  const char *label;         /* formatted page number */
  int seq_index;             /* page-sequence number in the document */
} lay_page_info;

struct lay_job {
  /* borrowed */
  gw_ctx *ctx;
  gw_fonts *fonts;
  gw_fotree *tree;
  /* owned */
  gw_areas *areas;           /* result of the current pass */
  GPtrArray *store;          /* plain memory of vertical lists (g_free, per pass) */
  GPtrArray *owned;          /* objects with their own destroy function (per pass) */
  GPtrArray *page_infos;     /* lay_page_info* per emitted page, this pass */
  GHashTable *cites_prev;    /* id / "#last:id" / "#pn:serial" → label, from the previous pass */
  GHashTable *cites_now;     /* the same, collected during this pass */
  GHashTable *cites_used;    /* what this pass printed for each key */
  GHashTable *images;        /* path → gw_image* */
  GHashTable *missing_reported; /* gunichar → 1 */
  /* values */
  int pass;
  gboolean failed;
  const char *cur_page_label;/* while building static content */
  const char *cur_last_label;/* last page label of the sequence/document (static content) */
  int abs_depth;
  /* while building static content: the marker a retrieve-marker stands for */
  const gw_fo *(*retrieve) (lay_job *job, const gw_fo *retrieve_marker);
  lay_page_info *cur_page;
  const lay_table_frag *table_frag; /* while a header/footer is laid out for a fragment */
  GPtrArray *open_markers;   /* markers whose parent started but did not end yet (emit order) */
  double laid_h;             /* total height of the lines laid out this pass */
  gboolean stopped;          /* the document is far too long: layout stopped (reported) */
};

/* ---- storage (everything freed at the end of a pass) ---- */
/* Allocates zeroed memory owned by the job's pass storage. */
gpointer lay_alloc (lay_job *job, gsize size);
/* A new empty item list owned by the pass storage. */
GPtrArray *lay_list_new (lay_job *job);
/* A new item of a kind, owned by the pass storage. */
vitem *lay_item_new (lay_job *job, vi_kind kind);
/* A new box owned by the pass storage. */
vbox *lay_box_new (lay_job *job, const gw_fo *fo);
/* Registers an object to free with the pass. */
void lay_own (lay_job *job, gpointer p, GDestroyNotify fn);
/* Hands the objects of the pass that `wanted` holds (pointers) over to `areas` (removed from
 * the set): the area tree keeps what it shows, the pass frees the rest. */
void lay_hand_over (lay_job *job, GHashTable *wanted, gw_areas *areas);

/* ---- block.c: FO blocks → vertical lists ---- */
typedef struct lay_ref {
  double x, width;           /* the reference area: left edge in the emit origin, width */
  double si_base, ei_base;   /* start-/end-indent values inherited at the reference area */
  double label_end, body_start; /* indent values of label-end() and body-start() */
  double bpd;                /* its height when known (0: not known): the width of the
                                content of a block-container turned a quarter, height auto */
} lay_ref;
/* Appends the vertical list of the children of `parent` (block-level context). */
void lay_blocks (lay_job *job, const gw_fo *parent, const lay_ref *ref, GPtrArray *out);
/* The restyled marker a retrieve-marker stands for on the current page, or NULL. */
const gw_fo *lay_retrieved_marker (lay_job *job, const gw_fo *rm);
/* Appends a space item, merging with a preceding space (max). */
void lay_add_space (lay_job *job, GPtrArray *out, double h, gboolean discard);
/* Total natural height of an item list. */
double lay_list_height (GPtrArray *items);
/* Appends a box item for `b` (height from its items). */
vitem *lay_add_box (lay_job *job, GPtrArray *out, vbox *b);
/* The height of a box fragment from its items and continuation flags. */
double lay_box_height (const vbox *b);
/* An indent value (start-/end-indent) with label-end()/body-start() resolved. */
double lay_indent_value (gw_len l, const lay_ref *ref);
/* The content start of a style as absolute x in the emit origin; the end indent as the
 * distance from the reference area's right edge. */
double lay_start_indent (const gw_style *st, const lay_ref *ref);
double lay_end_indent (const gw_style *st, const lay_ref *ref);

/* ---- text.c: inline content → lines ---- */
/* Lays out the inline children of `fo` from `first` up to a block-level child (exclusive);
 * returns the first child not consumed. Lines go to `out`. */
const gw_fo *lay_inline_run (lay_job *job, const gw_fo *block, const gw_fo *first,
                             const lay_ref *ref, gboolean first_para, GPtrArray *out);
/* Min/max content widths of inline content (table-layout="auto"). */
void lay_inline_widths (lay_job *job, const gw_fo *block, double *min_w, double *max_w);

/* ---- citation.c ---- */
/* The text of a page number, citation or page-number-citation-last for this pass. */
const char *lay_cite_text (lay_job *job, const gw_fo *fo);

/* ---- table.c / list.c ---- */
/* Appends the vertical list of a table. */
void lay_table (lay_job *job, const gw_fo *table, const lay_ref *ref, GPtrArray *out);
/* The marker a retrieve-table-marker stands for in the table fragment whose header or
 * footer is being laid out (NULL if none). */
const gw_fo *lay_table_retrieve (lay_job *job, const gw_fo *rtm);
/* The header (footer) list to draw with a table fragment (laid out again for it when it
 * retrieves table markers). */
GPtrArray *lay_table_part_for (lay_job *job, const vbox *frag, gboolean header);
/* Min/max content widths of a block-level subtree. */
void lay_block_widths (lay_job *job, const gw_fo *fo, double *min_w, double *max_w);
/* Appends the vertical list of a list-block. */
void lay_list_block (lay_job *job, const gw_fo *list, const lay_ref *ref, GPtrArray *out);

/* ---- image.c ---- */
/* Loads an image (cached per job); NULL after reporting. */
gw_image *lay_image_load (lay_job *job, const gw_fo *fo, const char *src);
/* Frees an image. */
void lay_image_free (gpointer image);

/* ---- split.c ---- */
#define FOOTNOTE_GAP 8.0 /* room for the separator rule above the footnotes of a page */
/* Splits `items` so that *head fits in `avail`.  Returns FALSE when nothing can be placed
 * without breaking a keep (unless `force`).  *tail is NULL when everything fits. */
gboolean lay_split_list (lay_job *job, GPtrArray *items, double avail, gboolean force,
                         gboolean at_top, GPtrArray **head, GPtrArray **tail, gw_break *forced);
/* Removes discardable spaces at the start (where = 0) or end (1) of a list. */
void lay_strip_spaces (GPtrArray *l, int where);

/* ---- master.c ---- */
/* Region geometry of a page master: body rectangle and the four outer regions. */
typedef struct {
  double pw, ph;
  double bx, by, bw, bh;     /* region-body content rectangle */
  double rx[4], ry[4], rw[4], rh[4]; /* before, after, start, end */
  gboolean has[4];
  const char *names[4];
  /* reference-orientation (simple-page-master + region): the turn of each region's content
   * and its size as the content sees it (w and h exchanged for 90/270) */
  int body_orient, orient[4];
  double body_iw, body_ih, riw[4], rih[4];
} lay_page_geom;
/* The size (*iw × *ih) a frame turned by `orient` degrees sees in a w × h rectangle. */
void lay_turn_dims (int orient, double w, double h, double *iw, double *ih);
/* Finds a simple-page-master or page-sequence-master by name (NULL: none). */
const gw_fo *lay_find_master (lay_job *job, const char *name);
/* Selects the simple-page-master for page `index` (0-based in the sequence), or NULL. */
const gw_fo *lay_select_master (lay_job *job, const gw_fo *ref, int index, int number,
                                gboolean last, gboolean blank);
/* Computes the geometry of a page master. */
void lay_master_geom (lay_job *job, const gw_fo *spm, lay_page_geom *g);
/* Creates a page area and its info record (owned by job->page_infos); fills `g`. */
lay_page_info *lay_new_page (lay_job *job, const gw_fo *seq, const gw_fo *spm, int seq_index,
                             int number, const char *fmt, gboolean blank, lay_page_geom *g);
/* The initial page number of a sequence (auto = continue, auto-odd, auto-even, N). */
int lay_initial_number (const gw_fo *seq, int counter);

/* ---- paginate.c ---- */
/* Paginates one page-sequence, emitting pages into job->areas. */
void lay_page_sequence (lay_job *job, const gw_fo *seq, int *page_counter);
/* Lays out the static content of every page (after all sequences: page totals known). */
void lay_static_content (lay_job *job);

#endif
