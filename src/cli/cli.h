/* cli.h — subcommands of the gongwen binary. Each lives in src/cli/cmd-NAME.c and returns an
 * exit status: 0 ok, 1 a document failed, 2 usage error. */
#ifndef GW_CLI_H
#define GW_CLI_H

#include "base/ctx.h"

enum { GW_EXIT_OK = 0, GW_EXIT_FAILED = 1, GW_EXIT_USAGE = 2 };

typedef int (*gw_cmd_fn) (int argc, char **argv);

/* Creates the job context every command starts from (data dir found from argv0; in
 * options.c, so that no command calls back into main.c). */
gw_ctx *gw_cli_ctx_new (const char *argv0);

int gw_cmd_fo (int argc, char **argv);
int gw_cmd_render (int argc, char **argv);
int gw_cmd_batch (int argc, char **argv);
int gw_cmd_validate (int argc, char **argv);
int gw_cmd_fonts (int argc, char **argv);
int gw_cmd_import (int argc, char **argv);
int gw_cmd_xslt (int argc, char **argv);
int gw_cmd_serve (int argc, char **argv);

#endif
