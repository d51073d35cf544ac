/* xmlload.c — safe XML parsing (see xmlload.h). */
#include "base/i18n.h"
#include "base/xmlload.h"
#include "base/files.h"

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
                       _("refused to load external resource '%s' (outside the allowed directories)"),
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

/* The node after `n` in document order, descending into element children; NULL after
 * the last node of the document. */
xmlNodePtr
gw_xml_next (xmlNodePtr n)
{
  if (n->children && n->type == XML_ELEMENT_NODE)
    return n->children;
  while (n && !n->next)
    {
      n = n->parent;
      if (n && n->type == XML_DOCUMENT_NODE)
        return NULL;
    }
  return n ? n->next : NULL;
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
                         _("elements nested deeper than %u levels"), ctx->limits.max_depth);
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

/* One parse in progress: where libxml2's messages go and how they are named. */
typedef struct xml_parse_job {
  gw_ctx *ctx;
  const char *name;   /* the input as shown in messages */
  char *last;         /* the previous message: libxml2 repeats some once per entity level */
} xml_parse_job;

/* libxml2's structured errors during a parse: named after the input when libxml2 has no
 * file (errors inside entities), one line each, repeats dropped, invalid UTF-8 with its
 * line, column and bytes. */
static void
xml_on_error (void *data, const xmlError *err)
{
  xml_parse_job *job = data;
  if (!err || err->level == XML_ERR_NONE)
    return;
  char *msg = g_strdup (err->message ? err->message : "XML error");
  for (char *p = msg; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  g_strstrip (msg);
  if (err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING)
    {
      const char *bytes = strstr (msg, "Bytes:");
      char *nice = bytes && strstr (msg, "UTF-8")
                     ? g_strdup_printf ("invalid UTF-8 at column %d (%s); the file must be "
                                        "UTF-8 or declare its encoding", err->int2, bytes)
                     : g_strdup_printf ("%s (column %d)", msg, err->int2);
      g_free (msg);
      msg = nice;
    }
  if (job->last && strcmp (job->last, msg) == 0)
    {
      g_free (msg);
      return;
    }
  gw_level level = err->level == XML_ERR_WARNING ? GW_LEVEL_WARNING : GW_LEVEL_ERROR;
  /* without a file the line counts inside an entity's text: not useful */
  gw_diag_report (job->ctx->diag, level, err->file ? err->file : job->name,
                  err->file ? err->line : 0, "%s", msg);
  g_free (job->last);
  job->last = msg;
}

/* Starts a parse: installs xml_on_error and the entity guard on this thread. */
static void
xml_parse_begin (xml_parse_job *job, gw_ctx *ctx, const char *name)
{
  job->ctx = ctx;
  job->name = name;
  job->last = NULL;
  xmlSetStructuredErrorFunc (job, (xmlStructuredErrorFunc) xml_on_error);
  gw_xml_guard (ctx);
}

/* Ends a parse: the context's own handlers again. */
static void
xml_parse_end (xml_parse_job *job)
{
  gw_diag_hook_xml (job->ctx->diag);
  g_free (job->last);
}

/* Refuses entity references in element content: gongwen never expands entities
 * (no XML_PARSE_NOENT), so their text would silently go missing; an external one is an
 * attempt to read another file. TRUE when there is none. */
static gboolean
xml_check_entities (gw_ctx *ctx, xmlDocPtr doc, const char *name)
{
  gboolean ok = TRUE;
  unsigned reported = 0;
  xmlNodePtr n = xmlDocGetRootElement (doc);
  while (n)
    {
      if (n->type == XML_ENTITY_REF_NODE)
        {
          xmlEntityPtr ent = xmlGetDocEntity (doc, n->name);
          gboolean external = ent && (ent->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY
                                      || ent->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY);
          if (reported++ < 5)
            {
              long line = n->parent ? xmlGetLineNo (n->parent) : 0;
              if (external)
                gw_diag_error (ctx->diag, name, line, _("refused external entity &%s; (%s): "
                               "documents may not include other files through entities"),
                               n->name, ent->SystemID ? (const char *) ent->SystemID : "");
              else
                gw_diag_error (ctx->diag, name, line, _("entity reference &%s; is not supported "
                               "(entities are never expanded): write the text itself or a "
                               "character reference"), n->name);
            }
          ok = FALSE;
        }
      n = gw_xml_next (n);
    }
  return ok;
}

/* Common tail of both readers: reports a failed parse, checks depth. */
static xmlDocPtr
xml_finish (gw_ctx *ctx, xmlParserCtxtPtr pctx, xmlDocPtr doc, const char *name)
{
  if (!doc || !pctx->wellFormed)
    {
      if (!gw_diag_failed (ctx->diag))
        gw_diag_error (ctx->diag, name, 0, _("not well-formed XML"));
      xmlFreeDoc (doc);
      return NULL;
    }
  if (!gw_xml_check_depth (ctx, doc, name) || !xml_check_entities (ctx, doc, name))
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
      while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0 && buf->len <= ctx->limits.max_input_bytes)
        g_string_append_len (buf, chunk, n);
      if (buf->len > ctx->limits.max_input_bytes)
        {
          gw_diag_error (ctx->diag, "<stdin>", 0, _("input larger than %zu bytes; refused"),
                         ctx->limits.max_input_bytes);
          g_string_free (buf, TRUE);
          return NULL;
        }
      xmlDocPtr doc = gw_xml_read_memory (ctx, buf->str, buf->len, "<stdin>");
      g_string_free (buf, TRUE);
      return doc;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      gw_diag_error (ctx->diag, path, 0, _("is a directory, not an XML file"));
      return NULL;
    }
  char *data = NULL;
  gsize len = 0;
  if (!gw_file_read_input (ctx, path, &data, &len))
    return NULL;
  if (len == 0)
    {
      gw_diag_error (ctx->diag, path, 0, _("empty file"));
      g_free (data);
      return NULL;
    }
  char *url = g_canonicalize_filename (path, ctx->cwd);
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
  xml_parse_job job;
  xml_parse_begin (&job, ctx, path);
  xmlDocPtr doc = xmlCtxtReadMemory (pctx, data, (int) len, path, NULL, gw_xml_parse_options ());
  xml_parse_end (&job);
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
      gw_diag_error (ctx->diag, name, 0, _("empty input"));
      return NULL;
    }
  if (len > G_MAXINT || len > ctx->limits.max_input_bytes)
    {
      gw_diag_error (ctx->diag, name, 0, _("input larger than %zu bytes; refused"),
                     MIN (ctx->limits.max_input_bytes, (gsize) G_MAXINT));
      return NULL;
    }
  xmlParserCtxtPtr pctx = xmlNewParserCtxt ();
  if (!pctx)
    return NULL;
  xml_parse_job job;
  xml_parse_begin (&job, ctx, name);
  xmlDocPtr doc = xmlCtxtReadMemory (pctx, buf, (int) len, name, NULL, gw_xml_parse_options ());
  xml_parse_end (&job);
  doc = xml_finish (ctx, pctx, doc, name);
  xmlFreeParserCtxt (pctx);
  return doc;
}
