/* rules.c — the semantic rules of records that a grammar cannot say. Every message cites
 * the regime rule it enforces (its text's law and article when the regime gives a basis,
 * else the regime's title and section label), e.g.
 *   xml/cases/x.xml:70: penalty 80000 yuan is outside 《产品质量监督抽查监管》五、（二） range
 *   0–30000 yuan (regime-6 rule p-sample-tamper)
 *
 *   case        every <applies> names an existing regime and one of its rules; enough
 *               inspectors (the min-inspectors rules of the applied regimes, counting only
 *               certificate holders where a rule names a certificate; 2 in any case); the
 *               decision's penalty lies within a fine range of its penalty rule;
 *               objection-by / rectify-by derived from a regime deadline equal the counted
 *               date; reinspect-within matches the deadline's days; rectify-by is not before
 *               the issue date; problem/@equipment and problem/@clause resolve.
 *   inspection  its regime exists; enough inspectors (as for a case); every check's clause
 *               is a section of the regime; problem/@check names a check.
 *
 * How a record refers to a regime (see xml/schema/case.rng, inspection.rng): by the
 * regime's id (<applies regime="regime-6" rule="rectify"/>, <inspection regime="regime-7">),
 * found as <id>.xml or <id>-*.xml (gw_record_regimes, through the caller's regime cache);
 * rules by their id inside the regime's <rules>, sections by their id. */
#include "records/private.h"
#include "base/isodate.h"
#include "base/i18n.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* One check of one record. */
typedef struct {
  /* borrowed */
  gw_ctx *ctx;
  const gw_record *rec;
  /* owned */
  GArray *refs;       /* gw_regime_ref: the regimes the record names (gw_record_regimes) */
  GPtrArray *regimes; /* const gw_record * (borrowed from the regime cache), in order */
  /* values */
  unsigned errors;
} rules_run;

/* TRUE when `n` is the record element `name`. */
static gboolean
rules_is (xmlNodePtr n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href
         && strcmp ((const char *) n->ns->href, GW_RECORD_NS) == 0
         && (!name || strcmp ((const char *) n->name, name) == 0);
}

/* The next sibling from `n` on (inclusive) that is the record element `name`. */
static xmlNodePtr
rules_from (xmlNodePtr n, const char *name)
{
  while (n && !rules_is (n, name))
    n = n->next;
  return n;
}

/* The first child of `parent` that is the record element `name` (NULL = any). */
static xmlNodePtr
rules_child (xmlNodePtr parent, const char *name)
{
  return parent ? rules_from (parent->children, name) : NULL;
}

#define RULES_EACH(var, parent, name)                                                   \
  for (xmlNodePtr var = rules_child ((parent), (name)); var; var = rules_from (var->next, (name)))

/* Reports a violation at `at` (a node of the record). */
static void G_GNUC_PRINTF (3, 4)
rules_error (rules_run *run, xmlNodePtr at, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  gw_diag_error (run->ctx->diag, run->rec->path, at ? xmlGetLineNo (at) : 0, "%s", msg);
  run->errors++;
  g_free (msg);
}

/* The text content of an element, whitespace-trimmed (caller frees; "" when none). */
static char *
rules_text_new (xmlNodePtr n)
{
  xmlChar *c = n ? xmlNodeGetContent (n) : NULL;
  char *s = g_strstrip (g_strdup (c ? (const char *) c : ""));
  xmlFree (c);
  return s;
}

/* Parses a whole non-negative decimal number (the schema's integer types); FALSE if not. */
static gboolean
rules_parse_int (const char *s, gint64 *out)
{
  if (!s)
    return FALSE;
  while (g_ascii_isspace (*s))
    s++;
  char *end = NULL;
  if (!g_ascii_isdigit (*s))
    return FALSE;
  gint64 v = g_ascii_strtoll (s, &end, 10);
  while (end && g_ascii_isspace (*end))
    end++;
  if (!end || *end || v < 0 || v > G_GINT64_CONSTANT (1000000000000000))
    return FALSE;
  *out = v;
  return TRUE;
}

/* The rule of `regime` with id `id` and element name `kind` (NULL = any kind). */
static xmlNodePtr
rules_find_rule (const gw_record *regime, const char *kind, const char *id)
{
  if (!id)
    return NULL;
  RULES_EACH (r, rules_child (xmlDocGetRootElement (regime->doc), "rules"), kind)
  {
    xmlChar *rid = xmlGetNoNsProp (r, (const xmlChar *) "id");
    gboolean same = rid && strcmp ((const char *) rid, id) == 0;
    xmlFree (rid);
    if (same)
      return r;
  }
  return NULL;
}

