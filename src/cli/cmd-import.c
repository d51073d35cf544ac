/* cmd-import.c — 'gongwen import cases.csv -o DIR': a spreadsheet export of product sampling
 * results (one failed sample per row, Chinese column headers; README.md, "import", lists them) →
 * one case record per row, DIR/<编号>.xml, kind product-sampling, following
 * xml/schema/case.rng.
 *
 * For each row:
 *   1. every cell is checked and converted (dates in several spellings → ISO, 文号 split into
 *      prefix / year / serial, "2卷" → 2 + unit, lists split at line breaks or ；); a bad cell
 *      is reported as "cases.csv:7: column 抽样日期: '2015-13-01' is not a date";
 *   2. the derived dates are counted with the deadline rules of regime-6 (objection: from
 *      the report's service; rectification: from the notice's service), as the records
 *      module will check them;
 *   3. the record is written with xmlTextWriter to a hidden temporary name in DIR, loaded
 *      with gw_record_load (schema + rules), and renamed to DIR/<编号>.xml only when valid;
 *      the loader's messages are reported at the row. */
#include "base/files.h"
#include "cli/cli.h"
#include "cli/csv.h"
#include "records/documents.h"
#include "base/isodate.h"
#include "records/record.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>

/* The regime product sampling cases fall under, and the rules they apply. */
#define IMPORT_REGIME "regime-6"

/* The columns (README.md, section "import", documents them). */
typedef enum {
  C_ID, C_DOCNO, C_SAMPLE, C_ISSUER, C_OFFICE, C_OFFICE_PHONE,
  C_ENT_NAME, C_ENT_ADDRESS, C_ENT_LEGAL, C_ENT_CONTACT, C_ENT_PHONE, C_ENT_REG, C_ENT_LICENCE,
  C_TASK, C_PLACE, C_PRODUCT, C_BRAND, C_SPEC, C_BATCH, C_PRODUCED, C_QUANTITY, C_BASE,
  C_LAB, C_REPORT_NO, C_CONCLUSION, C_STANDARDS, C_ITEMS, C_ITEM_STANDARDS, C_REQUIREMENTS,
  C_MEASURED, C_INSPECTORS, C_SAMPLED, C_REPORT_ISSUED, C_REPORT_SERVED, C_NOTICE_SERVED,
  C_RECTIFY_BY, C_FACTS, C_MEASURES, C_REVIEW, C_COURT, C_ISSUED, C_NOTE, C_N
} import_col;

typedef struct {
  const char *header;
  gboolean required;
} import_column;

static const import_column import_columns[C_N] = {
  [C_ID] = { "编号", TRUE },
  [C_DOCNO] = { "文号", TRUE },
  [C_SAMPLE] = { "样例", FALSE },
  [C_ISSUER] = { "发文机关", FALSE },
  [C_OFFICE] = { "承办股室", FALSE },
  [C_OFFICE_PHONE] = { "承办电话", FALSE },
  [C_ENT_NAME] = { "企业名称", TRUE },
  [C_ENT_ADDRESS] = { "企业地址", TRUE },
  [C_ENT_LEGAL] = { "法定代表人", TRUE },
  [C_ENT_CONTACT] = { "联系人", FALSE },
  [C_ENT_PHONE] = { "联系电话", FALSE },
  [C_ENT_REG] = { "营业执照注册号", FALSE },
  [C_ENT_LICENCE] = { "生产许可证编号", FALSE },
  [C_TASK] = { "抽查任务", FALSE },
  [C_PLACE] = { "抽样地点", TRUE },
  [C_PRODUCT] = { "产品名称", TRUE },
  [C_BRAND] = { "商标", FALSE },
  [C_SPEC] = { "规格型号", TRUE },
  [C_BATCH] = { "批号", TRUE },
  [C_PRODUCED] = { "生产日期", FALSE },
  [C_QUANTITY] = { "抽样数量", TRUE },
  [C_BASE] = { "抽样基数", FALSE },
  [C_LAB] = { "检验机构", TRUE },
  [C_REPORT_NO] = { "报告编号", TRUE },
  [C_CONCLUSION] = { "检验结论", FALSE },
  [C_STANDARDS] = { "执行标准", FALSE },
  [C_ITEMS] = { "不合格项目", TRUE },
  [C_ITEM_STANDARDS] = { "判定依据", TRUE },
  [C_REQUIREMENTS] = { "标准要求", TRUE },
  [C_MEASURED] = { "实测值", TRUE },
  [C_INSPECTORS] = { "执法人员", TRUE },
  [C_SAMPLED] = { "抽样日期", TRUE },
  [C_REPORT_ISSUED] = { "报告签发日期", FALSE },
  [C_REPORT_SERVED] = { "报告送达日期", TRUE },
  [C_NOTICE_SERVED] = { "通知书送达日期", FALSE },
  [C_RECTIFY_BY] = { "整改期限", FALSE },
  [C_FACTS] = { "事实", FALSE },
  [C_MEASURES] = { "整改措施", FALSE },
  [C_REVIEW] = { "复议机关", FALSE },
  [C_COURT] = { "诉讼法院", FALSE },
  [C_ISSUED] = { "签发日期", TRUE },
  [C_NOTE] = { "备注", FALSE },
};

