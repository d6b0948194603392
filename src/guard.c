/*
 * guard.c: turns SIGBUS on mapped memory into an error return.
 *
 * The handler jumps back to the innermost active guard with siglongjmp.
 * A SIGBUS outside any guard is a real bug: the default action is put
 * back and the signal re-raised so the process dies as it would have.
 * This file owns the one non-flag global of the program, the pointer to
 * the active jump buffer (one a thread), which a signal handler cannot
 * do without.
 */
#include "config.h"

#include "guard.h"

#include <setjmp.h>
#include <signal.h>
#include <string.h>

/*
 * One a thread: a SIGBUS is delivered to the thread that faulted, so
 * each scanning thread jumps back to its own guard.
 */
static _Thread_local sigjmp_buf *volatile guard_active;

static void
guard_handler(int sig)
{
	sigjmp_buf	*jb = guard_active;

	if (jb != NULL)
		siglongjmp(*jb, 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

int
guard_install(void)
{
	static int		 installed;
	struct sigaction	 sa;

	if (installed)
		return (0);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = guard_handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_NODEFER;
	if (sigaction(SIGBUS, &sa, NULL) == -1)
		return (-1);
	installed = 1;
	return (0);
}

int
guard_call(void (*fn)(void *), void *arg)
{
	sigjmp_buf	 jb;
	sigjmp_buf	*volatile saved = guard_active;

	/*
	 * The handler runs with SA_NODEFER, so the signal mask never
	 * changes: not saving it spares a syscall per guarded read.
	 */
	if (sigsetjmp(jb, 0) != 0) {
		guard_active = saved;
		return (-1);
	}
	guard_active = &jb;
	fn(arg);
	guard_active = saved;
	return (0);
}

struct guard_copy_args {
	void		*dst;
	const void	*src;
	size_t		 len;
};

static void
guard_do_copy(void *arg)
{
	struct guard_copy_args	*a = arg;

	memmove(a->dst, a->src, a->len);
}

int
guard_copy(void *dst, const void *src, size_t len)
{
	struct guard_copy_args	a = { dst, src, len };

	return (guard_call(guard_do_copy, &a));
}
