/* style.c — computed styles: the pool that interns them, the initial values, inheritance and
 * the application of an element's attributes, all driven by the property table
 * (prop-table.c). */
#include "fo/prop.h"

#include <string.h>

/* A field of gw_style as hashed and compared. */
typedef struct { guint16 offset, size; guint8 type; } key_field;
/* A byte range of gw_style reset to its initial value in every child (not inherited). */
typedef struct { guint16 offset, size; } reset_range;

struct gw_style_pool {
  /* owned */
  GHashTable *styles;    /* hash → GPtrArray of gw_style* (compared by their key fields) */
  gw_strings *strings;
  GPtrArray *props;      /* gw_fo_props* of the elements that have any */
  GArray *keys;          /* key_field: the fields of the specific rows, by offset */
  GArray *resets;        /* reset_range: the non-inherited style fields, merged */
  /* values */
  gw_style initial;
  gw_fo_props initial_props;
};

/* Mixes one 64-bit word into an FNV-1a style hash. */
static inline guint64
mix (guint64 h, guint64 w)
{
  return (h ^ w) * 1099511628211ull;
}

/* Mixes a double (0.0 and -0.0 alike). */
static inline guint64
mix_double (guint64 h, double d)
{
  guint64 b;
  d += 0.0;
  memcpy (&b, &d, sizeof b);
  return mix (h, b);
}

/* Hashes a style by the key fields of its pool (the table's). */
static guint64
style_hash_with (const GArray *keys, const gw_style *st)
{
  const char *base = (const char *) st;
  guint64 h = 1469598103934665603ull;
  for (guint i = 0; i < keys->len; i++)
    {
      const key_field *k = &g_array_index (keys, key_field, i);
      const char *f = base + k->offset;
      switch (k->type)
        {
        case GW_T_F64:
          for (guint n = 0; n < k->size / sizeof (double); n++)
            h = mix_double (h, ((const double *) f)[n]);
          break;
        case GW_T_I32:
          for (guint n = 0; n < k->size / sizeof (int); n++)
            h = mix (h, (guint64) ((const int *) f)[n]);
          break;
        case GW_T_STR:
          h = mix (h, (guint64) (gsize) * (const char *const *) f);
          break;
        case GW_T_LEN:
          for (guint n = 0; n < k->size / sizeof (gw_len); n++)
            h = mix_double (mix (h, ((const gw_len *) f)[n].kind), ((const gw_len *) f)[n].v);
          break;
        case GW_T_SPACE:
          {
            const gw_space *sp = (const gw_space *) f;
            h = mix_double (mix_double (mix_double (h, sp->min), sp->opt), sp->max);
            h = mix (mix (h, (guint64) sp->discard), (guint64) sp->precedence);
          }
          break;
        case GW_T_SHIFT:
          h = mix (mix_double (h, *(const double *) f), (guint64) * (const int *) (f + sizeof (double)));
          break;
        default:
          break;
        }
    }
  return h;
}

/* Compares two styles on the key fields of a pool. */
static gboolean
style_equal_with (const GArray *keys, const gw_style *a, const gw_style *b)
{
  const char *x = (const char *) a, *y = (const char *) b;
  for (guint i = 0; i < keys->len; i++)
    {
      const key_field *k = &g_array_index (keys, key_field, i);
      const char *f = x + k->offset, *g = y + k->offset;
      switch (k->type)
        {
        case GW_T_F64:
          for (guint n = 0; n < k->size / sizeof (double); n++)
            if (((const double *) f)[n] != ((const double *) g)[n])
              return FALSE;
          break;
        case GW_T_LEN:
          for (guint n = 0; n < k->size / sizeof (gw_len); n++)
            if (((const gw_len *) f)[n].kind != ((const gw_len *) g)[n].kind
                || ((const gw_len *) f)[n].v != ((const gw_len *) g)[n].v)
              return FALSE;
          break;
        case GW_T_SPACE:
          {
            const gw_space *p = (const gw_space *) f, *q = (const gw_space *) g;
            if (p->min != q->min || p->opt != q->opt || p->max != q->max
                || p->discard != q->discard || p->precedence != q->precedence)
              return FALSE;
          }
          break;
        case GW_T_SHIFT:
          if (*(const double *) f != *(const double *) g
              || *(const int *) (f + sizeof (double)) != *(const int *) (g + sizeof (double)))
            return FALSE;
          break;
        default: /* ints and interned pointers: no padding inside */
          if (memcmp (f, g, k->size))
            return FALSE;
          break;
        }
    }
  return TRUE;
}

