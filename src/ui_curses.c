/*
 * ui_curses.c: the one file that speaks curses.
 *
 * It turns frames into screen cells and curses keys into keymap ints.
 * Frames hold printable characters only, so nothing drawn here can be
 * a control byte.  With ncursesw the locale's character set is used
 * (so UTF-8 file names and typed text show as they are); plain ncurses
 * stays in the C locale, where frames hold ASCII.  Colour follows the
 * terminal and NO_COLOR.
 */
#include "config.h"

#include "ui_curses.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "frame.h"
#include "keymap.h"

#define UI_ESC_WAIT_MS	60	/* how long an Esc waits for its key */
#define UI_SEQ_MAX	64	/* bytes of a control sequence, at most */

enum { PAIR_CURSOR = 1, PAIR_DIRTY, PAIR_MATCH, PAIR_ERROR, PAIR_TITLE,
	PAIR_OUTSIDE };

static int	ui_started;
static int	ui_colour;
/* The terminal keys come from: stdin, or /dev/tty when stdin is data. */
static FILE	*ui_tty;
static int	 ui_in = STDIN_FILENO;
/*
 * Keys read while a long operation polled for Ctrl-C or Esc, for
 * ui_key(); the queue grows as needed, so no typed key is dropped.
 */
static int	*ui_queue;
static size_t	 ui_queued;
static size_t	 ui_queue_cap;
static int	 ui_queue_lost;

static int	ui_translate(int);
static int	ui_alt_key(int);
static void	ui_run(const wchar_t *, const uint16_t *, int, int, int);
static attr_t	ui_attr(uint16_t);
static int	ui_hangup(void);
static void	ui_close_tty(void);
static int	ui_after_esc(void);
static int	ui_sequence(int);
static int	ui_paste(void);
static void	ui_enqueue(int);

