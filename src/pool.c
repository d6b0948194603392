/*
 * pool.c: a few threads that run one batch of jobs at a time.
 *
 * The threads sleep on a condition variable between batches.  A batch
 * hands out its job numbers under the lock; whoever is free takes the
 * next, the caller too, and the caller waits until the last one is
 * done.  This file knows nothing of what the jobs do: it never reads
 * the document, prints or exits.
 */
#include "config.h"

#include "pool.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

struct pool {
	pthread_mutex_t	  lock;
	pthread_cond_t	  go;		/* a batch was posted, or quit */
	pthread_cond_t	  idle;		/* the batch's last job ended */
	pthread_t	 *tids;
	int		  nthreads;	/* threads started */
	int		  quit;
	void		(*fn)(void *, int);
	void		 *arg;
	int		  njobs;
	int		  next;		/* next job to hand out */
	int		  left;		/* jobs not finished */
};

static int	 pool_take(struct pool *);
static void	 pool_finish(struct pool *);
static void	*pool_main(void *);
static int	 pool_start(struct pool *, int);

int
pool_threads(int want, int max)
{
	cpu_set_t	set;

	if (want == 0) {
		want = sched_getaffinity(0, sizeof set, &set) == -1 ? 1 :
		    CPU_COUNT(&set);
		if (want < 1)
			want = 1;
	}
	return (want > max ? max : want);
}

/* Returns the next job of the batch, or -1; called with the lock. */
static int
pool_take(struct pool *p)
{
	if (p->next >= p->njobs)
		return (-1);
	return (p->next++);
}

/* Counts one job as done; called with the lock. */
static void
pool_finish(struct pool *p)
{
	if (--p->left == 0)
		pthread_cond_signal(&p->idle);
}

static void *
pool_main(void *arg)
{
	struct pool	*p = arg;
	int		 k;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->quit && (k = pool_take(p)) == -1)
			pthread_cond_wait(&p->go, &p->lock);
		if (p->quit)
			break;
		pthread_mutex_unlock(&p->lock);
		p->fn(p->arg, k);
		pthread_mutex_lock(&p->lock);
		pool_finish(p);
	}
	pthread_mutex_unlock(&p->lock);
	return (NULL);
}

/*
 * Starts up to n threads with every signal blocked but those a fault
 * raises.  Returns 0 if at least one started, or -1 with errno set.
 */
static int
pool_start(struct pool *p, int n)
{
	sigset_t	all, old;
	int		e = 0, i;

	sigfillset(&all);
	sigdelset(&all, SIGBUS);
	sigdelset(&all, SIGSEGV);
	sigdelset(&all, SIGFPE);
	sigdelset(&all, SIGILL);
	if ((e = pthread_sigmask(SIG_SETMASK, &all, &old)) != 0) {
		errno = e;
		return (-1);
	}
	for (i = 0; i < n; i++) {
		if ((e = pthread_create(&p->tids[i], NULL, pool_main, p)) != 0)
			break;
		p->nthreads++;
	}
	(void)pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (p->nthreads == 0) {
		errno = e;
		return (-1);
	}
	return (0);
}

struct pool *
pool_new(int n)
{
	struct pool	*p;
	int		 e;

	if (n < 2) {
		errno = EINVAL;
		return (NULL);
	}
	if ((p = calloc(1, sizeof *p)) == NULL)
		return (NULL);
	if ((p->tids = calloc((size_t)n - 1, sizeof *p->tids)) == NULL) {
		free(p);
		return (NULL);
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->go, NULL);
	pthread_cond_init(&p->idle, NULL);
	if (pool_start(p, n - 1) == -1) {
		e = errno;
		pool_free(p);
		errno = e;
		return (NULL);
	}
	return (p);
}

int
pool_size(const struct pool *p)
{
	return (p->nthreads + 1);
}

void
pool_run(struct pool *p, void (*fn)(void *, int), void *arg, int njobs)
{
	int	k;

	pthread_mutex_lock(&p->lock);
	p->fn = fn;
	p->arg = arg;
	p->njobs = njobs;
	p->next = 0;
	p->left = njobs;
	pthread_cond_broadcast(&p->go);
	while ((k = pool_take(p)) != -1) {
		pthread_mutex_unlock(&p->lock);
		fn(arg, k);
		pthread_mutex_lock(&p->lock);
		pool_finish(p);
	}
	while (p->left > 0)
		pthread_cond_wait(&p->idle, &p->lock);
	p->njobs = 0;
	pthread_mutex_unlock(&p->lock);
}

void
pool_free(struct pool *p)
{
	int	i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->quit = 1;
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->nthreads; i++)
		pthread_join(p->tids[i], NULL);
	pthread_cond_destroy(&p->idle);
	pthread_cond_destroy(&p->go);
	pthread_mutex_destroy(&p->lock);
	free(p->tids);
	free(p);
}
