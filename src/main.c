/*
 * main.c: the command line, the non-interactive modes, and the loop.
 *
 * The loop is: read a key, hand it to the editor, render the editor
 * into a frame, copy the frame to the terminal.  Every error ends as
 * one line on stderr naming the path, with exit status 2 for usage and
 * open errors and 1 for failures at run time.  The only globals are the
 * flags the signal handlers set.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "dump.h"
#include "editor.h"
#include "find.h"
#include "frame.h"
#include "keymap.h"
#include "commands.h"
#include "mapping.h"
#include "offset.h"
#include "quote.h"
#include "search.h"
#include "ui_curses.h"
#include "view.h"

#define MAIN_TICK_MS	500	/* how often the file size is re-read */

static volatile sig_atomic_t main_stop;

struct main_ui {
	struct editor	*ed;
	struct frame	 frame;
};

static void	main_error(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
static void	main_on_signal(int);
static int	main_signals(void);
static int	main_dump(const struct cli *);
static int	main_find(const struct cli *);
static void	main_seek(struct editor *, uint64_t);
static int	main_edit(const struct cli *);
static int	main_keys(void);
static void	main_show(void *);
static int	main_cancel(void *);
static int	main_loop(struct main_ui *);

/*
 * Prints "maphex: " and the message as one line on stderr.  Paths and
 * patterns in it may hold any byte, so the whole line is quoted.
 */
static void
main_error(const char *fmt, ...)
{
	char	msg[1024], q[2048];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "maphex: %s\n", quote_string(q, sizeof q, msg));
}

static void
main_on_signal(int sig)
{
	main_stop = sig;
}

static int
main_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = main_on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGHUP, &sa, NULL) == -1)
		return (-1);
	/* A save past ulimit -f must fail with EFBIG, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	return (0);
}

static int
main_dump(const struct cli *c)
{
	struct mapping	m;
	char		err[512];
	uint64_t	start = 0, len = UINT64_MAX;
	int		rc;

	if (mapping_open(&m, c->path, MAPPING_READONLY, err, sizeof err)) {
		main_error("%s", err);
		return (2);
	}
	/* Like xxd, a plain start past the end dumps nothing. */
	if (c->start != NULL && offset_number(c->start, &start, err,
	    sizeof err) == -1 && offset_seek(c->start, m.size, &start, err,
	    sizeof err) == -1) {
		main_error("%s: -s %s: %s", c->path, c->start, err);
		mapping_close(&m);
		return (2);
	}
	if (c->length != NULL && offset_number(c->length, &len, err,
	    sizeof err) == -1) {
		main_error("%s: -l %s: %s", c->path, c->length, err);
		mapping_close(&m);
		return (2);
	}
	rc = dump_run(&m, start, len, STDOUT_FILENO, err, sizeof err);
	if (rc == -1)
		main_error("%s", err);
	mapping_close(&m);
	return (rc == -1 ? 1 : 0);
}

static int
main_find(const struct cli *c)
{
	struct search_pattern	pat;
	struct mapping		m;
	char			err[512];
	int			rc;

	if (c->hex)
		rc = search_parse_hex(c->pattern, &pat, err, sizeof err);
	else
		rc = search_parse_text(c->pattern, c->icase, &pat, err,
		    sizeof err);
	if (rc == -1) {
		main_error("bad pattern '%s': %s", c->pattern, err);
		return (2);
	}
	if (mapping_open(&m, c->path, MAPPING_READONLY, err, sizeof err)) {
		main_error("%s", err);
		search_pattern_free(&pat);
		return (2);
	}
	rc = find_print(&m, &pat, STDOUT_FILENO, err, sizeof err);
	if (rc == -1)
		main_error("%s", err);
	search_pattern_free(&pat);
	mapping_close(&m);
	return (rc == -1 ? 2 : rc == 1 ? 0 : 1);
}

static int
main_keys(void)
{
	const struct command	*c;
	char			 keys[256], less[128];

	for (c = commands_table; c->name != NULL; c++) {
		keymap_keys_for(c->name, 0, keys, sizeof keys);
		if (keymap_keys_for(c->name, 1, less, sizeof less) > 0)
			printf("%-18s %s (read-only also: %s): %s\n", c->name,
			    keys, less, c->help);
		else
			printf("%-18s %s: %s\n", c->name, keys, c->help);
	}
	return (ferror(stdout) || fflush(stdout) == EOF ? 1 : 0);
}

