/* linebreak.c — a shaped paragraph → lines: where to break, then each line justified or
 * squeezed into VI_LINE items.
 *
 * Break opportunities (text.c, kinsoku.c) come in three kinds: free (UAX#14 through Pango,
 * refined by 避头尾), soft (inside a number run GB/T 15835 keeps whole: 2015年9月2日,
 * 0.87 mg/m², GB/T 5023.3, 〔2015〕14号) and emergency (any other character boundary, for
 * a run longer than the line).  A candidate line [a, b) is measured with prefix sums: its
 * natural width, what squeezing may take (elastic letter-spacing, half of each full-width
 * mark) and how many gaps justification may widen.  It fits
 *   - naturally (width ≤ available; its badness grows with the cube of the space added
 *     per gap, 0 for a last line that is not justified),
 *   - or squeezed (标点挤压): only when what passes the end is a run of no-start marks (，。）
 *     and squeezing the punctuation inside the line makes room (the line-end mark keeps its
 *     full width: no glyph passes the text area): the mark stays on its line instead of the
 *     previous character being pushed down; badness 0, so the same situation always gets
 *     the same treatment,
 *   - or, with gx:hanging-punctuation="allow-end" only, with its last closing mark hanging.
 *
 * Outline of lay_para_break():
 *   tables ← prefix sums of advances, squeeze, letter-spacing, leaders, gaps; where each
 *            line start skips white and each line end trims it; no-start runs
 *   for each segment between forced breaks (preserved line feeds):
 *     if the block is justified — total fit (Knuth–Plass over the opportunities):
 *       pass 1 over free and soft opportunities and lines within TOLERANCE_EM of slack,
 *       pass 2 (only if pass 1 left a line overfull) without that limit, pass 3 also over
 *       emergency opportunities (between two digits or letters the last resort):
 *         active ← {segment start}, cost[start] ← 0
 *         for each candidate break c, in order:
 *           for each active start a (within tolerance): measure [a, c)
 *             overfull → drop a (if a had no line yet, [a, c) is its overfull line)
 *             else cost[c] ← min(cost[a] + (penalty(c), (1 + badness)²)), from[c] ← a
 *             (costs compare penalties first: soft < emergency < overfull, then demerits)
 *           c becomes active if reached
 *         the lines are the from[] chain back from the segment end
 *     else — first fit: from each line start, the furthest free break that fits, else
 *       the furthest soft one, else the furthest emergency one, else an overfull line
 *   for each line: squeeze (letter-spacing, marks where two meet, the other marks; the
 *     line-end mark only on an overfull line), or stretch leaders then the gaps (justify),
 *     or align; pieces per run; a justified line still looser than LOOSE_WARN_EM per gap is
 *     reported with its text; widows/orphans as no-break flags. */
#include "layout/para.h"
#include "layout/kinsoku.h"

#include <math.h>
#include <string.h>

/* Line height laid out per allowed page before layout stops (cells side by side count more
 * than once, so this is generous). */
#define LAY_MAX_HEIGHT_PER_PAGE 1500.0
/* Space added per gap (em) at which a justified line has badness 100. */
#define LOOSE_UNIT 0.2
/* Space added per gap (em) past which a justified line is reported as letter-spaced. */
#define LOOSE_WARN_EM 0.5
#define BAD_MAX 1e10
/* Penalties rank before demerits: any number of loose lines before one broken number run,
 * any number of those before one emergency break, and those before an overfull line. */
#define PEN_SOFT 1.0
#define PEN_EMERGENCY 1e3
#define PEN_OVERFULL 1e6
#define EPS 0.01
/* Lines with more slack than this (em) are left out of the first total-fit pass (TeX's
 * tolerance): a paragraph that needs one is broken again without the limit. */
#define TOLERANCE_EM 6.0

/* ---- setting one line ---- */

typedef struct {
  double *delta;             /* per char: width change */
  double *shift;             /* per char: x offset of its first glyph */
} line_adjust;

