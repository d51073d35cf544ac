/* fuzz-common.h — shared set-up of the libFuzzer targets in tests/fuzz/: one job context per
 * process (data directory = the source tree, pinned fonts, quiet diagnostics, small limits so
 * an input runs in milliseconds), and the formatting tail every target ends in: FO document →
 * FO tree → layout → area dump, PDF and PNG written into a private temporary directory. */
#ifndef GW_FUZZ_COMMON_H
#define GW_FUZZ_COMMON_H

#include "area/area.h"
#include "base/ctx.h"
#include "base/xmlload.h"
#include "fo/fotree.h"
#include "layout/layout.h"
#include "render/render.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#ifndef GW_FUZZ_TOP
#error "build with -DGW_FUZZ_TOP='\"/path/to/source\"'"
#endif

/* The job context shared by every input of this process (created on first use). */
static gw_ctx *
fuzz_ctx (void)
{
  static gw_ctx *ctx;
  if (ctx)
    return ctx;
  const char *top = getenv ("GW_FUZZ_TOP") ? getenv ("GW_FUZZ_TOP") : GW_FUZZ_TOP;
  char *conf = g_build_filename (top, "tests", "fonts.conf", NULL);
  g_setenv ("GONGWEN_FONTS_CONF", conf, FALSE);
  g_setenv ("SOURCE_DATE_EPOCH", "1435017600", FALSE);
  g_free (conf);
  ctx = gw_ctx_new (NULL);
  gw_ctx_set_data_dir (ctx, top);
  gw_diag_set_quiet (ctx->diag, getenv ("GW_FUZZ_VERBOSE") == NULL);
  /* small limits: the limits themselves are under test, and each input must stay fast */
  ctx->limits.max_pages = 40;
  ctx->limits.max_table_cells = 5000;
  ctx->limits.max_image_pixels = 4000000;
  ctx->limits.max_image_bytes = 1u << 20;
  ctx->limits.max_xslt_depth = 300;
  ctx->dpi = 12; /* PNG pages are rendered too: keep them tiny */
  return ctx;
}

/* Clears the sticky error state between inputs. */
static void
fuzz_reset (gw_ctx *ctx)
{
  gw_diag_reset (ctx->diag);
}

/* A path in this process's private temporary directory (created on first use); the
 * outputs of every input are written there.  Never /dev/null: writers that replace their
 * target atomically would put a regular file in its place.  Caller frees. */
static char *fuzz_out_dir;

/* Removes the private temporary directory and the files in it (at exit). */
static void
fuzz_out_cleanup (void)
{
  GDir *d = fuzz_out_dir ? g_dir_open (fuzz_out_dir, 0, NULL) : NULL;
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      char *p = g_build_filename (fuzz_out_dir, name, NULL);
      g_unlink (p);
      g_free (p);
    }
  if (d)
    g_dir_close (d);
  if (fuzz_out_dir)
    g_rmdir (fuzz_out_dir);
}

static char *
fuzz_out_path (const char *name)
{
  if (!fuzz_out_dir)
    {
      if (!(fuzz_out_dir = g_dir_make_tmp ("gw-fuzz-out-XXXXXX", NULL)))
        abort ();
      atexit (fuzz_out_cleanup);
    }
  return g_build_filename (fuzz_out_dir, name, NULL);
}

/* Formats an FO document: tree, layout, then the area dump, the PDF and the first PNG page,
 * each written into the private temporary directory. Returns the page count or -1. */
static int
fuzz_format (gw_ctx *ctx, xmlDocPtr doc, const char *name)
{
  gw_fotree *tree = gw_fotree_new (ctx, doc, name);
  if (!tree)
    return -1;
  static gw_fonts *fonts; /* the process's fonts, made once (as a driver does) */
  if (!fonts)
    fonts = gw_fonts_new (ctx);
  gw_areas *areas = gw_diag_failed (ctx->diag) ? NULL : gw_layout_run (ctx, fonts, tree);
  int pages = -1;
  if (areas)
    {
      char *xml = fuzz_out_path ("areas.xml"), *pdf = fuzz_out_path ("out.pdf");
      char *png = fuzz_out_path ("out.png");
      pages = (int) areas->pages->len;
      if (!gw_areas_dump_xml (areas, xml, ctx->diag))
        pages = -1;
      if (pages > 0 && !gw_render_pdf (ctx, areas, pdf, NULL))
        pages = -1;
      if (pages > 0 && !gw_render_png_page (ctx, areas, 0, png))
        pages = -1;
      gw_areas_free (areas);
      g_free (xml);
      g_free (pdf);
      g_free (png);
    }
  gw_fotree_free (tree);
  return pages;
}

#endif
