/* ext-numeral.c — Chinese numerals.
 *
 *   gw:numeral-cn(n) → 一 二 … 十 十一 … 二十 … 一百零五 … 一万零五 … (0 → 零; negative → 负…)
 *
 * Reading rules (the shared routine also serves gw:amount-cn with capital digits):
 *   - digits are read in groups of four (个 万 亿 万亿), each group with 千 百 十;
 *   - zeros inside a group, or between groups, are read as one 零 (1005 一千零五,
 *     10005 一万零五, 100000005 一亿零五), trailing zeros are not read (1200 一千二百);
 *   - a number starting with 1 in the tens place omits the 一 (十一, 十万) in plain numerals
 *     only; amounts always write it (壹拾壹). */
#include "transform/ext.h"
#include "transform/transform.h"

#include <libxslt/extensions.h>

/* Digit and place characters, plain and financial. */
static const char *const num_digits[2][10] = {
  { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" },
  { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" },
};
static const char *const num_places[2][4] = { { "", "十", "百", "千" }, { "", "拾", "佰", "仟" } };
static const char *const num_groups[4] = { "", "万", "亿", "万亿" };

/* Appends one group of four digits (1–9999); `first` when it opens the whole number. */
static void
num_append_group (GString *out, unsigned v, gboolean first, int f)
{
  static const unsigned pow10[4] = { 1, 10, 100, 1000 };
  gboolean any = FALSE, zero = FALSE;
  for (int pos = 3; pos >= 0; pos--)
    {
      unsigned d = v / pow10[pos] % 10;
      if (d == 0)
        {
          zero = any;
          continue;
        }
      if (zero)
        g_string_append (out, num_digits[f][0]);
      zero = FALSE;
      if (!(pos == 1 && d == 1 && !any && first && !f))
        g_string_append (out, num_digits[f][d]);
      g_string_append (out, num_places[f][pos]);
      any = TRUE;
    }
}

/* Appends a whole number in Chinese numerals. */
void
gw_ext_append_cn_integer (GString *out, guint64 n, gboolean financial)
{
  int f = financial ? 1 : 0;
  if (n == 0)
    {
      g_string_append (out, num_digits[f][0]);
      return;
    }
  unsigned groups[4];
  for (int i = 0; i < 4; i++, n /= 10000)
    groups[i] = (unsigned) (n % 10000);
  gboolean started = FALSE, gap = FALSE;
  for (int i = 3; i >= 0; i--)
    {
      unsigned v = groups[i];
      if (v == 0)
        {
          gap = started;
          continue;
        }
      if (started && (gap || v < 1000))
        g_string_append (out, num_digits[f][0]);
      num_append_group (out, v, !started, f);
      g_string_append (out, num_groups[i]);
      started = TRUE;
      gap = FALSE;
    }
}

/* gw:numeral-cn(n). */
static void
ext_numeral_cn (xmlXPathParserContextPtr ctxt, int nargs)
{
  const char *fn = "numeral-cn";
  gint64 n;
  const gint64 max = (gint64) GW_EXT_CN_MAX;
  if (!gw_ext_check_arity (ctxt, nargs, 1, fn)
      || !gw_ext_pop_integer (ctxt, 1, fn, "number", -max, max, &n))
    return;
  GString *s = g_string_new (NULL);
  if (n < 0)
    g_string_append (s, "负");
  gw_ext_append_cn_integer (s, (guint64) (n < 0 ? -n : n), FALSE);
  gw_ext_push_string (ctxt, s->str);
  g_string_free (s, TRUE);
}

/* Registers gw:numeral-cn. */
void
gw_ext_register_numerals (void)
{
  xsltRegisterExtModuleFunction ((const xmlChar *) "numeral-cn", (const xmlChar *) GW_XSLT_NS,
                                 ext_numeral_cn);
}
