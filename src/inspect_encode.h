/*
 * inspect_encode.h: a value typed by the user, as the bytes of a type.
 *
 * The way back from inspect.h: text typed for a row of the inspector
 * (or for --set) is parsed strictly, range-checked for the type, and
 * encoded in the chosen byte order.  Anything that would not read back
 * as what was typed is refused with a one-line reason: a number out of
 * range, a date the type cannot hold, a half second in a DOS time.
 * Pure functions: no I/O, no allocation.
 */
#ifndef MAPHEX_INSPECT_ENCODE_H
#define MAPHEX_INSPECT_ENCODE_H

#include <stddef.h>

#include "inspect.h"

/*
 * Parses text as a value of type t and writes its bytes, in the order
 * be (0: little-endian), to out, which holds cap bytes; *len gets how
 * many.  Returns 0, or -1 with a one-line reason (naming the type and
 * what it takes) in err and out unchanged in meaning.
 */
int	inspect_encode(enum inspect_type t, int be, const char *text,
	    unsigned char *out, size_t cap, size_t *len, char *err,
	    size_t errlen);

#endif
