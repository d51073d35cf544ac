/* labels.h — what each field of a record kind is called, read from the kind's label table
 * <data_dir>/xml/schema/<kind>.labels.xml (format: the comment at the top of each file).
 * Messages (validate, batch, import) name a field by its label, never by its element name;
 * import maps spreadsheet columns through the `column` attributes. */
#ifndef GW_LABELS_H
#define GW_LABELS_H

#include "records/record.h"

#include <libxml/tree.h>

/* One row of a label table (all strings owned by the table). */
typedef struct gw_label {
  const char *path;   /* "enterprise/legal-representative", "@id", "issued/@date" */
  const char *label;  /* 法定代表人 */
  const char *hint;   /* what to write, or NULL */
  const char *column; /* import column header(s), "|"-separated, or NULL */
  gboolean repeat;    /* the element may repeat */
} gw_label;

typedef struct gw_labels gw_labels;

/* The label table of `kind`, read once per `cache` with `ctx`'s XML loader (borrowed from
 * the cache). NULL when the kind has no table (nothing reported). */
const gw_labels *gw_labels_get (gw_ctx *ctx, gw_record_cache *cache, const char *kind);
/* The row for `path`, or NULL. `labels` may be NULL. */
const gw_label *gw_labels_find (const gw_labels *labels, const char *path);
/* The number of rows, and row `i` in file order. */
guint gw_labels_count (const gw_labels *labels);
const gw_label *gw_labels_nth (const gw_labels *labels, guint i);
/* The path of element `node` (from its record's root; "" for the root itself), with
 * "/@attr" appended when `attr` is not NULL. Caller frees. */
char *gw_labels_path_new (xmlNodePtr node, const char *attr);
/* The label of element `node` (or of its attribute `attr`): the table's label, else the
 * nearest labelled ancestor's label followed by the name (never NULL; caller frees). */
char *gw_labels_name_new (const gw_labels *labels, xmlNodePtr node, const char *attr);

#endif
