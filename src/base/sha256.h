/* sha256.h — SHA-256 digests as lower-case hex, for the manifest and the incremental batch
 * (the PDFs' and records' sums, the stamps). The one SHA-256 of gongwen: libgcrypt computes
 * them (with the CPU's SHA instructions where it has them: ~5× GLib's GChecksum, which
 * mattered at one PDF and one record hashed per document of a batch). */
#ifndef GW_SHA256_H
#define GW_SHA256_H

#include <glib.h>

/* The SHA-256 of `len` bytes at `data` as 64 hex digits. Caller frees. */
char *gw_sha256_hex_new (const void *data, gsize len) G_GNUC_WARN_UNUSED_RESULT;
/* The SHA-256 of a file's contents as 64 hex digits, or NULL when it cannot be read.
 * Caller frees. */
char *gw_sha256_file_new (const char *path) G_GNUC_WARN_UNUSED_RESULT;

/* A digest being computed piece by piece. */
typedef struct gw_sha256 gw_sha256;
/* Starts a digest; caller owns (gw_sha256_finish_free). */
gw_sha256 *gw_sha256_new (void) G_GNUC_WARN_UNUSED_RESULT;
/* Adds `len` bytes at `data` (len < 0: up to the terminating NUL). */
void gw_sha256_update (gw_sha256 *sum, const void *data, gssize len);
/* Finishes and frees the digest; returns it as 64 hex digits (caller frees). */
char *gw_sha256_finish_free (gw_sha256 *sum) G_GNUC_WARN_UNUSED_RESULT;

#endif
