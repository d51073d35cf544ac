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