/* Interns a computed style (copied into the pool when new). */
static const gw_style *
style_intern (gw_style_pool *pool, const gw_style *st)
{
  guint64 h = style_hash_with (pool->keys, st);
  guint hk = (guint) (h ^ (h >> 32));
  GPtrArray *bucket = g_hash_table_lookup (pool->styles, GUINT_TO_POINTER (hk));
  if (!bucket)
    {
      bucket = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (pool->styles, GUINT_TO_POINTER (hk), bucket);
    }
  for (guint i = 0; i < bucket->len; i++)
    if (style_equal_with (pool->keys, g_ptr_array_index (bucket, i), st))
      return g_ptr_array_index (bucket, i);
  gw_style *copy = g_memdup2 (st, sizeof *st);
  g_ptr_array_add (bucket, copy);
  return copy;
}

/* Interns a string. */
const char *
gw_style_intern_str (gw_style_pool *pool, const char *s)
{
  return gw_strings_intern (pool->strings, s);
}

/* Orders key fields by offset. */
static int
key_cmp (gconstpointer a, gconstpointer b)
{
  return (int) ((const key_field *) a)->offset - (int) ((const key_field *) b)->offset;
}

/* Orders reset ranges by offset. */
static int
range_cmp (gconstpointer a, gconstpointer b)
{
  return (int) ((const reset_range *) a)->offset - (int) ((const reset_range *) b)->offset;
}

/* Derives the hashed fields and the reset ranges of the style from the table. */
static void
pool_derive (gw_style_pool *p)
{
  p->keys = g_array_new (FALSE, FALSE, sizeof (key_field));
  p->resets = g_array_new (FALSE, FALSE, sizeof (reset_range));
  for (gsize i = 0; i < gw_prop_table_len; i++)
    {
      const gw_prop_row *r = &gw_prop_table[i];
      if (!r->size || (r->flags & GW_PROP_ELEMENT))
        continue;
      if (!(r->flags & GW_PROP_SHORTHAND) && r->type != GW_T_NONE)
        {
          gboolean dup = FALSE; /* border-top-color and border-before-color: one field */
          for (guint k = 0; k < p->keys->len && !dup; k++)
            dup = g_array_index (p->keys, key_field, k).offset == r->offset;
          if (!dup)
            g_array_append_val (p->keys, ((key_field){ r->offset, r->size, r->type }));
        }
      if (!(r->flags & GW_PROP_INHERITED))
        g_array_append_val (p->resets, ((reset_range){ r->offset, r->size }));
    }
  g_array_sort (p->keys, key_cmp);
  /* adjacent fields of one kind hash as one run (the 4-byte fields are mostly one) */
  guint nk = 0;
  for (guint i = 0; i < p->keys->len; i++)
    {
      key_field cur = g_array_index (p->keys, key_field, i);
      key_field *last = nk ? &g_array_index (p->keys, key_field, nk - 1) : NULL;
      gboolean runs = cur.type == GW_T_F64 || cur.type == GW_T_I32 || cur.type == GW_T_LEN;
      if (last && runs && last->type == cur.type && last->offset + last->size == cur.offset)
        last->size += cur.size;
      else
        g_array_index (p->keys, key_field, nk++) = cur;
    }
  g_array_set_size (p->keys, nk);
  g_array_sort (p->resets, range_cmp);
  /* merge overlapping and adjacent ranges: a handful of memcpy per element */
  guint n = 0;
  for (guint i = 0; i < p->resets->len; i++)
    {
      reset_range cur = g_array_index (p->resets, reset_range, i);
      reset_range *last = n ? &g_array_index (p->resets, reset_range, n - 1) : NULL;
      if (last && cur.offset <= last->offset + last->size)
        last->size = MAX (last->offset + last->size, cur.offset + cur.size) - last->offset;
      else
        g_array_index (p->resets, reset_range, n++) = cur;
    }
  g_array_set_size (p->resets, n);
}

/* Parses a row's initial value ("V" or "V;.component=W;…") into the initial style/props. */
static void
pool_initial (gw_style_pool *p, const gw_prop_row *r)
{
  prop_job j = { NULL, p->strings, &p->initial, &p->initial, &p->initial_props, NULL, NULL, r->name, NULL };
  char **parts = g_strsplit (r->initial, ";", -1);
  for (int i = 0; parts[i]; i++)
    {
      const char *v = parts[i];
      j.component = NULL;
      if (v[0] == '.')
        {
          char *eq = strchr (parts[i], '=');
          *eq = 0;
          j.component = v + 1;
          v = eq + 1;
        }
      char *base = r->flags & GW_PROP_ELEMENT ? (char *) &p->initial_props : (char *) &p->initial;
      gboolean ok = r->parse (&j, r, v, base + r->offset);
      g_assert (ok); /* the table's own initial values are valid */
    }
  g_strfreev (parts);
}

