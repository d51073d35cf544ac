/* api.c — the desk's API (README "The clerk's desk"): POST /api/validate, POST /api/render,
 * GET /api/records, GET/PUT /api/records/PATH (ETag / If-Match), GET /api/regimes,
 * GET /api/documents/PATH, POST /api/print. Paths are relative to the data folder and never
 * leave it. */
#include "serve/private.h"
#include "base/files.h"
#include "records/documents.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define JSON_TYPE "application/json; charset=utf-8"

/* The request body as a NUL-terminated string (borrowed) and its length. */
static const char *
api_body (SoupServerMessage *msg, gsize *len)
{
  SoupMessageBody *b = soup_server_message_get_request_body (msg);
  GBytes *bytes = soup_message_body_flatten (b);
  g_bytes_unref (bytes); /* the body keeps its own flattened copy */
  *len = (gsize) b->length;
  return b->data ? b->data : "";
}

/* Replies 422 with the problems as {"ok":false,"errors":[…]}. */
static void
api_problems (SoupServerMessage *msg, guint status, GPtrArray *problems)
{
  GString *out = g_string_new ("{\"ok\":false,\"errors\":");
  gw_json_problems (out, problems);
  g_string_append (out, "}\n");
  gw_serve_reply (msg, status, JSON_TYPE, out->str, out->len);
  g_string_free (out, TRUE);
}

/* Where a record posted for checking stands: ?path= (checked like any path), else a record
 * in the data folder's top. Caller frees; NULL when ?path= is refused. */
static char *
api_near_new (gw_server *srv, GHashTable *query)
{
  const char *rel = query ? g_hash_table_lookup (query, "path") : NULL;
  return rel ? gw_serve_resolve_new (srv, rel, FALSE) : g_build_filename (srv->root, "record.xml",
                                                                          NULL);
}

/* The computed values of a valid record, as the documents print them: each element that
 * names a regime deadline (@deadline, @from) with the regime's days and the date it counts
 * from, and the fine in words — made by xsl (web/computed.xsl, the gw: functions). Appends a
 * JSON array. */
static void
api_computed (gw_server *srv, const gw_record *rec, GString *out)
{
  char *xsl = g_build_filename (srv->web_dir, "computed.xsl", NULL);
  xsltStylesheetPtr style = g_file_test (xsl, G_FILE_TEST_IS_REGULAR)
                              ? gw_stylesheet_cache_lookup (srv->styles, srv->ctx, xsl) : NULL;
  GArray *refs = gw_record_regimes (srv->ctx, srv->records, rec);
  const gw_record *regime = refs->len ? g_array_index (refs, gw_regime_ref, 0).regime : NULL;
  const char *params[] = { "regime-href", regime && regime->uri ? regime->uri : "", NULL };
  xmlDocPtr res = style ? gw_transform_apply (srv->ctx, style, rec->doc, params, FALSE) : NULL;
  g_string_append_c (out, '[');
  guint k = 0;
  for (xmlNodePtr n = res && xmlDocGetRootElement (res) ? xmlDocGetRootElement (res)->children
                                                        : NULL;
       n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      xmlChar *path = xmlGetProp (n, BAD_CAST "path");
      xmlChar *text = xmlNodeGetContent (n);
      const char *label = gw_serve_label (srv, rec->kind, (const char *) path);
      g_string_append (out, k++ ? ",{\"path\":" : "{\"path\":");
      gw_json_str (out, (const char *) path);
      g_string_append (out, ",\"field\":");
      gw_json_str (out, label);
      g_string_append (out, ",\"value\":");
      gw_json_str (out, (const char *) text);
      g_string_append_c (out, '}');
      xmlFree (path);
      xmlFree (text);
    }
  g_string_append_c (out, ']');
  xmlFreeDoc (res);
  g_array_unref (refs);
  g_free (xsl);
}

