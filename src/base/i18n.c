/* i18n.c — finds the compiled message catalogs (see i18n.h). */
#include "base/i18n.h"

#include <locale.h>
#include <stdlib.h>

#ifndef GW_LOCALEDIR
#define GW_LOCALEDIR "/usr/local/share/locale"
#endif

/* The catalog folder of an uninstalled build: <dir of the binary>/locale or its parent's
 * (build/gongwen and build/asan/gongwen both find build/locale); caller frees, NULL if none. */
static char *
i18n_build_dir_new (void)
{
  char *exe = realpath ("/proc/self/exe", NULL);
  if (!exe)
    return NULL;
  char *dir = g_path_get_dirname (exe);
  free (exe);
  char *found = NULL;
  for (int up = 0; up < 2 && !found; up++)
    {
      char *probe = g_build_filename (dir, "locale", NULL);
      char *mo = g_build_filename (probe, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        found = g_steal_pointer (&probe);
      g_free (probe);
      g_free (mo);
      char *parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
  g_free (dir);
  return found;
}

/* Binds the text domain. */
void
gw_i18n_init (void)
{
  const char *env = g_getenv ("GW_LOCALEDIR");
  char *dir = env && *env ? g_strdup (env) : i18n_build_dir_new ();
  bindtextdomain (GETTEXT_PACKAGE, dir ? dir : GW_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_free (dir);
}
