/* files.h — the files gongwen reads and writes outside XML parsing: bounded reads of input
 * files, and the names outputs are written under before they are renamed into place. */
#ifndef GW_FILES_H
#define GW_FILES_H

#include "base/ctx.h"
#include <sys/types.h>

/* Reads a whole input file into *data (caller frees) and *len. Refuses, after reporting as
 * "PATH: …": anything but a regular file (a device or pipe could be read forever), a file
 * larger than ctx->limits.max_input_bytes, and read errors. */
gboolean gw_file_read_input (gw_ctx *ctx, const char *path, char **data, gsize *len)
  G_GNUC_WARN_UNUSED_RESULT;

/* Temporary names beside an output, hidden and owned by this process:
 * "<dir>/.<name>.<pid>.tmp" (gw_temp_path_new), or as a g_mkstemp_full template
 * "<dir>/.<name>.<pid>.XXXXXX.tmp" (gw_temp_template_new, for files a process may have
 * several of at once). Caller frees. */
char *gw_temp_path_new (const char *path) G_GNUC_WARN_UNUSED_RESULT;
char *gw_temp_template_new (const char *path) G_GNUC_WARN_UNUSED_RESULT;
/* The process that made the temporary file named `name` (a base name) by one of the two
 * above, or 0 when the name is not such a name. */
pid_t gw_temp_owner (const char *name);

#endif
