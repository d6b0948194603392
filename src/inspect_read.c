/*
 * inspect_read.c: reads the inspector's bytes through the document.
 *
 * One guarded read of the whole span; only when it faults are the
 * bytes read one by one, to find where the readable part ends.
 */
#include "config.h"

#include "inspect_read.h"

#include <string.h>

#include "doc.h"

void
inspect_read(const struct doc *d, uint64_t off, struct inspect_bytes *b)
{
	uint64_t	size = doc_size(d);
	size_t		want = INSPECT_MAX, i;

	memset(b, 0, sizeof *b);
	if (off >= size)
		return;
	if (size - off < want)
		want = (size_t)(size - off);
	if (doc_read(d, off, b->b, want) == 0) {
		b->n = want;
		return;
	}
	for (i = 0; i < want; i++)
		if (doc_read(d, off + i, b->b + i, 1) == -1)
			break;
	b->n = i;
	b->unreadable = 1;
}
