/* documents.c — the registry of documents per record kind (see documents.h and the
 * comment at the top of xsl/documents.xml for its vocabulary).
 *
 * Evaluation, for one record:
 *   1. every <var name select> of the registry, in order, becomes $name (evaluated on the
 *      record's root, prefix r; later vars and all expressions may use earlier ones);
 *   2. every <kind> whose @name is the record's kind and whose @when (if any) is true
 *      contributes its <document>s whose own @when (if any) is true;
 *   3. each document's @name expression gives the output name, made safe by
 *      gw_docname_sanitize_new (an empty name falls back to <xsl base>-<record id>). */
#include "base/i18n.h"
#include "records/documents.h"
#include "records/private.h"
#include "base/xmlload.h"

#include <libxml/xpathInternals.h>
#include <string.h>

#define GW_DOCUMENTS_NS "urn:gongwen:documents:1"

/* Frees one document spec. */
void
gw_docspec_free (gw_docspec *spec)
{
  if (!spec)
    return;
  g_free (spec->kind);
  g_free (spec->xsl_path);
  g_free (spec->output_name);
  g_free (spec);
}

/* TRUE for characters some file system forbids or that are invisible (control, format
 * and separator characters other than the plain space). */
static gboolean
docname_bad_char (gunichar c)
{
  if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
    return TRUE;
  if (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c))
    return TRUE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Makes a safe file name. */
char *
gw_docname_sanitize_new (const char *raw, const char *fallback)
{
  char *valid = g_utf8_make_valid (raw ? raw : "", -1);
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x3000 /* ideographic space */)
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      if (docname_bad_char (c))
        g_string_append_c (s, '_');
      else
        g_string_append_unichar (s, c);
    }
  g_free (valid);
  /* no leading dots (hidden files, "..") */
  size_t lead = strspn (s->str, ". ");
  g_string_erase (s, 0, (gssize) lead);
  /* at most GW_DOCNAME_MAX bytes, cut at a character boundary */
  if (s->len > GW_DOCNAME_MAX)
    {
      const char *end = s->str + GW_DOCNAME_MAX;
      while (end > s->str && (*end & 0xc0) == 0x80)
        end--;
      g_string_truncate (s, (gsize) (end - s->str));
    }
  /* no trailing dots or spaces (Windows drops them) */
  while (s->len && (s->str[s->len - 1] == '.' || s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);
  /* device names Windows reserves */
  static const char *const reserved[] = { "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
                                          "COM4", "LPT1", "LPT2", "LPT3" };
  for (size_t i = 0; i < G_N_ELEMENTS (reserved); i++)
    {
      size_t n = strlen (reserved[i]);
      if (g_ascii_strncasecmp (s->str, reserved[i], n) == 0 && (!s->str[n] || s->str[n] == '.'))
        {
          g_string_prepend_c (s, '_');
          break;
        }
    }
  if (!s->len)
    {
      g_string_free (s, TRUE);
      return fallback && *fallback ? gw_docname_sanitize_new (fallback, NULL) : g_strdup ("document");
    }
  return g_string_free (s, FALSE);
}

/* Returns the parsed registry (borrowed from the cache, shared read-only by every job), or
 * NULL after reporting. */
static xmlDocPtr
documents_registry (gw_ctx *ctx, gw_record_cache *cache, const char *path)
{
  char *key = g_canonicalize_filename (path, NULL);
  g_mutex_lock (&cache->registries_lock);
  if (!cache->registries)
    cache->registries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) xmlFreeDoc);
  xmlDocPtr doc = g_hash_table_lookup (cache->registries, key);
  if (!doc)
    {
      doc = gw_xml_read_file (ctx, path);
      xmlNodePtr root = doc ? xmlDocGetRootElement (doc) : NULL;
      if (doc && (!root || !root->ns || strcmp ((const char *) root->ns->href, GW_DOCUMENTS_NS)
                  || strcmp ((const char *) root->name, "documents")))
        {
          gw_diag_error (ctx->diag, path, 0, _("not a document registry (expected <documents "
                         "xmlns=\"%s\">)"), GW_DOCUMENTS_NS);
          g_clear_pointer (&doc, xmlFreeDoc);
        }
      if (doc)
        g_hash_table_insert (cache->registries, g_strdup (key), doc);
    }
  g_mutex_unlock (&cache->registries_lock);
  g_free (key);
  return doc;
}

/* TRUE when `n` is the registry element `name`. */
static gboolean
documents_is (xmlNodePtr n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && n->ns
         && strcmp ((const char *) n->ns->href, GW_DOCUMENTS_NS) == 0
         && strcmp ((const char *) n->name, name) == 0;
}

/* Evaluates the XPath in attribute `attr` of registry element `el` on the record; NULL
 * (after reporting, with the registry's file and line) when it fails. Caller frees. */
