/* transform.c — libxslt set-up, security preferences, limits and error reporting (see
 * transform.h).
 *
 * Error reporting: libxslt reports an error as two printf-style calls — a context line
 * ("runtime error: file F line N element E") and then the message — while libxml2 reports
 * XPath problems separately through the structured handler. A tf_job collects these pieces
 * and sends one "F:N: element <E>: message (detail)" report per error into ctx->diag. */
#include "base/i18n.h"
#include "transform/transform.h"
#include "transform/ext.h"
#include "base/xmlload.h"

#include <libexslt/exslt.h>
#include <libxml/uri.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extra.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <stdarg.h>
#include <string.h>

/* One compilation or transformation in progress: where its messages go. */
typedef struct tf_job {
  /* borrowed */
  gw_ctx *ctx;
  /* owned */
  char *style_name;   /* the main stylesheet as shown in messages */
  char *style_url;    /* its canonical path (doc->URL) */
  char *style_dir;    /* its directory: xsl:import/include may read below it */
  char *pend_file;    /* location from libxslt's context line, for the next message */
  long pend_line;
  char *pend_elem;
  GString *detail;    /* XPath error or refusal reason waiting for the next message */
  char *refused;      /* what a reported refusal named: drop libxslt's echoes of it */
  /* values */
  gboolean compiling;
  gboolean have_context; /* a context line preceded the message being handled */
  gboolean stopped;   /* stopped at a limit: drop libxslt's debug dump that follows */
  gboolean out_of_memory; /* reported once */
  unsigned errors;
  xsltTransformContextPtr tctxt; /* borrowed: the transformation running (NULL while
                                    compiling): its current instruction locates xsl:message */
  xmlGenericErrorFunc saved_generic; /* libxml2's generic handler before the job */
  void *saved_generic_ctx;
} tf_job;

static void tf_mark_lines (xsltStylesheetPtr style, xmlDocPtr result);

/* The documents a stylesheet reads with document(), kept parsed for the next
 * transformations with the same stylesheet (hung on style->_private; gw_transform_free
 * frees it). A batch makes thousands of documents with a handful of stylesheets that all
 * read the same few regime records: parsing one again for every document cost more than
 * the rest of the transformation. libxslt frees what its loader returns with the
 * transformation, so gw_transform_apply marks the cached ones as not its to free. Keyed
 * per stylesheet: libxslt strips white space in a loaded document in place, following
 * that stylesheet's xsl:strip-space. */
typedef struct tf_docs {
  /* owned */
  GHashTable *by_path; /* canonical path → xmlDocPtr (parsed without the transformation's
                          dictionary, which dies with it) */
  /* values */
  GMutex lock;
} tf_docs;

#define TF_DOCS_MAX 64 /* documents kept per stylesheet; more are parsed every time */

/* The compilation running on this thread, for the document loader (a guard pointer set
 * around xsltParseStylesheetDoc, not a setting). */
static _Thread_local tf_job *tf_compile_job;
/* Serialises compilations: libxslt's generic error handler is process-wide. */
static GMutex tf_compile_lock;

static void tf_job_hook (tf_job *job);
static gboolean tf_check_writers (tf_job *job, xmlDocPtr doc);

/* Elements that write files; refused before a stylesheet is ever run. */
static const struct {
  const char *ns;
  const char *name;
} tf_writer_elements[] = {
  { "http://exslt.org/common", "document" },
  { "http://www.w3.org/1999/XSL/Transform", "document" },
  { "http://icl.com/saxon", "output" },
  { "org.apache.xalan.xslt.extensions.Redirect", "write" },
  { "http://www.jclark.com/xt", "document" },
};

/* Shows a URL or path relative to the working directory when it lies below it. */
static const char *
tf_display (const tf_job *job, const char *url)
{
  if (!url)
    return job->style_name;
  if (g_str_has_prefix (url, "file://"))
    url += 7;
  const char *cwd = job->ctx->cwd;
  size_t n = cwd ? strlen (cwd) : 0;
  if (n && strncmp (url, cwd, n) == 0 && url[n] == '/')
    return url + n + 1;
  if (job->style_url && job->style_name && strcmp (url, job->style_url) == 0)
    return job->style_name;
  return url;
}