/* Adds a text piece for chars [a, b) of one item. */
static void
line_add_text_piece (para *p, lay_line *line, int a, int b, double x, const line_adjust *adj)
{
  lay_job *job = p->job;
  pchar *ca = &p->chars[a];
  PangoItem *src_item = g_ptr_array_index (p->items, ca->item);
  PangoGlyphString *src = g_ptr_array_index (p->glyphs, ca->item);
  para_span *sp = &g_array_index (p->spans, para_span, ca->span);
  int byte_a = ca->byte - src_item->offset, byte_b = p->chars[b].byte - src_item->offset;
  PangoGlyphString *gs = pango_glyph_string_new ();
  /* the glyphs of [byte_a, byte_b): log_clusters rise with the glyph index (left-to-right
   * text), so a binary search finds the first and the run ends at byte_b — linear in the
   * line, not in the paragraph */
  int lo = 0, hi = src->num_glyphs;
  while (lo < hi)
    {
      int mid = (lo + hi) / 2;
      if (src->log_clusters[mid] < byte_a)
        lo = mid + 1;
      else
        hi = mid;
    }
  int g0 = lo, g1 = lo;
  while (g1 < src->num_glyphs && src->log_clusters[g1] < byte_b)
    g1++;
  pango_glyph_string_set_size (gs, g1 - g0);
  int k = 0;
  double w = 0;
  int prev_char = -1;
  int ci = a;
  for (int g = g0; g < g1; g++)
    {
      int lc = src->log_clusters[g];
      if (lc < byte_a || lc >= byte_b)
        continue;
      gs->glyphs[k] = src->glyphs[g];
      gs->log_clusters[k] = lc - byte_a;
      /* char index of this glyph's cluster (advances with g) */
      while (ci + 1 < b && p->chars[ci + 1].byte - src_item->offset <= lc)
        ci++;
      if (ci != prev_char)
        {
          /* natural cluster width from the shaper is replaced by the char's laid-out advance:
           * first glyph of the cluster carries the whole advance difference */
          double nat = 0;
          int g2 = g;
          for (; g2 < g1 && src->log_clusters[g2] == lc; g2++)
            nat += src->glyphs[g2].geometry.width / (double) PANGO_SCALE;
          /* a cluster may cover several characters (a —— ligature): all their advances */
          int next_byte = g2 < g1 ? src->log_clusters[g2] : byte_b;
          if (next_byte > byte_b || next_byte <= lc)
            next_byte = byte_b;
          double target = 0;
          for (int cc = ci; cc < b && p->chars[cc].byte - src_item->offset < next_byte; cc++)
            target += p->chars[cc].adv + adj->delta[cc];
          gs->glyphs[k].geometry.width += (int) lround ((target - nat) * PANGO_SCALE);
          gs->glyphs[k].geometry.x_offset += (int) lround (adj->shift[ci] * PANGO_SCALE);
          prev_char = ci;
        }
      w += gs->glyphs[k].geometry.width / (double) PANGO_SCALE;
      k++;
    }
  /* a light copy of the item: its font and analysis, without the attribute list that
   * pango_item_copy would duplicate for every line */
  PangoItem *it = pango_item_new ();
  it->analysis = src_item->analysis;
  it->analysis.extra_attrs = NULL;
  if (it->analysis.font)
    g_object_ref (it->analysis.font);
  it->offset = 0;
  it->length = byte_b - byte_a;
  it->num_chars = b - a;
  lay_own (job, it, (GDestroyNotify) pango_item_free);
  lay_own (job, gs, (GDestroyNotify) pango_glyph_string_free);
  lay_piece *pc = lay_alloc (job, sizeof *pc);
  pc->kind = PIECE_TEXT;
  pc->x = x;
  pc->w = w;
  pc->st = sp->st;
  pc->link = sp->link;
  pc->page_number = sp->fo && sp->fo->kind == FO_PAGE_NUMBER ? sp->fo : NULL;
  pc->font = src_item->analysis.font;
  pc->item = it;
  pc->glyphs = gs;
  char *t = g_strndup (p->text->str + ca->byte, p->chars[b].byte - ca->byte);
  lay_own (job, t, g_free);
  pc->text = t;
  pc->rise = sp->st->baseline_shift_kind == 1 ? sp->st->font_size * 0.33
             : sp->st->baseline_shift_kind == 2 ? -sp->st->font_size * 0.2
                                                : sp->st->baseline_shift;
  g_ptr_array_add (line->pieces, pc);
}

