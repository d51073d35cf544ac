/* text.c — inline content of a block → shaped, broken, justified lines.
 *
 * Outline of lay_inline_run():
 *   1. collect the inline children into one paragraph: text with white-space handling
 *      (and the CSS rule that a line feed between two Chinese characters vanishes), objects
 *      (images, leaders) as U+FFFC, page numbers and citations as their text for this pass;
 *   2. itemize and shape once with Pango (per-character font fallback through fontconfig),
 *      report characters no font has;
 *   3. per character: advance (+ letter-spacing, grid pitch), UAX#14 break opportunities
 *      refined by 避头尾 (kinsoku.c);
 *   4. greedy line breaking: when a character overflows, first try to squeeze the line's
 *      punctuation (标点挤压) to keep a no-start character on the line, else break at the
 *      last legal opportunity (pushing the previous character down);
 *   5. per line: alignment, justification spread between Chinese characters and at spaces,
 *      glyph strings sliced per run with the adjusted advances → VI_LINE items, with
 *      widows/orphans as no-break flags. */
#include "layout/lay.h"
#include "layout/kinsoku.h"

#include <math.h>
#include <string.h>

/* Line height laid out per allowed page before layout stops (cells side by side count more
 * than once, so this is generous). */
#define LAY_MAX_HEIGHT_PER_PAGE 1500.0

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
} para;

/* ---- 1. collecting ---- */

/* Appends a span covering bytes [b0, text->len). */
static void
para_span_close (para *p, int b0, const gw_style *st, const gw_fo *fo, const gw_fo *link, int obj)
{
  if ((int) p->text->len == b0)
    return;
  para_span s = { b0, (int) p->text->len, st, fo, link, obj };
  g_array_append_val (p->spans, s);
}

/* Emits the pending collapsed white space before `next`. */
static void
para_flush_ws (para *p, gunichar next)
{
  if (!p->pending_ws)
    return;
  gboolean drop = p->last_ch == 0
                  || (p->pending_ws == 2 && gw_kinsoku_is_cjk (p->last_ch) && gw_kinsoku_is_cjk (next));
  if (!drop)
    {
      g_string_append_c (p->text, ' ');
      p->last_ch = ' ';
    }
  p->pending_ws = 0;
}

/* Flushes pending white space before an object or a page number as a span of its own in
 * style `st` (a character outside every span would get no font: Pango's fallback). */
static void
para_flush_ws_styled (para *p, gunichar next, const gw_style *st, const gw_fo *fo,
                      const gw_fo *link)
{
  int b0 = (int) p->text->len;
  para_flush_ws (p, next);
  para_span_close (p, b0, st, fo, link, -1);
}

/* Appends text with the white-space properties of `st`. */
static void
para_add_text (para *p, const char *s, const gw_style *st, const gw_fo *fo, const gw_fo *link)
{
  if (!g_utf8_validate (s, -1, NULL))
    {
      gw_diag_error (p->job->ctx->diag, p->job->tree->file, fo->line, "invalid UTF-8 in text");
      return;
    }
  int b0 = (int) p->text->len;
  for (const char *q = s; *q; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      if (c == '\r')
        continue;
      if (c == '\n')
        {
          switch (st->linefeed)
            {
            case GW_LF_IGNORE: continue;
            case GW_LF_PRESERVE:
              p->pending_ws = 0;
              if (st->ws_treatment == GW_WS_IGNORE_IF_SURROUNDING || st->ws_treatment == GW_WS_IGNORE_BEFORE_LF)
                while (p->text->len > (gsize) b0 && p->text->str[p->text->len - 1] == ' ')
                  g_string_truncate (p->text, p->text->len - 1);
              g_string_append_c (p->text, '\n');
              p->last_ch = '\n';
              continue;
            case GW_LF_ZERO_WIDTH:
              g_string_append_unichar (p->text, 0x200B);
              continue;
            case GW_LF_TREAT_AS_SPACE:
              if (st->ws_collapse)
                {
                  p->pending_ws = 2;
                  continue;
                }
              c = ' ';
              break;
            }
        }
      if (c == ' ' || c == '\t')
        {
          if (st->ws_collapse)
            {
              if (p->pending_ws < 1)
                p->pending_ws = 1;
              continue;
            }
          if (st->ws_treatment == GW_WS_IGNORE)
            continue;
          g_string_append_c (p->text, ' ');
          p->last_ch = ' ';
          continue;
        }
      para_flush_ws (p, c);
      g_string_append_unichar (p->text, c);
      p->last_ch = c;
    }
  para_span_close (p, b0, st, fo, link, -1);
}

