/* block.c — block-level formatting objects → vertical lists (blocks, block-containers,
 * wrappers, markers, ids, spaces, breaks and keeps), and the pass storage. */
#include "layout/lay.h"

#include <string.h>

typedef struct { gpointer p; GDestroyNotify fn; } lay_owned;

/* Allocates zeroed memory freed with the pass. */
gpointer
lay_alloc (lay_job *job, gsize size)
{
  gpointer p = g_malloc0 (size);
  g_ptr_array_add (job->store, p);
  return p;
}

/* Frees one owned object (destroy function of job->owned). */
static void
lay_owned_free (gpointer data)
{
  lay_owned *o = data;
  if (o->fn) /* NULL once handed over to the area tree */
    o->fn (o->p);
  g_free (o);
}

/* Registers an object to free with the pass. */
void
lay_own (lay_job *job, gpointer p, GDestroyNotify fn)
{
  if (!job->owned)
    job->owned = g_ptr_array_new_with_free_func (lay_owned_free);
  lay_owned *o = g_new (lay_owned, 1);
  o->p = p;
  o->fn = fn;
  g_ptr_array_add (job->owned, o);
}

/* Hands the objects of the pass that `wanted` holds (a set of pointers) over to the area
 * tree, removing them from the set: the pass no longer frees them. */
void
lay_hand_over (lay_job *job, GHashTable *wanted, gw_areas *areas)
{
  for (guint i = 0; job->owned && i < job->owned->len; i++)
    {
      lay_owned *o = g_ptr_array_index (job->owned, i);
      if (o->fn && g_hash_table_remove (wanted, o->p))
        {
          gw_areas_adopt (areas, o->p, o->fn);
          o->fn = NULL;
        }
    }
}

/* A new item list owned by the pass. */
GPtrArray *
lay_list_new (lay_job *job)
{
  GPtrArray *a = g_ptr_array_new ();
  lay_own (job, a, (GDestroyNotify) g_ptr_array_unref);
  return a;
}

/* A new item owned by the pass. */
vitem *
lay_item_new (lay_job *job, vi_kind kind)
{
  vitem *it = lay_alloc (job, sizeof *it);
  it->kind = kind;
  return it;
}

/* A new box owned by the pass. */
vbox *
lay_box_new (lay_job *job, const gw_fo *fo)
{
  vbox *b = lay_alloc (job, sizeof *b);
  b->fo = fo;
  b->items = lay_list_new (job);
  return b;
}

/* Total natural height of a list. */
double
lay_list_height (GPtrArray *items)
{
  double h = 0;
  for (guint i = 0; i < items->len; i++)
    h += ((vitem *) g_ptr_array_index (items, i))->h;
  return h;
}

/* The height of a box fragment: borders and padding (not at continued edges unless the box
 * retains them), repeated header/footer, content. */
double
lay_box_height (const vbox *b)
{
  if (b->fixed_h > 0)
    return b->fixed_h;
  double h = lay_list_height (b->items);
  double f = b->collapsed ? 0.5 : 1; /* collapsed borders are centred on the cell edges */
  if (!b->cont_top || b->retain_borders)
    h += b->border[0].width * f + b->pad[0];
  if (!b->cont_bottom || b->retain_borders)
    h += b->pad[1] + b->border[1].width * f;
  if (!b->cont_top || !b->omit_header_at_break)
    h += b->header_h;
  if (!b->cont_bottom || !b->omit_footer_at_break)
    h += b->footer_h;
  if (!b->cont_top && !b->cont_bottom && h < b->min_h)
    h = b->min_h;
  return h;
}

/* Resolves an indent value (label-end()/body-start() from the list context). */
double
lay_indent_value (gw_len l, const lay_ref *ref)
{
  switch (l.kind)
    {
    case GW_LEN_LABEL_END: return ref->label_end;
    case GW_LEN_BODY_START: return ref->body_start;
    default: return gw_len_resolve (l, ref->width, 0);
    }
}

/* Absolute x of a style's content start. */
double
lay_start_indent (const gw_style *st, const lay_ref *ref)
{
  return ref->x + lay_indent_value (st->start_indent, ref) - ref->si_base;
}

/* End indent relative to the reference area's right edge. */
double
lay_end_indent (const gw_style *st, const lay_ref *ref)
{
  return lay_indent_value (st->end_indent, ref) - ref->ei_base;
}

