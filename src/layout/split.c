/* split.c — breaking a vertical list at a legal point: keeps, widows and orphans, boxes and
 * table rows split inside, forced progress when nothing fits (used by paginate.c). */
#include "layout/lay.h"

#define EPS 0.01

/* Copies items [a, b) of `src` into a new pass-owned list. */
static GPtrArray *
slice (lay_job *job, GPtrArray *src, guint a, guint b)
{
  GPtrArray *r = lay_list_new (job);
  for (guint i = a; i < b && i < src->len; i++)
    g_ptr_array_add (r, g_ptr_array_index (src, i));
  return r;
}

/* Removes discardable spaces at the start (where = 0) or end (1) of a list. */
void
lay_strip_spaces (GPtrArray *l, int where)
{
  while (l->len)
    {
      guint i = where ? l->len - 1 : 0;
      vitem *it = g_ptr_array_index (l, i);
      if (it->kind != VI_SPACE || !it->discard)
        break;
      if (where && it->force_after)
        break;
      g_ptr_array_remove_index (l, i);
    }
}

/* A copy of a box with other items. */
static vbox *
box_with (lay_job *job, const vbox *b, GPtrArray *items)
{
  vbox *n = lay_alloc (job, sizeof *n);
  *n = *b;
  n->items = items;
  return n;
}

/* A copy of an item that holds a new box / column set, with its height recomputed. */
static vitem *
item_with_box (lay_job *job, const vitem *it, vbox *b)
{
  vitem *n = lay_alloc (job, sizeof *n);
  *n = *it;
  n->u.box = b;
  n->h = lay_box_height (b);
  return n;
}

/* Inner height available in a box fragment that continues on the next page. */
static double
box_inner_avail (const vbox *b, double avail)
{
  vbox tmp = *b;
  tmp.cont_bottom = TRUE;
  GPtrArray empty = { 0 };
  tmp.items = &empty;
  tmp.fixed_h = 0;
  return avail - lay_box_height (&tmp);
}

/* Splits a box item; FALSE if nothing of it fits. */
static gboolean
split_box (lay_job *job, vitem *it, double avail, gboolean force, gboolean at_top,
           vitem **h_out, vitem **t_out, gw_break *forced)
{
  vbox *b = it->u.box;
  if (b->fixed_h > 0)
    return FALSE;
  GPtrArray *h = NULL, *t = NULL;
  if (!lay_split_list (job, b->items, box_inner_avail (b, avail), force, at_top, &h, &t, forced))
    return FALSE;
  if (!t || !t->len)
    {
      /* everything fitted (a forced break at its end) */
      *h_out = it;
      *t_out = NULL;
      return TRUE;
    }
  vbox *hb = box_with (job, b, h), *tb = box_with (job, b, t);
  hb->cont_bottom = TRUE;
  tb->cont_top = TRUE;
  *h_out = item_with_box (job, it, hb);
  (*h_out)->no_break_after = 0;
  (*h_out)->force_after = GW_BREAK_AUTO;
  *t_out = item_with_box (job, it, tb);
  return TRUE;
}

/* The height of a parallel group (max of its columns). */
static double
par_height (GPtrArray *cols)
{
  double h = 0;
  for (guint i = 0; i < cols->len; i++)
    h = MAX (h, lay_box_height (g_ptr_array_index (cols, i)));
  return h;
}

/* TRUE if a list holds something visible (not only marks and spaces). */
static gboolean
has_content (GPtrArray *l)
{
  for (guint i = 0; i < l->len; i++)
    {
      vitem *it = g_ptr_array_index (l, i);
      if (it->kind != VI_MARK && it->kind != VI_SPACE)
        return TRUE;
    }
  return FALSE;
}

/* An empty continuation of a parallel item: its cells continue (borders drawn) with no
 * content, so that rows beside a row-spanning cell reach the end of the span. */
