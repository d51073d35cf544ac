/* table.c — fo:table → vertical list.
 *
 * Outline:
 *   1. columns: table-column widths (absolute, %, proportional-column-width()), repeated;
 *      table-layout="auto" (or no widths) → widths from the cells' min/max content widths;
 *   2. grid: header, footer and body rows → cells placed on a grid with row/column spans;
 *   3. each cell → a box (borders resolved for the collapsing model, padding, background,
 *      display-align) holding the cell's blocks laid out at the cell's width;
 *   4. rows connected by row spans form a group; a group becomes a parallel item whose
 *      columns are the cells spanning the whole group plus, for the remaining column ranges,
 *      a nested list of the group's sub-rows — so a row-spanning cell and the rows beside it
 *      break across pages independently, between lines;
 *   5. the table is a box with the header/footer lists repeated at breaks; a header or footer
 *      holding fo:retrieve-table-marker is laid out again for each fragment of the table
 *      (lay_table_part_for), its height reserved for the tallest marker it may show. */
#include "layout/lay.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const gw_fo *fo;
  int row, col, rows, cols;
  vbox *box;
} tcell;

typedef struct {
  GPtrArray *cells;           /* tcell*, in document order */
  GPtrArray *rows;            /* table-row per grid row (may be NULL for implicit rows) */
  GPtrArray **by_row;         /* cells starting in each row */
  tcell **at;                 /* nrows × ncols: the cell covering each slot */
  int nrows;
} tgrid;

typedef struct {
  lay_job *job;
  const gw_fo *table;
  int ncols;
  double *cx, *cw;            /* column x (relative to the table's content x) and width */
  double x0;                  /* table content x in the emit origin */
  gboolean collapse;
  double sep_h, sep_v;
} tctx;

/* The column-width of a column: kind 0 abs, 1 pct, 2 proportional, 3 unspecified. */
static int
col_width (const gw_fo *col, double *v)
{
  const gw_colw *cw = &col->props->column_width;
  *v = cw->v;
  switch (cw->kind)
    {
    case GW_COLW_ABS: return 0;
    case GW_COLW_PCT: return 1;
    case GW_COLW_PROPORTIONAL: return 2;
    default: *v = 0; return 3;
    }
}

/* Places the cells of a row-group container (header/footer/body) on the grid. */
static void
grid_rows (tctx *t, const gw_fo *part, GPtrArray *cells, GPtrArray *rows, int *nrows)
{
  GArray *occ = g_array_new (FALSE, TRUE, sizeof (int)); /* rows still covered per column */
  g_array_set_size (occ, t->ncols + 64);
  int r = *nrows;
  int first = r;
  /* cells directly in the body: implicit rows */
  gboolean implicit = FALSE;
  for (const gw_fo *c = part->first; c; c = c->next)
    implicit = implicit || c->kind == FO_TABLE_CELL;
  const gw_fo *row = implicit ? part : part->first;
  int col = 0;
  for (; row; row = implicit ? NULL : row->next)
    {
      if (!implicit && row->kind != FO_TABLE_ROW)
        continue;
      if (!implicit)
        {
          g_ptr_array_add (rows, (gpointer) row);
          col = 0;
        }
      for (const gw_fo *c = row->first; c; c = c->next)
        {
          if (c->kind != FO_TABLE_CELL)
            continue;
          if (implicit)
            {
              if ((c->props->starts_row && col > 0) || col >= t->ncols)
                {
                  r++;
                  col = 0;
                  for (guint k = 0; k < occ->len; k++)
                    if (g_array_index (occ, int, k) > 0)
                      g_array_index (occ, int, k)--;
                }
              while ((int) rows->len <= r - first)
                g_ptr_array_add (rows, NULL);
            }
          while (col < (int) occ->len && g_array_index (occ, int, col) > 0)
            col++;
          int cn = c->props->column_number;
          if (cn > 0)
            col = cn - 1;
          tcell *tc = g_new0 (tcell, 1);
          lay_own (t->job, tc, g_free);
          tc->fo = c;
          tc->row = r;
          tc->col = col;
          tc->rows = c->props->number_rows_spanned;
          tc->cols = c->props->number_columns_spanned;
          if ((guint) (col + tc->cols) > occ->len)
            g_array_set_size (occ, col + tc->cols + 64);
          for (int k = 0; k < tc->cols; k++)
            g_array_index (occ, int, col + k) = tc->rows;
          g_ptr_array_add (cells, tc);
          col += tc->cols;
          if (implicit)
            {
              if (c->props->ends_row)
                col = t->ncols;
            }
        }
      if (!implicit)
        {
          r++;
          for (guint k = 0; k < occ->len; k++)
            if (g_array_index (occ, int, k) > 0)
              g_array_index (occ, int, k)--;
        }
    }
  if (implicit && cells->len)
    r++;
  /* clamp spans to the part */
  for (guint i = 0; i < cells->len; i++)
    {
      tcell *tc = g_ptr_array_index (cells, i);
      if (tc->row + tc->rows > r)
        tc->rows = r - tc->row;
      if (tc->rows < 1)
        tc->rows = 1;
    }
  *nrows = r;
  g_array_free (occ, TRUE);
}

