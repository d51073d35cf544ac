/* pool.c — making the pending jobs of a plan on forked worker processes.
 *
 * The parent has loaded and validated every record and compiled the stylesheets before it
 * forks, so the workers start with all of it in (copy-on-write) memory; a worker only
 * transforms, formats and writes. A worker holds up to POOL_DEPTH (2) jobs: the one it makes
 * and the next, already in its pipe when it finishes, so it does not wait for the parent to
 * wake up between two documents. It makes them in the order sent (FIFO): only the oldest job
 * a worker holds can have been started, and each result must be for that job. Outline:
 *
 *   parent                                   worker i
 *   ------                                   --------
 *   fork N workers, one pipe each way         loop: read a job index (EOF → exit)
 *   send each a job index, then each a              make the job (messages kept, quiet)
 *     second (round robin)                          send result: status, pages, SHA-256,
 *   loop until no job is out:                         first error, messages
 *     poll the result pipes (200 ms)
 *     result of the worker's oldest job →
 *       update the job, print its messages;
 *       the next job it holds starts now
 *       (its --timeout clock too); send one
 *       more index, or when none remain and
 *       it holds none, close the pipe (the
 *       worker exits)
 *     EOF before a result, or a result of
 *       another job (killed) → the worker
 *       died: its oldest job failed ("killed
 *       by signal 9"), its temporary files
 *       are removed, the job behind it (never
 *       started) goes back to the front of the
 *       queue, a new worker takes two jobs
 *     oldest job running past --timeout →
 *       SIGKILL, then seen as a death
 *     SIGINT/SIGTERM → SIGTERM to the workers,
 *       reap them, remove their temporary
 *       files, return the signal
 *
 * A worker killed after renaming its PDF into place but before its result came leaves a
 * complete file whose job counts as failed: the next run makes it again.
 *
 * Temporary files are named by the engine ".NAME.PID.XXXXXX.tmp" beside the output, so the parent
 * finds a dead worker's leftovers by its pid. A worker also removes its current temporary
 * PDF itself when it gets SIGTERM (gw_job_guard_signals; e.g. from PR_SET_PDEATHSIG when
 * the parent was killed). Workers ignore SIGINT: Ctrl-C reaches the whole process group,
 * and the parent stops them. */
#include "base/i18n.h"
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

/* Jobs sent to a worker ahead of its results: the one it makes and the next. */
#define POOL_DEPTH 2

typedef struct {
  pid_t pid;          /* 0 when the slot is free */
  int to;             /* parent → worker: job indices (guint32) */
  int from;           /* worker → parent: results */
  GQueue jobs;        /* indices sent and not yet answered, oldest (the one being made) first */
  gint64 started;     /* when it started its oldest job (monotonic µs) */
  gboolean timed_out; /* killed by the parent for taking too long */
} pool_worker;

/* One run of the pool. The queues hold job indices as GUINT_TO_POINTER: index 0 is NULL,
 * so their length, not a popped pointer, says whether they are empty. */
typedef struct {
  /* referenced */
  gw_ctx *ctx;
  gw_plan *plan;
  const gw_batch_opts *opts;
  gw_engine *engine;
  gw_stylesheet_cache *cache;
  gw_progress *progress;
  void (*done) (gpointer);
  gpointer data;
  /* owned */
  GQueue queue;         /* jobs not sent to a worker yet, in plan order */
  pool_worker *workers; /* n slots */
  guint n;
} pool;

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
pool_worker_main (gw_ctx *ctx, gw_plan *plan, const gw_batch_opts *opts, gw_engine *engine,
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
      gboolean ok = gw_job_run (ctx, engine, cache, &slot, job, opts->params, opts->png);
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


/* Waits, at most a second, until this process runs a single thread.  A library's helper
 * thread (Pango starts fontconfig in one) may hold a lock inside malloc or fontconfig; a
 * worker forked at that moment inherits the lock held and waits on it for ever (seen with
 * ASan's allocator, which takes no lock around fork). */
static void
pool_wait_single_threaded (void)
{
  for (int i = 0; i < 200; i++)
    {
      GDir *dir = g_dir_open ("/proc/self/task", 0, NULL);
      if (!dir)
        return;
      int n = 0;
      while (g_dir_read_name (dir))
        n++;
      g_dir_close (dir);
      if (n <= 1)
        return;
      g_usleep (5000);
    }
}

/* Forks the worker of slot `w`; FALSE after reporting. The child closes the pipes of its
 * siblings so that closing a pipe in the parent is seen as end of file by exactly one
 * worker. */
static gboolean
pool_spawn (pool *p, guint w)
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
  pool_wait_single_threaded ();
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
      for (guint i = 0; i < p->n; i++)
        if (p->workers[i].pid)
          {
            close (p->workers[i].to);
            close (p->workers[i].from);
          }
      close (down[1]);
      close (up[0]);
      pool_worker_main (p->ctx, p->plan, p->opts, p->engine, p->cache, down[0], up[1]);
    }
  close (down[0]);
  close (up[1]);
  pool_worker *wk = &p->workers[w];
  wk->pid = pid;
  wk->to = down[1];
  wk->from = up[0];
  wk->timed_out = FALSE;
  return TRUE;
