/* cmd-batch.c — the 'batch' subcommand (placeholder until implemented). */
#include "cli/cli.h"

/* Runs 'gongwen batch'. */
int
gw_cmd_batch (int argc, char **argv)
{
  (void) argc;
  (void) argv;
  fprintf (stderr, "gongwen batch: not implemented yet\n");
  return GW_EXIT_USAGE;
}
