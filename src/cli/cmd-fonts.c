/* cmd-fonts.c — the 'fonts' subcommand (placeholder until implemented). */
#include "cli/cli.h"

/* Runs 'gongwen fonts'. */
int
gw_cmd_fonts (int argc, char **argv)
{
  (void) argc;
  (void) argv;
  fprintf (stderr, "gongwen fonts: not implemented yet\n");
  return GW_EXIT_USAGE;
}