fail:
  gw_diag_error (p->ctx->diag, NULL, 0, _("cannot start a worker process: %s"),
                 g_strerror (errno));
  return FALSE;
}

/* Sends job `index` to worker `w` behind the ones it holds (its clock starts now when it
 * holds none); FALSE when the worker is gone. */
static gboolean
pool_send (pool_worker *w, guint index)
{
  guint32 i = index;
  if (!pool_write_all (w->to, &i, sizeof i))
    return FALSE;
  if (!w->jobs.length)
    w->started = g_get_monotonic_time ();
  g_queue_push_tail (&w->jobs, GUINT_TO_POINTER (index));
  return TRUE;
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
}

/* Reaps worker `w` (dead, killed or told to stop), removes its temporary files and puts
 * the jobs it still holds back at the front of the queue, in their order. */
static void
pool_retire (pool *p, pool_worker *w, int *status)
{
  pid_t pid = w->pid;
  pool_reap (w, status);
  pool_remove_temps (p->opts->out_dir, pid);
  while (w->jobs.length)
    g_queue_push_head (&p->queue, g_queue_pop_tail (&w->jobs));
}

/* Sends worker slot `w` jobs from the queue until it holds `depth`, forking a worker when
 * the slot is empty; a worker found gone while it held nothing is replaced (twice at most).
 * What is not sent stays in the queue. */
static void
pool_fill (pool *p, guint w, guint depth)
{
  pool_worker *wk = &p->workers[w];
  for (guint failures = 0; wk->jobs.length < depth && p->queue.length && failures < 2;)
    {
      if (!wk->pid && !pool_spawn (p, w))
        return;
      guint index = GPOINTER_TO_UINT (g_queue_pop_head (&p->queue));
      if (pool_send (wk, index))
        continue;
      g_queue_push_head (&p->queue, GUINT_TO_POINTER (index));
      if (wk->jobs.length)
        return; /* it died holding a job: the poll sees its end */
      pool_retire (p, wk, NULL); /* died between two jobs */
      failures++;
    }
}

/* Reads one result from worker `w` into its oldest job and starts the clock of the next;
 * FALSE when the worker died instead or the result is not for that job. */
static gboolean
pool_receive (pool *p, pool_worker *w)
{
  pool_result r;
  if (!pool_read_all (w->from, &r, sizeof r)
      || r.job != GPOINTER_TO_UINT (g_queue_peek_head (&w->jobs))
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
      gw_job *job = g_ptr_array_index (p->plan->jobs, r.job);
      job->status = r.ok ? GW_JOB_WRITTEN : GW_JOB_FAILED;
      job->pages = r.pages;
      g_free (job->sha256);
      job->sha256 = r.ok ? g_strndup (r.sha256, 64) : NULL;
      g_free (job->error);
      job->error = r.ok ? NULL : g_strdup (*error ? error : "failed");
      gw_progress_print (p->progress, messages);
      gw_progress_step (p->progress, job);
      g_queue_pop_head (&w->jobs);
      w->started = g_get_monotonic_time (); /* the worker goes on with the next, if any */
    }
  g_free (messages);
  g_free (error);
  return ok;
}

/* After a result from slot `w`: tops the worker up, closes its pipe when it holds nothing
 * and nothing remains (the worker sees EOF and exits), or replaces it when the parent had
 * already killed it for --timeout (the result came in first; the job behind, barely
 * started, goes back to the queue). */
static void
pool_on_result (pool *p, guint w)
{
  pool_worker *wk = &p->workers[w];
  if (p->done)
    p->done (p->data);
  if (wk->timed_out)
    pool_retire (p, wk, NULL);
  if (!pool_signal)
    pool_fill (p, w, POOL_DEPTH);
  if (wk->pid && !wk->jobs.length)
    pool_reap (wk, NULL);
}

/* Marks job `index` failed because its worker `how` (e.g. "killed by signal 9 (…)"). */
static void
pool_fail_job (pool *p, guint index, const char *how)
{
  gw_job *job = g_ptr_array_index (p->plan->jobs, index);
  job->status = GW_JOB_FAILED;
  job->pages = -1;
  g_free (job->error);
  job->error = g_strdup_printf (_("%s: the worker process %s while making this document; it "
                                  "was not written"), job->record_path, how);
  char *line = g_strdup_printf (_("%s: the worker process making '%s.pdf' %s; the document "
                                  "was not written"), job->record_path, job->output_name, how);
  gw_progress_print (p->progress, line);
  g_free (line);
  gw_progress_step (p->progress, job);
}

/* Slot `w`'s worker died (or broke the protocol: it is killed) before reporting its oldest
 * job: that job failed; the ones behind it, never started, go back to the queue, and a new
 * worker takes over. */
