/* import-row.c — one spreadsheet row of a product-sampling case checked and converted (see
 * import-private.h): dates in several spellings → ISO, 文号 split into prefix / year /
 * serial, "2卷" → 2 + unit, lists split at line breaks or ；; a bad cell is reported as
 * "cases.xlsx:7: column 抽样日期: '2015-13-01' is not a date". */
#include "base/i18n.h"
#include "records/import-private.h"
#include "base/isodate.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/* The columns: the field each one fills, whether a case needs it. */
const import_column gw_import_columns[C_N] = {
  [C_ID] = { "@id", NULL, TRUE },
  [C_DOCNO] = { "doc-number", NULL, TRUE },
  [C_SAMPLE] = { "@sample", NULL, FALSE },
  [C_ISSUER] = { "issuer/name", NULL, FALSE },
  [C_OFFICE] = { "issuer/office", NULL, FALSE },
  [C_OFFICE_PHONE] = { "issuer/phone", NULL, FALSE },
  [C_ENT_NAME] = { "enterprise/name", NULL, TRUE },
  [C_ENT_ADDRESS] = { "enterprise/address", NULL, TRUE },
  [C_ENT_LEGAL] = { "enterprise/legal-representative", NULL, TRUE },
  [C_ENT_CONTACT] = { "enterprise/contact/name", NULL, FALSE },
  [C_ENT_PHONE] = { "enterprise/contact/phone", NULL, FALSE },
  [C_ENT_REG] = { NULL, "营业执照注册号", FALSE },
  [C_ENT_LICENCE] = { NULL, "生产许可证编号", FALSE },
  [C_TASK] = { "sampling/task", NULL, FALSE },
  [C_PLACE] = { "sampling/place", NULL, TRUE },
  [C_PRODUCT] = { "sampling/product/name", NULL, TRUE },
  [C_BRAND] = { "sampling/product/brand", NULL, FALSE },
  [C_SPEC] = { "sampling/product/spec", NULL, TRUE },
  [C_BATCH] = { "sampling/product/batch", NULL, TRUE },
  [C_PRODUCED] = { "sampling/product/production-date", NULL, FALSE },
  [C_QUANTITY] = { "sampling/product/quantity", NULL, TRUE },
  [C_BASE] = { "sampling/product/base", NULL, FALSE },
  [C_LAB] = { "test/lab", NULL, TRUE },
  [C_REPORT_NO] = { "test/report-no", NULL, TRUE },
  [C_CONCLUSION] = { "test/conclusion", NULL, FALSE },
  [C_STANDARDS] = { "test/standard", NULL, FALSE },
  [C_ITEMS] = { "test/failed-item/name", NULL, TRUE },
  [C_ITEM_STANDARDS] = { "test/failed-item/standard", NULL, TRUE },
  [C_REQUIREMENTS] = { "test/failed-item/requirement", NULL, TRUE },
  [C_MEASURED] = { "test/failed-item/measured", NULL, TRUE },
  [C_INSPECTORS] = { "inspectors/inspector", NULL, TRUE },
  [C_SAMPLED] = { "dates/sampled", NULL, TRUE },
  [C_REPORT_ISSUED] = { "dates/report-issued", NULL, FALSE },
  [C_REPORT_SERVED] = { "dates/report-served", NULL, TRUE },
  [C_NOTICE_SERVED] = { "dates/notice-served", NULL, FALSE },
  [C_RECTIFY_BY] = { "decision/rectify-by", NULL, FALSE },
  [C_FACTS] = { "facts/p", NULL, FALSE },
  [C_MEASURES] = { "decision/measure", NULL, FALSE },
  [C_REVIEW] = { "remedies/review-body", NULL, FALSE },
  [C_COURT] = { "remedies/court", NULL, FALSE },
  [C_ISSUED] = { "issued/@date", NULL, TRUE },
  [C_NOTE] = { "note", NULL, FALSE },
};