/* Appends a space, merging with a directly preceding space (the larger wins). */
void
lay_add_space (lay_job *job, GPtrArray *out, double h, gboolean discard)
{
  if (h <= 0)
    return;
  if (out->len)
    {
      vitem *last = g_ptr_array_index (out, out->len - 1);
      if (last->kind == VI_SPACE && !last->force_after)
        {
          if (h > last->h)
            last->h = h;
          last->discard = last->discard && discard;
          return;
        }
    }
  vitem *it = lay_item_new (job, VI_SPACE);
  it->h = h;
  it->discard = discard;
  g_ptr_array_add (out, it);
}

/* Appends a mark item. */
static void
add_mark (lay_job *job, GPtrArray *out, mark_kind kind, const char *name, const gw_fo *fo)
{
  vitem *m = lay_item_new (job, VI_MARK);
  m->u.mark.kind = kind;
  m->u.mark.name = name ? gw_style_intern_str (job->tree->pool, name) : NULL;
  m->u.mark.fo = fo;
  m->no_break_after = kind != MARK_LINK_END;
  g_ptr_array_add (out, m);
}

/* Appends a forced break item. */
static void
add_break (lay_job *job, GPtrArray *out, gw_break kind)
{
  vitem *it = lay_item_new (job, VI_SPACE);
  it->discard = TRUE;
  it->force_after = kind;
  g_ptr_array_add (out, it);
}

/* Appends the id mark of `fo` (if it has one) and its marker children. */
static void
add_id_and_markers (lay_job *job, const gw_fo *fo, GPtrArray *out)
{
  if (fo->props->id)
    add_mark (job, out, MARK_ID, fo->props->id, fo);
  for (const gw_fo *c = fo->first; c; c = c->next)
    if (c->kind == FO_MARKER)
      add_mark (job, out, MARK_MARKER, NULL, c);
}

/* TRUE if a box is needed for the block (borders, padding, background, keeps). */
static gboolean
block_needs_box (const gw_style *st)
{
  for (int i = 0; i < 4; i++)
    if (st->border[i].width > 0 || st->padding[i] > 0)
      return TRUE;
  return st->background.a > 0 || st->keep_together > 0;
}

/* Fills the border/padding/background of a box from a style; content x/width given. */
static void
box_from_style (vbox *b, const gw_style *st, double cx, double cw)
{
  for (int i = 0; i < 4; i++)
    {
      b->border[i] = st->border[i];
      b->pad[i] = st->padding[i];
    }
  b->bg = st->background;
  b->x = cx - b->pad[GW_SIDE_START] - b->border[GW_SIDE_START].width;
  b->w = cw + b->pad[GW_SIDE_START] + b->pad[GW_SIDE_END] + b->border[GW_SIDE_START].width
         + b->border[GW_SIDE_END].width;
  b->keep_together = st->keep_together > 0;
}

/* Appends a box item for `b`. */
vitem *
lay_add_box (lay_job *job, GPtrArray *out, vbox *b)
{
  vitem *it = lay_item_new (job, VI_BOX);
  it->u.box = b;
  it->h = lay_box_height (b);
  g_ptr_array_add (out, it);
  return it;
}

/* Sets no-break-after on the last item of `out` from index `from`. */
static void
keep_last (GPtrArray *out, guint from)
{
  if (out->len > from)
    ((vitem *) g_ptr_array_index (out, out->len - 1))->no_break_after = 1;
}

/* Lays out a block-level object with the common before/after handling. */
static void
lay_block_common (lay_job *job, const gw_fo *fo, const lay_ref *ref, GPtrArray *out,
                  void (*content) (lay_job *, const gw_fo *, const lay_ref *, GPtrArray *))
{
  const gw_style *st = fo->style;
  if (st->break_before != GW_BREAK_AUTO)
    add_break (job, out, st->break_before);
  if (st->keep_with_previous > 0)
    keep_last (out, 0);
  lay_add_space (job, out, st->space_before.opt, st->space_before.discard);
  guint start = out->len;
  if (block_needs_box (st))
    {
      vbox *b = lay_box_new (job, fo);
      double cx = lay_start_indent (st, ref);
      double cw = ref->x + ref->width - lay_end_indent (st, ref) - cx;
      box_from_style (b, st, cx, cw);
      add_id_and_markers (job, fo, b->items);
      content (job, fo, ref, b->items);
      lay_add_box (job, out, b);
    }
  else
    {
      add_id_and_markers (job, fo, out);
      content (job, fo, ref, out);
    }
  /* end marks (the page of the id's last area, marker ends) stick to the content before */
  const char *id = fo->props->id;
  if (id)
    {
      char *last = g_strconcat ("#last:", id, NULL);
      keep_last (out, start);
      add_mark (job, out, MARK_ID, last, fo);
      ((vitem *) g_ptr_array_index (out, out->len - 1))->no_break_after = 0;
      g_free (last);
    }
  for (const gw_fo *c = fo->first; c; c = c->next)
    if (c->kind == FO_MARKER)
      {
        keep_last (out, start);
        add_mark (job, out, MARK_MARKER_END, NULL, c);
        ((vitem *) g_ptr_array_index (out, out->len - 1))->no_break_after = 0;
      }
  if (st->keep_with_next > 0)
    keep_last (out, start);
  lay_add_space (job, out, st->space_after.opt, st->space_after.discard);
  if (st->break_after != GW_BREAK_AUTO)
    add_break (job, out, st->break_after);
}

