/* checks.c — a clerk's mistakes that pass the schema and the regime rules (see checks.h):
 *
 *   fine       decision/penalty/@amount-yuan equals the amount the penalty's text writes
 *              in Chinese numerals (贰万元整 with amount-yuan="25000" is caught);
 *   dates      the dates of a record follow the order of the procedure (sampled, report
 *              issued, report served, notice served … for a product-sampling case;
 *              inspected, issued, order served for a special-equipment case);
 *   inspectors no inspector listed twice, no two inspectors with one enforcement ID (the
 *              two-person rule is not met by one person twice);
 *   sections   a case has measures and remedies (its documents print both headings).
 *
 * Fields are named by their labels (records/labels.h), lines are the record's. */
#include "records/checks.h"
#include "base/i18n.h"
#include "records/labels.h"
#include "records/private.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* One run of the checks on one record. */
typedef struct {
  /* borrowed */
  gw_ctx *ctx;
  const gw_record *rec;
  const gw_labels *labels;
  /* values */
  unsigned errors;
} checks_run;

/* Reports a failure at `at`'s line. */
static void G_GNUC_PRINTF (3, 4)
checks_error (checks_run *run, xmlNodePtr at, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  gw_diag_error (run->ctx->diag, run->rec->path, at ? xmlGetLineNo (at) : 0, "%s", msg);
  run->errors++;
  g_free (msg);
}

/* The label of `path` in the record's table (borrowed; the path itself when unlabelled). */
static const char *
checks_label (const checks_run *run, const char *path)
{
  const gw_label *l = gw_labels_find (run->labels, path);
  return l ? l->label : path;
}

/* The first node `xpath` selects at the root, or NULL. */
static xmlNodePtr
checks_node (const checks_run *run, const char *xpath)
{
  xmlXPathObjectPtr res = gw_rec_xpath_new (xmlDocGetRootElement (run->rec->doc), xpath);
  xmlNodePtr n = res && res->type == XPATH_NODESET && res->nodesetval
                     && res->nodesetval->nodeNr > 0
                   ? res->nodesetval->nodeTab[0] : NULL;
  xmlXPathFreeObject (res);
  return n;
}

/* The digit value of a Chinese numeral (大写 or 小写), or -1. */
static int
checks_cn_digit (gunichar c)
{
  static const char *const digits[] = { "零〇", "壹一", "贰二两", "叁三", "肆四",
                                         "伍五", "陆六", "柒七", "捌八", "玖九" };
  char buf[8];
  buf[g_unichar_to_utf8 (c, buf)] = '\0';
  for (int d = 0; d < 10; d++)
    if (strstr (digits[d], buf))
      return d;
  return -1;
}

/* The amount in Chinese numerals. */
gboolean
gw_checks_cn_amount (const char *text, gint64 *fen)
{
  static const char numerals[] = "零〇壹一贰二两叁三肆四伍五陆六柒七捌八玖九"
                                 "拾十佰百仟千万亿元圆角分整";
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      char buf[8];
      buf[g_unichar_to_utf8 (g_utf8_get_char (p), buf)] = '\0';
      if (!strstr (numerals, buf) || !strcmp (buf, "整") || !strcmp (buf, "元"))
        continue;
      /* a run starts here: read it to its end */
      gint64 total = 0, section = 0, number = 0, yuan = -1, jiao = 0, cents = 0;
      const char *q = p;
      for (; *q; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);
          int d = checks_cn_digit (c);
          if (d >= 0)
            number = d;
          else if (c == 0x62fe || c == 0x5341) /* 拾 十 */
            section += (number ? number : 1) * 10, number = 0;
          else if (c == 0x4f70 || c == 0x767e) /* 佰 百 */
            section += number * 100, number = 0;
          else if (c == 0x4edf || c == 0x5343) /* 仟 千 */
            section += number * 1000, number = 0;
          else if (c == 0x4e07) /* 万 */
            total += (section + number) * 10000, section = number = 0;
          else if (c == 0x4ebf) /* 亿 */
            total = (total + section + number) * 100000000, section = number = 0;
          else if (c == 0x5143 || c == 0x5706) /* 元 圆 */
            yuan = total + section + number, total = section = number = 0;
          else if (c == 0x89d2) /* 角 */
            jiao = number, number = 0;
          else if (c == 0x5206) /* 分 */
            cents = number, number = 0;
          else if (c != 0x6574) /* 整 */
            break;
          if (total > G_GINT64_CONSTANT (1000000000000))
            break;
        }
      if (yuan >= 0)
        {
          *fen = yuan * 100 + jiao * 10 + cents;
          return TRUE;
        }
      p = g_utf8_prev_char (q); /* no 元 in this run: go on after it */
    }
  return FALSE;
}

