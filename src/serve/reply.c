/* reply.c — the answers of the desk's API: responses, and the little JSON it writes
 * (strings, the problem list). */
#include "serve/private.h"

/* Appends `s` as a JSON string (quoted, escaped; NULL → null). */
void
gw_json_str (GString *out, const char *s)
{
  if (!s)
    {
      g_string_append (out, "null");
      return;
    }
  char *valid = g_utf8_make_valid (s, -1); /* hostile input may echo invalid bytes */
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) valid; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\u%04x", *p);
      else if (*p == '<') /* never "</script>" even if embedded in a page */
        g_string_append (out, "\\u003c");
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
  g_free (valid);
}

/* Appends the problems as a JSON array of {"line","field","path","message"}. */
void
gw_json_problems (GString *out, GPtrArray *problems)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < problems->len; i++)
    {
      const gw_problem *p = g_ptr_array_index (problems, i);
      g_string_append_printf (out, "%s{\"line\":", i ? "," : "");
      if (p->line > 0)
        g_string_append_printf (out, "%ld", p->line);
      else
        g_string_append (out, "null");
      g_string_append (out, ",\"field\":");
      gw_json_str (out, p->field);
      g_string_append (out, ",\"path\":");
      gw_json_str (out, p->path);
      g_string_append (out, ",\"message\":");
      gw_json_str (out, p->message);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* Sets a response: status, content type, body (copied). */
void
gw_serve_reply (SoupServerMessage *msg, guint status, const char *type, const char *body,
                gsize len)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, len);
}

/* Sets a JSON error response {"ok":false,"error":message}. */
void
gw_serve_error (SoupServerMessage *msg, guint status, const char *message)
{
  GString *out = g_string_new ("{\"ok\":false,\"error\":");
  gw_json_str (out, message);
  g_string_append (out, "}\n");
  gw_serve_reply (msg, status, "application/json; charset=utf-8", out->str, out->len);
  g_string_free (out, TRUE);
}
