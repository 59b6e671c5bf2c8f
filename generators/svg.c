/*
 * svg.c - see svg.h.
 */
#include "generators/svg.h"
#include "util/sbuf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define FONT "font-family=\"sans-serif\" font-size=\"12\""

const char *svg_color(size_t i)
{
	static const char *const okabe_ito[] = {
		"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"
	};

	return okabe_ito[i % (sizeof(okabe_ito) / sizeof(okabe_ito[0]))];
}

void svg_text(struct sbuf *sb, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sbuf_addstr(sb, "&amp;"); break;
		case '<': sbuf_addstr(sb, "&lt;"); break;
		case '>': sbuf_addstr(sb, "&gt;"); break;
		case '"': sbuf_addstr(sb, "&quot;"); break;
		case '\'': sbuf_addstr(sb, "&apos;"); break;
		default:
			/* control bytes are not allowed in XML 1.0 */
			if ((unsigned char)*s < 0x20 && *s != '\t')
				sbuf_addch(sb, ' ');
			else
				sbuf_addch(sb, *s);
		}
	}
}

/* A tick label: 3 significant digits, k and M for thousands and millions. */
static void tick_label(char *buf, size_t len, double v)
{
	double a = fabs(v);

	if (a >= 1e6)
		snprintf(buf, len, "%.3gM", v / 1e6);
	else if (a >= 1e3)
		snprintf(buf, len, "%.3gk", v / 1e3);
	else
		snprintf(buf, len, "%.3g", v);
}

/* A 1-2-5 step giving about `want` intervals over [lo, hi]. */
static double nice_step(double lo, double hi, int want)
{
	double raw = (hi - lo) / want, mag, f;

	if (!(raw > 0))
		return 1;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	return mag * (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10);
}

static void widen(struct svg_axis *a)
{
	double step;

	if (a->log) {
		if (!(a->lo > 0))
			a->lo = a->hi > 0 ? a->hi / 10 : 1;
		a->lo = pow(10, floor(log10(a->lo)));
		a->hi = pow(10, ceil(log10(a->hi > a->lo ? a->hi : a->lo * 10)));
		return;
	}
	if (!(a->hi > a->lo)) {     /* one value, or none */
		a->hi = a->lo == 0 ? 1 : a->lo + fabs(a->lo) * 0.5;
		a->lo = a->lo == 0 ? 0 : a->lo - fabs(a->lo) * 0.5;
	}
	step = nice_step(a->lo, a->hi, 5);
	a->lo = floor(a->lo / step) * step;
	a->hi = ceil(a->hi / step) * step;
}

static double frac(const struct svg_axis *a, double v)
{
	if (a->log)
		return (log10(v) - log10(a->lo)) / (log10(a->hi) - log10(a->lo));
	return (v - a->lo) / (a->hi - a->lo);
}

static double px(const struct svg_plot *p, double x)
{
	return p->left + frac(&p->x, x) * (p->w - p->left - p->right);
}

static double py(const struct svg_plot *p, double y)
{
	return p->h - p->bottom - frac(&p->y, y) * (p->h - p->top - p->bottom);
}

void svg_xy(const struct svg_plot *p, double x, double y, double *X, double *Y)
{
	*X = px(p, x);
	*Y = py(p, y);
}

static int inside(const struct svg_plot *p, double x, double y)
{
	return isfinite(x) && isfinite(y) && x >= p->x.lo && x <= p->x.hi && y >= p->y.lo &&
	       y <= p->y.hi && (!p->x.log || x > 0) && (!p->y.log || y > 0);
}

/* The <svg> element, its <title>, a white ground and the title drawn at x. */
static void header(struct sbuf *sb, double w, double h, const char *title, double x)
{
	sbuf_addf(sb, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
		  "viewBox=\"0 0 %.0f %.0f\" role=\"img\">\n<title>", w, h, w, h);
	svg_text(sb, title);
	sbuf_addf(sb, "</title>\n<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n"
		  "<text x=\"%.1f\" y=\"22\" font-family=\"sans-serif\" font-size=\"15\" "
		  "font-weight=\"bold\">", w, h, x);
	svg_text(sb, title);
	sbuf_addstr(sb, "</text>\n");
}

