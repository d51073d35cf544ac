/* options.h — option helpers shared by the subcommands that render (render, batch). */
#ifndef GW_CLI_OPTIONS_H
#define GW_CLI_OPTIONS_H

#include "base/ctx.h"
#include "engine/engine.h"

/* Splits NAME=VALUE options into a NULL-terminated name, value list (caller g_strfreev).
 * NULL after printing "gongwen CMD: --param '…': expected NAME=VALUE". */
char **gw_cli_params_new (const char *cmd, char **opts);

/* Checks the options render and batch share (--dpi range, --xsl exists); FALSE after
 * printing "gongwen CMD: …". `xsl` may be NULL. */
gboolean gw_cli_check_render_opts (const char *cmd, double dpi, const char *xsl);

/* Parses "K/N" (1 ≤ K ≤ N ≤ 100000) into *k and *n; FALSE when malformed. */
gboolean gw_cli_parse_shard (const char *text, guint *k, guint *n);

/* Parses --format `text` ("pdf", "png" when `png_ok`, "ofd", "pdf,ofd"; NULL: from the
 * output name's ending, PDF when none) into *formats; FALSE when unknown. */
gboolean gw_cli_formats (const char *text, const char *output, gboolean png_ok, guint *formats);
/* The file name of one format's output: `output` itself when it has that ending or is the
 * only output, else `output` with its .pdf/.ofd ending replaced by `ext` (caller frees). */
char *gw_cli_output_name (const char *output, guint formats, const char *ext);

#endif
