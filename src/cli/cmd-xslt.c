/* cmd-xslt.c — the 'xslt' subcommand: runs one stylesheet on one XML file with the same
 * safety and extension functions as rendering, and prints the result. For template
 * maintainers: look at the XSL-FO a stylesheet makes before formatting it. */
#include "base/i18n.h"
#include "cli/cli.h"
#include "base/xmlload.h"
#include "transform/transform.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* Splits NAME=VALUE options into a NULL-terminated name, value list (caller g_strfreev);
 * NULL after reporting a malformed one. */
static char **
xslt_params_new (gw_ctx *ctx, char **opts)
{
  GPtrArray *list = g_ptr_array_new ();
  for (char **p = opts; p && *p; p++)
    {
      const char *eq = strchr (*p, '=');
      if (!eq || eq == *p)
        {
          gw_diag_error (ctx->diag, NULL, 0, _("--param '%s': expected NAME=VALUE"), *p);
          g_ptr_array_free (list, TRUE);
          return NULL;
        }
      g_ptr_array_add (list, g_strndup (*p, (gsize) (eq - *p)));
      g_ptr_array_add (list, g_strdup (eq + 1));
    }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

/* Runs 'gongwen xslt STYLESHEET FILE [-o OUT] [--param NAME=VALUE]…'. */
int
gw_cmd_xslt (int argc, char **argv)
{
  char *out_path = NULL;
  char **param_opts = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("write the result to OUT (default: standard output)"), N_("OUT") },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &param_opts,
      N_("pass the string VALUE as stylesheet parameter NAME (repeatable)"), N_("NAME=VALUE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *oc = g_option_context_new (N_("STYLESHEET FILE"));
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    oc, N_("Runs one XSLT stylesheet on one XML file (a record) and prints the result, with the\n"
        "gw: extension functions and the same security and limits as 'gongwen render':\n"
        "no file writing, no network, reads only under the data and input directories."));
  g_option_context_set_description (oc, N_("Exit status: 0 success, 1 the transformation failed, "
                                        "2 usage error."));
  g_option_context_add_main_entries (oc, entries, NULL);
  GError *err = NULL;
  int status = GW_EXIT_OK;
  if (!g_option_context_parse (oc, &argc, &argv, &err) || argc != 3)
    {
      fprintf (stderr, _("gongwen xslt: %s\nTry 'gongwen xslt --help'.\n"),
               err ? err->message : _("expected a STYLESHEET and a FILE"));
      g_clear_error (&err);
      g_option_context_free (oc);
      g_free (out_path);
      g_strfreev (param_opts);
      return GW_EXIT_USAGE;
    }
  g_option_context_free (oc);

  for (int i = 1; out_path && i <= 2; i++)
    {
      GStatBuf a, b;
      if (g_stat (out_path, &a) == 0 && g_stat (argv[i], &b) == 0 && a.st_dev == b.st_dev
          && a.st_ino == b.st_ino)
        {
          fprintf (stderr, _("gongwen xslt: the output %s is an input\n"), out_path);
          g_free (out_path);
          g_strfreev (param_opts);
          return GW_EXIT_USAGE;
        }
    }
  gw_ctx *ctx = gw_cli_ctx_new (argv[0]);
  char *input_dir = g_path_get_dirname (argv[2]);
  gw_ctx_allow_root (ctx, input_dir); /* document() may read the input's neighbours */
  g_free (input_dir);
  char **params = xslt_params_new (ctx, param_opts);
  xsltStylesheetPtr style = params ? gw_transform_load (ctx, argv[1]) : NULL;
  xmlDocPtr doc = style ? gw_xml_read_file (ctx, argv[2]) : NULL;
  xmlDocPtr result = doc ? gw_transform_apply (ctx, style, doc, (const char *const *) params, TRUE)
                         : NULL;
  gsize len = 0;
  char *text = result ? gw_transform_serialize (ctx, style, result, &len) : NULL;
  if (text && out_path)
    {
      GStatBuf sb;
      if (g_stat (out_path, &sb) == 0 && S_ISCHR (sb.st_mode))
        { /* a device (/dev/null, /dev/full): written in place, never replaced by a file */
          FILE *f = fopen (out_path, "wb");
          gboolean ok = f && fwrite (text, 1, len, f) == len;
          ok = (f && fclose (f) == 0) && ok;
          if (!ok)
            gw_diag_error (ctx->diag, out_path, 0, _("cannot write: %s"), g_strerror (errno));
        }
      else if (!g_file_set_contents (out_path, text, (gssize) len, &err)) /* temp file + rename */
        {
          gw_diag_error (ctx->diag, out_path, 0, _("cannot write: %s"), err->message);
          g_clear_error (&err);
        }
    }
  else if (text)
    fwrite (text, 1, len, stdout);
  if (!text || gw_diag_failed (ctx->diag))
    status = GW_EXIT_FAILED;
  g_free (text);
  xmlFreeDoc (result);
  xmlFreeDoc (doc);
  if (style)
    gw_transform_free (style);
  g_strfreev (params);
  g_strfreev (param_opts);
  g_free (out_path);
  gw_ctx_free (ctx);
  return status;
}