/* Style rank of a border for conflict resolution (higher wins): double, solid, dashed,
 * dotted, ridge, outset, groove, inset (CSS 2.1 §17.6.2.1). */
static int
border_rank (gw_bstyle s)
{
  /* none solid dashed dotted double groove ridge inset outset hidden */
  static const int rank[] = { 0, 7, 6, 5, 8, 2, 4, 1, 3, 9 };
  return rank[s];
}

/* The winner of two borders in the collapsing model: hidden suppresses every other border,
 * none loses to any, then the wider, then the style rank; on a tie the first (the cell's). */
static gw_border
border_win (gw_border a, gw_border b)
{
  if (a.style == GW_BS_HIDDEN)
    return a;
  if (b.style == GW_BS_HIDDEN)
    return b;
  if (a.style == GW_BS_NONE || a.width <= 0)
    return (b.style == GW_BS_NONE || b.width <= 0) ? a : b;
  if (b.style == GW_BS_NONE || b.width <= 0)
    return a;
  if (a.width != b.width)
    return a.width > b.width ? a : b;
  return border_rank (b.style) > border_rank (a.style) ? b : a;
}

/* Finds the cell covering (row, col) or NULL. */
static tcell *
cell_at (const tctx *t, const tgrid *g, int row, int col)
{
  if (row < 0 || row >= g->nrows || col < 0 || col >= t->ncols)
    return NULL;
  return g->at[(gsize) row * t->ncols + col];
}

/* Builds the per-row and per-slot indexes of a grid. */
static void
grid_index (const tctx *t, tgrid *g)
{
  g->by_row = g_new0 (GPtrArray *, g->nrows + 1);
  g->at = g_new0 (tcell *, (gsize) g->nrows * t->ncols + 1);
  for (int r = 0; r < g->nrows; r++)
    g->by_row[r] = g_ptr_array_new ();
  for (guint i = 0; i < g->cells->len; i++)
    {
      tcell *c = g_ptr_array_index (g->cells, i);
      if (c->row < g->nrows)
        g_ptr_array_add (g->by_row[c->row], c);
      for (int r = c->row; r < c->row + c->rows && r < g->nrows; r++)
        for (int k = c->col; k < c->col + c->cols && k < t->ncols; k++)
          if (!g->at[(gsize) r * t->ncols + k])
            g->at[(gsize) r * t->ncols + k] = c;
    }
}

/* Frees the indexes of a grid. */
static void
grid_clear (tgrid *g)
{
  for (int r = 0; g->by_row && r < g->nrows; r++)
    g_ptr_array_free (g->by_row[r], TRUE);
  g_free (g->by_row);
  g_free (g->at);
  g_ptr_array_free (g->cells, TRUE);
  g_ptr_array_free (g->rows, TRUE);
}