/* Appends an object (image, leader) as U+FFFC. */
static void
para_add_obj (para *p, const para_obj *o, const gw_style *st, const gw_fo *fo, const gw_fo *link)
{
  para_flush_ws_styled (p, 0xFFFC, st, fo, link);
  int b0 = (int) p->text->len;
  g_string_append_unichar (p->text, 0xFFFC);
  p->last_ch = 0xFFFC;
  g_array_append_val (p->objs, *o);
  para_span_close (p, b0, st, fo, link, (int) p->objs->len - 1);
}

/* Builds a leader object. */
static void
para_add_leader (para *p, const gw_fo *fo, const gw_fo *link, double line_w)
{
  para_obj o = { PIECE_LEADER, 0, 0, 0, 0, 0, NULL, 0, 1 };
  const gw_fo_props *pr = fo->props;
  o.leader_pattern = MIN ((int) pr->leader_pattern, 2); /* space, rule, dots (use-content) */
  o.wmin = gw_len_resolve (pr->leader_length[0], line_w, 0);
  o.w = gw_len_resolve (pr->leader_length[1], line_w, 12);
  o.wmax = gw_len_resolve (pr->leader_length[2], line_w, line_w);
  o.rule_thickness = pr->rule_thickness;
  o.w = CLAMP (o.w, o.wmin, MAX (o.wmin, o.wmax));
  o.asc = fo->style->font_size * 0.3;
  para_add_obj (p, &o, fo->style, fo, link);
}

/* Builds an image object sized per content-width/height. */
static void
para_add_image (para *p, const gw_fo *fo, const gw_fo *link, double line_w)
{
  const char *src = fo->props->src;
  gw_image *img = src ? lay_image_load (p->job, fo, src) : NULL;
  if (!src)
    gw_diag_warn (p->job->ctx->diag, p->job->tree->file, fo->line, "external-graphic without src");
  if (!img)
    return;
  double w = img->w, h = img->h;
  const gw_csize *cw = &fo->props->content_width, *ch = &fo->props->content_height;
  gboolean uniform = !fo->props->scaling_non_uniform;
  double nw = -1, nh = -1;
  double vw = gw_len_resolve (fo->style->width, line_w, -1);
  double vh = gw_len_resolve (fo->style->height, line_w, -1);
  if (cw->kind == GW_CSIZE_LEN)
    nw = cw->len.kind == GW_LEN_PCT ? w * cw->len.v / 100 : cw->len.v;
  else if (cw->kind == GW_CSIZE_SCALE_TO_FIT && vw > 0)
    nw = vw;
  if (ch->kind == GW_CSIZE_LEN)
    nh = ch->len.kind == GW_LEN_PCT ? h * ch->len.v / 100 : ch->len.v;
  else if (ch->kind == GW_CSIZE_SCALE_TO_FIT && vh > 0)
    nh = vh;
  if (nw > 0 && nh > 0 && uniform)
    {
      double s = MIN (nw / w, nh / h);
      nw = w * s, nh = h * s;
    }
  else if (nw > 0 && nh < 0)
    nh = uniform ? h * nw / w : h;
  else if (nh > 0 && nw < 0)
    nw = uniform ? w * nh / h : w;
  if (nw > 0)
    w = nw, h = nh;
  if (w > line_w && line_w > 0)
    {
      gw_diag_warn (p->job->ctx->diag, p->job->tree->file, fo->line,
                    "image %.0fpt wide scaled down to the %.0fpt line", w, line_w);
      h = h * line_w / w;
      w = line_w;
    }
  para_obj o = { PIECE_IMAGE, w, h, 0, w, w, img, 0, 0 };
  para_add_obj (p, &o, fo->style, fo, link);
}

