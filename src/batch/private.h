/* private.h — shared inside src/batch only: stamps, manifests, the worker pool, progress
 * display and the combined PDF. */
#ifndef GW_BATCH_PRIVATE_H
#define GW_BATCH_PRIVATE_H

#include "batch/batch.h"
#include "batch/job.h"

/* ---- stamp.c: what an output depends on ---- */

/* Hex SHA-256 of the inputs every document of the batch shares: the gongwen version, every
 * file under <data_dir>/xsl (names and contents), the overriding stylesheet and the *.xsl
 * beside it, the fonts configuration file and the listing of <data_dir>/fonts, the
 * parameters and output options. Caller frees. */
char *gw_stamp_shared_new (gw_ctx *ctx, const gw_batch_opts *opts);
/* Hex SHA-256 of a record's file and of the regime records it refers to (`refs`, from
 * gw_record_regimes; each id once): a stylesheet prints
 * deadlines and rule texts from the regime, so a changed regime changes the documents.
 * `regime_sums` (path → hex, owned keys and values) caches the regimes' sums. NULL when
 * the record cannot be read. Computed while planning, when the record is parsed (the plan
 * keeps no parsed records). Caller frees. */
char *gw_stamp_record_new (const gw_record *rec, const GArray *refs, GHashTable *regime_sums);
/* Sets job->stamp of every pending job: SHA-256 of `shared`, the record's part
 * (job->record_sum), the stylesheet and the output name. A job without record_sum (its
 * record could not be read back) keeps stamp NULL and is always made. */
void gw_stamp_jobs (gw_plan *plan, const char *shared);

/* ---- manifest.c: out/manifest.xml ---- */

#define GW_MANIFEST_NS "urn:gongwen:manifest:1"

typedef struct gw_manifest_entry {
  /* owned */
  char *stamp;
  char *sha256;     /* of the main output (the PDF, or the OFD alone) */
  char *ofd_sha256; /* of the OFD beside a PDF, or NULL */
  /* values */
  int pages;
} gw_manifest_entry;

/* Reads every manifest*.xml in `out_dir` (those of shards too): output file name (with
 * .pdf) → GPtrArray of gw_manifest_entry. Unreadable manifests are ignored (everything
 * they list is rebuilt). Caller frees (g_hash_table_destroy). */
GHashTable *gw_manifest_read_dir (gw_ctx *ctx, const char *out_dir);
/* Marks the pending jobs whose output file still has the SHA-256 a manifest entry with the
 * same stamp recorded as GW_JOB_UP_TO_DATE (pages and sha256 from the entry). */
void gw_manifest_mark_up_to_date (GHashTable *entries, gw_plan *plan, gboolean png);
/* Writes the manifest of `plan` to `path` atomically with xmlTextWriter: one <document>
 * per job that is not pending. `shard` ("K/N") or NULL. FALSE after reporting. */
gboolean gw_manifest_write (gw_ctx *ctx, const char *path, const gw_plan *plan,
                            const char *data_dir, const char *shard);

/* ---- progress.c: the progress bar and plain progress lines ---- */

typedef struct gw_progress gw_progress;

/* Starts showing progress for `total` documents to make on stderr: a bar redrawn in place
 * when stderr is a terminal, plain lines otherwise, nothing when `quiet`. */
gw_progress *gw_progress_new (guint total, gboolean quiet);
/* Prints `text` (whole lines) above the bar. */
void gw_progress_print (gw_progress *p, const char *text);
/* Counts one finished job and shows it. */
void gw_progress_step (gw_progress *p, const gw_job *job);
/* Redraws the bar if it is due (called on a timer). */
void gw_progress_tick (gw_progress *p);
/* Removes the bar; frees. */
void gw_progress_free (gw_progress *p);

/* ---- pool.c: forked workers ---- */

/* Removes the temporary files earlier runs left in `out_dir` when they died (killed with
 * SIGKILL, a crash of the machine): gongwen's temporary names, owner not running, older than
 * an hour. */
void gw_pool_sweep_stale (const char *out_dir);
/* Makes the pending jobs of `plan` on `workers` forked processes (or fewer), reporting
 * each finished job to `progress`; `done` is called after each (for periodic manifest
 * writes). Returns the signal that interrupted the run (SIGINT, SIGTERM), or 0 when every
 * job was attempted. */
int gw_pool_run (gw_ctx *ctx, gw_plan *plan, const gw_batch_opts *opts, gw_engine *engine,
                 gw_stylesheet_cache *cache, gw_progress *progress,
                 void (*done) (gpointer data), gpointer data);

/* ---- combine.c: one print-ready PDF ---- */

/* Writes one PDF of the finished jobs' outputs in plan order, each document starting on
 * a right-hand (odd) page: a blank page of the same size follows every document with an
 * odd page count. Uses qpdf. FALSE after reporting. Sets *pages to the total. */
gboolean gw_combine_write (gw_ctx *ctx, const char *path, const gw_plan *plan, int *pages);

#endif
