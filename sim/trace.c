/*
 * trace.c - see trace.h.  No quoting: the trace formats this reads have
 * none, and a quote then fails as text in a number, with its line named.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim/tokens.h"
#include "sim/trace.h"
#include "util/err.h"
#include "util/num.h"
#include "util/xalloc.h"

#define FIELDS_MAX 64

/* Split a line in place at commas, trimming blanks and a CR; the count. */
static int split(char *line, char **f, int max)
{
	int n = 0;
	char *p = line, *end;

	for (;;) {
		char *c = strchr(p, ',');

		if (c)
			*c = '\0';
		while (isspace((unsigned char)*p))
			p++;
		end = p + strlen(p);
		while (end > p && isspace((unsigned char)end[-1]))
			*--end = '\0';
		if (n < max)
			f[n] = p;
		n++;
		if (!c)
			return n;
		p = c + 1;
	}
}

/* Days from 1970-01-01 to a proleptic Gregorian date (the era arithmetic
 * of the civil calendar: 400-year cycles of 146097 days). */
static double days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (double)(era * 146097 + doe - 719468);
}

static int digits(const char *s, int n, long *out)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Seconds: a number, or "YYYY-MM-DD HH:MM:SS[.fraction]" (or with 'T'). */
static int parse_time(double *out, const char *s)
{
	long y, mo, d, h, mi, se;
	double frac = 0;

	if (num_parse_double(out, s, NULL) == 0)
		return isfinite(*out) && *out >= 0 ? 0 : -1;
	if (strlen(s) < 19 || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) ||
	    s[7] != '-' || digits(s + 8, 2, &d) || (s[10] != ' ' && s[10] != 'T') ||
	    digits(s + 11, 2, &h) || s[13] != ':' || digits(s + 14, 2, &mi) || s[16] != ':' ||
	    digits(s + 17, 2, &se))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
		return -1;
	if (s[19] == '.') {
		char tmp[32];

		if (strlen(s + 19) >= sizeof(tmp) - 1)
			return -1;
		tmp[0] = '0';
		memcpy(tmp + 1, s + 19, strlen(s + 19) + 1);
		if (num_parse_double(&frac, tmp, NULL) < 0)
			return -1;
	} else if (s[19] != '\0') {
		return -1;
	}
	*out = days_from_civil(y, mo, d) * 86400 + (double)(h * 3600 + mi * 60 + se) + frac;
	return 0;
}

static int count(size_t *out, const char *s)
{
	double v;

	if (num_parse_double(&v, s, NULL) < 0 || v != floor(v) || v < 0 || v > LENGTH_MAX)
		return -1;
	*out = (size_t)v;
	return 0;
}

/*
 * The next line into buf (lim->line_bytes + 1 bytes, NUL-terminated, the
 * newline kept); 1, 0 at the end, or an error.  Byte by byte, so that a
 * NUL, an overlong line or a file over its size stops the read where it
 * happens: getline would first grow its buffer to whatever /dev/zero
 * gives it.  The streams are this thread's own, hence getc_unlocked.
 */
static int read_line(FILE *f, char *buf, size_t *line, size_t *bytes,
		     const struct trace_limits *lim, const char *path, struct err *err)
{
	size_t n = 0;
	int c = EOF;

	errno = 0;
	while (n < lim->line_bytes && (c = getc_unlocked(f)) != EOF) {
		if (c == '\0')
			return err_set(err, ERR_PARSE, "%s:%zu: a NUL byte: not a text file", path,
				       *line + 1);
		if (++*bytes > lim->bytes)
			return err_set(err, ERR_PARSE, "'%s' is larger than %zu bytes", path,
				       lim->bytes);
		buf[n++] = (char)c;
		if (c == '\n')
			break;
	}
	if (n == lim->line_bytes && c != '\n' && (c = getc_unlocked(f)) != EOF)
		return err_set(err, ERR_PARSE, "%s:%zu: line longer than %zu characters", path,
			       *line + 1, lim->line_bytes);
	if (c == EOF && ferror(f))
		return err_set(err, ERR_IO, "cannot read '%s': %s", path, strerror(errno));
	if (n == 0)
		return 0;
	buf[n] = '\0';
	++*line;
	return 1;
}

