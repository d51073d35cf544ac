/* cmd-render.c — the 'render' subcommand (placeholder until implemented). */
#include "cli/cli.h"

/* Runs 'gongwen render'. */
int
gw_cmd_render (int argc, char **argv)
{
  (void) argc;
  (void) argv;
  fprintf (stderr, "gongwen render: not implemented yet\n");
  return GW_EXIT_USAGE;
}