int
ui_start(char *err, size_t errlen)
{
	const char	*nc = getenv("NO_COLOR");
	const char	*term = getenv("TERM");

#ifdef HAVE_NCURSESW
	setlocale(LC_CTYPE, "");
#endif
	if (!isatty(STDIN_FILENO)) {
		if ((ui_tty = fopen("/dev/tty", "r+e")) == NULL) {
			snprintf(err, errlen, "cannot open the terminal "
			    "(/dev/tty) to read keys from: %s",
			    strerror(errno));
			return (-1);
		}
		ui_in = fileno(ui_tty);
	}
	if (newterm(NULL, stdout, ui_tty != NULL ? ui_tty : stdin) == NULL) {
		snprintf(err, errlen, "cannot use terminal type '%s'; set TERM "
		    "to one your terminal supports", term ? term : "");
		ui_close_tty();
		return (-1);
	}
	ui_started = 1;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(UI_ESC_WAIT_MS);
	if (has_colors() && (nc == NULL || nc[0] == '\0')) {
		start_color();
		use_default_colors();
		init_pair(PAIR_CURSOR, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_DIRTY, COLOR_RED, -1);
		init_pair(PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
		init_pair(PAIR_ERROR, COLOR_RED, -1);
		init_pair(PAIR_TITLE, COLOR_CYAN, -1);
		init_pair(PAIR_OUTSIDE, COLOR_BLACK, COLOR_MAGENTA);
		ui_colour = 1;
	}
	return (0);
}

void
ui_stop(void)
{
	if (!ui_started)
		return;
	endwin();
	ui_started = 0;
	ui_close_tty();
	free(ui_queue);
	ui_queue = NULL;
	ui_queued = ui_queue_cap = 0;
}

void
ui_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

/* Maps frame attributes to curses attributes, with or without colour. */
static attr_t
ui_attr(uint16_t a)
{
	attr_t	r = A_NORMAL;

	if (a & FRAME_STATUS)
		r |= A_REVERSE;
	if (a & FRAME_SELECT)
		r |= A_REVERSE;
	if (a & FRAME_DIRTY)
		r |= A_BOLD | (ui_colour ? COLOR_PAIR(PAIR_DIRTY) : 0);
	if (a & FRAME_MATCH)
		r |= ui_colour ? COLOR_PAIR(PAIR_MATCH) : A_UNDERLINE;
	/* Without colour: reverse and underline, over the byte's other marks. */
	if (a & FRAME_OUTSIDE)
		r = (r & ~A_COLOR) | (ui_colour ? A_BOLD |
		    COLOR_PAIR(PAIR_OUTSIDE) : A_REVERSE | A_UNDERLINE);
	if (a & FRAME_SHADOW)
		r |= A_UNDERLINE;
	if (a & FRAME_CURSOR)
		r = (r & ~A_COLOR) | A_BOLD |
		    (ui_colour ? COLOR_PAIR(PAIR_CURSOR) : A_REVERSE);
	if (a & FRAME_ERROR)
		r |= A_BOLD | (ui_colour && !(a & FRAME_STATUS) ?
		    COLOR_PAIR(PAIR_ERROR) : 0);
	if (a & FRAME_TITLE)
		r |= A_BOLD | (ui_colour ? COLOR_PAIR(PAIR_TITLE) : 0);
	return (r);
}

/*
 * Draws the cells [col, end) of one row, all with the same attribute,
 * as one multibyte string; tail cells of wide characters are skipped.
 */
static void
ui_run(const wchar_t *text, const uint16_t *attr, int row, int col,
    int end)
{
	char		 buf[4096];
	mbstate_t	 st;
	size_t		 used = 0, n;
	int		 i;

	memset(&st, 0, sizeof st);
	for (i = col; i < end; i++) {
		if (text[i] == FRAME_TAIL)
			continue;
		if (used + MB_LEN_MAX >= sizeof buf)
			break;
		if (text[i] < 0x80)
			buf[used++] = (char)text[i];
		else if ((n = wcrtomb(buf + used, text[i], &st)) !=
		    (size_t)-1)
			used += n;
		else
			buf[used++] = '.';
	}
	attrset(ui_attr(attr[col]));
	mvaddnstr(row, col, buf, (int)used);
}

void
ui_draw(const struct frame *f)
{
	int			 row, col, end;
	const wchar_t		*text;
	const uint16_t		*attr;

	erase();
	for (row = 0; row < f->rows; row++) {
		text = f->text + (size_t)row * (size_t)f->cols;
		attr = f->attr + (size_t)row * (size_t)f->cols;
		for (col = 0; col < f->cols; col = end) {
			end = col;
			while (end < f->cols && attr[end] == attr[col])
				end++;
			ui_run(text, attr, row, col, end);
		}
	}
	attrset(A_NORMAL);
	if (f->cursor_row >= 0) {
		curs_set(1);
		move(f->cursor_row, f->cursor_col);
	} else
		curs_set(0);
	refresh();
}

void
ui_repaint(void)
{
	clearok(curscr, TRUE);
}

/* Converts a curses key code into a keymap int. */
static int
ui_translate(int ch)
{
	switch (ch) {
	case KEY_UP:		return (KEYMAP_UP);
	case KEY_DOWN:		return (KEYMAP_DOWN);
	case KEY_LEFT:		return (KEYMAP_LEFT);
	case KEY_RIGHT:		return (KEYMAP_RIGHT);
	case KEY_PPAGE:		return (KEYMAP_PGUP);
	case KEY_NPAGE:		return (KEYMAP_PGDN);
	case KEY_HOME:		return (KEYMAP_HOME);
	case KEY_END:		return (KEYMAP_END);
	case KEY_BACKSPACE:	return (KEYMAP_BACKSPACE);
	case KEY_DC:		return (KEYMAP_DELETE);
	case KEY_IC:		return (KEYMAP_INSERT);
	case KEY_ENTER:		return ('\r');
	case KEY_RESIZE:	return (KEYMAP_RESIZE);
	}
	if (ch >= KEY_F(1) && ch <= KEY_F(12))
		return (KEYMAP_F(ch - KEY_F0));
	if (ch >= 0 && ch < 0x100)
		return (ch);
	return (ui_alt_key(ch));
}

/*
 * Alt-arrows arrive as one sequence (xterm's ESC [ 1 ; 3 C) that
 * ncurses names by its terminfo capability: they are the Esc-arrows.
 */
static int
ui_alt_key(int ch)
{
	static const struct {
		const char	*name;
		int		 key;
	} alt[] = {
		{ "kUP3", KEYMAP_UP }, { "kDN3", KEYMAP_DOWN },
		{ "kLFT3", KEYMAP_LEFT }, { "kRIT3", KEYMAP_RIGHT },
		{ "kHOM3", KEYMAP_HOME }, { "kEND3", KEYMAP_END },
	};
	const char	*name = keyname(ch);
	size_t		 i;

	for (i = 0; name != NULL && i < sizeof alt / sizeof alt[0]; i++)
		if (strcmp(name, alt[i].name) == 0)
			return (KEYMAP_META | alt[i].key);
	return (KEYMAP_UNKNOWN);
}

static void
ui_close_tty(void)
{
	if (ui_tty != NULL)
		fclose(ui_tty);
	ui_tty = NULL;
	ui_in = STDIN_FILENO;
}

/* Tells a terminal that hung up (getch fails at once) from a timeout. */
static int
ui_hangup(void)
{
	struct pollfd	p;

	p.fd = ui_in;
	p.events = POLLIN;
	p.revents = 0;
	return (poll(&p, 1, 0) == 1 &&
	    (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0);
}

/*
 * Reads the rest of a control sequence that curses did not know, so
 * that none of its bytes is taken as typing.  intro is '[' (CSI: its
 * parameters and intermediates end at a final byte from '@' to '~') or
 * 'O' (SS3: one more byte).  Returns KEYMAP_UNKNOWN, KEYMAP_PASTE for
 * the start of a bracketed paste, or KEYMAP_META | intro when nothing
 * followed (Esc then [ typed by hand).
 */
static int
ui_sequence(int intro)
{
	char	buf[UI_SEQ_MAX];
	size_t	n = 0;
	int	c;

	timeout(UI_ESC_WAIT_MS);
	if ((c = getch()) == ERR)
		return (KEYMAP_META | intro);
	if (intro == 'O')
		return (KEYMAP_UNKNOWN);
	while (c != ERR && !(c >= 0x40 && c <= 0x7e) && c >= 0x20 &&
	    c < 0x40) {
		if (n + 1 < sizeof buf)
			buf[n++] = (char)c;
		c = getch();
	}
	buf[n] = '\0';
	if (c == '~' && strcmp(buf, "200") == 0)
		return (ui_paste());
	return (KEYMAP_UNKNOWN);
}

/*
 * Reads and drops a bracketed paste up to its end (Esc [201~) or until
 * the terminal stops sending.  maphex never turns on bracketed paste,
 * so one arriving is not the user typing; it is refused whole.
 */
static int
ui_paste(void)
{
	static const char	 end[] = "\033[201~";
	size_t			 matched = 0;
	int			 c;

	timeout(UI_ESC_WAIT_MS);
	while ((c = getch()) != ERR) {
		if (c == end[matched])
			matched++;
		else
			matched = c == end[0] ? 1 : 0;
		if (end[matched] == '\0')
			break;
	}
	return (KEYMAP_PASTE);
}

/*
 * Reads the key after an Esc: KEYMAP_META | key, KEYMAP_ESC alone, or
 * KEYMAP_UNKNOWN for a sequence curses did not recognise.
 */
static int
ui_after_esc(void)
{
	int	next;

	timeout(UI_ESC_WAIT_MS);
	next = getch();
	if (next == ERR)
		return (KEYMAP_ESC);
	if (next == '[' || next == 'O')
		return (ui_sequence(next));
	if (next == 0x1b) {
		/* Esc Esc [A is Alt-Up on some terminals. */
		next = ui_after_esc();
		if (next == KEYMAP_ESC)
			return (KEYMAP_META | KEYMAP_ESC);
		if (next & KEYMAP_META)
			next &= ~KEYMAP_META;
		if (next == KEYMAP_UNKNOWN || next == KEYMAP_PASTE)
			return (next);
	} else
		next = ui_translate(next);
	return (next == KEYMAP_UNKNOWN ? next : KEYMAP_META | next);
}

int
ui_key(int timeout_ms)
{
	int	ch;

	if (ui_queued > 0) {
		ch = ui_queue[0];
		memmove(ui_queue, ui_queue + 1, --ui_queued * sizeof *ui_queue);
		return (ch);
	}
	if (ui_queue_lost) {
		ui_queue_lost = 0;
		return (KEYMAP_LOST);
	}
	timeout(timeout_ms);
	ch = getch();
	if (ch == ERR)
		return (ui_hangup() ? KEYMAP_HANGUP : -1);
	if (ch != 0x1b)
		return (ui_translate(ch));
	return (ui_after_esc());
}

/*
 * Reads what was typed without waiting: Ctrl-C or a lone Esc means
 * cancel, and drops everything typed before it; any other key (Esc-V
 * too) is queued for ui_key() to return once the search is over.
 */
int
ui_poll_cancel(void)
{
	int	ch;

	timeout(0);
	while ((ch = getch()) != ERR) {
		if (ch == 0x1b)
			ch = ui_after_esc();
		else
			ch = ui_translate(ch);
		if (ch == KEYMAP_CTRL('C') || ch == KEYMAP_ESC) {
			ui_queued = 0;
			return (1);
		}
		if (ch != -1)
			ui_enqueue(ch);
		timeout(0);
	}
	return (0);
}

/* Keeps a key for later; if memory runs out, ui_key() says so once. */
static void
ui_enqueue(int ch)
{
	size_t	 cap;
	int	*q;

	if (ui_queued == ui_queue_cap) {
		cap = ui_queue_cap > 0 ? ui_queue_cap * 2 : 64;
		if ((q = realloc(ui_queue, cap * sizeof *q)) == NULL) {
			ui_queue_lost = 1;
			return;
		}
		ui_queue = q;
		ui_queue_cap = cap;
	}
	ui_queue[ui_queued++] = ch;
}

void
ui_suspend(void)
{
	def_prog_mode();
	endwin();
	kill(getpid(), SIGSTOP);
	reset_prog_mode();
	ui_repaint();
}
