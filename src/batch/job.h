/* job.h — the job list shared by 'render' and 'batch': which documents the given records
 * yield (one gw_job per document), planned before anything is written so that two records
 * producing the same output file are an error up front; and running one job (transform →
 * engine → SHA-256 of the PDF).
 *
 * Planning, for a list of inputs:
 *   1. folders are walked recursively for *.xml (hidden entries and symlinked folders are
 *      skipped); files are taken as given; duplicates (same canonical path) dropped; the
 *      list is sorted by path (byte order), so every run sees the same order;
 *   2. with a shard K/N only the files whose index i in that list has i % N == K-1 are
 *      loaded and validated; the others are only parsed (no messages) to learn their output
 *      names, so collisions are found across the whole batch in every shard;
 *   3. each loaded record yields its documents (xsl/documents.xml, or one document made by
 *      an overriding stylesheet); a record that fails to load is one failed job; the
 *      record's stamp part (its file and its regimes) is hashed, then the parsed record is
 *      dropped: the plan keeps names and paths only, so a batch of any size holds one
 *      parsed record at a time (gw_job_run parses it again, see gw_job_slot);
 *      stylesheets may read (document()) in the folder of every loaded record and the one
 *      above it (where the case stylesheets look for the regime records);
 *   4. output names are compared case-insensitively (after Unicode normalisation): a name
 *      produced twice is reported at both records and planning fails. */
#ifndef GW_BATCH_JOB_H
#define GW_BATCH_JOB_H

#include "base/ctx.h"
#include "engine/engine.h"
#include "records/record.h"
#include "transform/transform.h"

typedef enum {
  GW_JOB_PENDING,    /* to be made */
  GW_JOB_WRITTEN,    /* made in this run */
  GW_JOB_UP_TO_DATE, /* skipped: the output matches the manifest's stamp */
  GW_JOB_FAILED      /* the record is invalid, or making the document failed */
} gw_job_status;

typedef struct gw_job {
  /* borrowed */
  const gw_record *rec; /* owned by the plan (path, kind, id; its doc is NULL once
                           planned); NULL for a record that failed to load */
  /* owned */
  char *record_path;    /* as found (used in messages and the manifest) */
  char *xsl_path;       /* stylesheet (absolute), NULL for a failed record */
  char *output_name;    /* file name without extension, NULL for a failed record */
  char *pdf_path;       /* <out_dir>/<output_name>.pdf */
  char *areas_path;     /* area-tree dump to write too (render --areas), or NULL */
  char *record_sum;     /* hex SHA-256 of the record file and its regimes (planning) */
  char *regime_href;    /* file URI of the regime the record names first, found the way
                           validation finds it (planning), or NULL: passed as the stylesheet
                           parameter regime-href, so the stylesheet reads exactly that file */
  char *stamp;          /* hex SHA-256 of everything the output depends on (batch only) */
  char *sha256;         /* hex SHA-256 of the written PDF */
  char *error;          /* first error message, for the summary */
  /* values */
  gw_job_status status;
  gboolean last_of_record; /* the record's last document: the worker's parsed record is
                              transformed in place (no copy for xsl:strip-space), then dropped */
  int pages;
  struct {              /* the record file as validated, to notice a change before use */
    guint64 dev, ino, size;
    gint64 mtime_ns;
  } file;
} gw_job;

typedef struct gw_plan_opts {
  const char *out_dir;      /* where outputs go */
  const char *xsl_override; /* one document per record made by this stylesheet, or NULL */
  guint shard_k, shard_n;   /* 1-based K of N; shard_n == 0: no sharding */
  gboolean strict;          /* explicit files only: a non-record file is an error (render) */
  gw_record_cache *records; /* borrowed: schemas, regimes and registry (the caller's) */
} gw_plan_opts;

typedef struct gw_plan {
  /* owned */
  GPtrArray *records;    /* gw_record * loaded in this shard, in order */
  GPtrArray *jobs;       /* gw_job *, in order (records sorted, documents in registry order) */
  /* values */
  guint files;           /* candidate files in the whole batch */
  guint files_in_shard;  /* of which in this shard */
  guint not_records;     /* files in this shard skipped as not records */
  guint bad_records;     /* records in this shard that failed to load */
} gw_plan;

/* Plans the documents of `inputs` (files and folders). Returns the plan (caller owns,
 * gw_plan_free), or NULL after reporting a problem that stops everything (an input that
 * does not exist, an output name collision, a broken registry). Records that fail to load
 * are reported and become failed jobs. */
gw_plan *gw_plan_new (gw_ctx *ctx, char **inputs, const gw_plan_opts *opts)
  G_GNUC_WARN_UNUSED_RESULT;
/* Frees a plan, its records and jobs. */
void gw_plan_free (gw_plan *plan);

/* The record a process has parsed for its jobs. The plan keeps no parsed records; a
 * record's documents are usually consecutive jobs, so the process keeps the last one
 * parsed (one record at a time, whatever the size of the batch). Zero-initialise it;
 * gw_job_slot_clear frees it. */
typedef struct gw_job_slot {
  /* borrowed */
  const gw_record *rec; /* the plan's record the document belongs to */
  /* owned */
  xmlDocPtr doc;        /* its file parsed again (it was validated while planning) */
} gw_job_slot;

/* Frees the parsed record of `slot` and empties it. */
void gw_job_slot_clear (gw_job_slot *slot);

/* Makes one document: parse the record into `slot` unless it holds it already (a record
 * file changed since it was validated fails the job), transform with the (cached)
 * stylesheet, format, write the PDF (and PNG pages when `png`) with its SHA-256. Sets
 * job->status, pages, sha256 and error. Returns TRUE on success. Messages go through
 * ctx->diag; `engine` (made for `ctx`) formats. */
gboolean gw_job_run (gw_ctx *ctx, gw_engine *engine, gw_stylesheet_cache *cache,
                     gw_job_slot *slot, gw_job *job, const char *const *params, gboolean png);

/* Creates the output folder `dir` (and its parents) when missing and checks that a file
 * can be created in it. FALSE after reporting why not. */
gboolean gw_out_dir_prepare (gw_ctx *ctx, const char *dir);

/* Makes SIGTERM (and SIGINT when `sigint`) remove the temporary PDF of the job being made
 * by gw_job_run in this process before the process dies of the signal, so that an
 * interrupted run leaves only complete files. */
void gw_job_guard_signals (gboolean sigint);

/* The PNG base name of a job ("<out>/<name>.png"; the engine writes <name>-1.png …).
 * Caller frees. */
char *gw_job_png_base_new (const gw_job *job);

#endif