/* Sets up a job for the stylesheet `style_url` (canonical) named `style_name`. */
static void
tf_job_init (tf_job *job, gw_ctx *ctx, const char *style_name, const char *style_url,
             gboolean compiling)
{
  memset (job, 0, sizeof *job);
  job->ctx = ctx;
  job->style_url = g_strdup (style_url ? style_url : style_name);
  job->style_dir = g_path_get_dirname (job->style_url);
  job->style_name = g_strdup (style_name ? style_name : tf_display (job, job->style_url));
  job->detail = g_string_new (NULL);
  job->compiling = compiling;
  job->saved_generic = xmlGenericError;
  job->saved_generic_ctx = xmlGenericErrorContext;
}

/* Forgets the pending location. */
static void
tf_job_clear_pending (tf_job *job)
{
  g_clear_pointer (&job->pend_file, g_free);
  g_clear_pointer (&job->pend_elem, g_free);
  job->pend_line = 0;
  job->have_context = FALSE;
}

/* Rewrites libxslt's wording of limit errors into gongwen's. Returns a new string. */
static char *
tf_rewrite_message (const tf_job *job, const char *msg)
{
  if (strstr (msg, "infinite template recursion"))
    return g_strdup_printf ("template recursion deeper than %u levels (infinite recursion?); "
                            "the stylesheet was stopped",
                            job->ctx->limits.max_xslt_depth);
  if (strstr (msg, "Operation limit exceeded"))
    return g_strdup_printf ("the stylesheet ran too long (more than %lu XSLT instructions) "
                            "and was stopped",
                            GW_XSLT_OP_LIMIT);
  /* "xsltStylePreCompute: unknown xsl:valueof" → "unknown xsl:valueof" */
  if (g_str_has_prefix (msg, "xslt") || g_str_has_prefix (msg, "xmlXPath"))
    {
      size_t id = strspn (msg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
      if (msg[id] == ':' && msg[id + 1] == ' ')
        msg += id + 2;
      else if (msg[id] == ' ' && msg[id + 1] == ':' && msg[id + 2] == ' ')
        msg += id + 3;
    }
  char *s = g_strdup (msg);
  for (char *p = s; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  return s;
}

/* TRUE for libxslt's own follow-up messages after a refusal we reported. */
static gboolean
tf_is_refusal_echo (const tf_job *job, const char *msg)
{
  return job->refused && strstr (msg, job->refused)
         && (strstr (msg, " refused") || strstr (msg, "rights for")
             || strstr (msg, "failed to load") || strstr (msg, "unable to load"));
}

/* Remembers that a refusal naming `what` was reported. */
static void
tf_set_refused (tf_job *job, const char *what)
{
  g_free (job->refused);
  job->refused = g_strdup (what ? what : "");
}

/* Sends one complete message into the funnel with the pending location and detail. */
static void
tf_emit (tf_job *job, gw_level level, const char *msg)
{
  if (tf_is_refusal_echo (job, msg))
    {
      tf_job_clear_pending (job);
      return;
    }
  if (strstr (msg, "infinite template recursion") || strstr (msg, "Operation limit exceeded"))
    job->stopped = TRUE;
  char *text = tf_rewrite_message (job, msg);
  g_strstrip (text);
  GString *s = g_string_new (NULL);
  if (job->pend_elem && level != GW_LEVEL_NOTE)
    g_string_append_printf (s, "element <%s>: ", job->pend_elem);
  g_string_append (s, text);
  if (job->detail->len)
    {
      g_string_append_printf (s, " (%s)", job->detail->str);
      g_string_truncate (job->detail, 0);
    }
  const char *file = job->pend_file ? tf_display (job, job->pend_file) : job->style_name;
  gw_diag_report (job->ctx->diag, level, file, job->pend_line, "%s", s->str);
  if (level == GW_LEVEL_ERROR)
    job->errors++;
  g_string_free (s, TRUE);
  g_free (text);
  tf_job_clear_pending (job);
}

/* Recognises libxslt's context line; stores the location and returns TRUE. */
static gboolean
tf_take_context (tf_job *job, const char *msg)
{
  static const char *const kinds[] = { "runtime error", "compilation error",
                                       "compilation warning", "error" };
  const char *rest = NULL;
  for (size_t i = 0; i < G_N_ELEMENTS (kinds) && !rest; i++)
    if (g_str_has_prefix (msg, kinds[i]))
      rest = msg + strlen (kinds[i]);
  if (!rest || (*rest && !g_str_has_prefix (rest, ": ")))
    return FALSE;
  char *s = g_strdup (*rest ? rest + 2 : "");
  char *elem = NULL, *file = NULL;
  long line = 0;
  char *p = g_strrstr (s, " element ");
  if (p && !strchr (p + 9, ' '))
    {
      elem = g_strdup (p + 9);
      *p = '\0';
    }
  else if (g_str_has_prefix (s, "element ") && !strchr (s + 8, ' '))
    {
      elem = g_strdup (s + 8);
      *s = '\0';
    }
  p = g_strrstr (s, " line ");
  if (p && p[6] && strspn (p + 6, "0123456789") == strlen (p + 6))
    {
      line = strtol (p + 6, NULL, 10);
      *p = '\0';
    }
  gboolean ok = TRUE;
  if (g_str_has_prefix (s, "file "))
    file = g_strdup (s + 5);
  else if (*s)
    ok = FALSE; /* not a context line after all */
  g_free (s);
  if (!ok)
    {
      g_free (elem);
      g_free (file);
      return FALSE;
    }
  tf_job_clear_pending (job);
  job->pend_file = file;
  job->pend_elem = elem;
  job->pend_line = line;
  job->have_context = TRUE;
  return TRUE;
}

/* libxslt message handler (generic during compilation, per context at run time). */
static void
tf_on_xslt_message (void *data, const char *fmt, ...)
{
  tf_job *job = data;
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_strstrip (msg);
  if (*msg && !tf_take_context (job, msg))
    {
      gw_level level = GW_LEVEL_ERROR;
      if (!job->compiling && !job->have_context)
        {
          level = GW_LEVEL_NOTE; /* xsl:message output: at the xsl:message element */
          xmlNodePtr inst = job->tctxt ? job->tctxt->inst : NULL;
          if (inst && inst->doc && inst->doc->URL)
            {
              g_free (job->pend_file);
              job->pend_file = g_strdup ((const char *) inst->doc->URL);
              job->pend_line = xmlGetLineNo (inst);
            }
        }
      else if (g_ascii_strncasecmp (msg, "warning", 7) == 0)
        level = GW_LEVEL_WARNING;
      tf_emit (job, level, msg);
    }
  g_free (msg);
}

/* libxslt's process-wide generic handler while a transformation runs: the same as
 * tf_on_xslt_message, except that the debug dump libxslt prints after stopping at the
 * recursion limit is dropped. */
static void
tf_on_xslt_generic (void *data, const char *fmt, ...)
{
  tf_job *job = data;
  if (job->stopped)
    return;
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  tf_on_xslt_message (job, "%s", msg);
  g_free (msg);
}

/* libxml2 generic (unstructured) messages while a job runs, e.g. "xmlXPathCompOpEval:
 * function foo not found": kept as the detail of the next libxslt message. */
static void
tf_on_xml_generic (void *data, const char *fmt, ...)
{
  tf_job *job = data;
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  char *text = tf_rewrite_message (job, g_strstrip (msg));
  g_strstrip (text);
  if (*text)
    {
      if (job->detail->len)
        g_string_append (job->detail, "; ");
      g_string_append_printf (job->detail, "XPath: %s", text);
    }
  g_free (text);
  g_free (msg);
}

/* libxml2 structured error handler while a job runs: XPath errors become the detail of the
 * next libxslt message; others go straight into the funnel. */
static void
tf_on_xml_error (void *data, const xmlError *err)
{
  tf_job *job = data;
  if (!err || err->level == XML_ERR_NONE)
    return;
  char *msg = g_strstrip (g_strdup (err->message ? err->message : "XML error"));
  if (err->domain == XML_FROM_XPATH)
    {
      if (job->detail->len)
        g_string_append (job->detail, "; ");
      if (err->code == XML_XPATH_EXPRESSION_OK + XPATH_OP_LIMIT_EXCEEDED)
        g_string_append_printf (job->detail, "more than %lu XPath operations", GW_XPATH_OP_LIMIT);
      else if (err->str1)
        g_string_append_printf (job->detail, "XPath: %s in '%s'", msg, err->str1);
      else
        g_string_append_printf (job->detail, "XPath: %s", msg);
    }
  else if (err->code == XML_ERR_NO_MEMORY)
    {
      /* said once per job, with what to do about it (libxml2 repeats it at every level) */
      unsigned mb = job->ctx->limits.max_memory_mb;
      if (job->out_of_memory)
        ;
      else if (mb)
        gw_diag_error (job->ctx->diag, job->style_name, 0, _("ran out of memory (a gongwen "
                       "process may use %u MB; GONGWEN_MAX_MEMORY sets the limit, 0 = none)"), mb);
      else
        gw_diag_error (job->ctx->diag, job->style_name, 0, _("ran out of memory"));
      job->out_of_memory = TRUE;
      job->errors++;
    }
  else
    {
      gw_level level = err->level == XML_ERR_WARNING ? GW_LEVEL_WARNING : GW_LEVEL_ERROR;
      gw_diag_report (job->ctx->diag, level, err->file ? tf_display (job, err->file) : NULL,
                      err->line, "%s", msg);
      if (level == GW_LEVEL_ERROR)
        job->errors++;
    }
  g_free (msg);
}

/* Installs the job's handlers on this thread (again after gw_xml_read_file reset them). */
static void
tf_job_hook (tf_job *job)
{
  xmlSetStructuredErrorFunc (job, (xmlStructuredErrorFunc) tf_on_xml_error);
  xmlSetGenericErrorFunc (job, tf_on_xml_generic);
  xsltSetGenericErrorFunc (job, job->compiling ? tf_on_xslt_message : tf_on_xslt_generic);
}

/* Reports what is still pending, restores the context's handlers, frees the job. */
static void
tf_job_finish (tf_job *job)
{
  if (job->detail->len)
    {
      gw_diag_error (job->ctx->diag, job->style_name, 0, "%s", job->detail->str);
      job->errors++;
    }
  gw_diag_hook_xml (job->ctx->diag);
  xmlSetGenericErrorFunc (job->saved_generic_ctx, job->saved_generic);
  tf_job_clear_pending (job);
  g_string_free (job->detail, TRUE);
  g_free (job->refused);
  g_free (job->style_name);
  g_free (job->style_url);
  g_free (job->style_dir);
}

/* Turns a URI from libxslt into a local path (caller frees), or NULL for another scheme. */
static char *
tf_uri_to_path (const char *uri)
{
  if (!uri)
    return NULL;
  if (g_str_has_prefix (uri, "file://"))
    return g_filename_from_uri (uri, NULL, NULL);
  if (strstr (uri, "://") || g_str_has_prefix (uri, "file:"))
    return NULL;
  xmlURIPtr parsed = xmlParseURI (uri);
  char *path = NULL;
  if (parsed && !parsed->scheme && parsed->path)
    path = g_strdup (parsed->path);
  else if (!parsed)
    path = g_strdup (uri);
  xmlFreeURI (parsed);
  return path;
}

/* TRUE when `path` (made canonical) lies under directory `dir`. */
static gboolean
tf_under (const char *dir, const char *path)
{
  char *abs = g_canonicalize_filename (path, NULL);
  size_t n = strlen (dir);
  gboolean ok = strncmp (abs, dir, n) == 0 && abs[n] == '/';
  g_free (abs);
  return ok;
}

/* The document at `path` (asked for as `uri`) for a transformation with `style`: from the
 * stylesheet's cache, or parsed (and kept while the cache has room, with `uri` as its URL:
 * see tf_docs_preload). NULL after reporting. */
static xmlDocPtr
tf_docs_get (xsltStylesheetPtr style, tf_job *job, const char *path, const xmlChar *uri)
{
  tf_docs *docs = style->_private;
  if (!docs)
    {
      static GMutex create_lock;
      g_mutex_lock (&create_lock);
      if (!(docs = style->_private))
        {
          docs = g_new0 (tf_docs, 1);
          docs->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) xmlFreeDoc);
          g_mutex_init (&docs->lock);
          style->_private = docs;
        }
      g_mutex_unlock (&create_lock);
    }
  char *key = g_canonicalize_filename (path, job->ctx->cwd);
  g_mutex_lock (&docs->lock);
  xmlDocPtr doc = g_hash_table_lookup (docs->by_path, key);
  if (!doc)
    {
      doc = gw_xml_read_file (job->ctx, path);
      tf_job_hook (job);
      if (doc && g_hash_table_size (docs->by_path) < TF_DOCS_MAX)
        {
          xmlFree ((xmlChar *) doc->URL);
          doc->URL = xmlStrdup (uri);
          g_hash_table_insert (docs->by_path, key, doc);
          key = NULL;
        }
    }
  g_mutex_unlock (&docs->lock);
  g_free (key);
  return doc;
}