/* The above/below extent of a style's primary font with its half-leading. */
static void
line_strut (lay_job *job, const gw_style *st, double *above, double *below)
{
  PangoFont *f = gw_fonts_primary (job->fonts, st);
  double a = st->font_size * 0.88, d = st->font_size * 0.12;
  if (f)
    gw_fonts_metrics (job->fonts, f, &a, &d);
  double lh = gw_style_line_height (st);
  if (st->grid && st->grid_line_pitch > 0)
    lh = st->grid_line_pitch;
  double hl = (lh - (a + d)) / 2;
  *above = a + hl;
  *below = d + hl;
}

/* The squeezable white of a mark (its punctuation part, letter-spacing apart). */
static double
punct_cap (const pchar *pc)
{
  return pc->shrink - pc->ls_shrink;
}

/* Takes `s` pt from char c: a narrower advance; an opening mark's white is on its left, so
 * its glyph moves left too. */
static void
squeeze_take (para *p, int c, double s, line_adjust *adj)
{
  adj->delta[c] -= s;
  if (p->chars[c].squeeze_side < 0)
    adj->shift[c] -= s;
}

/* Whether char c of the line [a, end) is squeezed in tier 0 (a mark next to another mark),
 * 1 (any other mark inside the line) or 2 (the line-end mark: its glyph box would pass the
 * text area, so only an overfull line squeezes it). */
static gboolean
squeeze_in_tier (const para *p, int a, int end, int c, int tier)
{
  if (tier == 2)
    return c == end - 1;
  if (c == end - 1)
    return FALSE;
  if (tier == 0)
    return (c + 1 < end && punct_cap (&p->chars[c + 1]) > 0)
           || (c > a && punct_cap (&p->chars[c - 1]) > 0);
  return TRUE;
}

/* Squeezes `need` pt out of chars [a, end) in a fixed order: elastic letter-spacing, marks
 * where two meet, the other marks inside the line alike, then the line-end mark to half
 * width. Returns what it took. */
static double
line_squeeze (para *p, int a, int end, double need, line_adjust *adj)
{
  double took = 0, cap = 0;
  for (int c = a; c < end; c++)
    cap += p->chars[c].ls_shrink;
  if (cap > 0)
    {
      double f = MIN (1.0, need / cap);
      for (int c = a; c < end; c++)
        {
          adj->delta[c] -= p->chars[c].ls_shrink * f;
          took += p->chars[c].ls_shrink * f;
        }
    }
  int n = end - a;
  if (took >= need - 1e-6 || n <= 0)
    return took;
  double *rem = g_new (double, n);
  for (int c = a; c < end; c++)
    rem[c - a] = punct_cap (&p->chars[c]);
  for (int tier = 0; tier < 3 && took < need - 1e-6; tier++)
    {
      cap = 0;
      for (int c = a; c < end; c++)
        {
          if (squeeze_in_tier (p, a, end, c, tier))
            cap += rem[c - a];
        }
      if (cap <= 0)
        continue;
      double f = MIN (1.0, (need - took) / cap);
      for (int c = a; c < end; c++)
        {
          if (!squeeze_in_tier (p, a, end, c, tier) || rem[c - a] <= 0)
            continue;
          double s = rem[c - a] * f;
          squeeze_take (p, c, s, adj);
          rem[c - a] -= s;
          took += s;
        }
    }
  g_free (rem);
  return took;
}

/* Builds one line from chars [a, b) (b exclusive, trailing white already trimmed); `hang`:
 * its last mark hangs past the end. *used is the width it takes, *spread the space added
 * between two characters when it was justified (else 0). */