/* The trimmed cell of column `c` (caller frees; "" when absent or empty). */
static char *
import_cell (const import_row *r, import_col c)
{
  int i = r->index[c];
  if (i < 0 || (guint) i >= r->row->fields->len)
    return g_strdup ("");
  char *s = g_strdup (g_ptr_array_index (r->row->fields, i));
  /* trim ASCII and ideographic spaces */
  char *start = s;
  while (g_unichar_isspace (g_utf8_get_char (start)) || g_utf8_get_char (start) == 0x3000)
    start = g_utf8_next_char (start);
  char *out = g_strdup (start);
  g_free (s);
  gsize n = strlen (out);
  while (n > 0)
    {
      char *prev = g_utf8_find_prev_char (out, out + n);
      gunichar c = g_utf8_get_char (prev);
      if (!g_unichar_isspace (c) && c != 0x3000)
        break;
      n = (gsize) (prev - out);
    }
  out[n] = '\0';
  return out;
}

/* Reports a bad cell of column `c` at the row's line. */
static void G_GNUC_PRINTF (3, 4)
import_bad (import_row *r, import_col c, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  gw_diag_error (r->ctx->diag, r->sheet, r->row->line, _("column %s: %s"), r->headers[c],
                 msg);
  g_free (msg);
  r->bad = TRUE;
}

/* The cell of a column that must not be empty (caller frees; NULL after reporting). */
static char *
import_required (import_row *r, import_col c)
{
  char *s = import_cell (r, c);
  if (!*s)
    {
      import_bad (r, c, _("empty, but a case needs it"));
      g_free (s);
      return NULL;
    }
  return s;
}

/* A date cell as ISO yyyy-mm-dd (caller frees): accepts 2015-07-08, 2015/7/8, 2015.7.8 and
 * 2015年7月8日. NULL for an empty cell (reported when `required`) or after reporting. */
static char *
import_date (import_row *r, import_col c, gboolean required)
{
  char *s = required ? import_required (r, c) : import_cell (r, c);
  if (!s || !*s)
    {
      g_free (s);
      return NULL;
    }
  GMatchInfo *m = NULL;
  static GRegex *re;
  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)"
                                         "\\s*(\\d{1,2})\\s*日?$", 0, 0, NULL));
  char *iso = NULL;
  if (g_regex_match (re, s, 0, &m))
    {
      char *y = g_match_info_fetch (m, 1), *mo = g_match_info_fetch (m, 2),
           *d = g_match_info_fetch (m, 3);
      char buf[16];
      g_snprintf (buf, sizeof buf, "%s-%02d-%02d", y, atoi (mo), atoi (d));
      GDate date;
      if (gw_isodate_parse (buf, &date))
        iso = g_strdup (buf);
      g_free (y);
      g_free (mo);
      g_free (d);
    }
  g_match_info_free (m);
  if (!iso)
    import_bad (r, c, _("'%s' is not a date (write 2015-07-08 or 2015年7月8日)"), s);
  g_free (s);
  return iso;
}

/* Splits a list cell at line breaks and, when `semicolons`, at ；/; too; empty items
 * dropped (caller g_strfreev). */
static char **
import_split (const char *cell, gboolean semicolons)
{
  GPtrArray *items = g_ptr_array_new ();
  char **lines = g_regex_split_simple (semicolons ? "\\n|；|;" : "\\n", cell, 0, 0);
  for (char **l = lines; l && *l; l++)
    {
      char *t = g_strstrip (g_strdup (*l));
      if (*t)
        g_ptr_array_add (items, t);
      else
        g_free (t);
    }
  g_strfreev (lines);
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (items, FALSE);
}

/* A standard "GB/T 3956-2008 表2《电缆的导体》" split into code, clause (may be NULL) and
 * title; FALSE when it does not have that shape. */
gboolean
gw_import_standard (const char *s, char **code, char **clause, char **title)
{
  static GRegex *re;
  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^([A-Za-z]{1,5}(?:/[A-Za-z]{1,2})?\\s*[0-9][0-9.]*"
                                         "(?:\\s*[-—–]\\s*[0-9]{2,4})?)\\s*([^《]*?)\\s*(《.+》)$",
                                         0, 0, NULL));
  GMatchInfo *m = NULL;
  gboolean ok = g_regex_match (re, s, 0, &m);
  if (ok)
    {
      *code = g_match_info_fetch (m, 1);
      *clause = g_match_info_fetch (m, 2);
      if (!**clause)
        g_clear_pointer (clause, g_free);
      *title = g_match_info_fetch (m, 3);
    }
  g_match_info_free (m);
  return ok;
}

