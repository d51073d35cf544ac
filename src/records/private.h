/* private.h — shared inside src/records only: schema validation, the semantic rules, and
 * XPath helpers over records (namespace prefix r = urn:gongwen:record:1). */
#ifndef GW_RECORDS_PRIVATE_H
#define GW_RECORDS_PRIVATE_H

#include "records/record.h"

#include <libxml/xpath.h>

/* Path of the schema of `kind` (<data_dir>/xml/schema/<kind>.rng); caller frees. */
char *gw_schema_path_new (const gw_ctx *ctx, const char *kind);
/* Validates `doc` (read from `path`) against the schema of `kind`, reporting every problem
 * as PATH:LINE: element <x>: what was expected. Sets *schema_ok to FALSE when the schema
 * itself is missing or broken. TRUE when the record is valid. */
gboolean gw_schema_validate (gw_ctx *ctx, xmlDocPtr doc, const char *kind, const char *path,
                             gboolean *schema_ok);
/* Frees the compiled schemas. */
void gw_schema_cache_free (void);

/* Checks the semantic rules of `rec` (works on schema-invalid records too: every rule only
 * looks at what is there). TRUE when all hold; reports every violation. */
gboolean gw_rules_check (gw_ctx *ctx, const gw_record *rec);

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