static vitem *
par_continuation (lay_job *job, const vitem *par)
{
  GPtrArray *cols = lay_list_new (job);
  for (guint i = 0; i < par->u.cols->len; i++)
    {
      vbox *b = g_ptr_array_index (par->u.cols, i);
      GPtrArray *items = lay_list_new (job);
      if (!b->fo && b->items->len)
        {
          /* a column of sub-rows: continue its last row */
          vitem *last = g_ptr_array_index (b->items, b->items->len - 1);
          if (last->kind == VI_PAR)
            g_ptr_array_add (items, par_continuation (job, last));
        }
      vbox *nb = box_with (job, b, items);
      nb->cont_top = TRUE;
      nb->min_h = 0;
      g_ptr_array_add (cols, nb);
    }
  vitem *it = lay_alloc (job, sizeof *it);
  *it = *par;
  it->u.cols = cols;
  it->h = par_height (cols);
  return it;
}

/* Splits a parallel group (table row, list item) column by column.  Unless forced, every
 * column with content must keep at least one line on this page (no empty row strips). */
static gboolean
split_par (lay_job *job, vitem *it, double avail, gboolean force, vitem **h_out, vitem **t_out)
{
  GPtrArray *cols = it->u.cols;
  GPtrArray *hc = lay_list_new (job), *tc = lay_list_new (job);
  gboolean any = FALSE, rest = FALSE;
  for (guint i = 0; i < cols->len; i++)
    {
      vbox *b = g_ptr_array_index (cols, i);
      GPtrArray *h = NULL, *t = NULL;
      gw_break fb = GW_BREAK_AUTO;
      double inner = box_inner_avail (b, avail);
      if (lay_list_height (b->items) <= inner + EPS)
        {
          h = b->items;
          t = lay_list_new (job);
        }
      else if (!lay_split_list (job, b->items, inner, force, TRUE, &h, &t, &fb))
        {
          if (!force)
            return FALSE;
          h = lay_list_new (job);
          t = b->items;
        }
      if (!t)
        t = lay_list_new (job);
      if (!force && has_content (b->items) && !has_content (h))
        return FALSE;
      if (has_content (h))
        any = TRUE;
      if (t->len)
        rest = TRUE;
      vbox *hb = box_with (job, b, h), *tb = box_with (job, b, t);
      hb->cont_bottom = TRUE;
      tb->cont_top = TRUE;
      g_ptr_array_add (hc, hb);
      g_ptr_array_add (tc, tb);
    }
  if (!any)
    return FALSE;
  if (!rest)
    {
      *h_out = it;
      *t_out = NULL;
      return TRUE;
    }
  /* sub-rows that finished beside a span that goes on: their last row continues */
  for (guint i = 0; i < tc->len; i++)
    {
      vbox *tb = g_ptr_array_index (tc, i), *hb = g_ptr_array_index (hc, i);
      if (!tb->items->len && !tb->fo && hb->items->len)
        {
          vitem *last = g_ptr_array_index (hb->items, hb->items->len - 1);
          if (last->kind == VI_PAR)
            g_ptr_array_add (tb->items, par_continuation (job, last));
        }
    }
  vitem *hi = lay_alloc (job, sizeof *hi), *ti = lay_alloc (job, sizeof *ti);
  *hi = *it;
  *ti = *it;
  hi->u.cols = hc;
  ti->u.cols = tc;
  hi->h = par_height (hc);
  ti->h = par_height (tc);
  hi->no_break_after = 0;
  *h_out = hi;
  *t_out = ti;
  return TRUE;
}

/* TRUE if an item may be split inside. */
static gboolean
splittable (const vitem *it, gboolean force)
{
  if (it->kind == VI_BOX)
    return it->u.box->fixed_h <= 0 && (force || !it->u.box->keep_together);
  if (it->kind == VI_PAR)
    {
      gboolean keep = FALSE;
      for (guint i = 0; i < it->u.cols->len; i++)
        keep = keep || ((vbox *) g_ptr_array_index (it->u.cols, i))->keep_together;
      return force || !keep;
    }
  return FALSE;
}

