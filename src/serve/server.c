/* server.c — the desk's HTTP server (libsoup 3): listening (loopback unless told), the checks
 * every request passes before anything else (its Host, the token, the origin of a request
 * that changes something, the body size), routing, and the static files of the desk. */
#include "serve/private.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* The content type of a static file, from its extension. */
static const char *
serve_type (const char *name)
{
  static const char *const types[][2] = {
    { ".html", "text/html; charset=utf-8" },  { ".css", "text/css; charset=utf-8" },
    { ".js", "text/javascript; charset=utf-8" }, { ".png", "image/png" },
    { ".svg", "image/svg+xml" },              { ".rng", "application/xml; charset=utf-8" },
    { ".xml", "application/xml; charset=utf-8" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (name, types[i][0]))
      return types[i][1];
  return "application/octet-stream";
}

/* Sends file `name` of folder `dir`; `name` must be a plain file name (letters, digits, '.',
 * '-', '_', no leading dot): anything else is not found. */
static void
serve_file (SoupServerMessage *msg, const char *dir, const char *name)
{
  if (!*name || name[0] == '.'
      || strspn (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
           != strlen (name))
    {
      gw_serve_error (msg, SOUP_STATUS_NOT_FOUND, _("no such file"));
      return;
    }
  char *path = g_build_filename (dir, name, NULL);
  char *data = NULL;
  gsize len = 0;
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_file_get_contents (path, &data, &len, NULL))
    gw_serve_reply (msg, SOUP_STATUS_OK, serve_type (name), data, len);
  else
    gw_serve_error (msg, SOUP_STATUS_NOT_FOUND, _("no such file"));
  g_free (data);
  g_free (path);
}

/* TRUE when the request's Host is one of the server's own names (DNS rebinding: a foreign
 * name pointing at 127.0.0.1 is refused). */
static gboolean
serve_host_ok (gw_server *srv, SoupServerMessage *msg)
{
  const char *host = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Host");
  if (!host)
    return FALSE;
  for (guint i = 0; i < srv->hosts->len; i++)
    if (!g_ascii_strcasecmp (host, g_ptr_array_index (srv->hosts, i)))
      return TRUE;
  return FALSE;
}

/* The value of cookie `name` in the request, or NULL (caller frees). */
static char *
serve_cookie_new (SoupServerMessage *msg, const char *name)
{
  const char *hdr = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                  "Cookie");
  if (!hdr)
    return NULL;
  char **parts = g_strsplit (hdr, ";", -1);
  char *val = NULL;
  gsize nlen = strlen (name);
  for (char **p = parts; *p && !val; p++)
    {
      const char *s = *p + strspn (*p, " ");
      if (!strncmp (s, name, nlen) && s[nlen] == '=')
        val = g_strdup (s + nlen + 1);
    }
  g_strfreev (parts);
  return val;
}

/* TRUE when the request carries the server's token (query ?token=, header X-Gongwen-Token or
 * cookie gongwen-token), or no token is needed. A token in the query sets the cookie, so the
 * page's own requests carry it. */
static gboolean
serve_token_ok (gw_server *srv, SoupServerMessage *msg, GHashTable *query)
{
  if (!srv->token)
    return TRUE;
  const char *q = query ? g_hash_table_lookup (query, "token") : NULL;
  const char *h = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                "X-Gongwen-Token");
  char *c = serve_cookie_new (msg, "gongwen-token");
  gboolean ok = (q && !strcmp (q, srv->token)) || (h && !strcmp (h, srv->token))
                || (c && !strcmp (c, srv->token));
  g_free (c);
  if (ok && q)
    {
      char *set = g_strdup_printf ("gongwen-token=%s; Path=/; HttpOnly; SameSite=Strict",
                                   srv->token);
      soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie",
                                   set);
      g_free (set);
    }
  return ok;
}

/* TRUE when a request that may change something comes from the desk's own pages (or from a
 * script, which sends neither header): Origin, when sent, must be this server; Sec-Fetch-Site,
 * when sent, same-origin or none. */
