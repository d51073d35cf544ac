/* import.c — a spreadsheet of product sampling results → case records (see import.h).
 *
 * For each row:
 *   1. its cells are checked and converted (import-row.c);
 *   2. the record is built as a libxml2 tree; the dates it derives (objection-by,
 *      rectify-by, reinspect-within) are counted with the deadline rules of the regime the
 *      record refers to, found as for any record in DIR (gw_record_find_regime);
 *   3. it is serialised with a first comment holding the SHA-256 of the text after it, so
 *      that a later import can tell a record it wrote (replaced when the sheet changed)
 *      from one a clerk edited since (kept, unless --force);
 *   4. it is written to a hidden temporary name in DIR, loaded with gw_record_load (schema,
 *      rules, checks), and renamed to DIR/<编号>.xml only when valid; the loader's messages
 *      are reported at the row. */
#include "base/files.h"
#include "base/i18n.h"
#include "records/import-private.h"
#include "base/isodate.h"
#include "records/labels.h"
#include "records/record.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* The first comment of an imported record: the hash of what follows it. */
#define IMPORT_MARK "gongwen import sha256:"

/* A record being built: the tree and its namespace. */
typedef struct {
  xmlDocPtr doc; /* owned */
  xmlNsPtr ns;   /* borrowed from the root */
} import_tree;

/* Adds element `name` with text `text` (escaped; NULL: empty) under `parent`. */
static xmlNodePtr
tree_el (import_tree *t, xmlNodePtr parent, const char *name, const char *text)
{
  return xmlNewTextChild (parent, t->ns, (const xmlChar *) name, (const xmlChar *) text);
}

/* Adds element `name` only when `text` is not empty. */
static void
tree_el_opt (import_tree *t, xmlNodePtr parent, const char *name, const char *text)
{
  if (text && *text)
    tree_el (t, parent, name, text);
}

/* Sets attribute `name` when `value` is not NULL. */
static void
tree_attr (xmlNodePtr n, const char *name, const char *value)
{
  if (value)
    xmlSetProp (n, (const xmlChar *) name, (const xmlChar *) value);
}

/* Adds one <standard> from "CODE [clause]《title》" (checked in gw_import_convert). */
static void
tree_standard (import_tree *t, xmlNodePtr parent, const char *s)
{
  char *code = NULL, *clause = NULL, *title = NULL;
  if (!gw_import_standard (s, &code, &clause, &title))
    return;
  xmlNodePtr n = tree_el (t, parent, "standard", title);
  tree_attr (n, "code", code);
  tree_attr (n, "clause", clause);
  g_free (code);
  g_free (clause);
  g_free (title);
}

