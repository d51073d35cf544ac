/* cmd-fonts.c — 'gongwen fonts [--check FILE…]': the role → font mapping in effect, and
 * which characters of a record (or any XML file) no font has. */
#include "base/i18n.h"
#include "cli/cli.h"
#include "base/xmlload.h"
#include "layout/fonts.h"

#include <string.h>

/* Where a character was first seen. */
typedef struct {
  long line;
  char *element; /* owned */
} fonts_seen;

/* Frees one fonts_seen. */
static void
fonts_seen_free (fonts_seen *s)
{
  g_free (s->element);
  g_free (s);
}

/* Records the characters of `text` (found at `node`) not seen before. Whitespace and
 * control characters need no glyph and are left out. */
static void
fonts_collect_text (GHashTable *chars, const char *text, xmlNodePtr node)
{
  if (!text || !g_utf8_validate (text, -1, NULL))
    return;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0x3000
          || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      if (g_hash_table_contains (chars, GUINT_TO_POINTER (c)))
        continue;
      fonts_seen *s = g_new0 (fonts_seen, 1);
      s->line = xmlGetLineNo (node);
      xmlNodePtr el = node->type == XML_ELEMENT_NODE ? node : node->parent;
      s->element = g_strdup (el && el->name ? (const char *) el->name : "?");
      g_hash_table_insert (chars, GUINT_TO_POINTER (c), s);
    }
}

/* Walks the text and attribute values of `node` and below (iteratively: no recursion on
 * deep documents). */
static void
fonts_collect (GHashTable *chars, xmlNodePtr root)
{
  xmlNodePtr n = root;
  while (n)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        fonts_collect_text (chars, (const char *) n->content, n);
      else if (n->type == XML_ELEMENT_NODE)
        for (xmlAttrPtr a = n->properties; a; a = a->next)
          {
            xmlChar *v = xmlNodeListGetString (n->doc, a->children, 1);
            fonts_collect_text (chars, (const char *) v, n);
            xmlFree (v);
          }
      if (n->type == XML_ELEMENT_NODE && n->children)
        {
          n = n->children;
          continue;
        }
      while (n && n != root && !n->next)
        n = n->parent;
      if (!n || n == root)
        break;
      n = n->next;
    }
}

/* Orders code points. */
static gint
fonts_cmp_char (gconstpointer a, gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gconstpointer const *) a);
  guint y = GPOINTER_TO_UINT (*(gconstpointer const *) b);
  return x < y ? -1 : x > y;
}

/* Notes a character the body (仿宋) draws from a face of another style: it will look
 * different from its neighbours (喆 of a party's name in a 宋体 amid 仿宋). */
static void
fonts_note_style (gw_ctx *ctx, gw_fonts *fonts, const char *path, const fonts_seen *s,
                  gunichar c, const char *utf8)
{
  char *body = gw_fonts_font_for_char (fonts, "仿宋", 0x6587 /* 文 */);
  char *font = gw_fonts_font_for_char (fonts, "仿宋", c);
  const char *want = gw_fonts_family_style (body);
  const char *style = gw_fonts_family_style (font);
  if (font && want && style && strcmp (want, style) != 0)
    gw_diag_report (ctx->diag, GW_LEVEL_NOTE, path, s->line,
                    "U+%04X '%s' (in <%s>): the %s body font lacks it; drawn in %s, a %s face",
                    c, utf8, s->element, want, font, style);
  g_free (body);
  g_free (font);
}

