/* engine.c — FO document → fo tree → layout → area tree → outputs, written atomically. */
#include "base/i18n.h"
#include "engine/engine.h"
#include "base/files.h"
#include "fo/fotree.h"
#include "layout/layout.h"
#include "render/render.h"
#include "render/ofd.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

struct gw_engine {
  gw_ctx *ctx;     /* referenced */
  gw_fonts *fonts; /* owned */
};

/* Creates an engine and its fonts. */
gw_engine *
gw_engine_new (gw_ctx *ctx)
{
  gw_engine *e = g_new0 (gw_engine, 1);
  e->ctx = ctx;
  e->fonts = gw_fonts_new (ctx);
  return e;
}

/* Frees an engine. */
void
gw_engine_free (gw_engine *engine)
{
  if (!engine)
    return;
  gw_fonts_free (engine->fonts);
  g_free (engine);
}

/* One output being written: a temporary name beside the target (same directory, so the
 * rename is atomic), or the target itself when that is a character device (/dev/null,
 * /dev/full, a terminal), which must never be replaced by a regular file. */
typedef struct engine_file {
  char *tmp;       /* owned: where the writer writes */
  char *path;      /* owned: the target */
  gboolean direct; /* tmp == path: no rename, never unlinked */
} engine_file;

/* Frees one planned output (never fails; does not touch the disk). */
static void
engine_file_free (gpointer p)
{
  engine_file *f = p;
  g_free (f->tmp);
  g_free (f->path);
  g_free (f);
}

/* TRUE when `b` names the existing file whose status is `sa`. */
static gboolean
engine_same_file (const GStatBuf *sa, const char *b)
{
  GStatBuf sb;
  return b && g_stat (b, &sb) == 0 && sa->st_dev == sb.st_dev && sa->st_ino == sb.st_ino;
}

/* Checks that `path` may be written: not a directory, a pipe or an input, not named twice
 * (`files`, may be NULL). FALSE after reporting. `input`: the FO file, `source`: the file the
 * document came from (a record); either may be NULL or no file. `device` (may be NULL) is
 * set when `path` is a character device (written in place). */
static gboolean
engine_file_check (gw_ctx *ctx, GPtrArray *files, const char *path, const char *input,
                   const char *source, gboolean *device)
{
  GStatBuf sb;
  gboolean exists = g_stat (path, &sb) == 0;
  if (device)
    *device = exists && S_ISCHR (sb.st_mode);
  if (exists && S_ISDIR (sb.st_mode))
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot write: is a directory"));
      return FALSE;
    }
  if (exists && !S_ISREG (sb.st_mode) && !S_ISCHR (sb.st_mode))
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot write: not a regular file (a pipe or socket)"));
      return FALSE;
    }
  if (exists && (engine_same_file (&sb, input) || engine_same_file (&sb, source)))
    {
      gw_diag_error (ctx->diag, path, 0, _("cannot write: it is the input file"));
      return FALSE;
    }
  for (guint i = 0; files && i < files->len; i++)
    if (!strcmp (((engine_file *) g_ptr_array_index (files, i))->path, path))
      {
        gw_diag_error (ctx->diag, path, 0, _("cannot write: named for two outputs"));
        return FALSE;
      }
  return TRUE;
}

/* Plans writing `path` (checked as by engine_file_check) and appends it to `files`: creates
 * its temporary file exclusively, under an unpredictable name (no symlink planted in a
 * shared folder can redirect it; two workers never share one). NULL after reporting. */
static engine_file *
engine_file_add (gw_ctx *ctx, GPtrArray *files, const char *path, const char *input,
                 const char *source, const gw_output *out)
{
  gboolean device = FALSE;
  if (!engine_file_check (ctx, files, path, input, source, &device))
    return NULL;
  engine_file *f = g_new0 (engine_file, 1);
  f->path = g_strdup (path);
  f->direct = device;
  if (f->direct)
    f->tmp = g_strdup (path);
  else
    {
      /* a batch recognises the leftovers of a killed worker by the pid in the name; the
       * file gets the mode any new file gets here (0666 less the umask: a filed PDF is
       * readable by the office, not only its writer, as mkstemp's 0600 would make it) */
      f->tmp = gw_temp_template_new (path);
      int fd = g_mkstemp_full (f->tmp, O_RDWR | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          gw_diag_error (ctx->diag, path, 0, _("cannot write: %s"), g_strerror (errno));
          engine_file_free (f);
          return NULL;
        }
      close (fd);
      if (out->temp_hook)
        out->temp_hook (f->tmp);
    }
  g_ptr_array_add (files, f);
  return f;
}