/* TRUE when a cache entry holds `doc` (g_hash_table_find). */
static gboolean
tf_docs_holds (gpointer path, gpointer cached, gpointer doc)
{
  (void) path;
  return cached == doc;
}

/* Marks the cached documents among those a transformation loaded as not libxslt's to free
 * (xsltFreeTransformContext frees every loaded document not marked main). */
static void
tf_docs_keep (xsltTransformContextPtr tctxt)
{
  tf_docs *docs = tctxt->style ? tctxt->style->_private : NULL;
  if (!docs)
    return;
  g_mutex_lock (&docs->lock);
  for (xsltDocumentPtr d = tctxt->docList; d; d = d->next)
    if (d->doc && g_hash_table_find (docs->by_path, tf_docs_holds, d->doc))
      d->main = 1;
  g_mutex_unlock (&docs->lock);
}

/* Puts the stylesheet's cached documents into the transformation's document list (marked
 * not libxslt's to free). document() then finds them there by their URL, the URI they were
 * first asked for: libxslt checks the security preferences (tf_refuse), then its list, and
 * only for a document not in it calls the loader and walks the whole document again for
 * xsl:strip-space — already applied to a cached one. */
static void
tf_docs_preload (xsltTransformContextPtr tctxt)
{
  tf_docs *docs = tctxt->style ? tctxt->style->_private : NULL;
  if (!docs)
    return;
  g_mutex_lock (&docs->lock);
  GHashTableIter it;
  gpointer path, doc;
  g_hash_table_iter_init (&it, docs->by_path);
  while (g_hash_table_iter_next (&it, &path, &doc))
    {
      xsltDocumentPtr d = xsltNewDocument (tctxt, doc);
      if (d)
        d->main = 1;
    }
  g_mutex_unlock (&docs->lock);
}

