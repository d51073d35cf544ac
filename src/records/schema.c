/* schema.c — RELAX NG validation of records against <data_dir>/xml/schema/<kind>.rng.
 * Compiled schemas are cached in the caller's gw_record_cache (keyed by canonical path) and
 * shared by every job; a validation runs under the cache's lock, so threads may share them. */
#include "records/private.h"
#include "base/xmlload.h"

#include <libxml/relaxng.h>
#include <string.h>

/* One validation in progress: where its messages go. */
typedef struct {
  gw_ctx *ctx;        /* borrowed */
  const char *path;   /* borrowed: the file named in messages */
  xmlDocPtr doc;      /* borrowed: the record (NULL while compiling) */
  GHashTable *seen;   /* owned: "line:message" already reported */
  unsigned errors;
} schema_job;

/* The first element named `name` in document order below `n`, or NULL. */
static xmlNodePtr
schema_find_element (xmlNodePtr n, const char *name)
{
  for (; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) n->name, name) == 0)
        return n;
      xmlNodePtr below = schema_find_element (n->children, name);
      if (below)
        return below;
    }
  return NULL;
}

/* Path of the schema of a kind. */
char *
gw_schema_path_new (const gw_ctx *ctx, const char *kind)
{
  char *file = g_strconcat (kind, ".rng", NULL);
  char *path = g_build_filename (ctx->data_dir ? ctx->data_dir : ".", "xml", "schema", file, NULL);
  g_free (file);
  return path;
}

/* Frees one cached schema. */
static void
schema_free (gpointer s)
{
  if (s)
    xmlRelaxNGFree (s);
}

/* Rewrites libxml2's RELAX NG wording into "what was expected" form; returns a new string. */
static char *
schema_message_new (const char *msg)
{
  static const struct {
    const char *from;
    const char *to;
  } rewrites[] = {
    { "Expecting an element ", "expected element <%s>" },
    { "Expecting element ", "expected element <%s>" },
    { "Did not expect element ", "element <%s> is not allowed here" },
    { "Did not expect text in element ", "text is not allowed in element <%s>" },
    { "Invalid attribute ", "attribute %s is not allowed here" },
    { "Element ", NULL },
  };
  char *m = g_strstrip (g_strdup (msg));
  /* "Type date doesn't allow value '2015-13-08'" */
  if (g_str_has_prefix (m, "Type ") && strstr (m, " doesn't allow value "))
    {
      const char *type = m + 5;
      size_t n = strcspn (type, " ");
      char *out = g_strdup_printf ("%s is not a valid %.*s", strstr (m, " doesn't allow value ") + 21,
                                   (int) n, type);
      g_free (m);
      return out;
    }
  if (g_str_has_suffix (m, "failed to validate attributes"))
    {
      g_free (m);
      return g_strdup ("its attributes do not match the schema (an attribute is missing, not "
                       "allowed, or has a value the schema does not allow)");
    }
  for (size_t i = 0; i < G_N_ELEMENTS (rewrites); i++)
    {
      if (!rewrites[i].to || !g_str_has_prefix (m, rewrites[i].from))
        continue;
      /* the name runs up to the next space or comma */
      const char *name = m + strlen (rewrites[i].from);
      size_t n = strcspn (name, " ,");
      char *nm = g_strndup (name, n);
      char *head = g_strdup_printf (rewrites[i].to, nm);
      char *out = g_strconcat (head, name + n, NULL);
      g_free (nm);
      g_free (head);
      g_free (m);
      return out;
    }
  return m;
}

