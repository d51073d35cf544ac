/* paginate.c — page-sequences: breaking the flow into pages (split.c) on the masters of
 * master.c, emitting areas, static content.
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

#include <string.h>

/* ---- emitting ---- */

typedef struct {
  lay_job *job;
  gw_area *page;
  lay_page_info *info;
  double page_w, page_h;
  double body_x, body_y, body_w, body_h; /* absolute region-body content rectangle */
  gw_area *turned_body;      /* the region-body when it is turned: absolute block-containers go
                                into its frame (same top left); NULL: onto the page */
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
          const char *internal = p->link->props->internal_destination;
          gboolean external = !internal && p->link->props->external_destination;
          char *dest = g_strdup (internal ? internal : p->link->props->external_destination);
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
  if (b->orient) /* a turned block-container: its content box turns the items' frame */
    {
      double cx = ox + b->x + b->border[2].width + b->pad[2], cy = y + b->border[0].width + b->pad[0];
      gw_area *r = gw_area_add (e->job->areas, a, GW_AREA_BLOCK, cx, cy, b->orient_w, b->orient_h);
      r->name = "reference";
      r->u.box.orient = b->orient;
      emit_list (e, b->items, r, cx, cy, 0);
      return;
    }
  double f = b->collapsed ? 0.5 : 1;
  double top = (!b->cont_top || b->retain_borders) ? b->border[0].width * f + b->pad[0] : 0;
  double bottom = (!b->cont_bottom || b->retain_borders) ? b->border[1].width * f + b->pad[1] : 0;
  double cy = y + top;
  if (b->header && (!b->cont_top || !b->omit_header_at_break))
    cy = emit_list (e, lay_table_part_for (e->job, b, TRUE), a, ox, cy, 0);
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
    emit_list (e, lay_table_part_for (e->job, b, FALSE), a, ox, y + h - bottom - footer, 0);
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
            gw_area *in = !b->fixed && e->turned_body ? e->turned_body : e->page;
            emit_box (e, b, in, ax, ay, b->fixed_h > 0 ? b->fixed_h : lay_box_height (b));
            break;
          }
        }
    }
  return y;
}

void
lay_page_sequence (lay_job *job, const gw_fo *seq, int *page_counter)
{
  const char *mref = seq->props->master_reference;
  const gw_fo *master = lay_find_master (job, mref);
  if (!master)
    {
      gw_diag_error (job->ctx->diag, job->tree->file, seq->line,
                     "page-sequence refers to unknown master '%s'", mref ? mref : "");
      return;
    }
  const char *fmt = seq->props->format;
  int seq_index = 0;
  for (guint i = 0; i < job->page_infos->len; i++)
    seq_index = MAX (seq_index, ((lay_page_info *) g_ptr_array_index (job->page_infos, i))->seq_index + 1);
  const gw_fo *flow = gw_fo_child (seq, FO_FLOW);
  /* the flow's reference width: that of the first page master */
  const gw_fo *spm0 = lay_select_master (job, master, 0, 1, FALSE, FALSE);
  if (!spm0)
    {
      gw_diag_error (job->ctx->diag, job->tree->file, seq->line, "no page master for the first page");
      return;
    }
  lay_page_geom g0;
  lay_master_geom (job, spm0, &g0);
  GPtrArray *items = lay_list_new (job);
  if (flow)
    {
      lay_ref ref = { 0 };
      ref.width = g0.body_iw;
      ref.bpd = g0.body_ih;
      lay_blocks (job, flow, &ref, items);
    }
  int number = lay_initial_number (seq, *page_counter);
  int index = 0;
  gw_break pending = GW_BREAK_AUTO;
  const char *seq_id = seq->props->id;
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
      while (from < all->len && wh < 3 * g0.body_ih + 1)
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
          const gw_fo *bm = lay_select_master (job, master, index, number, FALSE, TRUE);
          lay_page_geom bg;
          lay_new_page (job, seq, bm ? bm : spm0, seq_index, number, fmt, TRUE, &bg);
          number++;
          index++;
        }
      pending = GW_BREAK_AUTO;
      const gw_fo *spm = lay_select_master (job, master, index, number, FALSE, FALSE);
      if (!spm) /* no alternative matches this page: use the first page's master */
        spm = spm0;
      lay_page_geom g;
      lay_master_geom (job, spm, &g);
      GPtrArray *head = NULL, *tail = NULL;
      gw_break forced = GW_BREAK_AUTO;
      if (items && items->len)
        {
          lay_strip_spaces (items, 0);
          if (!lay_split_list (job, items, g.body_ih, FALSE, TRUE, &head, &tail, &forced))
            lay_split_list (job, items, g.body_ih, TRUE, TRUE, &head, &tail, &forced);
        }
      else
        head = lay_list_new (job);
      if ((!tail || !tail->len) && from >= all->len)
        {
          const gw_fo *lm = lay_select_master (job, master, index, number, TRUE, FALSE);
          if (lm && lm != spm)
            {
              lay_page_geom lg;
              lay_master_geom (job, lm, &lg);
              GPtrArray *h2 = NULL, *t2 = NULL;
              gw_break f2 = GW_BREAK_AUTO;
              if (!items || !items->len || (lay_split_list (job, items, lg.body_ih, TRUE, TRUE, &h2, &t2, &f2) && (!t2 || !t2->len)))
                spm = lm;
            }
        }
      lay_page_info *info = lay_new_page (job, seq, spm, seq_index, number, fmt, FALSE, &g);
      emit_ctx e = { job, info->page, info, g.pw, g.ph, g.bx, g.by, g.bw, g.bh };
      gw_area *body = gw_area_add (job->areas, info->page, GW_AREA_REGION, g.bx, g.by, g.bw, g.bh);
      body->name = "xsl-region-body";
      body->u.box.orient = g.body_orient; /* the flow's frame: body_iw × body_ih from (bx, by) */
      e.turned_body = g.body_orient ? body : NULL;
      emit_list (&e, head, body, g.bx, g.by, 0);
      if (info->footnotes->len)
        {
          /* the page's footnotes at the foot of the body, under a short rule */
          double fh = lay_list_height (info->footnotes);
          double fy = g.by + g.body_ih - fh;
          gw_area *rule = gw_area_add (job->areas, body, GW_AREA_RULE, g.bx, fy - FOOTNOTE_GAP / 2, g.body_iw / 3, 0);
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
  gw_fpc fpc = seq->props->force_page_count;
  int count = index;
  gboolean add = FALSE;
  int last_number = number - 1;
  if (fpc == GW_FPC_AUTO)
    {
      /* auto: end on the parity the next page-sequence's first page needs */
      const gw_fo *next = seq->next;
      while (next && next->kind != FO_PAGE_SEQUENCE)
        next = next->next;
      gw_ipn ipn = next ? next->props->initial_page_number : (gw_ipn){ GW_IPN_AUTO, 0 };
      if (ipn.kind == GW_IPN_AUTO_ODD)
        add = last_number % 2 == 1;
      else if (ipn.kind == GW_IPN_AUTO_EVEN)
        add = last_number % 2 == 0;
      else if (ipn.kind == GW_IPN_NUMBER)
        add = (ipn.number % 2 == 1) == (last_number % 2 == 1);
    }
  else
    {
      if (fpc == GW_FPC_EVEN) add = count % 2 == 1;
      else if (fpc == GW_FPC_ODD) add = count % 2 == 0;
      else if (fpc == GW_FPC_END_ON_EVEN) add = last_number % 2 == 1;
      else if (fpc == GW_FPC_END_ON_ODD) add = last_number % 2 == 0;
    }
  if (add)
    {
      const gw_fo *bm = lay_select_master (job, master, index, number, TRUE, TRUE);
      lay_page_geom bg;
      lay_new_page (job, seq, bm ? bm : spm0, seq_index, number, fmt, TRUE, &bg);
      number++;
    }
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
  *page_counter = number - 1;
}

