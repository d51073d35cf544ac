/* folder.c — the records of the data folder for the desk: the list with states and the 台账
 * of rectification deadlines (GET /api/records), one record with its ETag (GET), saving one
 * (PUT: valid, If-Match, temporary file + rename, documents made), the regimes and rules for
 * the forms' selects (GET /api/regimes), a saved record's documents (GET /api/documents)
 * and the combined duplex print file (POST /api/print). */
#include "serve/private.h"
#include "base/files.h"
#include "base/isodate.h"
#include "base/sha256.h"
#include "records/documents.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define JSON_TYPE "application/json; charset=utf-8"
#define FOLDER_MAX_FILES 5000 /* records listed at most */

/* The absolute path of the record `rel`, or NULL when it is not one the desk may touch. */
char *
gw_serve_resolve_new (gw_server *srv, const char *rel, gboolean must_exist)
{
  char *dec = g_uri_unescape_string (rel, NULL);
  if (!dec || !*dec || dec[0] == '/' || strchr (dec, '\\') || !g_str_has_suffix (dec, ".xml")
      || !g_utf8_validate (dec, -1, NULL))
    {
      g_free (dec);
      return NULL;
    }
  char **parts = g_strsplit (dec, "/", -1);
  gboolean ok = TRUE;
  for (char **p = parts; *p; p++)
    if (!**p || **p == '.') /* "", ".", "..", hidden names */
      ok = FALSE;
  g_strfreev (parts);
  char *abs = ok ? g_build_filename (srv->root, dec, NULL) : NULL;
  g_free (dec);
  if (!abs)
    return NULL;
  /* the folder it is in, with every symlink resolved, must be the root or under it */
  char *dir = g_path_get_dirname (abs);
  char *real = realpath (dir, NULL);
  gsize rlen = strlen (srv->root);
  ok = real && (!strcmp (real, srv->root)
                || (!strncmp (real, srv->root, rlen) && real[rlen] == '/'));
  free (real);
  g_free (dir);
  struct stat st;
  if (ok && lstat (abs, &st) == 0)
    ok = S_ISREG (st.st_mode); /* a symlink or anything else is refused */
  else if (ok)
    ok = !must_exist && errno == ENOENT;
  if (!ok)
    g_clear_pointer (&abs, g_free);
  return abs;
}

/* The first child element of `n` named `name`, or NULL. */
static xmlNodePtr
folder_child (xmlNodePtr n, const char *name)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !xmlStrcmp (c->name, BAD_CAST name))
      return c;
  return NULL;
}

/* The text of the element at `path` ('/'-separated) under `n`, or NULL (caller frees). */
static char *
folder_text_new (xmlNodePtr n, const char *path)
{
  char **parts = g_strsplit (path, "/", -1);
  for (char **p = parts; *p && n; p++)
    n = folder_child (n, *p);
  g_strfreev (parts);
  xmlChar *t = n ? xmlNodeGetContent (n) : NULL;
  char *s = t ? g_strstrip (g_strdup ((char *) t)) : NULL;
  xmlFree (t);
  return s;
}

/* Collects the *.xml files under `dir` (recursively; hidden names, symlinks and the output
 * folder skipped) as paths relative to the root, into `files`. */
static void
folder_walk (gw_server *srv, const char *dir, GPtrArray *files)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (!d)
    return;
  const char *name;
  while ((name = g_dir_read_name (d)) && files->len < FOLDER_MAX_FILES)
    {
      if (name[0] == '.')
        continue;
      char *path = g_build_filename (dir, name, NULL);
      struct stat st;
      if (lstat (path, &st) == 0 && S_ISDIR (st.st_mode) && strcmp (path, srv->out_dir))
        folder_walk (srv, path, files);
      else if (lstat (path, &st) == 0 && S_ISREG (st.st_mode) && g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (files, g_strdup (path + strlen (srv->root) + 1));
      g_free (path);
    }
  g_dir_close (d);
}

/* Compares two strings (for sorting a GPtrArray of char *). */
static int
folder_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Appends `rec`'s documents as JSON [{"name","state"}]: "current" when the PDF in the output
 * folder is newer than the record, "outdated", or "missing". *all_current is cleared when
 * any is not current. */
