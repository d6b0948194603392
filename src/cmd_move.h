/*
 * cmd_move.h: the commands that move the cursor or switch panes.
 *
 * Each takes the session, acts on its focused window and returns
 * SESSION_ flags; none changes a byte.
 */
#ifndef MAPHEX_CMD_MOVE_H
#define MAPHEX_CMD_MOVE_H

struct session;

int	cmd_backward_char(struct session *);
int	cmd_forward_char(struct session *);
int	cmd_previous_line(struct session *);
int	cmd_next_line(struct session *);
int	cmd_forward_block(struct session *);
int	cmd_backward_block(struct session *);
int	cmd_next_rows(struct session *);
int	cmd_previous_rows(struct session *);
int	cmd_page_from_cursor(struct session *);
int	cmd_set_bookmark(struct session *);
int	cmd_jump_bookmark(struct session *);
int	cmd_back(struct session *);
int	cmd_page_down(struct session *);
int	cmd_page_up(struct session *);
int	cmd_beginning_of_line(struct session *);
int	cmd_end_of_line(struct session *);
int	cmd_beginning_of_file(struct session *);
int	cmd_end_of_file(struct session *);
/* Follows the end as the file grows (tail -f): see session_follow(). */
int	cmd_follow(struct session *);
/* Opens the go-to prompt; its line is parsed by offset_parse(). */
int	cmd_goto_offset(struct session *);
int	cmd_switch_pane(struct session *);

#endif
