/* master.c — page masters: finding and choosing them (page-sequence-master alternatives),
 * their geometry (page size, margins, regions) and the page areas made from them. */
#include "layout/lay.h"

#include <math.h>
#include <string.h>

/* The margins of a page master or region in pt (lengths other than absolute count 0). */
static void
read_margins (const gw_fo *fo, double m[4])
{
  for (int i = 0; i < 4; i++)
    m[i] = fo->props->margin[i].kind == GW_LEN_ABS ? fo->props->margin[i].v : 0;
}

/* A page dimension in pt, or the default (A4) when not given or invalid (parsed once). */
static double
page_dim (double v, double dflt)
{
  return v > 0 ? v : dflt;
}

/* Finds a simple-page-master or page-sequence-master by name. */
const gw_fo *
lay_find_master (lay_job *job, const char *name)
{
  const gw_fo *lms = gw_fo_child (job->tree->root, FO_LAYOUT_MASTER_SET);
  if (!lms || !name)
    return NULL;
  for (const gw_fo *m = lms->first; m; m = m->next)
    {
      if (m->props->master_name && !strcmp (m->props->master_name, name))
        return m;
    }
  return NULL;
}

/* TRUE when a conditional-page-master-reference matches the page. */
static gboolean
cond_matches (const gw_fo *c, int number, gboolean first, gboolean last, gboolean blank)
{
  const gw_fo_props *pr = c->props;
  gboolean ok = TRUE;
  switch (pr->page_position)
    {
    case GW_PP_FIRST: ok = first; break;
    case GW_PP_LAST: ok = last; break;
    case GW_PP_REST: ok = !first && !last; break;
    case GW_PP_ONLY: ok = first && last; break;
    default: break;
    }
  if (pr->odd_or_even == GW_OE_ODD)
    ok = ok && (number % 2 == 1);
  else if (pr->odd_or_even == GW_OE_EVEN)
    ok = ok && (number % 2 == 0);
  if (pr->blank_or_not_blank == GW_BNB_BLANK)
    ok = ok && blank;
  else if (pr->blank_or_not_blank == GW_BNB_NOT_BLANK)
    ok = ok && !blank;
  return ok;
}