/* POST /api/validate: the record in the body → {"ok","kind","errors","computed"}. */
static void
api_validate (gw_server *srv, SoupServerMessage *msg, GHashTable *query)
{
  gsize len;
  const char *xml = api_body (msg, &len);
  char *near = api_near_new (srv, query);
  if (!near)
    {
      gw_serve_error (msg, SOUP_STATUS_FORBIDDEN, _("the path is outside the data folder"));
      return;
    }
  GPtrArray *problems = gw_problems_new ();
  gw_record *rec = gw_serve_check_new (srv, xml, len, near, problems);
  GString *out = g_string_new (NULL);
  g_string_printf (out, "{\"ok\":%s,\"kind\":", rec ? "true" : "false");
  gw_json_str (out, rec ? rec->kind : NULL);
  g_string_append (out, ",\"errors\":");
  gw_json_problems (out, problems);
  g_string_append (out, ",\"computed\":");
  if (rec)
    api_computed (srv, rec, out);
  else
    g_string_append (out, "[]");
  g_string_append (out, ",\"documents\":[");
  GPtrArray *docs = rec ? gw_record_documents (srv->ctx, srv->records, rec) : NULL;
  for (guint i = 0; docs && i < docs->len; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      gw_json_str (out, ((const gw_docspec *) g_ptr_array_index (docs, i))->output_name);
    }
  if (docs)
    g_ptr_array_unref (docs);
  g_string_append (out, "]}\n");
  gw_serve_reply (msg, SOUP_STATUS_OK, JSON_TYPE, out->str, out->len);
  g_string_free (out, TRUE);
  gw_record_free (rec);
  g_ptr_array_unref (problems);
  g_free (near);
}

/* An unsigned query parameter (`def` when absent, G_MAXUINT when malformed). */
static guint
api_uint (GHashTable *query, const char *name, guint def)
{
  const char *v = query ? g_hash_table_lookup (query, name) : NULL;
  guint64 n = 0;
  if (!v)
    return def;
  if (!g_ascii_string_to_unsigned (v, 10, 0, 100000, &n, NULL))
    return G_MAXUINT;
  return (guint) n;
}

/* Sends document bytes: PDF or PNG, with the page count and the document's name. */
static void
api_send_document (SoupServerMessage *msg, GBytes *bytes, gboolean png, int pages,
                   const char *name, gboolean download)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  char *n = g_strdup_printf ("%d", pages);
  soup_message_headers_replace (h, "X-Pages", n);
  g_free (n);
  char *esc = g_uri_escape_string (name ? name : "document", NULL, FALSE);
  char *disp = g_strdup_printf ("%s; filename*=UTF-8''%s.%s", download ? "attachment" : "inline",
                                esc, png ? "png" : "pdf");
  soup_message_headers_replace (h, "Content-Disposition", disp);
  soup_message_headers_replace (h, "X-Document-Name", esc);
  g_free (disp);
  g_free (esc);
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  gw_serve_reply (msg, SOUP_STATUS_OK, png ? "image/png" : "application/pdf", data, len);
}

/* Renders `rec` as the query asks: ?document=N (1-based), ?format=png&page=K&dpi=D. */
static void
api_render_record (gw_server *srv, SoupServerMessage *msg, GHashTable *query,
                   const gw_record *rec, gboolean download)
{
  const char *format = query ? g_hash_table_lookup (query, "format") : NULL;
  gboolean png = format && !strcmp (format, "png");
  guint doc = api_uint (query, "document", 1), page = api_uint (query, "page", 1);
  guint dpi = api_uint (query, "dpi", 72);
  if ((format && !png && strcmp (format, "pdf")) || doc == 0 || doc == G_MAXUINT || page == 0
      || page == G_MAXUINT || dpi < 20 || dpi > 300)
    {
      gw_serve_error (msg, SOUP_STATUS_BAD_REQUEST,
                      _("bad parameters (document and page count from 1, format is pdf or png, "
                        "dpi 20–300)"));
      return;
    }
  GPtrArray *problems = gw_problems_new ();
  int pages = 0;
  char *name = NULL;
  GBytes *bytes = gw_serve_render_new (srv, rec, doc - 1, png ? page : 0, dpi, &pages, &name,
                                       problems);
  if (bytes)
    api_send_document (msg, bytes, png, pages, name, download);
  else
    api_problems (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, problems);
  if (bytes)
    g_bytes_unref (bytes);
  g_free (name);
  g_ptr_array_unref (problems);
}

