/*
 * viewfix.h: a session and a frame over a scratch file holding given
 * bytes, for the suites that assert on what the view draws.
 */
#ifndef MAPHEX_VIEWFIX_H
#define MAPHEX_VIEWFIX_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "frame.h"
#include "session.h"

struct fixture {
	struct doc	 d;
	struct session	 s;
	struct frame	 f;
	char		*path;
	char		 row[4096];
};

/* Opens len bytes of data in mode, 16 bytes a row, on a rows x cols frame. */
void		 fx_open(struct fixture *, const void *data, size_t len,
		    enum mapping_mode mode, int rows, int cols);

/* Renders the session and returns frame row row as text. */
const char	*fx_row(struct fixture *, int row);

/* The attributes of the cell at row, col of the last render. */
uint16_t	 fx_attr(const struct fixture *, int row, int col);

void		 fx_close(struct fixture *);

#endif
