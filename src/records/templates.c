/* templates.c — checks of the registry and the stylesheets' parameters (see templates.h). */
#include "records/templates.h"
#include "base/i18n.h"
#include "base/xmlload.h"

#include <string.h>

#define XSL_NS "http://www.w3.org/1999/XSL/Transform"
#define REGISTRY_NS "urn:gongwen:documents:1"

/* TRUE for an XML name character at `p` (ASCII letters, digits, - _ . and any non-ASCII). */
static gboolean
templates_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || (c & 0x80);
}

/* The bare element names of an XPath. A name is a name test when it is not in a string
 * literal, not a variable ($x), an attribute (@x), a prefix (x:) or a prefixed name's local
 * part (:x), not a function or node test (x(…)), not an axis (x::), and not an operator
 * (and, or, div, mod). */
char **
gw_templates_bare_names_new (const char *xpath)
{
  GPtrArray *out = g_ptr_array_new ();
  char quote = 0;
  for (const char *p = xpath; p && *p;)
    {
      if (quote)
        {
          if (*p == quote)
            quote = 0;
          p++;
          continue;
        }
      if (*p == '"' || *p == '\'')
        {
          quote = *p++;
          continue;
        }
      if (!(g_ascii_isalpha (*p) || *p == '_' || (*p & 0x80))
          || (p > xpath && templates_name_char (p[-1])))
        {
          p++;
          continue;
        }
      const char *start = p;
      while (*p && templates_name_char (*p))
        p++;
      char *name = g_strndup (start, (gsize) (p - start));
      const char *after = p;
      while (*after == ' ')
        after++;
      const char *before = start;
      while (before > xpath && before[-1] == ' ')
        before--;
      char prev = before > xpath ? before[-1] : '\0';
      gboolean bare = prev != '$' && prev != '@' && prev != ':' && *after != '(' && *after != ':'
                      && strcmp (name, "and") && strcmp (name, "or") && strcmp (name, "div")
                      && strcmp (name, "mod") && !g_ascii_isdigit (name[0]);
      /* a number like 1.5 or an operator word after an operand is no name test */
      if (bare)
        g_ptr_array_add (out, name);
      else
        g_free (name);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* TRUE when `n` is the registry element `name`. */
static gboolean
templates_is (xmlNodePtr n, const char *ns, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp ((const char *) n->ns->href, ns)
         && !strcmp ((const char *) n->name, name);
}

/* Checks one XPath attribute of a registry element. */
static gboolean
templates_check_xpath (gw_ctx *ctx, const char *registry, xmlNodePtr el, const char *attr)
{
  xmlChar *v = xmlGetNoNsProp (el, (const xmlChar *) attr);
  if (!v)
    return TRUE;
  char **bare = gw_templates_bare_names_new ((const char *) v);
  gboolean ok = !bare[0];
  if (!ok)
    gw_diag_error (ctx->diag, registry, xmlGetLineNo (el),
                   _("%s=\"%s\": the element '%s' has no r: prefix, so it can never match in a "
                     "record (write r:%s)"), attr, (const char *) v, bare[0], bare[0]);
  g_strfreev (bare);
  xmlFree (v);
  return ok;
}

/* Checks the registry. */
gboolean
gw_templates_check_registry (gw_ctx *ctx)
{
  const char *data = ctx->data_dir ? ctx->data_dir : ".";
  char *registry = g_build_filename (data, "xsl", "documents.xml", NULL);
  xmlDocPtr doc = gw_xml_read_file (ctx, registry);
  gboolean ok = doc != NULL;
  for (xmlNodePtr n = doc ? xmlDocGetRootElement (doc) : NULL; n; n = gw_xml_next (n))
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (templates_is (n, REGISTRY_NS, "document"))
        {
          xmlChar *xsl = xmlGetNoNsProp (n, (const xmlChar *) "xsl");
          char *path = xsl ? g_build_filename (data, "xsl", (const char *) xsl, NULL) : NULL;
          if (path && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
            {
              gw_diag_error (ctx->diag, registry, xmlGetLineNo (n),
                             _("<document xsl=\"%s\">: there is no stylesheet %s"),
                             (const char *) xsl, path);
              ok = FALSE;
            }
          g_free (path);
          xmlFree (xsl);
        }
      /* the XPaths: when= (kind, document), name= (document), select= (var) */
      ok &= templates_check_xpath (ctx, registry, n, "when");
      ok &= templates_check_xpath (ctx, registry, n, "select");
      if (templates_is (n, REGISTRY_NS, "document"))
        ok &= templates_check_xpath (ctx, registry, n, "name");
    }
  xmlFreeDoc (doc);
  g_free (registry);
  return ok;
}

/* Adds the top-level xsl:param names of the stylesheet at `path`, and of those it imports
 * and includes, to `names` (`seen`: paths already read). */
static void
templates_params_of (gw_ctx *ctx, const char *path, GHashTable *names, GHashTable *seen)
{
  char *key = g_canonicalize_filename (path, NULL);
  if (!g_hash_table_add (seen, key))
    return;
  xmlDocPtr doc = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? gw_xml_read_file (ctx, path)
                                                               : NULL;
  xmlNodePtr root = doc ? xmlDocGetRootElement (doc) : NULL;
  char *dir = g_path_get_dirname (path);
  for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
    {
      xmlChar *v = NULL;
      if (templates_is (c, XSL_NS, "param") && (v = xmlGetNoNsProp (c, (const xmlChar *) "name")))
        g_hash_table_add (names, g_strdup ((const char *) v));
      else if ((templates_is (c, XSL_NS, "import") || templates_is (c, XSL_NS, "include"))
               && (v = xmlGetNoNsProp (c, (const xmlChar *) "href")) && !strstr ((char *) v, "://"))
        {
          char *sub = g_build_filename (dir, (const char *) v, NULL);
          templates_params_of (ctx, sub, names, seen);
          g_free (sub);
        }
      xmlFree (v);
    }
  g_free (dir);
  xmlFreeDoc (doc);
}

/* Checks the --param names. */
gboolean
gw_templates_check_params (gw_ctx *ctx, const char *xsl, const char *const *params)
{
  if (!params || !params[0])
    return TRUE;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (xsl)
    templates_params_of (ctx, xsl, names, seen);
  else
    {
      char *dir = g_build_filename (ctx->data_dir ? ctx->data_dir : ".", "xsl", NULL);
      GDir *d = g_dir_open (dir, 0, NULL);
      for (const char *f; d && (f = g_dir_read_name (d));)
        if (g_str_has_suffix (f, ".xsl"))
          {
            char *p = g_build_filename (dir, f, NULL);
            templates_params_of (ctx, p, names, seen);
            g_free (p);
          }
      if (d)
        g_dir_close (d);
      g_free (dir);
    }
  gboolean ok = TRUE;
  for (guint i = 0; params[i] && params[i + 1]; i += 2)
    if (!g_hash_table_contains (names, params[i]))
      {
        GList *keys = g_list_sort (g_hash_table_get_keys (names), (GCompareFunc) strcmp);
        GString *known = g_string_new (NULL);
        for (GList *k = keys; k; k = k->next)
          g_string_append_printf (known, "%s%s", known->len ? ", " : "", (char *) k->data);
        g_list_free (keys);
        gw_diag_error (ctx->diag, NULL, 0, _("--param %s: no stylesheet declares a parameter "
                       "of that name, so it would change nothing (declared: %s)"), params[i],
                       known->len ? known->str : "—");
        g_string_free (known, TRUE);
        ok = FALSE;
      }
  g_hash_table_destroy (seen);
  g_hash_table_destroy (names);
  return ok;
}