/* One row being converted. */
typedef struct {
  /* borrowed */
  gw_ctx *ctx;
  const char *csv;        /* the CSV path, for messages */
  const gw_csv_row *row;
  const int *index;       /* column → field index, -1 when the column is absent */
  /* values */
  gboolean bad;           /* some cell was reported */
} import_row;

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
  gw_diag_error (r->ctx->diag, r->csv, r->row->line, "column %s: %s", import_columns[c].header,
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
      import_bad (r, c, "empty, but a case needs it");
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
    import_bad (r, c, "'%s' is not a date (write 2015-07-08 or 2015年7月8日)", s);
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
static gboolean
import_standard (const char *s, char **code, char **clause, char **title)
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
static gboolean
import_inspector (const char *s, char **name, char **eid)
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

/* An xmlTextWriter with a sticky error: after the first failed call every later one is a
 * no-op, and the status is checked once at the end (as cairo does). */
typedef struct {
  xmlTextWriterPtr w; /* owned */
  gboolean failed;
} import_out;

/* Records the status of one writer call. */
static void
out_check (import_out *o, int rc)
{
  if (rc < 0)
    o->failed = TRUE;
}

/* Starts element `name` (in the record namespace, declared on the root). */
static void
out_start (import_out *o, const char *name)
{
  if (!o->failed)
    out_check (o, xmlTextWriterStartElement (o->w, (const xmlChar *) name));
}

/* Ends the current element. */
static void
out_end (import_out *o)
{
  if (!o->failed)
    out_check (o, xmlTextWriterEndElement (o->w));
}

/* Writes attribute `name` when `value` is not NULL. */
static void
out_attr (import_out *o, const char *name, const char *value)
{
  if (!o->failed && value)
    out_check (o, xmlTextWriterWriteAttribute (o->w, (const xmlChar *) name,
                                               (const xmlChar *) value));
}

/* Writes text content. */
static void
out_text (import_out *o, const char *text)
{
  if (!o->failed)
    out_check (o, xmlTextWriterWriteString (o->w, (const xmlChar *) (text ? text : "")));
}

/* Writes a text element (always, even empty: the schema then says what is missing). */
static void
out_el (import_out *o, const char *name, const char *text)
{
  out_start (o, name);
  out_text (o, text);
  out_end (o);
}

/* Writes a text element only when `text` is not empty. */
static void
out_el_opt (import_out *o, const char *name, const char *text)
{
  if (text && *text)
    out_el (o, name, text);
}

/* The days of deadline rule `id` of the regime (as found for a record in `dir`), or -1. */
static gint64
import_deadline_days (gw_ctx *ctx, gw_record_cache *records, const char *dir, const char *id)
{
  char *probe = g_build_filename (dir, "import.xml", NULL);
  gw_record from = { probe, (char *) "case", NULL, NULL };
  const gw_record *g = gw_record_find_regime (ctx, records, &from, IMPORT_REGIME);
  g_free (probe);
  if (!g)
    return -1;
  for (xmlNodePtr n = xmlDocGetRootElement (g->doc)->children; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || strcmp ((const char *) n->name, "rules"))
        continue;
      for (xmlNodePtr d = n->children; d; d = d->next)
        {
          if (d->type != XML_ELEMENT_NODE || strcmp ((const char *) d->name, "deadline"))
            continue;
          xmlChar *did = xmlGetNoNsProp (d, (const xmlChar *) "id");
          xmlChar *days = xmlGetNoNsProp (d, (const xmlChar *) "days");
          gint64 v = did && days && !strcmp ((const char *) did, id)
                       ? g_ascii_strtoll ((const char *) days, NULL, 10) : -1;
          xmlFree (did);
          xmlFree (days);
          if (v > 0)
            return v;
        }
    }
  return -1;
}

