/*
 * progress.h - a progress bar on stderr for long plans and simulations,
 * drawn only when stderr is a terminal (and never into a file or a pipe),
 * at most ten times a second, and erased when the work ends.
 */
#ifndef RIGPLAN_CLI_PROGRESS_H
#define RIGPLAN_CLI_PROGRESS_H

#include <stddef.h>

struct progress {
	int on;
	double last;            /* when it was last drawn */
	const char *label;
};

void progress_init(struct progress *p, const char *label);
/* Redraw if a tenth of a second has passed; `label` NULL keeps the old one. */
void progress_update(struct progress *p, const char *label, size_t done, size_t total);
/* Erase the bar. */
void progress_end(struct progress *p);

/* For callbacks: progress_update through a void pointer. */
void progress_cb(void *p, const char *label, size_t done, size_t total);

#endif
