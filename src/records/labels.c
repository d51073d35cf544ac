/* labels.c — the label tables of the record kinds (see labels.h), read once per record cache
 * under its lock and shared by every job. */
#include "records/labels.h"
#include "base/i18n.h"
#include "base/xmlload.h"
#include "records/private.h"

#include <string.h>

#define LABELS_NS "urn:gongwen:labels:1"

struct gw_labels {
  GPtrArray *rows;    /* gw_label *, owned (with their strings) */
  GHashTable *by_path; /* path → gw_label * (borrowed from rows) */
};

/* Frees one row. */
static void
label_free (gpointer p)
{
  gw_label *l = p;
  g_free ((char *) l->path);
  g_free ((char *) l->label);
  g_free ((char *) l->hint);
  g_free ((char *) l->column);
  g_free (l);
}

/* Frees one table (NULL is fine). */
static void
labels_free (gpointer p)
{
  gw_labels *t = p;
  if (!t)
    return;
  g_hash_table_destroy (t->by_path);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

/* An attribute as a new string, NULL when absent or empty. */
static char *
labels_attr_new (xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetNoNsProp (n, (const xmlChar *) name);
  char *s = v && *v ? g_strdup ((const char *) v) : NULL;
  xmlFree (v);
  return s;
}

/* Reads the table at `path`; NULL when absent or unreadable (a broken table is reported
 * through `ctx`, and is the developer's problem: tests/records/labels.py checks them). The
 * caller's context is used, not a temporary one: the loader leaves the thread's libxml2
 * handlers pointing at the context it parsed with. */
static gw_labels *
labels_read (gw_ctx *ctx, const char *path)
{
  xmlDocPtr doc = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? gw_xml_read_file (ctx, path)
                                                               : NULL;
  if (!doc)
    return NULL;
  gw_labels *t = g_new0 (gw_labels, 1);
  t->rows = g_ptr_array_new_with_free_func (label_free);
  t->by_path = g_hash_table_new (g_str_hash, g_str_equal);
  for (xmlNodePtr n = xmlDocGetRootElement (doc)->children; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || strcmp ((const char *) n->name, "field") != 0
          || !n->ns || strcmp ((const char *) n->ns->href, LABELS_NS) != 0)
        continue;
      gw_label *l = g_new0 (gw_label, 1);
      l->path = labels_attr_new (n, "path");
      l->label = labels_attr_new (n, "label");
      l->hint = labels_attr_new (n, "hint");
      l->column = labels_attr_new (n, "column");
      char *rep = labels_attr_new (n, "repeat");
      l->repeat = rep && !strcmp (rep, "true");
      g_free (rep);
      if (!l->path || !l->label)
        {
          label_free (l);
          continue;
        }
      g_ptr_array_add (t->rows, l);
      g_hash_table_insert (t->by_path, (char *) l->path, l);
    }
  xmlFreeDoc (doc);
  return t;
}

/* The table of a kind. */
const gw_labels *
gw_labels_get (gw_ctx *ctx, gw_record_cache *cache, const char *kind)
{
  if (!kind || !cache)
    return NULL;
  g_mutex_lock (&cache->labels_lock);
  if (!cache->labels)
    cache->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, labels_free);
  gpointer t = NULL;
  if (!g_hash_table_lookup_extended (cache->labels, kind, NULL, &t))
    {
      char *file = g_strconcat (kind, ".labels.xml", NULL);
      char *path = g_build_filename (ctx && ctx->data_dir ? ctx->data_dir : ".", "xml",
                                     "schema", file, NULL);
      t = labels_read (ctx, path);
      g_hash_table_insert (cache->labels, g_strdup (kind), t);
      g_free (path);
      g_free (file);
    }
  g_mutex_unlock (&cache->labels_lock);
  return t;
}

/* The row of a path. */
const gw_label *
gw_labels_find (const gw_labels *labels, const char *path)
{
  return labels && path ? g_hash_table_lookup (labels->by_path, path) : NULL;
}

/* The number of rows. */
guint
gw_labels_count (const gw_labels *labels)
{
  return labels ? labels->rows->len : 0;
}

/* Row i. */
const gw_label *
gw_labels_nth (const gw_labels *labels, guint i)
{
  return labels && i < labels->rows->len ? g_ptr_array_index (labels->rows, i) : NULL;
}

/* The path of a node. */
char *
gw_labels_path_new (xmlNodePtr node, const char *attr)
{
  GPtrArray *parts = g_ptr_array_new ();
  for (xmlNodePtr n = node; n && n->type == XML_ELEMENT_NODE && n->parent
                            && n->parent->type == XML_ELEMENT_NODE; n = n->parent)
    g_ptr_array_insert (parts, 0, (gpointer) n->name);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      if (i)
        g_string_append_c (s, '/');
      g_string_append (s, g_ptr_array_index (parts, i));
    }
  if (attr)
    g_string_append_printf (s, "%s@%s", s->len ? "/" : "", attr);
  g_ptr_array_free (parts, TRUE);
  return g_string_free (s, FALSE);
}

/* The label of a node or attribute. */
char *
gw_labels_name_new (const gw_labels *labels, xmlNodePtr node, const char *attr)
{
  char *path = gw_labels_path_new (node, attr);
  const gw_label *l = gw_labels_find (labels, path);
  g_free (path);
  if (l)
    return g_strdup (l->label);
  if (!attr && node && (!node->parent || node->parent->type != XML_ELEMENT_NODE))
    return g_strdup (_("the record")); /* the root element itself */
  /* not in the table (an element the schema does not know): the nearest labelled
   * ancestor, then the name as written */
  const char *name = attr ? attr : node ? (const char *) node->name : "?";
  for (xmlNodePtr up = attr ? node : node ? node->parent : NULL; up; up = up->parent)
    {
      char *p = gw_labels_path_new (up, NULL);
      const gw_label *a = gw_labels_find (labels, p);
      g_free (p);
      if (a)
        return g_strdup_printf ("%s/%s", a->label, name);
    }
  return g_strdup (name);
}