/* Walks inline content; returns FALSE when a block-level child stops the run. */
static gboolean
para_collect (para *p, const gw_fo *fo, const gw_fo *link, double line_w)
{
  switch (fo->kind)
    {
    case FO_TEXT:
      para_add_text (p, fo->text, fo->style, fo, link);
      return TRUE;
    case FO_RETRIEVE_MARKER:
    case FO_RETRIEVE_TABLE_MARKER:
      {
        const gw_fo *m = lay_retrieved_marker (p->job, fo);
        for (const gw_fo *c = m ? m->first : NULL; c; c = c->next)
          if (gw_fo_kind_class (c->kind) != FO_CLASS_BLOCK)
            para_collect (p, c, link, line_w);
        return TRUE;
      }
    case FO_INLINE: case FO_WRAPPER: case FO_BASIC_LINK: case FO_INLINE_CONTAINER:
    case FO_FOOTNOTE:
      {
        const gw_fo *l = fo->kind == FO_BASIC_LINK ? fo : link;
        if (fo->props->id)
          {
            para_obj o = { PIECE_SPACE, 0, 0, 0, 0, 0, NULL, 0, 0 };
            para_add_obj (p, &o, fo->style, fo, l); /* zero-width anchor for the id */
          }
        for (const gw_fo *c = fo->first; c; c = c->next)
          {
            if (fo->kind == FO_FOOTNOTE && c->kind == FO_FOOTNOTE_BODY)
              {
                if (p->footnotes)
                  {
                    int at = (int) p->text->len;
                    g_ptr_array_add (p->footnotes, (gpointer) c);
                    g_array_append_val (p->footnote_at, at);
                  }
                continue;
              }
            if (gw_fo_kind_class (c->kind) == FO_CLASS_BLOCK)
              {
                gw_diag_warn_once (p->job->ctx->diag, "block-in-inline", p->job->tree->file, c->line,
                                   "block-level fo:%s inside fo:%s is not supported; ignored",
                                   gw_fo_kind_name (c->kind), gw_fo_kind_name (fo->kind));
                continue;
              }
            para_collect (p, c, l, line_w);
          }
        return TRUE;
      }
    case FO_CHARACTER:
      {
        if (fo->props->character)
          para_add_text (p, fo->props->character, fo->style, fo, link);
        return TRUE;
      }
    case FO_PAGE_NUMBER: case FO_PAGE_NUMBER_CITATION: case FO_PAGE_NUMBER_CITATION_LAST:
      {
        para_flush_ws_styled (p, '0', fo->style, fo, link);
        int b0 = (int) p->text->len;
        g_string_append (p->text, lay_cite_text (p->job, fo));
        p->last_ch = '0';
        para_span_close (p, b0, fo->style, fo, link, -1);
        return TRUE;
      }
    case FO_LEADER:
      para_add_leader (p, fo, link, line_w);
      return TRUE;
    case FO_EXTERNAL_GRAPHIC:
      para_add_image (p, fo, link, line_w);
      return TRUE;
    case FO_INSTREAM_FOREIGN_OBJECT:
      gw_diag_warn_once (p->job->ctx->diag, "ifo", p->job->tree->file, fo->line,
                         "fo:instream-foreign-object is not supported; ignored");
      return TRUE;
    case FO_MARKER:
      return TRUE;
    default:
      return gw_fo_kind_class (fo->kind) != FO_CLASS_BLOCK;
    }
}

/* ---- 2./3. shaping and character analysis ---- */

/* Frees shaping data. */
static void
para_clear (para *p)
{
  if (p->items)
    g_ptr_array_free (p->items, TRUE);
  if (p->glyphs)
    g_ptr_array_free (p->glyphs, TRUE);
  g_free (p->chars);
  g_free (p->adj_delta);
  g_free (p->adj_shift);
  g_string_free (p->text, TRUE);
  g_array_free (p->spans, TRUE);
  g_array_free (p->objs, TRUE);
}