/* Creates a pool with the initial style. */
gw_style_pool *
gw_style_pool_new (void)
{
  gw_style_pool *p = g_new0 (gw_style_pool, 1);
  p->styles = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                     (GDestroyNotify) g_ptr_array_unref);
  p->strings = gw_strings_new ();
  p->props = g_ptr_array_new_with_free_func (g_free);
  pool_derive (p);
  for (int rank = GW_RANK_FONT; rank <= GW_RANK_COMPONENT; rank++)
    for (gsize i = 0; i < gw_prop_table_len; i++)
      if (gw_prop_table[i].rank == rank && gw_prop_table[i].initial)
        pool_initial (p, &gw_prop_table[i]);
  return p;
}

/* Frees the pool. */
void
gw_style_pool_free (gw_style_pool *pool)
{
  if (!pool)
    return;
  g_hash_table_destroy (pool->styles);
  gw_strings_free (pool->strings);
  g_ptr_array_free (pool->props, TRUE);
  g_array_free (pool->keys, TRUE);
  g_array_free (pool->resets, TRUE);
  g_free (pool);
}

/* The initial style. */
const gw_style *
gw_style_initial (gw_style_pool *pool)
{
  return &pool->initial;
}

/* The initial element properties. */
const gw_fo_props *
gw_fo_props_initial (gw_style_pool *pool)
{
  return &pool->initial_props;
}

/* TRUE if the property is known. */
gboolean
gw_style_known_property (const char *name)
{
  const char *component;
  return gw_prop_lookup (name, &component) != NULL;
}

/* The line height in pt. */
double
gw_style_line_height (const gw_style *st)
{
  if (st->line_height_factor > 0)
    return st->line_height_factor * st->font_size;
  if (st->line_height < 0)
    return 1.2 * st->font_size;
  return st->line_height;
}

/* One specified attribute, waiting to be applied in rank order. */
typedef struct { int rank; xmlAttrPtr attr; const gw_prop_row *row; const char *component; } todo;

/* Collects the attributes that are properties (warning once about unknown ones) and orders
 * them by rank, keeping the attribute order within a rank (insertion sort: stable). */
static GArray *
collect (gw_ctx *ctx, xmlNodePtr node, const char *file, todo *stack, guint stack_n, guint *n)
{
  GArray *heap = NULL;
  todo *list = stack;
  *n = 0;
  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;
      gboolean gx = a->ns && a->ns->href && !strcmp ((const char *) a->ns->href, "urn:gongwen:fo:1");
      if (a->ns && !gx && strcmp ((const char *) a->ns->href, "http://www.w3.org/XML/1998/namespace"))
        continue; /* foreign namespaces are not properties */
      const char *component;
      const gw_prop_row *row = gw_prop_lookup (name, &component);
      if (!row)
        {
          char *key = g_strdup_printf ("prop:%s", name);
          gw_diag_warn_once (ctx->diag, key, file, xmlGetLineNo (node),
                             "unsupported property '%s' ignored", name);
          g_free (key);
          continue;
        }
      todo t = { component ? GW_RANK_COMPONENT : row->rank, a, row, component };
      if (*n == stack_n && !heap) /* past the stack's room: every attribute still counts */
        {
          heap = g_array_sized_new (FALSE, FALSE, sizeof (todo), 2 * stack_n);
          g_array_append_vals (heap, stack, stack_n);
        }
      if (heap)
        {
          g_array_append_val (heap, t);
          list = (todo *) heap->data;
        }
      else
        list[*n] = t;
      guint k = (*n)++;
      for (; k > 0 && list[k - 1].rank > t.rank; k--)
        list[k] = list[k - 1];
      list[k] = t;
    }
  return heap;
}