static lay_line *
para_make_line (para *p, const lay_ref *ref, int a, int b, double x0, double avail,
                gboolean last, gboolean hang, double *used, double *spread)
{
  lay_job *job = p->job;
  const gw_style *bst = p->bst;
  lay_line *line = lay_alloc (job, sizeof *line);
  line->pieces = g_ptr_array_new ();
  lay_own (job, line->pieces, (GDestroyNotify) g_ptr_array_unref);
  int n = b - a;
  line_adjust adj = { p->adj_delta, p->adj_shift }; /* zeroed over [a, b] for this line */
  memset (adj.delta + a, 0, sizeof (double) * (b - a + 1));
  memset (adj.shift + a, 0, sizeof (double) * (b - a + 1));
  double natural = 0;
  for (int c = a; c < b; c++)
    natural += p->chars[c].adv;
  if (n > 0)
    {
      para_span *sp = &g_array_index (p->spans, para_span, p->chars[b - 1].span);
      natural -= sp->st->letter_spacing.opt; /* no letter-spacing after the last char */
      adj.delta[b - 1] -= sp->st->letter_spacing.opt;
    }
  if (hang)
    natural -= p->chars[b - 1].adv; /* gx:hanging-punctuation: past the end */
  *spread = 0;
  double extra = avail - natural;
  /* leaders stretch first */
  for (int c = a; c < b && extra > 0; c++)
    if (p->chars[c].is_obj)
      {
        para_obj *o = &g_array_index (p->objs, para_obj, g_array_index (p->spans, para_span, p->chars[c].span).obj);
        if (o->kind == PIECE_LEADER && o->wmax > o->w)
          {
            double grow = MIN (extra, o->wmax - o->w);
            adj.delta[c] += grow;
            extra -= grow;
          }
      }
  gw_align align = bst->text_align;
  if (last)
    {
      if (bst->text_align_last != GW_ALIGN_RELATIVE)
        align = bst->text_align_last;
      else if (align == GW_ALIGN_JUSTIFY)
        align = GW_ALIGN_START;
    }
  if (extra < -0.01)
    extra += line_squeeze (p, a, hang ? b - 1 : b, -extra, &adj);
  else if (align == GW_ALIGN_JUSTIFY && extra > 0.01)
    {
      int gaps = 0, end = hang ? b - 1 : b;
      for (int c = a; c + 1 < end; c++)
        if (p->chars[c].white || p->chars[c].cjk || p->chars[c + 1].cjk)
          gaps++;
      if (gaps > 0)
        {
          double g = extra / gaps;
          for (int c = a; c + 1 < end; c++)
            if (p->chars[c].white || p->chars[c].cjk || p->chars[c + 1].cjk)
              adj.delta[c] += g;
          extra = 0;
          *spread = g;
        }
    }
  double x = x0;
  if (align == GW_ALIGN_CENTER)
    x += extra / 2;
  else if (align == GW_ALIGN_END)
    x += extra;
  line_strut (job, bst, &line->above, &line->below);
  double pos = x;
  int run = a;
  while (run < b)
    {
      pchar *pc = &p->chars[run];
      if (pc->is_obj)
        {
          para_span *sp = &g_array_index (p->spans, para_span, pc->span);
          para_obj *o = &g_array_index (p->objs, para_obj, sp->obj);
          lay_piece *pi = lay_alloc (job, sizeof *pi);
          pi->kind = o->kind;
          pi->x = pos;
          pi->w = pc->adv + adj.delta[run];
          pi->asc = o->asc;
          pi->desc = o->desc;
          pi->st = sp->st;
          pi->link = sp->link;
          pi->image = o->image;
          pi->leader_pattern = o->leader_pattern;
          pi->rule_thickness = o->rule_thickness;
          g_ptr_array_add (line->pieces, pi);
          if (o->kind == PIECE_IMAGE)
            line->above = MAX (line->above, o->asc);
          pos += pi->w;
          run++;
          continue;
        }
      if (pc->ch == '\n')
        {
          run++;
          continue;
        }
      int end = run + 1;
      while (end < b && !p->chars[end].is_obj && p->chars[end].ch != '\n'
             && p->chars[end].item == pc->item && p->chars[end].span == pc->span)
        end++;
      double w = 0;
      for (int c = run; c < end; c++)
        w += p->chars[c].adv + adj.delta[c];
      line_add_text_piece (p, line, run, end, pos, &adj);
      para_span *sp = &g_array_index (p->spans, para_span, pc->span);
      if (sp->st != bst && !bst->grid)
        {
          double ab, be;
          line_strut (job, sp->st, &ab, &be);
          line->above = MAX (line->above, ab);
          line->below = MAX (line->below, be);
        }
      pos += w;
      run = end;
    }
  line->x = lay_start_indent (bst, ref);
  line->w = ref->x + ref->width - lay_end_indent (bst, ref) - line->x;
  *used = pos - x0 - (hang ? p->chars[b - 1].adv : 0);
  return line;
}

