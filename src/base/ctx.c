/* ctx.c — the per-job context. */
#include "base/i18n.h"
#include "base/ctx.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#ifndef GW_DATADIR
#define GW_DATADIR "/usr/local/share/gongwen"
#endif


/* Creates a context with defaults. */
gw_ctx *
gw_ctx_new (gw_diag *diag)
{
  gw_ctx *ctx = g_new0 (gw_ctx, 1);
  ctx->diag = diag ? diag : gw_diag_new (NULL);
  ctx->allowed_roots = g_ptr_array_new_with_free_func (g_free);
  ctx->cwd = g_get_current_dir ();
  ctx->limits.max_pages = 5000;
  ctx->limits.max_depth = 200;
  ctx->limits.max_table_cells = 2000000;
  ctx->limits.max_image_bytes = 50u * 1024 * 1024;
  ctx->limits.max_image_pixels = 100000000ull;
  ctx->limits.max_xslt_depth = 3000;
  ctx->limits.max_input_bytes = 128u * 1024 * 1024;
  ctx->limits.max_memory_mb = 4096;
  const char *mem = g_getenv ("GONGWEN_MAX_MEMORY");
  if (mem && *mem)
    {
      char *end = NULL;
      guint64 v = g_ascii_strtoull (mem, &end, 10);
      if (end && !*end && v <= G_MAXUINT)
        ctx->limits.max_memory_mb = (unsigned) v;
      else
        gw_diag_warn (ctx->diag, NULL, 0, _("GONGWEN_MAX_MEMORY='%s' is not a number of MB "
                      "(0 = no limit); %u MB used"), mem, ctx->limits.max_memory_mb);
    }
  ctx->dpi = 96;
  ctx->source_date = -1;
  const char *sde = g_getenv ("SOURCE_DATE_EPOCH");
  if (sde && *sde)
    {
      char *end = NULL;
      gint64 v = g_ascii_strtoll (sde, &end, 10);
      if (end && !*end && v >= 0)
        ctx->source_date = v;
    }
  return ctx;
}

/* Frees the context. */
void
gw_ctx_free (gw_ctx *ctx)
{
  if (!ctx)
    return;
  g_ptr_array_free (ctx->allowed_roots, TRUE);
  g_free (ctx->data_dir);
  g_free (ctx->cwd);
  gw_diag_free (ctx->diag);
  g_free (ctx);
}

/* Makes `path` absolute and canonical (no . or .. components); caller frees. */
static char *
ctx_canonical (const char *path)
{
  char *real = realpath (path, NULL);
  if (real)
    {
      char *r = g_strdup (real);
      free (real);
      return r;
    }
  return g_canonicalize_filename (path, NULL);
}

/* Sets the data directory. */
void
gw_ctx_set_data_dir (gw_ctx *ctx, const char *dir)
{
  g_free (ctx->data_dir);
  ctx->data_dir = ctx_canonical (dir);
  gw_ctx_allow_root (ctx, ctx->data_dir);
}

/* Adds an allowed root. */
void
gw_ctx_allow_root (gw_ctx *ctx, const char *dir)
{
  g_ptr_array_add (ctx->allowed_roots, ctx_canonical (dir));
}

/* TRUE when path lies under an allowed root. */
gboolean
gw_ctx_path_allowed (const gw_ctx *ctx, const char *path)
{
  char *abs = ctx_canonical (path);
  gboolean ok = FALSE;
  for (guint i = 0; i < ctx->allowed_roots->len && !ok; i++)
    {
      const char *root = g_ptr_array_index (ctx->allowed_roots, i);
      size_t n = strlen (root);
      ok = strncmp (abs, root, n) == 0 && (abs[n] == '/' || abs[n] == '\0' || (n == 1 && root[0] == '/'));
    }
  g_free (abs);
  return ok;
}

/* Finds the data directory. */
char *
gw_ctx_find_data_dir (const char *argv0)
{
  const char *env = g_getenv ("GONGWEN_DATADIR");
  if (env && *env)
    return g_strdup (env);
  /* build/gongwen or build/asan/gongwen inside the source tree */
  char *exe = realpath ("/proc/self/exe", NULL);
  const char *base = exe ? exe : argv0;
  if (base)
    {
      char *dir = g_path_get_dirname (base);
      for (int up = 0; up < 3; up++)
        {
          char *probe = g_build_filename (dir, "xsl", NULL);
          char *probe2 = g_build_filename (dir, "fonts", "fonts.conf", NULL);
          gboolean found = g_file_test (probe, G_FILE_TEST_IS_DIR)
                           && g_file_test (probe2, G_FILE_TEST_EXISTS);
          g_free (probe);
          g_free (probe2);
          if (found)
            {
              free (exe);
              return dir;
            }
          char *parent = g_path_get_dirname (dir);
          g_free (dir);
          dir = parent;
        }
      g_free (dir);
      /* an installed binary: PREFIX/bin/gongwen beside PREFIX/share/gongwen */
      char *bin = g_path_get_dirname (base);
      char *share = g_build_filename (bin, "..", "share", "gongwen", NULL);
      char *probe = g_build_filename (share, "xsl", "documents.xml", NULL);
      char *found = g_file_test (probe, G_FILE_TEST_EXISTS) ? g_canonicalize_filename (share, NULL) : NULL;
      g_free (probe);
      g_free (share);
      g_free (bin);
      if (found)
        {
          free (exe);
          return found;
        }
    }
  free (exe);
  return g_strdup (GW_DATADIR);
}

/* Sanitizer builds reserve terabytes of address space for their shadow memory. */
#if defined(__SANITIZE_ADDRESS__)
#define GW_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define GW_SANITIZED 1
#endif
#endif

/* Caps the address space (see ctx.h). */
void
gw_ctx_limit_memory (gw_ctx *ctx)
{
#ifdef GW_SANITIZED
  (void) ctx;
#else
  if (!ctx->limits.max_memory_mb)
    return;
  struct rlimit rl;
  if (getrlimit (RLIMIT_AS, &rl) != 0)
    return;
  rlim_t want = (rlim_t) ctx->limits.max_memory_mb * 1024 * 1024;
  if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur <= want)
    return; /* already as tight */
  if (rl.rlim_max != RLIM_INFINITY && want > rl.rlim_max)
    want = rl.rlim_max;
  rl.rlim_cur = want;
  (void) setrlimit (RLIMIT_AS, &rl); /* best effort: a failure leaves the system's limit */
#endif
}
