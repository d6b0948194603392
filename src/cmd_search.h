/*
 * cmd_search.h: the search commands.  They open the search prompt or
 * repeat the last search, scan the document through search.c, and move
 * the cursor to what they find; they return SESSION_ flags.
 */
#ifndef MAPHEX_CMD_SEARCH_H
#define MAPHEX_CMD_SEARCH_H

struct session;

int	cmd_search_forward(struct session *);
int	cmd_search_backward(struct session *);
int	cmd_search_next(struct session *);
int	cmd_search_previous(struct session *);

#endif
