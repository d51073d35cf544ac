/* i18n.c — finds the compiled message catalogs (see i18n.h). */
#include "base/i18n.h"

#include <locale.h>
#include <stdlib.h>

#ifndef GW_LOCALEDIR
#define GW_LOCALEDIR "/usr/local/share/locale"
#endif

/* The catalog folder found from the binary: <its dir>/locale, <its dir>/share/locale, then
 * the same one folder up; caller frees, NULL if none. */
static char *
i18n_build_dir_new (void)
{
  char *exe = realpath ("/proc/self/exe", NULL);
  if (!exe)
    return NULL;
  char *dir = g_path_get_dirname (exe);
  free (exe);
  char *found = NULL;
  /* build/locale beside build/gongwen or build/asan/gongwen; PREFIX/share/locale beside an
   * installed PREFIX/bin/gongwen (wherever PREFIX is, as for the data directory) */
  for (int up = 0; up < 2 && !found; up++)
    {
      for (int share = 0; share < 2 && !found; share++)
        {
          char *probe = share ? g_build_filename (dir, "share", "locale", NULL)
                              : g_build_filename (dir, "locale", NULL);
          char *mo = g_build_filename (probe, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                       NULL);
          if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
            found = g_steal_pointer (&probe);
          g_free (probe);
          g_free (mo);
        }
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
