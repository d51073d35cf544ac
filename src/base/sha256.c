/* sha256.c — SHA-256 digests through libgcrypt (see sha256.h). */
#include "base/sha256.h"

#include <gcrypt.h>

/* Initialises libgcrypt once per process (libexslt's crypto functions may have done so
 * already; both calls are idempotent). */
static void
sha256_init (void)
{
  static gsize done;
  if (g_once_init_enter (&done))
    {
      gcry_check_version (NULL);
      gcry_control (GCRYCTL_INITIALIZATION_FINISHED, 0);
      g_once_init_leave (&done, 1);
    }
}

/* The SHA-256 of a buffer as hex. */
char *
gw_sha256_hex_new (const void *data, gsize len)
{
  static const char hex[] = "0123456789abcdef";
  sha256_init ();
  unsigned char digest[32];
  gcry_md_hash_buffer (GCRY_MD_SHA256, digest, data, len);
  char *out = g_malloc (65);
  for (int i = 0; i < 32; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 15];
    }
  out[64] = '\0';
  return out;
}