/* Frees a stylesheet and its cached documents. */
void
gw_transform_free (xsltStylesheetPtr style)
{
  if (!style)
    return;
  tf_docs *docs = style->_private;
  if (docs)
    {
      g_hash_table_destroy (docs->by_path);
      g_mutex_clear (&docs->lock);
      g_free (docs);
      style->_private = NULL;
    }
  xsltFreeStylesheet (style);
}

/* Document loader for xsl:import/include and document(): local files under the allowed
 * roots (or, for imports, below the main stylesheet), parsed through gw_xml_read_file. */
static xmlDocPtr
tf_loader (const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
  (void) options;
  tf_job *job = type == XSLT_LOAD_DOCUMENT && ctxt
                  ? ((xsltTransformContextPtr) ctxt)->_private
                  : tf_compile_job;
  if (!job)
    return NULL;
  char *path = tf_uri_to_path ((const char *) uri);
  gboolean allowed = path && (gw_ctx_path_allowed (job->ctx, path)
                              || (type != XSLT_LOAD_DOCUMENT && tf_under (job->style_dir, path))
                              || strcmp (path, job->style_url) == 0);
  if (!allowed)
    {
      g_string_truncate (job->detail, 0);
      g_string_append_printf (job->detail, "refused: stylesheet %s may not read '%s': %s",
                              job->style_name, (const char *) uri,
                              path ? "outside the allowed directories"
                                   : "stylesheets may not use the network");
      g_free (path);
      return NULL;
    }
  if (type == XSLT_LOAD_DOCUMENT)
    {
      xmlDocPtr doc = tf_docs_get (((xsltTransformContextPtr) ctxt)->style, job, path, uri);
      g_free (path);
      return doc;
    }
  xmlDocPtr doc = gw_xml_read_file_dict (job->ctx, path, dict);
  tf_job_hook (job);
  g_free (path);
  if (doc && type != XSLT_LOAD_DOCUMENT && !tf_check_writers (job, doc))
    {
      xmlFreeDoc (doc);
      tf_set_refused (job, (const char *) uri);
      return NULL;
    }
  return doc;
}