/* Builds the box of a cell: geometry, borders (resolved), padding, content. */
static void
cell_box (tctx *t, tcell *c, const tgrid *g)
{
  GPtrArray *rows = g->rows;
  int nrows = g->nrows, row0 = 0;
  lay_job *job = t->job;
  const gw_style *st = c->fo->style;
  vbox *b = lay_box_new (job, c->fo);
  int last = MIN (c->col + c->cols, t->ncols) - 1;
  if (c->col > last)
    last = c->col;
  double x = t->x0 + (c->col < t->ncols ? t->cx[c->col] : 0);
  double w = 0;
  for (int k = c->col; k <= last && k < t->ncols; k++)
    w += t->cw[k];
  if (!t->collapse)
    w += (c->cols - 1) * t->sep_h;
  b->x = x;
  b->w = MAX (w, 1);
  for (int i = 0; i < 4; i++)
    {
      b->border[i] = st->border[i];
      b->pad[i] = st->padding[i];
    }
  if (t->collapse)
    {
      const gw_style *ts = t->table->style;
      const gw_fo *rowfo = (c->row - row0) >= 0 && (guint) (c->row - row0) < rows->len
                             ? g_ptr_array_index (rows, c->row - row0) : NULL;
          for (int side = 0; side < 4; side++)
        {
          gw_border best = st->border[side];
          if (rowfo && (side < 2 || TRUE))
            best = border_win (best, rowfo->style->border[side]);
          tcell *n = NULL;
          int opp = side ^ 1;
          if (side == 0 && c->row > row0)
            n = cell_at (t, g, c->row - 1, c->col);
          else if (side == 1 && c->row + c->rows < nrows)
            n = cell_at (t, g, c->row + c->rows, c->col);
          else if (side == 2 && c->col > 0)
            n = cell_at (t, g, c->row, c->col - 1);
          else if (side == 3 && last + 1 < t->ncols)
            n = cell_at (t, g, c->row, last + 1);
          if (n)
            best = border_win (best, n->fo->style->border[opp]);
          gboolean outer = (side == 2 && c->col == 0) || (side == 3 && last + 1 >= t->ncols)
                           || (side == 0 && c->row == row0) || (side == 1 && c->row + c->rows >= nrows);
          if (outer)
            best = border_win (best, ts->border[side]);
          b->border[side] = best;
        }
      b->collapsed = TRUE;
    }
  b->bg = st->background;
  if (b->bg.a <= 0)
    {
      const gw_fo *rowfo = (guint) c->row < g->rows->len ? g_ptr_array_index (g->rows, c->row) : NULL;
      if (rowfo && rowfo->style->background.a > 0)
        b->bg = rowfo->style->background;
      else if (c->fo->parent && c->fo->parent->kind == FO_TABLE_ROW && c->fo->parent->parent)
        b->bg = c->fo->parent->parent->style->background; /* header, footer or body */
      else if (c->fo->parent)
        b->bg = c->fo->parent->style->background;
    }
  b->dalign = st->display_align;
  b->retain_borders = TRUE;
  b->keep_together = st->keep_together > 0;
  lay_ref ref = { 0 };
  double bl = b->collapsed ? b->border[2].width / 2 : b->border[2].width;
  double br = b->collapsed ? b->border[3].width / 2 : b->border[3].width;
  ref.x = x + bl + b->pad[2];
  ref.width = MAX (w - bl - br - b->pad[2] - b->pad[3], 1);
  ref.si_base = gw_len_resolve (st->start_indent, ref.width, 0);
  ref.ei_base = gw_len_resolve (st->end_indent, ref.width, 0);
  const char *id = c->fo->props->id;
  if (id)
    {
      vitem *m = lay_item_new (job, VI_MARK);
      m->u.mark.kind = MARK_ID;
      m->u.mark.name = id; /* interned in the tree's pool */
      m->u.mark.fo = c->fo;
      m->no_break_after = 1;
      g_ptr_array_add (b->items, m);
    }
  lay_blocks (job, c->fo, &ref, b->items);
  /* a row with an explicit height: at least that tall */
  if (rows && (c->row - row0) >= 0 && (guint) (c->row - row0) < rows->len && c->rows == 1)
    {
      const gw_fo *rowfo = g_ptr_array_index (rows, c->row - row0);
      double mh = rowfo ? gw_len_resolve (rowfo->style->height, 0, 0) : 0;
      if (mh <= 0 && rowfo)
        mh = gw_len_resolve (st->height, 0, 0);
      b->min_h = mh;
    }
  c->box = b;
}

static void group_rows (tctx *t, const tgrid *g, int r0, int r1, int c0, int c1, GPtrArray *out);

/* Emits the parallel item for rows [r0, r1] within columns [c0, c1). */
static void
group_par (tctx *t, const tgrid *g, int r0, int r1, int c0, int c1, GPtrArray *out)
{
  GPtrArray *cells = g->by_row[r0], *rows = g->rows;
  int row0 = 0;
  lay_job *job = t->job;
  GPtrArray *cols = lay_list_new (job);
  /* cells spanning the whole group */
  int c = c0;
  while (c < c1)
    {
      tcell *full = NULL;
      for (guint i = 0; i < cells->len; i++)
        {
          tcell *x = g_ptr_array_index (cells, i);
          if (x->col == c && x->row == r0 && x->row + x->rows - 1 >= r1)
            full = x;
        }
      if (full)
        {
          g_ptr_array_add (cols, full->box);
          c += full->cols;
          continue;
        }
      /* a segment of columns without full-height cells */
      int s = c;
      while (c < c1)
        {
          gboolean is_full = FALSE;
          for (guint i = 0; i < cells->len && !is_full; i++)
            {
              tcell *x = g_ptr_array_index (cells, i);
              is_full = x->col == c && x->row == r0 && x->row + x->rows - 1 >= r1;
            }
          if (is_full)
            break;
          c++;
        }
      if (r0 == r1)
        {
          for (guint i = 0; i < cells->len; i++)
            {
              tcell *x = g_ptr_array_index (cells, i);
              if (x->row == r0 && x->col >= s && x->col < c)
                g_ptr_array_add (cols, x->box);
            }
          continue;
        }
      vbox *seg = lay_box_new (job, NULL);
      seg->x = t->x0 + (s < t->ncols ? t->cx[s] : 0);
      seg->w = 0;
      group_rows (t, g, r0, r1, s, c, seg->items);
      g_ptr_array_add (cols, seg);
    }
  vitem *it = lay_item_new (job, VI_PAR);
  it->u.cols = cols;
  double h = 0;
  for (guint i = 0; i < cols->len; i++)
    h = MAX (h, lay_box_height (g_ptr_array_index (cols, i)));
  it->h = h;
  /* row keeps and breaks */
  const gw_fo *rowfo = (r1 - row0) >= 0 && (guint) (r1 - row0) < rows->len ? g_ptr_array_index (rows, r1 - row0) : NULL;
  const gw_fo *firstrow = (r0 - row0) >= 0 && (guint) (r0 - row0) < rows->len ? g_ptr_array_index (rows, r0 - row0) : NULL;
  if (firstrow && firstrow->style->break_before != GW_BREAK_AUTO && out->len)
    {
      vitem *b = lay_item_new (job, VI_SPACE);
      b->discard = TRUE;
      b->force_after = firstrow->style->break_before;
      g_ptr_array_add (out, b);
    }
  if (firstrow && firstrow->style->keep_with_previous > 0 && out->len)
    ((vitem *) g_ptr_array_index (out, out->len - 1))->no_break_after = 1;
  if (firstrow && firstrow->style->keep_together > 0)
    for (guint i = 0; i < cols->len; i++)
      ((vbox *) g_ptr_array_index (cols, i))->keep_together = TRUE;
  it->no_break_after = rowfo && rowfo->style->keep_with_next > 0;
  g_ptr_array_add (out, it);
  if (rowfo && rowfo->style->break_after != GW_BREAK_AUTO)
    {
      vitem *b = lay_item_new (job, VI_SPACE);
      b->discard = TRUE;
      b->force_after = rowfo->style->break_after;
      g_ptr_array_add (out, b);
    }
}

