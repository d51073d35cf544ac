/* para.h — private to text.c and linebreak.c: a paragraph (the inline content of a block up
 * to a block-level child) collected as one text with its spans, objects and per-character
 * analysis. text.c collects and shapes it; linebreak.c breaks it into lines. */
#ifndef GW_PARA_H
#define GW_PARA_H

#include "layout/lay.h"

typedef struct {
  int b0, b1;                /* byte range in the paragraph text */
  const gw_style *st;
  const gw_fo *fo;           /* the object that produced the span */
  const gw_fo *link;
  int obj;                   /* index in para.objs or -1 */
} para_span;

typedef struct {
  piece_kind kind;
  double w, asc, desc;
  double wmin, wmax;         /* leaders: elastic length */
  gw_image *image;
  int leader_pattern;
  double rule_thickness;
} para_obj;

typedef struct {
  int byte;
  gunichar ch;
  double adv;                /* advance incl. letter-spacing and grid */
  double shrink;             /* how much may be squeezed (punctuation + letter-spacing) */
  double ls_shrink;          /* of which elastic letter-spacing (optimum − minimum) */
  int item;                  /* index into items */
  int span;
  int squeeze_side;
  unsigned brk : 1;          /* a line may break before this char */
  unsigned soft : 1;         /* a break here would split a number run: only if it must */
  unsigned mandatory : 1;    /* forced break before this char */
  unsigned white : 1;
  unsigned cjk : 1;
  unsigned is_obj : 1;
} pchar;

typedef struct {
  lay_job *job;
  const gw_fo *block;
  const gw_style *bst;       /* block style */
  GString *text;
  GArray *spans;             /* para_span */
  GArray *objs;              /* para_obj */
  /* white-space state */
  int pending_ws;            /* 0 none, 1 space, 2 space containing a line feed */
  gunichar last_ch;
  /* shaping */
  GPtrArray *items;          /* PangoItem* */
  GPtrArray *glyphs;         /* PangoGlyphString* per item */
  pchar *chars;
  int n;
  double *adj_delta, *adj_shift; /* per char: width change and glyph offset of its line */
  GPtrArray *footnotes;      /* footnote-body nodes met in the paragraph (borrowed) */
  GArray *footnote_at;       /* byte offset in text where each footnote's citation ends */
  gboolean hang;             /* gx:hanging-punctuation="allow-end": a closing mark may hang */
} para;

/* Breaks the shaped paragraph `p` into lines (total fit when justified, else first fit),
 * justifies or squeezes each and appends VI_LINE items to `out` (linebreak.c). */
void lay_para_break (para *p, const lay_ref *ref, gboolean first_para, GPtrArray *out);

#endif
