/* templates.h — checks of the registry (xsl/documents.xml) and the stylesheets that a clerk
 * editing a template can get wrong and that nothing else notices: a stylesheet named that
 * does not exist, an XPath (when=, name=, select=) naming an element without the r: prefix
 * (records are in a namespace: such a step can never match), a --param no stylesheet
 * declares. Messages name the registry's file and line. */
#ifndef GW_RECORDS_TEMPLATES_H
#define GW_RECORDS_TEMPLATES_H

#include "base/ctx.h"

/* Checks <data_dir>/xsl/documents.xml; TRUE when it holds, else FALSE after reporting
 * every problem. */
gboolean gw_templates_check_registry (gw_ctx *ctx);

/* The element names `xpath` tests without a prefix (so in no namespace), NULL-terminated
 * (caller g_strfreev); empty when there are none. */
char **gw_templates_bare_names_new (const char *xpath);

/* Checks that every name of `params` (a NULL-terminated name, value list as
 * gw_cli_params_new makes it; may be NULL) is declared as a top-level xsl:param by the
 * stylesheet `xsl` (with its imports and includes), or — `xsl` NULL — by some stylesheet of
 * <data_dir>/xsl. FALSE after reporting each one that is not. */
gboolean gw_templates_check_params (gw_ctx *ctx, const char *xsl, const char *const *params);

#endif