/* Reports a security refusal at the running instruction; libxslt's echoes are dropped. */
static int
tf_refuse (xsltTransformContextPtr tctxt, const char *what, const char *value)
{
  tf_job *job = tctxt ? tctxt->_private : NULL;
  if (!job)
    return 0;
  xmlNodePtr inst = tctxt->inst;
  const char *file = inst && inst->doc ? tf_display (job, (const char *) inst->doc->URL)
                                       : job->style_name;
  long line = inst ? xmlGetLineNo (inst) : 0;
  gw_diag_error (job->ctx->diag, file, line, _("refused: stylesheet %s %s '%s'"), job->style_name,
                 what, value ? value : "");
  job->errors++;
  tf_set_refused (job, value);
  return 0;
}

/* Security check: writing files is never allowed. */
static int
tf_sec_write_file (xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt, const char *value)
{
  (void) sec;
  return tf_refuse (tctxt, "may not write files (exsl:document or similar) — tried", value);
}

/* Security check: creating directories is never allowed. */
static int
tf_sec_create_dir (xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt, const char *value)
{
  (void) sec;
  return tf_refuse (tctxt, "may not create directories — tried", value);
}

/* Security check: network access is never allowed. */
static int
tf_sec_network (xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt, const char *value)
{
  (void) sec;
  return tf_refuse (tctxt, "may not use the network — tried to access", value);
}

