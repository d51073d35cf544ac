/* xlsx.c — reading an Office Open XML workbook (a zip of XML, ECMA-376) and telling the
 * kinds of spreadsheet apart (see sheet.h); writing a one-row sheet (import --template).
 *
 * Read: xl/workbook.xml names the first sheet and its relationship id;
 * xl/_rels/workbook.xml.rels gives its part (usually xl/worksheets/sheet1.xml). A cell
 * <c r="B2" t="…" s="…"> holds a shared string (t="s": index into xl/sharedStrings.xml), an
 * inline string (t="inlineStr": <is><t>), a formula's cached text (t="str"), a boolean, or
 * a number; a number whose style (xl/styles.xml cellXfs[s] → numFmtId) is a date format is
 * an Excel serial day (1900 system: day 1 = 1900-01-01, the fictitious 1900-02-29 counted;
 * or the 1904 system when the workbook says date1904) and is written as yyyy-mm-dd.
 * Parts are read with a size cap (a small zip can inflate to gigabytes) and parsed with the
 * project's safe XML loader (no entities, no network). */
#include "base/files.h"
#include "base/i18n.h"
#include "base/xmlload.h"
#include "records/sheet.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

/* The namespace of relationship ids (r:id). */
#define XLSX_REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* The largest part read (uncompressed). */
#define XLSX_MAX_PART (64u << 20)

/* One workbook being read. */
typedef struct {
  /* borrowed */
  gw_ctx *ctx;
  const char *name;
  /* owned */
  zip_t *zip;
  GPtrArray *strings;  /* shared strings, char * */
  GArray *date_styles; /* gboolean per cellXfs index: a date format */
  /* values */
  gboolean date1904;
} xlsx_book;

/* The bytes of part `part` (caller frees), NULL when absent (`required`: reported). */
static char *
xlsx_part (xlsx_book *b, const char *part, gsize *len, gboolean required)
{
  zip_stat_t st;
  zip_stat_init (&st);
  if (zip_stat (b->zip, part, 0, &st) != 0)
    {
      if (required)
        gw_diag_error (b->ctx->diag, b->name, 0, _("not a spreadsheet gongwen reads: it has "
                       "no %s (save it from the spreadsheet program as .xlsx, or as CSV UTF-8)"),
                       part);
      return NULL;
    }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > XLSX_MAX_PART)
    {
      gw_diag_error (b->ctx->diag, b->name, 0, _("%s is larger than %u MB"), part,
                     XLSX_MAX_PART >> 20);
      return NULL;
    }
  zip_file_t *f = zip_fopen (b->zip, part, 0);
  char *buf = g_malloc (st.size + 1);
  zip_int64_t got = f ? zip_fread (f, buf, st.size) : -1;
  if (f)
    zip_fclose (f);
  if (got < 0 || (zip_uint64_t) got != st.size)
    {
      gw_diag_error (b->ctx->diag, b->name, 0, _("%s cannot be read: the file is damaged"), part);
      g_free (buf);
      return NULL;
    }
  buf[st.size] = '\0';
  *len = st.size;
  return buf;
}

/* Parses part `part` as XML (caller frees), NULL when absent or broken (reported when
 * `required` or broken). */
static xmlDocPtr
xlsx_xml (xlsx_book *b, const char *part, gboolean required)
{
  gsize len = 0;
  char *buf = xlsx_part (b, part, &len, required);
  if (!buf)
    return NULL;
  char *name = g_strdup_printf ("%s:%s", b->name, part);
  xmlDocPtr doc = gw_xml_read_memory (b->ctx, buf, len, name);
  g_free (name);
  g_free (buf);
  return doc && xmlDocGetRootElement (doc) ? doc : (xmlFreeDoc (doc), NULL);
}

/* TRUE when `n` is an element named `name` (any namespace). */
static gboolean
xlsx_is (xmlNodePtr n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && !strcmp ((const char *) n->name, name);
}

/* The text of the <t> elements below `n`, phonetic runs (<rPh>) left out (caller frees). */
static char *
xlsx_text_new (xmlNodePtr n)
{
  GString *s = g_string_new (NULL);
  for (xmlNodePtr c = n->children; c; c = c->next)
    {
      if (xlsx_is (c, "t"))
        {
          xmlChar *t = xmlNodeGetContent (c);
          g_string_append (s, t ? (const char *) t : "");
          xmlFree (t);
        }
      else if (xlsx_is (c, "r"))
        {
          char *r = xlsx_text_new (c);
          g_string_append (s, r);
          g_free (r);
        }
    }
  return g_string_free (s, FALSE);
}

