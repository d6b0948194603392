/*
 * main.c: the command line, the non-interactive modes, and the loop.
 *
 * The loop is: refresh the document, render the session into a frame,
 * copy the frame to the terminal, read a key and hand it to input.c.
 * The paint hook that long operations call only renders and copies:
 * the document is refreshed here in the loop, never from inside a
 * scan.  Every error ends as
 * one line on stderr naming the path, with exit status 2 for usage and
 * open errors and 1 for failures at run time.  The only globals are the
 * flags the signal handlers set.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_dump.h"
#include "doc.h"
#include "dump.h"
#include "find.h"
#include "frame.h"
#include "help.h"
#include "input.h"
#include "intake.h"
#include "inspect_cli.h"
#include "journal.h"
#include "keymap.h"
#include "layout.h"
#include "offset.h"
#include "pattern.h"
#include "quote.h"
#include "search_regex.h"
#include "revert.h"
#include "session.h"
#include "ui_curses.h"
#include "view.h"

#define MAIN_TICK_MS	500	/* how often the file size is re-read */

static volatile sig_atomic_t main_stop;

struct main_ui {
	struct session	*s;
	struct frame	 frame;
	struct intake	 in;		/* stdin or a /proc file, arriving */
	char		 note[512];	/* why and how a signal ended us */
};

static void	main_error(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
static void	main_on_signal(int);
static int	main_signals(void);
static int	main_dump(const struct cli *);
static int	main_find(const struct cli *);
static int	main_find_regex(const struct cli *);
static int	main_revert(const struct cli *);
static void	main_seek(struct session *, uint64_t);
static int	main_create(const struct cli *);
static int	main_edit(const struct cli *);
static int	main_open_edit(const struct cli *, struct intake *,
		    struct doc *);
static int	main_keys(void);
static int	main_inspect(const struct cli *);
static int	main_inspect_print(struct doc *, uint64_t);
static int	main_set_parse(const struct cli *, const struct doc *,
		    struct inspect_cli_set *);
static int	main_set(const struct cli *);
static void	main_paint(void *);
static void	main_show(struct main_ui *);
static int	main_cancel(void *);
static int	main_loop(struct main_ui *);
static int	main_terminate(struct main_ui *);

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
	    sigaction(SIGHUP, &sa, NULL) == -1 ||
	    sigaction(SIGINT, &sa, NULL) == -1 ||
	    sigaction(SIGQUIT, &sa, NULL) == -1)
		return (-1);
	/* A save past ulimit -f must fail with EFBIG, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	/* A closed pipe is an EPIPE to report, never a silent death. */
	signal(SIGPIPE, SIG_IGN);
	return (0);
}

static int
main_dump(const struct cli *c)
{
	struct dump_layout	l;
	struct doc	d;
	char		err[512];
	uint64_t	start = 0, len = UINT64_MAX, skip;
	int		rc;

	if (cli_dump_layout(c, &l, err, sizeof err) == -1) {
		main_error("%s", err);
		return (2);
	}
	if ((rc = intake_open_whole(c->path, &d, &skip, err,
	    sizeof err)) != 0) {
		main_error("%s", err);
		return (rc == -2 ? 1 : 2);
	}
	/*
	 * Like xxd, a plain start past the end dumps nothing.  Stdin as a
	 * file that was read from before: as xxd, no -s dumps from its
	 * offset, shown as 0; -s +N counts from there.
	 */
	if (c->start == NULL) {
		start = skip;
		l.displace -= skip;
	} else if (c->start[0] == '+' ? offset_parse(c->start, skip,
	    doc_size(&d), &start, err, sizeof err) == -1 :
	    offset_number(c->start, &start, err, sizeof err) == -1 &&
	    offset_seek(c->start, doc_size(&d), &start, err,
	    sizeof err) == -1) {
		main_error("%s: -s %s: %s", c->path, c->start, err);
		doc_close(&d);
		return (2);
	}
	if (c->length != NULL && offset_number(c->length, &len, err,
	    sizeof err) == -1) {
		main_error("%s: -l %s: %s", c->path, c->length, err);
		doc_close(&d);
		return (2);
	}
	rc = dump_run_layout(&d, start, len, &l, STDOUT_FILENO, err,
	    sizeof err, 0);
	if (rc == -1)
		main_error("%s", err);
	doc_close(&d);
	return (rc == -1 ? 1 : 0);
}