/* The first rule named `id` of kind `kind` among the run's regimes; sets *regime. */
static xmlNodePtr
rules_find_in_regimes (rules_run *run, const char *kind, const char *id,
                       const gw_record **regime)
{
  for (guint i = 0; i < run->regimes->len; i++)
    {
      const gw_record *g = g_ptr_array_index (run->regimes, i);
      xmlNodePtr r = rules_find_rule (g, kind, id);
      if (r)
        {
          *regime = g;
          return r;
        }
    }
  return NULL;
}

/* The section with @id `id` anywhere below `n`, or NULL. */
static xmlNodePtr
rules_find_section (xmlNodePtr n, const char *id)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    {
      if (!rules_is (c, "section"))
        continue;
      xmlChar *sid = xmlGetNoNsProp (c, (const xmlChar *) "id");
      gboolean same = sid && id && strcmp ((const char *) sid, id) == 0;
      xmlFree (sid);
      if (same)
        return c;
      xmlNodePtr below = rules_find_section (c, id);
      if (below)
        return below;
    }
  return NULL;
}

/* How a message cites `rule` of `regime`: its basis (law and article) when the regime
 * gives one, else 《regime title》 and the printed labels of the rule's section
 * (《产品质量监督抽查监管》四、（三）1、). Caller frees. */
static char *
rules_citation_new (const gw_record *regime, xmlNodePtr rule)
{
  char *basis = gw_rec_attr_new (rule, "basis");
  if (basis)
    return basis;
  xmlNodePtr root = xmlDocGetRootElement (regime->doc);
  char *title = rules_text_new (rules_child (root, "title"));
  GString *s = g_string_new (NULL);
  if (*title)
    g_string_append_printf (s, "《%s》", title);
  else
    g_string_append (s, regime->id ? regime->id : _("the regime"));
  g_free (title);
  char *ref = gw_rec_attr_new (rule, "ref");
  xmlNodePtr sec = rules_find_section (root, ref);
  g_free (ref);
  GString *labels = g_string_new (NULL);
  for (; rules_is (sec, "section"); sec = sec->parent)
    {
      char *label = gw_rec_attr_new (sec, "label");
      if (label)
        g_string_prepend (labels, label);
      g_free (label);
    }
  g_string_append (s, labels->str);
  g_string_free (labels, TRUE);
  return g_string_free (s, FALSE);
}

/* "regime-6 rule samplers". Caller frees. */
static char *
rules_tag_new (const gw_record *regime, xmlNodePtr rule)
{
  char *id = gw_rec_attr_new (rule, "id");
  char *tag = g_strdup_printf (_("%s rule %s"), regime->id ? regime->id : _("regime"),
                               id ? id : "?");
  g_free (id);
  return tag;
}

/* Adds `regime` to the run's regimes once. */
static void
rules_add_regime (rules_run *run, const gw_record *regime)
{
  for (guint i = 0; i < run->regimes->len; i++)
    if (g_ptr_array_index (run->regimes, i) == regime)
      return;
  g_ptr_array_add (run->regimes, (gpointer) regime);
}

/* The regime a reference names, added to the run's; reports when it was not found. */
static const gw_record *
rules_regime (rules_run *run, const gw_regime_ref *ref)
{
  const gw_record *g = ref->regime;
  if (!g)
    rules_error (run, ref->at,
                 _("regime '%s' not found or not valid (looked for %s.xml and %s-*.xml beside "
                   "the record, in the two directories above it and in the data directory's "
                   "xml/)"),
                 ref->id, ref->id, ref->id);
  else
    rules_add_regime (run, g);
  return g;
}

/* The ids of the run's regimes, comma-separated (caller frees). */
static char *
rules_regime_list_new (const rules_run *run)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < run->regimes->len; i++)
    {
      const gw_record *g = g_ptr_array_index (run->regimes, i);
      g_string_append_printf (s, "%s%s", i ? ", " : "", g->id ? g->id : "?");
    }
  if (!s->len)
    g_string_append (s, _("no regime"));
  return g_string_free (s, FALSE);
}

