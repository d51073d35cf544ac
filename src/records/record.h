/* record.h — loading a record: safe parsing, the record kind (root element), RELAX NG
 * validation against <data_dir>/xml/schema/<kind>.rng (record.c), and the semantic rules of
 * src/records/rules.c (inspectors, penalty ranges, deadlines, checked against the regime
 * records a case or inspection refers to, found through a gw_record_cache: regimes.c).
 * load.c puts the two together; loading a regime is parsing and validating only, so nothing
 * loops back.
 *
 * A record is any XML file whose root element is in the namespace urn:gongwen:record:1;
 * the root's local name is its kind (duties, boundaries, services, regime, case,
 * inspection, …: every kind that has a schema). */
#ifndef GW_RECORD_H
#define GW_RECORD_H

#include "base/ctx.h"

#include <libxml/tree.h>

/* Namespace of every record (prefix r by convention). */
#define GW_RECORD_NS "urn:gongwen:record:1"

typedef enum {
  GW_RECORD_OK,         /* a valid record */
  GW_RECORD_NOT_RECORD, /* well-formed XML, root not in GW_RECORD_NS (a schema, a
                           stylesheet, documents.xml …): nothing reported, batch skips it */
  GW_RECORD_INVALID     /* unreadable, not well-formed, or failing its schema or rules:
                           every problem was reported through ctx->diag */
} gw_record_status;

typedef struct gw_record {
  /* owned */
  char *path;      /* the path as given (used in messages) */
  char *kind;      /* root element's local name */
  char *id;        /* root @id, or NULL */
  xmlDocPtr doc;   /* the parsed record */
  char *uri;       /* file URI of its canonical path: set for the regimes that
                      gw_record_find_regime hands out (what stylesheets read), else NULL */
} gw_record;

/* What the records module keeps across records: the compiled schemas, the regime records
 * found by id, the documents registry (documents.h). The caller owns it (one per command or
 * batch, like the stylesheet cache) and hands it to every load and lookup; forked workers
 * share it read-only. Its tables are locked, so threads may share it too. */
typedef struct gw_record_cache gw_record_cache;

/* Creates an empty cache; caller owns (gw_record_cache_free). */
gw_record_cache *gw_record_cache_new (void) G_GNUC_WARN_UNUSED_RESULT;
/* Frees the cache and everything in it: the regimes it handed out die with it. */
void gw_record_cache_free (gw_record_cache *cache);

/* Loads and checks the record at `path`: parsed and validated against its schema, then its
 * rules checked against the regimes found through `cache`. Returns the record (caller owns,
 * gw_record_free) when *status is GW_RECORD_OK, otherwise NULL. `status` may be NULL. */
gw_record *gw_record_load (gw_ctx *ctx, gw_record_cache *cache, const char *path,
                           gw_record_status *status) G_GNUC_WARN_UNUSED_RESULT;
/* Frees a record (NULL is fine). */
void gw_record_free (gw_record *rec);

/* Returns the regime record whose id is `id`, searched as <id>.xml or <id>-*.xml in the
 * directory of `from`, its two parent directories and <data_dir>/xml; parsed and validated
 * once per cache. Borrowed from `cache`; NULL when not found or invalid (reported only in
 * the invalid case). */
const gw_record *gw_record_find_regime (gw_ctx *ctx, gw_record_cache *cache,
                                        const gw_record *from, const char *id);

/* One reference of a record to a regime. */
typedef struct gw_regime_ref {
  xmlNodePtr at;           /* borrowed: the element naming the regime */
  char *id;                /* owned: the regime's id (@regime) */
  const gw_record *regime; /* borrowed from the cache: the regime found, or NULL */
} gw_regime_ref;

/* The regimes `rec` refers to, in document order: the root's @regime (an inspection), then
 * each r:applies child's (a case); an id named twice appears twice. Looked up through
 * `cache`, nothing reported. An array of gw_regime_ref (caller owns, g_array_unref; the
 * array frees the ids), empty when the record refers to none. The one place that says how
 * a record names its regimes: the rules, the batch's stamps and the stylesheets' regime-href
 * all read it. */
GArray *gw_record_regimes (gw_ctx *ctx, gw_record_cache *cache, const gw_record *rec)
  G_GNUC_WARN_UNUSED_RESULT;

#endif