/* An attribute (no namespace) as a new string or NULL. */
static char *
xlsx_attr_new (xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp (n, (const xmlChar *) name);
  char *s = v ? g_strdup ((const char *) v) : NULL;
  xmlFree (v);
  return s;
}

/* TRUE when a number format code shows a date (has d, m or y outside quotes and brackets,
 * and is not only a time). */
static gboolean
xlsx_date_code (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE, date = FALSE;
  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '[')
        bracket = TRUE;
      else if (!quoted && *p == ']')
        bracket = FALSE;
      else if (!quoted && !bracket && *p == '\\' && p[1])
        p++;
      else if (!quoted && !bracket && strchr ("dDyY", *p))
        date = TRUE;
      else if (!quoted && !bracket && (*p == 'm' || *p == 'M') && !strchr (code, 'h'))
        date = TRUE;
    }
  return date;
}

/* Reads the shared strings, the date styles and the date system. */
static void
xlsx_read_tables (xlsx_book *b)
{
  b->strings = g_ptr_array_new_with_free_func (g_free);
  b->date_styles = g_array_new (FALSE, TRUE, sizeof (gboolean));
  xmlDocPtr sst = xlsx_xml (b, "xl/sharedStrings.xml", FALSE);
  for (xmlNodePtr si = sst ? xmlDocGetRootElement (sst)->children : NULL; si; si = si->next)
    if (xlsx_is (si, "si"))
      g_ptr_array_add (b->strings, xlsx_text_new (si));
  xmlFreeDoc (sst);
  xmlDocPtr styles = xlsx_xml (b, "xl/styles.xml", FALSE);
  GHashTable *custom = g_hash_table_new (g_direct_hash, g_direct_equal); /* id → is date */
  for (xmlNodePtr sec = styles ? xmlDocGetRootElement (styles)->children : NULL; sec;
       sec = sec->next)
    {
      if (xlsx_is (sec, "numFmts"))
        for (xmlNodePtr f = sec->children; f; f = f->next)
          {
            if (!xlsx_is (f, "numFmt"))
              continue;
            char *id = xlsx_attr_new (f, "numFmtId"), *code = xlsx_attr_new (f, "formatCode");
            if (id && code)
              g_hash_table_insert (custom, GINT_TO_POINTER (atoi (id)),
                                   GINT_TO_POINTER (xlsx_date_code (code)));
            g_free (id);
            g_free (code);
          }
      if (xlsx_is (sec, "cellXfs"))
        for (xmlNodePtr xf = sec->children; xf; xf = xf->next)
          {
            if (!xlsx_is (xf, "xf"))
              continue;
            char *id = xlsx_attr_new (xf, "numFmtId");
            int n = id ? atoi (id) : 0;
            g_free (id);
            /* the built-in date formats (ECMA-376 18.8.30, and the East Asian ones) */
            gboolean date = (n >= 14 && n <= 17) || n == 22 || (n >= 27 && n <= 36)
                            || (n >= 50 && n <= 58);
            gpointer v;
            if (g_hash_table_lookup_extended (custom, GINT_TO_POINTER (n), NULL, &v))
              date = GPOINTER_TO_INT (v);
            g_array_append_val (b->date_styles, date);
          }
    }
  g_hash_table_destroy (custom);
  xmlFreeDoc (styles);
  xmlDocPtr wb = xlsx_xml (b, "xl/workbook.xml", FALSE);
  for (xmlNodePtr n = wb ? xmlDocGetRootElement (wb)->children : NULL; n; n = n->next)
    if (xlsx_is (n, "workbookPr"))
      {
        char *v = xlsx_attr_new (n, "date1904");
        b->date1904 = v && (!strcmp (v, "1") || !strcmp (v, "true"));
        g_free (v);
      }
  xmlFreeDoc (wb);
}

