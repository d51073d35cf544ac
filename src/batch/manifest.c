/* manifest.c — out/manifest.xml: what a batch made, and the stamps the next run compares.
 *
 *   <manifest xmlns="urn:gongwen:manifest:1" version="1" generator="gongwen 0.1.0">
 *     <document record="xml/cases/case-2015-014-wire.xml" stylesheet="xsl/case-order.xsl"
 *               output="责令整改通知书-….pdf" pages="2" sha256="…" stamp="…"
 *               status="written"/>
 *     <document record="xml/cases/bad.xml" status="failed" error="bad.xml:7: …"/>
 *   </manifest>
 *
 * status: written (made in this run), up-to-date (skipped, the file matches), failed. The
 * namespace is not the record namespace, so a batch over a folder holding out/ skips it. */
#include "base/i18n.h"
#include "batch/private.h"
#include "base/sha256.h"
#include "base/files.h"
#include "base/xmlload.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#ifndef GW_VERSION
#define GW_VERSION "dev"
#endif

/* Frees one entry. */
static void
manifest_entry_free (gw_manifest_entry *e)
{
  g_free (e->stamp);
  g_free (e->sha256);
  g_free (e);
}

/* Adds the entries of one manifest file to `entries`. */
static void
manifest_read_one (gw_ctx *quiet, const char *path, GHashTable *entries)
{
  xmlDocPtr doc = gw_xml_read_file (quiet, path);
  xmlNodePtr root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (!root || !root->ns || strcmp ((const char *) root->ns->href, GW_MANIFEST_NS))
    {
      xmlFreeDoc (doc);
      return;
    }
  for (xmlNodePtr n = root->children; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || strcmp ((const char *) n->name, "document"))
        continue;
      xmlChar *status = xmlGetNoNsProp (n, (const xmlChar *) "status");
      xmlChar *output = xmlGetNoNsProp (n, (const xmlChar *) "output");
      xmlChar *stamp = xmlGetNoNsProp (n, (const xmlChar *) "stamp");
      xmlChar *sha = xmlGetNoNsProp (n, (const xmlChar *) "sha256");
      xmlChar *pages = xmlGetNoNsProp (n, (const xmlChar *) "pages");
      gboolean good = status && output && stamp && sha && pages
                      && (!strcmp ((const char *) status, "written")
                          || !strcmp ((const char *) status, "up-to-date"));
      if (good)
        {
          gw_manifest_entry *e = g_new0 (gw_manifest_entry, 1);
          e->stamp = g_strdup ((const char *) stamp);
          e->sha256 = g_strdup ((const char *) sha);
          e->pages = atoi ((const char *) pages);
          GPtrArray *list = g_hash_table_lookup (entries, output);
          if (!list)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) manifest_entry_free);
              g_hash_table_insert (entries, g_strdup ((const char *) output), list);
            }
          g_ptr_array_add (list, e);
        }
      xmlFree (status);
      xmlFree (output);
      xmlFree (stamp);
      xmlFree (sha);
      xmlFree (pages);
    }
  xmlFreeDoc (doc);
}

/* Reads every manifest of the output folder. */
GHashTable *
gw_manifest_read_dir (gw_ctx *ctx, const char *out_dir)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  GDir *d = g_dir_open (out_dir, 0, NULL);
  if (!d)
    return entries;
  gw_ctx *quiet = gw_ctx_new (NULL);
  gw_diag_set_quiet (quiet->diag, TRUE);
  const char *name;
  while ((name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, "manifest") && g_str_has_suffix (name, ".xml"))
      {
        char *path = g_build_filename (out_dir, name, NULL);
        manifest_read_one (quiet, path, entries);
        g_free (path);
      }
  g_dir_close (d);
  gw_diag_hook_xml (ctx->diag);
  gw_ctx_free (quiet);
  return entries;
}

/* TRUE when the PNG pages of a job exist. */
static gboolean
manifest_pngs_exist (const gw_job *job, int pages)
{
  char *base = gw_job_png_base_new (job);
  size_t n = strlen (base) - 4;
  gboolean ok = TRUE;
  for (int i = 1; ok && i <= pages; i++)
    {
      char *name = g_strdup_printf ("%.*s-%d.png", (int) n, base, i);
      ok = g_file_test (name, G_FILE_TEST_IS_REGULAR);
      g_free (name);
    }
  g_free (base);
  return ok;
}

