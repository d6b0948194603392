/*
 * offset.h: go-to expressions and command-line offsets.
 *
 * An expression names a byte of the file: "0x1f" and "31" are absolute,
 * "+16" and "-0x10" are relative to the cursor, "end-16" counts back
 * from the end, "50%" is a fraction of the size.  Numbers take units
 * (4k, 1M, 2G: powers of 1024) and join with + - * / and brackets:
 * "0x10+5", "3*512", "end-4k".  Nothing here reads the file.
 */
#ifndef MAPHEX_OFFSET_H
#define MAPHEX_OFFSET_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parses one number: decimal, or hex after "0x".  Returns 0 and sets
 * *out, or -1 with a reason in err for garbage or overflow.
 */
int	offset_number(const char *text, uint64_t *out, char *err,
	    size_t errlen);

/*
 * Evaluates a go-to expression against the cursor position cur and the
 * file size.  The result may equal size only for an empty file or for
 * a bare "end"; the caller clamps that to the last byte.  Returns 0 and
 * sets *out, or -1 with a one-line reason in err (garbage, before the
 * start, past the end).
 */
int	offset_parse(const char *text, uint64_t cur, uint64_t size,
	    uint64_t *out, char *err, size_t errlen);

/*
 * Evaluates the -s option of the command line.  There is no cursor to
 * move from, so "-N" counts back from the end as in xxd -s: "-16" is
 * "end-16".  Otherwise the same as offset_parse() from offset 0.
 */
int	offset_seek(const char *text, uint64_t size, uint64_t *out,
	    char *err, size_t errlen);

/*
 * Evaluates a new size for a file of size bytes: a number (decimal, or
 * hex after "0x") with an optional k, M, G or T suffix (powers of
 * 1024; "MiB" and "MB" read as "M"), absolute, or after "+" or "-" relative to size: "4k",
 * "0x1000", "+1M", "-16".  Returns 0 and sets *out, or -1 with a
 * one-line reason in err (garbage, below zero, too large).
 */
int	offset_size(const char *text, uint64_t size, uint64_t *out,
	    char *err, size_t errlen);

#endif
