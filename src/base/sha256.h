/* sha256.h — SHA-256 digests as lower-case hex, for the manifest and the incremental batch.
 * libgcrypt computes them (with the CPU's SHA instructions where it has them: ~5× GLib's
 * GChecksum, which mattered at one PDF and one record hashed per document of a batch). */
#ifndef GW_SHA256_H
#define GW_SHA256_H

#include <glib.h>

/* The SHA-256 of `len` bytes at `data` as 64 hex digits. Caller frees. */
char *gw_sha256_hex_new (const void *data, gsize len) G_GNUC_WARN_UNUSED_RESULT;

#endif
