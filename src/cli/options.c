/* options.c — what the subcommands share: the job context every command starts from, and
 * option helpers of the subcommands that render. */
#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/options.h"

#include <stdio.h>
#include <string.h>

/* Splits NAME=VALUE options. */
char **
gw_cli_params_new (const char *cmd, char **opts)
{
  GPtrArray *list = g_ptr_array_new ();
  for (char **p = opts; p && *p; p++)
    {
      const char *eq = strchr (*p, '=');
      if (!eq || eq == *p)
        {
          fprintf (stderr, _("gongwen %s: --param '%s': expected NAME=VALUE\n"), cmd, *p);
          g_ptr_array_add (list, NULL);
          g_strfreev ((char **) g_ptr_array_free (list, FALSE));
          return NULL;
        }
      g_ptr_array_add (list, g_strndup (*p, (gsize) (eq - *p)));
      g_ptr_array_add (list, g_strdup (eq + 1));
    }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

/* Parses "K/N". */
gboolean
gw_cli_parse_shard (const char *text, guint *k, guint *n)
{
  char *end = NULL;
  guint64 a, b;
  if (!text || !g_ascii_isdigit (*text))
    return FALSE;
  a = g_ascii_strtoull (text, &end, 10);
  if (!end || *end != '/' || !g_ascii_isdigit (end[1]))
    return FALSE;
  b = g_ascii_strtoull (end + 1, &end, 10);
  if (!end || *end || b < 1 || b > 100000 || a < 1 || a > b)
    return FALSE;
  *k = (guint) a;
  *n = (guint) b;
  return TRUE;
}

/* Checks --dpi and --xsl for render and batch. */
gboolean
gw_cli_check_render_opts (const char *cmd, double dpi, const char *xsl)
{
  if (!(dpi >= 10 && dpi <= 1200))
    {
      fprintf (stderr, _("gongwen %s: --dpi must be between 10 and 1200\n"), cmd);
      return FALSE;
    }
  if (xsl && !g_file_test (xsl, G_FILE_TEST_IS_REGULAR))
    {
      fprintf (stderr, _("gongwen %s: --xsl '%s': no such file\n"), cmd, xsl);
      return FALSE;
    }
  return TRUE;
}

/* Creates a job context with the data directory found from argv0. */
gw_ctx *
gw_cli_ctx_new (const char *argv0)
{
  gw_ctx *ctx = gw_ctx_new (NULL);
  gw_ctx_limit_memory (ctx);
  char *dir = gw_ctx_find_data_dir (argv0);
  gw_ctx_set_data_dir (ctx, dir);
  g_free (dir);
  return ctx;
}

/* Parses --format. */
gboolean
gw_cli_formats (const char *text, const char *output, gboolean png_ok, guint *formats)
{
  *formats = 0;
  if (!text)
    {
      *formats = output && g_str_has_suffix (output, ".png") && png_ok ? GW_FORMAT_PNG
                 : output && g_str_has_suffix (output, ".ofd") ? GW_FORMAT_OFD : GW_FORMAT_PDF;
      return TRUE;
    }
  char **v = g_strsplit (text, ",", -1);
  gboolean ok = v[0] != NULL;
  for (char **p = v; ok && *p; p++)
    {
      guint f = !strcmp (*p, "pdf") ? GW_FORMAT_PDF : !strcmp (*p, "ofd") ? GW_FORMAT_OFD
                : !strcmp (*p, "png") && png_ok ? GW_FORMAT_PNG : 0;
      ok = f && !(*formats & f);
      *formats |= f;
    }
  g_strfreev (v);
  /* PNG pages go alone: they are not a document beside the others */
  return ok && (!(*formats & GW_FORMAT_PNG) || *formats == GW_FORMAT_PNG);
}

/* One format's output name. */
char *
gw_cli_output_name (const char *output, guint formats, const char *ext)
{
  if (g_str_has_suffix (output, ext) || !(formats & (formats - 1)))
    return g_strdup (output);
  gsize n = strlen (output);
  if (g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".ofd"))
    n -= 4;
  return g_strdup_printf ("%.*s%s", (int) n, output, ext);
}
