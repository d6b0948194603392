/*
 * progress.h: progress and cancel for a long operation of the session.
 *
 * An operation calls progress_show() and progress_cancelled() as it
 * goes; they go through the session's hooks, at most five times a
 * second for painting and twenty for polling the keyboard, so a fast
 * loop can call them every chunk.  Ctrl-C or Esc cancels the operation
 * (never quits).  The paint hook only draws.
 */
#ifndef MAPHEX_PROGRESS_H
#define MAPHEX_PROGRESS_H

#include <stdint.h>

struct session;

struct progress {
	struct session	*s;
	const char	*verb;		/* "searching", "saving" */
	uint64_t	 shown;		/* when progress was last shown */
	uint64_t	 polled;	/* when cancel was last polled */
	int		 cancelled;
};

/* Starts counting for an operation of s that verb names. */
void	progress_begin(struct progress *, struct session *, const char *verb);

/* Shows "verb... N% (Ctrl-C or Esc cancels)" when it is time to. */
void	progress_show(struct progress *, uint64_t done, uint64_t total);

/* Returns 1 once the user asked to cancel, else 0. */
int	progress_cancelled(struct progress *);

/* The two above in the shape search_opts wants (arg: a progress). */
void	progress_hook(void *arg, uint64_t done, uint64_t total);
int	progress_cancel_hook(void *arg);

/* Both at once, in the shape journal_set_progress() wants: shows, then
 * returns 1 to cancel. */
int	progress_step_hook(void *arg, uint64_t done, uint64_t total);

#endif
