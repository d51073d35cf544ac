/* record.c — a record parsed and validated against its schema (see record.h; the rules are
 * load.c's). */
#include "records/private.h"
#include "base/xmlload.h"

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

/* Parses and validates a record. */
gw_record *
gw_record_parse (gw_ctx *ctx, gw_record_cache *cache, const char *path,
                 gw_record_status *status, gboolean *schema_ok)
{
  *status = GW_RECORD_INVALID;
  *schema_ok = TRUE;
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
  if (gw_schema_validate (ctx, cache, doc, rec->kind, path, schema_ok))
    *status = GW_RECORD_OK;
  return rec;
}
