/* ctx.h — the per-job context: settings, limits, the error funnel. No globals for settings:
 * everything a stage needs to know about the job comes through a gw_ctx. */
#ifndef GW_CTX_H
#define GW_CTX_H

#include "base/diag.h"

typedef struct gw_limits {
  unsigned max_pages;        /* pages per document */
  unsigned max_depth;        /* element nesting of records and FO */
  unsigned max_table_cells;  /* cells per table */
  gsize max_image_bytes;     /* bytes of one image file */
  guint64 max_image_pixels;  /* width * height of one image */
  unsigned max_xslt_depth;   /* template recursion depth */
  gsize max_input_bytes;     /* bytes of one XML input (record, stylesheet, FO) */
  unsigned max_memory_mb;    /* address space of one process (gw_ctx_limit_memory); 0 = none */
} gw_limits;

typedef struct gw_ctx {
  /* owned */
  gw_diag *diag;
  char *data_dir;        /* holds xsl/, xml/schema/, fonts/ */
  GPtrArray *allowed_roots; /* directories XML may load external resources from (char *) */
  char *cwd;             /* the working directory when the context was made (gongwen never
                            changes it): relative paths are made absolute against it without
                            asking the kernel each time (g_canonicalize_filename (p, ctx->cwd)) */
  /* values */
  gw_limits limits;
  gboolean allow_missing_glyphs;
  double dpi;            /* PNG resolution */
  gint64 source_date;    /* SOURCE_DATE_EPOCH or -1 */
} gw_ctx;

/* Creates a context with default settings; takes ownership of `diag` (NULL = new on stderr). */
gw_ctx *gw_ctx_new (gw_diag *diag);
/* Frees the context and everything it owns. */
void gw_ctx_free (gw_ctx *ctx);
/* Sets the data directory (copied) and adds it to the allowed roots. */
void gw_ctx_set_data_dir (gw_ctx *ctx, const char *dir);
/* Adds a directory (made absolute) from which XML may load external resources. */
void gw_ctx_allow_root (gw_ctx *ctx, const char *dir);
/* Caps this process's address space at limits.max_memory_mb (RLIMIT_AS; never raises an
 * existing cap; not in sanitizer builds, which reserve terabytes of shadow memory), so that a
 * runaway stylesheet (a string doubled 40 times) fails with "out of memory" instead of taking
 * the machine's memory. Worker processes inherit the cap. */
void gw_ctx_limit_memory (gw_ctx *ctx);
/* TRUE when `path` (made absolute and normalised) lies under an allowed root. */
gboolean gw_ctx_path_allowed (const gw_ctx *ctx, const char *path);
/* Finds the data directory: $GONGWEN_DATADIR, the source tree beside the binary, or the
 * installed share directory. Returns a newly allocated string (caller frees). */
char *gw_ctx_find_data_dir (const char *argv0);

#endif