/* Security check: reading a local file only under the allowed roots (or the stylesheet). */
static int
tf_sec_read_file (xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt, const char *value)
{
  (void) sec;
  tf_job *job = tctxt ? tctxt->_private : NULL;
  if (job && value
      && (gw_ctx_path_allowed (job->ctx, value) || strcmp (value, job->style_url) == 0))
    return 1;
  return tf_refuse (tctxt, "may not read files outside the allowed directories — tried", value);
}

/* Initialises libxslt once. */
void
gw_transform_init (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      xmlInitParser ();
      xsltInit ();
      exsltRegisterAll ();
      gw_ext_register_dates ();
      gw_ext_register_numerals ();
      gw_ext_register_amounts ();
      xsltSetLoaderFunc (tf_loader);
      g_once_init_leave (&once, 1);
    }
}

/* Refuses stylesheets containing elements that write files. TRUE when none is found. */
static gboolean
tf_check_writers (tf_job *job, xmlDocPtr doc)
{
  gboolean ok = TRUE;
  xmlNodePtr n = xmlDocGetRootElement (doc);
  while (n)
    {
      if (n->type == XML_ELEMENT_NODE && n->ns && n->ns->href)
        for (size_t i = 0; i < G_N_ELEMENTS (tf_writer_elements); i++)
          if (!strcmp ((const char *) n->ns->href, tf_writer_elements[i].ns)
              && !strcmp ((const char *) n->name, tf_writer_elements[i].name))
            {
              const char *file = tf_display (job, (const char *) doc->URL);
              gw_diag_error (job->ctx->diag, file, xmlGetLineNo (n),
                             _("refused: stylesheet %s uses <%s%s%s>, which writes files; "
                             "stylesheets may not write files"),
                             file, n->ns->prefix ? (const char *) n->ns->prefix : "",
                             n->ns->prefix ? ":" : "", (const char *) n->name);
              ok = FALSE;
            }
      n = gw_xml_next (n);
    }
  return ok;
}