void svg_begin(struct svg_plot *p, struct sbuf *sb, double w, double h, const char *title,
	       const struct svg_axis *x, const struct svg_axis *y)
{
	memset(p, 0, sizeof(*p));
	p->sb = sb;
	p->w = w;
	p->h = h;
	p->left = 70;
	p->right = 170;     /* room for the legend */
	p->top = 36;
	p->bottom = 50;
	p->x = *x;
	p->y = *y;
	widen(&p->x);
	widen(&p->y);
	header(sb, w, h, title, p->left);
}

static void ticks(struct svg_plot *p, int vertical)
{
	const struct svg_axis *a = vertical ? &p->y : &p->x;
	double step = nice_step(a->lo, a->hi, 5), v;
	char label[32];
	int i;

	for (i = 0; i <= 100; i++) {
		double at;

		if (a->log) {
			v = a->lo * pow(10, i);
			if (v > a->hi * 1.0001)
				break;
		} else {
			v = a->lo + i * step;
			if (v > a->hi + step * 1e-6)
				break;
			if (fabs(v) < step * 1e-9)
				v = 0;
		}
		tick_label(label, sizeof(label), v);
		if (vertical) {
			at = py(p, v);
			sbuf_addf(p->sb, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
				  "stroke=\"#dddddd\"/>\n<text x=\"%.1f\" y=\"%.1f\" " FONT
				  " text-anchor=\"end\">%s</text>\n", p->left, at, p->w - p->right, at,
				  p->left - 6, at + 4, label);
		} else {
			at = px(p, v);
			sbuf_addf(p->sb, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
				  "stroke=\"#dddddd\"/>\n<text x=\"%.1f\" y=\"%.1f\" " FONT
				  " text-anchor=\"middle\">%s</text>\n", at, p->top, at, p->h - p->bottom,
				  at, p->h - p->bottom + 16, label);
		}
	}
}

void svg_axes(struct svg_plot *p)
{
	double x0 = p->left, x1 = p->w - p->right, y0 = p->h - p->bottom, y1 = p->top;

	ticks(p, 0);
	ticks(p, 1);
	sbuf_addf(p->sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
		  "stroke=\"#333333\"/>\n", x0, y1, x1 - x0, y0 - y1);
	sbuf_addf(p->sb, "<text x=\"%.1f\" y=\"%.1f\" " FONT " text-anchor=\"middle\">",
		  (x0 + x1) / 2, p->h - 12);
	svg_text(p->sb, p->x.label);
	sbuf_addf(p->sb, "</text>\n<text x=\"16\" y=\"%.1f\" " FONT " text-anchor=\"middle\" "
		  "transform=\"rotate(-90 16 %.1f)\">", (y0 + y1) / 2, (y0 + y1) / 2);
	svg_text(p->sb, p->y.label);
	sbuf_addstr(p->sb, "</text>\n");
}

static void marker(struct sbuf *sb, double x, double y, const char *color, int filled)
{
	sbuf_addf(sb, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" stroke=\"%s\" "
		  "stroke-width=\"2\"/>\n", x, y, filled ? color : "#ffffff", color);
}

void svg_point(struct svg_plot *p, double x, double y, const char *color, int filled,
	       const char *label)
{
	if (!inside(p, x, y))
		return;
	marker(p->sb, px(p, x), py(p, y), color, filled);
	if (label && *label) {
		/* right of the point, or left of it in the plot's right part */
		int left = px(p, x) > p->left + 0.55 * (p->w - p->left - p->right);

		/* above the point, or below it against the top of the plot */
		double ly = py(p, y) < p->top + 16 ? py(p, y) + 18 : py(p, y) - 6;

		sbuf_addf(p->sb, "<text x=\"%.1f\" y=\"%.1f\" " FONT " fill=\"%s\"%s>",
			  px(p, x) + (left ? -8 : 8), ly, color,
			  left ? " text-anchor=\"end\"" : "");
		svg_text(p->sb, label);
		sbuf_addstr(p->sb, "</text>\n");
	}
}

void svg_line(struct svg_plot *p, const double *x, const double *y, size_t n,
	      const char *color, int dashed)
{
	size_t i, k = 0;

	sbuf_addstr(p->sb, "<polyline fill=\"none\" stroke-width=\"2\" points=\"");
	for (i = 0; i < n; i++)
		if (inside(p, x[i], y[i]))
			sbuf_addf(p->sb, "%s%.1f,%.1f", k++ ? " " : "", px(p, x[i]), py(p, y[i]));
	sbuf_addf(p->sb, "\" stroke=\"%s\"%s/>\n", color,
		  dashed ? " stroke-dasharray=\"6 4\"" : "");
}