/* Splits item i of `items` inside (a box or a parallel group) at `room`: the head is
 * items[0..i) + the item's head, the tail the item's rest + items(i..]. FALSE when nothing
 * of the item fits. */
static gboolean
split_inside (lay_job *job, GPtrArray *items, guint i, double room, gboolean force_box,
              gboolean force_par, gboolean at_top, GPtrArray **head, GPtrArray **tail,
              gw_break *forced)
{
  vitem *it = g_ptr_array_index (items, i), *hi = NULL, *ti = NULL;
  gboolean ok = it->kind == VI_BOX ? split_box (job, it, room, force_box, at_top, &hi, &ti, forced)
                                   : split_par (job, it, room, force_par, &hi, &ti);
  if (!ok || (it->kind == VI_BOX && !hi->u.box->items->len))
    return FALSE;
  *head = slice (job, items, 0, i);
  g_ptr_array_add (*head, hi);
  *tail = lay_list_new (job);
  if (ti)
    g_ptr_array_add (*tail, ti);
  for (guint k = i + 1; k < items->len; k++)
    g_ptr_array_add (*tail, g_ptr_array_index (items, k));
  return TRUE;
}

/* Splits `items` so that *head fits in `avail`.  Returns FALSE when nothing can be placed
 * without breaking a keep (unless `force`).  *tail is NULL when everything fits. */
gboolean
lay_split_list (lay_job *job, GPtrArray *items, double avail, gboolean force, gboolean at_top,
                GPtrArray **head, GPtrArray **tail, gw_break *forced)
{
  double used = 0;
  int last_ok = -1;
  gboolean placed = FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      vitem *it = g_ptr_array_index (items, i);
      double h = it->h;
      if (it->kind == VI_SPACE && it->discard && !placed && at_top)
        h = 0;
      if (it->kind == VI_LINE && it->u.line->footnotes)
        h += it->u.line->footnotes_h + FOOTNOTE_GAP; /* its footnotes go on the same page */
      if (used + h <= avail + EPS)
        {
          used += h;
          if (it->kind != VI_SPACE && it->kind != VI_MARK)
            placed = TRUE;
          if (it->force_after && placed)
            {
              *forced = it->force_after;
              *head = slice (job, items, 0, i + 1);
              *tail = slice (job, items, i + 1, items->len);
              lay_strip_spaces (*tail, 0);
              return TRUE;
            }
          if (!it->no_break_after && i + 1 < items->len)
            {
              vitem *next = g_ptr_array_index (items, i + 1);
              if (placed && next->kind != VI_MARK)
                last_ok = (int) i;
              else if (placed && next->kind == VI_MARK)
                last_ok = (int) i;
            }
          continue;
        }
      /* item i overflows */
      if (splittable (it, force && last_ok < 0 && !placed))
        {
          if (split_inside (job, items, i, avail - used, force, force && last_ok < 0,
                            at_top && !placed, head, tail, forced))
            return TRUE;
        }
      if (last_ok >= 0)
        {
          *head = slice (job, items, 0, last_ok + 1);
          *tail = slice (job, items, last_ok + 1, items->len);
          lay_strip_spaces (*head, 1);
          lay_strip_spaces (*tail, 0);
          return TRUE;
        }
      if (!force)
        return FALSE;
      if (placed)
        {
          *head = slice (job, items, 0, i);
          *tail = slice (job, items, i, items->len);
          lay_strip_spaces (*tail, 0);
          return TRUE;
        }
      /* a single item taller than the page: place it alone, clipped */
      if (splittable (it, TRUE))
        {
          if (split_inside (job, items, i, avail - used, TRUE, TRUE, at_top, head, tail, forced))
            return TRUE;
        }
      gw_diag_warn (job->ctx->diag, job->tree->file, 0,
                    "an object %.0fpt tall does not fit in the %.0fpt available; clipped", h, avail - used);
      *head = slice (job, items, 0, i + 1);
      *tail = slice (job, items, i + 1, items->len);
      lay_strip_spaces (*tail, 0);
      return TRUE;
    }
  *head = items;
  *tail = NULL;
  return TRUE;
}