static void
pool_on_death (pool *p, guint w)
{
  pool_worker *wk = &p->workers[w];
  guint index = GPOINTER_TO_UINT (g_queue_pop_head (&wk->jobs));
  gboolean timed_out = wk->timed_out;
  int status = 0;
  kill (wk->pid, SIGKILL);
  pool_retire (p, wk, &status);
  char *how = timed_out ? g_strdup_printf ("was stopped after %u s (--timeout)",
                                           p->opts->timeout)
                        : pool_describe_exit (status);
  pool_fail_job (p, index, how);
  g_free (how);
  if (p->done)
    p->done (p->data);
  if (!pool_signal)
    pool_fill (p, w, POOL_DEPTH);
}

/* Kills the workers whose current job has run longer than --timeout (then seen as a
 * death). */
static void
pool_check_timeouts (pool *p)
{
  gint64 now = g_get_monotonic_time ();
  for (guint w = 0; p->opts->timeout && w < p->n; w++)
    {
      pool_worker *wk = &p->workers[w];
      if (wk->pid && wk->jobs.length && !wk->timed_out
          && now - wk->started > (gint64) p->opts->timeout * G_USEC_PER_SEC)
        {
          wk->timed_out = TRUE;
          kill (wk->pid, SIGKILL);
        }
    }
}

/* Fills `fds` with the result pipes of the workers holding jobs, their slots in `slot`;
 * returns how many. */
static guint
pool_poll_set (pool *p, struct pollfd *fds, guint *slot)
{
  guint nfds = 0;
  for (guint w = 0; w < p->n; w++)
    if (p->workers[w].pid && p->workers[w].jobs.length)
      {
        fds[nfds].fd = p->workers[w].from;
        fds[nfds].events = POLLIN;
        fds[nfds].revents = 0;
        slot[nfds++] = w;
      }
  return nfds;
}

/* Waits for results and deaths until no job is out, or a signal came. */
static void
pool_loop (pool *p)
{
  struct pollfd *fds = g_new0 (struct pollfd, MAX (p->n, 1u));
  guint *slot = g_new0 (guint, MAX (p->n, 1u));
  for (;;)
    {
      guint nfds = pool_poll_set (p, fds, slot);
      if (!nfds || pool_signal)
        break;
      int r = poll (fds, nfds, 200);
      if (r < 0 && errno != EINTR)
        {
          gw_diag_error (p->ctx->diag, NULL, 0, _("poll: %s"), g_strerror (errno));
          break;
        }
      for (guint k = 0; r > 0 && k < nfds && !pool_signal; k++)
        if (fds[k].revents)
          {
            if (pool_receive (p, &p->workers[slot[k]]))
              pool_on_result (p, slot[k]);
            else
              pool_on_death (p, slot[k]);
          }
      pool_check_timeouts (p);
      gw_progress_tick (p->progress);
    }
  g_free (fds);
  g_free (slot);
}

/* Stops and reaps the workers left (none after a normal end; busy ones get SIGTERM when
 * interrupted) and removes their temporary files. */
static void
pool_stop (pool *p)
{
  for (guint w = 0; w < p->n; w++)
    {
      pool_worker *wk = &p->workers[w];
      if (!wk->pid)
        continue;
      if (wk->jobs.length)
        kill (wk->pid, SIGTERM);
      pool_retire (p, wk, NULL);
    }
}

/* Makes the pending jobs on worker processes. */
int
gw_pool_run (gw_ctx *ctx, gw_plan *plan, const gw_batch_opts *opts, gw_engine *engine,
             gw_stylesheet_cache *cache, gw_progress *progress, void (*done) (gpointer),
             gpointer data)
{
  pool p = { ctx, plan, opts, engine, cache, progress, done, data, G_QUEUE_INIT, NULL, 0 };
  for (guint i = 0; i < plan->jobs->len; i++)
    {
      const gw_job *job = g_ptr_array_index (plan->jobs, i);
      if (job->status == GW_JOB_PENDING)
        g_queue_push_tail (&p.queue, GUINT_TO_POINTER (i));
    }
  p.n = MIN (MAX (opts->jobs, 1u), p.queue.length);
  p.workers = g_new0 (pool_worker, MAX (p.n, 1u));
  struct sigaction sa, old_int, old_term, old_pipe;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = pool_on_signal; /* no SA_RESTART: poll() returns at once */
  sigemptyset (&sa.sa_mask);
  pool_signal = 0;
  sigaction (SIGINT, &sa, &old_int);
  sigaction (SIGTERM, &sa, &old_term);
  sa.sa_handler = SIG_IGN;
  sigaction (SIGPIPE, &sa, &old_pipe);

  for (guint w = 0; w < p.n && !pool_signal; w++) /* one job each, then a second each */
    pool_fill (&p, w, 1);
  for (guint w = 0; w < p.n && !pool_signal; w++)
    if (p.workers[w].pid)
      pool_fill (&p, w, POOL_DEPTH);
  pool_loop (&p);
  int sig = pool_signal;
  pool_stop (&p);
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);
  sigaction (SIGPIPE, &old_pipe, NULL);
  g_free (p.workers);
  g_queue_clear (&p.queue);
  return sig;
}
