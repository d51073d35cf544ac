/* render.h — painting an area tree with Cairo: PDF (fonts subset-embedded, outline, links,
 * metadata) and PNG pages.  Render never lays out: it only draws what the areas say. */
#ifndef GW_RENDER_H
#define GW_RENDER_H

#include "area/area.h"
#include "base/ctx.h"

/* Writes the areas as a PDF to `path` (written in place; the engine renames). When
 * `sha256` is not NULL it receives the hex SHA-256 of the file written (caller frees). */
gboolean gw_render_pdf (gw_ctx *ctx, const gw_areas *areas, const char *path, char **sha256)
  G_GNUC_WARN_UNUSED_RESULT;
/* Writes page `index` as a PNG at ctx->dpi to `path`. */
gboolean gw_render_png_page (gw_ctx *ctx, const gw_areas *areas, guint index, const char *path)
  G_GNUC_WARN_UNUSED_RESULT;

#endif