/* --revert DUMP FILE: DUMP's bytes into FILE, as xxd -r DUMP FILE. */
static int
main_revert(const struct cli *c)
{
	struct revert_opts	o = { c->kind == 'p', 16, 0, REVERT_HOLE };
	char			err[512];
	int			fd = STDIN_FILENO, rc;

	if (cli_dump_revert(c, &o.cols, &o.base, err, sizeof err) == -1) {
		main_error("%s", err);
		return (2);
	}
	if (strcmp(c->revert, "-") != 0 &&
	    (fd = open(c->revert, O_RDONLY | O_CLOEXEC)) == -1) {
		main_error("%s: cannot open the dump: %s", c->revert,
		    strerror(errno));
		return (2);
	}
	rc = revert_run(fd, strcmp(c->revert, "-") == 0 ? "standard input" :
	    c->revert, c->path, &o, NULL, err, sizeof err);
	if (rc == -1)
		main_error("%s", err);
	if (fd != STDIN_FILENO)
		close(fd);
	return (rc == -1 ? 1 : 0);
}

static int
main_find(const struct cli *c)
{
	struct pattern	pat;
	struct doc	d;
	char		err[512];
	int		rc;

	if (c->regex)
		return (main_find_regex(c));
	if (c->hex)
		rc = pattern_parse_hex(c->pattern, &pat, err, sizeof err);
	else
		rc = pattern_parse_text(c->pattern, c->icase, &pat, err,
		    sizeof err);
	if (rc == -1) {
		main_error("bad pattern '%s': %s", c->pattern, err);
		return (2);
	}
	if (intake_open_whole(c->path, &d, NULL, err, sizeof err)) {
		main_error("%s", err);
		pattern_free(&pat);
		return (2);
	}
	rc = find_print(&d, &pat, STDOUT_FILENO, err, sizeof err);
	if (rc == -1)
		main_error("%s", err);
	pattern_free(&pat);
	doc_close(&d);
	return (rc == -1 ? 2 : rc == 1 ? 0 : 1);
}

static int
main_inspect(const struct cli *c)
{
	struct doc	d;
	char		err[512];
	uint64_t	off = 0;
	int		rc;

	if ((rc = intake_open_whole(c->path, &d, NULL, err,
	    sizeof err)) != 0) {
		main_error("%s", err);
		return (rc == -2 ? 1 : 2);
	}
	rc = offset_seek(c->inspect, doc_size(&d), &off, err, sizeof err);
	if (rc == 0 && off < doc_size(&d))
		return (main_inspect_print(&d, off));
	if (rc == 0)
		snprintf(err, sizeof err, "past the end (the file has %llu "
		    "bytes)", (unsigned long long)doc_size(&d));
	main_error("%s: --inspect %s: %s", c->path, c->inspect, err);
	doc_close(&d);
	return (2);
}

/* Prints the rows at off and closes d. */
static int
main_inspect_print(struct doc *d, uint64_t off)
{
	char	err[512];
	int	rc;

	rc = inspect_cli_print(d, off, STDOUT_FILENO, err, sizeof err);
	if (rc == -1)
		main_error("%s", err);
	doc_close(d);
	return (rc == -1 ? 1 : 0);
}

/* Parses every --set before anything is written: 0, or -1 (said). */
static int
main_set_parse(const struct cli *c, const struct doc *d,
    struct inspect_cli_set *sets)
{
	char	err[512];
	int	i, j;

	for (i = 0; i < c->nset; i++)
		if (inspect_cli_parse(c->set[i], doc_size(d), &sets[i], err,
		    sizeof err) == -1) {
			main_error("%s: %s (nothing was written)", c->path,
			    err);
			for (j = 0; j < i; j++)
				inspect_cli_free(&sets[j]);
			return (-1);
		}
	return (0);
}

