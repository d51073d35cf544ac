/* image.c — external graphics: PNG (Cairo) and SVG (librsvg), with size limits. */
#include "layout/lay.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <string.h>

/* Frees an image. */
void
lay_image_free (gpointer p)
{
  gw_image *img = p;
  if (!img)
    return;
  if (img->surface)
    cairo_surface_destroy (img->surface);
  if (img->svg)
    g_object_unref (img->svg);
  g_free (img->path);
  g_free (img);
}

/* Resolves src="url(...)" relative to the FO document's directory. */
static char *
image_path (lay_job *job, const char *src)
{
  char *s = g_strdup (src);
  g_strstrip (s);
  if (g_str_has_prefix (s, "url(") && g_str_has_suffix (s, ")"))
    {
      char *in = g_strndup (s + 4, strlen (s) - 5);
      g_free (s);
      s = g_strstrip (in);
      size_t n = strlen (s);
      if (n >= 2 && (s[0] == '\'' || s[0] == '"'))
        {
          memmove (s, s + 1, n);
          s[n - 2] = 0;
        }
    }
  if (g_str_has_prefix (s, "file://"))
    {
      char *p = g_filename_from_uri (s, NULL, NULL);
      g_free (s);
      s = p;
    }
  if (s && !g_path_is_absolute (s))
    {
      const char *base = job->tree->doc->URL ? (const char *) job->tree->doc->URL : job->tree->file;
      char *dir = base ? g_path_get_dirname (base) : g_get_current_dir ();
      char *p = g_build_filename (dir, s, NULL);
      g_free (dir);
      g_free (s);
      s = p;
    }
  return s;
}

/* Reads a PNG's dimensions from its IHDR chunk; FALSE if not a PNG. */
static gboolean
png_size (const guchar *d, gsize n, guint32 *w, guint32 *h)
{
  static const guchar sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  if (n < 24 || memcmp (d, sig, 8) || memcmp (d + 12, "IHDR", 4))
    return FALSE;
  *w = (guint32) d[16] << 24 | (guint32) d[17] << 16 | (guint32) d[18] << 8 | d[19];
  *h = (guint32) d[20] << 24 | (guint32) d[21] << 16 | (guint32) d[22] << 8 | d[23];
  return TRUE;
}

/* Reads PNG bytes for cairo. */
typedef struct { const guchar *d; gsize n, pos; } png_reader;

/* cairo read callback over a memory buffer. */
static cairo_status_t
png_read (void *closure, unsigned char *data, unsigned int length)
{
  png_reader *r = closure;
  if (r->pos + length > r->n)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->d + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Loads an image (cached per job). */
gw_image *
lay_image_load (lay_job *job, const gw_fo *fo, const char *src)
{
  char *path = image_path (job, src);
  if (!path)
    {
      gw_diag_error (job->ctx->diag, job->tree->file, fo->line, "invalid image source '%s'", src);
      return NULL;
    }
  gw_image *img = g_hash_table_lookup (job->images, path);
  if (img)
    {
      g_free (path);
      return img;
    }
  const char *file = job->tree->file;
  if (strstr (path, "://"))
    {
      gw_diag_error (job->ctx->diag, file, fo->line, "image '%s': only local files are allowed", src);
      g_free (path);
      return NULL;
    }
  GError *err = NULL;
  gchar *data = NULL;
  gsize n = 0;
  GStatBuf sb;
  if (g_stat (path, &sb) == 0 && !S_ISREG (sb.st_mode)) /* /dev/zero or a FIFO: read forever */
    {
      gw_diag_error (job->ctx->diag, file, fo->line, "image '%s' is not a regular file", src);
      g_free (path);
      return NULL;
    }
  if (g_stat (path, &sb) == 0 && (gsize) sb.st_size > job->ctx->limits.max_image_bytes)
    {
      gw_diag_error (job->ctx->diag, file, fo->line, "image '%s' is larger than %zu bytes", src,
                     job->ctx->limits.max_image_bytes);
      g_free (path);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &n, &err))
    {
      gw_diag_error (job->ctx->diag, file, fo->line, "cannot read image '%s': %s", src, err->message);
      g_error_free (err);
      g_free (path);
      return NULL;
    }
  img = g_new0 (gw_image, 1);
  img->path = g_strdup (path);
  guint32 w, h;
  if (png_size ((const guchar *) data, n, &w, &h))
    {
      if (w == 0 || h == 0 || (guint64) w * h > job->ctx->limits.max_image_pixels)
        {
          gw_diag_error (job->ctx->diag, file, fo->line, "image '%s' has an unsupported size %u × %u pixels", src, w, h);
          goto fail;
        }
      png_reader r = { (const guchar *) data, n, 0 };
      cairo_surface_t *s = cairo_image_surface_create_from_png_stream (png_read, &r);
      if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS)
        {
          gw_diag_error (job->ctx->diag, file, fo->line, "image '%s' is not a readable PNG (%s)", src,
                         cairo_status_to_string (cairo_surface_status (s)));
          cairo_surface_destroy (s);
          goto fail;
        }
      img->surface = s;
      img->w = w * 0.75;
      img->h = h * 0.75;
    }
  else if (n > 0 && (g_str_has_suffix (path, ".svg") || memmem (data, MIN (n, 1024), "<svg", 4)))
    {
      RsvgHandle *hd = rsvg_handle_new_from_data ((const guint8 *) data, n, &err);
      if (!hd)
        {
          gw_diag_error (job->ctx->diag, file, fo->line, "image '%s' is not a readable SVG: %s", src, err ? err->message : "?");
          if (err)
            g_error_free (err);
          goto fail;
        }
      gdouble sw = 0, sh = 0;
      if (!rsvg_handle_get_intrinsic_size_in_pixels (hd, &sw, &sh) || sw <= 0 || sh <= 0)
        sw = sh = 100;
      if (sw > 1e5 || sh > 1e5)
        {
          gw_diag_error (job->ctx->diag, file, fo->line, "image '%s' is too large (%.0f × %.0f)", src, sw, sh);
          g_object_unref (hd);
          goto fail;
        }
      img->svg = hd;
      img->w = sw * 0.75;
      img->h = sh * 0.75;
    }
  else
    {
      gw_diag_error (job->ctx->diag, file, fo->line, "image '%s': unsupported format (PNG and SVG are supported)", src);
      goto fail;
    }
  g_free (data);
  g_hash_table_insert (job->images, path, img);
  return img;
fail:
  g_free (data);
  g_free (path);
  lay_image_free (img);
  return NULL;
}