/* Renames every finished temporary file over its target when `ok`, else removes them all,
 * so that a failed document leaves nothing behind. Returns `ok` after the renames. */
static gboolean
engine_commit (gw_ctx *ctx, GPtrArray *files, gboolean ok)
{
  for (guint i = 0; ok && i < files->len; i++)
    {
      engine_file *f = g_ptr_array_index (files, i);
      if (!f->direct && g_rename (f->tmp, f->path) != 0)
        {
          gw_diag_error (ctx->diag, f->path, 0, _("cannot write: %s"), g_strerror (errno));
          ok = FALSE;
        }
    }
  if (!ok)
    for (guint i = 0; i < files->len; i++)
      {
        engine_file *f = g_ptr_array_index (files, i);
        if (!f->direct)
          g_unlink (f->tmp);
      }
  return ok;
}

/* Checks that the output directory is writable before any work. */
static gboolean
engine_check_dir (gw_ctx *ctx, const char *path)
{
  char *dir = g_path_get_dirname (path);
  gboolean ok = g_file_test (dir, G_FILE_TEST_IS_DIR) && access (dir, W_OK) == 0;
  if (!ok)
    gw_diag_error (ctx->diag, path, 0, _("cannot write into '%s': %s"), dir,
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
gw_engine_render (gw_engine *engine, xmlDocPtr fo, const char *source, const gw_output *out)
{
  gw_ctx *ctx = engine->ctx;
  if ((out->pdf_path && !engine_check_dir (ctx, out->pdf_path))
      || (out->png_path && !engine_check_dir (ctx, out->png_path))
      || (out->ofd_path && !engine_check_dir (ctx, out->ofd_path))
      || (out->areas_path && !engine_check_dir (ctx, out->areas_path)))
    return -1;
  /* the checks of engine_file_add, before any work (the PNG pages are checked as written) */
  const char *input = fo->URL ? (const char *) fo->URL : NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (engine_file_free);
  gboolean can
    = (!out->areas_path || engine_file_check (ctx, NULL, out->areas_path, input, source, NULL))
      && (!out->pdf_path || engine_file_check (ctx, NULL, out->pdf_path, input, source, NULL))
      && (!out->ofd_path || engine_file_check (ctx, NULL, out->ofd_path, input, source, NULL));
  const char *named[] = { out->areas_path, out->pdf_path, out->ofd_path };
  for (int i = 0; can && i < 3; i++)
    for (int j = i + 1; can && j < 3; j++)
      if (named[i] && named[j] && !strcmp (named[i], named[j]))
        {
          gw_diag_error (ctx->diag, named[j], 0, _("cannot write: named for two outputs"));
          can = FALSE;
        }
  if (!can)
    {
      g_ptr_array_unref (files);
      return -1;
    }
  gw_fotree *tree = gw_fotree_new (ctx, fo, out->made_by ? out->made_by : source);
  if (!tree)
    {
      g_ptr_array_unref (files);
      return -1;
    }
  gw_areas *areas = gw_diag_failed (ctx->diag) ? NULL : gw_layout_run (ctx, engine->fonts, tree);
  if (!areas)
    {
      g_ptr_array_unref (files);
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
  engine_file *f;
  if (ok && out->areas_path)
    ok = (f = engine_file_add (ctx, files, out->areas_path, input, source, out))
         && gw_areas_dump_xml (areas, f->tmp, ctx->diag);
  if (ok && out->pdf_path)
    ok = (f = engine_file_add (ctx, files, out->pdf_path, input, source, out))
         && gw_render_pdf (ctx, areas, f->tmp, out->pdf_sha256);
  if (ok && out->ofd_path)
    ok = (f = engine_file_add (ctx, files, out->ofd_path, input, source, out))
         && gw_render_ofd (ctx, areas, f->tmp, out->ofd_sha256);
  if (ok && out->png_path)
    for (guint i = 0; ok && i < areas->pages->len; i++)
      {
        if (out->png_page && i + 1 != out->png_page)
          continue; /* a preview asks for one page */
        char *name = engine_png_name (out->png_path, i);
        ok = (f = engine_file_add (ctx, files, name, input, source, out))
             && gw_render_png_page (ctx, areas, i, f->tmp);
        g_free (name);
      }
  ok = engine_commit (ctx, files, ok);
  g_ptr_array_unref (files);
  int pages = (int) areas->pages->len;
  gw_areas_free (areas);
  gw_fotree_free (tree);
  return ok ? pages : -1;
}
