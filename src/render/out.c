/* out.c — writing a renderer's output file whole, every step checked. */
#include "render/out.h"
#include "base/sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Opens `path` for writing; FALSE after reporting. */
gboolean
gw_render_out_open (gw_ctx *ctx, gw_render_out *o, const char *path, const char *what)
{
  o->err = 0;
  o->sha256 = NULL;
  o->buf = g_byte_array_sized_new (64 * 1024);
  /* No O_TRUNC: the engine hands over a new, empty temporary file, and truncating it makes
   * ext4 start writing it back at close (its replace-by-truncate heuristic), per document.
   * A non-empty regular file (written directly) is truncated here. */
  int fd = open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  struct stat st;
  if (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0
      && ftruncate (fd, 0) != 0)
    {
      int e = errno;
      close (fd);
      fd = -1;
      errno = e;
    }
  o->f = fd >= 0 ? fdopen (fd, "wb") : NULL;
  if (fd >= 0 && !o->f)
    {
      int e = errno;
      close (fd);
      errno = e;
    }
  if (!o->f)
    {
      gw_diag_error (ctx->diag, path, 0, "cannot create %s: %s", what, g_strerror (errno));
      g_byte_array_unref (o->buf);
    }
  return o->f != NULL;
}

/* Writes the collected bytes and closes the file; FALSE after reporting the first error. */
gboolean
gw_render_out_close (gw_ctx *ctx, gw_render_out *o, const char *path, const char *what)
{
  if (o->buf->len && fwrite (o->buf->data, 1, o->buf->len, o->f) != o->buf->len)
    o->err = errno ? errno : EIO;
  if (fflush (o->f) != 0 && !o->err)
    o->err = errno;
  if (fclose (o->f) != 0 && !o->err)
    o->err = errno;
  if (o->sha256 && !o->err) /* from the bytes in hand: no reading the file back */
    *o->sha256 = gw_sha256_hex_new (o->buf->data, o->buf->len);
  g_byte_array_unref (o->buf);
  if (o->err)
    gw_diag_error (ctx->diag, path, 0, "writing the %s failed: %s", what, g_strerror (o->err));
  return o->err == 0;
}
