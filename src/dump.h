/*
 * dump.h: the --dump formatter, xxd's default output at a higher speed.
 *
 * dump_run() writes a range of a document to a descriptor in exactly the
 * bytes `xxd -s START -l LEN FILE` prints: lines of 16 bytes headed by
 * the file offset in at least 8 lowercase hex digits and a colon, the
 * bytes in groups of two, and a text column with 0x20..0x7e as
 * themselves and every other byte as '.'.  An empty range prints
 * nothing.  This layer never prints anywhere but the descriptor it is
 * given and never exits; failures come back as -1 and a message.
 */
#ifndef MAPHEX_DUMP_H
#define MAPHEX_DUMP_H

#include <stddef.h>
#include <stdint.h>

#include "dump_layout.h"

struct doc;

/* Bytes of the file formatted per write(2) when the caller does not say. */
#define DUMP_CHUNK	(256 * 1024)


/*
 * Writes the dump of [start, start + len) of m to outfd.  The range is
 * clamped to the mapped size as xxd clamps it to the file: a start at
 * or past the end prints nothing, and len == UINT64_MAX means "to the
 * end".  Returns 0, or -1 with a one-line reason naming m's path in err
 * (errlen bytes) when a write fails (EPIPE, ENOSPC, ...) or a page
 * cannot be read (the file shrank, the disk failed).  Lines formatted
 * before a failed read are written first, so the output stops at the
 * last whole line that could be read.  A closed pipe gives EPIPE only
 * when the caller ignores SIGPIPE; otherwise the signal ends the
 * process, as it ends xxd.  outfd is neither closed nor seeked; nothing
 * stays allocated.  The document is advised MADV_SEQUENTIAL during the
 * dump and MADV_RANDOM after it.
 */
int	dump_run(const struct doc *m, uint64_t start, uint64_t len,
	    int outfd, char *err, size_t errlen);

/*
 * dump_run() formatting chunk bytes of the file per step and writing
 * the lines of each step in one go.  chunk is rounded down to a
 * multiple of 16, raised to at least 16 and capped at 16 MiB; tests
 * shrink it to hit chunk boundaries with small files.  Same return and
 * errors as dump_run().
 */
int	dump_run_chunked(const struct doc *m, uint64_t start,
	    uint64_t len, int outfd, char *err, size_t errlen, size_t chunk);

/*
 * dump_run_chunked() in layout l, which must be resolved as its
 * comment says (0 chunk: DUMP_CHUNK).  An empty range still prints
 * what xxd prints for no input: -i's declarations, -p -c 0's newline.
 * The chunk is rounded to whole lines of l.
 */
int	dump_run_layout(const struct doc *m, uint64_t start, uint64_t len,
	    const struct dump_layout *l, int outfd, char *err, size_t errlen,
	    size_t chunk);

#endif
