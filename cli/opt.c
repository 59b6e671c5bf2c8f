/*
 * opt.c - getopt_long driven by option tables, help generated from the
 * same tables, and range-checked number options.
 */
#include "cli/opt.h"
#include "util/err.h"
#include "util/num.h"
#include "util/sbuf.h"
#include "util/strdist.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct opt_spec help_spec = {
	"help", 'h', no_argument, OPT_HELP_ID, NULL, "show this help and exit"
};

static size_t spec_count(const struct opt_spec *specs)
{
	size_t n = 0;

	while (specs && specs[n].name)
		n++;
	return n;
}

void cli_getopt_reset(void)
{
	optind = 0;
}

void opt_parser_init(struct opt_parser *p, const struct opt_spec *specs,
		     int argc, char **argv, int stop_at_operand)
{
	size_t n = spec_count(specs), i, s = 0;
	struct option *lo = xcalloc(n + 2, sizeof(*lo));

	memset(p, 0, sizeof(*p));
	p->specs = specs;
	p->argc = argc;
	p->argv = argv;
	/* '+': stop at the first operand; ':': report missing arguments. */
	if (stop_at_operand)
		p->shortopts[s++] = '+';
	p->shortopts[s++] = ':';
	for (i = 0; i <= n; i++) {
		const struct opt_spec *o = i < n ? &specs[i] : &help_spec;

		lo[i].name = o->name;
		lo[i].has_arg = o->has_arg;
		lo[i].val = o->id;
		if (o->short_name && s + 3 < sizeof(p->shortopts)) {
			p->shortopts[s++] = (char)o->short_name;
			if (o->has_arg == required_argument)
				p->shortopts[s++] = ':';
		}
	}
	p->shortopts[s] = '\0';
	p->longopts = lo;
	cli_getopt_reset();
	opterr = 0;
}

void opt_parser_release(struct opt_parser *p)
{
	free(p->longopts);
	p->longopts = NULL;
}

/* The option as typed, without "=value", for messages. */
static void typed_option(char *out, size_t size, const char *argv_word)
{
	size_t n = strcspn(argv_word, "=");

	if (n >= size)
		n = size - 1;
	memcpy(out, argv_word, n);
	out[n] = '\0';
}

/* How many hyphen-separated words two option names share ("power" in
 * power-limit and node-power-max). */
static size_t shared_words(const char *a, const char *b)
{
	size_t n = 0, la, lb;
	const char *p, *q;

	for (p = a; *p; p += la + (p[la] == '-')) {
		la = strcspn(p, "-");
		for (q = b; *q; q += lb + (q[lb] == '-')) {
			lb = strcspn(q, "-");
			if (la && la == lb && strncmp(p, q, la) == 0) {
				n++;
				break;
			}
		}
	}
	return n;
}

static const char *nearest_option(const struct opt_spec *specs, const char *typed)
{
	size_t n = spec_count(specs), i, best_d = (size_t)-1, best_w = 0;
	const char *best = NULL, *by_words = NULL;

	while (*typed == '-')
		typed++;
	for (i = 0; i <= n; i++) {
		const char *name = i < n ? specs[i].name : help_spec.name;
		size_t d = strdist(typed, name), w = shared_words(typed, name);

		if (d < best_d && strdist_similar(typed, name)) {
			best_d = d;
			best = name;
		}
		/* a misremembered or renamed option: the one sharing the most
		 * words, when no other shares as many */
		if (w > best_w) {
			best_w = w;
			by_words = name;
		} else if (w && w == best_w) {
			by_words = NULL;
		}
	}
	return best ? best : by_words;
}

