/* schema.c — RELAX NG validation of records against <data_dir>/xml/schema/<kind>.rng.
 * Compiled schemas are cached in the caller's gw_record_cache (keyed by canonical path) and
 * shared by every job; a validation runs under the cache's lock, so threads may share them.
 * Errors are said in the clerk's terms: the field's label from the kind's label table. */
#include "records/private.h"
#include "base/i18n.h"
#include "base/xmlload.h"
#include "records/labels.h"

#include <libxml/relaxng.h>
#include <stdarg.h>
#include <string.h>

/* One validation in progress: where its messages go. */
typedef struct {
  gw_ctx *ctx;        /* borrowed */
  gw_record_cache *cache; /* borrowed: where the label tables are kept */
  const char *path;   /* borrowed: the file named in messages */
  const char *kind;   /* borrowed: the record kind (its label table names the fields) */
  xmlDocPtr doc;      /* borrowed: the record (NULL while compiling) */
  GHashTable *seen;   /* owned: "line:message" already reported */
  xmlNodePtr fallback; /* borrowed: the innermost element whose content failed (else the
                          first error's), said when nothing else is */
  gboolean fallback_inner; /* the fallback is an inner element's failed content */
  xmlNodePtr value_node; /* borrowed: the last element a value error was said at */
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

/* libxml2's RELAX NG messages this file understands (its wording, version 2.9–2.12). */
#define SCHEMA_EXPECT_ELEMENT "Expecting an element "
#define SCHEMA_EXPECT_ELEMENT2 "Expecting element "
#define SCHEMA_NOT_EXPECTED "Did not expect element "
#define SCHEMA_EXTRA_INTERLEAVE "Extra element "
#define SCHEMA_TEXT "Did not expect text in element "
#define SCHEMA_INVALID_ATTR "Invalid attribute "

/* The name that follows `prefix` in `msg` (up to a space or comma; caller frees). */
static char *
schema_name_after (const char *msg, const char *prefix)
{
  const char *name = strstr (msg, prefix) + strlen (prefix);
  return g_strndup (name, strcspn (name, " ,"));
}

/* TRUE when `parent` has a child element `name`. */
static gboolean
schema_has_child (xmlNodePtr parent, const char *name)
{
  for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !strcmp ((const char *) c->name, name))
      return TRUE;
  return FALSE;
}

/* Reports one message of a validation at `node`'s line. */
static void G_GNUC_PRINTF (3, 4)
schema_say (schema_job *job, xmlNodePtr node, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  long line = node ? xmlGetLineNo (node) : 0;
  char *key = g_strdup_printf ("%ld:%s", line, msg);
  if (g_hash_table_add (job->seen, key))
    {
      gw_diag_error (job->ctx->diag, job->path, line, "%s", msg);
      job->errors++;
    }
  g_free (msg);
}

/* Says that the field `label` at `node` holds `value`, which its type `type` does not
 * allow: in the clerk's terms (what to write), never the XML Schema type's name. */
static void
schema_say_value (schema_job *job, xmlNodePtr node, const char *label, const char *hint,
                  const char *type, const char *value)
{
  if (!*value)
    schema_say (job, node, _("%s is empty; fill it in"), label);
  else if (!strcmp (type, "date"))
    schema_say (job, node, _("%s: '%s' is not a date; write it as 2015-07-08"), label, value);
  else if (!strcmp (type, "gYear"))
    schema_say (job, node, _("%s: '%s' is not a year; write it as 2015"), label, value);
  else if (!strcmp (type, "positiveInteger") || !strcmp (type, "nonNegativeInteger")
           || !strcmp (type, "integer"))
    schema_say (job, node, _("%s: '%s' is not a whole number; write digits only, such as 2"),
                label, value);
  else if (!strcmp (type, "boolean"))
    schema_say (job, node, _("%s: '%s' must be true or false"), label, value);
  else if (hint)
    schema_say (job, node, _("%s: '%s' is not written as required (%s)"), label, value, hint);
  else
    schema_say (job, node, _("%s: '%s' is not written as required"), label, value);
}