static gboolean
serve_origin_ok (SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *origin = soup_message_headers_get_one (h, "Origin");
  const char *site = soup_message_headers_get_one (h, "Sec-Fetch-Site");
  const char *host = soup_message_headers_get_one (h, "Host");
  if (site && strcmp (site, "same-origin") && strcmp (site, "none"))
    return FALSE;
  if (origin)
    {
      char *own = g_strdup_printf ("http://%s", host ? host : "");
      gboolean same = !g_ascii_strcasecmp (origin, own);
      g_free (own);
      return same;
    }
  return TRUE;
}

/* Before the body is read: refuses a body larger than the cap (413) or of unknown length
 * (411), so no request makes the server hold more than max_body bytes. */
static void
serve_early (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer data)
{
  gw_server *srv = data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  goffset len = soup_message_headers_get_content_length (h);
  SoupEncoding enc = soup_message_headers_get_encoding (h);
  if (enc == SOUP_ENCODING_CHUNKED || enc == SOUP_ENCODING_EOF)
    gw_serve_error (msg, SOUP_STATUS_LENGTH_REQUIRED, _("the request needs a Content-Length"));
  else if (len > (goffset) srv->max_body)
    gw_serve_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, _("the request body is too large"));
  else
    return;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                "close");
}

/* Answers one request: the safety checks, then the route. */
static void
serve_handle (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer data)
{
  gw_server *srv = data;
  srv->requests++;
  gw_diag_reset (srv->ctx->diag); /* a request's messages only; a bad one leaves nothing */
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *rh = soup_server_message_get_response_headers (msg);
  soup_message_headers_replace (rh, "Cache-Control", "no-store");
  soup_message_headers_replace (rh, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (rh, "X-Frame-Options", "DENY");
  soup_message_headers_replace (rh, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (rh, "Content-Security-Policy",
                                "default-src 'self'; img-src 'self' blob: data:; "
                                "frame-ancestors 'none'; form-action 'self'");
  gboolean reads = !strcmp (method, "GET") || !strcmp (method, "HEAD");
  if (!srv->token && !serve_host_ok (srv, msg)) /* with a token, the token is the guard (the
                                                    machine's names are not all known) */
    gw_serve_error (msg, SOUP_STATUS_MISDIRECTED_REQUEST, _("the Host is not this server (refused)"));
  else if (!serve_token_ok (srv, msg, query))
    gw_serve_error (msg, SOUP_STATUS_FORBIDDEN, _("the token is missing or wrong"));
  else if (!reads && !serve_origin_ok (msg))
    gw_serve_error (msg, SOUP_STATUS_FORBIDDEN, _("a request from another site is refused"));
  else if (!reads && strcmp (method, "POST") && strcmp (method, "PUT"))
    gw_serve_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, _("method not supported"));
  else if (g_str_has_prefix (path, "/api/"))
    gw_serve_api (srv, msg, path + 5, query);
  else if (!reads)
    gw_serve_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, _("method not supported"));
  else if (!strcmp (path, "/"))
    serve_file (msg, srv->web_dir, "index.html");
  else if (g_str_has_prefix (path, "/new/") || g_str_has_prefix (path, "/edit/"))
    serve_file (msg, srv->web_dir, "form.html");
  else if (g_str_has_prefix (path, "/web/"))
    serve_file (msg, srv->web_dir, path + 5);
  else if (g_str_has_prefix (path, "/schema/")
           && (g_str_has_suffix (path, ".rng") || g_str_has_suffix (path, ".labels.xml")))
    serve_file (msg, srv->schema_dir, path + 8);
  else
    gw_serve_error (msg, SOUP_STATUS_NOT_FOUND, _("no such web page"));
  if (soup_server_message_get_status (msg) >= 400)
    {
      /* an answer to a refused request says so on stderr, in one line */
      GString *line = g_string_new (NULL);
      g_string_printf (line, "%s %s: %u", method, path, soup_server_message_get_status (msg));
      g_printerr ("gongwen serve: %s\n", line->str);
      g_string_free (line, TRUE);
    }
}

