/* cmd-serve.c — 'gongwen serve [DIR] [--port N] [--listen ADDR] [--open]': the clerk's desk
 * (src/serve), a thin command. */
#include "base/i18n.h"
#include "cli/cli.h"
#include "serve/serve.h"

/* Runs 'gongwen serve'. */
int
gw_cmd_serve (int argc, char **argv)
{
  int port = 8023, max_kb = 1024;
  char *listen = NULL;
  gboolean open_browser = FALSE;
  GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("port to listen on (default 8023; 0: any free)"),
      N_("N") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      N_("listen on this address instead of 127.0.0.1 (then every request needs the token the "
      "server prints)"), N_("ADDR") },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_browser, N_("open the desk in the browser"), NULL },
    { "max-body", 0, 0, G_OPTION_ARG_INT, &max_kb, N_("largest request body in KiB (default 1024)"),
      N_("KIB") },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *oc = g_option_context_new (N_("[DIR]"));
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    oc, N_("Starts the clerk's desk on the data folder DIR (default: the current folder): a local\n"
        "web page to enter records in forms made from the schemas, check them while typing,\n"
        "preview their documents and save, render and print them. Prints the URL as the first\n"
        "line on stdout. Ctrl-C stops it."));
  g_option_context_add_main_entries (oc, entries, NULL);
  GError *err = NULL;
  if (!g_option_context_parse (oc, &argc, &argv, &err) || argc > 2 || port < 0 || port > 65535
      || max_kb < 1 || max_kb > 1024 * 1024)
    {
      fprintf (stderr, _("gongwen serve: %s\nTry 'gongwen serve --help'.\n"),
               err ? err->message : argc > 2 ? _("one DIR at most")
                                              : _("--port or --max-body out of range"));
      g_clear_error (&err);
      g_option_context_free (oc);
      g_free (listen);
      return GW_EXIT_USAGE;
    }
  g_option_context_free (oc);
  gw_ctx *ctx = gw_cli_ctx_new (argv[0]);
  gw_serve_opts opts = { argc == 2 ? argv[1] : ".", listen, (guint) port, open_browser,
                         (gsize) max_kb * 1024 };
  int status = gw_serve_run (ctx, &opts) ? GW_EXIT_FAILED : GW_EXIT_OK;
  gw_ctx_free (ctx);
  g_free (listen);
  return status;
}
