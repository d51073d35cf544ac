/* cmd-validate.c — the 'validate' subcommand: checks records against their RELAX NG
 * schema and the semantic rules (src/records), and optionally lists the documents each
 * record yields (xsl/documents.xml). */
#include "base/i18n.h"
#include "cli/cli.h"
#include "records/documents.h"
#include "records/record.h"
#include "records/templates.h"

/* Prints the documents a valid record yields; FALSE when the registry is broken. */
static gboolean
validate_list_documents (gw_ctx *ctx, gw_record_cache *records, const gw_record *rec)
{
  GPtrArray *docs = gw_record_documents (ctx, records, rec);
  if (!docs)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      const gw_docspec *d = g_ptr_array_index (docs, i);
      char *xsl = g_path_get_basename (d->xsl_path);
      printf ("  %s: %s\n", xsl, d->output_name);
      g_free (xsl);
    }
  if (!docs->len)
    printf (_("  (no documents for records of kind %s)\n"), rec->kind);
  g_ptr_array_unref (docs);
  return TRUE;
}

/* Runs 'gongwen validate [--quiet] [--documents] FILE…'. */
int
gw_cmd_validate (int argc, char **argv)
{
  gboolean quiet = FALSE, documents = FALSE;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("print nothing for valid records"), NULL },
    { "documents", 'd', 0, G_OPTION_ARG_NONE, &documents,
      N_("also list the documents each valid record yields (stylesheet: output name)"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *oc = g_option_context_new (N_("FILE…"));
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    oc, N_("Checks records: well-formed XML in namespace urn:gongwen:record:1, valid against\n"
        "xml/schema/<kind>.rng, and the rules a grammar cannot state (enough inspectors,\n"
        "penalty within the legal range, deadlines as the regime counts them), each error\n"
        "citing the regime rule. Prints \"FILE: ok\" for every valid record."));
  g_option_context_set_description (oc, N_("Exit status: 0 all records valid, 1 some record "
                                        "invalid, 2 usage error."));
  g_option_context_add_main_entries (oc, entries, NULL);
  GError *err = NULL;
  if (!g_option_context_parse (oc, &argc, &argv, &err) || argc < 2)
    {
      fprintf (stderr, _("gongwen validate: %s\nTry 'gongwen validate --help'.\n"),
               err ? err->message : _("no FILE given"));
      g_clear_error (&err);
      g_option_context_free (oc);
      return GW_EXIT_USAGE;
    }
  g_option_context_free (oc);

  gw_ctx *ctx = gw_cli_ctx_new (argv[0]);
  gw_record_cache *records = gw_record_cache_new ();
  int status = GW_EXIT_OK;
  /* -d: the registry the documents come from is checked too (stylesheets that exist,
   * XPaths that can match) */
  if (documents && !gw_templates_check_registry (ctx))
    status = GW_EXIT_FAILED;
  for (int i = 1; i < argc; i++)
    {
      gw_record_status st;
      gw_record *rec = gw_record_load (ctx, records, argv[i], &st);
      if (st == GW_RECORD_NOT_RECORD)
        gw_diag_error (ctx->diag, argv[i], 0, _("not a gongwen record (its root element is not in "
                       "namespace %s)"), GW_RECORD_NS);
      if (!rec)
        {
          status = GW_EXIT_FAILED;
          continue;
        }
      if (!quiet)
        printf ("%s: ok\n", argv[i]);
      if (documents && !validate_list_documents (ctx, records, rec))
        status = GW_EXIT_FAILED;
      fflush (stdout);
      gw_record_free (rec);
    }
  gw_record_cache_free (records);
  gw_ctx_free (ctx);
  return status;
}
