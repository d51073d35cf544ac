/* ext.h — private to src/transform: registration of the gw: extension functions (one file
 * per concept: ext-date.c, ext-numeral.c, ext-amount.c) and the argument helpers they share
 * (ext-args.c).
 *
 * Contract of every gw: function: it pops exactly its arguments and pushes exactly one
 * result; an invalid call is reported as an XSLT error at the calling instruction (naming
 * the function and the bad value), stops the transformation, and leaves "" as the result. */
#ifndef GW_TRANSFORM_EXT_H
#define GW_TRANSFORM_EXT_H

#include <glib.h>
#include <libxml/xpathInternals.h>

/* Registers gw:date-add, gw:date-add-months, gw:deadline, gw:date-cn, gw:date-cn-upper,
 * gw:weekday-cn. */
void gw_ext_register_dates (void);
/* Registers gw:numeral-cn. */
void gw_ext_register_numerals (void);
/* Registers gw:amount-cn, gw:amount-fmt. */
void gw_ext_register_amounts (void);

/* Largest whole number gw:numeral-cn spells out (below 10^15: exact as an XPath number). */
#define GW_EXT_CN_MAX G_GUINT64_CONSTANT (999999999999999)
/* Appends `n` (≤ GW_EXT_CN_MAX) in Chinese numerals: plain (一百零五, 十一) or, with
 * `financial`, the capital forms of amounts (壹佰零伍, 壹拾壹). Shared with ext-amount.c. */
void gw_ext_append_cn_integer (GString *out, guint64 n, gboolean financial);

/* Reports an invalid call of `fn` at the current instruction and stops the transformation;
 * pops whatever arguments are left (`nargs`) and pushes "" so the XPath stack stays sound. */
void gw_ext_fail (xmlXPathParserContextPtr ctxt, int nargs, const char *fn, const char *fmt,
                  ...) G_GNUC_PRINTF (4, 5);
/* TRUE when the call has `want` arguments; otherwise fails the call (see gw_ext_fail). */
gboolean gw_ext_check_arity (xmlXPathParserContextPtr ctxt, int nargs, int want,
                             const char *fn);
/* Pops the top argument as its XPath string value (caller g_frees). */
char *gw_ext_pop_string (xmlXPathParserContextPtr ctxt);
/* Pops the top argument as a whole number within [lo, hi] into `out`; on anything else
 * fails the call (`nargs` = arguments still on the stack, this one included) and returns
 * FALSE. `what` names the argument in the message. */
gboolean gw_ext_pop_integer (xmlXPathParserContextPtr ctxt, int nargs, const char *fn,
                             const char *what, gint64 lo, gint64 hi, gint64 *out);
/* Pushes a string result (copied). */
void gw_ext_push_string (xmlXPathParserContextPtr ctxt, const char *s);

#endif