/* The part of the first worksheet (caller frees). */
static char *
xlsx_first_sheet (xlsx_book *b)
{
  char *rid = NULL, *target = NULL;
  xmlDocPtr wb = xlsx_xml (b, "xl/workbook.xml", TRUE);
  for (xmlNodePtr n = wb ? xmlDocGetRootElement (wb)->children : NULL; n && !rid; n = n->next)
    if (xlsx_is (n, "sheets"))
      for (xmlNodePtr s = n->children; s && !rid; s = s->next)
        if (xlsx_is (s, "sheet"))
          {
            xmlChar *v = xmlGetNsProp (s, (const xmlChar *) "id", (const xmlChar *) XLSX_REL_NS);
            rid = v ? g_strdup ((const char *) v) : NULL;
            xmlFree (v);
          }
  xmlFreeDoc (wb);
  xmlDocPtr rels = rid ? xlsx_xml (b, "xl/_rels/workbook.xml.rels", FALSE) : NULL;
  for (xmlNodePtr r = rels ? xmlDocGetRootElement (rels)->children : NULL; r && !target;
       r = r->next)
    {
      char *id = xlsx_is (r, "Relationship") ? xlsx_attr_new (r, "Id") : NULL;
      if (id && !strcmp (id, rid))
        {
          char *t = xlsx_attr_new (r, "Target");
          if (t && *t == '/')
            target = g_strdup (t + 1);
          else if (t)
            target = g_strconcat ("xl/", t, NULL);
          g_free (t);
        }
      g_free (id);
    }
  xmlFreeDoc (rels);
  g_free (rid);
  return target ? target : g_strdup ("xl/worksheets/sheet1.xml");
}

/* The column index of a cell reference "BC12" (0-based), or -1. */
static int
xlsx_column (const char *ref)
{
  int col = 0, n = 0;
  for (; ref && g_ascii_isalpha (*ref) && n < 3; ref++, n++)
    col = col * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
  return n ? col - 1 : -1;
}

/* A number as the clerk sees it: a date (yyyy-mm-dd) when its style is a date format,
 * else digits (13102300112, not 1.31023E+10). Caller frees. */
static char *
xlsx_number_new (const xlsx_book *b, const char *v, int style)
{
  char *end = NULL;
  double d = g_ascii_strtod (v, &end);
  if (!end || *end || !isfinite (d))
    return g_strdup (v);
  gboolean date = style >= 0 && (guint) style < b->date_styles->len
                  && g_array_index (b->date_styles, gboolean, style);
  if (date && d >= 1 && d < 2958466) /* up to 9999-12-31 */
    {
      GDate g;
      gint64 days = (gint64) d;
      if (b->date1904)
        g_date_set_dmy (&g, 1, 1, 1904);
      else
        {
          g_date_set_dmy (&g, 30, 12, 1899);
          if (days < 61) /* before the fictitious 1900-02-29 */
            days++;
        }
      g_date_add_days (&g, (guint) days);
      return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&g), g_date_get_month (&g),
                              g_date_get_day (&g));
    }
  if (d > -1e15 && d < 1e15 && d == (double) (gint64) d) /* range first: the cast of a larger
                                                           value is undefined (fuzz_sheet) */
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) d);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", d));
}

/* The text of cell `c`. Caller frees. */
static char *
xlsx_cell_new (const xlsx_book *b, xmlNodePtr c)
{
  char *t = xlsx_attr_new (c, "t"), *s = xlsx_attr_new (c, "s");
  char *out = NULL;
  for (xmlNodePtr k = c->children; k && !out; k = k->next)
    {
      if (xlsx_is (k, "is"))
        out = xlsx_text_new (k);
      else if (xlsx_is (k, "v"))
        {
          xmlChar *v = xmlNodeGetContent (k);
          const char *vs = v ? (const char *) v : "";
          if (t && !strcmp (t, "s"))
            {
              long i = strtol (vs, NULL, 10);
              out = g_strdup (i >= 0 && (guint) i < b->strings->len
                                ? (const char *) g_ptr_array_index (b->strings, i) : "");
            }
          else if (t && !strcmp (t, "b"))
            out = g_strdup (!strcmp (vs, "1") ? "TRUE" : "FALSE");
          else if (!t || !strcmp (t, "n"))
            out = xlsx_number_new (b, vs, s ? atoi (s) : -1);
          else /* str, e, inlineStr without <is> */
            out = g_strdup (vs);
          xmlFree (v);
        }
    }
  g_free (t);
  g_free (s);
  return out ? out : g_strdup ("");
}