/* The days of deadline rule `id` of `regime`, or -1. */
static gint64
import_deadline_days (const gw_record *regime, const char *id)
{
  for (xmlNodePtr n = regime ? xmlDocGetRootElement (regime->doc)->children : NULL; n;
       n = n->next)
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

/* Adds the dates derived with the regime's deadline rules into <decision>: objection-by
 * (from the report's service), rectify-by (set by the inspectors, or counted from the
 * notice's service, else from the issue date without the deadline attributes, as the
 * record then has no date the rule counts from), reinspect-within. */
static void
tree_derived_dates (import_tree *t, xmlNodePtr decision, const gw_record *regime,
                    const import_case *k)
{
  gint64 objection = import_deadline_days (regime, "objection");
  gint64 rectify = import_deadline_days (regime, "rectify");
  gint64 reinspect = import_deadline_days (regime, "reinspect");
  char *objection_by = import_add_days (k->report_served, objection);
  if (objection_by)
    {
      xmlNodePtr n = tree_el (t, decision, "objection-by", objection_by);
      tree_attr (n, "deadline", "objection");
      tree_attr (n, "from", "report-served");
      g_free (objection_by);
    }
  if (k->rectify_by)
    tree_el (t, decision, "rectify-by", k->rectify_by);
  else
    {
      char *by = import_add_days (k->notice_served ? k->notice_served : k->issued,
                                  rectify > 0 ? rectify : 30);
      xmlNodePtr n = tree_el (t, decision, "rectify-by", by);
      if (k->notice_served && rectify > 0)
        {
          tree_attr (n, "deadline", "rectify");
          tree_attr (n, "from", "notice-served");
        }
      g_free (by);
    }
  if (reinspect > 0)
    {
      char days[24];
      g_snprintf (days, sizeof days, "%" G_GINT64_FORMAT, reinspect);
      xmlNodePtr n = tree_el (t, decision, "reinspect-within", NULL);
      tree_attr (n, "deadline", "reinspect");
      tree_attr (n, "days", days);
    }
}

/* Builds the record of `k` in the order case.rng gives (caller frees the tree's doc).
 * `path` is where it will live: the regime is found from there. */
static xmlDocPtr
import_build (gw_ctx *ctx, gw_record_cache *records, const char *path, const import_case *k,
              const char *source)
{
  import_tree t = { xmlNewDoc ((const xmlChar *) "1.0"), NULL };
  xmlNodePtr root = xmlNewDocNode (t.doc, NULL, (const xmlChar *) "case", NULL);
  xmlDocSetRootElement (t.doc, root);
  t.ns = xmlNewNs (root, (const xmlChar *) GW_RECORD_NS, NULL);
  xmlSetNs (root, t.ns);
  tree_attr (root, "version", "1");
  tree_attr (root, "id", k->id);
  tree_attr (root, "kind", "product-sampling");
  tree_attr (root, "sample", k->sample);
  tree_attr (root, "source", source);

  xmlNodePtr n = tree_el (&t, root, "doc-number", NULL);
  tree_attr (n, "prefix", k->prefix);
  tree_attr (n, "year", k->year);
  tree_attr (n, "serial", k->serial);
  tree_attr (n, "ordinal", k->ordinal ? "true" : NULL);

  n = tree_el (&t, root, "issuer", NULL);
  tree_el (&t, n, "name", k->issuer);
  tree_el_opt (&t, n, "office", k->office);
  tree_el_opt (&t, n, "phone", k->office_phone);

  static const char *const rules[] = { "rectify", "p-failed-product" };
  for (size_t i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      n = tree_el (&t, root, "applies", NULL);
      tree_attr (n, "regime", IMPORT_REGIME);
      tree_attr (n, "rule", rules[i]);
    }
  /* the statute a sampling rectification order rests on (case.rng requires one) */
  n = tree_el (&t, root, "legal-basis", NULL);
  tree_attr (n, "law", "《中华人民共和国产品质量法》");
  tree_attr (n, "article", "第十七条");

  xmlNodePtr ent = tree_el (&t, root, "enterprise", NULL);
  tree_attr (ent, "role", "生产企业");
  tree_el (&t, ent, "name", k->ent_name);
  tree_el (&t, ent, "address", k->ent_address);
  tree_el (&t, ent, "legal-representative", k->ent_legal);
  if (*k->ent_contact)
    {
      n = tree_el (&t, ent, "contact", NULL);
      tree_el (&t, n, "name", k->ent_contact);
      tree_el_opt (&t, n, "phone", k->ent_phone);
    }
  const struct { const char *kind, *number; } licences[] = {
    { "营业执照注册号", k->ent_reg }, { "全国工业产品生产许可证", k->ent_licence } };
  for (size_t i = 0; i < G_N_ELEMENTS (licences); i++)
    if (*licences[i].number)
      {
        n = tree_el (&t, ent, "licence", NULL);
        tree_attr (n, "kind", licences[i].kind);
        tree_attr (n, "number", licences[i].number);
      }

  xmlNodePtr sampling = tree_el (&t, root, "sampling", NULL);
  tree_el_opt (&t, sampling, "task", k->task);
  tree_el (&t, sampling, "place", k->place);
  xmlNodePtr product = tree_el (&t, sampling, "product", NULL);
  tree_el (&t, product, "name", k->product);
  tree_el_opt (&t, product, "brand", k->brand);
  tree_el (&t, product, "spec", k->spec);
  tree_el (&t, product, "batch", k->batch);
  tree_el_opt (&t, product, "production-date", k->produced);
  const struct { const char *name, *value, *unit; } amounts[] = {
    { "quantity", k->qty, k->qty_unit }, { "base", k->base, k->base_unit } };
  for (size_t i = 0; i < G_N_ELEMENTS (amounts); i++)
    if (amounts[i].value)
      tree_attr (tree_el (&t, product, amounts[i].name, amounts[i].value), "unit",
                 amounts[i].unit);

  xmlNodePtr test = tree_el (&t, root, "test", NULL);
  tree_el (&t, test, "lab", k->lab);
  tree_el (&t, test, "report-no", k->report_no);
  tree_el (&t, test, "conclusion", k->conclusion);
  for (char **s = k->standards; *s; s++)
    tree_standard (&t, test, *s);
  for (guint i = 0; k->items[i]; i++)
    {
      n = tree_el (&t, test, "failed-item", NULL);
      tree_el (&t, n, "name", k->items[i]);
      tree_standard (&t, n, k->item_standards[i]);
      tree_el (&t, n, "requirement", k->requirements[i]);
      tree_el (&t, n, "measured", k->measured[i]);
    }

  xmlNodePtr inspectors = tree_el (&t, root, "inspectors", NULL);
  for (char **s = k->inspectors; *s; s++)
    {
      char *name = NULL, *eid = NULL;
      (void) gw_import_inspector (*s, &name, &eid); /* checked in gw_import_convert */
      n = tree_el (&t, inspectors, "inspector", NULL);
      tree_el (&t, n, "name", name);
      tree_el (&t, n, "enforcement-id", eid);
      g_free (name);
      g_free (eid);
    }

  xmlNodePtr dates = tree_el (&t, root, "dates", NULL);
  tree_el (&t, dates, "sampled", k->sampled);
  tree_el_opt (&t, dates, "report-issued", k->report_issued);
  tree_el (&t, dates, "report-served", k->report_served);
  tree_el_opt (&t, dates, "notice-served", k->notice_served);

  if (k->facts[0])
    {
      n = tree_el (&t, root, "facts", NULL);
      for (char **p = k->facts; *p; p++)
        tree_el (&t, n, "p", *p);
    }

  /* the regime, found from where the record will live (as the loader will find it) */
  gw_record self = { (char *) path, (char *) "case", k->id, t.doc, NULL };
  const gw_record *regime = gw_record_find_regime (ctx, records, &self, IMPORT_REGIME);
  xmlNodePtr decision = tree_el (&t, root, "decision", NULL);
  tree_derived_dates (&t, decision, regime, k);
  for (char **p = k->measures; *p; p++)
    tree_el (&t, decision, "measure", *p);

  if (k->review[0])
    {
      n = tree_el (&t, root, "remedies", NULL);
      for (char **p = k->review; *p; p++)
        tree_el (&t, n, "review-body", *p);
      tree_el (&t, n, "court", k->court);
    }
  tree_attr (tree_el (&t, root, "issued", NULL), "date", k->issued);
  tree_el_opt (&t, root, "note", k->note);
  return t.doc;
}

/* The file text of a built record: the declaration, the mark comment holding the SHA-256
 * of the rest, the record (caller frees). */
static char *
import_text_new (xmlDocPtr doc)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlNodeDump (buf, doc, xmlDocGetRootElement (doc), 0, 1);
  char *body = g_strconcat ((const char *) xmlBufferContent (buf), "\n", NULL);
  xmlBufferFree (buf);
  char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- " IMPORT_MARK
                                "%s -->\n%s", sum, body);
  g_free (sum);
  g_free (body);
  return text;
}

