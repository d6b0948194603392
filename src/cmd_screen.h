/*
 * cmd_screen.h: the commands about the screen itself: help, redraw,
 * suspend.  They return SESSION_ flags for the main loop to act on and
 * never touch the terminal.
 */
#ifndef MAPHEX_CMD_SCREEN_H
#define MAPHEX_CMD_SCREEN_H

struct session;

int	cmd_help(struct session *);
int	cmd_redraw(struct session *);
int	cmd_suspend(struct session *);

#endif