static void
folder_documents_json (gw_server *srv, const gw_record *rec, const struct stat *rst,
                       GString *out, gboolean *all_current)
{
  GPtrArray *docs = gw_record_documents (srv->ctx, srv->records, rec);
  g_string_append_c (out, '[');
  for (guint i = 0; docs && i < docs->len; i++)
    {
      const gw_docspec *d = g_ptr_array_index (docs, i);
      char *file = g_strconcat (d->output_name, ".pdf", NULL);
      char *pdf = g_build_filename (srv->out_dir, file, NULL);
      struct stat st;
      const char *state = stat (pdf, &st) ? "missing"
                          : st.st_mtim.tv_sec > rst->st_mtim.tv_sec
                              || (st.st_mtim.tv_sec == rst->st_mtim.tv_sec
                                  && st.st_mtim.tv_nsec >= rst->st_mtim.tv_nsec)
                            ? "current" : "outdated";
      if (strcmp (state, "current"))
        *all_current = FALSE;
      g_string_append (out, i ? ",{\"name\":" : "{\"name\":");
      gw_json_str (out, file);
      g_string_append_printf (out, ",\"state\":\"%s\"}", state);
      g_free (pdf);
      g_free (file);
    }
  g_string_append_c (out, ']');
  if (docs)
    g_ptr_array_unref (docs);
}

/* The document number of a case as printed (永质监责改〔2015〕14号), or NULL (caller frees). */
static char *
folder_doc_number_new (xmlNodePtr root)
{
  xmlNodePtr n = folder_child (root, "doc-number");
  if (!n)
    return NULL;
  xmlChar *pre = xmlGetProp (n, BAD_CAST "prefix"), *year = xmlGetProp (n, BAD_CAST "year");
  xmlChar *serial = xmlGetProp (n, BAD_CAST "serial"), *ord = xmlGetProp (n, BAD_CAST "ordinal");
  gboolean di = ord && (!xmlStrcmp (ord, BAD_CAST "true") || !xmlStrcmp (ord, BAD_CAST "1"));
  char *s = g_strdup_printf ("%s〔%s〕%s%s号", pre ? (char *) pre : "", year ? (char *) year : "",
                             di ? "第" : "", serial ? (char *) serial : "");
  xmlFree (pre);
  xmlFree (year);
  xmlFree (serial);
  xmlFree (ord);
  return s;
}

/* Adds a case to the 台账 when its rectification deadline has passed or falls within 7 days
 * of `today` and no re-inspection is recorded. */
static void
folder_ledger_add (const gw_record *rec, const char *rel, const char *today, GString *ledger)
{
  xmlNodePtr root = xmlDocGetRootElement (rec->doc);
  char *by = folder_text_new (root, "decision/rectify-by");
  char *done = folder_text_new (root, "dates/reinspected");
  GDate due, now;
  g_date_clear (&due, 1);
  g_date_clear (&now, 1);
  if (by)
    g_date_set_parse (&due, by);
  g_date_set_parse (&now, today);
  if (by && !done && g_date_valid (&due) && g_date_valid (&now)
      && g_date_days_between (&now, &due) <= 7)
    {
      char *name = folder_text_new (root, "enterprise/name");
      char *num = folder_doc_number_new (root);
      g_string_append (ledger, ledger->len > 1 ? ",{\"path\":" : "{\"path\":");
      gw_json_str (ledger, rel);
      g_string_append (ledger, ",\"id\":");
      gw_json_str (ledger, rec->id);
      g_string_append (ledger, ",\"enterprise\":");
      gw_json_str (ledger, name);
      g_string_append (ledger, ",\"number\":");
      gw_json_str (ledger, num);
      g_string_append (ledger, ",\"rectify_by\":");
      gw_json_str (ledger, by);
      g_string_append_printf (ledger, ",\"days_left\":%d}", g_date_days_between (&now, &due));
      g_free (name);
      g_free (num);
    }
  g_free (by);
  g_free (done);
}

