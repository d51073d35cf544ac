/* paginate.c — page masters, breaking vertical lists into pages, emitting areas.
 *
 * Outline of one page-sequence:
 *   items = vertical list of the flow
 *   while items remain:
 *     choose the page master (first/rest/last, odd/even, blank) for the next page
 *     (head, tail) = split(items, body height)       -- legal breaks first: keeps, widows,
 *        if no legal break exists: split again forced  -- orphans; then forced progress
 *     if tail is empty and a different "last" master exists, retry with it
 *     emit head into the page's body region; items = tail
 *   force-page-count, then static content of every page once the whole document is laid
 *   out (so "共 M 页" and running headers from markers are exact). */
#include "layout/lay.h"

#include <math.h>
#include <string.h>

#define EPS 0.01
#define FOOTNOTE_GAP 8.0 /* room for the separator rule above the footnotes of a page */

/* ---- splitting ---- */

static gboolean split_list (lay_job *job, GPtrArray *items, double avail, gboolean force,
                            gboolean at_top, GPtrArray **head, GPtrArray **tail, gw_break *forced);

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
static void
strip_spaces (GPtrArray *l, int where)
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
  if (!split_list (job, b->items, box_inner_avail (b, avail), force, at_top, &h, &t, forced))
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
      else if (!split_list (job, b->items, inner, force, TRUE, &h, &t, &fb))
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
static gboolean
split_list (lay_job *job, GPtrArray *items, double avail, gboolean force, gboolean at_top,
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
              strip_spaces (*tail, 0);
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
          strip_spaces (*head, 1);
          strip_spaces (*tail, 0);
          return TRUE;
        }
      if (!force)
        return FALSE;
      if (placed)
        {
          *head = slice (job, items, 0, i);
          *tail = slice (job, items, i, items->len);
          strip_spaces (*tail, 0);
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
      strip_spaces (*tail, 0);
      return TRUE;
    }
  *head = items;
  *tail = NULL;
  return TRUE;
}

/* ---- emitting ---- */

typedef struct {
  lay_job *job;
  gw_area *page;
  lay_page_info *info;
  double page_w, page_h;
  double body_x, body_y, body_w, body_h; /* absolute region-body content rectangle */
} emit_ctx;

static double emit_list (emit_ctx *e, GPtrArray *items, gw_area *parent, double ox, double y, double stretch);

/* Emits the pieces of a line as text/rule/image/link areas. */
static void
emit_line (emit_ctx *e, const lay_line *line, gw_area *parent, double ox, double y, double h)
{
  gw_areas *areas = e->job->areas;
  if (line->footnotes && e->info)
    for (guint i = 0; i < line->footnotes->len; i++)
      g_ptr_array_add (e->info->footnotes, g_ptr_array_index (line->footnotes, i));
  gw_area *la = gw_area_add (areas, parent, GW_AREA_LINE, ox + line->x, y, line->w, h);
  la->name = NULL;
  double base = y + line->above;
  for (guint i = 0; i < line->pieces->len; i++)
    {
      lay_piece *p = g_ptr_array_index (line->pieces, i);
      double px = ox + p->x;
      gw_area *a = NULL;
      switch (p->kind)
        {
        case PIECE_TEXT:
          if (p->page_number && e->info && !e->job->cur_page_label)
            {
              /* a page number in the flow: what this page is, for the next pass */
              char *key = g_strdup_printf ("#pn:%u", p->page_number->serial);
              g_hash_table_replace (e->job->cites_now, key, g_strdup (e->info->label));
            }
          if (p->st->background.a > 0)
            {
              /* fo:inline background-color: behind the run, the height of the line */
              gw_area *bg = gw_area_add (areas, la, GW_AREA_BLOCK, px, y, p->w, h);
              bg->name = "inline";
              bg->u.box.background = p->st->background;
            }
          a = gw_area_add (areas, la, GW_AREA_TEXT, px, base - p->st->font_size * 0.88 - p->rise,
                           p->w, p->st->font_size);
          a->u.text.baseline = base - p->rise;
          a->u.text.font = p->font;
          gw_areas_keep_font (areas, p->font);
          a->u.text.glyphs = p->glyphs;
          a->u.text.item = p->item;
          a->u.text.text = p->text;
          a->u.text.color = p->st->color;
          a->u.text.underline = p->st->underline;
          a->u.text.line_through = p->st->line_through;
          a->u.text.overline = p->st->overline;
          a->u.text.font_size = p->st->font_size;
          break;
        case PIECE_IMAGE:
          a = gw_area_add (areas, la, GW_AREA_IMAGE, px, base - p->asc, p->w, p->asc + p->desc);
          a->u.image.image = p->image;
          break;
        case PIECE_LEADER:
          if (p->leader_pattern == 1 || p->leader_pattern == 2)
            {
              a = gw_area_add (areas, la, GW_AREA_RULE, px, base - p->st->font_size * 0.25 * (p->leader_pattern == 1), p->w, 0);
              a->u.rule.thickness = p->leader_pattern == 1 ? p->rule_thickness : p->st->font_size * 0.1;
              a->u.rule.style = p->leader_pattern == 1 ? GW_BS_SOLID : GW_BS_DOTTED;
              a->u.rule.color = p->st->color;
            }
          if (p->st->underline && p->leader_pattern == 0)
            {
              /* an underlined space leader is a fill-in blank */
              a = gw_area_add (areas, la, GW_AREA_RULE, px, base + p->st->font_size * 0.12, p->w, 0);
              a->u.rule.thickness = MAX (0.5, p->st->font_size * 0.05);
              a->u.rule.style = GW_BS_SOLID;
              a->u.rule.color = p->st->color;
            }
          break;
        case PIECE_SPACE:
          break;
        }
      if (p->link)
        {
          char *dest = gw_fo_attr (p->link, "internal-destination");
          gboolean external = FALSE;
          if (!dest)
            {
              dest = gw_fo_attr (p->link, "external-destination");
              external = dest != NULL;
            }
          if (dest)
            {
              char *d = dest;
              if (g_str_has_prefix (d, "url(") && g_str_has_suffix (d, ")"))
                {
                  d = g_strndup (dest + 4, strlen (dest) - 5);
                  g_strstrip (d);
                  if ((*d == '\'' || *d == '"') && strlen (d) >= 2)
                    {
                      memmove (d, d + 1, strlen (d));
                      d[strlen (d) - 1] = 0;
                    }
                  g_free (dest);
                }
              gw_area *l = gw_area_add (areas, la, GW_AREA_LINK, px, y, p->w, h);
              l->name = gw_areas_str (areas, d, -1);
              l->u.link.external = external;
              g_free (d);
            }
        }
    }
}

