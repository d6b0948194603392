/*
 * dump_layout.h: xxd's other layouts (-c, -g, -e, -b, -u, -d, -p, -i)
 * as formatters of one chunk, for dump.c.
 *
 * Each function fills a caller's buffer and returns the bytes it
 * wrote; none allocates, prints or fails.  The buffer sizes they need
 * come from dump_layout_outmax() and DUMP_LINECAP().
 */
#ifndef MAPHEX_DUMP_LAYOUT_H
#define MAPHEX_DUMP_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* The largest -c of the line kinds, as xxd's COLS. */
#define DUMP_MAXCOLS	256

/* xxd's output styles: its default, -e, -b, -p and -i. */
enum dump_kind { DUMP_HEX, DUMP_LITTLE, DUMP_BITS, DUMP_PLAIN, DUMP_INCLUDE };

/*
 * A layout, already resolved as xxd resolves its flags: cols is 1 to
 * DUMP_MAXCOLS for the line kinds, any number for DUMP_PLAIN (0: one
 * line) and at least 1 for DUMP_INCLUDE; group is 1 to cols.  The
 * shown offset of a byte is its file offset plus displace, modulo
 * 2^64; decimal shows it as xxd's "%08ld" does, signed.  name is the
 * C array's name for DUMP_INCLUDE, or NULL for none (xxd on stdin).
 */
struct dump_layout {
	enum dump_kind	 kind;
	uint64_t	 cols;
	uint64_t	 group;
	int		 upper;
	int		 decimal;
	uint64_t	 displace;
	const char	*name;
	int		 isa;	/* default layout: enum dump_isa, 0 the best */
};

/* Sets l to xxd's default: DUMP_HEX, 16 columns in groups of 2. */
void	dump_layout_default(struct dump_layout *l);

/* The scratch line the line kinds need for a layout of cols columns. */
#define DUMP_LINECAP(cols)	(64 + 24 * (size_t)(cols))

/* At most how many bytes dump_layout_format() writes for n bytes. */
size_t	dump_layout_outmax(const struct dump_layout *l, size_t n);

/*
 * Formats the n bytes at p, which follow index bytes already dumped
 * and of which the first is shown at offset shown, into out.  For the
 * line kinds index is a multiple of l->cols and n is too unless it is
 * the last chunk; line is a scratch of DUMP_LINECAP(l->cols) bytes.
 */
size_t	dump_layout_format(const struct dump_layout *l, char *out, char *line,
	    uint64_t index, uint64_t shown, const unsigned char *p, size_t n);

/*
 * What comes before the first byte and after the last of total bytes:
 * -i's declaration and closing lines, -p's last newline.  out must
 * hold 64 bytes plus twice the name's length.
 */
size_t	dump_layout_head(const struct dump_layout *l, char *out);
size_t	dump_layout_tail(const struct dump_layout *l, char *out,
	    uint64_t total);

#endif
