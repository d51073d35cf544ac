/* engine.c — FO document → fo tree → layout → area tree → outputs, written atomically. */
#include "engine/engine.h"
#include "fo/fotree.h"
#include "layout/layout.h"
#include "render/render.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* A temporary name beside `path` (same directory, so rename is atomic). Caller frees. */
static char *
engine_temp_name (const char *path)
{
  char *dir = g_path_get_dirname (path);
  char *base = g_path_get_basename (path);
  char *tmp = g_strdup_printf ("%s/.%s.%d.tmp", dir, base, (int) getpid ());
  g_free (dir);
  g_free (base);
  return tmp;
}

/* Renames a finished temp file over its target, or removes it. */
static gboolean
engine_commit (gw_ctx *ctx, const char *tmp, const char *path, gboolean ok)
{
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      gw_diag_error (ctx->diag, path, 0, "cannot write: %s", g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

/* Checks that the output directory is writable before any work. */
static gboolean
engine_check_dir (gw_ctx *ctx, const char *path)
{
  char *dir = g_path_get_dirname (path);
  gboolean ok = g_file_test (dir, G_FILE_TEST_IS_DIR) && access (dir, W_OK) == 0;
  if (!ok)
    gw_diag_error (ctx->diag, path, 0, "cannot write into '%s': %s", dir,
                   g_file_test (dir, G_FILE_TEST_IS_DIR) ? "permission denied" : "no such directory");
  g_free (dir);
  return ok;
}

/* The name of PNG page i: "x.png" → "x-1.png". Caller frees. */
static char *
engine_png_name (const char *base, guint i)
{
  const char *dot = g_str_has_suffix (base, ".png") ? base + strlen (base) - 4 : base + strlen (base);
  return g_strdup_printf ("%.*s-%u.png", (int) (dot - base), base, i + 1);
}

/* Lays out and writes the outputs. */
int
gw_engine_render (gw_ctx *ctx, xmlDocPtr fo, const char *source, const gw_output *out)
{
  if ((out->pdf_path && !engine_check_dir (ctx, out->pdf_path))
      || (out->png_path && !engine_check_dir (ctx, out->png_path))
      || (out->areas_path && !engine_check_dir (ctx, out->areas_path)))
    return -1;
  gw_fotree *tree = gw_fotree_new (ctx, fo, source);
  if (!tree)
    return -1;
  gw_areas *areas = gw_diag_failed (ctx->diag) ? NULL : gw_layout_run (ctx, tree);
  if (!areas)
    {
      gw_fotree_free (tree);
      return -1;
    }
  if (out->title)
    {
      g_free (areas->title);
      areas->title = g_strdup (out->title);
    }
  if (out->author)
    {
      g_free (areas->author);
      areas->author = g_strdup (out->author);
    }
  gboolean ok = TRUE;
  if (ok && out->areas_path)
    {
      char *tmp = engine_temp_name (out->areas_path);
      ok = engine_commit (ctx, tmp, out->areas_path, gw_areas_dump_xml (areas, tmp, ctx->diag));
      g_free (tmp);
    }
  if (ok && out->pdf_path)
    {
      char *tmp = engine_temp_name (out->pdf_path);
      ok = engine_commit (ctx, tmp, out->pdf_path, gw_render_pdf (ctx, areas, tmp));
      g_free (tmp);
    }
  if (ok && out->png_path)
    for (guint i = 0; ok && i < areas->pages->len; i++)
      {
        char *name = engine_png_name (out->png_path, i);
        char *tmp = engine_temp_name (name);
        ok = engine_commit (ctx, tmp, name, gw_render_png_page (ctx, areas, i, tmp));
        g_free (tmp);
        g_free (name);
      }
  int pages = (int) areas->pages->len;
  gw_areas_free (areas);
  gw_fotree_free (tree);
  return ok ? pages : -1;
}