/* Writes every --set through the journal, then flushes. */
static int
main_set(const struct cli *c)
{
	struct inspect_cli_set	 sets[CLI_MAX_SETS];
	struct journal		*j = NULL;
	struct doc		 d;
	char			 err[512];
	int			 i, rc = 0;

	if (doc_open(&d, c->path, MAPPING_DIRECT, err, sizeof err) == -1) {
		main_error("%s", err);
		return (2);
	}
	if (main_set_parse(c, &d, sets) == -1) {
		doc_close(&d);
		return (2);
	}
	if ((j = journal_new(&d)) == NULL) {
		main_error("%s: out of memory", c->path);
		rc = 1;
	}
	for (i = 0; i < c->nset && rc == 0; i++)
		if (journal_write(j, sets[i].off, sets[i].bytes, sets[i].len,
		    err, sizeof err) == -1) {
			main_error("%s", err);
			rc = 1;
			/* Put back what the earlier ones wrote. */
			if (journal_discard(j, err, sizeof err) == -1)
				main_error("%s", err);
		}
	if (rc == 0 && journal_save(j, err, sizeof err) == -1) {
		main_error("%s", err);
		rc = 1;
	}
	for (i = 0; i < c->nset; i++)
		inspect_cli_free(&sets[i]);
	if (j != NULL)
		journal_free(j);
	doc_close(&d);
	return (rc);
}

/* --find --regex: prints every match, as grep -obUaP. */
static int
main_find_regex(const struct cli *c)
{
	struct search_regex	*re;
	struct doc		 d;
	char			 err[512];
	int			 rc;

	if ((re = search_regex_new(c->pattern, strlen(c->pattern), c->icase,
	    err, sizeof err)) == NULL) {
		main_error("bad pattern '%s': %s", c->pattern, err);
		return (2);
	}
	if (intake_open_whole(c->path, &d, NULL, err, sizeof err)) {
		main_error("%s", err);
		search_regex_free(re);
		return (2);
	}
	rc = find_print_regex(&d, re, c->lengths, STDOUT_FILENO, err,
	    sizeof err);
	if (rc == -1)
		main_error("%s", err);
	search_regex_free(re);
	doc_close(&d);
	return (rc == -1 ? 2 : rc == 1 ? 0 : 1);
}

static int
main_keys(void)
{
	char	line[512];
	size_t	i;

	for (i = 0; help_keys_line(i, line, sizeof line) == 0; i++)
		printf("%s\n", line);
	return (ferror(stdout) || fflush(stdout) == EOF ? 1 : 0);
}

/*
 * The paint hook of long operations: renders the session as it is and
 * copies it to the terminal.  It never refreshes or remaps the
 * document, and a fault it meets waits for the loop.
 */
static void
main_paint(void *arg)
{
	struct main_ui	*u = arg;

	(void)view_render(u->s, &u->frame);
	ui_draw(&u->frame);
}

/*
 * Sizes the frame and the windows to the terminal, renders, and copies
 * the frame to the terminal.  An unreadable byte on screen makes the
 * session re-read the size and say so before the frame is drawn.
 */
static void
main_show(struct main_ui *u)
{
	uint64_t	fault;
	int		rows, cols;

	ui_size(&rows, &cols);
	if ((rows != u->frame.rows || cols != u->frame.cols) &&
	    frame_resize(&u->frame, rows, cols) == -1)
		return;
	/* A key may have shown or hidden the inspector: lay out anew. */
	layout_apply(u->s, rows, cols);
	if ((fault = view_render(u->s, &u->frame)) != 0) {
		session_fault(u->s, fault - 1);
		(void)view_render(u->s, &u->frame);
	}
	ui_draw(&u->frame);
}

static int
main_cancel(void *arg)
{
	(void)arg;
	return (ui_poll_cancel() || main_stop);
}

/* A signal asked us to end: saves or drops as DESIGN says, and notes it. */
static int
main_terminate(struct main_ui *u)
{
	char	what[400];
	int	rc;

	rc = session_terminate(u->s, what, sizeof what);
	snprintf(u->note, sizeof u->note, "%s: ended by %s: %s",
	    doc_path(u->s->doc), main_stop == SIGHUP ? "SIGHUP (the "
	    "terminal went away)" : main_stop == SIGINT ? "SIGINT" :
	    main_stop == SIGQUIT ? "SIGQUIT" : "SIGTERM", what);
	return (rc == -1 ? 1 : 0);
}