/* Parses a workbook. */
GPtrArray *
gw_xlsx_parse (gw_ctx *ctx, const char *name, const char *data, gsize len)
{
  zip_error_t zerr;
  zip_error_init (&zerr);
  zip_source_t *src = zip_source_buffer_create (data, len, 0, &zerr);
  zip_t *zip = src ? zip_open_from_source (src, ZIP_RDONLY, &zerr) : NULL;
  if (!zip)
    {
      gw_diag_error (ctx->diag, name, 0, _("not a readable .xlsx workbook (%s); open it in the "
                     "spreadsheet program and save it again as .xlsx or as CSV UTF-8"),
                     zip_error_strerror (&zerr));
      if (src)
        zip_source_free (src);
      zip_error_fini (&zerr);
      return NULL;
    }
  zip_error_fini (&zerr);
  xlsx_book b = { ctx, name, zip, NULL, NULL, FALSE };
  GPtrArray *rows = NULL;
  char *part = xlsx_first_sheet (&b);
  xlsx_read_tables (&b);
  xmlDocPtr sheet = xlsx_xml (&b, part, TRUE);
  if (sheet)
    {
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_sheet_row_free);
      long next = 1;
      for (xmlNodePtr sd = xmlDocGetRootElement (sheet)->children; sd; sd = sd->next)
        {
          if (!xlsx_is (sd, "sheetData"))
            continue;
          for (xmlNodePtr r = sd->children; r; r = r->next)
            {
              if (!xlsx_is (r, "row"))
                continue;
              char *rn = xlsx_attr_new (r, "r");
              long line = rn ? strtol (rn, NULL, 10) : next;
              g_free (rn);
              if (line < next || line > 1048576)
                line = next;
              next = line + 1;
              gw_sheet_row *row = g_new0 (gw_sheet_row, 1);
              row->fields = g_ptr_array_new_with_free_func (g_free);
              row->line = line;
              for (xmlNodePtr c = r->children; c; c = c->next)
                {
                  if (!xlsx_is (c, "c"))
                    continue;
                  char *ref = xlsx_attr_new (c, "r");
                  int col = ref ? xlsx_column (ref) : (int) row->fields->len;
                  g_free (ref);
                  if (col < (int) row->fields->len || col > 16383)
                    col = (int) row->fields->len;
                  while ((int) row->fields->len < col)
                    g_ptr_array_add (row->fields, g_strdup (""));
                  g_ptr_array_add (row->fields, xlsx_cell_new (&b, c));
                }
              g_ptr_array_add (rows, row);
            }
        }
      xmlFreeDoc (sheet);
    }
  g_free (part);
  g_ptr_array_unref (b.strings);
  g_array_unref (b.date_styles);
  zip_discard (zip);
  return rows;
}