/* Renders the editor and copies it to the terminal. */
static void
main_show(void *arg)
{
	struct main_ui	*u = arg;
	int		 rows, cols;

	ui_size(&rows, &cols);
	if (rows != u->frame.rows || cols != u->frame.cols) {
		if (frame_resize(&u->frame, rows, cols) == -1)
			return;
		editor_resize(u->ed, rows, cols);
	}
	view_render(u->ed, &u->frame);
	if (u->ed->fault != 0) {
		editor_refresh(u->ed);
		view_render(u->ed, &u->frame);
		u->ed->fault = 0;
	}
	ui_draw(&u->frame);
}

static int
main_cancel(void *arg)
{
	(void)arg;
	return (ui_poll_cancel() || main_stop);
}

static int
main_loop(struct main_ui *u)
{
	int	key, flags;

	for (;;) {
		if (main_stop)
			return (editor_terminate(u->ed) == -1 ? 1 : 0);
		editor_refresh(u->ed);
		main_show(u);
		if ((key = ui_key(MAIN_TICK_MS)) == -1)
			continue;
		if (key == KEYMAP_HANGUP) {
			main_stop = SIGHUP;
			continue;
		}
		flags = editor_key(u->ed, key);
		if (flags & EDITOR_QUIT)
			return (0);
		if (flags & EDITOR_REPAINT)
			ui_repaint();
		if (flags & EDITOR_SUSPEND)
			ui_suspend();
	}
}

/*
 * Puts the cursor on start with its row at the top of the first
 * screen, unless that would leave rows past the end of the file
 * empty: then the screen shows the last screenful, as the end-of-file
 * key does.  The first goto scrolls to that screenful; the second
 * scrolls up from it only if start is above it.
 */
static void
main_seek(struct editor *ed, uint64_t start)
{
	editor_goto(ed, ed->map->size);
	editor_goto(ed, start);
}

static int
main_edit(const struct cli *c)
{
	struct mapping	m;
	struct editor	ed;
	struct main_ui	u;
	char		err[512];
	uint64_t	start = 0;
	int		rc;

	if (mapping_open(&m, c->path, c->mode, err, sizeof err) == -1) {
		main_error("%s", err);
		return (2);
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		main_error("%s: not a terminal; use --dump for a hex dump",
		    c->path);
		mapping_close(&m);
		return (2);
	}
	if (c->start != NULL && offset_seek(c->start, m.size, &start, err,
	    sizeof err) == -1) {
		main_error("%s: -s %s: %s", c->path, c->start, err);
		mapping_close(&m);
		return (2);
	}
	err[0] = '\0';
	if (editor_init(&ed, &m, c->columns, c->maximize, err,
	    sizeof err) == -1 || main_signals() == -1 ||
	    ui_start(err, sizeof err) == -1) {
		main_error("%s", err[0] ? err : strerror(errno));
		editor_free(&ed);
		mapping_close(&m);
		return (2);
	}
	memset(&u, 0, sizeof u);
	u.ed = &ed;
	ed.hooks.show = main_show;
	ed.hooks.cancel = main_cancel;
	ed.hooks.arg = &u;
	main_show(&u);
	main_seek(&ed, start);
	rc = main_loop(&u);
	ui_stop();
	frame_free(&u.frame);
	editor_free(&ed);
	mapping_close(&m);
	/*
	 * A terminal that hangs up also sends SIGCONT to its process
	 * group.  Everything is saved and closed by now, so leave at once:
	 * an exit handler that stops the process (a sanitizer's leak check
	 * does, with ptrace) would have its stop undone and wait forever.
	 */
	if (main_stop == SIGHUP)
		_exit(rc);
	return (rc);
}

int
main(int argc, char **argv)
{
	struct cli	c;
	char		err[512];

	if (cli_parse(argc, argv, &c, err, sizeof err) == -1) {
		main_error("%s", err);
		return (2);
	}
	switch (c.action) {
	case CLI_HELP:
		fputs(cli_usage, stdout);
		return (0);
	case CLI_VERSION:
		printf("maphex %s\n", PACKAGE_VERSION);
		return (0);
	case CLI_KEYS:
		return (main_keys());
	case CLI_DUMP:
		return (main_dump(&c));
	case CLI_FIND:
		return (main_find(&c));
	case CLI_EDIT:
		break;
	}
	return (main_edit(&c));
}
