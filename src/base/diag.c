/* diag.c — the error funnel: formatting, sticky status, warning caps. */
#include "base/i18n.h"
#include "base/diag.h"

#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>
#include <stdarg.h>
#include <string.h>

#define GW_WARNING_CAP 50

struct gw_diag {
  /* borrowed */
  FILE *out;
  /* owned */
  GHashTable *once_keys;
  GString *kept;
  /* values */
  unsigned errors;
  unsigned warnings;
  gboolean keep;
  gboolean quiet;
};

/* Creates a funnel printing to `out`. */
gw_diag *
gw_diag_new (FILE *out)
{
  gw_diag *d = g_new0 (gw_diag, 1);
  d->out = out ? out : stderr;
  d->once_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->kept = g_string_new (NULL);
  return d;
}

/* Frees the funnel. */
void
gw_diag_free (gw_diag *diag)
{
  if (!diag)
    return;
  g_hash_table_destroy (diag->once_keys);
  g_string_free (diag->kept, TRUE);
  g_free (diag);
}

/* Formats and emits one message; every report ends up here. */
static void
diag_emit (gw_diag *d, gw_level level, const char *file, long line, const char *fmt,
           va_list ap)
{
  if (level == GW_LEVEL_ERROR)
    d->errors++;
  else if (level == GW_LEVEL_WARNING)
    {
      d->warnings++;
      if (d->warnings > GW_WARNING_CAP)
        {
          if (d->warnings == GW_WARNING_CAP + 1 && !d->quiet)
            fprintf (d->out, _("%s: warning: more warnings suppressed\n"), file ? file : "gongwen");
          return;
        }
    }
  GString *msg = g_string_new (NULL);
  if (file && line > 0)
    g_string_append_printf (msg, "%s:%ld: ", file, line);
  else if (file)
    g_string_append_printf (msg, "%s: ", file);
  else
    g_string_append (msg, "gongwen: ");
  if (level == GW_LEVEL_WARNING)
    g_string_append (msg, _("warning: "));
  else if (level == GW_LEVEL_NOTE)
    g_string_append (msg, _("note: "));
  g_string_append_vprintf (msg, fmt, ap);
  while (msg->len && msg->str[msg->len - 1] == '\n')
    g_string_truncate (msg, msg->len - 1);
  if (!d->quiet)
    {
      fprintf (d->out, "%s\n", msg->str);
      fflush (d->out);
    }
  if (d->keep)
    g_string_append_printf (d->kept, "%s\n", msg->str);
  g_string_free (msg, TRUE);
}

/* Reports one message at the given level. */
void
gw_diag_report (gw_diag *diag, gw_level level, const char *file, long line, const char *fmt,
                ...)
{
  va_list ap;
  va_start (ap, fmt);
  diag_emit (diag, level, file, line, fmt, ap);
  va_end (ap);
}

/* Reports an error. */
void
gw_diag_error (gw_diag *diag, const char *file, long line, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  diag_emit (diag, GW_LEVEL_ERROR, file, line, fmt, ap);
  va_end (ap);
}

/* Reports a warning. */
void
gw_diag_warn (gw_diag *diag, const char *file, long line, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  diag_emit (diag, GW_LEVEL_WARNING, file, line, fmt, ap);
  va_end (ap);
}

/* Reports a warning once per key. */
void
gw_diag_warn_once (gw_diag *diag, const char *key, const char *file, long line,
                   const char *fmt, ...)
{
  if (g_hash_table_contains (diag->once_keys, key))
    return;
  g_hash_table_add (diag->once_keys, g_strdup (key));
  va_list ap;
  va_start (ap, fmt);
  diag_emit (diag, GW_LEVEL_WARNING, file, line, fmt, ap);
  va_end (ap);
}

/* TRUE once an error was reported. */
gboolean
gw_diag_failed (const gw_diag *diag)
{
  return diag->errors > 0;
}

/* Number of errors. */
unsigned
gw_diag_error_count (const gw_diag *diag)
{
  return diag->errors;
}

/* Number of warnings. */
unsigned
gw_diag_warning_count (const gw_diag *diag)
{
  return diag->warnings;
}

/* Clears counts, once-keys and kept messages. */
void
gw_diag_reset (gw_diag *diag)
{
  diag->errors = 0;
  diag->warnings = 0;
  g_hash_table_remove_all (diag->once_keys);
  g_string_truncate (diag->kept, 0);
}

/* Keeps messages in memory too. */
void
gw_diag_set_keep (gw_diag *diag, gboolean keep)
{
  diag->keep = keep;
}

/* The kept messages. */
const char *
gw_diag_messages (const gw_diag *diag)
{
  return diag->kept->str;
}

/* Silences printing. */
void
gw_diag_set_quiet (gw_diag *diag, gboolean quiet)
{
  diag->quiet = quiet;
}

/* Receives libxml2 structured errors and sends them into the funnel. */
static void
diag_xml_structured (void *ctx, const xmlError *err)
{
  gw_diag *d = ctx;
  if (!err || err->level == XML_ERR_NONE)
    return;
  gw_level level = err->level == XML_ERR_WARNING ? GW_LEVEL_WARNING : GW_LEVEL_ERROR;
  const char *msg = err->message ? err->message : "XML error";
  gw_diag_report (d, level, err->file, err->line, "%s", msg);
}

/* Receives libxslt generic errors (printf-style fragments) and sends them into the funnel. */
static void
diag_xslt_generic (void *ctx, const char *fmt, ...)
{
  gw_diag *d = ctx;
  va_list ap;
  va_start (ap, fmt);
  char *s = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_strchomp (s);
  if (*s)
    gw_diag_report (d, GW_LEVEL_ERROR, NULL, 0, "%s", s);
  g_free (s);
}

/* Installs (or with NULL removes) the libxml2/libxslt handlers for this thread. */
void
gw_diag_hook_xml (gw_diag *diag)
{
  if (diag)
    {
      xmlSetStructuredErrorFunc (diag, (xmlStructuredErrorFunc) diag_xml_structured);
      xsltSetGenericErrorFunc (diag, diag_xslt_generic);
    }
  else
    {
      xmlSetStructuredErrorFunc (NULL, NULL);
      xsltSetGenericErrorFunc (NULL, NULL);
    }
}