/* Parses and compiles a stylesheet. */
xsltStylesheetPtr
gw_transform_load (gw_ctx *ctx, const char *xsl_path)
{
  gw_transform_init ();
  xmlDocPtr doc = gw_xml_read_file (ctx, xsl_path);
  if (!doc)
    return NULL;
  tf_job job;
  tf_job_init (&job, ctx, xsl_path, (const char *) doc->URL, TRUE);
  if (!tf_check_writers (&job, doc))
    {
      xmlFreeDoc (doc);
      tf_job_finish (&job);
      return NULL;
    }
  g_mutex_lock (&tf_compile_lock);
  tf_compile_job = &job;
  tf_job_hook (&job);
  gw_xml_guard (ctx);
  xsltStylesheetPtr style = xsltParseStylesheetDoc (doc);
  if (style && (style->errors > 0 || job.errors > 0))
    {
      xsltFreeStylesheet (style); /* frees doc too */
      style = NULL;
    }
  else if (!style)
    xmlFreeDoc (doc);
  tf_compile_job = NULL;
  tf_job_finish (&job);
  g_mutex_unlock (&tf_compile_lock);
  if (!style && job.errors == 0)
    gw_diag_error (ctx->diag, xsl_path, 0, _("not a usable XSLT stylesheet"));
  return style;
}

/* Creates the security preferences of one transformation. Caller frees. */
static xsltSecurityPrefsPtr
tf_security_new (void)
{
  xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs ();
  xsltSetSecurityPrefs (sec, XSLT_SECPREF_WRITE_FILE, tf_sec_write_file);
  xsltSetSecurityPrefs (sec, XSLT_SECPREF_CREATE_DIRECTORY, tf_sec_create_dir);
  xsltSetSecurityPrefs (sec, XSLT_SECPREF_WRITE_NETWORK, tf_sec_network);
  xsltSetSecurityPrefs (sec, XSLT_SECPREF_READ_NETWORK, tf_sec_network);
  xsltSetSecurityPrefs (sec, XSLT_SECPREF_READ_FILE, tf_sec_read_file);
  return sec;
}

/* TRUE when the stylesheet (or one it imports) strips whitespace from the source, which
 * libxslt does in place. */
static gboolean
tf_strips_space (xsltStylesheetPtr style)
{
  for (xsltStylesheetPtr s = style; s; s = xsltNextImport (s))
    if (s->stripSpaces || s->stripAll)
      return TRUE;
  return FALSE;
}

