/* text.c — inline content of a block → a shaped paragraph, handed to the line breaker.
 *
 * Outline of lay_inline_run():
 *   1. collect the inline children into one paragraph: text with white-space handling
 *      (and the CSS rule that a line feed between two Chinese characters vanishes), objects
 *      (images, leaders) as U+FFFC, page numbers and citations as their text for this pass
 *      (citation.c);
 *   2. itemize and shape once with Pango (per-character font fallback through fontconfig),
 *      report characters no font has;
 *   3. per character: advance (+ letter-spacing, grid pitch), UAX#14 break opportunities
 *      refined by 避头尾 and the number runs of GB/T 15835 (kinsoku.c);
 *   4. break into lines, justify or squeeze them (linebreak.c);
 *   5. footnote bodies go with the line that cites them. */
#include "layout/para.h"
#include "layout/kinsoku.h"

#include <string.h>

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
      if (pc->brk && gw_kinsoku_number_glue (cps, p->n, c))
        pc->brk = 0, pc->soft = 1; /* keep the number whole unless it is longer than a line */
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

/* Whether closing marks may hang past the line end: gx:hanging-punctuation="allow-end" on
 * the block or an ancestor (the nearest one decides; default none). */
static gboolean
para_hanging (const gw_fo *fo)
{
  for (; fo; fo = fo->parent)
    {
      if (fo->props && fo->props->hanging_punctuation)
        return fo->props->hanging_punctuation == 2;
    }
  return FALSE;
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
  p.hang = para_hanging (block);
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
      lay_para_break (&p, ref, first_para, out);
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