/* Content of a block: runs of inline content and nested blocks. */
static void
block_content (lay_job *job, const gw_fo *fo, const lay_ref *ref, GPtrArray *out)
{
  lay_blocks (job, fo, ref, out);
}

/* Content of a static block-container: a new reference area. */
static void
container_content (lay_job *job, const gw_fo *fo, const lay_ref *ref, GPtrArray *out)
{
  const gw_style *st = fo->style;
  lay_ref inner = *ref;
  inner.x = lay_start_indent (st, ref);
  double avail = ref->x + ref->width - lay_end_indent (st, ref) - inner.x;
  inner.width = gw_len_resolve (st->width, ref->width, avail);
  inner.si_base = gw_len_resolve (st->start_indent, ref->width, 0);
  inner.ei_base = gw_len_resolve (st->end_indent, ref->width, 0);
  lay_blocks (job, fo, &inner, out);
}

/* An absolutely positioned block-container: laid out in its own area, placed by the page. */
static void
lay_absolute (lay_job *job, const gw_fo *fo, const lay_ref *ref, GPtrArray *out)
{
  const gw_style *st = fo->style;
  vbox *b = lay_box_new (job, fo);
  double w = gw_len_resolve (st->width, ref->width, -1);
  double left = gw_len_resolve (st->left, ref->width, 0);
  double right = gw_len_resolve (st->right, ref->width, -1);
  if (w < 0)
    w = right >= 0 ? ref->width - left - right : ref->width - left;
  if (w <= 0)
    w = ref->width;
  for (int i = 0; i < 4; i++)
    {
      b->border[i] = st->border[i];
      b->pad[i] = st->padding[i];
    }
  b->bg = st->background;
  b->dalign = st->display_align;
  b->fixed = st->position == GW_POS_FIXED;
  b->abs_x = left;
  b->abs_y = gw_len_resolve (st->top, 0, 0);
  b->abs_h = gw_len_resolve (st->height, 0, -1);
  double inner_w = w - b->pad[2] - b->pad[3] - b->border[2].width - b->border[3].width;
  lay_ref inner = { 0 };
  inner.x = b->border[2].width + b->pad[2];
  inner.width = MAX (inner_w, 1);
  inner.si_base = gw_len_resolve (st->start_indent, ref->width, 0);
  inner.ei_base = gw_len_resolve (st->end_indent, ref->width, 0);
  b->x = 0;
  b->w = w;
  double vert = b->border[0].width + b->pad[0] + b->pad[1] + b->border[1].width;
  int turn = st->reference_orientation;
  double inner_h = b->abs_h >= 0 ? b->abs_h - vert : -1;
  if (turn) /* content in the turned frame (see lay_turned); the content box is unturned */
    {
      if ((turn == 90 || turn == 270) && inner_h <= 0)
        inner_h = ref->bpd > 0 ? ref->bpd : inner.width;
      inner.x = 0;
      inner.width = turn == 180 ? MAX (inner_w, 1) : inner_h;
      inner.bpd = turn == 180 ? MAX (inner_h, 0) : MAX (inner_w, 1);
    }
  if (job->abs_depth > 8)
    return;
  job->abs_depth++;
  add_id_and_markers (job, fo, b->items);
  lay_blocks (job, fo, &inner, b->items);
  job->abs_depth--;
  vitem *it = lay_item_new (job, VI_ABS);
  it->u.box = b;
  it->h = 0;
  it->no_break_after = 1;
  if (turn)
    {
      double content = lay_list_height (b->items), room = turn == 180 ? inner_h : inner_w;
      if (inner_h <= 0)
        inner_h = room = content;
      if (content > room + 0.5)
        gw_diag_warn (job->ctx->diag, job->tree->file, fo->line,
                      "content of the turned block-container is %.0fpt taller than its %.0fpt; clipped",
                      content - room, room);
      b->orient = turn;
      b->orient_w = MAX (inner_w, 1);
      b->orient_h = inner_h;
      b->fixed_h = b->abs_h = inner_h + vert;
      g_ptr_array_add (out, it);
      return;
    }
  double content_h = b->border[0].width + b->pad[0] + lay_list_height (b->items) + b->pad[1] + b->border[1].width;
  if (b->abs_h < 0)
    b->abs_h = content_h;
  else if (content_h > b->abs_h + 0.5)
    gw_diag_warn (job->ctx->diag, job->tree->file, fo->line,
                  "content of the absolutely positioned block-container is %.0fpt taller than its height; clipped",
                  content_h - b->abs_h);
  b->fixed_h = b->abs_h;
  g_ptr_array_add (out, it);
}