/* Applies a stylesheet under the context's security preferences and limits. */
xmlDocPtr
gw_transform_apply (gw_ctx *ctx, xsltStylesheetPtr style, xmlDocPtr doc,
                    const char *const *params, gboolean edit_doc)
{
  gw_transform_init ();
  const char *url = style->doc && style->doc->URL ? (const char *) style->doc->URL : "stylesheet";
  tf_job job;
  tf_job_init (&job, ctx, NULL, url, FALSE);
  unsigned errors_before = gw_diag_error_count (ctx->diag);
  /* the caller's document stays untouched unless given up: xsl:strip-space edits in place */
  xmlDocPtr copy = !edit_doc && tf_strips_space (style) ? xmlCopyDoc (doc, 1) : NULL;
  if (copy)
    doc = copy;
  xsltTransformContextPtr tctxt = xsltNewTransformContext (style, doc);
  xsltSecurityPrefsPtr sec = tf_security_new ();
  xmlDocPtr result = NULL;
  if (!tctxt || !sec || xsltSetCtxtSecurityPrefs (sec, tctxt) != 0)
    {
      gw_diag_error (ctx->diag, job.style_name, 0, _("cannot set up the transformation"));
      goto done;
    }
  tctxt->_private = &job;
  job.tctxt = tctxt;
  tf_docs_preload (tctxt);
  xsltSetTransformErrorFunc (tctxt, &job, tf_on_xslt_message);
  tctxt->maxTemplateDepth = (int) MIN (ctx->limits.max_xslt_depth, (unsigned) G_MAXINT);
  tctxt->opLimit = GW_XSLT_OP_LIMIT;
  if (tctxt->xpathCtxt)
    tctxt->xpathCtxt->opLimit = GW_XPATH_OP_LIMIT;
  if (params && xsltQuoteUserParams (tctxt, (const char **) params) != 0)
    {
      gw_diag_error (ctx->diag, job.style_name, 0, _("invalid stylesheet parameters"));
      goto done;
    }
  tf_job_hook (&job);
  gw_xml_guard (ctx);
  result = xsltApplyStylesheetUser (style, doc, NULL, NULL, NULL, tctxt);
  if (tctxt->state != XSLT_STATE_OK && job.errors == 0)
    gw_diag_error (ctx->diag, job.style_name, 0, _("the transformation was stopped%s"),
                   tctxt->state == XSLT_STATE_STOPPED ? " (xsl:message terminate=\"yes\"?)" : "");
done:;
  char *style_name = g_strdup (job.style_name);
  tf_job_finish (&job);
  if (result && (!tctxt || tctxt->state != XSLT_STATE_OK
                 || gw_diag_error_count (ctx->diag) > errors_before))
    {
      xmlFreeDoc (result);
      result = NULL;
    }
  else if (!result && gw_diag_error_count (ctx->diag) == errors_before)
    gw_diag_error (ctx->diag, style_name, 0, _("the transformation produced no result"));
  g_free (style_name);
  if (tctxt)
    {
      tf_docs_keep (tctxt);
      xsltFreeTransformContext (tctxt);
    }
  xsltFreeSecurityPrefs (sec);
  xmlFreeDoc (copy);
  tf_mark_lines (style, result);
  return result;
}

/* Adds "line:name" of every element of `n` and below to `set`. */
static void
tf_collect_lines (xmlNodePtr n, GHashTable *set)
{
  for (; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      {
        g_hash_table_add (set, g_strdup_printf ("%ld:%s", xmlGetLineNo (n), (const char *) n->name));
        tf_collect_lines (n->children, set);
      }
}

/* Keeps a result element's line only where it is the line of the main stylesheet's literal
 * element that made it: libxml2 copies a literal result element with the line it has in
 * its own stylesheet file, so messages about the result (formatting warnings) can name
 * `style`'s file and line; an element made by an imported stylesheet, or by xsl:element,
 * gets line 0 (the stylesheet named without a line beats a wrong line). */
static void
tf_mark_lines (xsltStylesheetPtr style, xmlDocPtr result)
{
  if (!style->doc || !result)
    return;
  GHashTable *lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tf_collect_lines (style->doc->children, lines);
  for (xmlNodePtr n = xmlDocGetRootElement (result); n; n = gw_xml_next (n))
    if (n->type == XML_ELEMENT_NODE)
      {
        char *key = g_strdup_printf ("%ld:%s", xmlGetLineNo (n), (const char *) n->name);
        if (!g_hash_table_contains (lines, key))
          n->line = 0;
        g_free (key);
      }
  g_hash_table_destroy (lines);
}

/* The file a transformation's result is attributed to in messages: the stylesheet's
 * (borrowed, valid with `style`). */
const char *
gw_transform_source (xsltStylesheetPtr style)
{
  return style && style->doc && style->doc->URL ? (const char *) style->doc->URL : "stylesheet";
}

/* Serialises a result document following xsl:output. */
char *
gw_transform_serialize (gw_ctx *ctx, xsltStylesheetPtr style, xmlDocPtr result, gsize *len)
{
  xmlChar *buf = NULL;
  int n = 0;
  if (xsltSaveResultToString (&buf, &n, result, style) != 0)
    {
      gw_diag_error (ctx->diag, style->doc ? (const char *) style->doc->URL : NULL, 0,
                     _("cannot serialise the transformation result"));
      xmlFree (buf);
      return NULL;
    }
  char *out = g_strndup (buf ? (const char *) buf : "", buf ? (gsize) n : 0);
  xmlFree (buf);
  if (len)
    *len = buf ? (gsize) n : 0;
  return out;
}