/* POST /api/render: the record in the body → its document as PDF or a PNG page. */
static void
api_render (gw_server *srv, SoupServerMessage *msg, GHashTable *query)
{
  gsize len;
  const char *xml = api_body (msg, &len);
  char *near = api_near_new (srv, query);
  if (!near)
    {
      gw_serve_error (msg, SOUP_STATUS_FORBIDDEN, _("the path is outside the data folder"));
      return;
    }
  GPtrArray *problems = gw_problems_new ();
  gw_record *rec = gw_serve_check_new (srv, xml, len, near, problems);
  if (rec)
    api_render_record (srv, msg, query, rec, FALSE);
  else
    api_problems (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, problems);
  gw_record_free (rec);
  g_ptr_array_unref (problems);
  g_free (near);
}

/* Appends the regime records found in `dir` (regime-*.xml, not recursive) not yet in `seen`
 * as JSON objects {"id","title","rules":[{"id","kind","text"}]}. */
static void
api_regimes_in (gw_server *srv, const char *dir, GHashTable *seen, GString *out)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, "regime") && g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  if (d)
    g_dir_close (d);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      gw_record_status st;
      gw_record *rec = gw_record_load (srv->ctx, srv->records, path, &st);
      if (rec && !strcmp (rec->kind, "regime") && rec->id && !g_hash_table_contains (seen, rec->id))
        {
          g_hash_table_add (seen, g_strdup (rec->id));
          xmlNodePtr root = xmlDocGetRootElement (rec->doc);
          g_string_append (out, out->len > 1 ? ",{\"id\":" : "{\"id\":");
          gw_json_str (out, rec->id);
          xmlChar *title = NULL;
          for (xmlNodePtr c = root->children; c && !title; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !xmlStrcmp (c->name, BAD_CAST "title"))
              title = xmlNodeGetContent (c);
          g_string_append (out, ",\"title\":");
          gw_json_str (out, (const char *) title);
          xmlFree (title);
          g_string_append (out, ",\"rules\":[");
          guint k = 0;
          for (xmlNodePtr c = root->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !xmlStrcmp (c->name, BAD_CAST "rules"))
              for (xmlNodePtr r = c->children; r; r = r->next)
                {
                  xmlChar *id = r->type == XML_ELEMENT_NODE ? xmlGetProp (r, BAD_CAST "id") : NULL;
                  if (!id)
                    continue;
                  xmlChar *text = xmlNodeGetContent (r);
                  glong n = g_utf8_strlen ((char *) text, -1);
                  char *cut = g_utf8_substring ((char *) text, 0, MIN (n, 40));
                  g_string_append (out, k++ ? ",{\"id\":" : "{\"id\":");
                  gw_json_str (out, (const char *) id);
                  g_string_append (out, ",\"kind\":");
                  gw_json_str (out, (const char *) r->name);
                  g_string_append (out, ",\"text\":");
                  gw_json_str (out, g_strstrip (cut));
                  g_string_append_c (out, '}');
                  g_free (cut);
                  xmlFree (text);
                  xmlFree (id);
                }
          g_string_append (out, "]}");
        }
      gw_record_free (rec);
      g_free (path);
    }
  g_ptr_array_unref (names);
}

/* GET /api/regimes: the regimes (the data folder's, then the installed ones) and their rules,
 * for the forms' selects. */
static void
api_regimes (gw_server *srv, SoupServerMessage *msg)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_new ("[");
  api_regimes_in (srv, srv->root, seen, out);
  char *xml = g_build_filename (srv->ctx->data_dir, "xml", NULL);
  api_regimes_in (srv, xml, seen, out);
  g_free (xml);
  g_string_append (out, "]\n");
  gw_serve_reply (msg, SOUP_STATUS_OK, JSON_TYPE, out->str, out->len);
  g_string_free (out, TRUE);
  g_hash_table_unref (seen);
}

/* GET /api/documents/PATH?document=N[&format=png&page=K]: a saved record's document, as a
 * download. */
static void
api_documents (gw_server *srv, SoupServerMessage *msg, const char *rel, GHashTable *query)
{
  char *abs = gw_serve_resolve_new (srv, rel, TRUE);
  if (!abs)
    {
      gw_serve_error (msg, SOUP_STATUS_NOT_FOUND, _("no such record (or the path is outside the data folder)"));
      return;
    }
  gsize mark = strlen (gw_diag_messages (srv->ctx->diag));
  gw_record_status st;
  gw_record *rec = gw_record_load (srv->ctx, srv->records, abs, &st);
  if (rec)
    api_render_record (srv, msg, query, rec, TRUE);
  else
    gw_serve_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY,
                    *(gw_diag_messages (srv->ctx->diag) + mark)
                      ? gw_diag_messages (srv->ctx->diag) + mark : _("not a valid record"));
  gw_record_free (rec);
  g_free (abs);
}

