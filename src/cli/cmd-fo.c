/* cmd-fo.c — 'gongwen fo IN.fo -o OUT.pdf|OUT.png [--areas X.xml]': format an XSL-FO file. */
#include "base/i18n.h"
#include "cli/cli.h"
#include "base/xmlload.h"
#include "engine/engine.h"

#include <string.h>

/* Runs 'gongwen fo'. */
int
gw_cmd_fo (int argc, char **argv)
{
  char *output = NULL, *areas = NULL, *format = NULL, *title = NULL, *author = NULL;
  double dpi = 96;
  gboolean allow_missing = FALSE, quiet = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("write OUT.pdf, or OUT.png (one PNG per page: OUT-1.png …)"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf or png (default: from the output name)"), N_("FMT") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("PNG resolution (default 96)"), N_("N") },
    { "areas", 0, 0, G_OPTION_ARG_FILENAME, &areas, N_("also write the area tree as XML"), N_("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("PDF title (overrides fo:declarations)"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("PDF author"), N_("TEXT") },
    { "allow-missing-glyphs", 0, 0, G_OPTION_ARG_NONE, &allow_missing, N_("a character no font has is a warning, not an error"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("print errors only"), NULL },
    { NULL }
  };
  GOptionContext *oc = g_option_context_new (N_("IN.fo — format an XSL-FO document (\"-\" reads stdin)"));
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (oc, entries, NULL);
  g_option_context_set_summary (oc, N_("Exit status: 0 success, 1 the document failed, 2 usage error."));
  GError *err = NULL;
  if (!g_option_context_parse (oc, &argc, &argv, &err))
    {
      fprintf (stderr, _("gongwen fo: %s\n"), err->message);
      g_error_free (err);
      g_option_context_free (oc);
      return GW_EXIT_USAGE;
    }
  g_option_context_free (oc);
  int rc = GW_EXIT_USAGE;
  if (argc != 2)
    {
      fprintf (stderr, _("gongwen fo: expected one input file (see --help)\n"));
      goto out;
    }
  if (!output && !areas)
    {
      fprintf (stderr, _("gongwen fo: no output given (-o OUT.pdf or --areas FILE)\n"));
      goto out;
    }
  if (!(dpi >= 10 && dpi <= 1200))
    {
      fprintf (stderr, _("gongwen fo: --dpi must be between 10 and 1200\n"));
      goto out;
    }
  gboolean png = format ? !strcmp (format, "png") : (output && g_str_has_suffix (output, ".png"));
  if (format && strcmp (format, "png") && strcmp (format, "pdf"))
    {
      fprintf (stderr, _("gongwen fo: unknown --format '%s' (pdf or png)\n"), format);
      goto out;
    }
  if (output && strcmp (argv[1], "-") && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      char *a = realpath (argv[1], NULL), *b = realpath (output, NULL);
      gboolean same = a && b && !strcmp (a, b);
      free (a);
      free (b);
      if (same)
        {
          fprintf (stderr, _("gongwen fo: the output %s is the input\n"), output);
          goto out;
        }
    }
  gw_ctx *ctx = gw_cli_ctx_new (argv[0]);
  ctx->dpi = dpi;
  ctx->allow_missing_glyphs = allow_missing;
  if (strcmp (argv[1], "-"))
    {
      char *dir = g_path_get_dirname (argv[1]);
      gw_ctx_allow_root (ctx, dir);
      g_free (dir);
    }
  rc = GW_EXIT_FAILED;
  xmlDocPtr doc = gw_xml_read_file (ctx, argv[1]);
  if (doc)
    {
      gw_output o = { png ? NULL : output, png ? output : NULL, areas, title, author };
      gw_engine *engine = gw_engine_new (ctx);
      int pages = gw_engine_render (engine, doc, strcmp (argv[1], "-") ? argv[1] : "<stdin>", &o);
      if (pages > 0 && !gw_diag_failed (ctx->diag))
        {
          rc = GW_EXIT_OK;
          if (!quiet && output)
            fprintf (stderr, ngettext ("%s: %d page\n", "%s: %d pages\n", pages), output,
                     pages);
        }
      gw_engine_free (engine);
      xmlFreeDoc (doc);
    }
  gw_ctx_free (ctx);
out:
  g_free (output);
  g_free (areas);
  g_free (format);
  g_free (title);
  g_free (author);
  return rc;
}
