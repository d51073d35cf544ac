/* diag.h — the one error funnel of a gongwen job.
 *
 * Every error and warning of a job passes through gw_diag_report(): one breakpoint catches
 * all.  Errors are sticky: the first error is kept (gw_diag_failed() stays true) and the
 * caller checks the status once at the end of a stage.  Messages are printed as
 * "FILE:LINE: message" (or "FILE: message" when the line is unknown).  Warnings are capped
 * and gw_diag_warn_once() prints a given key only once per job. */
#ifndef GW_DIAG_H
#define GW_DIAG_H

#include <glib.h>
#include <stdio.h>

typedef enum {
  GW_LEVEL_NOTE,
  GW_LEVEL_WARNING,
  GW_LEVEL_ERROR
} gw_level;

typedef struct gw_diag gw_diag;

/* Creates a funnel printing to `out` (borrowed; NULL = stderr). Caller owns the result. */
gw_diag *gw_diag_new (FILE *out);
/* Frees the funnel (never fails). */
void gw_diag_free (gw_diag *diag);

/* Reports one message; the single funnel every other report function calls. */
void gw_diag_report (gw_diag *diag, gw_level level, const char *file, long line,
                     const char *fmt, ...) G_GNUC_PRINTF (5, 6);
/* Reports an error at FILE:LINE. */
void gw_diag_error (gw_diag *diag, const char *file, long line, const char *fmt, ...)
  G_GNUC_PRINTF (4, 5);
/* Reports a warning at FILE:LINE. */
void gw_diag_warn (gw_diag *diag, const char *file, long line, const char *fmt, ...)
  G_GNUC_PRINTF (4, 5);
/* Reports a warning only the first time `key` is seen in this funnel. */
void gw_diag_warn_once (gw_diag *diag, const char *key, const char *file, long line,
                        const char *fmt, ...) G_GNUC_PRINTF (5, 6);

/* TRUE once any error was reported (sticky). */
gboolean gw_diag_failed (const gw_diag *diag);
/* Number of errors / warnings reported so far. */
unsigned gw_diag_error_count (const gw_diag *diag);
unsigned gw_diag_warning_count (const gw_diag *diag);
/* Clears the sticky error state and counts (used between documents of one batch worker). */
void gw_diag_reset (gw_diag *diag);
/* Also keeps a copy of every message in memory; borrow it with gw_diag_messages(). */
void gw_diag_set_keep (gw_diag *diag, gboolean keep);
/* The kept messages, one per line (borrowed; "" when none). */
const char *gw_diag_messages (const gw_diag *diag);
/* Silences printing (messages are still counted and kept). */
void gw_diag_set_quiet (gw_diag *diag, gboolean quiet);

/* Installs libxml2/libxslt structured error handlers that send into `diag`
 * for the current thread. Pass NULL to restore the defaults. */
void gw_diag_hook_xml (gw_diag *diag);

#endif