/* The start x (absolute in the emit origin) and width available for line `k` (0-based). */
static void
para_line_geom (para *p, const lay_ref *ref, gboolean first_para, int k, gboolean is_last,
                double *x0, double *avail)
{
  const gw_style *st = p->bst;
  double sabs = lay_start_indent (st, ref);
  double w = ref->x + ref->width - lay_end_indent (st, ref) - sabs;
  *x0 = sabs;
  if (k == 0 && first_para)
    {
      double ti = gw_len_resolve (st->text_indent, ref->width, 0);
      double cells = ti / st->font_size;
      if (st->grid && st->grid_char_pitch > 0 && fabs (cells - round (cells)) < 0.01)
        ti = round (cells) * st->grid_char_pitch; /* "2em" = two grid cells */
      *x0 += ti;
      w -= ti;
    }
  if (is_last)
    w -= gw_len_resolve (st->last_line_end_indent, ref->width, 0);
  *avail = MAX (w, 1);
}

/* ---- choosing the breaks ---- */

/* The breaker's view of a paragraph: prefix sums over the characters, so the width,
 * squeeze and stretch of any candidate line take a few subtractions. */
typedef struct {
  para *p;
  int n;
  gboolean preserve;         /* white space is kept at line starts and ends */
  gboolean justify, justify_last;
  int first;                 /* where the paragraph's first line starts (text-indent) */
  double avail[2][2];        /* [first line][last line]: width available */
  double *adv;               /* n + 1 prefix sums: advances */
  double *shrink;            /* squeezable (punctuation and letter-spacing) */
  double *ls;                /* of which elastic letter-spacing */
  double *leader;            /* what leaders may grow */
  int *gaps;                 /* gaps[k]: justification gaps after chars 0 … k-1 */
  int *lead;                 /* lead[a]: first char of a line starting at a */
  int *trail;                /* trail[b]: end of a line ending before b */
  int *nsrun;                /* nsrun[b]: start of the no-start characters ending at b */
} brk_tab;

/* How a candidate line fits. */
typedef struct {
  gboolean over;             /* does not fit, even squeezed */
  gboolean hang;             /* fits with its last mark hanging (opt-in) */
  double badness;
} brk_fit;

/* One chosen line: chars [a, b) after trimming, and how it is set. */
typedef struct {
  int a, b;
  gboolean last;             /* last of its segment (last-line alignment) */
  gboolean hang;
} brk_line;

/* The letter-spacing after char c (none after a line's last character). */
static double
char_ls (const para *p, int c)
{
  return g_array_index (p->spans, para_span, p->chars[c].span).st->letter_spacing.opt;
}

/* Fills the breaker's tables; `x0` and `avail` of lines come from para_line_geom. */
static void
brk_tab_init (brk_tab *t, para *p, const lay_ref *ref, gboolean first_para)
{
  int n = p->n;
  memset (t, 0, sizeof *t);
  t->p = p;
  t->n = n;
  t->preserve = !p->bst->ws_collapse;
  t->justify = p->bst->text_align == GW_ALIGN_JUSTIFY;
  t->justify_last = p->bst->text_align_last == GW_ALIGN_JUSTIFY;
  for (int f = 0; f < 2; f++)
    for (int l = 0; l < 2; l++)
      {
        double x0;
        para_line_geom (p, ref, first_para, f ? 0 : 1, l, &x0, &t->avail[f][l]);
      }
  t->adv = g_new (double, 4 * (n + 1));
  t->shrink = t->adv + (n + 1);
  t->ls = t->shrink + (n + 1);
  t->leader = t->ls + (n + 1);
  t->gaps = g_new (int, 4 * (n + 1));
  t->lead = t->gaps + (n + 1);
  t->trail = t->lead + (n + 1);
  t->nsrun = t->trail + (n + 1);
  t->adv[0] = t->shrink[0] = t->ls[0] = t->leader[0] = 0;
  t->gaps[0] = 0;
  t->nsrun[0] = 0;
  t->trail[0] = 0;
  for (int c = 0; c < n; c++)
    {
      const pchar *pc = &p->chars[c];
      double grow = 0;
      if (pc->is_obj)
        {
          const para_obj *o = &g_array_index (p->objs, para_obj,
                                              g_array_index (p->spans, para_span, pc->span).obj);
          if (o->kind == PIECE_LEADER && o->wmax > o->w)
            grow = o->wmax - o->w;
        }
      t->adv[c + 1] = t->adv[c] + pc->adv;
      t->shrink[c + 1] = t->shrink[c] + pc->shrink;
      t->ls[c + 1] = t->ls[c] + pc->ls_shrink;
      t->leader[c + 1] = t->leader[c] + grow;
      gboolean gap = c + 1 < n && (pc->white || pc->cjk || p->chars[c + 1].cjk);
      t->gaps[c + 1] = t->gaps[c] + gap;
      t->nsrun[c + 1] = gw_kinsoku_no_start (pc->ch) ? t->nsrun[c] : c + 1;
      t->trail[c + 1] = !t->preserve && pc->white ? t->trail[c] : c + 1;
    }
  t->lead[n] = n;
  for (int c = n - 1; c >= 0; c--)
    t->lead[c] = !t->preserve && p->chars[c].white && !p->chars[c].mandatory ? t->lead[c + 1] : c;
}