/* Splits rows [r0, r1] within columns [c0, c1) into groups closed under row spans. */
static void
group_rows (tctx *t, const tgrid *g, int r0, int r1, int c0, int c1, GPtrArray *out)
{
  int r = r0;
  while (r <= r1)
    {
      int end = r;
      for (int k = r; k <= end; k++)
        for (guint i = 0; i < g->by_row[k]->len; i++)
          {
            tcell *x = g_ptr_array_index (g->by_row[k], i);
            if (x->col >= c0 && x->col < c1)
              end = MAX (end, MIN (r1, x->row + x->rows - 1));
          }
      group_par (t, g, r, end, c0, c1, out);
      r = end + 1;
    }
}

/* Lays out one part (header, footer, body) into a list. */
static void
lay_part (tctx *t, const gw_fo *part, GPtrArray *out)
{
  tgrid g = { g_ptr_array_new (), g_ptr_array_new (), NULL, NULL, 0 };
  grid_rows (t, part, g.cells, g.rows, &g.nrows);
  if (g.cells->len > t->job->ctx->limits.max_table_cells)
    {
      gw_diag_error (t->job->ctx->diag, t->job->tree->file, part->line,
                     "table has more than %u cells", t->job->ctx->limits.max_table_cells);
      grid_clear (&g);
      return;
    }
  grid_index (t, &g);
  for (guint i = 0; i < g.cells->len; i++)
    cell_box (t, g_ptr_array_index (g.cells, i), &g);
  if (g.nrows > 0)
    group_rows (t, &g, 0, g.nrows - 1, 0, t->ncols, out);
  grid_clear (&g);
}

/* ---- fo:retrieve-table-marker (XSL 1.1 §6.13.7) ---- */

/* What laying a header or footer out again needs: the table's column geometry. */
struct lay_table_parts {
  tctx t;                     /* cx, cw in the pass storage */
  const gw_fo *header, *footer; /* the parts that retrieve table markers, or NULL */
};

/* One cell of a table fragment: does its first / last area lie in the fragment? */
typedef struct { const gw_fo *cell; gboolean starts, ends; } frag_cell;

/* The fragment a header or footer is being laid out for. */
struct lay_table_frag {
  const gw_fo *table;
  GArray *cells;              /* frag_cell in the fragment's order (NULL while measuring) */
  unsigned first_serial;      /* the first cell of the fragment in document order */
  const gw_fo *const *forced; /* measuring: the markers retrievals of their class return */
  guint n_forced;
};

/* TRUE if a subtree holds a retrieve-table-marker. */
static gboolean
has_table_retrieve (const gw_fo *fo)
{
  for (const gw_fo *c = fo->first; c; c = c->next)
    if (c->kind == FO_RETRIEVE_TABLE_MARKER || has_table_retrieve (c))
      return TRUE;
  return FALSE;
}

