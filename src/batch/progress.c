/* progress.c — progress of a batch on stderr: on a terminal one line redrawn in place
 *   [##########..........]  412/1000  23.4 doc/s  ETA 0:25
 * (at most 10 times a second); otherwise one plain line per finished document, which
 * reads well in a Slurm or CI log. Messages of the workers are printed above the bar. */
#include "base/i18n.h"
#include "batch/private.h"

#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct gw_progress {
  /* values */
  guint total;      /* documents to make */
  guint done;       /* finished (made or failed) */
  guint failed;
  gint64 start;     /* monotonic µs */
  gint64 drawn;     /* when the bar was last drawn */
  gboolean tty;     /* redraw in place */
  gboolean quiet;
  gboolean visible; /* a bar is on screen */
};

/* Starts a progress display. */
gw_progress *
gw_progress_new (guint total, gboolean quiet)
{
  gw_progress *p = g_new0 (gw_progress, 1);
  p->total = total;
  p->start = g_get_monotonic_time ();
  p->tty = isatty (STDERR_FILENO);
  p->quiet = quiet;
  return p;
}

/* Terminal width (80 when unknown). */
static int
progress_width (void)
{
  struct winsize ws;
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 80;
}

/* Documents per second so far (0 before the first). */
static double
progress_rate (const gw_progress *p)
{
  double secs = (double) (g_get_monotonic_time () - p->start) / 1e6;
  return secs > 0 && p->done ? p->done / secs : 0;
}

/* Formats seconds as m:ss or h:mm:ss. */
static void
progress_clock (double secs, char *buf, size_t size)
{
  long s = secs < 0 ? 0 : (long) (secs + 0.5);
  if (s >= 3600)
    g_snprintf (buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    g_snprintf (buf, size, "%ld:%02ld", s / 60, s % 60);
}

/* Draws the bar in place. */
static void
progress_draw (gw_progress *p)
{
  char tail[96], eta[32] = "?";
  double rate = progress_rate (p);
  if (rate > 0)
    progress_clock ((p->total - p->done) / rate, eta, sizeof eta);
  g_snprintf (tail, sizeof tail, " %u/%u  %.1f doc/s  ETA %s", p->done, p->total, rate, eta);
  if (p->failed)
    {
      size_t n = strlen (tail);
      g_snprintf (tail + n, sizeof tail - n, "  %u failed", p->failed);
    }
  /* a fixed bar width (room for the longest tail), so that the line does not jitter */
  int width = progress_width () - 2 - 48;
  if (width > 50)
    width = 50;
  if (width < 5)
    width = 5;
  int full = p->total ? (int) ((double) p->done / p->total * width) : width;
  GString *line = g_string_new ("\r\033[K[");
  for (int i = 0; i < width; i++)
    g_string_append_c (line, i < full ? '#' : '.');
  g_string_append_c (line, ']');
  g_string_append (line, tail);
  fputs (line->str, stderr);
  fflush (stderr);
  g_string_free (line, TRUE);
  p->visible = TRUE;
  p->drawn = g_get_monotonic_time ();
}

/* Clears the bar from the screen. */
static void
progress_clear (gw_progress *p)
{
  if (p->visible)
    {
      fputs ("\r\033[K", stderr);
      p->visible = FALSE;
    }
}

/* Prints lines above the bar (with --quiet only errors, no warnings or notes). */
void
gw_progress_print (gw_progress *p, const char *text)
{
  if (!text || !*text)
    return;
  progress_clear (p);
  char **lines = g_strsplit (text, "\n", -1);
  /* the prefixes as base/diag.c writes them, in the messages' language */
  char *warning = g_strconcat (": ", _("warning: "), NULL);
  char *note = g_strconcat (": ", _("note: "), NULL);
  for (char **l = lines; *l; l++)
    if (**l && (!p->quiet || (!strstr (*l, warning) && !strstr (*l, note))))
      fprintf (stderr, "%s\n", *l);
  g_free (warning);
  g_free (note);
  g_strfreev (lines);
  fflush (stderr);
  if (p->tty && !p->quiet)
    progress_draw (p);
}

/* Counts one finished job. */
void
gw_progress_step (gw_progress *p, const gw_job *job)
{
  p->done++;
  if (job->status == GW_JOB_FAILED)
    p->failed++;
  if (p->quiet)
    return;
  if (p->tty)
    {
      if (g_get_monotonic_time () - p->drawn > 100000 || p->done == p->total)
        progress_draw (p);
      return;
    }
  int digits = snprintf (NULL, 0, "%u", p->total);
  if (job->status == GW_JOB_FAILED)
    fprintf (stderr, _("[%*u/%u] failed  %s.pdf\n"), digits, p->done, p->total, job->output_name);
  else
    fprintf (stderr, ngettext ("[%*u/%u] written %s.pdf (%d page)\n",
                               "[%*u/%u] written %s.pdf (%d pages)\n", job->pages),
             digits, p->done, p->total, job->output_name, job->pages);
  fflush (stderr);
}

/* Redraws the bar when due. */
void
gw_progress_tick (gw_progress *p)
{
  if (p->tty && !p->quiet && g_get_monotonic_time () - p->drawn > 250000)
    progress_draw (p);
}

/* Removes the bar; frees. */
void
gw_progress_free (gw_progress *p)
{
  if (!p)
    return;
  if (p->visible)
    {
      progress_draw (p);
      fputc ('\n', stderr);
    }
  g_free (p);
}
