/* engine.h — one FO document → layout → outputs. The only entry point batch and cli use to
 * format; it owns the order of the stages (fo → layout → area → render). */
#ifndef GW_ENGINE_H
#define GW_ENGINE_H

#include "base/ctx.h"
#include <libxml/tree.h>

/* Output formats (bits: "pdf,ofd" is both, from one layout). */
enum { GW_FORMAT_PDF = 1, GW_FORMAT_PNG = 2, GW_FORMAT_OFD = 4 };

typedef struct gw_output {
  const char *pdf_path;   /* PDF to write, or NULL */
  const char *png_path;   /* PNG base: "x.png" writes x-1.png, x-2.png …; or NULL */
  const char *areas_path; /* area-tree XML dump, or NULL */
  const char *title;      /* metadata overrides (NULL = from fo:declarations) */
  const char *author;
  char **pdf_sha256;      /* receives the hex SHA-256 of the PDF written (caller frees),
                             or NULL */
  void (*temp_hook) (const char *tmp); /* told each temporary file created (it is renamed
                             over its output, or removed, before gw_engine_render returns),
                             so that a signal handler can remove it; or NULL */
  const char *made_by;    /* the stylesheet that made the FO, named with its lines in
                             messages about the FO (NULL: the source is named) */
  const char *ofd_path;   /* OFD to write (from the same layout as the PDF), or NULL */
  char **ofd_sha256;      /* receives the hex SHA-256 of the OFD written, or NULL */
  unsigned png_page;      /* 1-based: write only this PNG page (x-K.png); 0 = every page */
} gw_output;

/* The formatter of a job: it owns what every document shares (the fonts: fontconfig, Pango,
 * the shaping cache) and hands it to layout. */
typedef struct gw_engine gw_engine;

/* Creates an engine for the job `ctx` (borrowed: it outlives the engine); caller owns,
 * gw_engine_free. Sets fontconfig up: make it before forking workers, which share it. */
gw_engine *gw_engine_new (gw_ctx *ctx) G_GNUC_WARN_UNUSED_RESULT;
/* Frees the engine and its fonts (NULL is fine). */
void gw_engine_free (gw_engine *engine);

/* Lays out `fo` (borrowed) and writes the requested outputs atomically (temp name + rename).
 * `source` names the document in messages. Returns the page count, or -1 after reporting. */
int gw_engine_render (gw_engine *engine, xmlDocPtr fo, const char *source, const gw_output *out)
  G_GNUC_WARN_UNUSED_RESULT;

#endif
