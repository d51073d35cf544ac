/* list.c — list-block / list-item → parallel label and body columns. */
#include "layout/lay.h"

#include <string.h>

/* A column box for a label or body. */
static vbox *
list_column (lay_job *job, const gw_fo *fo, const lay_ref *ref)
{
  vbox *b = lay_box_new (job, fo);
  b->x = ref->x;
  b->w = ref->width;
  b->keep_together = fo->style->keep_together > 0;
  lay_blocks (job, fo, ref, b->items);
  return b;
}

/* Appends the vertical list of a list-block. */
void
lay_list_block (lay_job *job, const gw_fo *list, const lay_ref *ref, GPtrArray *out)
{
  double pdbs = gw_len_resolve (list->props->provisional_distance, ref->width, 24);
  double pls = gw_len_resolve (list->props->provisional_separation, ref->width, 6);
  /* the list's own indents (they may be inherited body-start() of an enclosing list) */
  double si = lay_indent_value (list->style->start_indent, ref);
  double ei = lay_indent_value (list->style->end_indent, ref);
  lay_ref inner = *ref;
  inner.body_start = si + pdbs;
  inner.label_end = ref->ei_base + ref->width - pdbs - (si - ref->si_base) + pls;
  for (const gw_fo *item = list->first; item; item = item->next)
    {
      if (item->kind != FO_LIST_ITEM)
        continue;
      const gw_style *st = item->style;
      if (st->break_before != GW_BREAK_AUTO)
        {
          vitem *b = lay_item_new (job, VI_SPACE);
          b->discard = TRUE;
          b->force_after = st->break_before;
          g_ptr_array_add (out, b);
        }
      lay_add_space (job, out, st->space_before.opt, st->space_before.discard);
      const char *id = item->props->id;
      if (id)
        {
          vitem *m = lay_item_new (job, VI_MARK);
          m->u.mark.kind = MARK_ID;
          m->u.mark.name = id; /* interned in the tree's pool */
          m->u.mark.fo = item;
          m->no_break_after = 1;
          g_ptr_array_add (out, m);
        }
      const gw_fo *label = gw_fo_child (item, FO_LIST_ITEM_LABEL);
      const gw_fo *body = gw_fo_child (item, FO_LIST_ITEM_BODY);
      GPtrArray *cols = lay_list_new (job);
      if (label)
        {
          /* an inherited indent keeps the value it had where it was specified; an
           * unspecified end-indent defaults to label-end() */
          lay_ref lr = inner;
          double sv = lay_indent_value (label->style->start_indent, &inner);
          if (!label->props->start_indent_set)
            lr.si_base = inner.si_base + sv - si;
          double ev = lay_indent_value (label->style->end_indent, &inner);
          lr.ei_base = inner.ei_base + ev - (label->props->end_indent_set ? ev : inner.label_end);
          (void) ei;
          g_ptr_array_add (cols, list_column (job, label, &lr));
        }
      if (body)
        {
          lay_ref br = inner;
          double sv = lay_indent_value (body->style->start_indent, &inner);
          if (!body->props->start_indent_set) /* default: start at body-start() */
            br.si_base = inner.si_base + sv - inner.body_start;
          g_ptr_array_add (cols, list_column (job, body, &br));
        }
      vitem *it = lay_item_new (job, VI_PAR);
      it->u.cols = cols;
      double h = 0;
      for (guint i = 0; i < cols->len; i++)
        {
          vbox *b = g_ptr_array_index (cols, i);
          b->keep_together = b->keep_together || st->keep_together > 0;
          h = MAX (h, lay_box_height (b));
        }
      it->h = h;
      it->no_break_after = st->keep_with_next > 0;
      if (st->keep_with_previous > 0 && out->len)
        ((vitem *) g_ptr_array_index (out, out->len - 1))->no_break_after = 1;
      g_ptr_array_add (out, it);
      lay_add_space (job, out, st->space_after.opt, st->space_after.discard);
      if (st->break_after != GW_BREAK_AUTO)
        {
          vitem *b = lay_item_new (job, VI_SPACE);
          b->discard = TRUE;
          b->force_after = st->break_after;
          g_ptr_array_add (out, b);
        }
    }
}