/* GET /api/records[?today=YYYY-MM-DD]: {"kinds":[…],"records":[…],"ledger":[…]}. */
void
gw_serve_list (gw_server *srv, SoupServerMessage *msg, GHashTable *query)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  folder_walk (srv, srv->root, files);
  g_ptr_array_sort (files, folder_cmp);
  const char *q = query ? g_hash_table_lookup (query, "today") : NULL;
  GDateTime *now = g_date_time_new_now_local ();
  char *today = q ? g_strdup (q) : g_date_time_format (now, "%Y-%m-%d");
  g_date_time_unref (now);
  GString *out = g_string_new ("{\"kinds\":[");
  GDir *d = g_dir_open (srv->schema_dir, 0, NULL);
  const char *name;
  GPtrArray *kinds = g_ptr_array_new_with_free_func (g_free);
  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".rng"))
      g_ptr_array_add (kinds, g_strndup (name, strlen (name) - 4));
  if (d)
    g_dir_close (d);
  g_ptr_array_sort (kinds, folder_cmp);
  for (guint i = 0; i < kinds->len; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      gw_json_str (out, g_ptr_array_index (kinds, i));
    }
  g_ptr_array_unref (kinds);
  g_string_append (out, "],\"today\":");
  gw_json_str (out, today);
  g_string_append (out, ",\"records\":[");
  GString *ledger = g_string_new ("[");
  guint k = 0;
  for (guint i = 0; i < files->len; i++)
    {
      const char *rel = g_ptr_array_index (files, i);
      char *abs = g_build_filename (srv->root, rel, NULL);
      gsize mark = strlen (gw_diag_messages (srv->ctx->diag));
      gw_record_status st = GW_RECORD_INVALID;
      gw_record *rec = gw_record_load (srv->ctx, srv->records, abs, &st);
      if (st != GW_RECORD_NOT_RECORD)
        {
          g_string_append (out, k++ ? ",{\"path\":" : "{\"path\":");
          gw_json_str (out, rel);
          if (rec)
            {
              struct stat rst;
              gboolean current = TRUE;
              g_string_append (out, ",\"kind\":");
              gw_json_str (out, rec->kind);
              g_string_append (out, ",\"id\":");
              gw_json_str (out, rec->id);
              g_string_append (out, ",\"state\":\"valid\",\"documents\":");
              if (stat (abs, &rst) == 0)
                folder_documents_json (srv, rec, &rst, out, &current);
              else
                g_string_append (out, "[]");
              g_string_append_printf (out, ",\"documents_current\":%s}",
                                      current ? "true" : "false");
              if (!strcmp (rec->kind, "case"))
                folder_ledger_add (rec, rel, today, ledger);
            }
          else
            {
              /* its kind and id from a quiet parse, when it is well-formed */
              xmlDocPtr doc = xmlReadFile (abs, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR
                                                        | XML_PARSE_NOWARNING);
              xmlNodePtr r = doc ? xmlDocGetRootElement (doc) : NULL;
              xmlChar *id = r ? xmlGetProp (r, BAD_CAST "id") : NULL;
              g_string_append (out, ",\"kind\":");
              gw_json_str (out, r ? (const char *) r->name : NULL);
              g_string_append (out, ",\"id\":");
              gw_json_str (out, (const char *) id);
              xmlFree (id);
              xmlFreeDoc (doc);
              const char *all = gw_diag_messages (srv->ctx->diag) + mark;
              const char *nl = strchr (all, '\n');
              char *first = nl ? g_strndup (all, (gsize) (nl - all)) : g_strdup (all);
              g_string_append (out, ",\"state\":\"invalid\",\"error\":");
              gw_json_str (out, first);
              g_string_append (out, ",\"documents\":[],\"documents_current\":false}");
              g_free (first);
            }
        }
      gw_record_free (rec);
      g_free (abs);
    }
  g_string_append (ledger, "]");
  g_string_append_printf (out, "],\"ledger\":%s}\n", ledger->str);
  gw_serve_reply (msg, SOUP_STATUS_OK, JSON_TYPE, out->str, out->len);
  g_string_free (ledger, TRUE);
  g_string_free (out, TRUE);
  g_free (today);
  g_ptr_array_unref (files);
}

/* The ETag of a file's contents ("\"<sha256>\""), or NULL. Caller frees. */
static char *
folder_etag_new (const char *path)
{
  char *sum = gw_sha256_file_new (path);
  char *etag = sum ? g_strdup_printf ("\"%s\"", sum) : NULL;
  g_free (sum);
  return etag;
}

/* GET /api/records/PATH: the record's XML with its ETag. */
void
gw_serve_get (gw_server *srv, SoupServerMessage *msg, const char *rel)
{
  char *abs = gw_serve_resolve_new (srv, rel, TRUE);
  char *data = NULL;
  gsize len = 0;
  if (!abs)
    gw_serve_error (msg, SOUP_STATUS_NOT_FOUND, _("no such record (or the path is outside the data folder)"));
  else if (!gw_file_read_input (srv->ctx, abs, &data, &len))
    gw_serve_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("cannot read this record"));
  else
    {
      char *etag = folder_etag_new (abs);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag",
                                    etag);
      gw_serve_reply (msg, SOUP_STATUS_OK, "application/xml; charset=utf-8", data, len);
      g_free (etag);
    }
  g_free (data);
  g_free (abs);
}

/* Writes `len` bytes to a new temporary file beside `target`; its name (caller frees) or NULL. */
static char *
folder_write_temp_new (const char *target, const char *data, gsize len)
{
  char *tmp = gw_temp_template_new (target);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  gboolean ok = fd >= 0 && write (fd, data, len) == (ssize_t) len && fsync (fd) == 0;
  if (fd >= 0 && close (fd) != 0)
    ok = FALSE;
  if (!ok)
    {
      if (fd >= 0)
        g_unlink (tmp);
      g_clear_pointer (&tmp, g_free);
    }
  return tmp;
}

