/* documents.h — which documents a record yields, from the registry
 * <data_dir>/xsl/documents.xml: for each record kind, the stylesheet(s) to run and an XPath
 * expression (evaluated on the record, prefix r) naming the output file. */
#ifndef GW_DOCUMENTS_H
#define GW_DOCUMENTS_H

#include "records/record.h"

/* Longest output name in bytes (without extension), so that name + ".pdf" + a temporary
 * suffix stays within the 255-byte file-name limit of common file systems. */
#define GW_DOCNAME_MAX 200

typedef struct gw_docspec {
  /* owned */
  char *kind;        /* the record kind */
  char *xsl_path;    /* <data_dir>/xsl/<stylesheet> */
  char *output_name; /* file name without directory or extension, safe on any file system */
} gw_docspec;

/* The documents `rec` yields, in registry order: an array of owned gw_docspec (the array
 * frees them; g_ptr_array_unref). Empty when the registry lists nothing for the record;
 * NULL after reporting a broken registry. */
GPtrArray *gw_record_documents (gw_ctx *ctx, gw_record_cache *cache, const gw_record *rec)
  G_GNUC_WARN_UNUSED_RESULT;
/* Frees one document spec. */
void gw_docspec_free (gw_docspec *spec);
/* Makes `raw` a safe file name (caller frees): no '/', '\\' or other characters that some
 * file system forbids, no control characters, no leading '.' or space, no trailing '.' or
 * space, at most GW_DOCNAME_MAX bytes cut at a character boundary, Chinese kept; "" becomes
 * `fallback`. */
char *gw_docname_sanitize_new (const char *raw, const char *fallback);

#endif
