/* ofd-zip.c — the zip of an OFD package, the same bytes for the same files. */
#include "render/ofd-zip.h"
#include "base/i18n.h"

#include <time.h>
#include <zip.h>

/* Zips the files. */
GBytes *
gw_ofd_zip_new (gw_ctx *ctx, GPtrArray *names, GPtrArray *datas, gint64 when, const char *path)
{
  GDateTime *dt = g_date_time_new_from_unix_utc (MAX (when, 315532800)); /* ≥ 1980 (DOS) */
  struct tm tm = { .tm_year = g_date_time_get_year (dt) - 1900,
                   .tm_mon = g_date_time_get_month (dt) - 1,
                   .tm_mday = g_date_time_get_day_of_month (dt),
                   .tm_hour = g_date_time_get_hour (dt),
                   .tm_min = g_date_time_get_minute (dt),
                   .tm_sec = g_date_time_get_second (dt), .tm_isdst = -1 };
  g_date_time_unref (dt);
  time_t mtime = mktime (&tm); /* libzip turns it back with localtime: the same fields */
  zip_error_t ze;
  zip_error_init (&ze);
  zip_source_t *src = zip_source_buffer_create (NULL, 0, 0, &ze);
  zip_t *z = src ? zip_open_from_source (src, ZIP_TRUNCATE, &ze) : NULL;
  gboolean ok = z != NULL;
  if (src)
    zip_source_keep (src);
  for (guint k = 0; ok && k < names->len; k++)
    {
      const char *name = g_ptr_array_index (names, k);
      gsize len;
      const void *d = g_bytes_get_data (g_ptr_array_index (datas, k), &len);
      zip_source_t *s = zip_source_buffer (z, d, len, 0);
      zip_int64_t idx = s ? zip_file_add (z, name, s, ZIP_FL_ENC_UTF_8) : -1;
      if (idx < 0)
        {
          zip_source_free (s);
          ok = FALSE;
          break;
        }
      gboolean stored = g_str_has_suffix (name, ".jpg") || g_str_has_suffix (name, ".png");
      ok = zip_set_file_compression (z, (zip_uint64_t) idx, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9) == 0
           && zip_file_set_mtime (z, (zip_uint64_t) idx, mtime, 0) == 0
           && zip_file_set_external_attributes (z, (zip_uint64_t) idx, 0, ZIP_OPSYS_UNIX, 0100644u << 16) == 0;
    }
  GBytes *out = NULL;
  if (ok && zip_close (z) == 0)
    {
      z = NULL;
      zip_stat_t st;
      if (zip_source_open (src) == 0)
        {
          if (zip_source_stat (src, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
            {
              void *buf = g_malloc (st.size ? st.size : 1);
              if (zip_source_read (src, buf, st.size) == (zip_int64_t) st.size)
                out = g_bytes_new_take (buf, st.size);
              else
                g_free (buf);
            }
          zip_source_close (src);
        }
    }
  if (!out)
    gw_diag_error (ctx->diag, path, 0, _("cannot make the OFD package: %s"),
                   z ? zip_strerror (z) : zip_error_strerror (&ze));
  if (z)
    zip_discard (z);
  if (src)
    zip_source_free (src);
  zip_error_fini (&ze);
  return out;
}
