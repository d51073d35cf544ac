/* private.h — shared inside src/records only: schema validation, the semantic rules, and
 * XPath helpers over records (namespace prefix r = urn:gongwen:record:1). */
#ifndef GW_RECORDS_PRIVATE_H
#define GW_RECORDS_PRIVATE_H

#include "records/record.h"

#include <libxml/xpath.h>

/* The caches (record.h). Each table is made on first use by the file that fills it, with the
 * free function of its values, and guarded by its own lock. */
struct gw_record_cache {
  /* owned */
  GHashTable *schemas;  /* schema.c: canonical path → xmlRelaxNGPtr (NULL = failed to compile) */
  GMutex schemas_lock;  /* also held while a schema validates (libxml2's are not shareable) */
  GHashTable *regimes;  /* regimes.c: canonical path → gw_record * (NULL = not a valid regime) */
  GHashTable *regimes_found; /* regimes.c: "<dir>/<id>" and "<record's folder as written>\n
                           <id>\n<data dir>" → the regime found (borrowed from regimes) or NULL */
  GMutex regimes_lock;
  GHashTable *registries; /* documents.c: canonical path → xmlDocPtr */
  GMutex registries_lock;
  GHashTable *labels;   /* labels.c: record kind → gw_labels * (NULL = the kind has none) */
  GMutex labels_lock;
};

/* Parses the record at `path` and validates it against the schema of its kind (record.c).
 * Returns NULL with *status GW_RECORD_NOT_RECORD (nothing reported) or GW_RECORD_INVALID
 * (unreadable, reported); otherwise the record (caller owns) with *status GW_RECORD_OK when
 * it matches its schema, else GW_RECORD_INVALID (reported; *schema_ok FALSE when the schema
 * itself is missing or broken). */
gw_record *gw_record_parse (gw_ctx *ctx, gw_record_cache *cache, const char *path,
                            gw_record_status *status, gboolean *schema_ok)
  G_GNUC_WARN_UNUSED_RESULT;

/* Path of the schema of `kind` (<data_dir>/xml/schema/<kind>.rng); caller frees. */
char *gw_schema_path_new (const gw_ctx *ctx, const char *kind);
/* Validates `doc` (read from `path`) against the schema of `kind`, reporting every problem
 * as PATH:LINE: element <x>: what was expected. Sets *schema_ok to FALSE when the schema
 * itself is missing or broken. TRUE when the record is valid. */
gboolean gw_schema_validate (gw_ctx *ctx, gw_record_cache *cache, xmlDocPtr doc,
                             const char *kind, const char *path, gboolean *schema_ok);

/* Checks the semantic rules of `rec` (works on schema-invalid records too: every rule only
 * looks at what is there), finding the regimes it refers to through `regimes`. TRUE when all
 * hold; reports every violation. */
gboolean gw_rules_check (gw_ctx *ctx, gw_record_cache *regimes, const gw_record *rec);

/* Evaluates `expr` with `node` as context (prefix r registered). Caller frees the result
 * (xmlXPathFreeObject); NULL on an evaluation error. */
xmlXPathObjectPtr gw_rec_xpath_new (xmlNodePtr node, const char *expr);
/* The string value of `expr` at `node`, or NULL when it selects nothing or is empty;
 * caller g_frees. */
char *gw_rec_xpath_string_new (xmlNodePtr node, const char *expr);
/* The attribute `name` (no namespace) of `node`, or NULL; caller g_frees. */
char *gw_rec_attr_new (xmlNodePtr node, const char *name);
/* The number of nodes `expr` selects at `node`. */
int gw_rec_xpath_count (xmlNodePtr node, const char *expr);

#endif
