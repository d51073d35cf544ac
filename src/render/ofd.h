/* ofd.h — writing an area tree as OFD (GB/T 33190-2016): the same pages as the PDF, as a
 * zip of XML parts with the fonts embedded as subsets. Never lays out. */
#ifndef GW_RENDER_OFD_H
#define GW_RENDER_OFD_H

#include "area/area.h"
#include "base/ctx.h"

/* Writes the areas as an OFD package to `path` (written in place; the engine renames). When
 * `sha256` is not NULL it receives the hex SHA-256 of the file written (caller frees). */
gboolean gw_render_ofd (gw_ctx *ctx, const gw_areas *areas, const char *path, char **sha256)
  G_GNUC_WARN_UNUSED_RESULT;

#endif