/* Reports a character no font can draw (once per character per pass). */
static void
para_report_missing (para *p, gunichar ch, const gw_fo *fo)
{
  lay_job *job = p->job;
  if (g_hash_table_contains (job->missing_reported, GUINT_TO_POINTER (ch)))
    return;
  g_hash_table_add (job->missing_reported, GUINT_TO_POINTER (ch));
  char utf8[8] = { 0 };
  g_unichar_to_utf8 (ch, utf8);
  if (job->ctx->allow_missing_glyphs)
    gw_diag_warn (job->ctx->diag, job->tree->file, fo ? fo->line : 0, "no font has U+%04X '%s'", ch, utf8);
  else
    gw_diag_error (job->ctx->diag, job->tree->file, fo ? fo->line : 0, "no font has U+%04X '%s'", ch, utf8);
}

/* Itemizes, shapes and fills the per-character table. */
static void
para_shape (para *p)
{
  lay_job *job = p->job;
  const char *text = p->text->str;
  int len = (int) p->text->len;
  p->n = g_utf8_strlen (text, len);
  p->chars = g_new0 (pchar, p->n + 1);
  p->adj_delta = g_new0 (double, p->n + 1);
  p->adj_shift = g_new0 (double, p->n + 1);
  int *byte_to_char = g_new (int, len + 1);
  int k = 0;
  for (const char *q = text; q < text + len; q = g_utf8_next_char (q), k++)
    {
      p->chars[k].byte = (int) (q - text);
      p->chars[k].ch = g_utf8_get_char (q);
      byte_to_char[q - text] = k;
    }
  p->chars[p->n].byte = len;
  byte_to_char[len] = p->n;
  /* spans → chars */
  for (guint s = 0; s < p->spans->len; s++)
    {
      para_span *sp = &g_array_index (p->spans, para_span, s);
      for (int c = byte_to_char[sp->b0]; c < p->n && p->chars[c].byte < sp->b1; c++)
        p->chars[c].span = (int) s;
    }
  gw_shape_span *runs = g_new (gw_shape_span, MAX (p->spans->len, 1u));
  for (guint s = 0; s < p->spans->len; s++)
    {
      para_span *sp = &g_array_index (p->spans, para_span, s);
      runs[s] = (gw_shape_span) { sp->b0, sp->b1, gw_fonts_desc (job->fonts, sp->st) };
    }
  gw_shape_result shaped;
  gw_shape_run (job->fonts->shapes, job->fonts->context, text, len, p->n, runs,
                p->spans->len, &shaped);
  g_free (runs);
  p->items = shaped.items;
  p->glyphs = shaped.glyphs;
  for (guint i = 0; i < p->items->len; i++)
    {
      PangoItem *it = g_ptr_array_index (p->items, i);
      PangoGlyphString *gs = g_ptr_array_index (p->glyphs, i);
      int idx = (int) i;
      for (int c = byte_to_char[it->offset]; c < p->n && p->chars[c].byte < it->offset + it->length; c++)
        p->chars[c].item = idx;
      for (int g = 0; g < gs->num_glyphs; g++)
        {
          int ci = byte_to_char[it->offset + gs->log_clusters[g]];
          pchar *pc = &p->chars[ci];
          pc->adv += gs->glyphs[g].geometry.width / (double) PANGO_SCALE;
          if ((gs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG) && pc->ch != 0xFFFC
              && !g_unichar_iscntrl (pc->ch) && pc->ch != 0x200B && pc->ch != ' '
              && g_unichar_type (pc->ch) != G_UNICODE_FORMAT)
            {
              para_span *sp = &g_array_index (p->spans, para_span, pc->span);
              para_report_missing (p, pc->ch, sp->fo);
            }
        }
    }
  g_free (byte_to_char);
  /* break opportunities */
  PangoLogAttr *la = shaped.attrs;
  gunichar *cps = g_new (gunichar, p->n + 1);
  for (int c = 0; c < p->n; c++)
    cps[c] = p->chars[c].ch;
  for (int c = 0; c < p->n; c++)
    {
      pchar *pc = &p->chars[c];
      para_span *sp = &g_array_index (p->spans, para_span, pc->span);
      const gw_style *st = sp->st;
      pc->white = pc->ch == ' ' || pc->ch == 0x200B;
      pc->cjk = gw_kinsoku_is_cjk (pc->ch);
      pc->mandatory = c > 0 && cps[c - 1] == '\n';
      gboolean uax = la[c].is_line_break || (c > 0 && cps[c - 1] == 0x200B);
      pc->brk = st->wrap && gw_kinsoku_break_ok (cps, p->n, c, uax);
      if (c > 0 && p->chars[c - 1].is_obj)
        pc->brk = pc->brk || st->wrap;
      if (sp->obj >= 0)
        {
          para_obj *o = &g_array_index (p->objs, para_obj, sp->obj);
          pc->adv = o->w;
          pc->is_obj = 1;
          pc->white = 0;
          continue;
        }
      if (pc->ch == '\n')
        {
          pc->adv = 0;
          continue;
        }
      double pitch = st->grid_char_pitch > 0 ? st->grid_char_pitch : st->font_size;
      if (st->grid && (pc->cjk || pc->adv >= st->font_size * 0.9)
          && pitch >= st->font_size * 0.9 && pitch <= st->font_size * 1.1)
        pc->adv = pitch; /* only type of the grid's size sits on the grid */
      if (pc->white && st->word_spacing != 0)
        pc->adv += st->word_spacing;
      pc->adv += st->letter_spacing.opt;
      pc->ls_shrink = MAX (0, st->letter_spacing.opt - st->letter_spacing.min);
      pc->shrink = pc->ls_shrink;
      int side;
      if (gw_kinsoku_squeezable (pc->ch, &side))
        {
          pc->shrink += pc->adv * 0.5 * (pc->cjk ? 1 : 0);
          pc->squeeze_side = side;
        }
    }
  g_free (cps);
  g_free (la);
}

