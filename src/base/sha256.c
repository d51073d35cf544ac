/* sha256.c — SHA-256 digests through libgcrypt (see sha256.h). */
#include "base/sha256.h"

#include <gcrypt.h>
#include <string.h>

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

/* 32 digest bytes as 64 hex digits (caller frees). */
static char *
sha256_hex_new (const unsigned char *digest)
{
  static const char hex[] = "0123456789abcdef";
  char *out = g_malloc (65);
  for (int i = 0; i < 32; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 15];
    }
  out[64] = '\0';
  return out;
}

/* The SHA-256 of a buffer as hex. */
char *
gw_sha256_hex_new (const void *data, gsize len)
{
  sha256_init ();
  unsigned char digest[32];
  gcry_md_hash_buffer (GCRY_MD_SHA256, digest, data, len);
  return sha256_hex_new (digest);
}

/* The SHA-256 of a file as hex. */
char *
gw_sha256_file_new (const char *path)
{
  char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  char *sum = gw_sha256_hex_new (data, len);
  g_free (data);
  return sum;
}

struct gw_sha256 {
  gcry_md_hd_t md; /* owned */
};

/* Starts a digest. */
gw_sha256 *
gw_sha256_new (void)
{
  sha256_init ();
  gw_sha256 *s = g_new0 (gw_sha256, 1);
  if (gcry_md_open (&s->md, GCRY_MD_SHA256, 0) != 0)
    g_error ("libgcrypt: SHA-256 unavailable"); /* never: SHA-256 is always built in */
  return s;
}

/* Adds bytes to a digest. */
void
gw_sha256_update (gw_sha256 *sum, const void *data, gssize len)
{
  gcry_md_write (sum->md, data, len < 0 ? strlen (data) : (size_t) len);
}

/* Finishes and frees a digest. */
char *
gw_sha256_finish_free (gw_sha256 *sum)
{
  char *hex = sha256_hex_new (gcry_md_read (sum->md, GCRY_MD_SHA256));
  gcry_md_close (sum->md);
  g_free (sum);
  return hex;
}