/* Collects the table cells of a fragment's items (rows, sub-rows of spans). */
static void
frag_collect (const GPtrArray *items, GArray *cells)
{
  for (guint i = 0; i < items->len; i++)
    {
      const vitem *it = g_ptr_array_index (items, i);
      guint n = it->kind == VI_PAR ? it->u.cols->len : it->kind == VI_BOX ? 1 : 0;
      for (guint k = 0; k < n; k++)
        {
          const vbox *b = it->kind == VI_PAR ? g_ptr_array_index (it->u.cols, k) : it->u.box;
          if (b->fo && b->fo->kind == FO_TABLE_CELL)
            g_array_append_val (cells, ((frag_cell){ b->fo, !b->cont_top, !b->cont_bottom }));
          else if (!b->fo)
            frag_collect (b->items, cells);
        }
    }
}

/* The first and last marker of class `cls` in a cell (document order), not looking into
 * nested tables. */
static void
cell_markers (const gw_fo *fo, const char *cls, const gw_fo **first, const gw_fo **last)
{
  for (const gw_fo *c = fo->first; c; c = c->next)
    if (c->kind == FO_MARKER)
      {
        if (!c->props->marker_class_name || strcmp (c->props->marker_class_name, cls))
          continue;
        if (!*first || c->serial < (*first)->serial)
          *first = c;
        if (!*last || c->serial > (*last)->serial)
          *last = c;
      }
    else if (c->kind != FO_TABLE)
      cell_markers (c, cls, first, last);
}

/* The last marker of a class in the table's body cells before document position `serial`. */
static const gw_fo *
marker_before (const gw_fo *fo, const char *cls, unsigned serial)
{
  const gw_fo *best = NULL;
  for (const gw_fo *c = fo->first; c && c->serial < serial; c = c->next)
    {
      const gw_fo *first = NULL, *last = NULL;
      if (c->kind == FO_TABLE_CELL)
        cell_markers (c, cls, &first, &last);
      else if (c->kind == FO_TABLE_BODY || c->kind == FO_TABLE_ROW)
        last = marker_before (c, cls, serial);
      if (last && (!best || last->serial > best->serial))
        best = last;
    }
  return best;
}

/* The marker a retrieve-table-marker stands for in the fragment being laid out:
 *   first-starting-within-table   first marker of a cell that starts in the fragment
 *   first-including-carryover     first marker of any cell in it (one carried over first)
 *   last-starting-within-table    last marker of a cell that starts in it
 *   last-ending-within-table      last marker of a cell that ends in it, else of any cell
 * and when the fragment has none, with retrieve-boundary-within-table="table" (the
 * default) the last marker of the table's earlier fragments. */
const gw_fo *
lay_table_retrieve (lay_job *job, const gw_fo *rtm)
{
  const lay_table_frag *f = job->table_frag;
  const char *cls = rtm->props->retrieve_class_name;
  if (!f)
    {
      gw_diag_warn_once (job->ctx->diag, "retrieve-table-marker-outside", job->tree->file, rtm->line,
                         "fo:retrieve-table-marker outside a table-header or table-footer ignored");
      return NULL;
    }
  if (!cls)
    return NULL;
  if (!f->cells) /* measuring */
    {
      for (guint i = 0; i < f->n_forced; i++)
        if (!g_strcmp0 (f->forced[i]->props->marker_class_name, cls))
          return f->forced[i];
      return NULL;
    }
  gw_retrieve_pos pos = rtm->props->retrieve_position_within_table;
  const gw_fo *found = NULL;
  for (int pass = 0; pass < 2 && !found; pass++)
    for (guint i = 0; i < f->cells->len; i++)
      {
        const frag_cell *fc = &g_array_index (f->cells, frag_cell, i);
        const gw_fo *first = NULL, *last = NULL;
        gboolean take = pos == GW_RP_FIRST_INCLUDING_CARRYOVER
                        || ((pos == GW_RP_FIRST_STARTING || pos == GW_RP_LAST_STARTING) && fc->starts)
                        || (pos == GW_RP_LAST_ENDING && (fc->ends || pass == 1));
        if (!take)
          continue;
        cell_markers (fc->cell, cls, &first, &last);
        gboolean want_first = pos == GW_RP_FIRST_STARTING || pos == GW_RP_FIRST_INCLUDING_CARRYOVER;
        const gw_fo *m = want_first ? first : last;
        if (m && (!found || (want_first ? m->serial < found->serial : m->serial > found->serial)))
          found = m;
      }
  if (!found && rtm->props->retrieve_boundary_within_table == GW_RBT_TABLE)
    found = marker_before (f->table, cls, f->first_serial);
  return found;
}

/* Lays a header or footer out with retrievals resolved by `f`. */
static GPtrArray *
part_with (lay_job *job, const lay_table_parts *tp, const gw_fo *part, const lay_table_frag *f)
{
  const lay_table_frag *saved = job->table_frag;
  GPtrArray *out = lay_list_new (job);
  tctx t = tp->t;
  job->table_frag = f;
  lay_part (&t, part, out);
  job->table_frag = saved;
  return out;
}

/* The header (or footer) to draw with a table fragment: the table's own list, or laid out
 * again for the fragment when it retrieves table markers. */