/* Stops the main loop on SIGINT/SIGTERM. */
static gboolean
serve_stop (gpointer data)
{
  g_main_loop_quit (((gw_server *) data)->loop);
  return G_SOURCE_CONTINUE;
}

/* 32 hex digits from the kernel's random source, or NULL. */
static char *
serve_token_new (void)
{
  guint8 b[16];
  if (getrandom (b, sizeof b, 0) != (ssize_t) sizeof b)
    return NULL;
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < sizeof b; i++)
    g_string_append_printf (s, "%02x", b[i]);
  return g_string_free (s, FALSE);
}

/* The folder of the desk's web files: $GW_DATADIR/web, <data_dir>/src/serve/web (the source
 * tree) or <data_dir>/web (installed). Caller frees. */
static char *
serve_web_dir_new (gw_ctx *ctx)
{
  const char *env = g_getenv ("GW_DATADIR");
  char *cand[] = { env && *env ? g_build_filename (env, "web", NULL) : NULL,
                   g_build_filename (ctx->data_dir, "src", "serve", "web", NULL),
                   g_build_filename (ctx->data_dir, "web", NULL) };
  char *found = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (cand); i++)
    {
      char *probe = cand[i] ? g_build_filename (cand[i], "form.html", NULL) : NULL;
      if (!found && probe && g_file_test (probe, G_FILE_TEST_IS_REGULAR))
        found = g_strdup (cand[i]);
      g_free (probe);
      g_free (cand[i]);
    }
  return found;
}

/* Listens on the loopback address or on `listen`; fills srv->port and srv->hosts. */
static gboolean
serve_listen (gw_server *srv, const gw_serve_opts *opts)
{
  GError *err = NULL;
  gboolean ok;
  if (!opts->listen)
    ok = soup_server_listen_local (srv->soup, opts->port, SOUP_SERVER_LISTEN_IPV4_ONLY, &err);
  else
    {
      GInetAddress *ia = g_inet_address_new_from_string (opts->listen);
      if (!ia)
        {
          gw_diag_error (srv->ctx->diag, NULL, 0, _("--listen '%s': not an IP address"),
                         opts->listen);
          return FALSE;
        }
      GSocketAddress *sa = g_inet_socket_address_new (ia, opts->port);
      ok = soup_server_listen (srv->soup, sa, 0, &err);
      g_object_unref (sa);
      g_object_unref (ia);
    }
  if (!ok)
    {
      gw_diag_error (srv->ctx->diag, NULL, 0, _("cannot listen: %s"), err->message);
      g_error_free (err);
      return FALSE;
    }
  GSList *uris = soup_server_get_uris (srv->soup);
  srv->port = uris ? (guint) g_uri_get_port (uris->data) : opts->port;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  const char *names[] = { "127.0.0.1", "localhost", "[::1]", NULL };
  for (guint i = 0; names[i]; i++)
    g_ptr_array_add (srv->hosts, g_strdup_printf ("%s:%u", names[i], srv->port));
  if (opts->listen)
    g_ptr_array_add (srv->hosts, g_strdup_printf (strchr (opts->listen, ':') ? "[%s]:%u" : "%s:%u",
                                                  opts->listen, srv->port));
  return TRUE;
}

/* Frees what the server owns. */
static void
serve_clear (gw_server *srv)
{
  if (srv->soup)
    {
      soup_server_disconnect (srv->soup);
      g_object_unref (srv->soup);
    }
  g_clear_pointer (&srv->loop, g_main_loop_unref);
  gw_engine_free (srv->engine);
  gw_record_cache_free (srv->records);
  gw_stylesheet_cache_free (srv->styles);
  g_clear_pointer (&srv->labels, g_hash_table_unref);
  if (srv->tmp_dir)
    g_rmdir (srv->tmp_dir);
  g_free (srv->tmp_dir);
  g_free (srv->root);
  g_free (srv->out_dir);
  g_free (srv->web_dir);
  g_free (srv->schema_dir);
  g_free (srv->token);
  g_clear_pointer (&srv->hosts, g_ptr_array_unref);
}

