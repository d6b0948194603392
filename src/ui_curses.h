/*
 * ui_curses.h: the terminal, and the only door to curses.
 *
 * Starts and stops the terminal, copies a frame to it, and reads keys
 * as keymap ints.  Nothing else in maphex includes curses.
 */
#ifndef MAPHEX_UI_CURSES_H
#define MAPHEX_UI_CURSES_H

#include <stddef.h>

struct frame;

/* Takes over the terminal.  Returns 0, or -1 with a reason in err. */
int	ui_start(char *err, size_t errlen);

/* Gives the terminal back as it was; safe to call twice. */
void	ui_stop(void);

/* Reads the terminal size. */
void	ui_size(int *rows, int *cols);

/* Copies the frame to the screen and places the cursor. */
void	ui_draw(const struct frame *);

/* Makes the next ui_draw repaint every cell (Ctrl-L). */
void	ui_repaint(void);

/*
 * Waits up to timeout_ms for a key; returns it as a keymap int, or -1
 * when none came.  A terminal resize comes back as KEYMAP_RESIZE, a
 * terminal that hung up as KEYMAP_HANGUP.
 */
int	ui_key(int timeout_ms);

/*
 * Returns 1 if Ctrl-C or a lone Esc was typed, without blocking.  Other
 * keys typed meanwhile are kept, in order, for ui_key(); a cancel
 * drops them.
 */
int	ui_poll_cancel(void);

/* Stops the process until it is resumed, restoring the terminal. */
void	ui_suspend(void);

#endif
