/* csv.c — reading a CSV export of a spreadsheet (see sheet.h). */
#include "base/i18n.h"
#include "records/sheet.h"

#include <string.h>

/* Frees one row. */
void
gw_sheet_row_free (gw_sheet_row *row)
{
  g_ptr_array_unref (row->fields);
  g_free (row);
}

/* Converts the file's bytes to UTF-8 (caller frees), or NULL after reporting. */
static char *
csv_to_utf8 (gw_ctx *ctx, const char *path, const char *data, gsize len, const char **encoding)
{
  const char *from = NULL;
  gsize skip = 0;
  if (len >= 3 && !memcmp (data, "\xef\xbb\xbf", 3))
    skip = 3, from = "UTF-8";
  else if (len >= 2 && !memcmp (data, "\xff\xfe", 2))
    skip = 2, from = "UTF-16LE";
  else if (len >= 2 && !memcmp (data, "\xfe\xff", 2))
    skip = 2, from = "UTF-16BE";
  else if (g_utf8_validate (data, (gssize) len, NULL))
    from = "UTF-8";
  else
    from = "GB18030"; /* a superset of GBK and GB2312 */
  *encoding = from;
  if (!strcmp (from, "UTF-8"))
    {
      if (!g_utf8_validate (data + skip, (gssize) (len - skip), NULL))
        {
          gw_diag_error (ctx->diag, path, 0, _("starts with a UTF-8 mark but is not UTF-8"));
          return NULL;
        }
      return g_strndup (data + skip, len - skip);
    }
  GError *err = NULL;
  gsize written = 0;
  char *out = g_convert (data + skip, (gssize) (len - skip), "UTF-8", from, NULL, &written, &err);
  if (!out)
    {
      gw_diag_error (ctx->diag, path, 0, _("neither UTF-8 nor GBK/GB18030 text (%s)"), err->message);
      g_error_free (err);
      return NULL;
    }
  if (memchr (out, '\0', written))
    {
      gw_diag_error (ctx->diag, path, 0, _("holds a NUL character: not a text file"));
      g_free (out);
      return NULL;
    }
  return out;
}

/* Parses the rows. */
GPtrArray *
gw_csv_parse (gw_ctx *ctx, const char *path, const char *data, gsize len, const char **encoding)
{
  *encoding = NULL;
  char *text = csv_to_utf8 (ctx, path, data, len, encoding);
  if (!text)
    return NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_sheet_row_free);
  GString *field = g_string_new (NULL);
  gw_sheet_row *row = NULL;
  long line = 1, quote_line = 0;
  gboolean quoted = FALSE, ok = TRUE;
  for (const char *p = text;; p++)
    {
      char c = *p;
      if (!row && c)
        {
          row = g_new0 (gw_sheet_row, 1);
          row->fields = g_ptr_array_new_with_free_func (g_free);
          row->line = line;
        }
      if (quoted)
        {
          if (!c)
            {
              gw_diag_error (ctx->diag, path, quote_line, _("a quoted field is not closed"));
              ok = FALSE;
              break;
            }
          if (c == '"' && p[1] == '"')
            g_string_append_c (field, '"'), p++;
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              if (!(c == '\r' && p[1] == '\n')) /* CRLF inside a field → LF */
                g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
        }
      else if (c == ',')
        {
          g_ptr_array_add (row->fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (c == '\n' || c == '\r' || !c)
        {
          if (row)
            {
              g_ptr_array_add (row->fields, g_strdup (field->str));
              g_string_truncate (field, 0);
              g_ptr_array_add (rows, row);
              row = NULL;
            }
          if (!c)
            break;
          if (c == '\r' && p[1] == '\n')
            p++;
          line++;
        }
      else
        g_string_append_c (field, c);
    }
  if (row)
    gw_sheet_row_free (row);
  g_string_free (field, TRUE);
  g_free (text);
  if (!ok)
    {
      g_ptr_array_unref (rows);
      return NULL;
    }
  return rows;
}
