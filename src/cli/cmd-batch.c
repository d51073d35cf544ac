/* cmd-batch.c — 'gongwen batch DIR|FILE… [-o DIR] [-j N] [--force] [--combine FILE.pdf]
 * [--shard K/N] [--quiet]': every record under the folders → its documents, on worker
 * processes, incrementally (src/batch). */
#include "base/i18n.h"
#include "cli/cli.h"
#include "records/templates.h"
#include "cli/options.h"
#include "batch/batch.h"
#include "records/documents.h"
#include "records/record.h"

/* Runs 'gongwen batch'. */
int
gw_cmd_batch (int argc, char **argv)
{
  char *out_dir = NULL, *combine = NULL, *shard = NULL, *xsl = NULL;
  gboolean combine_partial = FALSE;
  char **param_opts = NULL;
  int jobs = 0, timeout = 300;
  double dpi = 96;
  gboolean force = FALSE, quiet = FALSE, png = FALSE, allow_missing = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("write the documents and manifest.xml into DIR (default: out)"), N_("DIR") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("N worker processes (default: the number of processors)"), N_("N") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("stop a document that takes longer than N seconds (it fails; default 300, 0: no "
      "limit)"), N_("N") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("rebuild every document, even those up to date"), NULL },
    { "combine", 0, 0, G_OPTION_ARG_FILENAME, &combine,
      N_("also write one PDF of the whole batch for duplex printing (each document starts on a "
      "right-hand page; needs qpdf)"), N_("FILE.pdf") },
    { "combine-partial", 0, 0, G_OPTION_ARG_NONE, &combine_partial,
      N_("with --combine: write the PDF even when some documents failed (they are left out and "
         "named)"), NULL },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard,
      N_("make only the K-th of N slices of the batch (K = 1 … N), for job arrays"), N_("K/N") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("no progress; print errors and failures only"), NULL },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &param_opts,
      N_("pass the string VALUE as stylesheet parameter NAME (repeatable)"), N_("NAME=VALUE") },
    { "xsl", 0, 0, G_OPTION_ARG_FILENAME, &xsl,
      N_("make one document per record with this stylesheet instead of those of "
      "xsl/documents.xml (named after the record file)"), N_("FILE") },
    { "png", 0, 0, G_OPTION_ARG_NONE, &png, N_("also write PNG pages (NAME-1.png …)"), NULL },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("PNG resolution (default 96)"), N_("N") },
    { "allow-missing-glyphs", 0, 0, G_OPTION_ARG_NONE, &allow_missing,
      N_("a character no font has is a warning, not an error"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *oc = g_option_context_new (N_("DIR|FILE…"));
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    oc, N_("Renders every record under the folders (recursively, *.xml, in sorted order) into\n"
        "its documents, on worker processes. Files that are not records (schemas,\n"
        "stylesheets, manifests) are skipped. A document is made again only when its record,\n"
        "the regimes it refers to, the stylesheets (xsl/), the fonts configuration or the\n"
        "options changed; DIR/manifest.xml lists every document with its pages, SHA-256 and\n"
        "status.\n"
        "One bad record does not stop the batch: its errors are printed as FILE:LINE: message\n"
        "and the summary lists it. Ctrl-C stops the workers and keeps only complete files;\n"
        "running the same command again finishes the batch."));
  g_option_context_set_description (oc, N_("Exit status: 0 every document made or up to date, "
                                        "1 some document failed, 2 usage error.\n"));
  g_set_prgname ("gongwen batch"); /* "Usage: gongwen batch …" */
  g_option_context_add_main_entries (oc, entries, NULL);
  GError *err = NULL;
  int status = GW_EXIT_USAGE;
  guint shard_k = 0, shard_n = 0;
  char **params = NULL;
  if (!g_option_context_parse (oc, &argc, &argv, &err) || argc < 2)
    {
      fprintf (stderr, _("gongwen batch: %s\nTry 'gongwen batch --help'.\n"),
               err ? err->message : _("no folder or file given"));
      g_clear_error (&err);
      goto out;
    }
  if (jobs < 0 || jobs > 256)
    {
      fprintf (stderr, _("gongwen batch: --jobs must be between 1 and 256\n"));
      goto out;
    }
  if (timeout < 0)
    {
      fprintf (stderr, _("gongwen batch: --timeout must be 0 or more seconds\n"));
      goto out;
    }
  if (shard && !gw_cli_parse_shard (shard, &shard_k, &shard_n))
    {
      fprintf (stderr, _("gongwen batch: --shard '%s': expected K/N with 1 ≤ K ≤ N\n"), shard);
      goto out;
    }
  if (!gw_cli_check_render_opts ("batch", dpi, xsl))
    goto out;
  if (combine_partial && !combine)
    {
      fprintf (stderr, _("gongwen batch: --combine-partial goes with --combine FILE.pdf\n"));
      goto out;
    }
  if (combine && !g_str_has_suffix (combine, ".pdf"))
    {
      fprintf (stderr, _("gongwen batch: --combine '%s': the file name must end in .pdf\n"),
               combine);
      goto out;
    }
  params = gw_cli_params_new ("batch", param_opts);
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
  gw_batch_opts o = {
    .inputs = argv + 1,
    .out_dir = out_dir ? out_dir : "out",
    .xsl_override = xsl,
    .params = (const char *const *) params,
    .combine = combine,
    .combine_partial = combine_partial,
    .jobs = jobs > 0 ? (guint) jobs : MAX (1u, g_get_num_processors ()),
    .timeout = (guint) timeout,
    .shard_k = shard_k,
    .shard_n = shard_n,
    .force = force,
    .quiet = quiet,
    .png = png,
  };
  status = gw_batch_run (ctx, &o) == 0 ? GW_EXIT_OK : GW_EXIT_FAILED;
  gw_ctx_free (ctx);
out:
  g_option_context_free (oc);
  g_strfreev (params);
  g_strfreev (param_opts);
  g_free (out_dir);
  g_free (combine);
  g_free (shard);
  g_free (xsl);
  return status;
}