/* Parses a spreadsheet of any kind gongwen reads, telling it by its first bytes. */
GPtrArray *
gw_sheet_parse (gw_ctx *ctx, const char *name, const char *data, gsize len, const char **format)
{
  *format = NULL;
  if (!data) /* no bytes (an empty file may come as NULL) */
    data = "", len = 0;
  if (len >= 8 && !memcmp (data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    {
      gw_diag_error (ctx->diag, name, 0, _("an old Excel workbook (.xls), which gongwen does not "
                     "read: open it in the spreadsheet program and save it as .xlsx (Excel "
                     "workbook) or as CSV UTF-8"));
      return NULL;
    }
  if (len >= 4 && !memcmp (data, "PK\x03\x04", 4))
    {
      if (g_strstr_len (data, (gssize) MIN (len, 4096), "mimetypeapplication/vnd.oasis"))
        {
          gw_diag_error (ctx->diag, name, 0, _("an OpenDocument spreadsheet (.ods), which "
                         "gongwen does not read: save it as .xlsx (Excel workbook) or as CSV "
                         "UTF-8"));
          return NULL;
        }
      *format = "xlsx";
      return gw_xlsx_parse (ctx, name, data, len);
    }
  const char *encoding = NULL;
  GPtrArray *rows = gw_csv_parse (ctx, name, data, len, &encoding);
  *format = !encoding ? "CSV" : !strcmp (encoding, "UTF-8") ? "CSV, UTF-8"
            : !strcmp (encoding, "GB18030") ? "CSV, GB18030" : "CSV, UTF-16";
  return rows;
}

/* Reads a spreadsheet file. */
GPtrArray *
gw_sheet_read (gw_ctx *ctx, const char *path, const char **format)
{
  char *data = NULL;
  gsize len = 0;
  *format = NULL;
  if (!gw_file_read_input (ctx, path, &data, &len))
    return NULL;
  GPtrArray *rows = gw_sheet_parse (ctx, path, data, len, format);
  g_free (data);
  return rows;
}

/* The parts of a one-sheet workbook with one row of inline strings. */
static const char xlsx_content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
  "</Types>";
static const char xlsx_root_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
static const char xlsx_workbook[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char xlsx_workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "</Relationships>";

/* Adds a part to the zip being written; FALSE on failure. */
static gboolean
xlsx_add (zip_t *zip, const char *part, const char *data, gsize len, gboolean owned)
{
  zip_source_t *s = zip_source_buffer (zip, data, len, owned ? 1 : 0);
  if (!s)
    return FALSE;
  if (zip_file_add (zip, part, s, ZIP_FL_ENC_UTF_8) < 0)
    {
      zip_source_free (s);
      return FALSE;
    }
  return TRUE;
}

/* Writes a one-row workbook. */
static gboolean
xlsx_write_header (gw_ctx *ctx, const char *path, const char *const *headers)
{
  GString *sheet = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                 "<worksheet xmlns=\"http://schemas.openxmlformats.org/"
                                 "spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
  for (guint i = 0; headers[i]; i++)
    {
      char col[4] = { 0 };
      guint n = i + 1, k = 0;
      char rev[4];
      while (n && k < 3)
        rev[k++] = (char) ('A' + (n - 1) % 26), n = (n - 1) / 26;
      for (guint j = 0; j < k; j++)
        col[j] = rev[k - 1 - j];
      char *esc = g_markup_escape_text (headers[i], -1);
      g_string_append_printf (sheet, "<c r=\"%s1\" t=\"inlineStr\"><is><t>%s</t></is></c>", col,
                              esc);
      g_free (esc);
    }
  g_string_append (sheet, "</row></sheetData></worksheet>");
  char *tmp = gw_temp_path_new (path);
  int zerr = 0;
  zip_t *zip = zip_open (tmp, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  gboolean ok = zip != NULL;
  gsize sheet_len = sheet->len;
  char *sheet_data = g_string_free (sheet, FALSE);
  ok = ok && xlsx_add (zip, "[Content_Types].xml", xlsx_content_types,
                       sizeof xlsx_content_types - 1, FALSE);
  ok = ok && xlsx_add (zip, "_rels/.rels", xlsx_root_rels, sizeof xlsx_root_rels - 1, FALSE);
  ok = ok && xlsx_add (zip, "xl/workbook.xml", xlsx_workbook, sizeof xlsx_workbook - 1, FALSE);
  ok = ok && xlsx_add (zip, "xl/_rels/workbook.xml.rels", xlsx_workbook_rels,
                       sizeof xlsx_workbook_rels - 1, FALSE);
  ok = ok && xlsx_add (zip, "xl/worksheets/sheet1.xml", sheet_data, sheet_len, FALSE);
  if (zip && ok)
    ok = zip_close (zip) == 0;
  else if (zip)
    zip_discard (zip);
  g_free (sheet_data);
  if (ok && g_rename (tmp, path) != 0)
    ok = FALSE;
  if (!ok)
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot write: %s"), g_strerror (errno));
      g_unlink (tmp);
    }
  g_free (tmp);
  return ok;
}

/* Writes a one-row sheet. */
gboolean
gw_sheet_write_header (gw_ctx *ctx, const char *path, const char *const *headers)
{
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    return xlsx_write_header (ctx, path, headers);
  GString *csv = g_string_new ("\xef\xbb\xbf");
  for (guint i = 0; headers[i]; i++)
    g_string_append_printf (csv, "%s%s", i ? "," : "", headers[i]);
  g_string_append (csv, "\r\n");
  GError *err = NULL;
  gboolean ok = g_file_set_contents (path, csv->str, (gssize) csv->len, &err);
  if (!ok)
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot write: %s"), err->message);
      g_error_free (err);
    }
  g_string_free (csv, TRUE);
  return ok;
}
