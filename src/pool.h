/*
 * pool.h: a few threads that run one batch of jobs at a time.
 *
 * A scan of a big mapping waits on memory and on the kernel's page
 * faults; a second core doubles what reaches the scan.  The pool runs
 * a batch of numbered jobs on its threads and on the caller's, and
 * returns when all are done, so the caller sees no concurrency outside
 * pool_run().  The threads take no signal but the ones a fault raises
 * (SIGBUS, SIGSEGV, SIGFPE, SIGILL), so the terminal's signals keep
 * going to the main thread.
 */
#ifndef MAPHEX_POOL_H
#define MAPHEX_POOL_H

struct pool;

/*
 * Returns how many threads a scan should use: want when it is not 0,
 * else the CPUs this process may run on (at least 1); at most max.
 */
int		 pool_threads(int want, int max);

/*
 * Starts a pool of n - 1 threads (the caller is the n-th).  Returns
 * NULL with errno set if none could be started or memory ran out; a
 * pool that started fewer threads than asked still runs every job.
 * The caller frees it with pool_free().
 */
struct pool	*pool_new(int n);

/* Returns how many threads run a batch, the caller's included. */
int		 pool_size(const struct pool *);

/*
 * Runs fn(arg, k) for every k from 0 to njobs - 1, each once, on the
 * pool's threads and the caller's, and returns when all have returned.
 * fn must be safe to run on several threads at once.
 */
void		 pool_run(struct pool *, void (*fn)(void *, int), void *arg,
		    int njobs);

/* Stops and joins the threads and frees the pool; NULL is ignored. */
void		 pool_free(struct pool *);

#endif