/* ---- 4./5. lines ---- */

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

/* Builds one line from chars [a, b) (b exclusive, trailing white already trimmed). */
static lay_line *
para_make_line (para *p, const lay_ref *ref, int a, int b, double x0, double avail,
                gboolean last, double *used)
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
  /* a closing mark that does not fit hangs in the margin (see para_break) */
  gboolean hang = FALSE;
  if (n > 1 && natural > avail + 0.01 && p->chars[b - 1].squeeze_side == 1)
    {
      double cap = 0;
      for (int c = a; c < b; c++)
        cap += p->chars[c].shrink;
      if (natural - cap > avail + 0.01)
        {
          hang = TRUE;
          natural -= p->chars[b - 1].adv;
        }
    }
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
    {
      /* squeezed line: take the overflow from squeezable punctuation */
      double cap = 0;
      int last = hang ? b - 1 : b;
      for (int c = a; c < last; c++)
        cap += p->chars[c].shrink;
      double f = cap > 0 ? MIN (1.0, -extra / cap) : 0;
      for (int c = a; c < last; c++)
        if (p->chars[c].shrink > 0)
          {
            double s = p->chars[c].shrink * f;
            adj.delta[c] -= s;
            if (p->chars[c].squeeze_side < 0)
              adj.shift[c] -= s;
            extra += s;
          }
    }
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

