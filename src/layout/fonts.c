/* fonts.c — fontconfig set-up, Pango font map and context, cached descriptions and metrics. */
#include "layout/fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

/* Creates the job's fontconfig configuration. */
static FcConfig *
fonts_config_new (gw_ctx *ctx, char **used_file)
{
  const char *override = g_getenv ("GONGWEN_FONTS_CONF");
  char *file = override && *override ? g_canonicalize_filename (override, NULL)
                                     : g_build_filename (ctx->data_dir ? ctx->data_dir : ".",
                                                         "fonts", "fonts.conf", NULL);
  FcConfig *config = FcConfigCreate ();
  if (!g_file_test (file, G_FILE_TEST_EXISTS)
      || !FcConfigParseAndLoad (config, (const FcChar8 *) file, FcTrue))
    {
      gw_diag_warn (ctx->diag, file, 0, "font configuration not loaded; using the system's");
      FcConfigDestroy (config);
      config = FcInitLoadConfig ();
    }
  if (ctx->data_dir)
    {
      char *dir = g_build_filename (ctx->data_dir, "fonts", NULL);
      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        FcConfigAppFontAddDir (config, (const FcChar8 *) dir);
      g_free (dir);
    }
  FcConfigBuildFonts (config);
  *used_file = file;
  return config;
}

/* Creates the fonts of a job. */
gw_fonts *
gw_fonts_new (gw_ctx *ctx)
{
  gw_fonts *f = g_new0 (gw_fonts, 1);
  FcConfig *config = fonts_config_new (ctx, &f->config_file);
  f->fontmap = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (f->fontmap), config);
  FcConfigDestroy (config); /* the font map holds its own reference */
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (f->fontmap), 72);
  f->context = pango_font_map_create_context (f->fontmap);
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (f->context, fo);
  cairo_font_options_destroy (fo);
  pango_cairo_context_set_resolution (f->context, 72);
  pango_context_set_round_glyph_positions (f->context, FALSE);
  pango_context_set_language (f->context, pango_language_from_string ("zh-cn"));
  f->descs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) pango_font_description_free);
  f->desc_by_style = g_hash_table_new (g_direct_hash, g_direct_equal);
  f->metrics = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_free);
  f->font_for_desc = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  f->shapes = gw_shape_cache_new ();
  return f;
}

/* Frees the fonts. */
void
gw_fonts_free (gw_fonts *f)
{
  if (!f)
    return;
  gw_shape_cache_free (f->shapes);
  g_hash_table_destroy (f->font_for_desc);
  g_hash_table_destroy (f->desc_by_style);
  g_hash_table_destroy (f->descs);
  g_hash_table_destroy (f->metrics);
  g_object_unref (f->context);
  g_object_unref (f->fontmap);
  g_free (f->config_file);
  g_free (f);
}

