/* import.h — a spreadsheet of product sampling results (.xlsx or CSV, one failed sample per
 * row, the columns named in xml/schema/case.labels.xml) → one case record per row,
 * DIR/<编号>.xml, valid against xml/schema/case.rng, the rules of regime-6 (derived dates
 * counted from its deadlines) and the checks.
 *
 * A record already in DIR is replaced only when it is as an earlier import wrote it (the
 * record carries the SHA-256 of its own text in its first comment); a record edited since
 * is kept and reported, unless `force`. */
#ifndef GW_RECORDS_IMPORT_H
#define GW_RECORDS_IMPORT_H

#include "records/record.h"

/* What became of one row. */
typedef enum {
  GW_IMPORT_WRITTEN,   /* a new record */
  GW_IMPORT_UPDATED,   /* replaced a record an earlier import wrote, not edited since */
  GW_IMPORT_UNCHANGED, /* the record is already exactly this */
  GW_IMPORT_KEPT,      /* the record was edited after import: kept (reported) */
  GW_IMPORT_FAILED     /* a bad cell or an invalid record (reported) */
} gw_import_outcome;

typedef struct gw_import_opts {
  /* borrowed */
  gw_record_cache *records; /* schemas, regimes and label tables (record.h) */
  const char *sheet;   /* the .xlsx or .csv */
  const char *out_dir; /* created when missing */
  /* values */
  gboolean force;      /* replace records edited after import */
  /* called for every row that is not empty (may be NULL) */
  void (*on_row) (void *data, long line, const char *record, gw_import_outcome outcome);
  void *data;
} gw_import_opts;

typedef struct gw_import_result {
  const char *format;  /* static: "xlsx", "CSV, UTF-8", … (NULL when unreadable) */
  guint outcomes[GW_IMPORT_FAILED + 1]; /* rows per outcome */
} gw_import_result;

/* Imports the sheet. FALSE when it could not be read or its header row is unusable
 * (reported); TRUE otherwise, with the rows counted in *result (failed rows reported). */
gboolean gw_import_run (gw_ctx *ctx, const gw_import_opts *opts, gw_import_result *result);

/* The column headers an import reads, in the order of the label table (NULL-terminated;
 * caller g_strfreev). */
char **gw_import_headers_new (gw_ctx *ctx, gw_record_cache *records);

#endif
