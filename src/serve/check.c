/* check.c — one record for the desk: checked as `gongwen validate` checks it (written beside
 * its place in the folder, so its regimes are found the same way), its problems tied to the
 * fields of the form (by line → element → label), and its documents made with the server's
 * engine and caches. */
#include "serve/private.h"
#include "base/files.h"
#include "base/xmlload.h"
#include "records/documents.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Frees one problem. */
static void
problem_free (gw_problem *p)
{
  g_free (p->path);
  g_free (p->field);
  g_free (p->message);
  g_free (p);
}

/* A new array for gw_serve_check_new's problems. */
GPtrArray *
gw_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

/* Adds a problem (strings copied; any may be NULL but the message). */
static void
problem_add (GPtrArray *problems, long line, const char *path, const char *field,
             const char *message)
{
  gw_problem *p = g_new0 (gw_problem, 1);
  p->line = line;
  p->path = g_strdup (path);
  p->field = g_strdup (field);
  p->message = g_strdup (message);
  g_ptr_array_add (problems, p);
}

/* Reads the label table of `kind` into a new path → label table. */
static GHashTable *
labels_read_new (gw_server *srv, const char *kind)
{
  GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  char *name = g_strdup_printf ("%s.labels.xml", kind);
  char *file = g_build_filename (srv->schema_dir, name, NULL);
  xmlDocPtr doc = g_file_test (file, G_FILE_TEST_IS_REGULAR)
                    ? xmlReadFile (file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR
                                                 | XML_PARSE_NOWARNING)
                    : NULL;
  for (xmlNodePtr n = doc ? xmlDocGetRootElement (doc)->children : NULL; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || xmlStrcmp (n->name, BAD_CAST "field"))
        continue;
      xmlChar *path = xmlGetProp (n, BAD_CAST "path");
      xmlChar *label = xmlGetProp (n, BAD_CAST "label");
      if (path && label)
        g_hash_table_replace (t, g_strdup ((char *) path), g_strdup ((char *) label));
      xmlFree (path);
      xmlFree (label);
    }
  xmlFreeDoc (doc);
  g_free (file);
  g_free (name);
  return t;
}

/* The label of `path` in the label table of `kind`, or NULL (borrowed). */
const char *
gw_serve_label (gw_server *srv, const char *kind, const char *path)
{
  if (!kind || !path || strspn (kind, "abcdefghijklmnopqrstuvwxyz-") != strlen (kind))
    return NULL;
  GHashTable *t = g_hash_table_lookup (srv->labels, kind);
  if (!t)
    {
      t = labels_read_new (srv, kind);
      g_hash_table_insert (srv->labels, g_strdup (kind), t);
    }
  return g_hash_table_lookup (t, path);
}

/* The field path (labels.md) of element `el`: local names from below the root, joined by
 * '/'; "" for the root. Caller frees. */
