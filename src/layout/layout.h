/* layout.h — the formatter: FO tree → positioned area tree.
 *
 * Layout runs in passes: each pass builds vertical lists from the FO tree (paragraphs shaped
 * and broken into lines), breaks them into pages and emits areas.  Page numbers cited before
 * they are known ("第 N 页 共 M 页", a table of contents) are taken from the previous pass;
 * when any cited number's text changed, the document is laid out again (at most 4 passes), so
 * every number is set at its true width. */
#ifndef GW_LAYOUT_H
#define GW_LAYOUT_H

#include "area/area.h"
#include "fo/fotree.h"
#include "layout/fonts.h"

/* Lays out the document with the job's `fonts` (borrowed: the driver owns them). Returns an
 * area tree the caller owns, or NULL after reporting. */
gw_areas *gw_layout_run (gw_ctx *ctx, gw_fonts *fonts, gw_fotree *tree) G_GNUC_WARN_UNUSED_RESULT;

#endif
