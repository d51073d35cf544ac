/* ext-amount.c — money amounts in yuan (元), as official documents write them.
 *
 *   gw:amount-cn(yuan)  → capital Chinese amount (大写金额) without the 人民币 prefix:
 *                         12345.6 → 壹万贰仟叁佰肆拾伍元陆角整
 *   gw:amount-fmt(yuan) → 12,345.60 (thousands separators, two decimals)
 *
 * The argument is a number or a decimal string ("12345", "12345.6", "12345.60") with at most
 * two decimals; anything else is an error. Amounts are handled in fen (分) as integers.
 * Zero rules of 大写金额 (《支付结算办法》 附件一 正确填写票据和结算凭证的基本规定):
 *   - zeros inside the yuan part are read as one 零 (6007.14 陆仟零柒元壹角肆分);
 *   - yuan ending in 0 followed by a non-zero 角 get 零 after 元
 *     (1680.32 壹仟陆佰捌拾元零叁角贰分, 107000.53 壹拾万柒仟元零伍角叁分);
 *   - 角 zero and 分 non-zero: 零 after 元 (16409.02 壹万陆仟肆佰零玖元零贰分);
 *   - no 分: 整 at the end (1409.50 壹仟肆佰零玖元伍角整, 100 壹佰元整); 0 → 零元整;
 *   - 拾 always has its digit (10 壹拾元整). */
#include "transform/ext.h"
#include "transform/transform.h"

#include <libxslt/extensions.h>
#include <math.h>
#include <string.h>

#define AMOUNT_MAX_YUAN G_GINT64_CONSTANT (1000000000000) /* 1 万亿 yuan, exclusive */

/* Parses a decimal yuan string into fen; FALSE unless it is [-]digits[.d[d]]. */
static gboolean
amount_parse_string (const char *s, gint64 *fen)
{
  while (g_ascii_isspace (*s))
    s++;
  gboolean neg = *s == '-';
  if (neg)
    s++;
  gint64 yuan = 0;
  int ndig = 0;
  for (; g_ascii_isdigit (*s); s++, ndig++)
    {
      if (yuan >= AMOUNT_MAX_YUAN)
        return FALSE;
      yuan = yuan * 10 + (*s - '0');
    }
  int cents = 0, ndec = 0;
  if (*s == '.')
    {
      for (s++; g_ascii_isdigit (*s); s++, ndec++)
        {
          if (ndec < 2)
            cents = cents * 10 + (*s - '0');
          else if (*s != '0')
            return FALSE; /* a third non-zero decimal is a fraction of a fen */
        }
    }
  while (g_ascii_isspace (*s))
    s++;
  if (*s || ndig == 0 || yuan >= AMOUNT_MAX_YUAN)
    return FALSE;
  if (ndec == 1)
    cents *= 10;
  *fen = (neg ? -1 : 1) * (yuan * 100 + cents);
  return TRUE;
}

/* Pops the amount argument into fen; on a bad value fails the call and returns FALSE. */
static gboolean
amount_pop (xmlXPathParserContextPtr ctxt, const char *fn, gint64 *fen)
{
  xmlXPathObjectPtr obj = valuePop (ctxt);
  gboolean ok;
  if (obj && obj->type == XPATH_NUMBER)
    {
      double f = obj->floatval * 100;
      ok = isfinite (f) && fabs (f) < (double) AMOUNT_MAX_YUAN * 100
           && fabs (f - round (f)) < 1e-6 * MAX (1.0, fabs (f));
      if (ok)
        *fen = (gint64) llround (f);
    }
  else
    {
      xmlChar *t = xmlXPathCastToString (obj);
      ok = amount_parse_string (t ? (const char *) t : "", fen);
      xmlFree (t);
    }
  if (!ok)
    {
      xmlChar *t = xmlXPathCastToString (obj);
      gw_ext_fail (ctxt, 0, fn,
                   "'%s' is not an amount in yuan (expected e.g. 12345.60: at most two "
                   "decimals, below 1000000000000)",
                   t ? (const char *) t : "");
      xmlFree (t);
    }
  xmlXPathFreeObject (obj);
  return ok;
}

/* gw:amount-cn(yuan). */
static void
ext_amount_cn (xmlXPathParserContextPtr ctxt, int nargs)
{
  static const char *const digits[10] = { "零", "壹", "贰", "叁", "肆",
                                          "伍", "陆", "柒", "捌", "玖" };
  const char *fn = "amount-cn";
  gint64 fen;
  if (!gw_ext_check_arity (ctxt, nargs, 1, fn) || !amount_pop (ctxt, fn, &fen))
    return;
  if (fen < 0)
    {
      gw_ext_fail (ctxt, 0, fn, "negative amount -%" G_GINT64_FORMAT ".%02d has no capital form",
                   -fen / 100, (int) (-fen % 100));
      return;
    }
  gint64 yuan = fen / 100;
  int jiao = (int) (fen / 10 % 10), cent = (int) (fen % 10);
  GString *s = g_string_new (NULL);
  if (fen == 0)
    g_string_append (s, "零元");
  if (yuan > 0)
    {
      gw_ext_append_cn_integer (s, (guint64) yuan, TRUE);
      g_string_append (s, "元");
    }
  if (jiao > 0)
    {
      if (yuan > 0 && yuan % 10 == 0)
        g_string_append (s, "零");
      g_string_append_printf (s, "%s角", digits[jiao]);
    }
  if (cent > 0)
    {
      if (jiao == 0 && yuan > 0)
        g_string_append (s, "零");
      g_string_append_printf (s, "%s分", digits[cent]);
    }
  else
    g_string_append (s, "整");
  gw_ext_push_string (ctxt, s->str);
  g_string_free (s, TRUE);
}

/* gw:amount-fmt(yuan). */
static void
ext_amount_fmt (xmlXPathParserContextPtr ctxt, int nargs)
{
  const char *fn = "amount-fmt";
  gint64 fen;
  if (!gw_ext_check_arity (ctxt, nargs, 1, fn) || !amount_pop (ctxt, fn, &fen))
    return;
  guint64 a = (guint64) (fen < 0 ? -fen : fen);
  char digits[32];
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, a / 100);
  GString *s = g_string_new (fen < 0 ? "-" : "");
  size_t n = strlen (digits);
  for (size_t i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  g_string_append_printf (s, ".%02u", (unsigned) (a % 100));
  gw_ext_push_string (ctxt, s->str);
  g_string_free (s, TRUE);
}

/* Registers the amount functions. */
void
gw_ext_register_amounts (void)
{
  const xmlChar *ns = (const xmlChar *) GW_XSLT_NS;
  xsltRegisterExtModuleFunction ((const xmlChar *) "amount-cn", ns, ext_amount_cn);
  xsltRegisterExtModuleFunction ((const xmlChar *) "amount-fmt", ns, ext_amount_fmt);
}