/* Frees the tables. */
static void
brk_tab_clear (brk_tab *t)
{
  g_free (t->adv);
  g_free (t->gaps);
}

/* Measures the candidate line from break a to break b (`last`: the segment ends at b). */
static void
brk_measure (const brk_tab *t, int a, int b, gboolean last, brk_fit *f)
{
  const para *p = t->p;
  int a1 = t->lead[a], b1 = MAX (t->trail[b], a1);
  double avail = t->avail[a1 == t->first][b == t->n];
  double w = t->adv[b1] - t->adv[a1];
  if (b1 > a1)
    w -= char_ls (p, b1 - 1);
  f->over = f->hang = FALSE;
  f->badness = 0;
  if (w <= avail + EPS)
    {
      if (!(last ? t->justify_last : t->justify))
        return;
      double extra = avail - w - (t->leader[b1] - t->leader[a1]);
      int gaps = b1 - 1 > a1 ? t->gaps[b1 - 1] - t->gaps[a1] : 0;
      if (extra <= EPS)
        return;
      double r = extra / MAX (gaps, 1) / (p->bst->font_size * LOOSE_UNIT);
      f->badness = MIN (100 * r * r * r, BAD_MAX);
      return;
    }
  if (w - (t->ls[b1] - t->ls[a1]) <= avail + EPS)
    return; /* elastic letter-spacing takes it */
  int core = MAX (t->nsrun[b1], a1);
  if (core > a1 && core < b1)
    {
      /* only no-start marks pass the end */
      if (t->p->hang && b1 - core == 1 && p->chars[b1 - 1].squeeze_side == 1
          && w - p->chars[b1 - 1].adv <= avail + EPS)
        {
          f->hang = TRUE;
          return;
        }
      /* 标点挤压 of the marks inside the line: the line-end mark keeps its full width (its
       * glyph box would pass the text area) */
      double wc = t->adv[core] - t->adv[a1] - (t->ls[core] - t->ls[a1]);
      double cap = t->shrink[b1] - t->shrink[a1] - punct_cap (&p->chars[b1 - 1]);
      if (wc <= avail + EPS && w - cap <= avail + EPS)
        return;
    }
  f->over = TRUE;
}

/* The kind of break opportunity before char c of a segment ending at e: 0 free, 1 soft,
 * 2 emergency, 3 emergency between two digits or two letters (a run longer than the line
 * breaks next to its ×, / or - first), -1 none. */
static int
brk_kind (const brk_tab *t, int c, int e)
{
  const pchar *pc = &t->p->chars[c];
  if (c == e || pc->brk)
    return 0;
  if (pc->soft)
    return 1;
  if (!t->p->bst->wrap || pc->white || g_unichar_ismark (pc->ch) || pc->ch == 0x200D
      || (pc->ch >= 0xFE00 && pc->ch <= 0xFE0F))
    return -1;
  gunichar a = t->p->chars[c - 1].ch, b = pc->ch;
  if ((g_unichar_isdigit (a) && g_unichar_isdigit (b)) || (g_unichar_isalpha (a) && g_unichar_isalpha (b)
                                                           && !gw_kinsoku_is_cjk (a) && !gw_kinsoku_is_cjk (b)))
    return 3;
  return 2;
}

/* The penalty of breaking at an opportunity of kind k. */
static double
brk_penalty (int k)
{
  return k == 1 ? PEN_SOFT : k == 2 ? PEN_EMERGENCY : k == 3 ? 10 * PEN_EMERGENCY : 0;
}

/* Appends the line [a, b) to `lines`. */
static void
brk_emit (const brk_tab *t, GArray *lines, int a, int b, gboolean last, gboolean hang)
{
  brk_line l = { t->lead[a], MAX (t->trail[b], t->lead[a]), last, hang };
  g_array_append_val (lines, l);
}

