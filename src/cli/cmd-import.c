/* cmd-import.c — 'gongwen import SHEET -o DIR' (records/import.h does the work) and
 * 'gongwen import --template FILE' (an empty sheet with the columns). */
#include "base/i18n.h"
#include "cli/cli.h"
#include "records/import.h"
#include "records/record.h"
#include "records/sheet.h"

#include <string.h>

/* What the row callback prints to. */
typedef struct {
  const char *sheet;
  gboolean quiet;
} import_cli;

/* Prints the record a row became (not with -q). */
static void
import_on_row (void *data, long line, const char *record, gw_import_outcome outcome)
{
  const import_cli *c = data;
  if (c->quiet || !record)
    return;
  const char *what = outcome == GW_IMPORT_WRITTEN ? _("written")
                     : outcome == GW_IMPORT_UPDATED ? _("updated")
                     : outcome == GW_IMPORT_UNCHANGED ? _("unchanged")
                     : outcome == GW_IMPORT_KEPT ? _("kept: edited after import") : NULL;
  if (what)
    printf ("%s:%ld: %s (%s)\n", c->sheet, line, record, what);
}

/* Runs 'gongwen import'. */
int
gw_cmd_import (int argc, char **argv)
{
  char *out_dir = NULL, *template = NULL;
  gboolean quiet = FALSE, force = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("write the case records into DIR (created when missing)"), N_("DIR") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("also replace records edited by hand after an earlier import"), NULL },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template,
      N_("write an empty sheet with the columns (FILE.xlsx or FILE.csv) and stop"), N_("FILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("print errors only"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *oc = g_option_context_new (N_("SHEET.xlsx|SHEET.csv -o DIR"));
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    oc, N_("Turns a spreadsheet of product sampling results (.xlsx, or CSV in UTF-8 or GBK; one\n"
           "failed sample per row, Chinese column headers such as 编号, 文号, 企业名称, 抽样日期)\n"
           "into one case record per row: DIR/<编号>.xml, checked like 'gongwen validate' (derived\n"
           "dates are counted from regime-6's deadlines). A row with a bad cell is reported as\n"
           "SHEET:LINE: column 列名: what is wrong, and skipped; the other rows are written.\n"
           "A record edited by hand after an earlier import is kept (and reported) unless\n"
           "--force. The columns are the 'column' names of xml/schema/case.labels.xml;\n"
           "'gongwen import --template cases.xlsx' writes an empty sheet with them."));
  g_option_context_set_description (oc, N_("Exit status: 0 every row imported, 1 some row "
                                           "failed, 2 usage error.\n"));
  g_option_context_add_main_entries (oc, entries, NULL);
  GError *err = NULL;
  gboolean parsed = g_option_context_parse (oc, &argc, &argv, &err);
  g_option_context_free (oc);
  if (!parsed || (!template && (argc != 2 || !out_dir)) || (template && argc != 1))
    {
      fprintf (stderr, _("gongwen import: %s\nTry 'gongwen import --help'.\n"),
               err ? err->message
                   : template ? _("--template takes no other file")
                   : argc != 2 ? _("expected one spreadsheet (.xlsx or .csv)")
                               : _("no -o DIR given"));
      g_clear_error (&err);
      g_free (out_dir);
      g_free (template);
      return GW_EXIT_USAGE;
    }
  gw_ctx *ctx = gw_cli_ctx_new (argv[0]);
  gw_record_cache *records = gw_record_cache_new ();
  int status = GW_EXIT_FAILED;
  if (template)
    {
      char **headers = gw_import_headers_new (ctx, records);
      if (gw_sheet_write_header (ctx, template, (const char *const *) headers))
        {
          status = GW_EXIT_OK;
          if (!quiet)
            printf (_("%s: an empty sheet with %u columns\n"), template, g_strv_length (headers));
        }
      g_strfreev (headers);
    }
  else
    {
      import_cli cli = { argv[1], quiet };
      gw_import_opts opts = { records, argv[1], out_dir, force, import_on_row, &cli };
      gw_import_result r;
      if (gw_import_run (ctx, &opts, &r))
        {
          guint made = r.outcomes[GW_IMPORT_WRITTEN] + r.outcomes[GW_IMPORT_UPDATED];
          guint failed = r.outcomes[GW_IMPORT_FAILED];
          if (!quiet || failed)
            {
              printf (ngettext ("%s (%s): %u record written to %s", "%s (%s): %u records "
                                "written to %s", made), argv[1], r.format, made, out_dir);
              if (r.outcomes[GW_IMPORT_UNCHANGED])
                printf (ngettext (", %u unchanged", ", %u unchanged",
                                  r.outcomes[GW_IMPORT_UNCHANGED]),
                        r.outcomes[GW_IMPORT_UNCHANGED]);
              if (r.outcomes[GW_IMPORT_KEPT])
                printf (ngettext (", %u kept (edited after import)",
                                  ", %u kept (edited after import)", r.outcomes[GW_IMPORT_KEPT]),
                        r.outcomes[GW_IMPORT_KEPT]);
              printf (ngettext (", %u row failed\n", ", %u rows failed\n", failed), failed);
            }
          status = failed ? GW_EXIT_FAILED : GW_EXIT_OK;
        }
    }
  gw_record_cache_free (records);
  gw_ctx_free (ctx);
  g_free (out_dir);
  g_free (template);
  return status;
}
