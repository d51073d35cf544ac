/* import-private.h — shared by the import's two files: records/import-row.c (a row's cells
 * checked and converted) and records/import.c (the sheet, the record written and checked). */
#ifndef GW_RECORDS_IMPORT_PRIVATE_H
#define GW_RECORDS_IMPORT_PRIVATE_H

#include "records/import.h"
#include "records/sheet.h"

/* The regime product sampling cases fall under, and the rules they apply. */
#define IMPORT_REGIME "regime-6"

/* The columns a product-sampling sheet may have. Their headers are data: the `column`
 * attribute of the field `path` in xml/schema/case.labels.xml. */
typedef enum {
  C_ID, C_DOCNO, C_SAMPLE, C_ISSUER, C_OFFICE, C_OFFICE_PHONE,
  C_ENT_NAME, C_ENT_ADDRESS, C_ENT_LEGAL, C_ENT_CONTACT, C_ENT_PHONE, C_ENT_REG, C_ENT_LICENCE,
  C_TASK, C_PLACE, C_PRODUCT, C_BRAND, C_SPEC, C_BATCH, C_PRODUCED, C_QUANTITY, C_BASE,
  C_LAB, C_REPORT_NO, C_CONCLUSION, C_STANDARDS, C_ITEMS, C_ITEM_STANDARDS, C_REQUIREMENTS,
  C_MEASURED, C_INSPECTORS, C_SAMPLED, C_REPORT_ISSUED, C_REPORT_SERVED, C_NOTICE_SERVED,
  C_RECTIFY_BY, C_FACTS, C_MEASURES, C_REVIEW, C_COURT, C_ISSUED, C_NOTE, C_N
} import_col;

typedef struct {
  const char *path;    /* the field in the label table whose `column` names this column */
  const char *header;  /* the header when the field has no column of its own (the two
                          licences share the field enterprise/licence, told apart by kind) */
  gboolean required;
} import_column;

extern const import_column gw_import_columns[C_N];

/* One row being converted. */
typedef struct {
  /* borrowed */
  gw_ctx *ctx;
  const char *sheet;          /* the sheet's path, for messages */
  const gw_sheet_row *row;
  const int *index;           /* column → field index, -1 when the column is absent */
  const char *const *headers; /* column → its header (as the sheet spells it) */
  /* values */
  gboolean bad;               /* some cell was reported */
} import_row;

/* Everything a row holds, checked and converted (all strings owned). */
typedef struct {
  char *id, *prefix, *year, *serial, *sample, *issuer, *office, *office_phone;
  char *ent_name, *ent_address, *ent_legal, *ent_contact, *ent_phone, *ent_reg, *ent_licence;
  char *task, *place, *product, *brand, *spec, *batch, *produced, *qty, *qty_unit, *base,
    *base_unit;
  char *lab, *report_no, *conclusion;
  char **standards, **items, **item_standards, **requirements, **measured, **inspectors;
  char *sampled, *report_issued, *report_served, *notice_served, *rectify_by, *issued;
  char **facts, **measures, **review;
  char *court, *note;
  gboolean ordinal; /* the number is printed with 第 */
} import_case;

/* Checks and converts the cells of a row into `k` (cleared first). FALSE when some cell
 * was reported (as SHEET:LINE: column 列名: what is wrong). */
gboolean gw_import_convert (import_row *r, import_case *k);
/* Frees the converted row's strings. */
void gw_import_case_clear (import_case *k);
/* A standard "GB/T 3956-2008 表2《电缆的导体》" split into code, clause (may be NULL) and
 * title (caller frees); FALSE when it does not have that shape. */
gboolean gw_import_standard (const char *s, char **code, char **clause, char **title);
/* An inspector "刘建华 13102300112" split into name and enforcement ID (caller frees);
 * FALSE when it does not have that shape. */
gboolean gw_import_inspector (const char *s, char **name, char **eid);

#endif