GPtrArray *
lay_table_part_for (lay_job *job, const vbox *frag, gboolean header)
{
  GPtrArray *own = header ? frag->header : frag->footer;
  const gw_fo *part = frag->parts ? (header ? frag->parts->header : frag->parts->footer) : NULL;
  if (!part)
    return own;
  lay_table_frag f = { frag->parts->t.table, g_array_new (FALSE, FALSE, sizeof (frag_cell)), G_MAXUINT, NULL, 0 };
  frag_collect (frag->items, f.cells);
  for (guint i = 0; i < f.cells->len; i++)
    f.first_serial = MIN (f.first_serial, g_array_index (f.cells, frag_cell, i).cell->serial);
  GPtrArray *out = part_with (job, frag->parts, part, &f);
  g_array_free (f.cells, TRUE);
  return out;
}

/* Collects the body's markers of `cls` (document order, at most `cap`). */
static void
body_markers (const gw_fo *fo, const char *cls, GPtrArray *out, guint cap)
{
  for (const gw_fo *c = fo->first; c && out->len < cap; c = c->next)
    if (c->kind == FO_MARKER)
      {
        if (c->props->marker_class_name && !strcmp (c->props->marker_class_name, cls))
          g_ptr_array_add (out, (gpointer) c);
      }
    else if (c->kind != FO_TABLE_HEADER && c->kind != FO_TABLE_FOOTER && c->kind != FO_TABLE)
      body_markers (c, cls, out, cap);
}

/* Collects the classes a part retrieves. */
static void
part_classes (const gw_fo *fo, GPtrArray *out)
{
  for (const gw_fo *c = fo->first; c; c = c->next)
    if (c->kind == FO_RETRIEVE_TABLE_MARKER && c->props->retrieve_class_name)
      {
        guint k;
        if (!g_ptr_array_find_with_equal_func (out, c->props->retrieve_class_name, g_str_equal, &k))
          g_ptr_array_add (out, (gpointer) c->props->retrieve_class_name);
      }
    else
      part_classes (c, out);
}

/* Lays out a header or footer that retrieves table markers and measures the height to
 * reserve: for each class the marker that makes the part tallest (of the body's first 64),
 * then all those at once.  Returns the list laid out with no marker. */
static GPtrArray *
part_measured (lay_job *job, const lay_table_parts *tp, const gw_fo *part, double *h)
{
  const gw_fo *tallest[16] = { NULL };
  lay_table_frag f = { tp->t.table, NULL, 0, tallest, 0 };
  GPtrArray *out = part_with (job, tp, part, &f);
  *h = lay_list_height (out);
  GPtrArray *classes = g_ptr_array_new (), *markers = g_ptr_array_new ();
  part_classes (part, classes);
  guint nc = MIN (classes->len, G_N_ELEMENTS (tallest));
  for (guint k = 0; k < nc; k++)
    {
      double best = -1;
      g_ptr_array_set_size (markers, 0);
      body_markers (tp->t.table, g_ptr_array_index (classes, k), markers, 64);
      for (guint i = 0; i < markers->len; i++)
        {
          const gw_fo *one = g_ptr_array_index (markers, i);
          lay_table_frag fi = { tp->t.table, NULL, 0, &one, 1 };
          double hi = lay_list_height (part_with (job, tp, part, &fi));
          if (hi > best)
            best = hi, tallest[f.n_forced] = one;
        }
      if (best >= 0)
        f.n_forced++;
    }
  *h = MAX (*h, lay_list_height (part_with (job, tp, part, &f)));
  g_ptr_array_free (classes, TRUE);
  g_ptr_array_free (markers, TRUE);
  return out;
}

/* Min/max content widths of a block-level subtree (for auto layout). */
void
lay_block_widths (lay_job *job, const gw_fo *fo, double *min_w, double *max_w)
{
  double mn = 0, mx = 0;
  gboolean inl = FALSE;
  for (const gw_fo *c = fo->first; c; c = c->next)
    {
      if (gw_fo_kind_class (c->kind) == FO_CLASS_BLOCK || c->kind == FO_WRAPPER)
        {
          double a, b;
          lay_block_widths (job, c, &a, &b);
          double ind = c->style->padding[2] + c->style->padding[3] + c->style->border[2].width + c->style->border[3].width;
          mn = MAX (mn, a + ind);
          mx = MAX (mx, b + ind);
        }
      else
        inl = TRUE;
    }
  if (inl)
    {
      double a, b;
      lay_inline_widths (job, fo, &a, &b);
      mn = MAX (mn, a);
      mx = MAX (mx, b);
    }
  *min_w = mn;
  *max_w = mx;
}