/* Selects the simple-page-master for page `index` (0-based in the sequence). */
const gw_fo *
lay_select_master (lay_job *job, const gw_fo *ref, int index, int number, gboolean last, gboolean blank)
{
  if (!ref)
    return NULL;
  if (ref->kind == FO_SIMPLE_PAGE_MASTER)
    return ref;
  gint64 pos = 0; /* reps may be G_MAXINT / 2 several times */
  const gw_fo *fallback = NULL;
  for (const gw_fo *s = ref->first; s; s = s->next)
    {
      int mx = s->props->maximum_repeats;
      int reps = s->kind == FO_SINGLE_PAGE_MASTER_REFERENCE ? 1 : mx >= 0 ? mx : G_MAXINT / 2;
      const gw_fo *chosen = NULL;
      if (s->kind == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
        {
          for (const gw_fo *c = s->first; c && !chosen; c = c->next)
            if (c->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE
                && cond_matches (c, number, index == 0, last, blank))
              chosen = lay_find_master (job, c->props->master_reference);
        }
      else
        chosen = lay_find_master (job, s->props->master_reference);
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

/* The size (*iw × *ih) a frame turned by `orient` degrees sees in a w × h rectangle. */
void
lay_turn_dims (int orient, double w, double h, double *iw, double *ih)
{
  gboolean quarter = orient == 90 || orient == 270;
  *iw = quarter ? h : w;
  *ih = quarter ? w : h;
}

/* Maps a rectangle of a frame turned by `orient` inside the page rectangle (cx, cy, cw, ch)
 * to page coordinates: the frame's (u, v) is (cx + v, cy + ch - u) at 90°, (cx + cw - u,
 * cy + ch - v) at 180°, (cx + cw - v, cy + u) at 270°. */
static void
turn_rect (int orient, double cx, double cy, double cw, double ch, double *x, double *y,
           double *w, double *h)
{
  double u[2] = { *x, *x + *w }, v[2] = { *y, *y + *h }, px[2], py[2];
  for (int k = 0; k < 2; k++)
    switch (orient)
      {
      case 90: px[k] = cx + v[k], py[k] = cy + ch - u[k]; break;
      case 180: px[k] = cx + cw - u[k], py[k] = cy + ch - v[k]; break;
      default: px[k] = cx + cw - v[k], py[k] = cy + u[k]; break;
      }
  *x = MIN (px[0], px[1]), *y = MIN (py[0], py[1]);
  *w = fabs (px[1] - px[0]), *h = fabs (py[1] - py[0]);
}

/* Computes the geometry of a page master.  With a reference-orientation on the master, the
 * regions are placed in the turned content rectangle, then mapped back onto the page. */
void
lay_master_geom (lay_job *job, const gw_fo *spm, lay_page_geom *g)
{
  memset (g, 0, sizeof *g);
  g->pw = page_dim (spm->props->page_width, 595.28);
  g->ph = page_dim (spm->props->page_height, 841.89);
  double m[4];
  read_margins (spm, m);
  double cx = m[2], cy = m[0], cw = g->pw - m[2] - m[3], ch = g->ph - m[0] - m[1];
  if (cw < 36 || ch < 36)
    {
      gw_diag_warn (job->ctx->diag, job->tree->file, spm->line,
                    "page margins leave no room (%.0f × %.0fpt); margins ignored", cw, ch);
      cx = cy = 0;
      cw = g->pw;
      ch = g->ph;
    }
  int turn = spm->style->reference_orientation;
  double pcx = cx, pcy = cy, pcw = cw, pch = ch; /* the content rectangle on the page */
  if (turn) /* the regions are placed in the turned frame, from its origin */
    {
      cx = cy = 0;
      lay_turn_dims (turn, pcw, pch, &cw, &ch);
    }
  static const gw_fo_kind kinds[4] = { FO_REGION_BEFORE, FO_REGION_AFTER, FO_REGION_START, FO_REGION_END };
  static const char *const dflt[4] = { "xsl-region-before", "xsl-region-after", "xsl-region-start", "xsl-region-end" };
  g->bx = cx, g->by = cy, g->bw = cw, g->bh = ch;
  const gw_fo *body = gw_fo_child (spm, FO_REGION_BODY);
  if (body)
    {
      double bm[4];
      read_margins (body, bm);
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
  if (turn)
    turn_rect (turn, pcx, pcy, pcw, pch, &g->bx, &g->by, &g->bw, &g->bh);
  g->body_orient = (turn + (body ? body->style->reference_orientation : 0)) % 360;
  lay_turn_dims (g->body_orient, g->bw, g->bh, &g->body_iw, &g->body_ih);
  for (int i = 0; i < 4; i++)
    {
      const gw_fo *r = gw_fo_child (spm, kinds[i]);
      if (!r)
        continue;
      double e = r->props->extent;
      g->names[i] = r->props->region_name ? r->props->region_name
                                          : gw_style_intern_str (job->tree->pool, dflt[i]);
      g->has[i] = TRUE;
      switch (i)
        {
        case 0: g->rx[i] = cx, g->ry[i] = cy, g->rw[i] = cw, g->rh[i] = e; break;
        case 1: g->rx[i] = cx, g->ry[i] = cy + ch - e, g->rw[i] = cw, g->rh[i] = e; break;
        case 2: g->rx[i] = cx, g->ry[i] = cy, g->rw[i] = e, g->rh[i] = ch; break;
        default: g->rx[i] = cx + cw - e, g->ry[i] = cy, g->rw[i] = e, g->rh[i] = ch; break;
        }
      if (turn)
        turn_rect (turn, pcx, pcy, pcw, pch, &g->rx[i], &g->ry[i], &g->rw[i], &g->rh[i]);
      g->orient[i] = (turn + r->style->reference_orientation) % 360;
      lay_turn_dims (g->orient[i], g->rw[i], g->rh[i], &g->riw[i], &g->rih[i]);
    }
}

/* Creates a page area and its info record. */
lay_page_info *
lay_new_page (lay_job *job, const gw_fo *seq, const gw_fo *spm, int seq_index, int number,
              const char *fmt, gboolean blank, lay_page_geom *g)
{
  lay_master_geom (job, spm, g);
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
int
lay_initial_number (const gw_fo *seq, int counter)
{
  gw_ipn v = seq->props->initial_page_number;
  int n = counter + 1;
  if (v.kind == GW_IPN_AUTO_ODD && n % 2 == 0)
    n++;
  else if (v.kind == GW_IPN_AUTO_EVEN && n % 2 == 1)
    n++;
  else if (v.kind == GW_IPN_NUMBER)
    n = v.number;
  return n;
}

/* Paginates one page-sequence. */