/* POST /api/print with record paths (one a line) in the body: the combined duplex print file
 * of their documents, made by `gongwen batch --combine` in a child process (the documents
 * land in the output folder too). */
static void
api_print (gw_server *srv, SoupServerMessage *msg)
{
  gsize len;
  const char *body = api_body (msg, &len);
  char *text = g_strndup (body, len);
  char **lines = g_strsplit (text, "\n", -1);
  char *exe = realpath ("/proc/self/exe", NULL);
  char *pdf = g_build_filename (srv->tmp_dir, "print.pdf", NULL);
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_strdup (exe ? exe : "gongwen"));
  const char *fixed[] = { "batch", "-q", "-o", srv->out_dir, "--combine", pdf, "--" };
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (argv, g_strdup (fixed[i]));
  guint n = 0;
  gboolean ok = TRUE;
  for (char **l = lines; *l && ok; l++)
    {
      char *rel = g_strstrip (g_strdup (*l));
      char *abs = *rel ? gw_serve_resolve_new (srv, rel, TRUE) : NULL;
      if (*rel && !abs)
        ok = FALSE;
      if (abs)
        {
          g_ptr_array_add (argv, abs);
          n++;
        }
      g_free (rel);
    }
  g_ptr_array_add (argv, NULL);
  char *err = NULL;
  int status = -1;
  char *data = NULL;
  gsize dlen = 0;
  if (!ok || !n || n > 500)
    gw_serve_error (msg, SOUP_STATUS_BAD_REQUEST, _("give 1–500 records of the data folder (one path a line)"));
  else if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                          NULL, NULL, &err, &status, NULL)
           || !g_spawn_check_wait_status (status, NULL)
           || !g_file_get_contents (pdf, &data, &dlen, NULL))
    gw_serve_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, err && *err ? err : _("combining the print file failed"));
  else
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Content-Disposition",
                                    "attachment; filename*=UTF-8''%E6%89%93%E5%8D%B0.pdf");
      gw_serve_reply (msg, SOUP_STATUS_OK, "application/pdf", data, dlen);
    }
  g_unlink (pdf);
  g_free (data);
  g_free (err);
  g_ptr_array_unref (argv);
  free (exe);
  g_free (pdf);
  g_strfreev (lines);
  g_free (text);
}

/* Answers a request under /api/. */
void
gw_serve_api (gw_server *srv, SoupServerMessage *msg, const char *path, GHashTable *query)
{
  gint64 t0 = g_get_monotonic_time ();
  const char *method = soup_server_message_get_method (msg);
  gboolean get = !strcmp (method, "GET") || !strcmp (method, "HEAD");
  gboolean post = !strcmp (method, "POST"), put = !strcmp (method, "PUT");
  if (!strcmp (path, "validate") && post)
    api_validate (srv, msg, query);
  else if (!strcmp (path, "render") && post)
    api_render (srv, msg, query);
  else if (!strcmp (path, "print") && post)
    api_print (srv, msg);
  else if (!strcmp (path, "records") && get)
    gw_serve_list (srv, msg, query);
  else if (!strcmp (path, "regimes") && get)
    api_regimes (srv, msg);
  else if (g_str_has_prefix (path, "records/") && get)
    gw_serve_get (srv, msg, path + 8);
  else if (g_str_has_prefix (path, "records/") && put)
    gw_serve_put (srv, msg, path + 8);
  else if (g_str_has_prefix (path, "documents/") && get)
    api_documents (srv, msg, path + 10, query);
  else
    gw_serve_error (msg, g_str_has_prefix (path, "records/") || !strcmp (path, "validate")
                           || !strcmp (path, "render") || !strcmp (path, "records")
                      ? SOUP_STATUS_METHOD_NOT_ALLOWED : SOUP_STATUS_NOT_FOUND,
                    _("no such API (or not with this method)"));
  /* the server's own time for the request, as browsers' developer tools show it */
  char *timing = g_strdup_printf ("app;dur=%.1f", (double) (g_get_monotonic_time () - t0) / 1000.0);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Server-Timing",
                                timing);
  g_free (timing);
}