/* Marks the up-to-date jobs. */
void
gw_manifest_mark_up_to_date (GHashTable *entries, gw_plan *plan, gboolean png)
{
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->status != GW_JOB_PENDING || !job->stamp)
        continue;
      char *file = g_strconcat (job->output_name, ".pdf", NULL);
      GPtrArray *list = g_hash_table_lookup (entries, file);
      g_free (file);
      char *have = NULL;
      for (guint k = 0; list && k < list->len; k++)
        {
          const gw_manifest_entry *e = g_ptr_array_index (list, k);
          if (strcmp (e->stamp, job->stamp) || e->pages <= 0)
            continue;
          if (!have)
            have = gw_sha256_file_new (job->pdf_path);
          if (!have)
            break; /* the output is gone */
          if (!strcmp (have, e->sha256) && (!png || manifest_pngs_exist (job, e->pages)))
            {
              job->status = GW_JOB_UP_TO_DATE;
              job->pages = e->pages;
              job->sha256 = g_strdup (e->sha256);
              break;
            }
        }
      g_free (have);
    }
}

/* `path` relative to `dir` when it lies inside it, else `path` (caller frees). */
static char *
manifest_relative (const char *path, const char *dir)
{
  if (dir)
    {
      size_t n = strlen (dir);
      if (!strncmp (path, dir, n) && path[n] == '/')
        return g_strdup (path + n + 1);
    }
  return g_strdup (path);
}

/* Writes one attribute when `value` is not NULL; returns the writer's status. */
static int
manifest_attr (xmlTextWriterPtr w, const char *name, const char *value)
{
  if (!value)
    return 0;
  return xmlTextWriterWriteAttribute (w, (const xmlChar *) name, (const xmlChar *) value);
}

/* Writes one <document>; < 0 on a write error. */
static int
manifest_document (xmlTextWriterPtr w, const gw_job *job, const char *data_dir)
{
  static const char *const status_names[] = { "pending", "written", "up-to-date", "failed" };
  int rc = xmlTextWriterWriteString (w, (const xmlChar *) "\n  ");
  if (rc >= 0)
    rc = xmlTextWriterStartElement (w, (const xmlChar *) "document");
  if (rc >= 0)
    rc = manifest_attr (w, "record", job->record_path);
  if (rc >= 0 && job->xsl_path)
    {
      char *xsl = manifest_relative (job->xsl_path, data_dir);
      rc = manifest_attr (w, "stylesheet", xsl);
      g_free (xsl);
    }
  if (rc >= 0 && job->output_name)
    {
      char *file = g_strconcat (job->output_name, ".pdf", NULL);
      rc = manifest_attr (w, "output", file);
      g_free (file);
    }
  if (rc >= 0 && job->status != GW_JOB_FAILED && job->pages > 0)
    {
      char pages[16];
      g_snprintf (pages, sizeof pages, "%d", job->pages);
      rc = manifest_attr (w, "pages", pages);
      if (rc >= 0)
        rc = manifest_attr (w, "sha256", job->sha256);
      if (rc >= 0)
        rc = manifest_attr (w, "stamp", job->stamp);
    }
  if (rc >= 0)
    rc = manifest_attr (w, "status", status_names[job->status]);
  if (rc >= 0 && job->status == GW_JOB_FAILED)
    rc = manifest_attr (w, "error", job->error);
  if (rc >= 0)
    rc = xmlTextWriterEndElement (w);
  return rc;
}

/* Writes the manifest. */
gboolean
gw_manifest_write (gw_ctx *ctx, const char *path, const gw_plan *plan, const char *data_dir,
                   const char *shard)
{
  char *tmp = gw_temp_path_new (path);
  xmlTextWriterPtr w = xmlNewTextWriterFilename (tmp, 0);
  int rc = w ? 0 : -1;
  if (rc >= 0)
    rc = xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  if (rc >= 0)
    rc = xmlTextWriterStartElementNS (w, NULL, (const xmlChar *) "manifest",
                                      (const xmlChar *) GW_MANIFEST_NS);
  if (rc >= 0)
    rc = manifest_attr (w, "version", "1");
  if (rc >= 0)
    rc = manifest_attr (w, "generator", "gongwen " GW_VERSION);
  if (rc >= 0)
    rc = manifest_attr (w, "shard", shard);
  for (guint i = 0; rc >= 0 && i < plan->jobs->len; i++)
    {
      const gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->status != GW_JOB_PENDING)
        rc = manifest_document (w, job, data_dir);
    }
  if (rc >= 0)
    rc = xmlTextWriterWriteString (w, (const xmlChar *) "\n");
  if (rc >= 0)
    rc = xmlTextWriterEndDocument (w);
  if (w)
    xmlFreeTextWriter (w); /* flushes and closes the file */
  gboolean ok = rc >= 0;
  if (ok && g_rename (tmp, path) != 0)
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot write: %s"), g_strerror (errno));
      ok = FALSE;
    }
  else if (!ok)
    gw_diag_error (ctx->diag, path, 0, _("cannot write the manifest"));
  if (!ok)
    g_unlink (tmp);
  g_free (tmp);
  return ok;
}