/* The cached description for a style. */
const PangoFontDescription *
gw_fonts_desc (gw_fonts *f, const gw_style *st)
{
  PangoFontDescription *d = g_hash_table_lookup (f->desc_by_style, st);
  if (d)
    return d;
  char key[512];
  g_snprintf (key, sizeof key, "%s|%d|%d|%d", st->font_family, (int) (st->font_size * 1000),
              st->font_weight, st->italic);
  d = g_hash_table_lookup (f->descs, key);
  if (d)
    {
      g_hash_table_insert (f->desc_by_style, (gpointer) st, d);
      return d;
    }
  d = pango_font_description_new ();
  pango_font_description_set_family (d, st->font_family);
  pango_font_description_set_absolute_size (d, st->font_size * PANGO_SCALE);
  pango_font_description_set_weight (d, (PangoWeight) st->font_weight);
  pango_font_description_set_style (d, st->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  g_hash_table_insert (f->descs, g_strdup (key), d);
  g_hash_table_insert (f->desc_by_style, (gpointer) st, d);
  return d;
}

/* Ascent/descent of a font in pt. */
void
gw_fonts_metrics (gw_fonts *f, PangoFont *font, double *ascent, double *descent)
{
  double *m = g_hash_table_lookup (f->metrics, font);
  if (!m)
    {
      m = g_new (double, 2);
      PangoFontMetrics *pm = pango_font_get_metrics (font, NULL);
      m[0] = pango_font_metrics_get_ascent (pm) / (double) PANGO_SCALE;
      m[1] = pango_font_metrics_get_descent (pm) / (double) PANGO_SCALE;
      pango_font_metrics_unref (pm);
      g_hash_table_insert (f->metrics, g_object_ref (font), m);
    }
  *ascent = m[0];
  *descent = m[1];
}

/* The primary font of a style. */
PangoFont *
gw_fonts_primary (gw_fonts *f, const gw_style *st)
{
  const PangoFontDescription *d = gw_fonts_desc (f, st);
  PangoFont *font = g_hash_table_lookup (f->font_for_desc, d);
  if (!font)
    {
      font = pango_font_map_load_font (f->fontmap, f->context, d);
      if (!font)
        return NULL;
      g_hash_table_insert (f->font_for_desc, (gpointer) d, font);
    }
  return font;
}

/* The file of the font drawing `ch` for a family list, or NULL. */
char *
gw_fonts_font_for_char (gw_fonts *f, const char *family, gunichar ch)
{
  PangoFontDescription *d = pango_font_description_from_string (family);
  pango_font_description_set_family (d, family);
  pango_font_description_set_absolute_size (d, 12 * PANGO_SCALE);
  PangoFontset *set = pango_font_map_load_fontset (f->fontmap, f->context, d, pango_language_from_string ("zh-cn"));
  pango_font_description_free (d);
  char *res = NULL;
  if (set)
    {
      PangoFont *font = pango_fontset_get_font (set, ch);
      if (font && pango_font_has_char (font, ch))
        {
          PangoFontDescription *fd = pango_font_describe (font);
          res = g_strdup (pango_font_description_get_family (fd));
          pango_font_description_free (fd);
        }
      if (font)
        g_object_unref (font);
      g_object_unref (set);
    }
  return res;
}

/* The GB/T 9704 type style a family's name shows, or NULL. */
const char *
gw_fonts_family_style (const char *family)
{
  /* first match wins: 小标宋 and 仿宋 before 宋体 (FZXiaoBiaoSong, FangSong), 黑体 before
   * 宋体 (sans-serif) */
  static const struct {
    const char *style;
    const char *const keys[8];
  } styles[] = {
    { "小标宋", { "xiaobiaosong", "小标宋", NULL } },
    { "仿宋", { "fang", "仿宋", NULL } },
    { "楷体", { "kai", "楷", NULL } },
    { "黑体", { "hei", "黑", "sans", "gothic", NULL } },
    { "宋体", { "song", "宋", "serif", "ming", "明", "sun", "min", NULL } },
  };
  if (!family)
    return NULL;
  char *low = g_utf8_strdown (family, -1);
  const char *found = NULL;
  for (size_t i = 0; !found && i < G_N_ELEMENTS (styles); i++)
    for (size_t k = 0; !found && styles[i].keys[k]; k++)
      if (strstr (low, styles[i].keys[k]))
        found = styles[i].style;
  g_free (low);
  return found;
}

/* TRUE when a face of `style` may serve `role_style` (a heavy 宋体 is the usual 小标宋). */
static gboolean
fonts_style_fits (const char *role_style, const char *style)
{
  return !style || !role_style || !strcmp (role_style, style)
         || (!strcmp (role_style, "小标宋") && !strcmp (style, "宋体"));
}

/* Prints `s` left-aligned in `cols` terminal columns (CJK characters take two). */
static void
fonts_print_padded (FILE *out, const char *s, int cols)
{
  int w = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    w += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  fprintf (out, "%s%*s", s, cols > w ? cols - w : 0, "");
}

/* Prints the role mapping and warns of roles served by a face of another style. */
int
gw_fonts_print_roles (gw_fonts *f, gw_diag *diag, FILE *out)
{
  /* the roles, then the licensed names the stylesheets may ask for; the generic families
   * (checked: FALSE) have no style of their own */
  static const struct {
    const char *name;
    gboolean checked;
  } roles[] = {
    { "小标宋", TRUE }, { "仿宋", TRUE }, { "黑体", TRUE }, { "楷体", TRUE }, { "宋体", TRUE },
    { "FZXiaoBiaoSong-B05S", TRUE }, { "FangSong_GB2312", TRUE }, { "SimHei", TRUE },
    { "KaiTi_GB2312", TRUE }, { "SimSun", TRUE }, { "serif", FALSE }, { "sans-serif", FALSE },
  };
  int mismatched = 0;
  fprintf (out, "font configuration: %s\n", f->config_file);
  for (size_t i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      char *fam = gw_fonts_font_for_char (f, roles[i].name, 0x6587 /* 文 */);
      const char *want = roles[i].checked ? gw_fonts_family_style (roles[i].name) : NULL;
      const char *style = fam ? gw_fonts_family_style (fam) : NULL;
      fprintf (out, "  ");
      fonts_print_padded (out, roles[i].name, 20);
      fprintf (out, " → %s%s%s%s\n", fam ? fam : "(none)", style ? " (" : "",
               style ? style : "", style ? ")" : "");
      if (fam && !fonts_style_fits (want, style))
        {
          gw_diag_warn (diag, f->config_file, 0,
                        "%s falls back to %s, a %s face: no %s face is installed "
                        "(copy a licensed one into fonts/, or see README: Fonts)",
                        roles[i].name, fam, style, want);
          mismatched++;
        }
      g_free (fam);
    }
  return mismatched;
}
