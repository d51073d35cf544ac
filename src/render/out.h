/* out.h — an output file written whole by a renderer: the bytes are collected in memory,
 * then written, flushed and closed with every step checked (render.c, ofd.c). */
#ifndef GW_RENDER_OUT_H
#define GW_RENDER_OUT_H

#include "base/ctx.h"
#include <stdio.h>

/* An output file for cairo's stream writers.  cairo 1.16 loses the write errors of its own
 * file writers (on a full disk it made a truncated PDF and reported success), so gongwen
 * collects the bytes, then writes and closes the file itself and checks every step. */
typedef struct {
  FILE *f;
  GByteArray *buf; /* the whole output, written by render_close */
  int err;         /* first errno, 0 = none */
  char **sha256;   /* where to put the hex SHA-256 of what was written, or NULL */
} gw_render_out;

/* Opens `path` for writing (`what` names it in messages: "PDF"); FALSE after reporting. */
gboolean gw_render_out_open (gw_ctx *ctx, gw_render_out *o, const char *path, const char *what)
  G_GNUC_WARN_UNUSED_RESULT;
/* Writes the collected bytes and closes the file; FALSE after reporting the first error. */
gboolean gw_render_out_close (gw_ctx *ctx, gw_render_out *o, const char *path, const char *what);

#endif
