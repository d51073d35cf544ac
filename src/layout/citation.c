/* citation.c — the text of page numbers and page-number citations in a layout pass.
 *
 * A citation of a page not laid out yet prints what the previous pass found (or "1" in the
 * first pass) and records what it printed; layout.c lays the document out again while any
 * recorded text differs from what this pass found (see layout.h). */
#include "layout/lay.h"

/* The text of a page number or citation for this pass. */
const char *
lay_cite_text (lay_job *job, const gw_fo *fo)
{
  if (fo->kind == FO_PAGE_NUMBER)
    {
      if (job->cur_page_label)
        return job->cur_page_label;
      char key[32];
      g_snprintf (key, sizeof key, "#pn:%u", fo->serial);
      const char *v = g_hash_table_lookup (job->cites_prev, key);
      g_hash_table_replace (job->cites_used, g_strdup (key), g_strdup (v ? v : "1"));
      return v ? v : "1";
    }
  const char *ref = fo->props->ref_id;
  if (!ref)
    {
      gw_diag_warn (job->ctx->diag, job->tree->file, fo->line, "fo:%s without ref-id",
                    gw_fo_kind_name (fo->kind));
      return "?";
    }
  char *key = fo->kind == FO_PAGE_NUMBER_CITATION_LAST ? g_strconcat ("#last:", ref, NULL) : g_strdup (ref);
  const char *v;
  if (job->cur_page_label)
    {
      /* static content is laid out after the whole document: this pass knows it */
      v = g_hash_table_lookup (job->cites_now, key);
    }
  else
    {
      v = g_hash_table_lookup (job->cites_prev, key);
      g_hash_table_replace (job->cites_used, g_strdup (key), g_strdup (v ? v : "1"));
    }
  if (!gw_fotree_lookup_id (job->tree, ref))
    {
      char *once = g_strconcat ("cite:", ref, NULL);
      gw_diag_warn_once (job->ctx->diag, once, job->tree->file, fo->line,
                         "citation of unknown id '%s'", ref);
      g_free (once);
      v = "?";
    }
  g_free (key);
  return v ? v : "1";
}
