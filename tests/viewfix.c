/* viewfix.c: see viewfix.h. */
#include "config.h"

#include "viewfix.h"

#include <check.h>
#include <string.h>

#include "layout.h"
#include "testutil.h"
#include "view.h"

void
fx_open(struct fixture *fx, const void *data, size_t len,
    enum mapping_mode mode, int rows, int cols)
{
	char	err[256];

	memset(fx, 0, sizeof *fx);
	fx->path = tu_file(data, len);
	ck_assert_int_eq(doc_open(&fx->d, fx->path, mode, err, sizeof err),
	    0);
	ck_assert_int_eq(session_init(&fx->s, &fx->d, 16, 0, err,
	    sizeof err), 0);
	ck_assert_int_eq(frame_resize(&fx->f, rows, cols), 0);
	layout_apply(&fx->s, rows, cols);
}

const char *
fx_row(struct fixture *fx, int row)
{
	view_render(&fx->s, &fx->f);
	frame_row(&fx->f, row, fx->row, sizeof fx->row);
	return (fx->row);
}

uint16_t
fx_attr(const struct fixture *fx, int row, int col)
{
	return (fx->f.attr[row * fx->f.cols + col]);
}

void
fx_close(struct fixture *fx)
{
	frame_free(&fx->f);
	session_free(&fx->s);
	doc_close(&fx->d);
	tu_remove(fx->path);
}
