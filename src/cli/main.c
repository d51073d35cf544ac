/* main.c — dispatches to subcommands (a table, not an if-chain). Nothing here is called
 * back: what the commands share lives in options.c. */
#include "cli/cli.h"
#include "base/i18n.h"

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
  { "render", gw_cmd_render, N_("render records into their documents (PDF)") },
  { "batch", gw_cmd_batch, N_("render every record under folders, in parallel, incrementally") },
  { "validate", gw_cmd_validate, N_("check records against their schemas and rules") },
  { "fo", gw_cmd_fo, N_("format an XSL-FO file into PDF/PNG (and an area-tree dump)") },
  { "fonts", gw_cmd_fonts, N_("show the font roles in effect; --check FILE for missing glyphs") },
  { "import", gw_cmd_import, N_("turn a spreadsheet (.xlsx or CSV) of sampling results into records") },
  { "serve", gw_cmd_serve, N_("the clerk's desk: a local web page to enter, check and print records") },
  { "xslt", gw_cmd_xslt, N_("run one stylesheet on one record and print the result (for templates)") },
};

/* Prints the top-level help. */
static void
cli_usage (FILE *f)
{
  fprintf (f, _("Usage: gongwen COMMAND [OPTIONS] [FILE…]\n\n"
                "Turns structured records of a county quality-supervision bureau into official\n"
                "documents (GB/T 9704 layout) as PDF.\n\nCommands:\n"));
  for (size_t i = 0; i < G_N_ELEMENTS (cli_commands); i++)
    fprintf (f, "  %-9s %s\n", cli_commands[i].name, _(cli_commands[i].summary));
  fprintf (f, _("\nRun 'gongwen COMMAND --help' for the options of a command.\n"
                "  --version   print the version\n  --help      print this help\n"
                "Exit status: 0 success, 1 a document failed, 2 usage error.\n"));
}

/* Entry point. */
int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C"); /* numbers in PDF and area dumps must use '.' */
  gw_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
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
  fprintf (stderr, _("gongwen: unknown command '%s'\n"), argv[1]);
  cli_usage (stderr);
  return GW_EXIT_USAGE;
}