/* Greedy breaking with 避头尾 and squeezing; appends VI_LINE items. */
static void
para_break (para *p, const lay_ref *ref, gboolean first_para, GPtrArray *out)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (int));
  int i = 0;
  gboolean preserve = !p->bst->ws_collapse;
  while (i < p->n)
    {
      if (!preserve)
        while (i < p->n && p->chars[i].white && !p->chars[i].mandatory)
          i++;
      if (i >= p->n)
        break;
      double x0, avail;
      para_line_geom (p, ref, first_para, (int) starts->len, FALSE, &x0, &avail);
      double x = 0, shrink = 0, ls_shrink = 0;
      int last_break = -1;
      int j = i;
      int end = p->n;
      for (; j < p->n; j++)
        {
          pchar *pc = &p->chars[j];
          if (j > i && pc->mandatory)
            {
              end = j;
              break;
            }
          if (j > i && pc->brk)
            last_break = j;
          if (pc->ch == '\n')
            continue;
          x += pc->adv;
          shrink += pc->shrink;
          ls_shrink += pc->ls_shrink;
          if (x > avail + 0.01 && j > i && !pc->white && x - ls_shrink <= avail + 0.01)
            continue; /* elastic letter-spacing (minimum < optimum) absorbs it */
          if (x > avail + 0.01 && j > i && !pc->white)
            {
              /* overflow at j: squeeze to keep no-start characters on the line */
              if (!pc->brk || gw_kinsoku_no_start (pc->ch))
                {
                  int k = j;
                  double xx = x, sh = shrink;
                  while (xx - sh <= avail + 0.01)
                    {
                      if (k + 1 >= p->n || p->chars[k + 1].brk || p->chars[k + 1].mandatory)
                        break;
                      if (!gw_kinsoku_no_start (p->chars[k + 1].ch))
                        {
                          xx = avail + 1e9; /* a real character would follow: give up */
                          break;
                        }
                      k++;
                      xx += p->chars[k].adv;
                      sh += p->chars[k].shrink;
                    }
                  gboolean can_end = k + 1 >= p->n || p->chars[k + 1].brk || p->chars[k + 1].mandatory;
                  if (xx - sh <= avail + 0.01 && can_end)
                    {
                      end = k + 1;
                      break;
                    }
                  /* hanging punctuation (悬挂): one closing mark may hang in the margin */
                  if (k == j && can_end && p->chars[k].squeeze_side == 1
                      && xx - p->chars[k].adv - (sh - p->chars[k].shrink) <= avail + 0.01)
                    {
                      end = k + 1;
                      break;
                    }
                }
              end = last_break > i ? last_break : j;
              break;
            }
        }
      if (j >= p->n && end == p->n)
        end = p->n;
      int b = end;
      if (!preserve)
        while (b > i && p->chars[b - 1].white)
          b--;
      g_array_append_val (starts, i);
      g_array_append_val (ends, b);
      i = end;
    }
  int nlines = (int) starts->len;
  const gw_style *st = p->bst;
  for (int k = 0; k < nlines; k++)
    {
      int a = g_array_index (starts, int, k), b = g_array_index (ends, int, k);
      gboolean last = k == nlines - 1 || (b < p->n && (p->chars[g_array_index (starts, int, k + 1)].mandatory || p->chars[b].ch == '\n'));
      double x0, avail, used;
      para_line_geom (p, ref, first_para, k, k == nlines - 1, &x0, &avail);
      lay_line *line = para_make_line (p, ref, a, b, x0, avail, last, &used);
      line->first_byte = p->chars[a].byte;
      if (used > avail + 0.5 && !p->bst->grid)
        {
          /* an unbreakable run wider than the line: it is clipped by the page, say so */
          gw_diag_warn_once (p->job->ctx->diag, "overfull", p->job->tree->file, p->block->line,
                             "a line is %.1fpt wider than the space available", used - avail);
        }
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
  g_array_free (starts, TRUE);
  g_array_free (ends, TRUE);
}

