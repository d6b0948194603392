/*
 * inspect_read.h: the bytes the inspector shows, read from a document.
 *
 * The one place where the inspector meets the document: it reads up
 * to INSPECT_MAX bytes at an offset through doc_read(), so a page that
 * cannot be read is an "unreadable" byte, never a crash or garbage.
 */
#ifndef MAPHEX_INSPECT_READ_H
#define MAPHEX_INSPECT_READ_H

#include <stdint.h>

#include "inspect.h"

struct doc;

/*
 * Fills b with the bytes at off, stopping at the end of the document
 * or at the first byte that cannot be read (b->unreadable says which).
 */
void	inspect_read(const struct doc *, uint64_t off, struct inspect_bytes *b);

#endif