/* A datatype error ("Type date doesn't allow value '2015-13-08'", "Error validating
 * datatype token"): finds which field of `node` holds the value (its text or one of its
 * attributes) and says what to write. */
static void
schema_on_value (schema_job *job, const gw_labels *labels, xmlNodePtr node, const char *msg)
{
  const char *type = g_str_has_prefix (msg, "Type ") ? msg + 5
                                                      : msg + strlen ("Error validating datatype ");
  char *t = g_strndup (type, strcspn (type, " "));
  const char *q = strstr (msg, " value '");
  char *value = q ? g_strndup (q + 8, strlen (q + 8) - (g_str_has_suffix (q + 8, "'") ? 1 : 0))
                  : NULL;
  const char *attr = NULL;
  xmlChar *text = xmlNodeGetContent (node);
  char *own = g_strstrip (g_strdup (text ? (const char *) text : ""));
  xmlFree (text);
  if (value && strcmp (g_strstrip (value), own) != 0)
    for (xmlAttrPtr a = node->properties; a && !attr; a = a->next)
      {
        xmlChar *v = xmlNodeGetContent ((xmlNodePtr) a);
        if (v && !strcmp (g_strstrip ((char *) v), value))
          attr = (const char *) a->name;
        xmlFree (v);
      }
  char *path = gw_labels_path_new (node, attr);
  const gw_label *row = gw_labels_find (labels, path);
  char *label = gw_labels_name_new (labels, node, attr);
  schema_say_value (job, node, label, row ? row->hint : NULL, t, value ? value : own);
  g_free (label);
  g_free (path);
  g_free (own);
  g_free (value);
  g_free (t);
}

/* "failed to validate attributes": names the attributes of `node` the table does not
 * know (to remove) and those it knows that are absent (to write). */
static void
schema_on_attributes (schema_job *job, const gw_labels *labels, xmlNodePtr node)
{
  char *label = gw_labels_name_new (labels, node, NULL);
  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      if (a->ns)
        continue;
      char *path = gw_labels_path_new (node, (const char *) a->name);
      if (!gw_labels_find (labels, path))
        schema_say (job, node, _("%s: '%s' is not a field of it; remove it"), label,
                    (const char *) a->name);
      g_free (path);
    }
  char *base = gw_labels_path_new (node, NULL);
  GString *absent = g_string_new (NULL);
  for (guint i = 0; i < gw_labels_count (labels); i++)
    {
      const gw_label *row = gw_labels_nth (labels, i);
      const char *at = strrchr (row->path, '@');
      gboolean mine = at && (at == row->path ? !*base
                                              : (size_t) (at - 1 - row->path) == strlen (base)
                                                  && !strncmp (row->path, base, strlen (base)));
      if (mine && !xmlHasProp (node, (const xmlChar *) at + 1))
        g_string_append_printf (absent, "%s%s", absent->len ? _(", ") : "", row->label);
    }
  if (absent->len)
    schema_say (job, node, _("%s: check %s (missing, or not written as required)"), label,
                absent->str);
  else if (job->errors == 0)
    schema_say (job, node, _("%s is not written as required"), label);
  g_string_free (absent, TRUE);
  g_free (base);
  g_free (label);
}

/* Says which children of `node` are no field of the record (an element the label table,
 * and so the schema, does not know). */
static void
schema_say_unknown (schema_job *job, const gw_labels *labels, xmlNodePtr node)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      char *path = gw_labels_path_new (c, NULL);
      if (labels && !gw_labels_find (labels, path))
        {
          char *label = gw_labels_name_new (labels, c, NULL);
          schema_say (job, c, _("%s does not belong here; remove it"), label);
          g_free (label);
        }
      g_free (path);
    }
}

/* Receives one RELAX NG error. While compiling a schema (job->doc NULL) it is reported as
 * libxml2 words it (a developer's problem). While validating a record it is said in the
 * clerk's terms: the field's label from the kind's label table, the record's line, what is
 * wrong and what to write. libxml2 also reports the branches it tried and dropped ("expected
 * <place>, got task" where <place> is there): a missing element that is present is one of
 * those, kept aside in case nothing else explains the failure. */
