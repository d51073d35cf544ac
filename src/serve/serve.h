/* serve.h — 'gongwen serve': the clerk's desk, a local web server on a data folder (libsoup
 * 3). Forms made from the record schemas and label tables (in the browser, from
 * src/serve/web), live checks and previews through a small JSON/PDF/PNG API, atomic saves
 * guarded by ETags. A driver like batch: it calls records, transform and engine; nothing
 * calls it. */
#ifndef GW_SERVE_H
#define GW_SERVE_H

#include "base/ctx.h"

typedef struct gw_serve_opts {
  const char *folder;    /* the data folder the desk works on (records, out/) */
  const char *listen;    /* address to listen on; NULL = the loopback address only */
  guint port;            /* 0 = any free port */
  gboolean open_browser; /* start the browser on the URL */
  gsize max_body;        /* largest request body in bytes */
} gw_serve_opts;

/* Runs the server until SIGINT/SIGTERM. Prints the URL as the first line on stdout. Returns
 * an exit status (0 after a clean stop, 1 when it could not start, reported through
 * ctx->diag). `ctx` is borrowed. */
int gw_serve_run (gw_ctx *ctx, const gw_serve_opts *opts);

#endif
