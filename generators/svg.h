/*
 * svg.h - small, self-contained SVG charts (no scripts, no fonts to fetch,
 * no external references): x-y plots with ticks at 1-2-5 steps, labelled
 * axes with units, points, lines and a legend.  Deterministic: fixed
 * number formatting, elements in call order.  Text is XML-escaped.
 */
#ifndef RIGPLAN_GENERATORS_SVG_H
#define RIGPLAN_GENERATORS_SVG_H

#include <stddef.h>

struct sbuf;

struct svg_axis {
	const char *label;      /* with its unit: "capex (USD)" */
	double lo, hi;          /* data range; widened to nice ticks */
	int log;                /* logarithmic (lo > 0) */
};

struct svg_plot {
	struct sbuf *sb;
	double w, h;            /* whole image, px */
	double left, right, top, bottom;    /* plot area */
	struct svg_axis x, y;
	size_t legend;          /* entries drawn so far */
};

/* A palette of colours distinguishable in print and for common colour
 * blindness (Okabe & Ito, 2008). */
const char *svg_color(size_t i);

/* The <svg> element and a title; then svg_axes. */
void svg_begin(struct svg_plot *p, struct sbuf *sb, double w, double h, const char *title,
	       const struct svg_axis *x, const struct svg_axis *y);
void svg_axes(struct svg_plot *p);
/* A marker at (x, y): filled or hollow, with an optional label beside it. */
void svg_point(struct svg_plot *p, double x, double y, const char *color, int filled,
	       const char *label);
/* Where data (x, y) lands on the image, px. */
void svg_xy(const struct svg_plot *p, double x, double y, double *X, double *Y);
/* A polyline through n points (NaNs skipped). */
void svg_line(struct svg_plot *p, const double *x, const double *y, size_t n,
	      const char *color, int dashed);
/* A horizontal or vertical line across the plot at a value (an objective). */
void svg_hline(struct svg_plot *p, double y, const char *color, const char *label);
void svg_legend(struct svg_plot *p, const char *color, int filled, const char *text);
void svg_end(struct svg_plot *p);

/* XML text. */
void svg_text(struct sbuf *sb, const char *s);

/* Horizontal stacked bars: one bar per row, segments with values, a
 * scale in `unit` (e.g. "GiB", "W") up to `max`. */
struct svg_bar_segment {
	const char *name;
	double value;
};
void svg_bars(struct sbuf *sb, const char *title, const char *unit, double max,
	      const char *const *rows, const struct svg_bar_segment *const *segs,
	      const size_t *nsegs, size_t nrows, const char *mark_label, double mark);

#endif
