/*
 * testutil.h: scratch files for the Check suites.
 *
 * Each helper aborts the test (ck_abort) on a failed system call, so a
 * test body can stay about what it asserts.
 */
#ifndef MAPHEX_TESTUTIL_H
#define MAPHEX_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

/* Creates a file in a fresh temp dir holding len bytes of data (data may
 * be NULL for zeros); returns its malloc'ed path. */
char	*tu_file(const void *data, size_t len);

/* Creates a sparse file of size bytes; returns its malloc'ed path. */
char	*tu_sparse(uint64_t size);

/* Reads a whole file into a malloc'ed buffer; *len gets its size. */
unsigned char *tu_slurp(const char *path, size_t *len);

/* Fills buf with len pseudo-random bytes from *seed (xorshift). */
void	 tu_random(void *buf, size_t len, uint64_t *seed);

/* Returns the next pseudo-random number from *seed. */
uint64_t tu_rand(uint64_t *seed);

/* Removes the file and its temp dir, frees path. */
void	 tu_remove(char *path);

/*
 * Fault injection for saves: the test binary is linked with
 * -Wl,--wrap=pwrite, so every pwrite(2) maphex makes passes here.  When
 * tu_pwrite_budget is positive, each call spends one; the call that
 * finds it at 1 fails with tu_pwrite_errno instead (and the budget goes
 * to 0, which means no injection).
 */
extern int	tu_pwrite_budget;
extern int	tu_pwrite_errno;

#endif