/* fine: the amount in figures equals the amount in words. */
static void
checks_fine (checks_run *run)
{
  xmlNodePtr pen = checks_node (run, "r:decision/r:penalty");
  if (!pen)
    return;
  char *figures = gw_rec_attr_new (pen, "amount-yuan");
  xmlChar *text = xmlNodeGetContent (pen);
  gint64 fen = 0;
  if (figures && text && gw_checks_cn_amount ((const char *) text, &fen)
      && g_ascii_strtoll (figures, NULL, 10) * 100 != fen)
    {
      char *words = g_strdup_printf ("%" G_GINT64_FORMAT "%s", fen / 100,
                                     fen % 100 ? "…" : "");
      checks_error (run, pen, _("%s is %s yuan, but %s says %s yuan in words; write the same "
                                "amount in both"),
                    checks_label (run, "decision/penalty/@amount-yuan"), figures,
                    checks_label (run, "decision/penalty"), words);
      g_free (words);
    }
  xmlFree (text);
  g_free (figures);
}

/* One rule of order: the date at `before` is not after the date at `after` (paths from
 * the root; an attribute as .../@name). */
typedef struct {
  const char *before, *after;
} checks_order;

static const checks_order checks_sampling_order[] = {
  { "sampling/product/production-date", "dates/sampled" },
  { "dates/sampled", "dates/report-issued" },
  { "dates/report-issued", "dates/report-served" },
  { "dates/sampled", "dates/report-served" },
  { "dates/report-issued", "issued/@date" },
  { "dates/sampled", "issued/@date" },
  { "issued/@date", "dates/notice-served" },
  { "dates/report-served", "dates/notice-served" },
  { "dates/notice-served", "dates/reinspection-applied" },
  { "dates/reinspection-applied", "dates/reinspected" },
  { NULL, NULL },
};

static const checks_order checks_equipment_order[] = {
  { "dates/inspected", "issued/@date" },
  { "issued/@date", "dates/order-served" },
  { "dates/inspected", "dates/order-served" },
  { NULL, NULL },
};

static const checks_order checks_inspection_order[] = {
  { "time/@date", "statement/signature/@date" },
  { NULL, NULL },
};

/* A label-table path as XPath on the record ("dates/sampled" → "r:dates/r:sampled"). */
static char *
checks_xpath_new (const char *path)
{
  GString *x = g_string_new (NULL);
  char **steps = g_strsplit (path, "/", -1);
  for (char **s = steps; *s; s++)
    g_string_append_printf (x, "%s%s%s", x->len ? "/" : "", **s == '@' ? "" : "r:", *s);
  g_strfreev (steps);
  return g_string_free (x, FALSE);
}

/* The date at `path` (a yyyy-mm-dd string, which sorts as the dates do; caller frees) and
 * its element in *at; NULL when absent or not such a date (the schema says so). */
static char *
checks_date_new (const checks_run *run, const char *path, xmlNodePtr *at)
{
  char *xp = checks_xpath_new (path);
  xmlNodePtr n = checks_node (run, xp);
  g_free (xp);
  if (!n)
    return NULL;
  xmlChar *v = xmlNodeGetContent (n);
  char *s = g_strstrip (g_strdup (v ? (const char *) v : ""));
  xmlFree (v);
  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", s, 0, 0)
      || !g_date_valid_dmy ((GDateDay) atoi (s + 8), (GDateMonth) atoi (s + 5),
                            (GDateYear) atoi (s)))
    {
      g_free (s);
      return NULL;
    }
  *at = n->type == XML_ATTRIBUTE_NODE ? n->parent : n;
  return s;
}

