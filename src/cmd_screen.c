/*
 * cmd_screen.c: help, redraw and suspend.
 *
 * Help only raises a flag in the session: the help text is made from
 * the tables by help.c, scrolled by input.c and drawn by the view.
 */
#include "config.h"

#include "cmd_screen.h"

#include "session.h"

int
cmd_help(struct session *s)
{
	s->help = 1;
	s->help_top = 0;
	return (0);
}

int
cmd_redraw(struct session *s)
{
	(void)s;
	return (SESSION_REPAINT);
}

int
cmd_suspend(struct session *s)
{
	(void)s;
	return (SESSION_SUSPEND);
}