static char *
check_path_new (xmlNodePtr el)
{
  GPtrArray *parts = g_ptr_array_new ();
  for (xmlNodePtr n = el; n && n->parent && n->parent->type == XML_ELEMENT_NODE; n = n->parent)
    g_ptr_array_insert (parts, 0, (gpointer) n->name);
  g_ptr_array_add (parts, NULL);
  char *path = g_strjoinv ("/", (char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return path;
}

/* The element a message at `line` is about: the first that starts on that line, else the
 * last one starting before it; NULL when none. */
static xmlNodePtr
check_element_at (xmlDocPtr doc, long line)
{
  xmlNodePtr best = NULL;
  for (xmlNodePtr n = doc ? xmlDocGetRootElement (doc) : NULL; n; n = gw_xml_next (n))
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      long l = xmlGetLineNo (n);
      if (l == line)
        return n;
      if (l > 0 && l < line)
        best = n;
    }
  return best;
}

/* Turns the messages kept since `mark` into problems: the prefix naming the temporary file
 * goes, the line leads to the element and so to the field and its label. Warnings are left
 * out. */
static void
check_collect (gw_server *srv, gsize mark, const char *tmp, xmlDocPtr doc, GPtrArray *problems)
{
  const char *all = gw_diag_messages (srv->ctx->diag);
  if (strlen (all) < mark)
    return;
  char **lines = g_strsplit (all + mark, "\n", -1);
  const char *kind = doc && xmlDocGetRootElement (doc)
                       ? (const char *) xmlDocGetRootElement (doc)->name : NULL;
  gsize tlen = tmp ? strlen (tmp) : 0;
  for (char **l = lines; *l; l++)
    {
      const char *s = *l;
      if (!*s)
        continue;
      long line = 0;
      if (tmp && !strncmp (s, tmp, tlen) && s[tlen] == ':')
        {
          s += tlen + 1;
          char *end = NULL;
          if (g_ascii_isdigit (*s))
            {
              line = strtol (s, &end, 10);
              s = end && *end == ':' ? end + 1 : s;
            }
          s += strspn (s, " ");
        }
      else if (g_str_has_prefix (s, "gongwen: "))
        s += 9;
      if (g_str_has_prefix (s, "warning: ") || g_str_has_prefix (s, "note: "))
        continue;
      xmlNodePtr el = line ? check_element_at (doc, line) : NULL;
      char *path = el ? check_path_new (el) : NULL;
      const char *label = path ? gw_serve_label (srv, kind, *path ? path : "@id") : NULL;
      problem_add (problems, line, path, label ? label : el ? (const char *) el->name : NULL, s);
      g_free (path);
    }
  g_strfreev (lines);
}

/* Checks the record XML `xml` as if saved at `near`. */
gw_record *
gw_serve_check_new (gw_server *srv, const char *xml, gsize len, const char *near,
                    GPtrArray *problems)
{
  gw_ctx *ctx = srv->ctx;
  char *tmp = gw_temp_template_new (near);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 || write (fd, xml, len) != (ssize_t) len)
    {
      problem_add (problems, 0, NULL, NULL, _("cannot write a temporary file (is the data folder writable?)"));
      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmp);
        }
      g_free (tmp);
      return NULL;
    }
  close (fd);
  gsize mark = strlen (gw_diag_messages (ctx->diag));
  gw_record_status st = GW_RECORD_INVALID;
  gw_record *rec = gw_record_load (ctx, srv->records, tmp, &st);
  g_unlink (tmp);
  if (st == GW_RECORD_NOT_RECORD)
    {
      char *why = g_strdup_printf (_("not a gongwen record (its root element is not in the "
                                     "namespace %s)"), GW_RECORD_NS);
      problem_add (problems, 0, NULL, NULL, why);
      g_free (why);
    }
  /* the lines of the messages lead to the fields: a quiet parse of our own for that */
  xmlDocPtr doc = rec ? NULL : xmlReadMemory (xml, (int) MIN (len, (gsize) G_MAXINT), NULL, NULL,
                                              XML_PARSE_NONET | XML_PARSE_NOERROR
                                                | XML_PARSE_NOWARNING);
  check_collect (srv, mark, tmp, rec ? rec->doc : doc, problems);
  xmlFreeDoc (doc);
  if (rec)
    {
      g_free (rec->path);
      rec->path = g_strdup (near); /* messages and regime lookups: where it is saved */
    }
  if (!rec && !problems->len)
    problem_add (problems, 0, NULL, NULL, _("the record is not valid"));
  g_free (tmp);
  return rec;
}

/* The stylesheet parameters for `rec`: regime-href, the regime its first reference names
 * (found as validation found it). A NULL-terminated list (caller g_strfreev). */
static char **
check_params_new (gw_server *srv, const gw_record *rec)
{
  GArray *refs = gw_record_regimes (srv->ctx, srv->records, rec);
  const gw_record *regime = refs->len ? g_array_index (refs, gw_regime_ref, 0).regime : NULL;
  char **params = g_new0 (char *, 3);
  if (regime && regime->uri)
    {
      params[0] = g_strdup ("regime-href");
      params[1] = g_strdup (regime->uri);
    }
  g_array_unref (refs);
  return params;
}

