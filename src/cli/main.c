/* main.c — dispatches to subcommands (a table, not an if-chain). Nothing here is called
 * back: what the commands share lives in options.c. */
#include "cli/cli.h"

#include <locale.h>
#include <string.h>

#ifndef GW_VERSION
#define GW_VERSION "dev"
#endif

typedef struct {
  const char *name;
  gw_cmd_fn fn;
  const char *summary;
} cli_command;

static const cli_command cli_commands[] = {
  { "render", gw_cmd_render, "render records into their documents (PDF)" },
  { "batch", gw_cmd_batch, "render every record under folders, in parallel, incrementally" },
  { "validate", gw_cmd_validate, "check records against their schemas and rules" },
  { "fo", gw_cmd_fo, "format an XSL-FO file into PDF/PNG (and an area-tree dump)" },
  { "fonts", gw_cmd_fonts, "show the font roles in effect; --check FILE for missing glyphs" },
  { "import", gw_cmd_import, "turn a spreadsheet export (CSV) of sampling results into records" },
  { "serve", gw_cmd_serve, "the clerk's desk: a local web page to enter, check and print records" },
  { "xslt", gw_cmd_xslt, "run one stylesheet on one record and print the result (for templates)" },
};

/* Prints the top-level help. */
static void
cli_usage (FILE *f)
{
  fprintf (f, "Usage: gongwen COMMAND [OPTIONS] [FILE…]\n\n"
              "Turns structured records of a county quality-supervision bureau into official\n"
              "documents (GB/T 9704 layout) as PDF.\n\nCommands:\n");
  for (size_t i = 0; i < G_N_ELEMENTS (cli_commands); i++)
    fprintf (f, "  %-9s %s\n", cli_commands[i].name, cli_commands[i].summary);
  fprintf (f, "\nRun 'gongwen COMMAND --help' for the options of a command.\n"
              "  --version   print the version\n  --help      print this help\n"
              "Exit status: 0 success, 1 a document failed, 2 usage error.\n");
}

/* Entry point. */
int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C"); /* numbers in PDF and area dumps must use '.' */
  if (argc < 2)
    {
      cli_usage (stderr);
      return GW_EXIT_USAGE;
    }
  if (!strcmp (argv[1], "--help") || !strcmp (argv[1], "-h") || !strcmp (argv[1], "help"))
    {
      cli_usage (stdout);
      return GW_EXIT_OK;
    }
  if (!strcmp (argv[1], "--version"))
    {
      printf ("gongwen %s\n", GW_VERSION);
      return GW_EXIT_OK;
    }
  for (size_t i = 0; i < G_N_ELEMENTS (cli_commands); i++)
    if (!strcmp (argv[1], cli_commands[i].name))
      {
        char *prg = g_strdup_printf ("gongwen %s", cli_commands[i].name);
        g_set_prgname (prg); /* "Usage: gongwen validate …" in every --help */
        g_free (prg);
        return cli_commands[i].fn (argc - 1, argv + 1);
      }
  fprintf (stderr, "gongwen: unknown command '%s'\n", argv[1]);
  cli_usage (stderr);
  return GW_EXIT_USAGE;
}
