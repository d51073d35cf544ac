/* prop-element.c — the parsers of element-specific properties (fields of gw_fo_props):
 * names, page dimensions, margins, page numbering, table grid positions, graphic sizes. */
#include "fo/prop.h"

#include <string.h>

/* A name or URI, interned in the pool (an empty value is invalid). */
gboolean
p_string (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (!*v && row->arg == 0)
    return FALSE;
  *(const char **) field = gw_strings_intern (j->strings, v);
  return TRUE;
}

/* margin (shorthand: 1–4 lengths over top, bottom, left, right; field margin[4]). */
gboolean
p_margin (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_len *m = field;
  char s[4][64];
  if (!gw_value_four_sides (v, s))
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!gw_parse_length (s[i], j->st->font_size, &m[i]))
      return FALSE;
  for (int i = 0; i < 4; i++)
    j->el->margin_set[i] = TRUE;
  return TRUE;
}

/* margin-top (arg 0), -bottom (1), -left (2), -right (3). */
gboolean
p_margin_side (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (!gw_parse_length (v, j->st->font_size, field))
    return FALSE;
  j->el->margin_set[row->arg] = TRUE;
  return TRUE;
}

/* page-width / page-height: auto or indefinite (A4 then), or 0.5–200 inches; an invalid value
 * warns and keeps the default. */
gboolean
p_page_dim (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  double *d = field;
  gw_len l;
  if (!strcmp (v, "auto") || !strcmp (v, "indefinite"))
    return *d = 0, TRUE;
  if (gw_parse_length (v, 12, &l) && l.kind == GW_LEN_ABS && l.v >= 36 && l.v <= 14400)
    return *d = l.v, TRUE;
  if (j->ctx)
    gw_diag_warn (j->ctx->diag, j->file, xmlGetLineNo (j->node), "invalid %s '%s' (using %.0fpt)",
                  j->name, v, row->arg == 0 ? 595.0 : 842.0);
  *d = 0;
  return TRUE;
}

/* extent of a region: an absolute length ≥ 0 (em of 12pt, as the page's own lengths). */
gboolean
p_extent (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_len l;
  if (!gw_parse_length (v, 12, &l) || l.kind != GW_LEN_ABS || l.v < 0)
    return FALSE;
  *(double *) field = l.v;
  return TRUE;
}

/* initial-page-number: auto | auto-odd | auto-even | a number ≥ 0. */
gboolean
p_initial_page_number (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_ipn *ipn = field;
  static const char *const w[] = { "auto", "auto-odd", "auto-even", NULL };
  int k;
  if (gw_value_keyword (v, w, &k))
    return *ipn = (gw_ipn){ (gw_ipn_kind) k, 0 }, TRUE;
  int n;
  if (!gw_value_int (v, 0, 1000000, &n))
    return FALSE;
  *ipn = (gw_ipn){ GW_IPN_NUMBER, n };
  return TRUE;
}

/* maximum-repeats: no-limit (-1) or a count ≥ 0. */
gboolean
p_maximum_repeats (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  if (!strcmp (v, "no-limit"))
    return *(int *) field = -1, TRUE;
  return gw_value_int (v, 0, G_MAXINT / 2, field);
}

/* A count in [1, arg] (number-rows-spanned, column-number…). */
gboolean
p_int_range (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  return gw_value_int (v, 1, row->arg, field);
}

/* column-width: a length ≥ 0, a percentage or proportional-column-width(N). */
gboolean
p_column_width (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_colw *cw = field;
  gw_len l;
  if (g_str_has_prefix (v, "proportional-column-width("))
    {
      double n = g_ascii_strtod (v + 26, NULL);
      *cw = (gw_colw){ GW_COLW_PROPORTIONAL, n > 0 && n < 1e6 ? n : 1 };
      return TRUE;
    }
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  if (l.kind == GW_LEN_ABS && l.v >= 0)
    *cw = (gw_colw){ GW_COLW_ABS, l.v };
  else if (l.kind == GW_LEN_PCT)
    *cw = (gw_colw){ GW_COLW_PCT, l.v };
  else if (l.kind == GW_LEN_AUTO)
    *cw = (gw_colw){ GW_COLW_UNSPECIFIED, 0 };
  else
    return FALSE;
  return TRUE;
}

/* content-width / content-height: auto, scale-to-fit, a length or a percentage. */
gboolean
p_content_size (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_csize *cs = field;
  if (!strcmp (v, "scale-to-fit"))
    return *cs = (gw_csize){ GW_CSIZE_SCALE_TO_FIT, { GW_LEN_AUTO, 0 } }, TRUE;
  if (!strcmp (v, "scale-down-to-fit") || !strcmp (v, "scale-up-to-fit"))
    return *cs = (gw_csize){ GW_CSIZE_AUTO, { GW_LEN_AUTO, 0 } }, TRUE;
  gw_len l;
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  if (l.kind == GW_LEN_AUTO)
    *cs = (gw_csize){ GW_CSIZE_AUTO, l };
  else if (l.kind == GW_LEN_ABS || l.kind == GW_LEN_PCT)
    *cs = (gw_csize){ GW_CSIZE_LEN, l };
  else
    return FALSE;
  return TRUE;
}

/* leader-length (all three) and .minimum/.optimum/.maximum (field leader_length[3]). */
gboolean
p_leader_length (prop_job *j, const gw_prop_row *row, const char *v, void *field)
{
  gw_len *ll = field, l;
  if (!gw_parse_length (v, j->st->font_size, &l))
    return FALSE;
  const char *c = j->component;
  if (!c)
    ll[0] = ll[1] = ll[2] = l;
  else if (!strcmp (c, "minimum"))
    ll[0] = l;
  else if (!strcmp (c, "optimum"))
    ll[1] = l;
  else if (!strcmp (c, "maximum"))
    ll[2] = l;
  else
    return FALSE;
  return TRUE;
}