/* Formats document `spec` of `rec` into `out`; the page count or -1 with problems added. */
static int
check_format (gw_server *srv, const gw_record *rec, const gw_docspec *spec, gw_output *out,
              GPtrArray *problems)
{
  gw_ctx *ctx = srv->ctx;
  gsize mark = strlen (gw_diag_messages (ctx->diag));
  unsigned errors = gw_diag_error_count (ctx->diag);
  xsltStylesheetPtr style = gw_stylesheet_cache_lookup (srv->styles, ctx, spec->xsl_path);
  char **params = check_params_new (srv, rec);
  xmlDocPtr fo = style ? gw_transform_apply (ctx, style, rec->doc, (const char *const *) params,
                                             FALSE)
                       : NULL;
  g_strfreev (params);
  int pages = -1;
  if (fo && gw_diag_error_count (ctx->diag) == errors)
    pages = gw_engine_render (srv->engine, fo, rec->path, out);
  xmlFreeDoc (fo);
  if (pages <= 0 || gw_diag_error_count (ctx->diag) > errors)
    {
      check_collect (srv, mark, NULL, NULL, problems);
      if (!problems->len)
        problem_add (problems, 0, NULL, NULL, _("making the document failed"));
      if (pages > 0 && out->pdf_path)
        g_unlink (out->pdf_path);
      return -1;
    }
  return pages;
}

/* Makes document `docno` of `rec` as PDF or one PNG page. */
GBytes *
gw_serve_render_new (gw_server *srv, const gw_record *rec, guint docno, guint page, double dpi,
                     int *pages, char **name, GPtrArray *problems)
{
  GPtrArray *docs = gw_record_documents (srv->ctx, srv->records, rec);
  if (!docs || docno >= docs->len)
    {
      problem_add (problems, 0, NULL, NULL, !docs ? _("the list of documents (xsl/documents.xml) is wrong")
                                                  : _("this record has no such document"));
      if (docs)
        g_ptr_array_unref (docs);
      return NULL;
    }
  const gw_docspec *spec = g_ptr_array_index (docs, docno);
  char *base = g_strdup_printf ("%s/r%u", srv->tmp_dir, srv->requests);
  char *pdf = g_strconcat (base, ".pdf", NULL);
  char *png = g_strconcat (base, ".png", NULL);
  gw_output out = { .pdf_path = page ? NULL : pdf, .png_path = page ? png : NULL,
                    .png_page = page };
  double old_dpi = srv->ctx->dpi;
  srv->ctx->dpi = dpi;
  int n = check_format (srv, rec, spec, &out, problems);
  srv->ctx->dpi = old_dpi;
  GBytes *bytes = NULL;
  if (n > 0)
    {
      char *file = page ? g_strdup_printf ("%s-%u.png", base, page) : g_strdup (pdf);
      char *data = NULL;
      gsize len = 0;
      if (g_file_get_contents (file, &data, &len, NULL))
        bytes = g_bytes_new_take (data, len);
      else
        problem_add (problems, 0, NULL, NULL, _("no such page"));
      g_unlink (file);
      g_free (file);
    }
  if (pages)
    *pages = n;
  if (name)
    *name = g_strdup (spec->output_name);
  g_free (base);
  g_free (pdf);
  g_free (png);
  g_ptr_array_unref (docs);
  return bytes;
}

/* Writes every document of `rec` into the output folder. */
gboolean
gw_serve_render_all (gw_server *srv, const gw_record *rec, GPtrArray *names, GPtrArray *problems)
{
  GPtrArray *docs = gw_record_documents (srv->ctx, srv->records, rec);
  if (!docs)
    {
      problem_add (problems, 0, NULL, NULL, _("the list of documents (xsl/documents.xml) is wrong"));
      return FALSE;
    }
  gboolean ok = TRUE;
  for (guint i = 0; i < docs->len; i++)
    {
      const gw_docspec *spec = g_ptr_array_index (docs, i);
      char *file = g_strconcat (spec->output_name, ".pdf", NULL);
      char *pdf = g_build_filename (srv->out_dir, file, NULL);
      gw_output out = { .pdf_path = pdf };
      if (check_format (srv, rec, spec, &out, problems) > 0)
        {
          if (names)
            g_ptr_array_add (names, g_strdup (file));
        }
      else
        ok = FALSE;
      g_free (pdf);
      g_free (file);
    }
  g_ptr_array_unref (docs);
  return ok;
}
