/*
 * guard.h: reads and writes of mapped memory that survive SIGBUS.
 *
 * A page past the end of a file that shrank, or a page the disk cannot
 * read, raises SIGBUS when touched.  Every access to the mapping goes
 * through these functions so that such a fault becomes an error return
 * instead of a crash.
 */
#ifndef MAPHEX_GUARD_H
#define MAPHEX_GUARD_H

#include <stddef.h>

/* Installs the SIGBUS handler; idempotent.  Returns 0, or -1 with errno. */
int	guard_install(void);

/*
 * Copies len bytes from src to dst (they may overlap); returns 0, or -1
 * if a SIGBUS hit.
 */
int	guard_copy(void *dst, const void *src, size_t len);

/*
 * Runs fn(arg) under the guard.  Returns 0 when fn returned, or -1 when
 * a SIGBUS cut it short; fn must then leave nothing half-done that
 * matters (no locks, no allocations in flight).
 */
int	guard_call(void (*fn)(void *), void *arg);

#endif
