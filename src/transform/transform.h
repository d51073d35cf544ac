/* transform.h — running XSLT safely: libxslt + EXSLT set-up, the gongwen extension
 * functions (namespace urn:gongwen:xslt:1, prefix gw), security preferences, limits, and a
 * cache so a batch compiles each stylesheet once.
 *
 * Safety: a stylesheet may not write files, create directories or touch the network; it
 * may read files (xsl:import, xsl:include, document()) only under the context's allowed
 * roots.  Template recursion is bounded by ctx->limits.max_xslt_depth, and the number of
 * XSLT instructions and XPath operations per transformation is bounded too.  Every error
 * goes through ctx->diag as FILE:LINE: message. */
#ifndef GW_TRANSFORM_H
#define GW_TRANSFORM_H

#include "base/ctx.h"

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

/* Namespace of the gongwen extension functions. */
#define GW_XSLT_NS "urn:gongwen:xslt:1"

/* Upper bounds per transformation (no gw_limits field yet; see transform.c). */
#define GW_XSLT_OP_LIMIT 10000000UL    /* XSLT instructions executed (about 1 s) */
#define GW_XPATH_OP_LIMIT 300000000UL  /* XPath operations evaluated */

/* Initialises libxslt once per process: EXSLT, the gw: extension functions, and the guarded
 * document loader that serves xsl:import/include and document() — it refuses any load not
 * made through gw_transform_load / gw_transform_apply, so do not parse stylesheets with
 * xsltParseStylesheetFile directly. Safe to call more than once and from several threads.
 * Thread note: libxslt's generic error handler is process-wide; compilations are
 * serialised here, but a libxslt message printed outside a transformation context while
 * another thread runs may land in that thread's funnel. */
void gw_transform_init (void);

/* Parses and compiles the stylesheet at `xsl_path` safely. Returns a stylesheet the caller
 * owns (gw_transform_free), or NULL after reporting why through ctx->diag. */
xsltStylesheetPtr gw_transform_load (gw_ctx *ctx, const char *xsl_path)
  G_GNUC_WARN_UNUSED_RESULT;
/* Frees a stylesheet of gw_transform_load and the documents it read with document(),
 * which are kept parsed for its next transformations (NULL is fine). */
void gw_transform_free (xsltStylesheetPtr style);

/* Applies `style` to `doc` under the security preferences and limits of `ctx`. `params` is
 * NULL or a NULL-terminated list of name, value pairs; values are plain strings (quoted
 * here, never evaluated as XPath). With `edit_doc` FALSE `doc` is not modified (a
 * stylesheet that strips space runs on a copy), so one record can go through several
 * stylesheets; with TRUE the caller gives up `doc` after this call (it frees it without
 * reading it again), and xsl:strip-space edits it in place instead of a copy. Any error
 * reported during the run fails it. Returns the result document (caller owns, xmlFreeDoc),
 * or NULL after reporting why. */
xmlDocPtr gw_transform_apply (gw_ctx *ctx, xsltStylesheetPtr style, xmlDocPtr doc,
                              const char *const *params, gboolean edit_doc)
  G_GNUC_WARN_UNUSED_RESULT;

/* The file a result of `style` is named by in messages about it (formatting warnings): the
 * stylesheet's path; the result's elements carry its lines (gw_transform_apply keeps a
 * line only where the main stylesheet's literal element made the element). Borrowed. */
const char *gw_transform_source (xsltStylesheetPtr style);

/* Serialises a result document following the stylesheet's xsl:output. Returns a newly
 * allocated buffer (g_free) and its length, or NULL after reporting why. */
char *gw_transform_serialize (gw_ctx *ctx, xsltStylesheetPtr style, xmlDocPtr result,
                              gsize *len) G_GNUC_WARN_UNUSED_RESULT;

/* A cache of compiled stylesheets keyed by canonical path; thread-safe, so the workers of
 * one batch share it and every stylesheet is compiled once. */
typedef struct gw_stylesheet_cache gw_stylesheet_cache;

/* Creates an empty cache (caller owns, gw_stylesheet_cache_free). */
gw_stylesheet_cache *gw_stylesheet_cache_new (void);
/* Frees the cache and every stylesheet in it (never fails). */
void gw_stylesheet_cache_free (gw_stylesheet_cache *cache);
/* Returns the compiled stylesheet for `xsl_path` (borrowed: valid until the cache is
 * freed), compiling it on first use; NULL after reporting why. A stylesheet that failed to
 * compile is remembered and reported again on later lookups without recompiling. */
xsltStylesheetPtr gw_stylesheet_cache_lookup (gw_stylesheet_cache *cache, gw_ctx *ctx,
                                              const char *xsl_path);

#endif