/* Enough inspectors: the min-inspectors rules of the run's regimes, and 2 in any case. */
static void
rules_check_inspectors (rules_run *run, xmlNodePtr root)
{
  xmlNodePtr list = rules_child (root, "inspectors");
  xmlNodePtr at = list ? list : root;
  int n = 0, certified = 0;
  RULES_EACH (i, list, "inspector")
  {
    n++;
    if (rules_child (i, "se-cert"))
      certified++;
  }
  gboolean covered = FALSE;
  for (guint k = 0; k < run->regimes->len; k++)
    {
      const gw_record *g = g_ptr_array_index (run->regimes, k);
      RULES_EACH (rule, rules_child (xmlDocGetRootElement (g->doc), "rules"), "min-inspectors")
      {
        gint64 need;
        char *count = gw_rec_attr_new (rule, "count");
        gboolean ok = rules_parse_int (count, &need);
        g_free (count);
        if (!ok)
          continue;
        covered = covered || need >= 2;
        char *cert = gw_rec_attr_new (rule, "certificate");
        int have = cert ? certified : n;
        if (have < need)
          {
            char *cite = rules_citation_new (g, rule);
            char *tag = rules_tag_new (g, rule);
            char *text = rules_text_new (rule);
            if (cert)
              rules_error (run, at,
                           have == 1
                             ? ngettext ("only %d of %d inspector holds a %s (se-cert), fewer "
                                         "than the %lld required by %s (%s: %s)",
                                         "only %d of %d inspectors holds a %s (se-cert), fewer "
                                         "than the %lld required by %s (%s: %s)", n)
                             : ngettext ("only %d of %d inspector hold a %s (se-cert), fewer "
                                         "than the %lld required by %s (%s: %s)",
                                         "only %d of %d inspectors hold a %s (se-cert), fewer "
                                         "than the %lld required by %s (%s: %s)", n),
                           have, n, cert, (long long) need, cite, tag, text);
            else
              rules_error (run, at,
                           ngettext ("%d inspector, fewer than the %lld required by %s (%s: %s)",
                                     "%d inspectors, fewer than the %lld required by %s (%s: %s)",
                                     n),
                           n, (long long) need, cite, tag, text);
            g_free (cite);
            g_free (tag);
            g_free (text);
          }
        g_free (cert);
      }
    }
  if (!covered && n < 2)
    rules_error (run, at, ngettext ("%d inspector: a %s needs at least 2 inspectors",
                                    "%d inspectors: a %s needs at least 2 inspectors", n),
                 n, run->rec->kind);
}