/* First fit over segment [s, e): each line as long as it can be. */
static void
brk_first_fit (const brk_tab *t, int s, int e, GArray *lines)
{
  int a = s;
  while (a < e)
    {
      int best[4] = { -1, -1, -1, -1 }, first = -1;
      gboolean hang[4] = { FALSE, FALSE, FALSE, FALSE }, first_hang = FALSE;
      for (int c = a + 1; c <= e; c++)
        {
          int k = brk_kind (t, c, e);
          if (k < 0)
            continue;
          brk_fit f;
          brk_measure (t, a, c, c == e, &f);
          if (f.over)
            {
              if (first < 0)
                first = c, first_hang = FALSE;
              break;
            }
          if (first < 0)
            first = c, first_hang = f.hang;
          best[k] = c;
          hang[k] = f.hang;
        }
      int k = -1;
      for (int i = 3; i >= 0; i--)
        if (best[i] >= 0)
          k = i;
      int b = k >= 0 ? best[k] : first;
      brk_emit (t, lines, a, b, b == e, k >= 0 ? hang[k] : first_hang);
      a = b;
    }
}

/* Total fit over segment [s, e) with the opportunities up to kind `maxk` and lines with at
 * most `tol` pt of slack (but the last); returns FALSE when a line of the best set is
 * overfull. A cost is compared as (penalties, demerits). */
static gboolean
brk_total_fit (const brk_tab *t, int s, int e, int maxk, double tol, GArray *lines)
{
  double min_avail = MIN (MIN (t->avail[0][0], t->avail[0][1]), MIN (t->avail[1][0], t->avail[1][1]));
  int len = e - s + 1;
  double *pen = g_new (double, 2 * len), *dem = pen + len;
  int *from = g_new (int, 2 * len), *active = from + len;
  guint8 *flags = g_new0 (guint8, len); /* 1 reached over an overfull line, 2 hang, 4 has a line */
  int nact = 1;
  for (int i = 0; i < len; i++)
    pen[i] = INFINITY, dem[i] = 0, from[i] = -1;
  pen[0] = 0;
  from[0] = -1;
  active[0] = s;
  for (int c = s + 1; c <= e && nact > 0; c++)
    {
      int k = brk_kind (t, c, e);
      if (k < 0 || k > maxk)
        continue;
      int keep = 0;
      gboolean loose_ok = c == e && !t->justify_last;
      for (int i = 0; i < nact; i++)
        {
          int a = active[i];
          if (!loose_ok && min_avail - (t->adv[c] - t->adv[a]) > tol)
            {
              active[keep++] = a; /* far too loose yet (tolerance): later */
              continue;
            }
          brk_fit f;
          brk_measure (t, a, c, c == e, &f);
          double pe = pen[a - s] + brk_penalty (k), de = dem[a - s];
          guint8 fl = 0;
          if (f.over)
            {
              if (flags[a - s] & 4)
                continue; /* dropped: no longer line from a fits */
              pe += PEN_OVERFULL;
              fl = 1;
            }
          else
            {
              de += (1 + f.badness) * (1 + f.badness);
              fl = f.hang ? 2 : 0;
              active[keep++] = a;
            }
          flags[a - s] |= 4;
          if (pe < pen[c - s] || (pe == pen[c - s] && de < dem[c - s]))
            {
              pen[c - s] = pe;
              dem[c - s] = de;
              from[c - s] = a;
              flags[c - s] = (flags[c - s] & 4) | fl | (flags[a - s] & 1);
            }
        }
      nact = keep;
      if (pen[c - s] < INFINITY)
        active[nact++] = c;
    }
  gboolean clean = pen[len - 1] < INFINITY && !(flags[len - 1] & 1);
  /* the chain back from e, emitted in order (none if e was not reached) */
  int nl = 0;
  for (int c = e; c > s && from[c - s] >= 0; c = from[c - s])
    nl++;
  guint base = lines->len;
  g_array_set_size (lines, base + nl);
  int i = nl;
  for (int c = e; c > s && from[c - s] >= 0; c = from[c - s])
    {
      int a = from[c - s];
      brk_line l = { t->lead[a], MAX (t->trail[c], t->lead[a]), c == e, (flags[c - s] & 2) != 0 };
      g_array_index (lines, brk_line, base + --i) = l;
    }
  g_free (pen);
  g_free (from);
  g_free (flags);
  return clean;
}