/* Receives one RELAX NG error and reports it as PATH:LINE: element <x>: message. */
static void
schema_on_error (void *data, const xmlError *err)
{
  schema_job *job = data;
  if (!err || err->level == XML_ERR_NONE)
    return;
  xmlNodePtr node = err->node && ((xmlNodePtr) err->node)->type == XML_ELEMENT_NODE
                      ? (xmlNodePtr) err->node
                      : NULL;
  /* "Element x failed to validate content" and "Error validating datatype" only repeat a
   * more precise error above */
  if (job->errors > 0 && err->message
      && (strstr (err->message, "failed to validate content")
          || g_str_has_prefix (err->message, "Error validating datatype")))
    return;
  if (!node && job->doc && err->str1) /* e.g. attribute errors come without a node */
    node = schema_find_element (job->doc->children, err->str1);
  long line = node ? xmlGetLineNo (node) : err->line;
  char *msg = schema_message_new (err->message ? err->message : "invalid");
  char *key = g_strdup_printf ("%ld:%s", line, msg);
  if (!g_hash_table_add (job->seen, key))
    {
      g_free (msg);
      return;
    }
  gw_level level = err->level == XML_ERR_WARNING ? GW_LEVEL_WARNING : GW_LEVEL_ERROR;
  if (node)
    gw_diag_report (job->ctx->diag, level, job->path, line, "element <%s>: %s",
                    (const char *) node->name, msg);
  else
    gw_diag_report (job->ctx->diag, level, job->path, line, "%s", msg);
  if (level == GW_LEVEL_ERROR)
    job->errors++;
  g_free (msg);
}

/* Compiles the schema at `path`; NULL after reporting. Called under the cache lock. */
static xmlRelaxNGPtr
schema_compile (gw_ctx *ctx, const char *path)
{
  xmlDocPtr doc = gw_xml_read_file (ctx, path);
  if (!doc)
    return NULL;
  schema_job job = { ctx, path, NULL, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt (doc);
  xmlRelaxNGSetParserStructuredErrors (pc, (xmlStructuredErrorFunc) schema_on_error, &job);
  gw_xml_guard (ctx);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (pc);
  xmlRelaxNGFreeParserCtxt (pc);
  xmlFreeDoc (doc);
  g_hash_table_destroy (job.seen);
  if (!schema && job.errors == 0)
    gw_diag_error (ctx->diag, path, 0, "not a usable RELAX NG schema");
  return schema;
}

/* Validates a record against its kind's schema. */
gboolean
gw_schema_validate (gw_ctx *ctx, gw_record_cache *cache, xmlDocPtr doc, const char *kind,
                    const char *path,
                    gboolean *schema_ok)
{
  char *rng = gw_schema_path_new (ctx, kind);
  *schema_ok = TRUE;
  if (!g_file_test (rng, G_FILE_TEST_IS_REGULAR))
    {
      gw_diag_error (ctx->diag, path, xmlGetLineNo (xmlDocGetRootElement (doc)),
                     "unknown record kind <%s>: there is no schema %s", kind, rng);
      g_free (rng);
      *schema_ok = FALSE;
      return FALSE;
    }
  char *key = g_canonicalize_filename (rng, NULL);
  g_mutex_lock (&cache->schemas_lock);
  if (!cache->schemas)
    cache->schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, schema_free);
  gpointer schema = NULL;
  if (!g_hash_table_lookup_extended (cache->schemas, key, NULL, &schema))
    {
      schema = schema_compile (ctx, rng);
      g_hash_table_insert (cache->schemas, g_strdup (key), schema);
    }
  else if (!schema)
    gw_diag_error (ctx->diag, rng, 0, "schema failed to compile earlier in this run");
  gboolean valid = FALSE;
  if (schema)
    {
      schema_job job = { ctx, path, doc,
                         g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
      xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt (schema);
      xmlRelaxNGSetValidStructuredErrors (vc, (xmlStructuredErrorFunc) schema_on_error, &job);
      int rc = xmlRelaxNGValidateDoc (vc, doc);
      xmlRelaxNGFreeValidCtxt (vc);
      g_hash_table_destroy (job.seen);
      valid = rc == 0 && job.errors == 0;
      if (!valid && job.errors == 0)
        gw_diag_error (ctx->diag, path, 0, "does not match the schema %s", rng);
    }
  else
    *schema_ok = FALSE;
  g_mutex_unlock (&cache->schemas_lock);
  g_free (key);
  g_free (rng);
  return valid;
}