/* TRUE when the file text `old` is as an import wrote it: its mark comment holds the
 * SHA-256 of the text after the comment. */
static gboolean
import_untouched (const char *old)
{
  const char *mark = strstr (old, "<!-- " IMPORT_MARK);
  if (!mark || mark - old > 200)
    return FALSE;
  const char *hex = mark + strlen ("<!-- " IMPORT_MARK);
  const char *end = strstr (hex, " -->\n");
  if (!end || end - hex != 64)
    return FALSE;
  char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, end + 5, -1);
  gboolean same = strncmp (sum, hex, 64) == 0;
  g_free (sum);
  return same;
}

/* Loads the written record at `tmp` with the record loader; its messages are reported at
 * the row (not at the temporary file). TRUE when valid. */
static gboolean
import_validate (gw_ctx *ctx, gw_record_cache *records, const char *tmp, const char *sheet,
                 long line)
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
      gw_diag_error (outer, sheet, line, _("the record made from this row is not valid: %s"), msg);
    }
  g_hash_table_destroy (said);
  if (!ok && !lines[0][0])
    gw_diag_error (outer, sheet, line, _("the record made from this row is not valid"));
  g_strfreev (lines);
  gw_diag_free (inner);
  return ok;
}


/* The header spellings of column `c` (caller g_strfreev): the label table's `column`
 * of its field, split at '|'; else the column's fixed header. */