static int
main_loop(struct main_ui *u)
{
	int	key, flags, wait;

	for (;;) {
		if (main_stop)
			return (main_terminate(u));
		/* Copies arriving input, and refreshes the session. */
		if ((wait = intake_tick(&u->in, u->s)) < 0)
			wait = MAIN_TICK_MS;
		main_show(u);
		if ((key = ui_key(wait)) == -1)
			continue;
		if (key == KEYMAP_HANGUP) {
			main_stop = SIGHUP;
			continue;
		}
		flags = input_key(u->s, key);
		if (flags & SESSION_QUIT)
			return (0);
		if (flags & SESSION_REPAINT)
			ui_repaint();
		if (flags & SESSION_SUSPEND)
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
main_seek(struct session *s, uint64_t start)
{
	window_goto(session_window(s), doc_size(s->doc));
	window_goto(session_window(s), start);
}

/*
 * --create: makes the file, sparse, before it is opened.  The terminal
 * is asked first, so that a run that cannot edit leaves no file.
 */
static int
main_create(const struct cli *c)
{
	char		err[512];
	uint64_t	size;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		main_error("%s: not a terminal; --create makes a file to edit "
		    "(truncate -s makes one without editing)", c->path);
		return (-1);
	}
	if (offset_size(c->create, 0, &size, err, sizeof err) == -1) {
		main_error("%s: --create %s: %s", c->path, c->create, err);
		return (-1);
	}
	if (doc_create(c->path, size, err, sizeof err) == -1) {
		main_error("%s", err);
		return (-1);
	}
	return (0);
}

/*
 * Opens FILE for editing, or starts copying stdin or a /proc file into
 * the document (then -s waits for the end of the input), after making
 * sure there is a terminal.  0, or -1 (said).
 */
static int
main_open_edit(const struct cli *c, struct intake *in, struct doc *d)
{
	char	err[512];
	int	rc;

	if ((rc = intake_start(in, c->path, c->mode, c->start, err,
	    sizeof err)) == -1 || (rc == 0 && doc_open(d, c->path, c->mode,
	    err, sizeof err) == -1)) {
		main_error("%s", err);
		return (-1);
	}
	/* Keys come from /dev/tty when stdin is the data. */
	if ((rc == 0 && !isatty(STDIN_FILENO)) || !isatty(STDOUT_FILENO)) {
		main_error("%s: not a terminal; use --dump for a hex dump",
		    c->path);
		if (rc == 0)
			doc_close(d);
		return (-1);
	}
	if (rc == 1 && intake_open(in, d, err, sizeof err) == -1) {
		main_error("%s", err);
		return (-1);
	}
	return (0);
}

static int
main_edit(const struct cli *c)
{
	struct doc	d;
	struct session	s;
	struct main_ui	u;
	char		err[512];
	uint64_t	start = 0;
	int		rc;

	memset(&u, 0, sizeof u);
	if (c->create != NULL && main_create(c) == -1)
		return (2);
	if (main_open_edit(c, &u.in, &d) == -1) {
		intake_close(&u.in);
		return (2);
	}
	if (!u.in.active && c->start != NULL && offset_seek(c->start,
	    doc_size(&d), &start, err, sizeof err) == -1) {
		main_error("%s: -s %s: %s", c->path, c->start, err);
		doc_close(&d);
		return (2);
	}
	err[0] = '\0';
	if (session_init(&s, &d, c->columns, c->maximize, err,
	    sizeof err) == -1 || main_signals() == -1 ||
	    ui_start(err, sizeof err) == -1) {
		main_error("%s", err[0] ? err : strerror(errno));
		session_free(&s);
		doc_close(&d);
		intake_close(&u.in);
		return (2);
	}
	if (c->history > 0)
		journal_set_history_max(s.journal, c->history);
	s.sector = c->sector;
	intake_attach(&u.in, &s);
	u.s = &s;
	s.hooks.paint = main_paint;
	s.hooks.cancel = main_cancel;
	s.hooks.arg = &u;
	main_show(&u);
	main_seek(&s, start);
	if (c->follow)
		session_follow(&s);
	rc = main_loop(&u);
	intake_close(&u.in);
	ui_stop();
	if (u.note[0] != '\0')
		main_error("%s", u.note);
	if (s.exit_info[0] != '\0')
		main_error("%s", s.exit_info);
	if (s.exit_note[0] != '\0') {
		main_error("%s", s.exit_note);
		rc = 1;
	}
	frame_free(&u.frame);
	session_free(&s);
	doc_close(&d);
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
	case CLI_INSPECT:
		return (main_inspect(&c));
	case CLI_SET:
		return (main_set(&c));
	case CLI_REVERT:
		return (main_revert(&c));
	case CLI_EDIT:
		break;
	}
	return (main_edit(&c));
}