/* Replies 412: the record changed since the clerk loaded it (or appeared / vanished). */
static void
folder_conflict (SoupServerMessage *msg, const char *current)
{
  GString *out = g_string_new ("{\"ok\":false,\"conflict\":true,\"error\":");
  gw_json_str (out, current ? _("this record was changed elsewhere (another tab or an editor) and "
                                 "was not saved. Open the record again, then make the change.")
                            : _("this record no longer exists, or its path is taken: not saved."));
  g_string_append (out, ",\"etag\":");
  gw_json_str (out, current);
  g_string_append (out, "}\n");
  gw_serve_reply (msg, SOUP_STATUS_PRECONDITION_FAILED, JSON_TYPE, out->str, out->len);
  g_string_free (out, TRUE);
}

/* PUT /api/records/PATH: saves a valid record when If-Match carries the current ETag (a new
 * record: no If-Match, or If-None-Match: *), then makes its documents. */
void
gw_serve_put (gw_server *srv, SoupServerMessage *msg, const char *rel)
{
  char *abs = gw_serve_resolve_new (srv, rel, FALSE);
  if (!abs)
    {
      gw_serve_error (msg, SOUP_STATUS_FORBIDDEN, _("the path is outside the data folder, or not an .xml record"));
      return;
    }
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *if_match = soup_message_headers_get_one (h, "If-Match");
  char *current = g_file_test (abs, G_FILE_TEST_EXISTS) ? folder_etag_new (abs) : NULL;
  if (current ? !if_match || strcmp (if_match, current) : if_match != NULL)
    {
      folder_conflict (msg, current);
      g_free (current);
      g_free (abs);
      return;
    }
  SoupMessageBody *b = soup_server_message_get_request_body (msg);
  g_bytes_unref (soup_message_body_flatten (b));
  GPtrArray *problems = gw_problems_new ();
  gw_record *rec = gw_serve_check_new (srv, b->data ? b->data : "", (gsize) b->length, abs,
                                       problems);
  char *tmp = rec ? folder_write_temp_new (abs, b->data, (gsize) b->length) : NULL;
  char *now = g_file_test (abs, G_FILE_TEST_EXISTS) ? folder_etag_new (abs) : NULL;
  if (!rec)
    {
      GString *out = g_string_new ("{\"ok\":false,\"error\":");
      gw_json_str (out, _("the record has errors: not saved"));
      g_string_append (out, ",\"errors\":");
      gw_json_problems (out, problems);
      g_string_append (out, "}\n");
      gw_serve_reply (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, JSON_TYPE, out->str, out->len);
      g_string_free (out, TRUE);
    }
  else if (!tmp)
    gw_serve_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("cannot write into the data folder"));
  else if (g_strcmp0 (now, current)) /* changed while we checked */
    {
      g_unlink (tmp);
      folder_conflict (msg, now);
    }
  else if (g_rename (tmp, abs) != 0)
    {
      g_unlink (tmp);
      gw_serve_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("cannot save (renaming failed)"));
    }
  else
    {
      if (!strcmp (rec->kind, "regime")) /* the cached regimes may be this one: read again */
        {
          gw_record_free (rec);
          gw_record_cache_free (srv->records);
          srv->records = gw_record_cache_new ();
          gw_record_status st;
          rec = gw_record_load (srv->ctx, srv->records, abs, &st);
        }
      GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
      gboolean made = rec && gw_serve_render_all (srv, rec, names, problems);
      char *etag = folder_etag_new (abs);
      GString *out = g_string_new (NULL);
      g_string_printf (out, "{\"ok\":true,\"documents_made\":%s,\"etag\":",
                       made ? "true" : "false");
      gw_json_str (out, etag);
      g_string_append (out, ",\"path\":");
      gw_json_str (out, abs + strlen (srv->root) + 1);
      g_string_append (out, ",\"documents\":[");
      for (guint i = 0; i < names->len; i++)
        {
          if (i)
            g_string_append_c (out, ',');
          gw_json_str (out, g_ptr_array_index (names, i));
        }
      g_string_append (out, "],\"errors\":");
      gw_json_problems (out, problems);
      g_string_append (out, "}\n");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag",
                                    etag);
      gw_serve_reply (msg, current ? SOUP_STATUS_OK : SOUP_STATUS_CREATED, JSON_TYPE, out->str,
                      out->len);
      g_string_free (out, TRUE);
      g_free (etag);
      g_ptr_array_unref (names);
    }
  g_free (now);
  g_free (tmp);
  gw_record_free (rec);
  g_ptr_array_unref (problems);
  g_free (current);
  g_free (abs);
}
