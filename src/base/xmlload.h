/* xmlload.h — safe XML loading for records, stylesheets and FO: no network, no external
 * entity or DTD from outside the context's allowed roots, no entity substitution, a nesting
 * limit, errors as FILE:LINE through the context's funnel. */
#ifndef GW_XMLLOAD_H
#define GW_XMLLOAD_H

#include "base/ctx.h"
#include <libxml/tree.h>

/* Parser options every gongwen parse uses. */
int gw_xml_parse_options (void);
/* Reads an XML file ("-" = stdin). Returns a document the caller owns (xmlFreeDoc), or NULL
 * after reporting why. */
xmlDocPtr gw_xml_read_file (gw_ctx *ctx, const char *path) G_GNUC_WARN_UNUSED_RESULT;
/* Like gw_xml_read_file, but the document's strings live in `dict` (libxslt's loader
 * contract for imported stylesheets and document(): they must share its dictionary). */
xmlDocPtr gw_xml_read_file_dict (gw_ctx *ctx, const char *path, xmlDictPtr dict)
  G_GNUC_WARN_UNUSED_RESULT;
/* Parses XML from memory; `name` is used in messages and as the base URL. Caller owns. */
xmlDocPtr gw_xml_read_memory (gw_ctx *ctx, const char *buf, gsize len, const char *name)
  G_GNUC_WARN_UNUSED_RESULT;
/* Makes `ctx` the one the external-entity loader consults on this thread (NULL to clear);
 * installs the loader on first use. */
void gw_xml_guard (gw_ctx *ctx);
/* The node after `n` in document order (into element children first); NULL at the end. */
xmlNodePtr gw_xml_next (xmlNodePtr n);
/* TRUE when the element nesting of `doc` stays within ctx->limits.max_depth; reports otherwise. */
gboolean gw_xml_check_depth (gw_ctx *ctx, xmlDocPtr doc, const char *name);

#endif
