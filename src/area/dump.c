/* dump.c — the area tree as XML, for golden tests and debugging. */
#include "area/area.h"

#include <errno.h>
#include <libxml/xmlwriter.h>

static const char *const area_names[] = { "page", "region", "block", "line", "text", "rule",
                                          "image", "link", "dest" };

/* Writes a number with 2 decimals whatever the locale. */
static void
dump_num (xmlTextWriterPtr w, const char *name, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (v > -0.005 && v < 0.005)
    v = 0;
  g_ascii_formatd (buf, sizeof buf, "%.2f", v);
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST buf);
}

/* Writes one area and its children. */
static void
dump_area (xmlTextWriterPtr w, const gw_area *a)
{
  xmlTextWriterStartElement (w, BAD_CAST area_names[a->kind]);
  if (a->name && a->kind != GW_AREA_TEXT)
    xmlTextWriterWriteAttribute (w, BAD_CAST (a->kind == GW_AREA_PAGE ? "label" : "name"),
                                 BAD_CAST a->name);
  dump_num (w, "x", a->x);
  dump_num (w, "y", a->y);
  dump_num (w, "w", a->w);
  dump_num (w, "h", a->h);
  if (a->kind == GW_AREA_PAGE)
    {
      xmlTextWriterWriteFormatAttribute (w, BAD_CAST "number", "%d", a->u.page.number);
      if (a->u.page.blank)
        xmlTextWriterWriteAttribute (w, BAD_CAST "blank", BAD_CAST "true");
    }
  if (a->kind == GW_AREA_TEXT)
    {
      dump_num (w, "baseline", a->u.text.baseline);
      dump_num (w, "size", a->u.text.font_size);
      PangoFontDescription *d = pango_font_describe (a->u.text.font);
      xmlTextWriterWriteAttribute (w, BAD_CAST "font", BAD_CAST pango_font_description_get_family (d));
      pango_font_description_free (d);
      if (a->u.text.underline)
        xmlTextWriterWriteAttribute (w, BAD_CAST "underline", BAD_CAST "true");
      xmlTextWriterWriteString (w, BAD_CAST a->u.text.text);
    }
  if (a->kind == GW_AREA_RULE)
    dump_num (w, "thickness", a->u.rule.thickness);
  if (a->kind == GW_AREA_BLOCK && a->u.box.background.a > 0)
    xmlTextWriterWriteFormatAttribute (w, BAD_CAST "background", "#%02x%02x%02x",
                                       (int) (a->u.box.background.r * 255 + 0.5),
                                       (int) (a->u.box.background.g * 255 + 0.5),
                                       (int) (a->u.box.background.b * 255 + 0.5));
  if (a->kind == GW_AREA_BLOCK)
    for (int i = 0; i < 4; i++)
      if (a->u.box.border[i].width > 0)
        {
          static const char *const nm[] = { "border-top", "border-bottom", "border-left", "border-right" };
          dump_num (w, nm[i], a->u.box.border[i].width);
        }
  if ((a->kind == GW_AREA_BLOCK || a->kind == GW_AREA_REGION) && a->u.box.orient)
    xmlTextWriterWriteFormatAttribute (w, BAD_CAST "orient", "%d", a->u.box.orient);
  for (const gw_area *c = a->first; c; c = c->next)
    dump_area (w, c);
  xmlTextWriterEndElement (w);
}

/* Writes the tree as XML to `path`. */
gboolean
gw_areas_dump_xml (const gw_areas *areas, const char *path, gw_diag *diag)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buf, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST " ");
  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (w, BAD_CAST "areas");
  xmlTextWriterWriteFormatAttribute (w, BAD_CAST "pages", "%u", areas->pages->len);
  for (guint i = 0; i < areas->pages->len; i++)
    dump_area (w, g_ptr_array_index (areas->pages, i));
  xmlTextWriterEndElement (w);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  /* written in place (the engine writes to a temporary name and renames): never
   * g_file_set_contents, whose own rename would replace a device such as /dev/null */
  FILE *f = fopen (path, "wb");
  size_t n = (size_t) xmlBufferLength (buf);
  gboolean ok = f && fwrite (xmlBufferContent (buf), 1, n, f) == n;
  ok = (f && fclose (f) == 0) && ok;
  if (!ok)
    gw_diag_error (diag, path, 0, "cannot write area tree: %s", g_strerror (errno));
  xmlBufferFree (buf);
  return ok;
}