/* ---- static content (after the whole document) ---- */

/* TRUE if marker `m` has the class `cls`. */
static gboolean
marker_is (const gw_fo *m, const char *cls)
{
  const char *mc = m->props->marker_class_name;
  return mc && cls && !strcmp (mc, cls);
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
  const char *cls = rm->props->retrieve_class_name;
  gw_retrieve_pos pos = rm->props->retrieve_position;
  gw_retrieve_bnd bnd = rm->props->retrieve_boundary;
  const gw_fo *found = NULL;
  if (cur)
    {
      if (pos == GW_RP_LAST_STARTING)
        found = marker_in (cur->markers, cls, TRUE);
      else if (pos == GW_RP_LAST_ENDING)
        {
          /* else the last area of a marker's parent on the page: one starting or going on */
          found = marker_in (cur->ending, cls, TRUE);
          if (!found)
            found = marker_in (cur->markers, cls, TRUE);
          if (!found)
            found = marker_in (cur->open_at_start, cls, TRUE);
        }
      else if (pos == GW_RP_FIRST_INCLUDING_CARRYOVER)
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
  if (!found && cur && bnd != GW_RB_PAGE)
    for (int i = cur_index - 1; i >= 0 && !found; i--)
      {
        lay_page_info *pi = g_ptr_array_index (job->page_infos, i);
        if (bnd != GW_RB_DOCUMENT && pi->seq != cur->seq)
          break;
        found = marker_in (pi->markers, cls, TRUE);
      }
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
      lay_page_geom g;
      lay_master_geom (job, info->master, &g);
      for (int r = 0; r < 4; r++)
        {
          if (!g.has[r])
            continue;
          const gw_fo *sc = NULL;
          for (const gw_fo *c = info->seq->first; c; c = c->next)
            if (c->kind == FO_STATIC_CONTENT)
              {
                if (c->props->flow_name && !strcmp (c->props->flow_name, g.names[r]))
                  sc = c;
              }
          if (!sc)
            continue;
          GPtrArray *items = lay_list_new (job);
          lay_ref ref = { 0 };
          ref.width = g.riw[r];
          ref.bpd = g.rih[r];
          lay_blocks (job, sc, &ref, items);
          gw_area *region = gw_area_add (job->areas, info->page, GW_AREA_REGION, g.rx[r], g.ry[r], g.rw[r], g.rh[r]);
          region->name = g.names[r];
          region->u.box.orient = g.orient[r];
          emit_ctx e = { job, info->page, info, g.pw, g.ph, g.bx, g.by, g.bw, g.bh };
          emit_list (&e, items, region, g.rx[r], g.ry[r], 0);
        }
    }
  job->cur_page = NULL;
  job->cur_page_label = NULL;
  job->cur_last_label = NULL;
  job->retrieve = NULL;
}
