/* load.c — loading a record (record.h): parsed and validated against its schema (record.c),
 * then its semantic rules checked (rules.c) against the regimes the cache finds, then the
 * checks that catch a clerk's mistakes (checks.c). */
#include "records/private.h"
#include "records/checks.h"

/* Loads and checks a record. */
gw_record *
gw_record_load (gw_ctx *ctx, gw_record_cache *cache, const char *path, gw_record_status *status)
{
  gw_record_status dummy;
  if (!status)
    status = &dummy;
  gboolean schema_ok;
  gw_record *rec = gw_record_parse (ctx, cache, path, status, &schema_ok);
  if (!rec)
    return NULL;
  /* the rules run on schema-invalid records too, so that a record with one inspector
   * hears which regime rule it breaks, not only what the grammar expected */
  gboolean rules_ok = schema_ok ? gw_rules_check (ctx, cache, rec) : FALSE;
  gboolean checks_ok = schema_ok ? gw_checks_run (ctx, cache, rec) : FALSE;
  if (*status != GW_RECORD_OK || !rules_ok || !checks_ok)
    {
      *status = GW_RECORD_INVALID;
      gw_record_free (rec);
      return NULL;
    }
  return rec;
}
