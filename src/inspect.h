/*
 * inspect.h: the data inspector's rows, the bytes at an offset read as
 * typed values.
 *
 * The caller reads up to INSPECT_MAX bytes at the cursor (through the
 * document) and says how many it got and why it stopped; this module
 * turns them into one line of text per type and byte order.  A value
 * that needs bytes past the end reads "end of file", one that needs an
 * unreadable byte reads "unreadable": never a value made of what is
 * not there.  The text is printable: no control byte, whatever the
 * data.  Pure functions: no I/O, no allocation, no curses.
 */
#ifndef MAPHEX_INSPECT_H
#define MAPHEX_INSPECT_H

#include <stddef.h>
#include <stdint.h>

/* The most bytes a row reads (a GUID, a padded LEB128). */
#define INSPECT_MAX	16

/* Room for one value's text, with its NUL. */
#define INSPECT_TEXT	64

enum inspect_type {
	INSPECT_BINARY,
	INSPECT_U8, INSPECT_I8,
	INSPECT_U16, INSPECT_I16,
	INSPECT_U24, INSPECT_I24,
	INSPECT_U32, INSPECT_I32,
	INSPECT_U64, INSPECT_I64,
	INSPECT_F16, INSPECT_F32, INSPECT_F64,
	INSPECT_ULEB, INSPECT_SLEB,
	INSPECT_UTF8, INSPECT_UTF16,
	INSPECT_TIME32, INSPECT_TIME64,
	INSPECT_DOSTIME, INSPECT_FILETIME,
	INSPECT_GUID,
	INSPECT_ROWS,			/* types above are the pane's rows */
	INSPECT_HEX = INSPECT_ROWS,	/* --set only: hex bytes */
	INSPECT_STRING,			/* --set only: text as typed */
	INSPECT_NTYPES
};

/* What each type is. */
#define INSPECT_ORDER	0x01	/* little- and big-endian differ */
#define INSPECT_INT	0x02	/* an integer: it can be followed */
#define INSPECT_SIGNED	0x04	/* a signed integer */

struct inspect_info {
	const char	*name;		/* "u32", "f64", "guid" */
	size_t		 size;		/* bytes; 0: it varies */
	int		 flags;
	const char	*hint;		/* what to type for it */
};

/* The table of types, indexed by enum inspect_type. */
extern const struct inspect_info inspect_types[INSPECT_NTYPES];

/* The bytes at an offset, as the caller could read them. */
struct inspect_bytes {
	unsigned char	b[INSPECT_MAX];
	size_t		n;		/* bytes read */
	int		unreadable;	/* n stops at an unreadable byte,
					   not at the end of the file */
};

/*
 * Writes the value of type t read from bytes in the order be (0:
 * little-endian) into out (INSPECT_TEXT bytes).
 */
void	inspect_decode(enum inspect_type t, int be,
	    const struct inspect_bytes *, char *out);

/*
 * For an integer row: puts its value in *v (two's complement for a
 * signed one) and returns 0; returns -1 for other types and for a value
 * that cannot be read.
 */
int	inspect_integer(enum inspect_type t, int be,
	    const struct inspect_bytes *, uint64_t *v);

/*
 * Finds the type named name: a row's name ("u32", "f64", "time32"),
 * "hex" or "text", with an optional "le" or "be" suffix for the types
 * whose byte order matters (*be gets 1 for "be", else 0).  Returns the
 * type, or -1 with a one-line reason listing the names in err.
 */
int	inspect_type_find(const char *name, int *be, char *err,
	    size_t errlen);

#endif