/* Draws a box fragment: its area with borders (open at continued edges) and background. */
static gw_area *
emit_box_area (emit_ctx *e, const vbox *b, gw_area *parent, double ox, double y, double h)
{
  gw_area *a = gw_area_add (e->job->areas, parent, GW_AREA_BLOCK, ox + b->x, y, b->w, h);
  a->name = b->fo ? gw_fo_kind_name (b->fo->kind) : "anonymous";
  for (int i = 0; i < 4; i++)
    a->u.box.border[i] = b->border[i];
  if (b->cont_top && !b->retain_borders)
    a->u.box.border[0].width = 0;
  if (b->cont_bottom && !b->retain_borders)
    a->u.box.border[1].width = 0;
  a->u.box.background = b->bg;
  a->u.box.collapsed = b->collapsed;
  a->u.box.clip = b->fixed_h > 0;
  return a;
}

/* Emits a box fragment and its content; `h` is the height to draw (≥ natural). */
static void
emit_box (emit_ctx *e, const vbox *b, gw_area *parent, double ox, double y, double h)
{
  gw_area *a = emit_box_area (e, b, parent, ox, y, h);
  double f = b->collapsed ? 0.5 : 1;
  double top = (!b->cont_top || b->retain_borders) ? b->border[0].width * f + b->pad[0] : 0;
  double bottom = (!b->cont_bottom || b->retain_borders) ? b->border[1].width * f + b->pad[1] : 0;
  double cy = y + top;
  if (b->header && (!b->cont_top || !b->omit_header_at_break))
    cy = emit_list (e, b->header, a, ox, cy, 0);
  double content = lay_list_height (b->items);
  double footer = (b->footer && (!b->cont_bottom || !b->omit_footer_at_break)) ? b->footer_h : 0;
  double room = h - top - bottom - footer - (cy - y - top);
  /* a continued fragment reads on from the top of its part, whatever its display-align */
  if (b->dalign == GW_DALIGN_CENTER && room > content && !b->cont_top)
    cy += (room - content) / 2;
  else if (b->dalign == GW_DALIGN_AFTER && room > content && !b->cont_top)
    cy += room - content;
  double stretch = room > content ? room - content : 0;
  cy = emit_list (e, b->items, a, ox, cy, b->dalign <= GW_DALIGN_BEFORE ? stretch : 0);
  if (footer > 0)
    emit_list (e, b->footer, a, ox, y + h - bottom - footer, 0);
}