/* Computes automatic column widths from cell content. */
static void
auto_widths (tctx *t, const gw_fo *table, double avail, const double *fixed)
{
  int n = t->ncols;
  double *mn = g_new0 (double, n), *mx = g_new0 (double, n);
  for (const gw_fo *part = table->first; part; part = part->next)
    {
      if (part->kind != FO_TABLE_BODY && part->kind != FO_TABLE_HEADER && part->kind != FO_TABLE_FOOTER)
        continue;
      GPtrArray *cells = g_ptr_array_new (), *rows = g_ptr_array_new ();
      int nrows = 0;
      grid_rows (t, part, cells, rows, &nrows);
      for (guint i = 0; i < cells->len; i++)
        {
          tcell *c = g_ptr_array_index (cells, i);
          if (c->col >= n || c->cols != 1)
            continue;
          double a, b;
          lay_block_widths (t->job, c->fo, &a, &b);
          const gw_style *st = c->fo->style;
          double extra = st->padding[2] + st->padding[3] + st->border[2].width + st->border[3].width + 0.5;
          mn[c->col] = MAX (mn[c->col], a + extra);
          mx[c->col] = MAX (mx[c->col], b + extra);
        }
      g_ptr_array_free (cells, TRUE);
      g_ptr_array_free (rows, TRUE);
    }
  double smin = 0, smax = 0, sfixed = 0;
  for (int i = 0; i < n; i++)
    {
      if (fixed[i] >= 0)
        {
          sfixed += fixed[i];
          continue;
        }
      smin += mn[i];
      smax += mx[i];
    }
  double room = avail - sfixed;
  if (smax > room && smin < room)
    {
      /* every column gets its minimum; columns that need little more than that (序号,
       * short labels) get their maximum first; long-text columns share what is left in
       * proportion to what they would still like */
      double left = room - smin;
      int *order = g_new (int, n), m = 0;
      for (int i = 0; i < n; i++)
        if (fixed[i] < 0)
          order[m++] = i, t->cw[i] = mn[i];
      for (int a = 1; a < m; a++) /* insertion sort by need, ascending */
        for (int b = a; b > 0 && mx[order[b]] - mn[order[b]] < mx[order[b - 1]] - mn[order[b - 1]]; b--)
          {
            int tmp = order[b];
            order[b] = order[b - 1];
            order[b - 1] = tmp;
          }
      int k = 0;
      for (; k < m; k++)
        {
          double need = mx[order[k]] - mn[order[k]];
          if (need > left / (m - k))
            break;
          t->cw[order[k]] = mx[order[k]];
          left -= need;
        }
      double rest = 0;
      for (int r = k; r < m; r++)
        rest += mx[order[r]] - mn[order[r]];
      for (int r = k; r < m; r++)
        t->cw[order[r]] += rest > 0 ? left * (mx[order[r]] - mn[order[r]]) / rest : left / (m - k);
      for (int i = 0; i < n; i++)
        if (fixed[i] >= 0)
          t->cw[i] = fixed[i];
      g_free (order);
    }
  else
    for (int i = 0; i < n; i++)
      {
        if (fixed[i] >= 0)
          t->cw[i] = fixed[i];
        else if (smax <= room)
          t->cw[i] = smax > 0 ? mx[i] + (room - smax) * mx[i] / smax : room / n;
        else
          t->cw[i] = smin > 0 ? room * mn[i] / smin : room / n;
      }
  g_free (mn);
  g_free (mx);
}