/* Lays out inline children from `first` up to a block-level child. */
const gw_fo *
lay_inline_run (lay_job *job, const gw_fo *block, const gw_fo *first, const lay_ref *ref,
                gboolean first_para, GPtrArray *out)
{
  if (job->stopped)
    {
      while (first && gw_fo_kind_class (first->kind) != FO_CLASS_BLOCK)
        first = first->next;
      return first;
    }
  para p = { 0 };
  p.job = job;
  p.block = block;
  p.bst = block->style;
  p.text = g_string_new (NULL);
  p.spans = g_array_new (FALSE, FALSE, sizeof (para_span));
  p.objs = g_array_new (FALSE, FALSE, sizeof (para_obj));
  p.footnotes = g_ptr_array_new ();
  p.footnote_at = g_array_new (FALSE, FALSE, sizeof (int));
  double line_w = ref->x + ref->width - lay_start_indent (p.bst, ref) - lay_end_indent (p.bst, ref);
  const gw_fo *c = first;
  for (; c; c = c->next)
    {
      if (gw_fo_kind_class (c->kind) == FO_CLASS_BLOCK)
        break;
      if (c->kind == FO_WRAPPER)
        {
          gboolean has_block = FALSE;
          for (const gw_fo *w = c->first; w && !has_block; w = w->next)
            has_block = gw_fo_kind_class (w->kind) == FO_CLASS_BLOCK;
          if (has_block)
            break;
        }
      para_collect (&p, c, NULL, line_w);
    }
  /* a run that is only white space makes no line */
  gboolean content = FALSE;
  for (gsize k = 0; k < p.text->len && !content; k++)
    content = p.text->str[k] != ' ';
  guint first_line = out->len;
  if (content && p.text->len > 0)
    {
      para_shape (&p);
      /* ids inside the paragraph become marks before its first line */
      for (guint s = 0; s < p.spans->len; s++)
        {
          para_span *sp = &g_array_index (p.spans, para_span, s);
          if (sp->obj >= 0 && g_array_index (p.objs, para_obj, sp->obj).kind == PIECE_SPACE)
            {
              const char *id = sp->fo->props->id;
              if (id)
                {
                  vitem *m = lay_item_new (job, VI_MARK);
                  m->u.mark.kind = MARK_ID;
                  m->u.mark.name = id; /* interned in the tree's pool */
                  m->u.mark.fo = sp->fo;
                  m->no_break_after = 1;
                  g_ptr_array_add (out, m);
                }
            }
        }
      para_break (&p, ref, first_para, out);
    }
  /* footnote bodies go with the line that cites them; the page breaker reserves their
   * height and places them at the foot of the page */
  for (guint k = 0; k < p.footnotes->len; k++)
    {
      const gw_fo *body = g_ptr_array_index (p.footnotes, k);
      int at = g_array_index (p.footnote_at, int, k);
      lay_line *host = NULL;
      for (guint i = first_line; i < out->len; i++)
        {
          vitem *it = g_ptr_array_index (out, i);
          if (it->kind == VI_LINE && it->u.line->first_byte <= at)
            host = it->u.line;
        }
      lay_ref fref = *ref;
      GPtrArray *items = lay_list_new (job);
      lay_blocks (job, body, &fref, items);
      if (!host)
        {
          for (guint i = 0; i < items->len; i++)
            g_ptr_array_add (out, g_ptr_array_index (items, i));
          continue;
        }
      if (!host->footnotes)
        host->footnotes = lay_list_new (job);
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (host->footnotes, g_ptr_array_index (items, i));
      host->footnotes_h = lay_list_height (host->footnotes);
    }
  g_ptr_array_free (p.footnotes, TRUE);
  g_array_free (p.footnote_at, TRUE);
  para_clear (&p);
  return c;
}

/* Min/max content widths of the inline content of a block (max = unbroken width). */
void
lay_inline_widths (lay_job *job, const gw_fo *block, double *min_w, double *max_w)
{
  para p = { 0 };
  p.job = job;
  p.block = block;
  p.bst = block->style;
  p.text = g_string_new (NULL);
  p.spans = g_array_new (FALSE, FALSE, sizeof (para_span));
  p.objs = g_array_new (FALSE, FALSE, sizeof (para_obj));
  for (const gw_fo *c = block->first; c; c = c->next)
    if (gw_fo_kind_class (c->kind) != FO_CLASS_BLOCK)
      para_collect (&p, c, NULL, 1e6);
  *min_w = *max_w = 0;
  if (p.text->len > 0)
    {
      para_shape (&p);
      double seg = 0, line = 0;
      for (int c = 0; c < p.n; c++)
        {
          if (p.chars[c].brk || p.chars[c].mandatory)
            {
              *min_w = MAX (*min_w, seg);
              seg = 0;
            }
          if (p.chars[c].mandatory)
            {
              *max_w = MAX (*max_w, line);
              line = 0;
            }
          if (!p.chars[c].white)
            seg += p.chars[c].adv;
          line += p.chars[c].adv;
        }
      *min_w = MAX (*min_w, seg);
      *max_w = MAX (*max_w, line);
    }
  double ind = gw_len_resolve (p.bst->text_indent, 0, 0);
  *max_w += MAX (ind, 0);
  para_clear (&p);
}