/* Records an id's page (first and last occurrence). */
static void
emit_mark (emit_ctx *e, const vitem *it, gw_area *parent, double ox, double y)
{
  lay_job *job = e->job;
  switch (it->u.mark.kind)
    {
    case MARK_ID:
      {
        const char *name = it->u.mark.name;
        if (g_str_has_prefix (name, "#last:"))
          g_hash_table_insert (job->cites_now, g_strdup (name), g_strdup (e->info->label));
        else if (!g_hash_table_contains (job->cites_now, name))
          {
            g_hash_table_insert (job->cites_now, g_strdup (name), g_strdup (e->info->label));
            char *last = g_strconcat ("#last:", name, NULL);
            g_hash_table_insert (job->cites_now, last, g_strdup (e->info->label));
            gw_area *d = gw_area_add (job->areas, parent, GW_AREA_DEST, ox, y, 0, 0);
            d->name = gw_areas_str (job->areas, name, -1);
            g_hash_table_insert (job->areas->dest_pages, (gpointer) d->name,
                                 GINT_TO_POINTER (job->areas->pages->len));
          }
        break;
      }
    case MARK_MARKER:
      if (e->info && !job->cur_page_label)
        {
          g_ptr_array_add (e->info->markers, (gpointer) it->u.mark.fo);
          g_ptr_array_add (job->open_markers, (gpointer) it->u.mark.fo);
        }
      break;
    case MARK_MARKER_END:
      if (e->info && !job->cur_page_label)
        {
          g_ptr_array_add (e->info->ending, (gpointer) it->u.mark.fo);
          g_ptr_array_remove (job->open_markers, (gpointer) it->u.mark.fo);
        }
      break;
    default:
      break;
    }
}

/* Emits a list from y; the last row-like item is stretched by `stretch`. Returns the new y. */
static double
emit_list (emit_ctx *e, GPtrArray *items, gw_area *parent, double ox, double y, double stretch)
{
  int last_par = -1;
  for (guint i = 0; i < items->len; i++)
    if (((vitem *) g_ptr_array_index (items, i))->kind == VI_PAR)
      last_par = (int) i;
  for (guint i = 0; i < items->len; i++)
    {
      vitem *it = g_ptr_array_index (items, i);
      switch (it->kind)
        {
        case VI_LINE:
          emit_line (e, it->u.line, parent, ox, y, it->h);
          y += it->h;
          break;
        case VI_SPACE:
          y += it->h;
          break;
        case VI_BOX:
          emit_box (e, it->u.box, parent, ox, y, it->h);
          y += it->h;
          break;
        case VI_PAR:
          {
            double h = it->h + ((int) i == last_par ? stretch : 0);
            for (guint c = 0; c < it->u.cols->len; c++)
              emit_box (e, g_ptr_array_index (it->u.cols, c), parent, ox, y, h);
            y += h;
            break;
          }
        case VI_MARK:
          emit_mark (e, it, parent, ox, y);
          break;
        case VI_ABS:
          {
            vbox *b = it->u.box;
            double ax = b->fixed ? b->abs_x : e->body_x + b->abs_x;
            double ay = b->fixed ? b->abs_y : e->body_y + b->abs_y;
            emit_box (e, b, e->page, ax, ay, b->fixed_h > 0 ? b->fixed_h : lay_box_height (b));
            break;
          }
        }
    }
  return y;
}

/* ---- page masters ---- */

/* Reads margins of a page master or region from margin / margin-* attributes. */
static void
read_margins (lay_job *job, const gw_fo *fo, double m[4])
{
  static const char *const names[] = { "margin-top", "margin-bottom", "margin-left", "margin-right" };
  m[0] = m[1] = m[2] = m[3] = 0;
  char *all = gw_fo_attr (fo, "margin");
  if (all)
    {
      char **parts = g_strsplit_set (all, " \t", -1);
      double v[4];
      int n = 0;
      for (int i = 0; parts[i] && n < 4; i++)
        {
          gw_len l;
          if (!*parts[i])
            continue;
          if (gw_parse_length (parts[i], fo->style->font_size, &l) && l.kind == GW_LEN_ABS)
            v[n++] = l.v;
        }
      if (n > 0)
        {
          m[0] = v[0];
          m[3] = n > 1 ? v[1] : v[0];
          m[1] = n > 2 ? v[2] : v[0];
          m[2] = n > 3 ? v[3] : m[3];
        }
      g_strfreev (parts);
      g_free (all);
    }
  for (int i = 0; i < 4; i++)
    {
      char *v = gw_fo_attr (fo, names[i]);
      gw_len l;
      if (v && gw_parse_length (v, fo->style->font_size, &l) && l.kind == GW_LEN_ABS)
        m[i] = l.v;
      else if (v)
        gw_diag_warn (job->ctx->diag, job->tree->file, fo->line, "invalid %s '%s'", names[i], v);
      g_free (v);
    }
}

/* Reads a page dimension with a default (A4) and sanity limits. */
static double
page_dim (lay_job *job, const gw_fo *spm, const char *name, double dflt)
{
  char *v = gw_fo_attr (spm, name);
  double r = dflt;
  gw_len l;
  if (v && strcmp (v, "auto") && strcmp (v, "indefinite"))
    {
      if (gw_parse_length (v, 12, &l) && l.kind == GW_LEN_ABS && l.v >= 36 && l.v <= 14400)
        r = l.v;
      else
        gw_diag_warn (job->ctx->diag, job->tree->file, spm->line,
                      "invalid %s '%s' (using %.0fpt)", name, v, dflt);
    }
  g_free (v);
  return r;
}