int opt_next(struct opt_parser *p, struct err *err)
{
	int c = getopt_long(p->argc, p->argv, p->shortopts,
			    (const struct option *)p->longopts, NULL);
	char typed[64];
	const char *near;

	p->arg = optarg;
	if (c == '?' || c == ':') {
		const char *word = optind > 0 && optind - 1 < p->argc ?
			p->argv[optind - 1] : "";

		if (optopt && !(word[0] == '-' && word[1] == '-'))
			snprintf(typed, sizeof(typed), "-%c", optopt);
		else
			typed_option(typed, sizeof(typed), word);
		if (c == ':')
			err_set(err, ERR_INVAL, "option '%s' needs a value", typed);
		else if ((near = nearest_option(p->specs, typed)))
			err_set(err, ERR_INVAL, "unknown option '%s'; did you mean '--%s'?",
				typed, near);
		else
			err_set(err, ERR_INVAL, "unknown option '%s'", typed);
		return -2;
	}
	/* a short letter stands for its option's id */
	if (c > 0 && c < 256 && c != OPT_HELP_ID) {
		const struct opt_spec *o;

		for (o = p->specs; o->name; o++)
			if (o->short_name == c)
				return o->id;
	}
	return c;
}

int opt_index(const struct opt_parser *p)
{
	return optind;
}

void opt_help(struct sbuf *sb, const struct opt_spec *specs)
{
	sbuf_addstr(sb, "Options:\n");
	opt_help_list(sb, specs);
}

void opt_help_list(struct sbuf *sb, const struct opt_spec *specs)
{
	size_t n = spec_count(specs), i;

	for (i = 0; i <= n; i++) {
		const struct opt_spec *o = i < n ? &specs[i] : &help_spec;
		char left[64];

		if (o->short_name)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->short_name,
				 o->name, o->argname ? " " : "", o->argname ? o->argname : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name,
				 o->argname ? " " : "", o->argname ? o->argname : "");
		sbuf_addf(sb, "  %-28s %s\n", left, o->help);
	}
}

int opt_double(double *out, const char *what, const char *text, double min,
	       double max, struct err *err)
{
	double v;

	if (num_parse_double(&v, text, err) < 0)
		return err_prefix(err, "option '%s'", what);
	if (v < min || v > max)
		return err_set(err, ERR_INVAL,
			       "option '%s': %s is out of range: expected %g to %g",
			       what, text, min, max);
	*out = v;
	return 0;
}

int opt_size(size_t *out, const char *what, const char *text, size_t min,
	     size_t max, struct err *err)
{
	uint64_t v;

	if (num_parse_u64(&v, text, err) < 0)
		return err_prefix(err, "option '%s'", what);
	if (v < min || v > max)
		return err_set(err, ERR_INVAL,
			       "option '%s': %s is out of range: expected %zu to %zu",
			       what, text, min, max);
	*out = (size_t)v;
	return 0;
}

int opt_ram(double *out, const char *text, struct err *err)
{
	uint64_t bytes = 0;
	int r;

	if ((r = opt_bytes(&bytes, "--ram", text, 1ull << 30, 1ull << 50, err)) == 0)
		*out = (double)bytes;
	return r;
}

int opt_bytes(uint64_t *out, const char *what, const char *text,
	      uint64_t min, uint64_t max, struct err *err)
{
	uint64_t v;

	if (num_parse_bytes(&v, text, err) < 0)
		return err_prefix(err, "option '%s'", what);
	if (v < min || v > max)
		return err_set(err, ERR_INVAL,
			       "option '%s': %s is out of range: expected %llu to %llu bytes",
			       what, text, (unsigned long long)min, (unsigned long long)max);
	*out = v;
	return 0;
}

int opt_image_size(double *w, double *h, const char *text, struct err *err)
{
	unsigned long a, b;
	char x, extra;

	if (sscanf(text, "%lu%c%lu%c", &a, &x, &b, &extra) != 3 || (x != 'x' && x != 'X') ||
	    a < 1 || b < 1 || a > 100000 || b > 100000)
		return err_set(err, ERR_INVAL, "--image-size '%.40s': expected WIDTHxHEIGHT in "
			       "pixels, e.g. 1080x2400", text);
	*w = (double)a;
	*h = (double)b;
	return 0;
}
