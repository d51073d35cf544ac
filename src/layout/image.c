/* image.c — external graphics: PNG (Cairo), JPEG, GIF, TIFF, BMP and WebP (gdk-pixbuf) and
 * SVG (librsvg), with size limits.  A JPEG keeps its bytes for the PDF (DCT, not
 * re-encoded) and its EXIF orientation for render; the other formats are decoded upright. */
#include "layout/lay.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
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

/* The gdk-pixbuf loader for the file's signature (only the formats gongwen accepts, so no
 * other loader ever sees a hostile file), or NULL; `what` names the format for messages. */
static const char *
raster_type (const guchar *d, gsize n, const char **what)
{
  static const struct { const char *magic; gsize off, len; const char *type, *what; } sig[] = {
    { "\xff\xd8\xff", 0, 3, "jpeg", "JPEG" },  { "GIF87a", 0, 6, "gif", "GIF" },
    { "GIF89a", 0, 6, "gif", "GIF" },            { "II*\0", 0, 4, "tiff", "TIFF" },
    { "MM\0*", 0, 4, "tiff", "TIFF" },           { "BM", 0, 2, "bmp", "BMP" },
    { "WEBP", 8, 4, "webp", "WebP" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (sig); i++)
    if (n >= sig[i].off + sig[i].len && !memcmp (d + sig[i].off, sig[i].magic, sig[i].len)
        && (strcmp (sig[i].type, "webp") || !memcmp (d, "RIFF", 4)))
      {
        *what = sig[i].what;
        return sig[i].type;
      }
  return NULL;
}

/* The size limit of a decode: refuses (0 × 0, the loaders stop) an image over the limit. */
typedef struct { guint64 max_pixels; int w, h; } raster_size;

/* gdk-pixbuf "size-prepared": remembers the size, stops the decoder when it is too large. */
static void
raster_size_prepared (GdkPixbufLoader *loader, int w, int h, gpointer data)
{
  raster_size *rs = data;
  rs->w = w;
  rs->h = h;
  if (w <= 0 || h <= 0 || (guint64) w * (guint64) h > rs->max_pixels)
    gdk_pixbuf_loader_set_size (loader, 0, 0);
}

/* A cairo image surface with the pixels of a pixbuf (RGB24, or premultiplied ARGB32 when it
 * has alpha); caller owns. */
static cairo_surface_t *
surface_from_pixbuf (const GdkPixbuf *pb)
{
  int w = gdk_pixbuf_get_width (pb), h = gdk_pixbuf_get_height (pb);
  int nc = gdk_pixbuf_get_n_channels (pb), rs = gdk_pixbuf_get_rowstride (pb);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pb);
  const guchar *px = gdk_pixbuf_read_pixels (pb);
  cairo_surface_t *s = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
  if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS)
    return s;
  cairo_surface_flush (s);
  guchar *out = cairo_image_surface_get_data (s);
  int ors = cairo_image_surface_get_stride (s);
  for (int y = 0; y < h; y++)
    {
      const guchar *p = px + (gsize) y * rs;
      guint32 *q = (guint32 *) (out + (gsize) y * ors);
      for (int x = 0; x < w; x++, p += nc)
        {
          guint32 a = alpha ? p[3] : 255;
          guint32 r = (p[0] * a + 127) / 255, g = (p[1] * a + 127) / 255, b = (p[2] * a + 127) / 255;
          q[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
  cairo_surface_mark_dirty (s);
  return s;
}

/* Decodes a JPEG, GIF, TIFF, BMP or WebP into `img`; FALSE after reporting.  `bytes` (the
 * file) is kept as the JPEG's mime data, so the PDF embeds the file itself. */
static gboolean
load_raster (lay_job *job, const gw_fo *fo, const char *src, const char *type, const char *what,
             GBytes *bytes, gw_image *img)
{
  gw_diag *diag = job->ctx->diag;
  const char *file = job->tree->file;
  GError *err = NULL;
  gsize n = 0;
  const guchar *d = g_bytes_get_data (bytes, &n);
  guint64 riff = n >= 8 ? (guint64) d[4] | (guint64) d[5] << 8 | (guint64) d[6] << 16 | (guint64) d[7] << 24 : 0;
  if (!strcmp (type, "webp") && (n < 12 || riff > n - 8))
    {
      /* the WebP loader paints what it has of a cut-off file without a word */
      gw_diag_error (diag, file, fo->line, "image '%s' is not a readable WebP (the file is cut off)", src);
      return FALSE;
    }
  GdkPixbufLoader *ld = gdk_pixbuf_loader_new_with_type (type, &err);
  if (!ld)
    {
      gw_diag_error (diag, file, fo->line, "image '%s': no %s decoder is installed (%s)", src, what,
                     err->message);
      g_error_free (err);
      return FALSE;
    }
  raster_size rs = { job->ctx->limits.max_image_pixels, 0, 0 };
  g_signal_connect (ld, "size-prepared", G_CALLBACK (raster_size_prepared), &rs);
  gboolean ok = gdk_pixbuf_loader_write (ld, d, n, &err);
  ok = gdk_pixbuf_loader_close (ld, ok ? &err : NULL) && ok;
  GdkPixbuf *pb = ok ? gdk_pixbuf_loader_get_pixbuf (ld) : NULL;
  gboolean sized = rs.w != 0 || rs.h != 0; /* the decoder read the header */
  if (sized && (rs.w <= 0 || rs.h <= 0 || (guint64) rs.w * (guint64) rs.h > rs.max_pixels))
    {
      gw_diag_error (diag, file, fo->line, "image '%s' has an unsupported size %d × %d pixels", src, rs.w, rs.h);
      g_clear_error (&err);
      g_object_unref (ld);
      return FALSE;
    }
  if (!pb)
    {
      gw_diag_error (diag, file, fo->line, "image '%s' is not a readable %s (%s)", src, what,
                     err ? err->message : "no picture in it");
      g_clear_error (&err);
      g_object_unref (ld);
      return FALSE;
    }
  const char *o = gdk_pixbuf_get_option (pb, "orientation");
  guint orientation = o ? (guint) g_ascii_strtoull (o, NULL, 10) : 1;
  if (orientation < 1 || orientation > 8)
    orientation = 1;
  gboolean jpeg = !strcmp (type, "jpeg");
  GdkPixbuf *upright = jpeg ? g_object_ref (pb) : gdk_pixbuf_apply_embedded_orientation (pb);
  cairo_surface_t *s = surface_from_pixbuf (upright);
  if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS)
    {
      gw_diag_error (diag, file, fo->line, "image '%s': %s", src, cairo_status_to_string (cairo_surface_status (s)));
      cairo_surface_destroy (s);
      g_object_unref (upright);
      g_object_unref (ld);
      return FALSE;
    }
  if (jpeg) /* embedded as it is (DCT); turned upright by render from the EXIF orientation */
    {
      img->orientation = orientation;
      cairo_surface_set_mime_data (s, CAIRO_MIME_TYPE_JPEG, d, n, (cairo_destroy_func_t) g_bytes_unref,
                                   g_bytes_ref (bytes));
    }
  else
    img->orientation = 1;
  /* the size at the image's resolution when it states one, else at 96 dpi (as PNG) */
  const char *xd = gdk_pixbuf_get_option (pb, "x-dpi"), *yd = gdk_pixbuf_get_option (pb, "y-dpi");
  double xdpi = xd ? g_ascii_strtod (xd, NULL) : 0, ydpi = yd ? g_ascii_strtod (yd, NULL) : 0;
  if (xdpi < 10 || xdpi > 10000 || ydpi < 10 || ydpi > 10000)
    xdpi = ydpi = 96;
  double pw = cairo_image_surface_get_width (s), ph = cairo_image_surface_get_height (s);
  if (img->orientation >= 5) /* turned a quarter: width and height change places */
    {
      double t = pw;
      pw = ph, ph = t;
      t = xdpi, xdpi = ydpi, ydpi = t;
    }
  img->w = pw * 72 / xdpi;
  img->h = ph * 72 / ydpi;
  img->surface = s;
  g_object_unref (upright);
  g_object_unref (ld);
  return TRUE;
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
  img->orientation = 1;
  const char *type, *what;
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
  else if ((type = raster_type ((const guchar *) data, n, &what)))
    {
      GBytes *bytes = g_bytes_new_take (data, n);
      data = NULL;
      gboolean ok = load_raster (job, fo, src, type, what, bytes, img);
      g_bytes_unref (bytes);
      if (!ok)
        goto fail;
    }
  else
    {
      gw_diag_error (job->ctx->diag, file, fo->line, "image '%s': unsupported format (PNG, JPEG, GIF, "
                     "TIFF, BMP, WebP and SVG are supported)", src);
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