/* Finds a simple-page-master or page-sequence-master by name. */
static const gw_fo *
find_master (lay_job *job, const char *name)
{
  const gw_fo *lms = gw_fo_child (job->tree->root, FO_LAYOUT_MASTER_SET);
  if (!lms || !name)
    return NULL;
  for (const gw_fo *m = lms->first; m; m = m->next)
    {
      char *n = gw_fo_attr (m, "master-name");
      gboolean hit = n && !strcmp (n, name);
      g_free (n);
      if (hit)
        return m;
    }
  return NULL;
}

/* TRUE when a conditional-page-master-reference matches the page. */
static gboolean
cond_matches (const gw_fo *c, int number, gboolean first, gboolean last, gboolean blank)
{
  char *pp = gw_fo_attr (c, "page-position"), *oe = gw_fo_attr (c, "odd-or-even"),
       *bb = gw_fo_attr (c, "blank-or-not-blank");
  gboolean ok = TRUE;
  if (pp && !strcmp (pp, "first"))
    ok = ok && first;
  else if (pp && !strcmp (pp, "last"))
    ok = ok && last;
  else if (pp && !strcmp (pp, "rest"))
    ok = ok && !first && !last;
  else if (pp && !strcmp (pp, "only"))
    ok = ok && first && last;
  if (oe && !strcmp (oe, "odd"))
    ok = ok && (number % 2 == 1);
  else if (oe && !strcmp (oe, "even"))
    ok = ok && (number % 2 == 0);
  if (bb && !strcmp (bb, "blank"))
    ok = ok && blank;
  else if (bb && !strcmp (bb, "not-blank"))
    ok = ok && !blank;
  g_free (pp);
  g_free (oe);
  g_free (bb);
  return ok;
}