/* Appends the vertical list of a table. */
void
lay_table (lay_job *job, const gw_fo *table, const lay_ref *ref, GPtrArray *out)
{
  const gw_style *st = table->style;
  tctx t = { 0 };
  t.job = job;
  t.table = table;
  t.collapse = st->border_collapse;
  t.sep_h = t.collapse ? 0 : st->border_sep_ipd;
  t.sep_v = t.collapse ? 0 : st->border_sep_bpd;
  double cx = lay_start_indent (st, ref);
  double avail = ref->x + ref->width - lay_end_indent (st, ref) - cx;
  double tw = gw_len_resolve (st->width, avail, avail);
  if (tw <= 0 || tw > avail * 10)
    tw = avail;
  /* columns */
  GArray *kinds = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *vals = g_array_new (FALSE, FALSE, sizeof (double));
  for (const gw_fo *c = table->first; c; c = c->next)
    if (c->kind == FO_TABLE_COLUMN)
      {
        double v;
        int k = col_width (c, &v);
        int rep = c->props->number_columns_repeated;
        for (int i = 0; i < rep; i++)
          {
            g_array_append_val (kinds, k);
            g_array_append_val (vals, v);
          }
      }
  /* the widest row decides the number of columns */
  int ncols = (int) kinds->len;
  for (const gw_fo *part = table->first; part; part = part->next)
    for (const gw_fo *row = part->first; row; row = row->next)
      {
        int n = 0;
        if (row->kind == FO_TABLE_ROW)
          for (const gw_fo *c = row->first; c; c = c->next)
            if (c->kind == FO_TABLE_CELL)
              n += c->props->number_columns_spanned;
        ncols = MAX (ncols, MIN (n, 1000));
      }
  if (ncols == 0)
    {
      g_array_free (kinds, TRUE);
      g_array_free (vals, TRUE);
      return;
    }
  while ((int) kinds->len < ncols)
    {
      int k = 3;
      double v = 0;
      g_array_append_val (kinds, k);
      g_array_append_val (vals, v);
    }
  t.ncols = ncols;
  t.cx = g_new0 (double, ncols);
  t.cw = g_new0 (double, ncols);
  double inner = tw - (t.collapse ? 0 : st->border[2].width + st->border[3].width + t.sep_h * (ncols + 1));
  gboolean any_spec = FALSE;
  for (int i = 0; i < ncols; i++)
    any_spec = any_spec || g_array_index (kinds, int, i) != 3;
  gboolean automatic = table->props->table_layout_auto || !any_spec;
  double *fixed = g_new (double, ncols);
  double used = 0, prop = 0;
  for (int i = 0; i < ncols; i++)
    {
      int k = g_array_index (kinds, int, i);
      double v = g_array_index (vals, double, i);
      fixed[i] = k == 0 ? v : k == 1 ? inner * v / 100 : -1;
      if (fixed[i] >= 0)
        used += fixed[i];
      else
        prop += k == 2 ? v : 1;
    }
  if (automatic)
    auto_widths (&t, table, inner, fixed);
  else
    for (int i = 0; i < ncols; i++)
      {
        int k = g_array_index (kinds, int, i);
        double v = g_array_index (vals, double, i);
        t.cw[i] = fixed[i] >= 0 ? fixed[i] : MAX (0, inner - used) * (k == 2 ? v : 1) / (prop > 0 ? prop : 1);
      }
  g_free (fixed);
  double x = t.collapse ? 0 : st->border[2].width + t.sep_h;
  for (int i = 0; i < ncols; i++)
    {
      t.cx[i] = x;
      x += t.cw[i] + t.sep_h;
    }
  t.x0 = cx;
  /* the table box */
  vbox *tb = lay_box_new (job, table);
  tb->x = cx;
  tb->w = tw;
  if (!t.collapse)
    for (int i = 0; i < 4; i++)
      tb->border[i] = st->border[i];
  tb->bg = st->background;
  tb->retain_borders = TRUE;
  tb->keep_together = st->keep_together > 0;
  tb->omit_header_at_break = table->props->omit_header_at_break;
  tb->omit_footer_at_break = table->props->omit_footer_at_break;
  lay_table_parts *tp = NULL;
  for (const gw_fo *part = table->first; part; part = part->next)
    if ((part->kind == FO_TABLE_HEADER || part->kind == FO_TABLE_FOOTER) && has_table_retrieve (part))
      {
        if (!tp)
          {
            tp = lay_alloc (job, sizeof *tp);
            tp->t = t;
            tp->t.cx = lay_alloc (job, ncols * sizeof (double));
            tp->t.cw = lay_alloc (job, ncols * sizeof (double));
            memcpy (tp->t.cx, t.cx, ncols * sizeof (double));
            memcpy (tp->t.cw, t.cw, ncols * sizeof (double));
          }
        if (part->kind == FO_TABLE_HEADER)
          tp->header = part;
        else
          tp->footer = part;
      }
  tb->parts = tp;
  for (const gw_fo *part = table->first; part; part = part->next)
    {
      if (part->kind == FO_TABLE_HEADER)
        {
          if (tp && tp->header == part)
            tb->header = part_measured (job, tp, part, &tb->header_h);
          else
            {
              tb->header = lay_list_new (job);
              lay_part (&t, part, tb->header);
              tb->header_h = lay_list_height (tb->header);
            }
        }
      else if (part->kind == FO_TABLE_FOOTER)
        {
          if (tp && tp->footer == part)
            tb->footer = part_measured (job, tp, part, &tb->footer_h);
          else
            {
              tb->footer = lay_list_new (job);
              lay_part (&t, part, tb->footer);
              tb->footer_h = lay_list_height (tb->footer);
            }
        }
      else if (part->kind == FO_TABLE_BODY)
        lay_part (&t, part, tb->items);
    }
  if (tb->header_h + tb->footer_h > 500)
    {
      gw_diag_warn (job->ctx->diag, job->tree->file, table->line,
                    "table header and footer are %.0fpt tall: not repeated", tb->header_h + tb->footer_h);
      tb->omit_header_at_break = tb->omit_footer_at_break = TRUE;
    }
  vitem *it = lay_add_box (job, out, tb);
  it->no_break_after = st->keep_with_next > 0;
  g_array_free (kinds, TRUE);
  g_array_free (vals, TRUE);
  g_free (t.cx);
  g_free (t.cw);
}
