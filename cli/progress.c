/*
 * progress.c - see progress.h.
 */
#include "cli/progress.h"
#include "util/clock.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define WIDTH 30
#define PERIOD_S 0.1

void progress_init(struct progress *p, const char *label)
{
	p->on = isatty(STDERR_FILENO);
	p->last = 0;
	p->label = label;
}

void progress_update(struct progress *p, const char *label, size_t done, size_t total)
{
	char bar[WIDTH + 1];
	size_t fill, i;
	double t;

	if (!p->on || total == 0)
		return;
	if (label)
		p->label = label;
	t = clock_monotonic_s();
	if (t - p->last < PERIOD_S && done < total)
		return;
	p->last = t;
	if (done > total)
		done = total;
	fill = done * WIDTH / total;
	for (i = 0; i < WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[WIDTH] = '\0';
	fprintf(stderr, "\r%-24.24s [%s] %3zu%%", p->label ? p->label : "", bar, done * 100 / total);
	fflush(stderr);
}

void progress_end(struct progress *p)
{
	if (!p->on || p->last == 0)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->last = 0;
}

void progress_cb(void *p, const char *label, size_t done, size_t total)
{
	progress_update(p, label, done, total);
}
