/* cmd-import.c — the 'import' subcommand (placeholder until implemented). */
#include "cli/cli.h"

/* Runs 'gongwen import'. */
int
gw_cmd_import (int argc, char **argv)
{
  (void) argc;
  (void) argv;
  fprintf (stderr, "gongwen import: not implemented yet\n");
  return GW_EXIT_USAGE;
}
