/* kinsoku.h — Chinese line-breaking rules (避头尾, GB/T 15834-2011 §5.1) on top of UAX#14. */
#ifndef GW_KINSOKU_H
#define GW_KINSOKU_H

#include <glib.h>

/* TRUE if `ch` may not start a line (， 。 、 ） 》 ” … ％ · 々 …). */
gboolean gw_kinsoku_no_start (gunichar ch);
/* TRUE if `ch` may not end a line (（ 《 “ 〔 …). */
gboolean gw_kinsoku_no_end (gunichar ch);
/* TRUE if a break between `a` and `b` would split an inseparable pair (—— ……, number+％). */
gboolean gw_kinsoku_inseparable (gunichar a, gunichar b);
/* TRUE if `ch` is full-width punctuation whose glyph carries half an em of white space that
 * may be squeezed (标点挤压); *side is -1 when the white is on the left (opening marks). */
gboolean gw_kinsoku_squeezable (gunichar ch, int *side);
/* TRUE for characters between which justification may add space (ideographs, kana,
 * full-width forms and punctuation). */
gboolean gw_kinsoku_is_cjk (gunichar ch);
/* Decides whether a line may break before position i of `chars` (n code points), given
 * UAX#14's opinion `uax_ok`. */
gboolean gw_kinsoku_break_ok (const gunichar *chars, int n, int i, gboolean uax_ok);

/* TRUE if a break before position i of `chars` would split a number run that GB/T 15835
 * keeps whole: a multi-digit or decimal number, a number and its unit (0.55 mm, 0.87 mg/m²,
 * 3张), date parts (2015年9月2日), a standard code (GB/T 5023.3), a document number's year and
 * serial (〔2015〕14号), dimensions (2440mm×1220mm). Such a break is taken only when the run
 * is longer than the line. */
gboolean gw_kinsoku_number_glue (const gunichar *chars, int n, int i);

#endif
