/* ext-args.c — argument handling and error reporting shared by the gw: functions. */
#include "transform/ext.h"

#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>
#include <math.h>
#include <stdarg.h>

/* Fails the call: reports, stops the transformation, rebalances the XPath stack. */
void
gw_ext_fail (xmlXPathParserContextPtr ctxt, int nargs, const char *fn, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  xsltTransformContextPtr tctxt = xsltXPathGetTransformContext (ctxt);
  if (tctxt)
    {
      xsltTransformError (tctxt, NULL, tctxt->inst, "gw:%s(): %s\n", fn, msg);
      tctxt->state = XSLT_STATE_STOPPED;
    }
  else
    xsltTransformError (NULL, NULL, NULL, "gw:%s(): %s\n", fn, msg);
  g_free (msg);
  for (int i = 0; i < nargs; i++)
    xmlXPathFreeObject (valuePop (ctxt));
  gw_ext_push_string (ctxt, "");
}

/* Checks the number of arguments. */
gboolean
gw_ext_check_arity (xmlXPathParserContextPtr ctxt, int nargs, int want, const char *fn)
{
  if (nargs == want)
    return TRUE;
  gw_ext_fail (ctxt, nargs, fn, "takes %d argument%s, not %d", want, want == 1 ? "" : "s",
               nargs);
  return FALSE;
}

/* Pops a string argument. */
char *
gw_ext_pop_string (xmlXPathParserContextPtr ctxt)
{
  xmlChar *s = xmlXPathPopString (ctxt);
  char *r = g_strdup (s ? (const char *) s : "");
  xmlFree (s);
  return r;
}

/* Pops a whole-number argument within bounds. */
gboolean
gw_ext_pop_integer (xmlXPathParserContextPtr ctxt, int nargs, const char *fn,
                    const char *what, gint64 lo, gint64 hi, gint64 *out)
{
  xmlXPathObjectPtr obj = valuePop (ctxt);
  double v = xmlXPathCastToNumber (obj);
  xmlChar *text = xmlXPathCastToString (obj);
  xmlXPathFreeObject (obj);
  gboolean ok = !isnan (v) && v == floor (v) && v >= (double) lo && v <= (double) hi;
  if (ok)
    *out = (gint64) v;
  else
    gw_ext_fail (ctxt, nargs - 1, fn, "%s '%s' is not a whole number from %" G_GINT64_FORMAT
                 " to %" G_GINT64_FORMAT, what, text ? (const char *) text : "", lo, hi);
  xmlFree (text);
  return ok;
}

/* Pushes a string result. */
void
gw_ext_push_string (xmlXPathParserContextPtr ctxt, const char *s)
{
  valuePush (ctxt, xmlXPathNewCString (s));
}