/* Checks one file; returns the number of characters no font has (-1 when unreadable). */
static int
fonts_check_file (gw_ctx *ctx, gw_fonts *fonts, const char *path)
{
  static const char *const roles[] = { "仿宋", "小标宋", "黑体", "楷体", "宋体", "serif",
                                       "sans-serif" };
  xmlDocPtr doc = gw_xml_read_file (ctx, path);
  if (!doc)
    return -1;
  GHashTable *chars = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             (GDestroyNotify) fonts_seen_free);
  fonts_collect (chars, xmlDocGetRootElement (doc));
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, chars);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, fonts_cmp_char);
  int missing = 0;
  for (guint i = 0; i < keys->len; i++)
    {
      gunichar c = GPOINTER_TO_UINT (g_ptr_array_index (keys, i));
      char *font = NULL;
      for (size_t r = 0; !font && r < G_N_ELEMENTS (roles); r++)
        font = gw_fonts_font_for_char (fonts, roles[r], c);
      const fonts_seen *s = g_hash_table_lookup (chars, GUINT_TO_POINTER (c));
      char utf8[8] = { 0 };
      g_unichar_to_utf8 (c, utf8);
      if (font)
        {
          fonts_note_style (ctx, fonts, path, s, c, utf8);
          g_free (font);
          continue;
        }
      gw_diag_error (ctx->diag, path, s->line, _("U+%04X '%s' (in <%s>): no font has this "
                     "character"), c, utf8, s->element);
      missing++;
    }
  if (!missing)
    printf (_("%s: all %u characters have a font\n"), path, keys->len);
  else
    printf (_("%s: %d of %u characters have no font\n"), path, missing, keys->len);
  g_ptr_array_unref (keys);
  g_hash_table_destroy (chars);
  xmlFreeDoc (doc);
  return missing;
}

/* Runs 'gongwen fonts'. */
int
gw_cmd_fonts (int argc, char **argv)
{
  char **check = NULL;
  GOptionEntry entries[] = {
    { "check", 'c', 0, G_OPTION_ARG_FILENAME_ARRAY, &check,
      N_("list the characters of FILE (text and attribute values) that no font has "
      "(repeatable; more files may follow as arguments)"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionContext *oc = g_option_context_new (N_("[--check FILE…]"));
  g_option_context_set_translation_domain (oc, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    oc, N_("Without options: prints the font configuration in use (fonts/fonts.conf of the data\n"
        "directory, or $GONGWEN_FONTS_CONF) and which font each GB/T 9704 role (小标宋, 仿宋,\n"
        "黑体, 楷体, 宋体) and licensed font name resolves to. Licensed fonts dropped into the\n"
        "data directory's fonts/ folder take precedence over the free substitutes.\n"
        "With --check: reports every character of the files that no installed font can draw,\n"
        "as FILE:LINE: U+XXXX 'c' (in <element>)."));
  g_option_context_set_description (oc, N_("Exit status: 0 every character has a font, 1 some "
                                        "character has none (or a file is unreadable), 2 usage "
                                        "error.\n"));
  g_set_prgname ("gongwen fonts"); /* "Usage: gongwen fonts …" */
  g_option_context_add_main_entries (oc, entries, NULL);
  GError *err = NULL;
  if (!g_option_context_parse (oc, &argc, &argv, &err) || (argc > 1 && !check))
    {
      fprintf (stderr, _("gongwen fonts: %s\nTry 'gongwen fonts --help'.\n"),
               err ? err->message : _("files are checked with --check FILE"));
      g_clear_error (&err);
      g_option_context_free (oc);
      g_strfreev (check);
      return GW_EXIT_USAGE;
    }
  g_option_context_free (oc);
  gw_ctx *ctx = gw_cli_ctx_new (argv[0]);
  gw_fonts *fonts = gw_fonts_new (ctx);
  int status = fonts ? GW_EXIT_OK : GW_EXIT_FAILED;
  if (fonts && !check)
    gw_fonts_print_roles (fonts, ctx->diag, stdout);
  for (char **f = check; fonts && f && *f; f++)
    if (fonts_check_file (ctx, fonts, *f) != 0)
      status = GW_EXIT_FAILED;
  for (int i = 1; fonts && check && i < argc; i++)
    if (fonts_check_file (ctx, fonts, argv[i]) != 0)
      status = GW_EXIT_FAILED;
  gw_fonts_free (fonts);
  gw_ctx_free (ctx);
  g_strfreev (check);
  return status;
}