/* Reports a justified line looser than LOOSE_WARN_EM per gap, naming its text (once per
 * text and job: the passes of a document lay it out again). */
static void
brk_warn_loose (para *p, int a, int b, double spread)
{
  double em = spread / p->bst->font_size;
  if (em <= LOOSE_WARN_EM)
    return;
  GString *s = g_string_new_len (p->text->str + p->chars[a].byte, p->chars[b].byte - p->chars[a].byte);
  if (g_utf8_strlen (s->str, -1) > 40)
    g_string_truncate (s, g_utf8_offset_to_pointer (s->str, 40) - s->str), g_string_append (s, "…");
  char *key = g_strconcat ("loose:", s->str, NULL);
  gw_diag_warn_once (p->job->ctx->diag, key, p->job->tree->file, p->block->line,
                     "a justified line is letter-spaced (%.2f em between characters; nothing "
                     "else fits the line): '%s'", em, s->str);
  g_free (key);
  g_string_free (s, TRUE);
}

/* Breaks the paragraph into lines and appends them as VI_LINE items. */
void
lay_para_break (para *p, const lay_ref *ref, gboolean first_para, GPtrArray *out)
{
  brk_tab t;
  brk_tab_init (&t, p, ref, first_para);
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (brk_line));
  t.first = -1;
  for (int s = 0; s < p->n;)
    {
      int e = s + 1;
      while (e < p->n && !p->chars[e].mandatory)
        e++;
      if (t.lead[s] < e || t.preserve)
        {
          if (t.first < 0)
            t.first = t.lead[s];
          if (!t.justify)
            brk_first_fit (&t, s, e, lines);
          else
            {
              guint base = lines->len;
              gboolean ok = brk_total_fit (&t, s, e, 1, TOLERANCE_EM * p->bst->font_size, lines);
              if (!ok)
                {
                  g_array_set_size (lines, base);
                  ok = brk_total_fit (&t, s, e, 1, INFINITY, lines);
                }
              if (!ok && p->bst->wrap)
                {
                  g_array_set_size (lines, base);
                  brk_total_fit (&t, s, e, 3, INFINITY, lines);
                }
            }
        }
      s = e;
    }
  int nlines = (int) lines->len;
  const gw_style *st = p->bst;
  for (int k = 0; k < nlines; k++)
    {
      brk_line *bl = &g_array_index (lines, brk_line, k);
      double x0, avail, used, spread;
      para_line_geom (p, ref, first_para, k, k == nlines - 1, &x0, &avail);
      lay_line *line = para_make_line (p, ref, bl->a, bl->b, x0, avail, bl->last, bl->hang,
                                       &used, &spread);
      line->first_byte = p->chars[bl->a].byte;
      if (used > avail + 0.5 && !p->bst->grid)
        {
          /* an unbreakable run wider than the line: it is clipped by the page, say so */
          gw_diag_warn_once (p->job->ctx->diag, "overfull", p->job->tree->file, p->block->line,
                             "a line is %.1fpt wider than the space available", used - avail);
        }
      brk_warn_loose (p, bl->a, bl->b, spread);
      vitem *it = lay_item_new (p->job, VI_LINE);
      it->u.line = line;
      it->h = line->above + line->below;
      if (st->grid && st->grid_line_pitch > 0 && it->h < st->grid_line_pitch * 1.01)
        {
          double extra = st->grid_line_pitch - it->h;
          line->above += extra / 2;
          line->below += extra / 2;
          it->h = st->grid_line_pitch;
        }
      gboolean ok = (k + 1) >= st->orphans && (nlines - k - 1) >= st->widows;
      it->no_break_after = !ok && k < nlines - 1;
      g_ptr_array_add (out, it);
      /* a bound on memory: far more lines than the page limit can hold stops the layout */
      p->job->laid_h += it->h;
      if (p->job->laid_h > p->job->ctx->limits.max_pages * LAY_MAX_HEIGHT_PER_PAGE)
        {
          if (!p->job->stopped)
            gw_diag_error (p->job->ctx->diag, p->job->tree->file, p->block->line,
                           "the document is longer than %u pages; stopped",
                           p->job->ctx->limits.max_pages);
          p->job->stopped = TRUE;
          break;
        }
    }
  g_array_free (lines, TRUE);
  brk_tab_clear (&t);
}