static xmlXPathObjectPtr
documents_eval (gw_ctx *ctx, xmlXPathContextPtr xc, xmlNodePtr el, const char *attr,
                const char *registry)
{
  xmlChar *expr = xmlGetNoNsProp (el, (const xmlChar *) attr);
  if (!expr)
    return NULL;
  xmlXPathObjectPtr res = xmlXPathEvalExpression (expr, xc);
  if (!res)
    gw_diag_error (ctx->diag, registry, xmlGetLineNo (el), _("%s=\"%s\": not a valid XPath "
                   "expression for this record"), attr, (const char *) expr);
  xmlFree (expr);
  return res;
}

/* The documents a record yields. */
GPtrArray *
gw_record_documents (gw_ctx *ctx, gw_record_cache *cache, const gw_record *rec)
{
  char *registry = g_build_filename (ctx->data_dir ? ctx->data_dir : ".", "xsl",
                                     "documents.xml", NULL);
  xmlDocPtr reg = documents_registry (ctx, cache, registry);
  if (!reg)
    {
      g_free (registry);
      return NULL;
    }
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_docspec_free);
  xmlXPathContextPtr xc = xmlXPathNewContext (rec->doc);
  xmlXPathRegisterNs (xc, (const xmlChar *) "r", (const xmlChar *) GW_RECORD_NS);
  xc->node = xmlDocGetRootElement (rec->doc);
  gboolean ok = TRUE;
  gw_diag_hook_xml (ctx->diag);
  for (xmlNodePtr el = xmlDocGetRootElement (reg)->children; el && ok; el = el->next)
    {
      if (documents_is (el, "var"))
        {
          xmlChar *name = xmlGetNoNsProp (el, (const xmlChar *) "name");
          xmlXPathObjectPtr v = documents_eval (ctx, xc, el, "select", registry);
          ok = name && v;
          if (ok) /* the context takes ownership of v */
            xmlXPathRegisterVariable (xc, name, v);
          else
            xmlXPathFreeObject (v);
          xmlFree (name);
          continue;
        }
      xmlChar *kind = documents_is (el, "kind") ? xmlGetNoNsProp (el, (const xmlChar *) "name")
                                                : NULL;
      gboolean match = kind && strcmp ((const char *) kind, rec->kind) == 0;
      xmlFree (kind);
      if (!match)
        continue;
      xmlXPathObjectPtr when = documents_eval (ctx, xc, el, "when", registry);
      gboolean take = !xmlHasProp (el, (const xmlChar *) "when") || (when && xmlXPathCastToBoolean (when));
      ok = when || !xmlHasProp (el, (const xmlChar *) "when");
      xmlXPathFreeObject (when);
      for (xmlNodePtr d = el->children; d && take && ok; d = d->next)
        {
          if (!documents_is (d, "document"))
            continue;
          if (xmlHasProp (d, (const xmlChar *) "when"))
            {
              xmlXPathObjectPtr dw = documents_eval (ctx, xc, d, "when", registry);
              ok = dw != NULL;
              gboolean yes = dw && xmlXPathCastToBoolean (dw);
              xmlXPathFreeObject (dw);
              if (!yes)
                continue;
            }
          char *xsl = gw_rec_attr_new (d, "xsl");
          xmlXPathObjectPtr nm = documents_eval (ctx, xc, d, "name", registry);
          if (!xsl || strchr (xsl, '/') || xsl[0] == '.' || (!nm && xmlHasProp (d, (const xmlChar *) "name")))
            {
              if (!xsl || strchr (xsl, '/') || xsl[0] == '.')
                gw_diag_error (ctx->diag, registry, xmlGetLineNo (d),
                               _("<document>: xsl must name a stylesheet file in xsl/"));
              ok = FALSE;
            }
          else
            {
              xmlChar *raw = nm ? xmlXPathCastToString (nm) : NULL;
              char *base = g_strndup (xsl, strcspn (xsl, "."));
              char *fallback = g_strdup_printf ("%s-%s", base, rec->id ? rec->id : rec->kind);
              gw_docspec *spec = g_new0 (gw_docspec, 1);
              spec->kind = g_strdup (rec->kind);
              spec->xsl_path = g_build_filename (ctx->data_dir ? ctx->data_dir : ".", "xsl",
                                                 xsl, NULL);
              spec->output_name = gw_docname_sanitize_new ((const char *) raw, fallback);
              g_ptr_array_add (out, spec);
              xmlFree (raw);
              g_free (base);
              g_free (fallback);
            }
          xmlXPathFreeObject (nm);
          g_free (xsl);
        }
    }
  xmlXPathFreeContext (xc);
  g_free (registry);
  if (!ok)
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  return out;
}