/* Selects the simple-page-master for page `index` (0-based in the sequence). */
static const gw_fo *
select_master (lay_job *job, const gw_fo *ref, int index, int number, gboolean last, gboolean blank)
{
  if (!ref)
    return NULL;
  if (ref->kind == FO_SIMPLE_PAGE_MASTER)
    return ref;
  gint64 pos = 0; /* reps may be G_MAXINT / 2 several times */
  const gw_fo *fallback = NULL;
  for (const gw_fo *s = ref->first; s; s = s->next)
    {
      char *mr = gw_fo_attr (s, "master-reference");
      char *mx = gw_fo_attr (s, "maximum-repeats");
      int reps = s->kind == FO_SINGLE_PAGE_MASTER_REFERENCE ? 1
                 : (mx && strcmp (mx, "no-limit")) ? (int) CLAMP (g_ascii_strtoll (mx, NULL, 10), 0, G_MAXINT / 2)
                                                     : G_MAXINT / 2;
      g_free (mx);
      const gw_fo *chosen = NULL;
      if (s->kind == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
        {
          for (const gw_fo *c = s->first; c && !chosen; c = c->next)
            if (c->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE
                && cond_matches (c, number, index == 0, last, blank))
              {
                char *cm = gw_fo_attr (c, "master-reference");
                chosen = find_master (job, cm);
                g_free (cm);
              }
        }
      else
        chosen = find_master (job, mr);
      g_free (mr);
      if (chosen && chosen->kind == FO_SIMPLE_PAGE_MASTER)
        fallback = chosen;
      if (index < pos + reps && chosen && chosen->kind == FO_SIMPLE_PAGE_MASTER)
        return chosen;
      pos += reps;
    }
  return fallback;
}

/* Formats a page number per the page-sequence's format token. */
static char *
format_number (int n, const char *fmt)
{
  if (!fmt || !*fmt || !strcmp (fmt, "1"))
    return g_strdup_printf ("%d", n);
  if (!strcmp (fmt, "01"))
    return g_strdup_printf ("%02d", n);
  if ((!strcmp (fmt, "i") || !strcmp (fmt, "I")) && n > 0 && n < 4000)
    {
      static const char *const r[] = { "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i" };
      static const int v[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
      GString *s = g_string_new (NULL);
      for (int i = 0; i < 13; i++)
        while (n >= v[i])
          g_string_append (s, r[i]), n -= v[i];
      if (fmt[0] == 'I')
        for (char *p = s->str; *p; p++)
          *p = g_ascii_toupper (*p);
      return g_string_free (s, FALSE);
    }
  if ((!strcmp (fmt, "a") || !strcmp (fmt, "A")) && n > 0)
    {
      GString *s = g_string_new (NULL);
      while (n > 0)
        {
          n--;
          g_string_prepend_c (s, (char) (fmt[0] + n % 26));
          n /= 26;
        }
      return g_string_free (s, FALSE);
    }
  if (!strcmp (fmt, "一") && n >= 0 && n < 10000)
    {
      static const char *const d[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
      GString *s = g_string_new (NULL);
      int th = n / 1000, hu = n / 100 % 10, te = n / 10 % 10, on = n % 10;
      if (th) g_string_append_printf (s, "%s千", d[th]);
      if (hu) g_string_append_printf (s, "%s百", d[hu]);
      else if (th && (te || on)) g_string_append (s, "零");
      if (te) g_string_append_printf (s, "%s十", (te == 1 && !th && !hu) ? "" : d[te]);
      else if ((th || hu) && on) g_string_append (s, "零");
      if (on || n == 0) g_string_append (s, d[on]);
      return g_string_free (s, FALSE);
    }
  return g_strdup_printf ("%d", n);
}

/* Region geometry of a page master: body rectangle and the four outer regions. */
typedef struct {
  double pw, ph;
  double bx, by, bw, bh;     /* region-body content rectangle */
  double rx[4], ry[4], rw[4], rh[4]; /* before, after, start, end */
  gboolean has[4];
  const char *names[4];
} page_geom;

/* Computes the geometry of a page master. */
static void
master_geom (lay_job *job, const gw_fo *spm, page_geom *g)
{
  memset (g, 0, sizeof *g);
  g->pw = page_dim (job, spm, "page-width", 595.28);
  g->ph = page_dim (job, spm, "page-height", 841.89);
  double m[4];
  read_margins (job, spm, m);
  double cx = m[2], cy = m[0], cw = g->pw - m[2] - m[3], ch = g->ph - m[0] - m[1];
  if (cw < 36 || ch < 36)
    {
      gw_diag_warn (job->ctx->diag, job->tree->file, spm->line,
                    "page margins leave no room (%.0f × %.0fpt); margins ignored", cw, ch);
      cx = cy = 0;
      cw = g->pw;
      ch = g->ph;
    }
  static const gw_fo_kind kinds[4] = { FO_REGION_BEFORE, FO_REGION_AFTER, FO_REGION_START, FO_REGION_END };
  static const char *const dflt[4] = { "xsl-region-before", "xsl-region-after", "xsl-region-start", "xsl-region-end" };
  g->bx = cx, g->by = cy, g->bw = cw, g->bh = ch;
  const gw_fo *body = gw_fo_child (spm, FO_REGION_BODY);
  if (body)
    {
      double bm[4];
      read_margins (job, body, bm);
      if (cw - bm[2] - bm[3] >= 18 && ch - bm[0] - bm[1] >= 18)
        {
          g->bx = cx + bm[2];
          g->by = cy + bm[0];
          g->bw = cw - bm[2] - bm[3];
          g->bh = ch - bm[0] - bm[1];
        }
      else
        gw_diag_warn (job->ctx->diag, job->tree->file, body->line,
                      "region-body margins leave no room; ignored");
    }
  for (int i = 0; i < 4; i++)
    {
      const gw_fo *r = gw_fo_child (spm, kinds[i]);
      if (!r)
        continue;
      char *ext = gw_fo_attr (r, "extent");
      gw_len l;
      double e = 0;
      if (ext && gw_parse_length (ext, 12, &l) && l.kind == GW_LEN_ABS && l.v >= 0)
        e = l.v;
      g_free (ext);
      char *nm = gw_fo_attr (r, "region-name");
      g->names[i] = gw_style_intern_str (job->tree->pool, nm ? nm : dflt[i]);
      g_free (nm);
      g->has[i] = TRUE;
      switch (i)
        {
        case 0: g->rx[i] = cx, g->ry[i] = cy, g->rw[i] = cw, g->rh[i] = e; break;
        case 1: g->rx[i] = cx, g->ry[i] = cy + ch - e, g->rw[i] = cw, g->rh[i] = e; break;
        case 2: g->rx[i] = cx, g->ry[i] = cy, g->rw[i] = e, g->rh[i] = ch; break;
        default: g->rx[i] = cx + cw - e, g->ry[i] = cy, g->rw[i] = e, g->rh[i] = ch; break;
        }
    }
}

/* Creates a page area and its info record. */
static lay_page_info *
new_page (lay_job *job, const gw_fo *seq, const gw_fo *spm, int seq_index, int number,
          const char *fmt, gboolean blank, page_geom *g)
{
  master_geom (job, spm, g);
  gw_area *page = gw_area_add (job->areas, NULL, GW_AREA_PAGE, 0, 0, g->pw, g->ph);
  char *label = format_number (number, fmt);
  page->name = gw_areas_str (job->areas, label, -1);
  g_free (label);
  page->u.page.width = g->pw;
  page->u.page.height = g->ph;
  page->u.page.number = number;
  page->u.page.blank = blank;
  lay_page_info *info = g_new0 (lay_page_info, 1);
  info->markers = g_ptr_array_new ();
  info->footnotes = g_ptr_array_new ();
  info->ending = g_ptr_array_new ();
  info->open_at_start = g_ptr_array_copy (job->open_markers, NULL, NULL);
  info->seq = seq;
  info->master = spm;
  info->page = page;
  info->label = page->name;
  info->seq_index = seq_index;
  g_ptr_array_add (job->page_infos, info);
  return info;
}

/* The initial page number of a sequence (auto = continue, auto-odd, auto-even, N). */
static int
initial_number (const gw_fo *seq, int counter)
{
  char *v = gw_fo_attr (seq, "initial-page-number");
  int n = counter + 1;
  if (v)
    {
      if (!strcmp (v, "auto-odd") && n % 2 == 0)
        n++;
      else if (!strcmp (v, "auto-even") && n % 2 == 1)
        n++;
      else if (g_ascii_isdigit (v[0]))
        n = CLAMP (atoi (v), 0, 1000000);
    }
  g_free (v);
  return n;
}

/* Paginates one page-sequence. */
void
lay_page_sequence (lay_job *job, const gw_fo *seq, int *page_counter)
{
  char *mref = gw_fo_attr (seq, "master-reference");
  const gw_fo *master = find_master (job, mref);
  if (!master)
    {
      gw_diag_error (job->ctx->diag, job->tree->file, seq->line,
                     "page-sequence refers to unknown master '%s'", mref ? mref : "");
      g_free (mref);
      return;
    }
  g_free (mref);
  char *fmt = gw_fo_attr (seq, "format");
  int seq_index = 0;
  for (guint i = 0; i < job->page_infos->len; i++)
    seq_index = MAX (seq_index, ((lay_page_info *) g_ptr_array_index (job->page_infos, i))->seq_index + 1);
  const gw_fo *flow = gw_fo_child (seq, FO_FLOW);
  /* the flow's reference width: that of the first page master */
  const gw_fo *spm0 = select_master (job, master, 0, 1, FALSE, FALSE);
  if (!spm0)
    {
      gw_diag_error (job->ctx->diag, job->tree->file, seq->line, "no page master for the first page");
      g_free (fmt);
      return;
    }
  page_geom g0;
  master_geom (job, spm0, &g0);
  GPtrArray *items = lay_list_new (job);
  if (flow)
    {
      lay_ref ref = { 0 };
      ref.width = g0.bw;
      lay_blocks (job, flow, &ref, items);
    }
  int number = initial_number (seq, *page_counter);
  int index = 0;
  gw_break pending = GW_BREAK_AUTO;
  char *seq_id = gw_fo_attr (seq, "id");
  /* the flow is broken through a window of a few pages' worth of items at a time, so that
   * what each page leaves over is a short list, not a copy of the rest of the document */
  GPtrArray *all = items;
  guint from = 0;
  items = NULL;
  while ((items && items->len) || from < all->len || index == 0)
    {
      GPtrArray *window = lay_list_new (job);
      double wh = 0;
      for (guint k = 0; items && k < items->len; k++)
        {
          g_ptr_array_add (window, g_ptr_array_index (items, k));
          wh += ((vitem *) g_ptr_array_index (items, k))->h;
        }
      while (from < all->len && wh < 3 * g0.bh + 1)
        {
          vitem *it = g_ptr_array_index (all, from++);
          g_ptr_array_add (window, it);
          wh += it->h;
        }
      items = window;
      if (gw_diag_failed (job->ctx->diag) && job->ctx->diag && gw_diag_error_count (job->ctx->diag) > 50)
        break;
      if (job->areas->pages->len >= job->ctx->limits.max_pages)
        {
          gw_diag_error (job->ctx->diag, job->tree->file, seq->line,
                         "document exceeds %u pages; stopped", job->ctx->limits.max_pages);
          break;
        }
      /* odd/even page breaks insert a blank page */
      if ((pending == GW_BREAK_ODD && number % 2 == 0) || (pending == GW_BREAK_EVEN && number % 2 == 1))
        {
          const gw_fo *bm = select_master (job, master, index, number, FALSE, TRUE);
          page_geom bg;
          new_page (job, seq, bm ? bm : spm0, seq_index, number, fmt, TRUE, &bg);
          number++;
          index++;
        }
      pending = GW_BREAK_AUTO;
      const gw_fo *spm = select_master (job, master, index, number, FALSE, FALSE);
      if (!spm) /* no alternative matches this page: use the first page's master */
        spm = spm0;
      page_geom g;
      master_geom (job, spm, &g);
      GPtrArray *head = NULL, *tail = NULL;
      gw_break forced = GW_BREAK_AUTO;
      if (items && items->len)
        {
          strip_spaces (items, 0);
          if (!split_list (job, items, g.bh, FALSE, TRUE, &head, &tail, &forced))
            split_list (job, items, g.bh, TRUE, TRUE, &head, &tail, &forced);
        }
      else
        head = lay_list_new (job);
      if ((!tail || !tail->len) && from >= all->len)
        {
          const gw_fo *lm = select_master (job, master, index, number, TRUE, FALSE);
          if (lm && lm != spm)
            {
              page_geom lg;
              master_geom (job, lm, &lg);
              GPtrArray *h2 = NULL, *t2 = NULL;
              gw_break f2 = GW_BREAK_AUTO;
              if (!items || !items->len || (split_list (job, items, lg.bh, TRUE, TRUE, &h2, &t2, &f2) && (!t2 || !t2->len)))
                spm = lm;
            }
        }
      lay_page_info *info = new_page (job, seq, spm, seq_index, number, fmt, FALSE, &g);
      emit_ctx e = { job, info->page, info, g.pw, g.ph, g.bx, g.by, g.bw, g.bh };
      gw_area *body = gw_area_add (job->areas, info->page, GW_AREA_REGION, g.bx, g.by, g.bw, g.bh);
      body->name = "xsl-region-body";
      emit_list (&e, head, body, g.bx, g.by, 0);
      if (info->footnotes->len)
        {
          /* the page's footnotes at the foot of the body, under a short rule */
          double fh = lay_list_height (info->footnotes);
          double fy = g.by + g.bh - fh;
          gw_area *rule = gw_area_add (job->areas, body, GW_AREA_RULE, g.bx, fy - FOOTNOTE_GAP / 2, g.bw / 3, 0);
          rule->u.rule.thickness = 0.5;
          rule->u.rule.style = GW_BS_SOLID;
          rule->u.rule.color = (gw_rgba){ 0, 0, 0, 1 };
          emit_list (&e, info->footnotes, body, g.bx, fy, 0);
        }
      pending = forced;
      items = tail;
      number++;
      index++;
    }
  /* force-page-count */
  char *fpc = gw_fo_attr (seq, "force-page-count");
  int count = index;
  gboolean add = FALSE;
  int last_number = number - 1;
  if (!fpc || !strcmp (fpc, "auto"))
    {
      /* auto: end on the parity the next page-sequence's first page needs */
      const gw_fo *next = seq->next;
      while (next && next->kind != FO_PAGE_SEQUENCE)
        next = next->next;
      char *ipn = next ? gw_fo_attr (next, "initial-page-number") : NULL;
      if (ipn && !strcmp (ipn, "auto-odd"))
        add = last_number % 2 == 1;
      else if (ipn && !strcmp (ipn, "auto-even"))
        add = last_number % 2 == 0;
      else if (ipn && g_ascii_isdigit (ipn[0]))
        add = (atoi (ipn) % 2 == 1) == (last_number % 2 == 1);
      g_free (ipn);
    }
  else
    {
      if (!strcmp (fpc, "even")) add = count % 2 == 1;
      else if (!strcmp (fpc, "odd")) add = count % 2 == 0;
      else if (!strcmp (fpc, "end-on-even")) add = last_number % 2 == 1;
      else if (!strcmp (fpc, "end-on-odd")) add = last_number % 2 == 0;
    }
  if (add)
    {
      const gw_fo *bm = select_master (job, master, index, number, TRUE, TRUE);
      page_geom bg;
      new_page (job, seq, bm ? bm : spm0, seq_index, number, fmt, TRUE, &bg);
      number++;
    }
  g_free (fpc);
  if (seq_id && job->page_infos->len)
    {
      lay_page_info *li = g_ptr_array_index (job->page_infos, job->page_infos->len - 1);
      g_hash_table_insert (job->cites_now, g_strconcat ("#last:", seq_id, NULL), g_strdup (li->label));
      if (!g_hash_table_contains (job->cites_now, seq_id))
        {
          for (guint i = 0; i < job->page_infos->len; i++)
            {
              lay_page_info *pi = g_ptr_array_index (job->page_infos, i);
              if (pi->seq == seq)
                {
                  g_hash_table_insert (job->cites_now, g_strdup (seq_id), g_strdup (pi->label));
                  break;
                }
            }
        }
    }
  g_free (seq_id);
  *page_counter = number - 1;
  g_free (fmt);
}

/* ---- static content (after the whole document) ---- */

/* TRUE if marker `m` has the class `cls`. */
static gboolean
marker_is (const gw_fo *m, const char *cls)
{
  char *mc = gw_fo_attr (m, "marker-class-name");
  gboolean hit = mc && cls && !strcmp (mc, cls);
  g_free (mc);
  return hit;
}

/* The first (or last) marker of a class in a list, or NULL. */
static const gw_fo *
marker_in (GPtrArray *list, const char *cls, gboolean last)
{
  for (guint k = 0; list && k < list->len; k++)
    {
      const gw_fo *m = g_ptr_array_index (list, last ? list->len - 1 - k : k);
      if (marker_is (m, cls))
        return m;
    }
  return NULL;
}

/* Finds the marker a retrieve-marker stands for on the current page (XSL 1.1 §6.13.6):
 *   first-starting-within-page   first marker whose parent starts on the page
 *   first-including-carryover    a marker whose parent began earlier and continues onto
 *                                the page, else the first starting on it
 *   last-starting-within-page    last marker whose parent starts on the page
 *   last-ending-within-page      last marker whose parent ends on the page, else the last
 *                                one starting on or continuing through it
 * and when the page has none, the last marker of the preceding pages within the boundary
 * (page, page-sequence — the default — or document). */
static const gw_fo *
retrieve_marker (lay_job *job, const gw_fo *rm)
{
  lay_page_info *cur = job->cur_page;
  char *cls = gw_fo_attr (rm, "retrieve-class-name");
  char *pos = gw_fo_attr (rm, "retrieve-position");
  char *bnd = gw_fo_attr (rm, "retrieve-boundary");
  const gw_fo *found = NULL;
  if (cur)
    {
      if (pos && !strcmp (pos, "last-starting-within-page"))
        found = marker_in (cur->markers, cls, TRUE);
      else if (pos && !strcmp (pos, "last-ending-within-page"))
        {
          /* else the last area of a marker's parent on the page: one starting or going on */
          found = marker_in (cur->ending, cls, TRUE);
          if (!found)
            found = marker_in (cur->markers, cls, TRUE);
          if (!found)
            found = marker_in (cur->open_at_start, cls, TRUE);
        }
      else if (pos && !strcmp (pos, "first-including-carryover"))
        {
          found = marker_in (cur->open_at_start, cls, TRUE);
          if (!found)
            found = marker_in (cur->markers, cls, FALSE);
        }
      else
        found = marker_in (cur->markers, cls, FALSE);
    }
  int cur_index = -1;
  for (guint i = 0; i < job->page_infos->len; i++)
    if (g_ptr_array_index (job->page_infos, i) == cur)
      cur_index = (int) i;
  if (!found && cur && !(bnd && !strcmp (bnd, "page")))
    for (int i = cur_index - 1; i >= 0 && !found; i--)
      {
        lay_page_info *pi = g_ptr_array_index (job->page_infos, i);
        if (!(bnd && !strcmp (bnd, "document")) && pi->seq != cur->seq)
          break;
        found = marker_in (pi->markers, cls, TRUE);
      }
  g_free (cls);
  g_free (pos);
  g_free (bnd);
  return found;
}

/* Lays out and emits the static content of every page. */
void
lay_static_content (lay_job *job)
{
  job->retrieve = retrieve_marker;
  for (guint i = 0; i < job->page_infos->len; i++)
    {
      lay_page_info *info = g_ptr_array_index (job->page_infos, i);
      job->cur_page = info;
      job->cur_page_label = info->label;
      /* the last page of this sequence and of the document */
      const char *seq_last = info->label;
      for (guint k = i; k < job->page_infos->len; k++)
        {
          lay_page_info *o = g_ptr_array_index (job->page_infos, k);
          if (o->seq == info->seq)
            seq_last = o->label;
        }
      job->cur_last_label = seq_last;
      page_geom g;
      master_geom (job, info->master, &g);
      for (int r = 0; r < 4; r++)
        {
          if (!g.has[r])
            continue;
          const gw_fo *sc = NULL;
          for (const gw_fo *c = info->seq->first; c; c = c->next)
            if (c->kind == FO_STATIC_CONTENT)
              {
                char *fn = gw_fo_attr (c, "flow-name");
                gboolean hit = fn && !strcmp (fn, g.names[r]);
                g_free (fn);
                if (hit)
                  sc = c;
              }
          if (!sc)
            continue;
          GPtrArray *items = lay_list_new (job);
          lay_ref ref = { 0 };
          ref.width = g.rw[r];
          lay_blocks (job, sc, &ref, items);
          gw_area *region = gw_area_add (job->areas, info->page, GW_AREA_REGION, g.rx[r], g.ry[r], g.rw[r], g.rh[r]);
          region->name = g.names[r];
          emit_ctx e = { job, info->page, info, g.pw, g.ph, g.bx, g.by, g.bw, g.bh };
          emit_list (&e, items, region, g.rx[r], g.ry[r], 0);
        }
    }
  job->cur_page = NULL;
  job->cur_page_label = NULL;
  job->cur_last_label = NULL;
  job->retrieve = NULL;
}
