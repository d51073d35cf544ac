/* record.h — loading a record: safe parsing, the record kind (root element), RELAX NG
 * validation against <data_dir>/xml/schema/<kind>.rng, and the semantic rules of
 * src/records/rules.c (inspectors, penalty ranges, deadlines, checked against the regime
 * records a case or inspection refers to).
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

/* Loads and checks the record at `path`. Returns the record (caller owns,
 * gw_record_free) when *status is GW_RECORD_OK, otherwise NULL. `status` may be NULL. */
gw_record *gw_record_load (gw_ctx *ctx, const char *path, gw_record_status *status)
  G_GNUC_WARN_UNUSED_RESULT;
/* Frees a record (NULL is fine). */
void gw_record_free (gw_record *rec);

/* Returns the regime record whose id is `id`, searched as <id>.xml or <id>-*.xml in the
 * directory of `from`, its two parent directories and <data_dir>/xml; loaded and validated
 * once per process. Borrowed (valid until gw_record_caches_free); NULL when not found or
 * invalid (reported only in the invalid case). */
const gw_record *gw_record_find_regime (gw_ctx *ctx, const gw_record *from, const char *id);

/* Frees the process-wide caches of compiled schemas and regime records (at exit). */
void gw_record_caches_free (void);

#endif