static void
schema_on_error (void *data, const xmlError *err)
{
  schema_job *job = data;
  if (!err || err->level == XML_ERR_NONE)
    return;
  char *owned = g_strstrip (g_strdup (err->message ? err->message : "invalid"));
  const char *msg = owned;
  if (!job->doc)
    {
      gw_diag_report (job->ctx->diag, err->level == XML_ERR_WARNING ? GW_LEVEL_WARNING
                                                                      : GW_LEVEL_ERROR,
                      job->path, err->line, "%s", msg);
      if (err->level != XML_ERR_WARNING)
        job->errors++;
      g_free (owned);
      return;
    }
  xmlNodePtr node = err->node && ((xmlNodePtr) err->node)->type == XML_ELEMENT_NODE
                      ? (xmlNodePtr) err->node
                      : NULL;
  if (!node && err->str1) /* e.g. attribute errors come without a node */
    node = schema_find_element (job->doc->children, err->str1);
  if (!node)
    node = xmlDocGetRootElement (job->doc);
  gboolean content = strstr (msg, "failed to validate") != NULL;
  if (!job->fallback || (content && !job->fallback_inner))
    {
      job->fallback = node;
      job->fallback_inner = content && node->parent && node->parent->type == XML_ELEMENT_NODE;
    }
  const gw_labels *labels = gw_labels_get (job->ctx, job->cache, job->kind);
  if (strstr (msg, SCHEMA_EXPECT_ELEMENT) || strstr (msg, SCHEMA_EXPECT_ELEMENT2))
    {
      char *name = schema_name_after (msg, strstr (msg, SCHEMA_EXPECT_ELEMENT)
                                             ? SCHEMA_EXPECT_ELEMENT : SCHEMA_EXPECT_ELEMENT2);
      if (!*name) /* "Expecting an element , got nothing": an element with nothing in it */
        {
          char *label = gw_labels_name_new (labels, node, NULL);
          schema_say (job, node, _("%s has nothing in it; fill it in"), label);
          g_free (label);
          g_free (name);
          g_free (owned);
          return;
        }
      /* libxml2 gives either the parent or the element it got instead ("got contact") */
      const char *got = strstr (msg, ", got ");
      gboolean at_got = got && !strcmp (got + 6, (const char *) node->name);
      xmlNodePtr parent = at_got && node->parent && node->parent->type == XML_ELEMENT_NODE
                            ? node->parent : node;
      if (!schema_has_child (parent, name))
        {
          char *base = gw_labels_path_new (parent, NULL);
          char *path = *base ? g_strconcat (base, "/", name, NULL) : g_strdup (name);
          const gw_label *row = gw_labels_find (labels, path);
          if (row && row->hint)
            schema_say (job, node, _("%s is missing (%s)"), row->label, row->hint);
          else
            schema_say (job, node, _("%s is missing"), row ? row->label : name);
          g_free (path);
          g_free (base);
        }
      g_free (name);
    }
  else if (strstr (msg, SCHEMA_NOT_EXPECTED) || strstr (msg, SCHEMA_EXTRA_INTERLEAVE))
    {
      char *label = gw_labels_name_new (labels, node, NULL);
      char *path = gw_labels_path_new (node, NULL);
      if (gw_labels_find (labels, path))
        schema_say (job, node, _("%s is written twice, in the wrong place, or something before "
                                 "it is missing"), label);
      else
        schema_say (job, node, _("%s does not belong here; remove it"), label);
      g_free (path);
      g_free (label);
    }
  else if (strstr (msg, SCHEMA_TEXT))
    {
      char *label = gw_labels_name_new (labels, node, NULL);
      schema_say (job, node, _("%s must not hold text of its own here"), label);
      g_free (label);
    }
  else if (strstr (msg, SCHEMA_INVALID_ATTR) && !strstr (msg, "Invalid attribute value"))
    {
      /* libxml2 says "Invalid attribute id" both for an attribute the element does not have
       * and for one whose value its type refuses */
      char *attr = schema_name_after (msg, SCHEMA_INVALID_ATTR);
      char *path = gw_labels_path_new (node, attr);
      const gw_label *row = gw_labels_find (labels, path);
      char *label = gw_labels_name_new (labels, node, row ? attr : NULL);
      char *value = gw_rec_attr_new (node, attr);
      if (row && job->value_node != node)
        schema_say_value (job, node, label, row->hint, "", value ? value : "");
      else if (!row)
        schema_say (job, node, _("%s: '%s' is not a field of it; remove it"), label, attr);
      g_free (value);
      g_free (label);
      g_free (path);
      g_free (attr);
    }
  else if ((g_str_has_prefix (msg, "Type ") && strstr (msg, " doesn't allow value "))
           || (g_str_has_prefix (msg, "Error validating datatype ") && job->value_node != node))
    {
      schema_on_value (job, labels, node, msg);
      job->value_node = node;
    }
  else if (strstr (msg, "failed to validate attributes"))
    schema_on_attributes (job, labels, node);
  /* everything else ("failed to validate content", "Invalid sequence in interleave",
   * "extra content") repeats a more precise message or a dropped branch */
  g_free (owned);
}

