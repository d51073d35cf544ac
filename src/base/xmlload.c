/* xmlload.c — safe XML parsing (see xmlload.h). */
#include "base/xmlload.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/dict.h>
#include <string.h>

/* The context the entity loader consults on this thread (not a setting: a guard pointer
 * set by gw_xml_guard around each parse). */
static _Thread_local gw_ctx *xml_guard_ctx;
static xmlExternalEntityLoader xml_default_loader;

/* Parser options: no network, no entity substitution, no DTD loading, compact trees. */
int
gw_xml_parse_options (void)
{
  return XML_PARSE_NONET | XML_PARSE_NOCDATA;
}

/* Loads an external entity only when it is a local file under an allowed root. */
static xmlParserInputPtr
xml_guarded_loader (const char *url, const char *id, xmlParserCtxtPtr pctx)
{
  gw_ctx *ctx = xml_guard_ctx;
  if (!url)
    return NULL;
  char *path = NULL;
  if (g_str_has_prefix (url, "file://"))
    path = g_filename_from_uri (url, NULL, NULL);
  else if (!strstr (url, "://"))
    path = g_strdup (url);
  gboolean ok = path && ctx && gw_ctx_path_allowed (ctx, path);
  if (!ok)
    {
      if (ctx)
        gw_diag_error (ctx->diag, pctx && pctx->input ? pctx->input->filename : NULL,
                       pctx && pctx->input ? pctx->input->line : 0,
                       "refused to load external resource '%s' (outside the allowed directories)",
                       url);
      g_free (path);
      return NULL;
    }
  g_free (path);
  return xml_default_loader (url, id, pctx);
}

/* Sets the thread's guard context and installs the loader once. */
void
gw_xml_guard (gw_ctx *ctx)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      xml_default_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (xml_guarded_loader);
      g_once_init_leave (&once, 1);
    }
  xml_guard_ctx = ctx;
}

/* Walks the tree and checks the nesting depth. */
gboolean
gw_xml_check_depth (gw_ctx *ctx, xmlDocPtr doc, const char *name)
{
  xmlNodePtr n = xmlDocGetRootElement (doc);
  unsigned depth = 1;
  while (n)
    {
      if (depth > ctx->limits.max_depth)
        {
          gw_diag_error (ctx->diag, name, xmlGetLineNo (n),
                         "elements nested deeper than %u levels", ctx->limits.max_depth);
          return FALSE;
        }
      if (n->children && n->type == XML_ELEMENT_NODE)
        {
          n = n->children;
          depth++;
          continue;
        }
      while (n && !n->next)
        {
          n = n->parent;
          depth--;
          if (n && n->type == XML_DOCUMENT_NODE)
            return TRUE;
        }
      if (n)
        n = n->next;
    }
  return TRUE;
}

/* Common tail of both readers: reports a failed parse, checks depth. */
static xmlDocPtr
xml_finish (gw_ctx *ctx, xmlParserCtxtPtr pctx, xmlDocPtr doc, const char *name)
{
  if (!doc || !pctx->wellFormed)
    {
      if (!gw_diag_failed (ctx->diag))
        gw_diag_error (ctx->diag, name, 0, "not well-formed XML");
      xmlFreeDoc (doc);
      return NULL;
    }
  if (!gw_xml_check_depth (ctx, doc, name))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/* Reads an XML file safely. */
xmlDocPtr
gw_xml_read_file (gw_ctx *ctx, const char *path)
{
  return gw_xml_read_file_dict (ctx, path, NULL);
}

/* Reads an XML file safely into a given dictionary (NULL: a new one). */
xmlDocPtr
gw_xml_read_file_dict (gw_ctx *ctx, const char *path, xmlDictPtr dict)
{
  if (strcmp (path, "-") == 0)
    {
      GString *buf = g_string_new (NULL);
      char chunk[65536];
      size_t n;
      while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_string_append_len (buf, chunk, n);
      xmlDocPtr doc = gw_xml_read_memory (ctx, buf->str, buf->len, "<stdin>");
      g_string_free (buf, TRUE);
      return doc;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      gw_diag_error (ctx->diag, path, 0, "is a directory, not an XML file");
      return NULL;
    }
  GError *gerr = NULL;
  char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &data, &len, &gerr))
    {
      gw_diag_error (ctx->diag, path, 0, "cannot read: %s", gerr->message);
      g_error_free (gerr);
      return NULL;
    }
  if (len == 0)
    {
      gw_diag_error (ctx->diag, path, 0, "empty file");
      g_free (data);
      return NULL;
    }
  char *url = g_canonicalize_filename (path, NULL);
  xmlParserCtxtPtr pctx = xmlNewParserCtxt ();
  if (!pctx)
    {
      g_free (data);
      g_free (url);
      return NULL;
    }
  if (dict)
    {
      if (pctx->dict)
        xmlDictFree (pctx->dict);
      pctx->dict = dict;
      xmlDictReference (dict);
    }
  gw_diag_hook_xml (ctx->diag);
  gw_xml_guard (ctx);
  xmlDocPtr doc = xmlCtxtReadMemory (pctx, data, (int) len, path, NULL, gw_xml_parse_options ());
  if (doc)
    {
      xmlFree ((xmlChar *) doc->URL);
      doc->URL = xmlStrdup ((const xmlChar *) url);
    }
  doc = xml_finish (ctx, pctx, doc, path);
  xmlFreeParserCtxt (pctx);
  g_free (data);
  g_free (url);
  return doc;
}

/* Parses XML from memory safely. */
xmlDocPtr
gw_xml_read_memory (gw_ctx *ctx, const char *buf, gsize len, const char *name)
{
  if (len == 0)
    {
      gw_diag_error (ctx->diag, name, 0, "empty input");
      return NULL;
    }
  if (len > G_MAXINT)
    {
      gw_diag_error (ctx->diag, name, 0, "input too large");
      return NULL;
    }
  xmlParserCtxtPtr pctx = xmlNewParserCtxt ();
  if (!pctx)
    return NULL;
  gw_diag_hook_xml (ctx->diag);
  gw_xml_guard (ctx);
  xmlDocPtr doc = xmlCtxtReadMemory (pctx, buf, (int) len, name, NULL, gw_xml_parse_options ());
  doc = xml_finish (ctx, pctx, doc, name);
  xmlFreeParserCtxt (pctx);
  return doc;
}
