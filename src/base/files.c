/* files.c — bounded input reads and temporary output names (see files.h). */
#include "base/i18n.h"
#include "base/files.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads a whole input file. */
gboolean
gw_file_read_input (gw_ctx *ctx, const char *path, char **data, gsize *len)
{
  *data = NULL;
  *len = 0;
  struct stat sb;
  if (stat (path, &sb) == 0)
    {
      if (!S_ISREG (sb.st_mode))
        {
          gw_diag_error (ctx->diag, path, 0, _("not a regular file (a device, pipe or socket); "
                         "refused"));
          return FALSE;
        }
      if ((guint64) sb.st_size > ctx->limits.max_input_bytes)
        {
          gw_diag_error (ctx->diag, path, 0, _("larger than %zu bytes; refused"),
                         ctx->limits.max_input_bytes);
          return FALSE;
        }
    }
  GError *err = NULL;
  if (!g_file_get_contents (path, data, len, &err))
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot read: %s"), err->message);
      g_error_free (err);
      return FALSE;
    }
  return TRUE;
}

/* "<dir>/.<name>.<pid><middle>.tmp" beside `path`. */
static char *
temp_name_new (const char *path, const char *middle)
{
  char *dir = g_path_get_dirname (path);
  char *base = g_path_get_basename (path);
  char *tmp = g_strdup_printf ("%s/.%s.%d%s.tmp", dir, base, (int) getpid (), middle);
  g_free (dir);
  g_free (base);
  return tmp;
}

/* A fixed temporary name beside `path`. */
char *
gw_temp_path_new (const char *path)
{
  return temp_name_new (path, "");
}

/* A mkostemps template beside `path`. */
char *
gw_temp_template_new (const char *path)
{
  return temp_name_new (path, ".XXXXXX");
}

/* The number `s` spells with decimal digits only (1 … G_MAXINT32), else 0. */
static pid_t
temp_pid (const char *s)
{
  if (!*s || strspn (s, "0123456789") != strlen (s))
    return 0;
  guint64 v = g_ascii_strtoull (s, NULL, 10);
  return v > 0 && v <= G_MAXINT32 ? (pid_t) v : 0;
}

/* The owner of a temporary name: ".<name>.<pid>.tmp" or ".<name>.<pid>.<6 random>.tmp". A
 * 6-character last part is the random one when digits come before it (a pid of six digits
 * is common, and mkostemps may draw six digits). */
pid_t
gw_temp_owner (const char *name)
{
  size_t n = strlen (name);
  if (name[0] != '.' || n < 8 || !g_str_has_suffix (name, ".tmp"))
    return 0;
  char *stem = g_strndup (name + 1, n - 5); /* without the leading '.' and ".tmp" */
  pid_t pid = 0;
  char *last = strrchr (stem, '.');
  if (last)
    {
      *last++ = '\0';
      char *before = strrchr (stem, '.');
      if (strlen (last) == 6 && before)
        pid = temp_pid (before + 1);
      if (!pid)
        pid = temp_pid (last);
    }
  g_free (stem);
  return pid;
}