/* The decision's penalty lies within a fine range of its penalty rule. */
static void
rules_check_penalty (rules_run *run, xmlNodePtr decision)
{
  xmlNodePtr pen = rules_child (decision, "penalty");
  if (!pen)
    return;
  char *rule_id = gw_rec_attr_new (pen, "rule");
  char *amount_s = gw_rec_attr_new (pen, "amount-yuan");
  gint64 amount;
  const gw_record *g = NULL;
  xmlNodePtr rule = NULL;
  if (!rule_id || !rules_parse_int (amount_s, &amount))
    goto done; /* the schema reports it */
  rule = rules_find_in_regimes (run, "penalty", rule_id, &g);
  if (!rule)
    {
      char *list = rules_regime_list_new (run);
      rules_error (run, pen, _("penalty rule '%s' is not a penalty rule of the regimes this "
                               "case applies (%s)"), rule_id, list);
      g_free (list);
      goto done;
    }
  /* the party of a case is a unit: its fines count when the rule has any */
  gboolean has_unit = FALSE;
  RULES_EACH (f, rule, "fine")
  {
    char *t = gw_rec_attr_new (f, "target");
    has_unit = has_unit || (t && strcmp (t, "unit") == 0);
    g_free (t);
  }
  gboolean any_fine = FALSE, unbounded = FALSE, yuan = FALSE, inside = FALSE, other = FALSE;
  GString *ranges = g_string_new (NULL);
  RULES_EACH (f, rule, "fine")
  {
    char *t = gw_rec_attr_new (f, "target");
    gboolean counts = !has_unit || (t && strcmp (t, "unit") == 0);
    g_free (t);
    if (!counts)
      continue;
    any_fine = TRUE;
    xmlNodePtr range = rules_child (f, "range");
    char *max_s = gw_rec_attr_new (range, "max-yuan");
    char *min_s = gw_rec_attr_new (range, "min-yuan");
    gint64 max, min = 0;
    if (!range)
      unbounded = TRUE; /* the text gives no amount */
    else if (rules_parse_int (max_s, &max) && (!min_s || rules_parse_int (min_s, &min)))
      {
        yuan = TRUE;
        inside = inside || (amount >= min && amount <= max);
        g_string_append_printf (ranges, "%s%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                ranges->len ? " or " : "", min, max);
      }
    else
      other = TRUE; /* a share of illegal gains or a multiple of the goods' value */
    g_free (max_s);
    g_free (min_s);
  }
  char *cite = rules_citation_new (g, rule);
  char *tag = rules_tag_new (g, rule);
  if (!any_fine)
    rules_error (run, pen, _("penalty %lld yuan, but %s provides no fine (%s)"),
                 (long long) amount, cite, tag);
  else if (yuan && !inside && !unbounded)
    rules_error (run, pen, _("penalty %lld yuan is outside %s range %s yuan (%s)"),
                 (long long) amount, cite, ranges->str, tag);
  else if (!yuan && other && !unbounded)
    gw_diag_warn (run->ctx->diag, run->rec->path, xmlGetLineNo (pen),
                  _("penalty %lld yuan not checked: the fine of %s is a share of "
                    "illegal gains or a multiple of the goods' value (%s)"),
                  (long long) amount, cite, tag);
  g_free (cite);
  g_free (tag);
  g_string_free (ranges, TRUE);
done:
  g_free (rule_id);
  g_free (amount_s);
}

/* A date derived from a regime deadline (objection-by, rectify-by) equals the counted date;
 * reinspect-within has the deadline's days. */
static void
rules_check_derived (rules_run *run, xmlNodePtr el, xmlNodePtr dates)
{
  char *dl = gw_rec_attr_new (el, "deadline");
  char *from = gw_rec_attr_new (el, "from");
  const char *what = (const char *) el->name;
  const gw_record *g = NULL;
  xmlNodePtr rule = dl ? rules_find_in_regimes (run, "deadline", dl, &g) : NULL;
  gint64 days;
  char *days_s = rule ? gw_rec_attr_new (rule, "days") : NULL;
  if (!dl)
    goto done;
  if (!rule)
    {
      char *list = rules_regime_list_new (run);
      rules_error (run, el, _("<%s>: deadline '%s' is not a deadline rule of the regimes this "
                              "case applies (%s)"), what, dl, list);
      g_free (list);
      goto done;
    }
  if (!rules_parse_int (days_s, &days))
    goto done;
  char *cite = rules_citation_new (g, rule);
  char *tag = rules_tag_new (g, rule);
  char *own_days = gw_rec_attr_new (el, "days");
  gint64 own;
  if (own_days && rules_parse_int (own_days, &own) && own != days)
    rules_error (run, el, _("<%s> %lld days, but %s gives %lld days (%s)"), what,
                 (long long) own, cite, (long long) days, tag);
  if (from && !own_days)
    {
      xmlNodePtr base = rules_child (dates, from);
      char *value = rules_text_new (el);
      char *base_s = rules_text_new (base);
      GDate d0, d1;
      if (!base)
        rules_error (run, el, _("<%s> is counted from <%s>, but <dates> has no <%s> (%s, %s)"),
                     what, from, from, cite, tag);
      else if (gw_isodate_parse (base_s, &d0) && gw_isodate_parse (value, &d1))
        {
          GDate want = d0;
          char buf[11];
          if (gw_isodate_add_days (&want, days) && g_date_compare (&want, &d1) != 0)
            rules_error (run, el,
                         _("<%s> %s should be %s: <%s> %s + %lld days under %s (%s)"),
                         what, value, gw_isodate_format (&want, buf), from, base_s,
                         (long long) days, cite,
                         tag);
        }
      g_free (value);
      g_free (base_s);
    }
  g_free (own_days);
  g_free (cite);
  g_free (tag);
done:
  g_free (days_s);
  g_free (dl);
  g_free (from);
}

/* rectify-by is not before the issue date. */
static void
rules_check_rectify_after_issue (rules_run *run, xmlNodePtr root, xmlNodePtr decision)
{
  xmlNodePtr by = rules_child (decision, "rectify-by");
  char *issued = gw_rec_attr_new (rules_child (root, "issued"), "date");
  char *value = rules_text_new (by);
  GDate a, b;
  if (by && gw_isodate_parse (value, &a) && gw_isodate_parse (issued, &b)
      && g_date_compare (&a, &b) < 0)
    rules_error (run, by, _("<rectify-by> %s is before the issue date %s"), value, issued);
  g_free (issued);
  g_free (value);
}

/* TRUE when `id` is a section of one of the run's regimes. */
static gboolean
rules_clause_known (rules_run *run, const char *id)
{
  for (guint i = 0; i < run->regimes->len; i++)
    {
      const gw_record *g = g_ptr_array_index (run->regimes, i);
      if (rules_find_section (xmlDocGetRootElement (g->doc), id))
        return TRUE;
    }
  return FALSE;
}

/* Reports `attr` of `el` that names no section of the run's regimes. */
static void
rules_check_clause (rules_run *run, xmlNodePtr el, const char *attr)
{
  char *clause = gw_rec_attr_new (el, attr);
  if (clause && run->regimes->len && !rules_clause_known (run, clause))
    {
      char *list = rules_regime_list_new (run);
      rules_error (run, el, _("<%s %s=\"%s\">: no section '%s' in %s"), (const char *) el->name,
                   attr, clause, clause, list);
      g_free (list);
    }
  g_free (clause);
}

/* TRUE when some `name` child of `parent` has @id `id`. */
static gboolean
rules_has_id (xmlNodePtr parent, const char *name, const char *id)
{
  RULES_EACH (c, parent, name)
  {
    xmlChar *cid = xmlGetNoNsProp (c, (const xmlChar *) "id");
    gboolean same = cid && strcmp ((const char *) cid, id) == 0;
    xmlFree (cid);
    if (same)
      return TRUE;
  }
  return FALSE;
}

/* The rules of a case. */
static void
rules_case (rules_run *run, xmlNodePtr root)
{
  for (guint i = 0; i < run->refs->len; i++) /* a case names its regimes in <applies> */
    {
      const gw_regime_ref *ref = &g_array_index (run->refs, gw_regime_ref, i);
      if (ref->at == root)
        continue;
      char *rule_id = gw_rec_attr_new (ref->at, "rule");
      const gw_record *g = rules_regime (run, ref);
      if (g && rule_id && !rules_find_rule (g, NULL, rule_id))
        rules_error (run, ref->at, _("<applies>: %s has no rule '%s'"), ref->id, rule_id);
      g_free (rule_id);
    }
  rules_check_inspectors (run, root);
  xmlNodePtr decision = rules_child (root, "decision");
  xmlNodePtr dates = rules_child (root, "dates");
  RULES_EACH (el, decision, NULL)
  if (rules_is (el, "objection-by") || rules_is (el, "rectify-by")
      || rules_is (el, "reinspect-within"))
    rules_check_derived (run, el, dates);
  rules_check_penalty (run, decision);
  rules_check_rectify_after_issue (run, root, decision);
  RULES_EACH (p, rules_child (root, "findings"), "problem")
  {
    char *eq = gw_rec_attr_new (p, "equipment");
    if (eq && !rules_has_id (root, "equipment", eq))
      rules_error (run, p, _("<problem equipment=\"%s\">: no <equipment id=\"%s\"> in this case"),
                   eq, eq);
    g_free (eq);
    rules_check_clause (run, p, "clause");
  }
}

/* The rules of an inspection record. */
static void
rules_inspection (rules_run *run, xmlNodePtr root)
{
  for (guint i = 0; i < run->refs->len; i++) /* an inspection names its regime on the root */
    if (g_array_index (run->refs, gw_regime_ref, i).at == root)
      rules_regime (run, &g_array_index (run->refs, gw_regime_ref, i));
  rules_check_inspectors (run, root);
  xmlNodePtr checks = rules_child (root, "checks");
  RULES_EACH (c, checks, "check")
  rules_check_clause (run, c, "clause");
  RULES_EACH (p, rules_child (root, "problems"), "problem")
  {
    char *check = gw_rec_attr_new (p, "check");
    if (check && !rules_has_id (checks, "check", check))
      rules_error (run, p, _("<problem check=\"%s\">: no <check id=\"%s\"> in <checks>"), check,
                   check);
    g_free (check);
  }
}

/* Which kinds have rules. */
static const struct {
  const char *kind;
  void (*check) (rules_run *run, xmlNodePtr root);
} rules_table[] = {
  { "case", rules_case },
  { "inspection", rules_inspection },
};

/* Runs the rules of the record's kind. */
gboolean
gw_rules_check (gw_ctx *ctx, gw_record_cache *regimes, const gw_record *rec)
{
  rules_run run = { ctx, rec, NULL, g_ptr_array_new (), 0 };
  for (size_t i = 0; i < G_N_ELEMENTS (rules_table); i++)
    if (strcmp (rec->kind, rules_table[i].kind) == 0)
      {
        if (!run.refs)
          run.refs = gw_record_regimes (ctx, regimes, rec);
        rules_table[i].check (&run, xmlDocGetRootElement (rec->doc));
      }
  g_ptr_array_free (run.regimes, TRUE);
  if (run.refs)
    g_array_unref (run.refs);
  return run.errors == 0;
}
