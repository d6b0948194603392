/*
 * progress.c: throttled progress messages and cancel polls.
 *
 * Clock reads are cheap next to a chunk of work; painting and polling
 * the terminal are not, so both are rationed by time.  Nothing here
 * touches the document.
 */
#include "config.h"

#include "progress.h"

#include <time.h>

#include "session.h"

#define PROGRESS_SHOW_NS	200000000ULL	/* 5 times a second */
#define PROGRESS_POLL_NS	50000000ULL	/* 20 times a second */

static uint64_t	progress_now(void);

static uint64_t
progress_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec);
}

void
progress_begin(struct progress *p, struct session *s, const char *verb)
{
	p->s = s;
	p->verb = verb;
	p->shown = progress_now();
	p->polled = 0;		/* a key typed already counts at once */
	p->cancelled = 0;
}

void
progress_show(struct progress *p, uint64_t done, uint64_t total)
{
	uint64_t	now = progress_now();

	if (now - p->shown < PROGRESS_SHOW_NS || p->s->hooks.paint == NULL)
		return;
	p->shown = now;
	session_message(p->s, 0, "%s... %llu%% (Ctrl-C or Esc cancels)",
	    p->verb, (unsigned long long)(total ? done / (total / 100 + 1) :
	    0));
	p->s->hooks.paint(p->s->hooks.arg);
}

int
progress_cancelled(struct progress *p)
{
	uint64_t	now = progress_now();

	if (p->cancelled)
		return (1);
	if (now - p->polled < PROGRESS_POLL_NS || p->s->hooks.cancel == NULL)
		return (0);
	p->polled = now;
	p->cancelled = p->s->hooks.cancel(p->s->hooks.arg) != 0;
	return (p->cancelled);
}

void
progress_hook(void *arg, uint64_t done, uint64_t total)
{
	progress_show(arg, done, total);
}

int
progress_cancel_hook(void *arg)
{
	return (progress_cancelled(arg));
}

int
progress_step_hook(void *arg, uint64_t done, uint64_t total)
{
	progress_show(arg, done, total);
	return (progress_cancelled(arg));
}
