/* fuzz_fo.c — libFuzzer target: arbitrary bytes as an XSL-FO document → safe parse →
 * FO tree → layout → area dump, PDF and PNG (into a temporary directory).  Must never crash, hang, leak
 * or read files outside the allowed roots, whatever the bytes are. */
#include "fuzz-common.h"

/* One input. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gw_ctx *ctx = fuzz_ctx ();
  fuzz_reset (ctx);
  if (size == 0)
    return 0;
  xmlDocPtr doc = gw_xml_read_memory (ctx, (const char *) data, size, "fuzz.fo");
  if (doc)
    {
      int pages = fuzz_format (ctx, doc, "fuzz.fo");
      (void) pages;
      xmlFreeDoc (doc);
    }
  return 0;
}
