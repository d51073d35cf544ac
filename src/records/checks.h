/* checks.h — the checks that catch a clerk's mistakes a grammar and the regime rules let
 * through (src/records/checks.c): a fine in figures that differs from the fine in words,
 * dates out of order, one inspector listed twice, a document that would print an empty
 * section. Every message names the field by its label (xml/schema/<kind>.labels.xml). */
#ifndef GW_RECORDS_CHECKS_H
#define GW_RECORDS_CHECKS_H

#include "records/record.h"

/* Runs the checks on `rec` (works on schema-invalid records too: each check only looks at
 * what is there; the label tables come through `cache`). TRUE when all hold; reports every
 * failure through ctx->diag. */
gboolean gw_checks_run (gw_ctx *ctx, gw_record_cache *cache, const gw_record *rec);

/* The amount written in Chinese numerals in `text` (the first run holding 元, e.g.
 * 人民币贰万伍仟元整 or 二万元), in fen (1/100 yuan); FALSE when there is none. */
gboolean gw_checks_cn_amount (const char *text, gint64 *fen);

#endif
