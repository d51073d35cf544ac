/* cmd-render.c — 'gongwen render FILE… [-o DIR]': records → their documents, in this
 * process, one after the other (see 'batch' for folders, workers and incremental builds). */
#include "base/i18n.h"
#include "cli/cli.h"
#include "records/templates.h"
#include "cli/options.h"
#include "batch/job.h"
#include "records/documents.h"

/* Runs 'gongwen render'. */
int
gw_cmd_render (int argc, char **argv)
{
  char *out_dir = NULL, *xsl = NULL;
  char **param_opts = NULL;
  double dpi = 96;
  gboolean png = FALSE, areas = FALSE, allow_missing = FALSE, quiet = FALSE;
  char *format = NULL;
  guint formats = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("write the documents into DIR (default: the current folder)"), N_("DIR") },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &param_opts,
      N_("pass the string VALUE as stylesheet parameter NAME (repeatable)"), N_("NAME=VALUE") },
    { "xsl", 0, 0, G_OPTION_ARG_FILENAME, &xsl,
      N_("make one document per record with this stylesheet instead of those of "
      "xsl/documents.xml (named after the record file)"), N_("FILE") },
    { "png", 0, 0, G_OPTION_ARG_NONE, &png, N_("also write PNG pages (NAME-1.png …)"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf (default), ofd, or pdf,ofd (both from one layout)"), N_("FMT") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("PNG resolution (default 96)"), N_("N") },
    { "areas", 0, 0, G_OPTION_ARG_NONE, &areas,
      N_("also write the area tree as XML (NAME.areas.xml, as 'gongwen fo --areas')"), NULL },
    { "allow-missing-glyphs", 0, 0, G_OPTION_ARG_NONE, &allow_missing,
      N_("a character no font has is a warning, not an error"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("print errors only"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *oc = g_option_context_new (N_("FILE…"));
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    oc, N_("Renders records into their documents: each record is validated (schema and rules),\n"
        "then every document xsl/documents.xml names for it is transformed with its\n"
        "stylesheet and formatted into DIR/<name>.pdf (a case gives its order or directive\n"
        "and the receipt). Files are written under a temporary name and renamed when\n"
        "complete. Prints \"OUT.pdf: N pages\" for every document."));
  g_option_context_set_description (oc, N_("Exit status: 0 every document written, 1 some record "
                                        "or document failed, 2 usage error.\n"));
  g_set_prgname ("gongwen render"); /* "Usage: gongwen render …" */
  g_option_context_add_main_entries (oc, entries, NULL);
  GError *err = NULL;
  int status = GW_EXIT_USAGE;
  char **params = NULL;
  if (!g_option_context_parse (oc, &argc, &argv, &err) || argc < 2)
    {
      fprintf (stderr, _("gongwen render: %s\nTry 'gongwen render --help'.\n"),
               err ? err->message : _("no FILE given"));
      g_clear_error (&err);
      goto out;
    }
  if (!gw_cli_check_render_opts ("render", dpi, xsl))
    goto out;
  if (!gw_cli_formats (format, NULL, FALSE, &formats))
    {
      fprintf (stderr, _("gongwen render: unknown --format '%s' (pdf, ofd or pdf,ofd)\n"), format);
      goto out;
    }
  params = gw_cli_params_new ("render", param_opts);
  if (!params)
    goto out;

  gw_ctx *ctx = gw_cli_ctx_new (argv[0]);
  if (!gw_templates_check_params (ctx, xsl, (const char *const *) params))
    {
      gw_ctx_free (ctx);
      status = GW_EXIT_USAGE;
      goto out;
    }
  ctx->allow_missing_glyphs = allow_missing;
  ctx->dpi = dpi;
  status = GW_EXIT_FAILED;
  const char *dir = out_dir ? out_dir : ".";
  if (xsl)
    {
      char *d = g_path_get_dirname (xsl);
      gw_ctx_allow_root (ctx, d);
      g_free (d);
    }
  gw_record_cache *records = gw_record_cache_new (); /* for the planning only */
  gw_plan_opts popts = { dir, xsl, 0, 0, TRUE, records };
  gw_plan *plan = gw_out_dir_prepare (ctx, dir) ? gw_plan_new (ctx, argv + 1, &popts) : NULL;
  gw_record_cache_free (records);
  if (plan)
    {
      gw_stylesheet_cache *cache = gw_stylesheet_cache_new ();
      gw_engine *engine = gw_engine_new (ctx);
      gboolean ok = TRUE;
      gw_job_slot slot = { NULL, NULL };
      gw_job_guard_signals (TRUE); /* Ctrl-C leaves no half-written file */
      for (guint i = 0; i < plan->jobs->len; i++)
        {
          gw_job *job = g_ptr_array_index (plan->jobs, i);
          if (job->status != GW_JOB_PENDING)
            {
              ok = FALSE; /* a record that failed to load, already reported */
              continue;
            }
          if (areas)
            {
              char *base = g_strconcat (job->output_name, ".areas.xml", NULL);
              job->areas_path = g_build_filename (dir, base, NULL);
              g_free (base);
            }
          if (gw_job_run (ctx, engine, cache, &slot, job, (const char *const *) params,
                          formats | (png ? GW_FORMAT_PNG : 0)))
            {
              if (!quiet)
                printf (ngettext ("%s: %d page\n", "%s: %d pages\n", job->pages),
                        gw_job_main_path (job, formats), job->pages);
              if (!quiet && (formats & GW_FORMAT_PDF) && (formats & GW_FORMAT_OFD))
                printf (ngettext ("%s: %d page\n", "%s: %d pages\n", job->pages),
                        job->ofd_path, job->pages);
            }
          else
            ok = FALSE;
          fflush (stdout);
        }
      if (ok && !plan->jobs->len)
        {
          gw_diag_error (ctx->diag, NULL, 0, _("the registry names no document for %s"),
                         argc == 2 ? argv[1] : "these records");
          ok = FALSE;
        }
      status = ok ? GW_EXIT_OK : GW_EXIT_FAILED;
      gw_job_slot_clear (&slot);
      gw_engine_free (engine);
      gw_stylesheet_cache_free (cache);
      gw_plan_free (plan);
    }
  gw_ctx_free (ctx);
out:
  g_option_context_free (oc);
  g_strfreev (params);
  g_strfreev (param_opts);
  g_free (out_dir);
  g_free (xsl);
  g_free (format);
  return status;
}
