/* pool.c — making the pending jobs of a plan on forked worker processes.
 *
 * The parent has loaded and validated every record and compiled the stylesheets before it
 * forks, so the workers start with all of it in (copy-on-write) memory; a worker only
 * transforms, formats and writes. Outline:
 *
 *   parent                                   worker i
 *   ------                                   --------
 *   fork N workers, one pipe each way         loop: read a job index (EOF → exit)
 *   send each a job index                           make the job (messages kept, quiet)
 *   loop until no job is out:                       send result: status, pages, SHA-256,
 *     poll the result pipes (200 ms)                  first error, messages
 *     result → update the job, print its
 *       messages, send the next index or
 *       close the pipe (the worker exits)
 *     EOF before a result → the worker died:
 *       the job failed ("killed by signal 9"),
 *       its temporary files are removed, a new
 *       worker takes the next job
 *     SIGINT/SIGTERM → SIGTERM to the workers,
 *       reap them, remove their temporary
 *       files, return the signal
 *
 * Temporary files are named by the engine ".NAME.PID.tmp" beside the output, so the parent
 * finds a dead worker's leftovers by its pid. A worker also removes its current temporary
 * PDF itself when it gets SIGTERM (gw_job_guard_signals; e.g. from PR_SET_PDEATHSIG when
 * the parent was killed). Workers ignore SIGINT: Ctrl-C reaches the whole process group,
 * and the parent stops them. */
#include "batch/private.h"
#include "base/files.h"
#include "base/xmlload.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

typedef struct {
  pid_t pid;  /* 0 when the slot is free */
  int to;     /* parent → worker: job indices (guint32) */
  int from;   /* worker → parent: results */
  int job;    /* index of the job being made, -1 when idle */
  gint64 started; /* when it got the job (monotonic µs) */
  gboolean timed_out; /* killed by the parent for taking too long */
} pool_worker;

/* What a worker sends back after each job; texts follow. */
typedef struct {
  guint32 job;
  gint32 ok;
  gint32 pages;
  guint32 messages_len;
  guint32 error_len;
  char sha256[64];
} pool_result;

/* The signal that interrupted the parent (0 = none). */
static volatile sig_atomic_t pool_signal;

/* Parent: remembers the first SIGINT/SIGTERM. */
static void
pool_on_signal (int sig)
{
  if (!pool_signal)
    pool_signal = sig;
}