/* A block-container with a reference-orientation: an unbreakable box whose content is laid
 * out in the turned frame.  width and height are the page's; inline- and
 * block-progression-dimension, when given, are the turned content's own (its line length and
 * the room across the lines, as FOP reads them).  Auto: a quarter turn takes the height of
 * the reference area as its line length and is as wide as its content needs; half a turn is
 * as wide as there is room and as tall as its content. */
static void
lay_turned (lay_job *job, const gw_fo *fo, const lay_ref *ref, GPtrArray *out)
{
  const gw_style *st = fo->style;
  int turn = st->reference_orientation;
  gboolean quarter = turn == 90 || turn == 270;
  lay_add_space (job, out, st->space_before.opt, st->space_before.discard);
  vbox *b = lay_box_new (job, fo);
  double cx = lay_start_indent (st, ref);
  double avail = ref->x + ref->width - lay_end_indent (st, ref) - cx;
  /* the writing-mode relative names measure the turned frame (presence only: their values
   * are the width/height fields) */
  gboolean own = quarter && (xmlHasProp (fo->node, (const xmlChar *) "inline-progression-dimension")
                             || xmlHasProp (fo->node, (const xmlChar *) "block-progression-dimension"));
  double cw = gw_len_resolve (own ? st->height : st->width, ref->width, -1); /* on the page */
  double ch = gw_len_resolve (own ? st->width : st->height, 0, -1);
  if (quarter && ch <= 0)
    ch = ref->bpd > 0 ? ref->bpd : avail;
  if (!quarter && cw <= 0)
    cw = avail;
  b->orient = turn;
  lay_ref inner = { 0 };
  inner.width = quarter ? ch : cw;
  inner.bpd = quarter ? (cw > 0 ? cw : avail) : MAX (ch, 0);
  add_id_and_markers (job, fo, b->items);
  lay_blocks (job, fo, &inner, b->items);
  double content = lay_list_height (b->items);
  if (cw <= 0) /* a quarter turn, width auto: as wide as the lines stack */
    cw = MIN (content, avail);
  double room = quarter ? cw : ch;
  if (room > 0 && content > room + 0.5)
    gw_diag_warn (job->ctx->diag, job->tree->file, fo->line,
                  "content of the turned block-container is %.0fpt taller than its %.0fpt; clipped",
                  content - room, room);
  if (ch <= 0)
    ch = content;
  box_from_style (b, st, cx, cw);
  b->orient_w = cw;
  b->orient_h = ch;
  b->fixed_h = ch + b->pad[0] + b->pad[1] + b->border[0].width + b->border[1].width;
  b->keep_together = TRUE;
  lay_add_box (job, out, b);
  lay_add_space (job, out, st->space_after.opt, st->space_after.discard);
}

/* Lays out a block-container. */
static void
lay_block_container (lay_job *job, const gw_fo *fo, const lay_ref *ref, GPtrArray *out)
{
  const gw_style *st = fo->style;
  if (st->position != GW_POS_STATIC)
    {
      lay_absolute (job, fo, ref, out);
      return;
    }
  if (st->reference_orientation)
    {
      lay_turned (job, fo, ref, out);
      return;
    }
  double h = gw_len_resolve (st->height, 0, -1);
  if (h > 0 || st->width.kind != GW_LEN_AUTO)
    {
      /* a fixed box: content in its own reference area, clipped to the height */
      lay_add_space (job, out, st->space_before.opt, st->space_before.discard);
      vbox *b = lay_box_new (job, fo);
      double cx = lay_start_indent (st, ref);
      double avail = ref->x + ref->width - lay_end_indent (st, ref) - cx;
      double cw = gw_len_resolve (st->width, ref->width, avail);
      box_from_style (b, st, cx, cw);
      add_id_and_markers (job, fo, b->items);
      container_content (job, fo, ref, b->items);
      if (h > 0)
        {
          double content = lay_list_height (b->items);
          if (content > h + 0.5)
            gw_diag_warn (job->ctx->diag, job->tree->file, fo->line,
                          "content of the block-container is %.0fpt taller than its height; clipped",
                          content - h);
          b->fixed_h = h + b->pad[0] + b->pad[1] + b->border[0].width + b->border[1].width;
          b->keep_together = TRUE;
        }
      lay_add_box (job, out, b);
      lay_add_space (job, out, st->space_after.opt, st->space_after.discard);
      return;
    }
  lay_block_common (job, fo, ref, out, container_content);
}