/* `iso` + `days` as ISO (caller frees), or NULL. */
static char *
import_add_days (const char *iso, gint64 days)
{
  GDate d;
  char buf[11];
  if (!iso || days < 0 || !gw_isodate_parse (iso, &d) || !gw_isodate_add_days (&d, days))
    return NULL;
  return g_strdup (gw_isodate_format (&d, buf));
}

/* Everything a row holds, checked and converted (all strings owned). */
typedef struct {
  char *id, *prefix, *year, *serial, *sample, *issuer, *office, *office_phone;
  char *ent_name, *ent_address, *ent_legal, *ent_contact, *ent_phone, *ent_reg, *ent_licence;
  char *task, *place, *product, *brand, *spec, *batch, *produced, *qty, *qty_unit, *base,
    *base_unit;
  char *lab, *report_no, *conclusion;
  char **standards, **items, **item_standards, **requirements, **measured, **inspectors;
  char *sampled, *report_issued, *report_served, *notice_served, *rectify_by, *issued;
  char **facts, **measures, **review;
  char *court, *note;
  gboolean ordinal; /* the number is printed with 第 */
} import_case;

/* Frees the converted row. */
static void
import_case_clear (import_case *k)
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
static gboolean
import_convert (import_row *r, import_case *k)
{
  /* 编号 → id (an XML name: letters, digits, - _ .; "case-" put before a leading digit) */
  k->id = import_required (r, C_ID);
  if (k->id && xmlValidateNCName ((const xmlChar *) k->id, 0) != 0)
    {
      char *fixed = g_strconcat ("case-", k->id, NULL);
      if (xmlValidateNCName ((const xmlChar *) fixed, 0) != 0 || strchr (k->id, '/'))
        {
          import_bad (r, C_ID, "'%s' is not usable as an id (letters, digits, '-', '_' and "
                      "'.', no spaces)", k->id);
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
            import_bad (r, C_DOCNO, "'%s': the serial number must be 1 or more", docno);
          g_free (ordinal);
        }
      else
        import_bad (r, C_DOCNO, "'%s' is not a document number like 永质监责改〔2015〕14号", docno);
      g_match_info_free (m);
      g_free (docno);
    }
  char *sample = import_cell (r, C_SAMPLE);
  if (*sample && strcmp (sample, "是") && strcmp (sample, "否") && g_ascii_strcasecmp (sample, "true")
      && g_ascii_strcasecmp (sample, "false") && strcmp (sample, "1") && strcmp (sample, "0"))
    import_bad (r, C_SAMPLE, "'%s': write 是 or 否", sample);
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
    import_bad (r, C_ENT_PHONE, "a phone number needs a name in column %s",
                import_columns[C_ENT_CONTACT].header);
  const struct { import_col c; char *v; } phones[] = { { C_OFFICE_PHONE, k->office_phone },
                                                        { C_ENT_PHONE, k->ent_phone } };
  for (size_t i = 0; i < G_N_ELEMENTS (phones); i++)
    if (*phones[i].v && (!g_ascii_isdigit (phones[i].v[0]) || strlen (phones[i].v) < 5
                         || strspn (phones[i].v, "0123456789-") != strlen (phones[i].v)))
      import_bad (r, phones[i].c, "'%s' is not a phone number (digits and '-')", phones[i].v);
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
    import_bad (r, C_QUANTITY, "'%s' is not a number with a unit, like 2卷", q);
  g_free (q);
  char *b = import_cell (r, C_BASE);
  if (*b && !import_quantity (b, &k->base, &k->base_unit))
    import_bad (r, C_BASE, "'%s' is not a number with a unit, like 320卷", b);
  g_free (b);
  k->lab = import_required (r, C_LAB);
  k->report_no = import_required (r, C_REPORT_NO);
  k->conclusion = import_cell (r, C_CONCLUSION);
  if (!*k->conclusion)
    g_free (k->conclusion), k->conclusion = g_strdup ("不合格");
  else if (strcmp (k->conclusion, "不合格") && strcmp (k->conclusion, "合格"))
    import_bad (r, C_CONCLUSION, "'%s': write 不合格 or 合格", k->conclusion);

  char *cell = import_cell (r, C_STANDARDS);
  k->standards = import_split (cell, TRUE);
  g_free (cell);
  for (char **s = k->standards; *s; s++)
    {
      char *code, *clause, *title;
      if (!import_standard (*s, &code, &clause, &title))
        import_bad (r, C_STANDARDS, "'%s' is not a standard like GB/T 5023.3-2008《…》", *s);
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
        import_bad (r, item_cols[i], "%u entries, but column %s has %u (one per failed item, "
                    "separated by ； or line breaks)", n, import_columns[C_ITEMS].header, n_items);
    }
  for (char **s = k->item_standards; *s; s++)
    {
      char *code, *clause, *title;
      if (!import_standard (*s, &code, &clause, &title))
        import_bad (r, C_ITEM_STANDARDS, "'%s' is not a standard like GB/T 3956-2008 表2《电缆的导体》",
                    *s);
      else
        g_free (code), g_free (clause), g_free (title);
    }

  cell = import_cell (r, C_INSPECTORS);
  k->inspectors = import_split (cell, TRUE);
  g_free (cell);
  if (g_strv_length (k->inspectors) < 2)
    import_bad (r, C_INSPECTORS, "%u inspector%s: a case needs at least two (name and "
                "enforcement ID each, like 刘建华 13102300112；张伟 13102300125)",
                g_strv_length (k->inspectors), g_strv_length (k->inspectors) == 1 ? "" : "s");
  for (char **s = k->inspectors; *s; s++)
    {
      char *name = NULL, *eid = NULL;
      if (import_inspector (*s, &name, &eid))
        {
          g_free (name);
          g_free (eid);
        }
      else
        import_bad (r, C_INSPECTORS, "'%s' is not a name and an enforcement ID, like 刘建华 "
                    "13102300112", *s);
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
    import_bad (r, *k->court ? C_REVIEW : C_COURT, "columns %s and %s go together: fill both "
                "or neither", import_columns[C_REVIEW].header, import_columns[C_COURT].header);
  k->note = import_cell (r, C_NOTE);
  return !r->bad;
}

/* Writes one <standard> from "CODE [clause]《title》" (checked in import_convert). */
static void
out_standard (import_out *o, const char *s)
{
  char *code = NULL, *clause = NULL, *title = NULL;
  if (!import_standard (s, &code, &clause, &title))
    {
      o->failed = TRUE;
      return;
    }
  out_start (o, "standard");
  out_attr (o, "code", code);
  out_attr (o, "clause", clause);
  out_text (o, title);
  out_end (o);
  g_free (code);
  g_free (clause);
  g_free (title);
}

/* Writes the dates derived with regime-6's deadline rules into <decision>: objection-by
 * (from the report's service), rectify-by (set by the inspectors, or counted from the
 * notice's service, else from the issue date without the deadline attributes, as the record
 * then has no date the rule counts from), reinspect-within. */
static void
out_derived_dates (import_out *o, gw_ctx *ctx, gw_record_cache *records, const char *dir,
                   const import_case *k)
{
  gint64 objection = import_deadline_days (ctx, records, dir, "objection");
  gint64 rectify = import_deadline_days (ctx, records, dir, "rectify");
  gint64 reinspect = import_deadline_days (ctx, records, dir, "reinspect");
  char *objection_by = import_add_days (k->report_served, objection);
  if (objection_by)
    {
      out_start (o, "objection-by");
      out_attr (o, "deadline", "objection");
      out_attr (o, "from", "report-served");
      out_text (o, objection_by);
      out_end (o);
      g_free (objection_by);
    }
  out_start (o, "rectify-by");
  if (k->rectify_by)
    out_text (o, k->rectify_by);
  else
    {
      char *by = import_add_days (k->notice_served ? k->notice_served : k->issued,
                                  rectify > 0 ? rectify : 30);
      if (k->notice_served && rectify > 0)
        {
          out_attr (o, "deadline", "rectify");
          out_attr (o, "from", "notice-served");
        }
      out_text (o, by);
      g_free (by);
    }
  out_end (o);
  if (reinspect > 0)
    {
      char days[24];
      g_snprintf (days, sizeof days, "%" G_GINT64_FORMAT, reinspect);
      out_start (o, "reinspect-within");
      out_attr (o, "deadline", "reinspect");
      out_attr (o, "days", days);
      out_end (o);
    }
}

/* Writes the record of `k` to `path` with xmlTextWriter, in the order case.rng gives;
 * FALSE on a write error. */
static gboolean
import_write (gw_ctx *ctx, gw_record_cache *records, const char *path, const import_case *k, const char *source,
              const char *dir)
{
  import_out o = { xmlNewTextWriterFilename (path, 0), FALSE };
  if (!o.w)
    return FALSE;
  xmlTextWriterSetIndent (o.w, 1);
  xmlTextWriterSetIndentString (o.w, (const xmlChar *) "  ");
  out_check (&o, xmlTextWriterStartDocument (o.w, "1.0", "UTF-8", NULL));
  char *comment = g_strdup_printf (" imported by gongwen import from %s ", source);
  if (!o.failed)
    out_check (&o, xmlTextWriterWriteComment (o.w, (const xmlChar *) comment));
  g_free (comment);
  if (!o.failed)
    out_check (&o, xmlTextWriterStartElementNS (o.w, NULL, (const xmlChar *) "case",
                                                (const xmlChar *) GW_RECORD_NS));
  out_attr (&o, "version", "1");
  out_attr (&o, "id", k->id);
  out_attr (&o, "kind", "product-sampling");
  out_attr (&o, "sample", k->sample);
  out_attr (&o, "source", source);

  out_start (&o, "doc-number");
  out_attr (&o, "prefix", k->prefix);
  out_attr (&o, "year", k->year);
  out_attr (&o, "serial", k->serial);
  out_attr (&o, "ordinal", k->ordinal ? "true" : NULL);
  out_end (&o);

  out_start (&o, "issuer");
  out_el (&o, "name", k->issuer);
  out_el_opt (&o, "office", k->office);
  out_el_opt (&o, "phone", k->office_phone);
  out_end (&o);

  static const char *const rules[] = { "rectify", "p-failed-product" };
  for (size_t i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      out_start (&o, "applies");
      out_attr (&o, "regime", IMPORT_REGIME);
      out_attr (&o, "rule", rules[i]);
      out_end (&o);
    }

  /* the statute a sampling rectification order rests on (case.rng requires one) */
  out_start (&o, "legal-basis");
  out_attr (&o, "law", "《中华人民共和国产品质量法》");
  out_attr (&o, "article", "第十七条");
  out_end (&o);

  out_start (&o, "enterprise");
  out_attr (&o, "role", "生产企业");
  out_el (&o, "name", k->ent_name);
  out_el (&o, "address", k->ent_address);
  out_el (&o, "legal-representative", k->ent_legal);
  if (*k->ent_contact)
    {
      out_start (&o, "contact");
      out_el (&o, "name", k->ent_contact);
      out_el_opt (&o, "phone", k->ent_phone);
      out_end (&o);
    }
  const struct { const char *kind, *number; } licences[] = {
    { "营业执照注册号", k->ent_reg }, { "全国工业产品生产许可证", k->ent_licence } };
  for (size_t i = 0; i < G_N_ELEMENTS (licences); i++)
    if (*licences[i].number)
      {
        out_start (&o, "licence");
        out_attr (&o, "kind", licences[i].kind);
        out_attr (&o, "number", licences[i].number);
        out_end (&o);
      }
  out_end (&o);

  out_start (&o, "sampling");
  out_el_opt (&o, "task", k->task);
  out_el (&o, "place", k->place);
  out_start (&o, "product");
  out_el (&o, "name", k->product);
  out_el_opt (&o, "brand", k->brand);
  out_el (&o, "spec", k->spec);
  out_el (&o, "batch", k->batch);
  out_el_opt (&o, "production-date", k->produced);
  const struct { const char *name, *value, *unit; } amounts[] = {
    { "quantity", k->qty, k->qty_unit }, { "base", k->base, k->base_unit } };
  for (size_t i = 0; i < G_N_ELEMENTS (amounts); i++)
    if (amounts[i].value)
      {
        out_start (&o, amounts[i].name);
        out_attr (&o, "unit", amounts[i].unit);
        out_text (&o, amounts[i].value);
        out_end (&o);
      }
  out_end (&o); /* product */
  out_end (&o); /* sampling */

  out_start (&o, "test");
  out_el (&o, "lab", k->lab);
  out_el (&o, "report-no", k->report_no);
  out_el (&o, "conclusion", k->conclusion);
  for (char **s = k->standards; *s; s++)
    out_standard (&o, *s);
  for (guint i = 0; k->items[i]; i++)
    {
      out_start (&o, "failed-item");
      out_el (&o, "name", k->items[i]);
      out_standard (&o, k->item_standards[i]);
      out_el (&o, "requirement", k->requirements[i]);
      out_el (&o, "measured", k->measured[i]);
      out_end (&o);
    }
  out_end (&o);

  out_start (&o, "inspectors");
  for (char **s = k->inspectors; *s; s++)
    {
      char *name = NULL, *eid = NULL;
      (void) import_inspector (*s, &name, &eid); /* checked in import_convert */
      out_start (&o, "inspector");
      out_el (&o, "name", name);
      out_el (&o, "enforcement-id", eid);
      out_end (&o);
      g_free (name);
      g_free (eid);
    }
  out_end (&o);

  out_start (&o, "dates");
  out_el (&o, "sampled", k->sampled);
  out_el_opt (&o, "report-issued", k->report_issued);
  out_el (&o, "report-served", k->report_served);
  out_el_opt (&o, "notice-served", k->notice_served);
  out_end (&o);

  if (k->facts[0])
    {
      out_start (&o, "facts");
      for (char **p = k->facts; *p; p++)
        out_el (&o, "p", *p);
      out_end (&o);
    }

  out_start (&o, "decision");
  out_derived_dates (&o, ctx, records, dir, k);
  for (char **p = k->measures; *p; p++)
    out_el (&o, "measure", *p);
  out_end (&o);

  if (k->review[0])
    {
      out_start (&o, "remedies");
      for (char **p = k->review; *p; p++)
        out_el (&o, "review-body", *p);
      out_el (&o, "court", k->court);
      out_end (&o);
    }
  out_start (&o, "issued");
  out_attr (&o, "date", k->issued);
  out_end (&o);
  out_el_opt (&o, "note", k->note);
  if (!o.failed)
    out_check (&o, xmlTextWriterEndDocument (o.w));
  xmlFreeTextWriter (o.w); /* flushes and closes */
  return !o.failed;
}

/* Loads the written record at `tmp` with the record loader; its messages are reported at
 * the row (not at the temporary file). TRUE when valid. */
static gboolean
import_validate (gw_ctx *ctx, gw_record_cache *records, const char *tmp, const char *csv, long line)
{
  gw_diag *outer = ctx->diag;
  gw_diag *inner = gw_diag_new (NULL);
  gw_diag_set_quiet (inner, TRUE);
  gw_diag_set_keep (inner, TRUE);
  ctx->diag = inner;
  gw_record_status st;
  gw_record *rec = gw_record_load (ctx, records, tmp, &st);
  ctx->diag = outer;
  gw_diag_hook_xml (outer);
  gboolean ok = rec != NULL;
  gw_record_free (rec);
  char **lines = g_strsplit (gw_diag_messages (inner), "\n", -1);
  size_t n = strlen (tmp);
  GHashTable *said = g_hash_table_new (g_str_hash, g_str_equal); /* each message once */
  for (char **l = lines; *l; l++)
    {
      if (!**l)
        continue;
      const char *msg = *l;
      if (!strncmp (msg, tmp, n) && msg[n] == ':') /* drop "TMP:LINE: " */
        {
          msg += n + 1;
          msg += strspn (msg, "0123456789");
          if (*msg == ':')
            msg++;
          while (*msg == ' ')
            msg++;
        }
      if (g_hash_table_contains (said, msg))
        continue;
      g_hash_table_add (said, (gpointer) msg);
      gw_diag_error (outer, csv, line, "the record made from this row is not valid: %s", msg);
    }
  g_hash_table_destroy (said);
  if (!ok && !lines[0][0])
    gw_diag_error (outer, csv, line, "the record made from this row is not valid");
  g_strfreev (lines);
  gw_diag_free (inner);
  return ok;
}

/* Runs 'gongwen import'. */
int
gw_cmd_import (int argc, char **argv)
{
  char *out_dir = NULL;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      "write the case records into DIR (created when missing)", "DIR" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "print errors only", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *oc = g_option_context_new ("CASES.csv -o DIR");
  g_option_context_set_summary (
    oc, "Turns a spreadsheet export of product sampling results (CSV, one failed sample per\n"
        "row, Chinese column headers such as 编号, 文号, 企业名称, 抽样日期; UTF-8 or GBK) into\n"
        "one case record per row: DIR/<编号>.xml, valid against xml/schema/case.rng and the\n"
        "rules of regime-6 (derived dates are counted from its deadlines). A row with a bad\n"
        "cell is reported as CASES.csv:LINE: column 列名: what is wrong, and skipped; the\n"
        "other rows are written. The columns are listed in README.md and gongwen(1).");
  g_option_context_set_description (oc, "Exit status: 0 every row imported, 1 some row "
                                        "failed, 2 usage error.\n");
  g_set_prgname ("gongwen import"); /* "Usage: gongwen import …" */
  g_option_context_add_main_entries (oc, entries, NULL);
  GError *err = NULL;
  if (!g_option_context_parse (oc, &argc, &argv, &err) || argc != 2 || !out_dir)
    {
      fprintf (stderr, "gongwen import: %s\nTry 'gongwen import --help'.\n",
               err ? err->message : argc != 2 ? "expected one CSV file" : "no -o DIR given");
      g_clear_error (&err);
      g_option_context_free (oc);
      g_free (out_dir);
      return GW_EXIT_USAGE;
    }
  g_option_context_free (oc);
  const char *csv = argv[1];
  gw_ctx *ctx = gw_cli_ctx_new (argv[0]);
  gw_record_cache *records = gw_record_cache_new ();
  int status = GW_EXIT_FAILED;
  const char *encoding = NULL;
  GPtrArray *rows = gw_csv_read (ctx, csv, &encoding);
  if (!rows)
    goto out;
  if (g_mkdir_with_parents (out_dir, 0777) != 0)
    {
      gw_diag_error (ctx->diag, out_dir, 0, "cannot create the folder: %s", g_strerror (errno));
      goto out_rows;
    }
  /* the header row: column → field index */
  int index[C_N];
  for (int c = 0; c < C_N; c++)
    index[c] = -1;
  const gw_csv_row *head = rows->len ? g_ptr_array_index (rows, 0) : NULL;
  gboolean ok = head != NULL;
  if (!head)
    gw_diag_error (ctx->diag, csv, 0, "empty: expected a header row and one row per case");
  for (guint f = 0; head && f < head->fields->len; f++)
    {
      char *h = g_strstrip (g_strdup (g_ptr_array_index (head->fields, f)));
      int found = -1;
      for (int c = 0; c < C_N && found < 0; c++)
        if (!strcmp (h, import_columns[c].header))
          found = c;
      if (found >= 0 && index[found] >= 0)
        {
          gw_diag_error (ctx->diag, csv, head->line, "column %s appears twice", h);
          ok = FALSE;
        }
      else if (found >= 0)
        index[found] = (int) f;
      else if (*h)
        gw_diag_warn (ctx->diag, csv, head->line, "column '%s' is not known; ignored", h);
      g_free (h);
    }
  for (int c = 0; head && c < C_N; c++)
    if (import_columns[c].required && index[c] < 0)
      {
        gw_diag_error (ctx->diag, csv, head->line, "no column %s (every case needs it)",
                       import_columns[c].header);
        ok = FALSE;
      }
  if (!ok)
    goto out_rows;

  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *csv_base = g_path_get_basename (csv);
  guint written = 0, failed = 0;
  for (guint i = 1; i < rows->len; i++)
    {
      const gw_csv_row *row = g_ptr_array_index (rows, i);
      gboolean empty = TRUE;
      for (guint f = 0; f < row->fields->len && empty; f++)
        empty = !*g_strstrip ((char *) g_ptr_array_index (row->fields, f));
      if (empty)
        continue;
      import_row r = { ctx, csv, row, index, FALSE };
      import_case k;
      memset (&k, 0, sizeof k);
      gboolean row_ok = import_convert (&r, &k);
      if (row_ok && g_hash_table_contains (ids, k.id))
        {
          gw_diag_error (ctx->diag, csv, row->line, "column %s: '%s' is used by an earlier row "
                         "(line %ld)", import_columns[C_ID].header, k.id,
                         (long) GPOINTER_TO_SIZE (g_hash_table_lookup (ids, k.id)));
          row_ok = FALSE;
        }
      if (row_ok)
        {
          g_hash_table_insert (ids, g_strdup (k.id), GSIZE_TO_POINTER ((gsize) row->line));
          char *name = g_strconcat (k.id, ".xml", NULL);
          char *path = g_build_filename (out_dir, name, NULL);
          char *tmp = gw_temp_path_new (path);
          char *source = g_strdup_printf ("%s:%ld", csv_base, row->line);
          if (!import_write (ctx, records, tmp, &k, source, out_dir))
            {
              gw_diag_error (ctx->diag, path, 0, "cannot write: %s", g_strerror (errno));
              row_ok = FALSE;
            }
          else if (!import_validate (ctx, records, tmp, csv, row->line))
            row_ok = FALSE;
          else if (g_rename (tmp, path) != 0)
            {
              gw_diag_error (ctx->diag, path, 0, "cannot write: %s", g_strerror (errno));
              row_ok = FALSE;
            }
          else if (!quiet)
            printf ("%s:%ld: %s\n", csv, row->line, path);
          g_unlink (tmp);
          g_free (source);
          g_free (tmp);
          g_free (path);
          g_free (name);
        }
      import_case_clear (&k);
      if (row_ok)
        written++;
      else
        failed++;
    }
  if (!quiet || failed)
    printf ("%s (%s): %u record%s written to %s, %u row%s failed\n", csv, encoding, written,
            written == 1 ? "" : "s", out_dir, failed, failed == 1 ? "" : "s");
  status = failed ? GW_EXIT_FAILED : GW_EXIT_OK;
  g_free (csv_base);
  g_hash_table_destroy (ids);
out_rows:
  g_ptr_array_unref (rows);
out:
  gw_record_cache_free (records);
  gw_ctx_free (ctx);
  g_free (out_dir);
  return status;
}
