/* xpath.c — small XPath helpers over records (see private.h). */
#include "records/private.h"

#include <libxml/xpathInternals.h>

/* Evaluates an expression at a node. */
xmlXPathObjectPtr
gw_rec_xpath_new (xmlNodePtr node, const char *expr)
{
  if (!node || !node->doc)
    return NULL;
  xmlXPathContextPtr xc = xmlXPathNewContext (node->doc);
  if (!xc)
    return NULL;
  xmlXPathRegisterNs (xc, (const xmlChar *) "r", (const xmlChar *) GW_RECORD_NS);
  xc->node = node;
  xmlXPathObjectPtr res = xmlXPathEvalExpression ((const xmlChar *) expr, xc);
  xmlXPathFreeContext (xc);
  return res;
}

/* The string value of an expression, NULL when empty. */
char *
gw_rec_xpath_string_new (xmlNodePtr node, const char *expr)
{
  xmlXPathObjectPtr res = gw_rec_xpath_new (node, expr);
  if (!res)
    return NULL;
  xmlChar *s = xmlXPathCastToString (res);
  xmlXPathFreeObject (res);
  char *out = s && *s ? g_strstrip (g_strdup ((const char *) s)) : NULL;
  xmlFree (s);
  if (out && !*out)
    g_clear_pointer (&out, g_free);
  return out;
}

/* An attribute without namespace. */
char *
gw_rec_attr_new (xmlNodePtr node, const char *name)
{
  if (!node)
    return NULL;
  xmlChar *v = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *out = v ? g_strdup ((const char *) v) : NULL;
  xmlFree (v);
  return out;
}

/* Counts the nodes an expression selects. */
int
gw_rec_xpath_count (xmlNodePtr node, const char *expr)
{
  xmlXPathObjectPtr res = gw_rec_xpath_new (node, expr);
  int n = res && res->type == XPATH_NODESET && res->nodesetval ? res->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (res);
  return n;
}