void svg_hline(struct svg_plot *p, double y, const char *color, const char *label)
{
	if (!inside(p, p->x.lo, y))
		return;
	sbuf_addf(p->sb, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
		  "stroke-dasharray=\"3 3\"/>\n<text x=\"%.1f\" y=\"%.1f\" " FONT " fill=\"%s\" "
		  "text-anchor=\"end\">", p->left, py(p, y), p->w - p->right, py(p, y), color,
		  p->w - p->right - 4, py(p, y) - 4, color);
	svg_text(p->sb, label);
	sbuf_addstr(p->sb, "</text>\n");
}

void svg_legend(struct svg_plot *p, const char *color, int filled, const char *text)
{
	double x = p->w - p->right + 14, y = p->top + 10 + 20.0 * (double)p->legend++;

	marker(p->sb, x, y, color, filled);
	sbuf_addf(p->sb, "<text x=\"%.1f\" y=\"%.1f\" " FONT ">", x + 10, y + 4);
	svg_text(p->sb, text);
	sbuf_addstr(p->sb, "</text>\n");
}

void svg_end(struct svg_plot *p)
{
	sbuf_addstr(p->sb, "</svg>\n");
}

void svg_bars(struct sbuf *sb, const char *title, const char *unit, double max,
	      const char *const *rows, const struct svg_bar_segment *const *segs,
	      const size_t *nsegs, size_t nrows, const char *mark_label, double mark)
{
	double w = 760, left = 150, right = 40, top = 52, bar = 26, gap = 14;
	double h = top + (double)nrows * (bar + gap) + 70, scale = (w - left - right) / max;
	double step = nice_step(0, max, 5), v;
	char label[32];
	size_t r, s, legend = 0;

	header(sb, w, h, title, left);
	for (v = 0; v <= max + step * 1e-6; v += step) {
		tick_label(label, sizeof(label), v);
		sbuf_addf(sb, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n"
			  "<text x=\"%.1f\" y=\"%.1f\" " FONT " text-anchor=\"middle\">%s</text>\n",
			  left + v * scale, top - 4, left + v * scale, h - 56, left + v * scale, h - 40,
			  label);
	}
	sbuf_addf(sb, "<text x=\"%.1f\" y=\"%.1f\" " FONT " text-anchor=\"middle\">", (left + w - right) / 2,
		  h - 22);
	svg_text(sb, unit);
	sbuf_addstr(sb, "</text>\n");
	for (r = 0; r < nrows; r++) {
		double y = top + (double)r * (bar + gap), x = left;

		sbuf_addf(sb, "<text x=\"%.1f\" y=\"%.1f\" " FONT " text-anchor=\"end\">", left - 8,
			  y + bar / 2 + 4);
		svg_text(sb, rows[r]);
		sbuf_addstr(sb, "</text>\n");
		for (s = 0; s < nsegs[r]; s++) {
			double len = segs[r][s].value > 0 ? segs[r][s].value * scale : 0;

			sbuf_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
				  "fill=\"%s\"><title>", x, y, len, bar, svg_color(s));
			svg_text(sb, segs[r][s].name);
			sbuf_addf(sb, ": %.3g %s</title></rect>\n", segs[r][s].value, unit);
			x += len;
		}
	}
	/* the segments' legend, from the first row */
	for (s = 0; nrows && s < nsegs[0]; s++) {
		double lx = left + (double)legend++ * 120;

		sbuf_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>\n"
			  "<text x=\"%.1f\" y=\"%.1f\" " FONT ">", lx, h - 12, svg_color(s), lx + 14, h - 3);
		svg_text(sb, segs[0][s].name);
		sbuf_addstr(sb, "</text>\n");
	}
	if (mark > 0 && mark <= max) {
		/* the label left of the line, where there is room */
		sbuf_addf(sb, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cc0000\" "
			  "stroke-width=\"2\"/>\n<text x=\"%.1f\" y=\"%.1f\" " FONT " fill=\"#cc0000\" "
			  "text-anchor=\"end\">", left + mark * scale, top - 6, left + mark * scale, h - 56,
			  left + mark * scale - 4, top - 8);
		svg_text(sb, mark_label);
		sbuf_addstr(sb, "</text>\n");
	}
	sbuf_addstr(sb, "</svg>\n");
}