static int blank(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

static int name_is(const char *f, const char *const *names)
{
	for (; *names; names++)
		if (!strcasecmp(f, *names))
			return 1;
	return 0;
}

static const char *const time_names[] = { "timestamp", "time", "arrival_time", NULL };
static const char *const in_names[] = { "contexttokens", "input_tokens", "prompt_tokens", NULL };
static const char *const out_names[] = { "generatedtokens", "output_tokens", NULL };
static const char *const image_names[] = { "images", "image_count", NULL };
/* images per request a row may ask for */
#define IMAGES_MAX 1000

/* A header line: find the three columns. */
static int header(struct trace *t, char **f, int n, struct err *err)
{
	const char *const *names[3] = { time_names, in_names, out_names };
	int i, k;

	t->col[3] = -1;
	for (i = 0; i < n && i < FIELDS_MAX; i++)
		if (name_is(f[i], image_names))
			t->col[3] = i;
	for (k = 0; k < 3; k++) {
		t->col[k] = -1;
		for (i = 0; i < n && i < FIELDS_MAX; i++)
			if (name_is(f[i], names[k]))
				t->col[k] = i;
		if (t->col[k] < 0)
			return err_set(err, ERR_PARSE, "%s:%zu: expected a header naming TIMESTAMP, "
				       "ContextTokens and GeneratedTokens (or a first row of data)",
				       t->path, t->line);
	}
	return 0;
}

/* Parse a data row already split. */
static int row(struct trace *t, char **f, int n, double *time, size_t *in, size_t *out,
	       size_t *images, struct err *err)
{
	int need = t->col[0] > t->col[1] ? t->col[0] : t->col[1];

	need = need > t->col[2] ? need : t->col[2];
	need = need > t->col[3] ? need : t->col[3];
	if (n <= need)
		return err_set(err, ERR_PARSE, "%s:%zu: %d field%s, expected at least %d "
			       "(time, prompt tokens, generated tokens)", t->path, t->line, n,
			       n == 1 ? "" : "s", need + 1);
	if (parse_time(time, f[t->col[0]]) < 0)
		return err_set(err, ERR_PARSE, "%s:%zu: time '%.40s': expected seconds or "
			       "YYYY-MM-DD HH:MM:SS[.fraction]", t->path, t->line, f[t->col[0]]);
	if (count(in, f[t->col[1]]) < 0 || *in < 1)
		return err_set(err, ERR_PARSE, "%s:%zu: prompt tokens '%.40s': expected a whole "
			       "number from 1 to %.0f", t->path, t->line, f[t->col[1]], LENGTH_MAX);
	if (count(out, f[t->col[2]]) < 0)
		return err_set(err, ERR_PARSE, "%s:%zu: generated tokens '%.40s': expected a "
			       "whole number from 0 to %.0f", t->path, t->line, f[t->col[2]],
			       LENGTH_MAX);
	*images = 0;
	if (t->col[3] >= 0 && (count(images, f[t->col[3]]) < 0 || *images > IMAGES_MAX))
		return err_set(err, ERR_PARSE, "%s:%zu: images '%.40s': expected a whole number "
			       "from 0 to %d", t->path, t->line, f[t->col[3]], IMAGES_MAX);
	return 0;
}

/* The next data row, the header handled on the way; 1, 0, or an error. */
static int next_raw(struct trace *t, double *time, size_t *in, size_t *out, size_t *images,
		    struct err *err)
{
	char *f[FIELDS_MAX];
	int r, n;

	for (;;) {
		if ((r = read_line(t->f, t->buf, &t->line, &t->bytes, &t->lim, t->path, err)) <= 0)
			return r;
		if (blank(t->buf))
			continue;
		n = split(t->buf, f, FIELDS_MAX);
		if (t->header < 0) {
			double x;

			t->header = parse_time(&x, f[0]) < 0;
			t->col[0] = 0;
			t->col[1] = 1;
			t->col[2] = 2;
			t->col[3] = -1;
			if (t->header) {
				if ((r = header(t, f, n, err)) < 0)
					return r;
				continue;
			}
		}
		if ((r = row(t, f, n, time, in, out, images, err)) < 0)
			return r;
		return 1;
	}
}

static void reset(struct trace *t)
{
	rewind(t->f);
	t->line = 0;
	t->bytes = 0;
	t->header = -1;
}

int trace_open(struct trace *t, const char *path, struct err *err)
{
	const struct trace_limits lim = TRACE_LIMITS_INIT;

	return trace_open_limited(t, path, &lim, err);
}

int trace_open_limited(struct trace *t, const char *path, const struct trace_limits *lim,
		       struct err *err)
{
	double time, prev = -INFINITY;
	size_t in, out, images;
	int r;

	memset(t, 0, sizeof(*t));
	t->scale = 1;
	if (!(t->f = fopen(path, "r")))
		return err_set(err, ERR_IO, "cannot open trace '%s': %s", path, strerror(errno));
	/* checked, then replayed, maybe many times: a pipe would replay as
	 * no requests at all */
	if (fseek(t->f, 0, SEEK_SET) != 0) {
		fclose(t->f);
		t->f = NULL;
		return err_set(err, ERR_INVAL, "trace '%s' cannot be read twice (a pipe?): save it "
			       "to a file first", path);
	}
	t->path = xstrdup(path);
	t->lim = *lim;
	t->buf = xmalloc(lim->line_bytes + 1);
	reset(t);
	while ((r = next_raw(t, &time, &in, &out, &images, err)) > 0) {
		if (t->rows == lim->rows) {
			r = err_set(err, ERR_PARSE, "%s:%zu: more than %zu requests in the trace",
				    path, t->line, lim->rows);
			break;
		}
		if (time < prev) {
			r = err_set(err, ERR_PARSE, "%s:%zu: time goes back (rows must be in "
				    "time order)", path, t->line);
			break;
		}
		if (!t->rows)
			t->first_t = time;
		t->last_t = prev = time;
		t->rows++;
		t->mean_input += ((double)in - t->mean_input) / (double)t->rows;
		t->mean_output += ((double)(out ? out : 1) - t->mean_output) / (double)t->rows;
		t->mean_images += ((double)images - t->mean_images) / (double)t->rows;
		if (images > t->max_images)
			t->max_images = images;
		if (in + (out ? out : 1) > t->longest)
			t->longest = in + (out ? out : 1);
	}
	if (r == 0 && t->rows == 0)
		r = err_set(err, ERR_PARSE, "%s: no requests in the trace", path);
	if (r < 0) {
		trace_close(t);
		return r;
	}
	reset(t);
	return 0;
}

int trace_next(struct trace *t, struct trace_row *out, struct err *err)
{
	double time;
	int r = next_raw(t, &time, &out->input, &out->output, &out->images, err);

	if (r > 0)
		out->t = (time - t->first_t) * t->scale;
	return r;
}

void trace_rewind(struct trace *t)
{
	reset(t);
}

int trace_set_rate(struct trace *t, double qps, struct err *err)
{
	double span = t->last_t - t->first_t;

	if (t->rows < 2 || !(span > 0))
		return err_set(err, ERR_INVAL, "a trace whose requests all arrive at once cannot "
			       "be replayed at another rate");
	t->scale = (double)(t->rows - 1) / span / qps;
	return 0;
}

void trace_close(struct trace *t)
{
	if (t->f)
		fclose(t->f);
	free(t->path);
	free(t->buf);
	memset(t, 0, sizeof(*t));
}

int trace_read_column(double **values, size_t *n, const char *spec, struct err *err)
{
	const struct trace_limits lim = TRACE_COLUMN_LIMITS_INIT;

	return trace_read_column_limited(values, n, spec, &lim, err);
}

int trace_read_column_limited(double **values, size_t *n, const char *spec,
			      const struct trace_limits *lim, struct err *err)
{
	const char *colon = strrchr(spec, ':');
	char *path, *f[FIELDS_MAX], *buf = NULL;
	size_t line = 0, bytes = 0, len = 0, alloc = 0, v;
	double *vals = NULL;
	uint64_t idx = 0;
	int col = -1, first = 0, r, nf;

	*values = NULL;
	*n = 0;
	if (!colon || colon == spec || !colon[1])
		return err_set(err, ERR_INVAL, "'empirical:%.60s': expected empirical:FILE.csv:COLUMN",
			       spec);
	path = xmalloc((size_t)(colon - spec) + 1);
	memcpy(path, spec, (size_t)(colon - spec));
	path[colon - spec] = '\0';
	if (num_parse_u64(&idx, colon + 1, NULL) == 0 && (idx < 1 || idx > FIELDS_MAX)) {
		r = err_set(err, ERR_INVAL, "column %s: expected a name or a number from 1 to %d",
			    colon + 1, FIELDS_MAX);
		goto out;
	}
	{
		FILE *fp = fopen(path, "r");

		if (!fp) {
			r = err_set(err, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
			goto out;
		}
		buf = xmalloc(lim->line_bytes + 1);
		while ((r = read_line(fp, buf, &line, &bytes, lim, path, err)) > 0) {
			if (blank(buf))
				continue;
			nf = split(buf, f, FIELDS_MAX);
			if (col < 0) {
				first = 1;
				if (idx) {
					col = (int)idx - 1;
				} else {
					for (int i = 0; i < nf && i < FIELDS_MAX; i++)
						if (!strcasecmp(f[i], colon + 1))
							col = i;
					if (col < 0) {
						r = err_set(err, ERR_PARSE, "%s:%zu: no column named "
							    "'%.40s' in the header", path, line,
							    colon + 1);
						break;
					}
					continue;   /* the header */
				}
			}
			/* a numbered column may sit under a header line */
			if (first && (col >= nf || count(&v, f[col]) < 0)) {
				first = 0;
				continue;
			}
			first = 0;
			if (col >= nf || count(&v, f[col]) < 0 || v < 1) {
				r = err_set(err, ERR_PARSE, "%s:%zu: '%.40s': expected a whole number "
					    "of tokens from 1 to %.0f", path, line,
					    col < nf ? f[col] : "(missing)", LENGTH_MAX);
				break;
			}
			if (len == lim->rows) {
				r = err_set(err, ERR_PARSE, "%s:%zu: more than %zu values in the "
					    "column", path, line, lim->rows);
				break;
			}
			if (len == alloc) {
				alloc = alloc ? 2 * alloc : 1024;
				vals = xrealloc(vals, alloc * sizeof(*vals));
			}
			vals[len++] = (double)v;
		}
		fclose(fp);
	}
	if (r == 0 && len == 0)
		r = err_set(err, ERR_PARSE, "%s: no values in the column", path);
	if (r == 0) {
		*values = vals;
		*n = len;
		vals = NULL;
	}
out:
	free(vals);
	free(buf);
	free(path);
	return r < 0 ? r : 0;
}
