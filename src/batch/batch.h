/* batch.h — 'gongwen batch': every record under folders → its documents, on worker
 * processes, incrementally, with a manifest of what was made.
 *
 *   plan (job.h: files → records → documents; collisions stop everything)
 *   → stamp every document (stamp.c: record + stylesheets + fonts configuration + options)
 *   → skip those whose output still matches the stamp of a manifest in the output folder
 *   → make the others on N forked workers (pool.c; a crashed worker loses one document)
 *   → write the manifest (manifest.c), optionally one duplex-ready PDF (combine.c)
 *   → summary. */
#ifndef GW_BATCH_H
#define GW_BATCH_H

#include "base/ctx.h"

typedef struct gw_batch_opts {
  /* borrowed */
  char **inputs;              /* files and folders, NULL-terminated */
  const char *out_dir;        /* created when missing */
  const char *xsl_override;   /* or NULL: the registry xsl/documents.xml */
  const char *const *params;  /* NULL-terminated name, value list, or NULL */
  const char *combine;        /* also write this duplex-ready PDF of the batch, or NULL */
  gboolean combine_partial;   /* write it even when documents failed (they are missing) */
  /* values */
  guint jobs;                 /* worker processes (≥ 1) */
  guint timeout;              /* seconds one document may take before its worker is
                                 killed (0 = no limit) */
  guint shard_k, shard_n;     /* 1-based K of N; shard_n == 0: the whole batch */
  gboolean force;             /* rebuild even when up to date */
  gboolean quiet;             /* errors and failures only */
  gboolean png;               /* also PNG pages */
} gw_batch_opts;

/* Runs a batch. Returns the exit status: 0 every document made or up to date, 1 some
 * failed (or the batch could not start). On SIGINT/SIGTERM the workers are stopped, their
 * temporary files removed, the manifest of what was finished written, and the process
 * then dies of that signal. */
int gw_batch_run (gw_ctx *ctx, const gw_batch_opts *opts);

#endif