/* dates: each rule of order of the record's kind holds. */
static void
checks_dates (checks_run *run)
{
  const checks_order *order = NULL;
  if (!strcmp (run->rec->kind, "inspection"))
    order = checks_inspection_order;
  else if (!strcmp (run->rec->kind, "case"))
    {
      char *kind = gw_rec_attr_new (xmlDocGetRootElement (run->rec->doc), "kind");
      order = kind && !strcmp (kind, "special-equipment") ? checks_equipment_order
                                                            : checks_sampling_order;
      g_free (kind);
    }
  for (; order && order->before; order++)
    {
      xmlNodePtr at_before = NULL, at_after = NULL;
      char *before = checks_date_new (run, order->before, &at_before);
      char *after = checks_date_new (run, order->after, &at_after);
      if (before && after && strcmp (after, before) < 0)
        checks_error (run, at_after, _("%s %s is before %s %s; check the dates"),
                      checks_label (run, order->after), after,
                      checks_label (run, order->before), before);
      g_free (before);
      g_free (after);
    }
}

/* inspectors: no name twice, no enforcement ID shared. */
static void
checks_inspectors (checks_run *run)
{
  xmlXPathObjectPtr res = gw_rec_xpath_new (xmlDocGetRootElement (run->rec->doc),
                                            "r:inspectors/r:inspector");
  if (!res || res->type != XPATH_NODESET || !res->nodesetval)
    {
      xmlXPathFreeObject (res);
      return;
    }
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int i = 0; i < res->nodesetval->nodeNr; i++)
    {
      xmlNodePtr ins = res->nodesetval->nodeTab[i];
      char *name = gw_rec_xpath_string_new (ins, "r:name");
      char *eid = gw_rec_xpath_string_new (ins, "r:enforcement-id");
      if (name && g_hash_table_contains (names, name))
        checks_error (run, ins, _("%s %s is listed twice; two different inspectors must be "
                                  "named"), checks_label (run, "inspectors/inspector"), name);
      else if (eid && g_hash_table_contains (ids, eid))
        checks_error (run, ins, _("%s and %s have the same %s %s; each inspector has an ID "
                                  "of his own"), (const char *) g_hash_table_lookup (ids, eid),
                      name ? name : "?", checks_label (run, "inspectors/inspector/enforcement-id"),
                      eid);
      if (name)
        g_hash_table_add (names, g_strdup (name));
      if (eid && !g_hash_table_contains (ids, eid))
        g_hash_table_insert (ids, g_strdup (eid), g_strdup (name ? name : "?"));
      g_free (name);
      g_free (eid);
    }
  g_hash_table_destroy (names);
  g_hash_table_destroy (ids);
  xmlXPathFreeObject (res);
}

/* sections: a case's documents print the measures and the remedies under headings of
 * their own; without them the heading stands over nothing. */
static void
checks_sections (checks_run *run)
{
  if (strcmp (run->rec->kind, "case") != 0)
    return;
  xmlNodePtr root = xmlDocGetRootElement (run->rec->doc);
  xmlNodePtr decision = checks_node (run, "r:decision");
  if (decision && gw_rec_xpath_count (root, "r:decision/r:measure") == 0)
    checks_error (run, decision, _("no %s: the document would print its heading with "
                                   "nothing under it; write at least one"),
                  checks_label (run, "decision/measure"));
  if (gw_rec_xpath_count (root, "r:remedies/r:review-body | r:remedies/r:court") == 0)
    {
      xmlNodePtr at = checks_node (run, "r:remedies");
      checks_error (run, at ? at : checks_node (run, "r:issued"),
                    _("no %s (%s, %s): the document would print its heading with nothing "
                      "under it; write them"), checks_label (run, "remedies"),
                    checks_label (run, "remedies/review-body"),
                    checks_label (run, "remedies/court"));
    }
}

/* Runs the checks. */
gboolean
gw_checks_run (gw_ctx *ctx, gw_record_cache *cache, const gw_record *rec)
{
  if (!rec || !rec->doc || !xmlDocGetRootElement (rec->doc))
    return TRUE;
  checks_run run = { ctx, rec, gw_labels_get (ctx, cache, rec->kind), 0 };
  if (!strcmp (rec->kind, "case"))
    checks_fine (&run);
  if (!strcmp (rec->kind, "case") || !strcmp (rec->kind, "inspection"))
    {
      checks_dates (&run);
      checks_inspectors (&run);
    }
  checks_sections (&run);
  return run.errors == 0;
}