/* Runs the server until SIGINT/SIGTERM. */
int
gw_serve_run (gw_ctx *ctx, const gw_serve_opts *opts)
{
  gw_server srv = { .ctx = ctx, .max_body = opts->max_body };
  srv.hosts = g_ptr_array_new_with_free_func (g_free);
  srv.root = realpath (opts->folder, NULL);
  if (!srv.root || !g_file_test (srv.root, G_FILE_TEST_IS_DIR))
    {
      gw_diag_error (ctx->diag, opts->folder, 0, _("not a folder"));
      free (srv.root);
      srv.root = NULL;
      serve_clear (&srv);
      return 1;
    }
  char *root = srv.root; /* realpath's malloc'd string into a g_free'd one */
  srv.root = g_strdup (root);
  free (root);
  srv.web_dir = serve_web_dir_new (ctx);
  if (!srv.web_dir)
    {
      gw_diag_error (ctx->diag, NULL, 0, _("the desk's web files (form.html) are not installed "
                       "under %s/web"), ctx->data_dir);
      serve_clear (&srv);
      return 1;
    }
  srv.schema_dir = g_build_filename (ctx->data_dir, "xml", "schema", NULL);
  srv.out_dir = g_build_filename (srv.root, "out", NULL);
  srv.tmp_dir = g_dir_make_tmp ("gongwen-desk-XXXXXX", NULL);
  if (!srv.tmp_dir || (g_mkdir_with_parents (srv.out_dir, 0755) && errno != EEXIST))
    {
      gw_diag_error (ctx->diag, srv.out_dir, 0, _("cannot create the output folder"));
      serve_clear (&srv);
      return 1;
    }
  gw_ctx_allow_root (ctx, srv.root);
  gw_ctx_limit_memory (ctx);
  gw_transform_init ();
  srv.engine = gw_engine_new (ctx);
  srv.records = gw_record_cache_new ();
  srv.styles = gw_stylesheet_cache_new ();
  srv.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_hash_table_unref);
  srv.soup = soup_server_new ("server-header", "gongwen", NULL);
  if (opts->listen && !(srv.token = serve_token_new ()))
    {
      gw_diag_error (ctx->diag, NULL, 0, _("no random source for the token"));
      serve_clear (&srv);
      return 1;
    }
  if (!serve_listen (&srv, opts))
    {
      serve_clear (&srv);
      return 1;
    }
  soup_server_add_early_handler (srv.soup, NULL, serve_early, &srv, NULL);
  soup_server_add_handler (srv.soup, NULL, serve_handle, &srv, NULL);
  char *url = g_strdup_printf ("http://%s/%s%s", (char *) g_ptr_array_index (srv.hosts,
                               opts->listen ? 3 : 0), srv.token ? "?token=" : "",
                               srv.token ? srv.token : "");
  printf ("%s\n", url);
  fflush (stdout);
  if (srv.token)
    g_printerr (_("gongwen serve: listening on %s: every request needs the token %s "
                  "(open the URL above once; it sets a cookie)\n"), opts->listen, srv.token);
  g_printerr (_("gongwen serve: the desk on %s (Ctrl-C stops)\n"), srv.root);
  if (opts->open_browser)
    {
      char *argv[] = { (char *) "xdg-open", url, NULL };
      GError *err = NULL;
      if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                          | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, &err))
        {
          g_printerr (_("gongwen serve: --open: %s; open %s yourself\n"), err->message, url);
          g_error_free (err);
        }
    }
  g_free (url);
  gw_diag_set_keep (ctx->diag, TRUE);
  gw_diag_set_quiet (ctx->diag, TRUE);
  srv.loop = g_main_loop_new (NULL, FALSE);
  guint s1 = g_unix_signal_add (SIGINT, serve_stop, &srv);
  guint s2 = g_unix_signal_add (SIGTERM, serve_stop, &srv);
  g_main_loop_run (srv.loop);
  g_source_remove (s1);
  g_source_remove (s2);
  g_printerr (ngettext ("gongwen serve: stopped after %u request\n",
                        "gongwen serve: stopped after %u requests\n", srv.requests), srv.requests);
  serve_clear (&srv);
  return 0;
}
