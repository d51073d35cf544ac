/* private.h — shared by the files of src/serve: the server state and the handlers.
 * server.c: listening, the safety checks every request passes, routing, static files;
 * api.c: the JSON/XML/PDF/PNG API; folder.c: the records in the data folder (paths, list,
 * get, save); check.c: checking and rendering one record; reply.c: responses and JSON. */
#ifndef GW_SERVE_PRIVATE_H
#define GW_SERVE_PRIVATE_H

#include "serve/serve.h"
#include "base/i18n.h"
#include "engine/engine.h"
#include "records/record.h"
#include "transform/transform.h"

#include <libsoup/soup.h>

typedef struct gw_server {
  /* borrowed */
  gw_ctx *ctx;                  /* the process's context (its diag keeps, quietly) */
  /* owned: one of each for the server's lifetime, so a preview costs only its layout */
  gw_engine *engine;            /* fonts and shaping cache */
  gw_record_cache *records;     /* schemas, regimes, registry */
  gw_stylesheet_cache *styles;  /* compiled stylesheets */
  GHashTable *labels;           /* kind → (GHashTable path → label), read on first use */
  SoupServer *soup;
  GMainLoop *loop;
  char *root;                   /* the data folder, canonical (realpath) */
  char *out_dir;                /* <root>/out: the saved records' documents */
  char *web_dir;                /* the HTML/CSS/JS of the desk */
  char *schema_dir;             /* <data_dir>/xml/schema */
  char *tmp_dir;                /* private scratch folder for previews (removed at exit) */
  char *token;                  /* required from every request when listening beyond
                                   loopback, else NULL */
  GPtrArray *hosts;             /* the Host values accepted (char *) */
  /* values */
  gsize max_body;
  guint port;
  guint requests;               /* served so far (a counter for scratch names) */
} gw_server;

/* One problem found in a record, for the API and the form. */
typedef struct gw_problem {
  long line;      /* 0 when unknown */
  char *path;     /* field path (labels.md) or NULL */
  char *field;    /* its label, or NULL */
  char *message;  /* the message without its file prefix */
} gw_problem;

/* check.c */
/* Checks the record XML `xml` as if saved at `near` (an absolute path under the root, from
 * gw_serve_resolve_new): written to a hidden temporary file beside it, loaded (schema and
 * rules: regimes are found from there), removed.
 * Fills `problems` (gw_problem *, the array frees them) and returns the loaded record (caller
 * owns) when valid, else NULL. */
gw_record *gw_serve_check_new (gw_server *srv, const char *xml, gsize len, const char *near,
                               GPtrArray *problems) G_GNUC_WARN_UNUSED_RESULT;
/* A new array for gw_serve_check_new's problems. */
GPtrArray *gw_problems_new (void) G_GNUC_WARN_UNUSED_RESULT;
/* Makes document `docno` (0-based) of `rec`: a PDF (`page` 0) or the PNG of page `page` at
 * `dpi`. Returns the bytes (caller owns) or NULL with problems added; *pages gets the page
 * count and *name the document's output name (caller frees) when not NULL. */
GBytes *gw_serve_render_new (gw_server *srv, const gw_record *rec, guint docno, guint page,
                             double dpi, int *pages, char **name, GPtrArray *problems)
  G_GNUC_WARN_UNUSED_RESULT;
/* Writes every document of `rec` as <out_dir>/<name>.pdf; FALSE with problems added. The
 * names written are appended to `names` (char *) when not NULL. */
gboolean gw_serve_render_all (gw_server *srv, const gw_record *rec, GPtrArray *names,
                              GPtrArray *problems);
/* The label of `path` in the label table of `kind`, or NULL (borrowed). */
const char *gw_serve_label (gw_server *srv, const char *kind, const char *path);

/* reply.c */
/* Sets a response: status, content type, body (copied). */
void gw_serve_reply (SoupServerMessage *msg, guint status, const char *type, const char *body,
                     gsize len);
/* Sets a JSON error response {"ok":false,"error":message}. */
void gw_serve_error (SoupServerMessage *msg, guint status, const char *message);

/* Appends `s` as a JSON string (quoted, escaped; NULL → null). */
void gw_json_str (GString *out, const char *s);
/* Appends the problems as a JSON array of {"line","field","path","message"}. */
void gw_json_problems (GString *out, GPtrArray *problems);

/* api.c */
/* Answers a request under /api/ (`path` without the "/api/" prefix). */
void gw_serve_api (gw_server *srv, SoupServerMessage *msg, const char *path, GHashTable *query);

/* folder.c */
/* The absolute path of the record `rel` (relative to the root, URL-decoded): NULL when it
 * leaves the root (.., hidden parts, symlinks), is not *.xml, or (with `must_exist`) is not
 * a regular file. */
char *gw_serve_resolve_new (gw_server *srv, const char *rel, gboolean must_exist)
  G_GNUC_WARN_UNUSED_RESULT;
/* GET /api/records[?today=YYYY-MM-DD]: {"kinds","today","records","ledger"}. */
void gw_serve_list (gw_server *srv, SoupServerMessage *msg, GHashTable *query);
/* GET /api/records/PATH: the record's XML with its ETag. */
void gw_serve_get (gw_server *srv, SoupServerMessage *msg, const char *rel);
/* PUT /api/records/PATH: saves a valid record (If-Match), then makes its documents. */
void gw_serve_put (gw_server *srv, SoupServerMessage *msg, const char *rel);

#endif