/* The marker content a retrieve-marker stands for on the current page, restyled for the
 * retrieve-marker's place; NULL outside static content or when no marker qualifies. */
const gw_fo *
lay_retrieved_marker (lay_job *job, const gw_fo *rm)
{
  const gw_fo *m = rm->kind == FO_RETRIEVE_TABLE_MARKER ? lay_table_retrieve (job, rm)
                   : job->retrieve                     ? job->retrieve (job, rm)
                                                       : NULL;
  return m ? gw_fotree_restyled_marker (job->ctx, job->tree, m, rm->style) : NULL;
}

/* Lays out a table or list with its breaks, spaces, id and markers around it. */
static void
lay_framed (lay_job *job, const gw_fo *fo, const lay_ref *ref, GPtrArray *out,
            void (*body) (lay_job *, const gw_fo *, const lay_ref *, GPtrArray *))
{
  const gw_style *st = fo->style;
  if (st->break_before != GW_BREAK_AUTO)
    add_break (job, out, st->break_before);
  lay_add_space (job, out, st->space_before.opt, st->space_before.discard);
  add_id_and_markers (job, fo, out);
  body (job, fo, ref, out);
  lay_add_space (job, out, st->space_after.opt, st->space_after.discard);
  if (st->break_after != GW_BREAK_AUTO)
    add_break (job, out, st->break_after);
}

/* Appends the vertical list of the children of `parent`. */
void
lay_blocks (lay_job *job, const gw_fo *parent, const lay_ref *ref, GPtrArray *out)
{
  gboolean first_para = TRUE;
  const gw_fo *c = parent->first;
  while (c && !job->stopped)
    {
      switch (c->kind)
        {
        case FO_BLOCK: case FO_FLOAT:
          lay_block_common (job, c, ref, out, block_content);
          first_para = FALSE;
          c = c->next;
          continue;
        case FO_BLOCK_CONTAINER:
          lay_block_container (job, c, ref, out);
          c = c->next;
          continue;
        case FO_TABLE: case FO_TABLE_AND_CAPTION:
          {
            const gw_fo *t = c;
            if (c->kind == FO_TABLE_AND_CAPTION)
              {
                const gw_fo *cap = gw_fo_child (c, FO_TABLE_CAPTION);
                if (cap)
                  lay_blocks (job, cap, ref, out);
                t = gw_fo_child (c, FO_TABLE);
              }
            if (t)
              lay_framed (job, t, ref, out, lay_table);
            c = c->next;
            continue;
          }
        case FO_LIST_BLOCK:
          lay_framed (job, c, ref, out, lay_list_block);
          c = c->next;
          continue;
        case FO_MARKER:
          c = c->next;
          continue;
        case FO_WRAPPER:
          {
            gboolean has_block = FALSE;
            for (const gw_fo *w = c->first; w && !has_block; w = w->next)
              has_block = gw_fo_kind_class (w->kind) == FO_CLASS_BLOCK;
            if (has_block)
              {
                add_id_and_markers (job, c, out);
                lay_blocks (job, c, ref, out);
                c = c->next;
                continue;
              }
            break;
          }
        case FO_RETRIEVE_MARKER:
        case FO_RETRIEVE_TABLE_MARKER:
          {
            /* block-level marker content is laid out here; inline content joins the line */
            const gw_fo *m = lay_retrieved_marker (job, c);
            gboolean has_block = FALSE;
            for (const gw_fo *w = m ? m->first : NULL; w && !has_block; w = w->next)
              has_block = gw_fo_kind_class (w->kind) == FO_CLASS_BLOCK;
            if (!m || has_block)
              {
                if (m)
                  lay_blocks (job, m, ref, out);
                c = c->next;
                continue;
              }
            break;
          }
        default:
          break;
        }
      if (gw_fo_kind_class (c->kind) == FO_CLASS_OTHER && c->kind != FO_TEXT)
        {
          gw_diag_warn_once (job->ctx->diag, gw_fo_kind_name (c->kind), job->tree->file, c->line,
                             "fo:%s is not allowed here; ignored", gw_fo_kind_name (c->kind));
          c = c->next;
          continue;
        }
      c = lay_inline_run (job, parent, c, ref, first_para, out);
      first_para = FALSE;
    }
}
