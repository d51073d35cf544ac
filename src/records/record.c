/* record.c — loading a record: parse, kind, schema, rules (see record.h). */
#include "records/private.h"
#include "base/xmlload.h"
#include "records/checks.h"

#include <string.h>

/* Frees a record. */
void
gw_record_free (gw_record *rec)
{
  if (!rec)
    return;
  xmlFreeDoc (rec->doc);
  g_free (rec->path);
  g_free (rec->kind);
  g_free (rec->id);
  g_free (rec->uri);
  g_free (rec);
}

/* Loads and checks a record. */
gw_record *
gw_record_load (gw_ctx *ctx, const char *path, gw_record_status *status)
{
  gw_record_status dummy;
  if (!status)
    status = &dummy;
  *status = GW_RECORD_INVALID;
  xmlDocPtr doc = gw_xml_read_file (ctx, path);
  if (!doc)
    return NULL;
  xmlNodePtr root = xmlDocGetRootElement (doc);
  if (!root || !root->ns || !root->ns->href
      || strcmp ((const char *) root->ns->href, GW_RECORD_NS) != 0)
    {
      xmlFreeDoc (doc);
      *status = GW_RECORD_NOT_RECORD;
      return NULL;
    }
  gw_record *rec = g_new0 (gw_record, 1);
  rec->path = g_strdup (path);
  rec->kind = g_strdup ((const char *) root->name);
  rec->id = gw_rec_attr_new (root, "id");
  rec->doc = doc;
  gboolean schema_ok = TRUE;
  char *rng = gw_schema_path_new (ctx, rec->kind);
  schema_ok = g_file_test (rng, G_FILE_TEST_IS_REGULAR);
  g_free (rng);
  /* the rules and checks run first, and on schema-invalid records too, so that a record
   * with one inspector hears which regime rule it breaks (the first message is the one a
   * batch summary shows), not only what the grammar expected */
  gboolean rules_ok = schema_ok ? gw_rules_check (ctx, rec) : FALSE;
  gboolean checks_ok = schema_ok ? gw_checks_run (ctx, rec) : FALSE;
  gboolean valid = gw_schema_validate (ctx, doc, rec->kind, path, &schema_ok);
  if (!valid || !rules_ok || !checks_ok)
    {
      gw_record_free (rec);
      return NULL;
    }
  *status = GW_RECORD_OK;
  return rec;
}