/* Applies one attribute; an invalid value warns and leaves everything as it was. */
static void
apply (prop_job *j, const todo *t)
{
  xmlChar *raw = xmlNodeGetContent ((xmlNodePtr) t->attr);
  char *v = g_strstrip (g_strdup ((const char *) raw));
  xmlFree (raw);
  const gw_prop_row *r = t->row;
  j->name = (const char *) t->attr->name;
  j->component = t->component;
  gboolean element = (r->flags & GW_PROP_ELEMENT) != 0;
  char *field = (element ? (char *) j->el : (char *) j->st) + r->offset;
  if (!strcmp (v, "inherit") && r->parse != p_string) /* id="inherit" is a name */
    {
      /* inherited fields hold the parent's value already; the others copy it */
      if (!element && !(r->flags & GW_PROP_INHERITED) && r->size)
        memcpy (field, (const char *) j->parent + r->offset, r->size);
      g_free (v);
      return;
    }
  /* parsers may write part of a value before rejecting it: keep what it may touch */
  gboolean whole = (r->flags & GW_PROP_SHORTHAND) || !r->size;
  gw_style before;
  gw_fo_props el_before;
  prop_job jbefore;
  char field_before[sizeof (gw_style) > sizeof (gw_fo_props) ? sizeof (gw_style) : sizeof (gw_fo_props)];
  if (whole)
    before = *j->st, el_before = *j->el, jbefore = *j;
  else
    memcpy (field_before, field, r->size);
  if (!r->parse (j, r, v, field))
    {
      if (whole)
        *j->st = before, *j->el = el_before, *j = jbefore;
      else
        memcpy (field, field_before, r->size);
      gw_diag_warn (j->ctx->diag, j->file, xmlGetLineNo (j->node),
                    "invalid value '%.80s%s' for property '%s' (default used)", v,
                    strlen (v) > 80 ? "…" : "", j->name);
    }
  g_free (v);
}

/* Maps margin-* onto indents and spaces where those were not given (XSL 1.1 §5.3.2), gives
 * borders without a colour of their own the element's color. */
static void
finish (prop_job *j, gw_style *st, const gw_fo_props *el)
{
  const gw_style *parent = j->parent;
  if (st->line_height_factor > 0)
    st->line_height = st->line_height_factor * st->font_size;
  if (!el->start_indent_set && el->margin_set[GW_SIDE_START])
    st->start_indent = (gw_len){ GW_LEN_ABS, gw_len_resolve (parent->start_indent, 0, 0)
                                              + gw_len_resolve (el->margin[GW_SIDE_START], 0, 0)
                                              + st->padding[GW_SIDE_START]
                                              + (st->border[GW_SIDE_START].style ? st->border[GW_SIDE_START].width : 0) };
  if (!el->end_indent_set && el->margin_set[GW_SIDE_END])
    st->end_indent = (gw_len){ GW_LEN_ABS, gw_len_resolve (parent->end_indent, 0, 0)
                                            + gw_len_resolve (el->margin[GW_SIDE_END], 0, 0)
                                            + st->padding[GW_SIDE_END]
                                            + (st->border[GW_SIDE_END].style ? st->border[GW_SIDE_END].width : 0) };
  if (!j->space_before_set && el->margin_set[GW_SIDE_BEFORE])
    {
      double d = gw_len_resolve (el->margin[GW_SIDE_BEFORE], 0, 0);
      st->space_before = (gw_space){ d, d, d, FALSE, 0 };
    }
  if (!j->space_after_set && el->margin_set[GW_SIDE_AFTER])
    {
      double d = gw_len_resolve (el->margin[GW_SIDE_AFTER], 0, 0);
      st->space_after = (gw_space){ d, d, d, FALSE, 0 };
    }
  for (int i = 0; i < 4; i++)
    {
      if (!j->border_color_set[i])
        st->border[i].color = st->color;
      if (st->border[i].style == GW_BS_NONE || st->border[i].style == GW_BS_HIDDEN)
        st->border[i].width = 0;
    }
}

/* Computes and interns the style of a node (and its element-specific properties). */
const gw_style *
gw_style_compute (gw_ctx *ctx, gw_style_pool *pool, const gw_style *parent, xmlNodePtr node,
                  const char *file, const gw_fo_props **props)
{
  gw_style st;
  memcpy (&st, parent, sizeof st);
  for (guint i = 0; i < pool->resets->len; i++)
    {
      const reset_range *r = &g_array_index (pool->resets, reset_range, i);
      memcpy ((char *) &st + r->offset, (const char *) &pool->initial + r->offset, r->size);
    }
  gw_fo_props el = pool->initial_props;
  prop_job j = { ctx, pool->strings, parent, &st, &el, file, node, NULL, NULL };
  todo stack[32];
  guint n;
  GArray *heap = collect (ctx, node, file, stack, G_N_ELEMENTS (stack), &n);
  const todo *list = heap ? (const todo *) heap->data : stack;
  gboolean element = FALSE;
  for (guint i = 0; i < n; i++)
    {
      apply (&j, &list[i]);
      element = element || (list[i].row->flags & GW_PROP_ELEMENT);
    }
  if (heap)
    g_array_free (heap, TRUE);
  finish (&j, &st, &el);
  if (props)
    {
      *props = &pool->initial_props;
      if (element || el.start_indent_set || el.end_indent_set)
        {
          gw_fo_props *copy = g_memdup2 (&el, sizeof el);
          g_ptr_array_add (pool->props, copy);
          *props = copy;
        }
    }
  return style_intern (pool, &st);
}