/* An inspector "刘建华 13102300112" (or 刘建华（13102300112）, 刘建华：13102300112) split into
 * name and enforcement ID (caller frees both); FALSE when it does not have that shape. */
gboolean
gw_import_inspector (const char *s, char **name, char **eid)
{
  static GRegex *re;
  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(\\S+?)\\s*(?:[（(:：]|\\s)\\s*([^（()）\\s]+)\\s*[）)]?$",
                                         0, 0, NULL));
  GMatchInfo *m = NULL;
  gboolean ok = g_regex_match (re, s, 0, &m);
  if (ok)
    {
      *name = g_match_info_fetch (m, 1);
      *eid = g_match_info_fetch (m, 2);
    }
  g_match_info_free (m);
  return ok;
}



/* Frees the converted row. */
void
gw_import_case_clear (import_case *k)
{
  char **strs[] = { &k->id, &k->prefix, &k->year, &k->serial, &k->sample, &k->issuer,
                    &k->office, &k->office_phone, &k->ent_name, &k->ent_address, &k->ent_legal,
                    &k->ent_contact, &k->ent_phone, &k->ent_reg, &k->ent_licence, &k->task,
                    &k->place, &k->product, &k->brand, &k->spec, &k->batch, &k->produced,
                    &k->qty, &k->qty_unit, &k->base, &k->base_unit, &k->lab, &k->report_no,
                    &k->conclusion, &k->sampled, &k->report_issued, &k->report_served,
                    &k->notice_served, &k->rectify_by, &k->issued, &k->court, &k->note };
  for (size_t i = 0; i < G_N_ELEMENTS (strs); i++)
    g_clear_pointer (strs[i], g_free);
  char ***lists[] = { &k->standards, &k->items, &k->item_standards, &k->requirements,
                      &k->measured, &k->inspectors, &k->facts, &k->measures, &k->review };
  for (size_t i = 0; i < G_N_ELEMENTS (lists); i++)
    g_clear_pointer (lists[i], g_strfreev);
}

/* "2卷" → 2 and 卷 (FALSE when it is not a positive whole number followed by a unit). */
static gboolean
import_quantity (const char *s, char **value, char **unit)
{
  const char *p = s;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == s || (s[0] == '0' && p - s >= 1 && strspn (s, "0") == (size_t) (p - s)))
    return FALSE;
  char *u = g_strstrip (g_strdup (p));
  if (!*u || p - s > 9)
    {
      g_free (u);
      return FALSE;
    }
  *value = g_strndup (s, (gsize) (p - s));
  *unit = u;
  return TRUE;
}