/* Writes all of `len` bytes; FALSE on error. */
static gboolean
pool_write_all (int fd, const void *buf, size_t len)
{
  const char *p = buf;
  while (len)
    {
      ssize_t n = write (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (size_t) n;
    }
  return TRUE;
}

/* Reads exactly `len` bytes; FALSE on end of file or error (retries after signals). */
static gboolean
pool_read_all (int fd, void *buf, size_t len)
{
  char *p = buf;
  while (len)
    {
      ssize_t n = read (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (size_t) n;
    }
  return TRUE;
}

/* Runs the worker loop (never returns). */
static G_GNUC_NORETURN void
pool_worker_main (gw_ctx *ctx, gw_plan *plan, const gw_batch_opts *opts,
                  gw_stylesheet_cache *cache, int in, int out)
{
  gw_job_guard_signals (FALSE); /* SIGTERM removes the temporary PDF */
  signal (SIGINT, SIG_IGN);     /* Ctrl-C reaches the parent, which stops the workers */
  signal (SIGPIPE, SIG_DFL);
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
  if (getppid () == 1)
    _exit (0); /* the parent died before PR_SET_PDEATHSIG took effect */
  gw_diag *diag = gw_diag_new (NULL);
  gw_diag_set_quiet (diag, TRUE);
  gw_diag_set_keep (diag, TRUE);
  ctx->diag = diag; /* the parent's funnel stays untouched (its copy is just not used) */
  gw_diag_hook_xml (diag);
  guint32 index;
  gw_job_slot slot = { NULL, NULL };
  while (pool_read_all (in, &index, sizeof index))
    {
      if (index >= plan->jobs->len)
        break;
      gw_job *job = g_ptr_array_index (plan->jobs, index);
      gw_diag_reset (diag);
      gboolean ok = gw_job_run (ctx, cache, &slot, job, opts->params, opts->png);
      const char *messages = gw_diag_messages (diag);
      const char *error = job->error ? job->error : "";
      pool_result r;
      memset (&r, 0, sizeof r);
      r.job = index;
      r.ok = ok;
      r.pages = job->pages;
      r.messages_len = (guint32) strlen (messages);
      r.error_len = (guint32) strlen (error);
      if (job->sha256 && strlen (job->sha256) == 64)
        memcpy (r.sha256, job->sha256, 64);
      if (!pool_write_all (out, &r, sizeof r) || !pool_write_all (out, messages, r.messages_len)
          || !pool_write_all (out, error, r.error_len))
        break;
    }
  _exit (0); /* no atexit handlers, no stdio flush of the parent's buffers */
}

/* Age after which a temporary file whose owner does not run here is taken as left behind:
 * no document takes that long (--timeout defaults to 300 s), and a shard on another machine
 * writing into a shared folder (whose pids mean nothing here) finishes its files well before. */
#define POOL_STALE_SECONDS 3600

/* Removes the temporary files in `out_dir` owned by process `pid`, or with pid 0 those left
 * behind: older than POOL_STALE_SECONDS and not owned by a process running here (a batch
 * killed with SIGKILL, a machine that went down). */
static void
pool_remove_temps (const char *out_dir, pid_t pid)
{
  GDir *d = g_dir_open (out_dir, 0, NULL);
  if (!d)
    return;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  while ((name = g_dir_read_name (d)))
    {
      pid_t owner = gw_temp_owner (name);
      if (!owner || (pid && owner != pid))
        continue;
      char *path = g_build_filename (out_dir, name, NULL);
      GStatBuf st;
      gboolean stale = pid || (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode)
                               && now - (gint64) st.st_mtime > POOL_STALE_SECONDS
                               && kill (owner, 0) != 0 && errno == ESRCH);
      if (stale)
        g_unlink (path);
      g_free (path);
    }
  g_dir_close (d);
}

/* Removes what earlier runs that died left in the output folder (see pool_remove_temps). */
void
gw_pool_sweep_stale (const char *out_dir)
{
  pool_remove_temps (out_dir, 0);
}

/* Forks worker `w`; FALSE after reporting. The child closes the pipes of its siblings so
 * that closing a pipe in the parent is seen as end of file by exactly one worker. */
static gboolean
pool_spawn (gw_ctx *ctx, gw_plan *plan, const gw_batch_opts *opts, gw_stylesheet_cache *cache,
            pool_worker *workers, guint n, guint w)
{
  int down[2], up[2];
  if (pipe (down) != 0)
    goto fail;
  if (pipe (up) != 0)
    {
      close (down[0]);
      close (down[1]);
      goto fail;
    }
  fflush (stdout);
  fflush (stderr);
  pid_t pid = fork ();
  if (pid < 0)
    {
      close (down[0]);
      close (down[1]);
      close (up[0]);
      close (up[1]);
      goto fail;
    }
  if (pid == 0)
    {
      for (guint i = 0; i < n; i++)
        if (workers[i].pid)
          {
            close (workers[i].to);
            close (workers[i].from);
          }
      close (down[1]);
      close (up[0]);
      pool_worker_main (ctx, plan, opts, cache, down[0], up[1]);
    }
  close (down[0]);
  close (up[1]);
  workers[w].pid = pid;
  workers[w].to = down[1];
  workers[w].from = up[0];
  workers[w].job = -1;
  return TRUE;
fail:
  gw_diag_error (ctx->diag, NULL, 0, "cannot start a worker process: %s", g_strerror (errno));
  return FALSE;
}

/* Sends job `index` to worker `w`; FALSE when the worker is gone. */
static gboolean
pool_send (pool_worker *w, guint index)
{
  guint32 i = index;
  w->job = (int) index;
  w->started = g_get_monotonic_time ();
  w->timed_out = FALSE;
  return pool_write_all (w->to, &i, sizeof i);
}

/* Describes how a worker ended (caller frees). */
static char *
pool_describe_exit (int status)
{
  if (WIFSIGNALED (status))
    return g_strdup_printf ("killed by signal %d (%s)", WTERMSIG (status),
                            g_strsignal (WTERMSIG (status)));
  if (WIFEXITED (status))
    return g_strdup_printf ("exited with status %d", WEXITSTATUS (status));
  return g_strdup ("ended");
}

/* Closes worker `w`'s pipes and reaps it; its status in *status. */
static void
pool_reap (pool_worker *w, int *status)
{
  close (w->to);
  close (w->from);
  int st = 0;
  while (waitpid (w->pid, &st, 0) < 0 && errno == EINTR)
    ;
  if (status)
    *status = st;
  w->pid = 0;
  w->job = -1;
}

/* Gives job `index` to worker slot `w`, forking a new worker when the slot is empty or its
 * worker turns out to be gone (then the job goes to the new one). FALSE when no worker
 * could be started; the job stays pending. */
static gboolean
pool_dispatch (gw_ctx *ctx, gw_plan *plan, const gw_batch_opts *opts,
               gw_stylesheet_cache *cache, pool_worker *workers, guint n, guint w,
               guint index)
{
  for (int attempt = 0; attempt < 2; attempt++)
    {
      if (!workers[w].pid && !pool_spawn (ctx, plan, opts, cache, workers, n, w))
        return FALSE;
      if (pool_send (&workers[w], index))
        return TRUE;
      pid_t pid = workers[w].pid; /* died between two jobs: replace it */
      pool_reap (&workers[w], NULL);
      pool_remove_temps (opts->out_dir, pid);
    }
  return FALSE;
}

/* Reads one result from worker `w` into its job; FALSE when the worker died instead. */
static gboolean
pool_receive (gw_plan *plan, pool_worker *w, gw_progress *progress)
{
  pool_result r;
  if (!pool_read_all (w->from, &r, sizeof r) || r.job != (guint32) w->job
      || r.messages_len > 64u << 20 || r.error_len > 1u << 20)
    return FALSE;
  char *messages = g_malloc (r.messages_len + 1);
  char *error = g_malloc (r.error_len + 1);
  gboolean ok = pool_read_all (w->from, messages, r.messages_len)
                && pool_read_all (w->from, error, r.error_len);
  messages[r.messages_len] = '\0';
  error[r.error_len] = '\0';
  if (ok)
    {
      gw_job *job = g_ptr_array_index (plan->jobs, r.job);
      job->status = r.ok ? GW_JOB_WRITTEN : GW_JOB_FAILED;
      job->pages = r.pages;
      g_free (job->sha256);
      job->sha256 = r.ok ? g_strndup (r.sha256, 64) : NULL;
      g_free (job->error);
      job->error = r.ok ? NULL : g_strdup (*error ? error : "failed");
      gw_progress_print (progress, messages);
      gw_progress_step (progress, job);
      w->job = -1;
    }
  g_free (messages);
  g_free (error);
  return ok;
}

/* Makes the pending jobs on worker processes. */
int
gw_pool_run (gw_ctx *ctx, gw_plan *plan, const gw_batch_opts *opts,
             gw_stylesheet_cache *cache, gw_progress *progress, void (*done) (gpointer),
             gpointer data)
{
  GArray *queue = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      const gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->status == GW_JOB_PENDING)
        g_array_append_val (queue, i);
    }
  guint n = MIN (MAX (opts->jobs, 1u), queue->len), next = 0;
  pool_worker *workers = g_new0 (pool_worker, MAX (n, 1u));
  struct sigaction sa, old_int, old_term, old_pipe;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = pool_on_signal; /* no SA_RESTART: poll() returns at once */
  sigemptyset (&sa.sa_mask);
  pool_signal = 0;
  sigaction (SIGINT, &sa, &old_int);
  sigaction (SIGTERM, &sa, &old_term);
  sa.sa_handler = SIG_IGN;
  sigaction (SIGPIPE, &sa, &old_pipe);

  for (guint w = 0; w < n && !pool_signal; w++)
    pool_dispatch (ctx, plan, opts, cache, workers, n, w, g_array_index (queue, guint, next++));
  struct pollfd *fds = g_new0 (struct pollfd, MAX (n, 1u));
  guint *slot = g_new0 (guint, MAX (n, 1u));
  for (;;)
    {
      guint nfds = 0;
      for (guint w = 0; w < n; w++)
        if (workers[w].pid && workers[w].job >= 0)
          {
            fds[nfds].fd = workers[w].from;
            fds[nfds].events = POLLIN;
            fds[nfds].revents = 0;
            slot[nfds++] = w;
          }
      if (!nfds || pool_signal)
        break;
      int r = poll (fds, nfds, 200);
      if (r < 0 && errno != EINTR)
        {
          gw_diag_error (ctx->diag, NULL, 0, "poll: %s", g_strerror (errno));
          break;
        }
      for (guint k = 0; r > 0 && k < nfds && !pool_signal; k++)
        {
          if (!fds[k].revents)
            continue;
          pool_worker *w = &workers[slot[k]];
          int index = w->job;
          if (pool_receive (plan, w, progress))
            {
              if (done)
                done (data);
              if (next < queue->len)
                pool_dispatch (ctx, plan, opts, cache, workers, n, slot[k],
                               g_array_index (queue, guint, next++));
              else
                pool_reap (w, NULL); /* no more work: the worker sees EOF and exits */
              continue;
            }
          /* the worker died while making job `index` (or broke the protocol: kill it) */
          int status = 0;
          pid_t pid = w->pid;
          kill (pid, SIGKILL);
          pool_reap (w, &status);
          pool_remove_temps (opts->out_dir, pid);
          gw_job *job = g_ptr_array_index (plan->jobs, index);
          char *how = w->timed_out ? g_strdup_printf ("was stopped after %u s (--timeout)",
                                                      opts->timeout)
                                   : pool_describe_exit (status);
          job->status = GW_JOB_FAILED;
          job->pages = -1;
          g_free (job->error);
          job->error = g_strdup_printf ("%s: the worker process %s while making this "
                                        "document; it was not written", job->record_path, how);
          char *line = g_strdup_printf ("%s: the worker process making '%s.pdf' %s; the "
                                        "document was not written", job->record_path,
                                        job->output_name, how);
          gw_progress_print (progress, line);
          g_free (line);
          gw_progress_step (progress, job);
          g_free (how);
          if (done)
            done (data);
          if (next < queue->len && !pool_signal)
            pool_dispatch (ctx, plan, opts, cache, workers, n, slot[k],
                           g_array_index (queue, guint, next++));
        }
      /* a document that takes too long: kill its worker (seen as a death above) */
      gint64 now = g_get_monotonic_time ();
      for (guint w = 0; opts->timeout && w < n; w++)
        if (workers[w].pid && workers[w].job >= 0 && !workers[w].timed_out
            && now - workers[w].started > (gint64) opts->timeout * G_USEC_PER_SEC)
          {
            workers[w].timed_out = TRUE;
            kill (workers[w].pid, SIGKILL);
          }
      gw_progress_tick (progress);
    }
  int sig = pool_signal;
  /* stop and reap whoever is left (all idle after a normal end; busy when interrupted) */
  for (guint w = 0; w < n; w++)
    if (workers[w].pid)
      {
        pid_t pid = workers[w].pid;
        if (workers[w].job >= 0)
          kill (pid, SIGTERM);
        pool_reap (&workers[w], NULL);
        pool_remove_temps (opts->out_dir, pid);
      }
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);
  sigaction (SIGPIPE, &old_pipe, NULL);
  g_free (fds);
  g_free (slot);
  g_free (workers);
  g_array_unref (queue);
  return sig;
}