/* Compiles the schema at `path`; NULL after reporting. Called under the cache lock. */
static xmlRelaxNGPtr
schema_compile (gw_ctx *ctx, const char *path)
{
  xmlDocPtr doc = gw_xml_read_file (ctx, path);
  if (!doc)
    return NULL;
  schema_job job = { ctx, NULL, path, NULL, NULL,
                     g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), NULL, FALSE,
                     NULL, 0 };
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt (doc);
  xmlRelaxNGSetParserStructuredErrors (pc, (xmlStructuredErrorFunc) schema_on_error, &job);
  gw_xml_guard (ctx);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (pc);
  xmlRelaxNGFreeParserCtxt (pc);
  xmlFreeDoc (doc);
  g_hash_table_destroy (job.seen);
  if (!schema && job.errors == 0)
    gw_diag_error (ctx->diag, path, 0, _("not a usable RELAX NG schema"));
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
                     _("unknown record kind <%s>: there is no schema %s"), kind, rng);
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
    gw_diag_error (ctx->diag, rng, 0, _("schema failed to compile earlier in this run"));
  gboolean valid = FALSE;
  if (schema)
    {
      schema_job job = { ctx, cache, path, kind, doc,
                         g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), NULL,
                         FALSE, NULL, 0 };
      (void) gw_labels_get (ctx, cache, kind); /* read now, not inside libxml2's error callback */
      xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt (schema);
      xmlRelaxNGSetValidStructuredErrors (vc, (xmlStructuredErrorFunc) schema_on_error, &job);
      int rc = xmlRelaxNGValidateDoc (vc, doc);
      xmlRelaxNGFreeValidCtxt (vc);
      valid = rc == 0 && job.errors == 0;
      if (!valid && job.errors == 0)
        {
          /* only dropped branches were reported: name the first field they were at */
          xmlNodePtr at = job.fallback ? job.fallback : xmlDocGetRootElement (doc);
          schema_say_unknown (&job, gw_labels_get (ctx, cache, kind), at);
          if (job.errors == 0)
            {
              /* a note, not an error: what is wrong there is usually a count (one inspector
               * where two are needed), which the rules say better and first in a summary
               * (the record stays invalid all the same) */
              char *label = gw_labels_name_new (gw_labels_get (ctx, cache, kind), at, NULL);
              gw_diag_report (ctx->diag, GW_LEVEL_NOTE, path, xmlGetLineNo (at),
                              _("%s is not written as required"), label);
              g_free (label);
            }
        }
      g_hash_table_destroy (job.seen);
    }
  else
    *schema_ok = FALSE;
  g_mutex_unlock (&cache->schemas_lock);
  g_free (key);
  g_free (rng);
  return valid;
}