/* Checks and converts the cells of a row into `k`. FALSE when some cell was reported. */
gboolean
gw_import_convert (import_row *r, import_case *k)
{
  memset (k, 0, sizeof *k);
  /* 编号 → id (an XML name: letters, digits, - _ .; "case-" put before a leading digit) */
  k->id = import_required (r, C_ID);
  if (k->id && xmlValidateNCName ((const xmlChar *) k->id, 0) != 0)
    {
      char *fixed = g_strconcat ("case-", k->id, NULL);
      if (xmlValidateNCName ((const xmlChar *) fixed, 0) != 0 || strchr (k->id, '/'))
        {
          import_bad (r, C_ID, _("'%s' is not usable as an id (letters, digits, '-', '_' and "
                      "'.', no spaces)"), k->id);
          g_free (fixed);
        }
      else
        {
          g_free (k->id);
          k->id = fixed;
        }
    }
  char *docno = import_required (r, C_DOCNO);
  if (docno)
    {
      static GRegex *re;
      if (g_once_init_enter (&re))
        g_once_init_leave (&re, g_regex_new ("^(.+?)\\s*[〔\\[【(（]\\s*(\\d{4})\\s*[〕\\]】)）]"
                                             "\\s*(第?)\\s*(\\d+)\\s*号$", 0, 0, NULL));
      GMatchInfo *m = NULL;
      if (g_regex_match (re, docno, 0, &m))
        {
          k->prefix = g_match_info_fetch (m, 1);
          k->year = g_match_info_fetch (m, 2);
          char *ordinal = g_match_info_fetch (m, 3);
          k->serial = g_match_info_fetch (m, 4);
          k->ordinal = *ordinal != '\0';
          if (atoi (k->serial) <= 0 || strlen (k->serial) > 9)
            import_bad (r, C_DOCNO, _("'%s': the serial number must be 1 or more"), docno);
          g_free (ordinal);
        }
      else
        import_bad (r, C_DOCNO, _("'%s' is not a document number like 永质监责改〔2015〕14号"), docno);
      g_match_info_free (m);
      g_free (docno);
    }
  char *sample = import_cell (r, C_SAMPLE);
  if (*sample && strcmp (sample, "是") && strcmp (sample, "否") && g_ascii_strcasecmp (sample, "true")
      && g_ascii_strcasecmp (sample, "false") && strcmp (sample, "1") && strcmp (sample, "0"))
    import_bad (r, C_SAMPLE, _("'%s': write 是 or 否"), sample);
  k->sample = (!strcmp (sample, "是") || !g_ascii_strcasecmp (sample, "true")
               || !strcmp (sample, "1")) ? g_strdup ("true") : NULL;
  g_free (sample);
  k->issuer = import_cell (r, C_ISSUER);
  if (!*k->issuer)
    g_free (k->issuer), k->issuer = g_strdup ("永清县质量技术监督局");
  k->office = import_cell (r, C_OFFICE);
  if (!*k->office)
    g_free (k->office), k->office = g_strdup ("质量监督股");
  k->office_phone = import_cell (r, C_OFFICE_PHONE);
  k->ent_name = import_required (r, C_ENT_NAME);
  k->ent_address = import_required (r, C_ENT_ADDRESS);
  k->ent_legal = import_required (r, C_ENT_LEGAL);
  k->ent_contact = import_cell (r, C_ENT_CONTACT);
  k->ent_phone = import_cell (r, C_ENT_PHONE);
  if (*k->ent_phone && !*k->ent_contact)
    import_bad (r, C_ENT_PHONE, _("a phone number needs a name in column %s"),
                r->headers[C_ENT_CONTACT]);
  const struct { import_col c; char *v; } phones[] = { { C_OFFICE_PHONE, k->office_phone },
                                                        { C_ENT_PHONE, k->ent_phone } };
  for (size_t i = 0; i < G_N_ELEMENTS (phones); i++)
    if (*phones[i].v && (!g_ascii_isdigit (phones[i].v[0]) || strlen (phones[i].v) < 5
                         || strspn (phones[i].v, "0123456789-") != strlen (phones[i].v)))
      import_bad (r, phones[i].c, _("'%s' is not a phone number (digits and '-')"), phones[i].v);
  k->ent_reg = import_cell (r, C_ENT_REG);
  k->ent_licence = import_cell (r, C_ENT_LICENCE);
  k->task = import_cell (r, C_TASK);
  k->place = import_required (r, C_PLACE);
  k->product = import_required (r, C_PRODUCT);
  k->brand = import_cell (r, C_BRAND);
  k->spec = import_required (r, C_SPEC);
  k->batch = import_required (r, C_BATCH);
  k->produced = import_date (r, C_PRODUCED, FALSE);
  char *q = import_required (r, C_QUANTITY);
  if (q && !import_quantity (q, &k->qty, &k->qty_unit))
    import_bad (r, C_QUANTITY, _("'%s' is not a number with a unit, like 2卷"), q);
  g_free (q);
  char *b = import_cell (r, C_BASE);
  if (*b && !import_quantity (b, &k->base, &k->base_unit))
    import_bad (r, C_BASE, _("'%s' is not a number with a unit, like 320卷"), b);
  g_free (b);
  k->lab = import_required (r, C_LAB);
  k->report_no = import_required (r, C_REPORT_NO);
  k->conclusion = import_cell (r, C_CONCLUSION);
  if (!*k->conclusion)
    g_free (k->conclusion), k->conclusion = g_strdup ("不合格");
  else if (strcmp (k->conclusion, "不合格") && strcmp (k->conclusion, "合格"))
    import_bad (r, C_CONCLUSION, _("'%s': write 不合格 or 合格"), k->conclusion);

  char *cell = import_cell (r, C_STANDARDS);
  k->standards = import_split (cell, TRUE);
  g_free (cell);
  for (char **s = k->standards; *s; s++)
    {
      char *code, *clause, *title;
      if (!gw_import_standard (*s, &code, &clause, &title))
        import_bad (r, C_STANDARDS, _("'%s' is not a standard like GB/T 5023.3-2008《…》"), *s);
      else
        g_free (code), g_free (clause), g_free (title);
    }
  const import_col item_cols[] = { C_ITEMS, C_ITEM_STANDARDS, C_REQUIREMENTS, C_MEASURED };
  char ***item_lists[] = { &k->items, &k->item_standards, &k->requirements, &k->measured };
  for (size_t i = 0; i < G_N_ELEMENTS (item_cols); i++)
    {
      char *c = import_required (r, item_cols[i]);
      *item_lists[i] = import_split (c ? c : "", TRUE);
      g_free (c);
    }
  guint n_items = g_strv_length (k->items);
  if (g_strv_length (k->item_standards) == 1 && n_items > 1)
    {
      /* one standard for every failed item */
      char *only = g_strdup (k->item_standards[0]);
      g_strfreev (k->item_standards);
      k->item_standards = g_new0 (char *, n_items + 1);
      for (guint i = 0; i < n_items; i++)
        k->item_standards[i] = g_strdup (only);
      g_free (only);
    }
  for (size_t i = 1; n_items && i < G_N_ELEMENTS (item_cols); i++)
    {
      guint n = g_strv_length (*item_lists[i]);
      if (n && n != n_items)
        import_bad (r, item_cols[i], _("%u entries, but column %s has %u (one per failed item, "
                    "separated by ； or line breaks)"), n, r->headers[C_ITEMS], n_items);
    }
  for (char **s = k->item_standards; *s; s++)
    {
      char *code, *clause, *title;
      if (!gw_import_standard (*s, &code, &clause, &title))
        import_bad (r, C_ITEM_STANDARDS, _("'%s' is not a standard like GB/T 3956-2008 表2《电缆的导体》"),
                    *s);
      else
        g_free (code), g_free (clause), g_free (title);
    }

  cell = import_cell (r, C_INSPECTORS);
  k->inspectors = import_split (cell, TRUE);
  g_free (cell);
  if (g_strv_length (k->inspectors) < 2)
    import_bad (r, C_INSPECTORS, ngettext ("%u inspector: a case needs at least two (name "
                "and enforcement ID each, like 刘建华 13102300112；张伟 13102300125)",
                "%u inspectors: a case needs at least two (name and enforcement ID each, like "
                "刘建华 13102300112；张伟 13102300125)", g_strv_length (k->inspectors)),
                g_strv_length (k->inspectors));
  for (char **s = k->inspectors; *s; s++)
    {
      char *name = NULL, *eid = NULL;
      if (gw_import_inspector (*s, &name, &eid))
        {
          g_free (name);
          g_free (eid);
        }
      else
        import_bad (r, C_INSPECTORS, _("'%s' is not a name and an enforcement ID, like 刘建华 "
                    "13102300112"), *s);
    }
  k->sampled = import_date (r, C_SAMPLED, TRUE);
  k->report_issued = import_date (r, C_REPORT_ISSUED, FALSE);
  k->report_served = import_date (r, C_REPORT_SERVED, TRUE);
  k->notice_served = import_date (r, C_NOTICE_SERVED, FALSE);
  k->rectify_by = import_date (r, C_RECTIFY_BY, FALSE);
  k->issued = import_date (r, C_ISSUED, TRUE);
  cell = import_cell (r, C_FACTS);
  k->facts = import_split (cell, FALSE);
  g_free (cell);
  cell = import_cell (r, C_MEASURES);
  k->measures = import_split (cell, FALSE);
  g_free (cell);
  cell = import_cell (r, C_REVIEW);
  k->review = import_split (cell, TRUE);
  g_free (cell);
  k->court = import_cell (r, C_COURT);
  if ((*k->review != NULL) != (*k->court != '\0'))
    import_bad (r, *k->court ? C_REVIEW : C_COURT, _("columns %s and %s go together: fill both "
                "or neither"), r->headers[C_REVIEW], r->headers[C_COURT]);
  k->note = import_cell (r, C_NOTE);
  return !r->bad;
}