static char **
import_spellings_new (const gw_labels *labels, import_col c)
{
  const import_column *col = &gw_import_columns[c];
  const gw_label *l = col->path ? gw_labels_find (labels, col->path) : NULL;
  if (l && l->column)
    return g_strsplit (l->column, "|", -1);
  char *one[] = { (char *) (col->header ? col->header : l ? l->label : col->path), NULL };
  return g_strdupv (one);
}

/* The headers an import reads. */
char **
gw_import_headers_new (gw_ctx *ctx, gw_record_cache *records)
{
  const gw_labels *labels = gw_labels_get (ctx, records, "case");
  GPtrArray *out = g_ptr_array_new ();
  for (int c = 0; c < C_N; c++)
    {
      char **s = import_spellings_new (labels, c);
      g_ptr_array_add (out, g_strdup (s[0]));
      g_strfreev (s);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* Maps the header row: index[c] = field of column c (-1: absent), headers[c] = its header
 * (as the sheet spells it, else the first spelling; owned by `headers`). FALSE after
 * reporting a column twice or a required column missing. */
static gboolean
import_map_header (gw_ctx *ctx, gw_record_cache *records, const char *sheet,
                   const gw_sheet_row *head, int *index, char **headers)
{
  const gw_labels *labels = gw_labels_get (ctx, records, "case");
  char **spellings[C_N];
  for (int c = 0; c < C_N; c++)
    {
      index[c] = -1;
      spellings[c] = import_spellings_new (labels, c);
      headers[c] = g_strdup (spellings[c][0]);
    }
  gboolean ok = TRUE;
  for (guint f = 0; f < head->fields->len; f++)
    {
      char *h = g_strstrip (g_strdup (g_ptr_array_index (head->fields, f)));
      int found = -1;
      for (int c = 0; c < C_N && found < 0; c++)
        if (g_strv_contains ((const char *const *) spellings[c], h))
          found = c;
      if (found >= 0 && index[found] >= 0)
        {
          gw_diag_error (ctx->diag, sheet, head->line, _("column %s appears twice"), h);
          ok = FALSE;
        }
      else if (found >= 0)
        {
          index[found] = (int) f;
          g_free (headers[found]);
          headers[found] = g_strdup (h);
        }
      else if (*h)
        gw_diag_warn (ctx->diag, sheet, head->line, _("column '%s' is not known; ignored"), h);
      g_free (h);
    }
  for (int c = 0; c < C_N; c++)
    {
      if (gw_import_columns[c].required && index[c] < 0)
        {
          gw_diag_error (ctx->diag, sheet, head->line, _("no column %s (every case needs it)"),
                         headers[c]);
          ok = FALSE;
        }
      g_strfreev (spellings[c]);
    }
  return ok;
}

/* Writes the record of one converted row to `path`, unless a record edited since an
 * earlier import is there (kept, reported, unless `force`). */
static gw_import_outcome
import_one (gw_ctx *ctx, const gw_import_opts *opts, const import_case *k, const char *path,
            long line, const char *base)
{
  char *source = g_strdup_printf ("%s:%ld", base, line);
  xmlDocPtr doc = import_build (ctx, opts->records, path, k, source);
  char *text = import_text_new (doc);
  xmlFreeDoc (doc);
  g_free (source);
  char *old = NULL;
  gw_import_outcome outcome = GW_IMPORT_WRITTEN;
  if (g_file_get_contents (path, &old, NULL, NULL))
    {
      if (!strcmp (old, text))
        outcome = GW_IMPORT_UNCHANGED;
      else if (import_untouched (old) || opts->force)
        outcome = GW_IMPORT_UPDATED;
      else
        {
          gw_diag_warn (ctx->diag, opts->sheet, line, _("%s was edited after it was imported: "
                        "kept as it is (import --force replaces it with this row)"), path);
          outcome = GW_IMPORT_KEPT;
        }
      g_free (old);
    }
  if (outcome == GW_IMPORT_WRITTEN || outcome == GW_IMPORT_UPDATED)
    {
      char *tmp = gw_temp_path_new (path);
      GError *err = NULL;
      if (!g_file_set_contents (tmp, text, -1, &err))
        {
          gw_diag_error (ctx->diag, path, 0, _("cannot write: %s"), err->message);
          g_error_free (err);
          outcome = GW_IMPORT_FAILED;
        }
      else if (!import_validate (ctx, opts->records, tmp, opts->sheet, line))
        outcome = GW_IMPORT_FAILED;
      else if (g_rename (tmp, path) != 0)
        {
          gw_diag_error (ctx->diag, path, 0, _("cannot write: %s"), g_strerror (errno));
          outcome = GW_IMPORT_FAILED;
        }
      g_unlink (tmp);
      g_free (tmp);
    }
  g_free (text);
  return outcome;
}

/* Imports a sheet. */
gboolean
gw_import_run (gw_ctx *ctx, const gw_import_opts *opts, gw_import_result *result)
{
  memset (result, 0, sizeof *result);
  GPtrArray *rows = gw_sheet_read (ctx, opts->sheet, &result->format);
  if (!rows)
    return FALSE;
  /* a file named for one kind and holding the other is read as what it holds */
  if (g_str_has_suffix (opts->sheet, ".csv") && result->format && !strcmp (result->format, "xlsx"))
    gw_diag_warn (ctx->diag, opts->sheet, 0, _("named .csv but an .xlsx workbook: read as .xlsx"));
  else if (g_str_has_suffix (opts->sheet, ".xlsx") && result->format
           && strcmp (result->format, "xlsx") != 0)
    gw_diag_warn (ctx->diag, opts->sheet, 0, _("named .xlsx but a CSV text file: read as CSV (a "
                  "spreadsheet program saves a workbook with 'Save as: Excel workbook (.xlsx)')"));
  if (g_mkdir_with_parents (opts->out_dir, 0777) != 0)
    {
      gw_diag_error (ctx->diag, opts->out_dir, 0, _("cannot create the folder: %s"),
                     g_strerror (errno));
      g_ptr_array_unref (rows);
      return FALSE;
    }
  const gw_sheet_row *head = rows->len ? g_ptr_array_index (rows, 0) : NULL;
  int index[C_N];
  char *headers[C_N + 1] = { NULL };
  if (!head)
    gw_diag_error (ctx->diag, opts->sheet, 0, _("empty: expected a header row and one row "
                                                "per case"));
  gboolean ok = head && import_map_header (ctx, opts->records, opts->sheet, head, index,
                                           headers);
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *base = g_path_get_basename (opts->sheet);
  for (guint i = 1; ok && i < rows->len; i++)
    {
      const gw_sheet_row *row = g_ptr_array_index (rows, i);
      gboolean empty = TRUE;
      for (guint f = 0; f < row->fields->len && empty; f++)
        empty = !*g_strstrip ((char *) g_ptr_array_index (row->fields, f));
      if (empty)
        continue;
      import_row r = { ctx, opts->sheet, row, index, (const char *const *) headers, FALSE };
      import_case k;
      gboolean row_ok = gw_import_convert (&r, &k);
      if (row_ok && g_hash_table_contains (ids, k.id))
        {
          gw_diag_error (ctx->diag, opts->sheet, row->line, _("column %s: '%s' is used by an "
                         "earlier row (line %ld)"), headers[C_ID], k.id,
                         (long) GPOINTER_TO_SIZE (g_hash_table_lookup (ids, k.id)));
          row_ok = FALSE;
        }
      gw_import_outcome outcome = GW_IMPORT_FAILED;
      char *path = NULL;
      if (row_ok)
        {
          g_hash_table_insert (ids, g_strdup (k.id), GSIZE_TO_POINTER ((gsize) row->line));
          char *name = g_strconcat (k.id, ".xml", NULL);
          path = g_build_filename (opts->out_dir, name, NULL);
          g_free (name);
          outcome = import_one (ctx, opts, &k, path, row->line, base);
        }
      gw_import_case_clear (&k);
      result->outcomes[outcome]++;
      if (opts->on_row)
        opts->on_row (opts->data, row->line, path, outcome);
      g_free (path);
    }
  g_free (base);
  g_hash_table_destroy (ids);
  for (int c = 0; c < C_N; c++)
    g_free (headers[c]);
  g_ptr_array_unref (rows);
  return ok;
}
