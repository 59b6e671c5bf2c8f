/*
 * opt.h - option tables: one table per command drives getopt_long *and*
 * the help text, so the two cannot disagree.  Numbers from the command
 * line go through opt_double/opt_size/opt_bytes, which check range and
 * reject trailing junk.
 */
#ifndef RIGPLAN_CLI_OPT_H
#define RIGPLAN_CLI_OPT_H

#include <stddef.h>
#include <stdint.h>

struct err;
struct sbuf;

struct opt_spec {
	const char *name;     /* long name, kebab-case */
	int short_name;       /* 0 for none */
	int has_arg;          /* no_argument / required_argument */
	int id;               /* returned by opt_next; > 255 for long-only */
	const char *argname;  /* "FILE", "USD"; also the value's type, below */
	const char *help;     /* one line */
};

/*
 * An argname (like an operand word of a command's synopsis) names what the
 * value is, in --help and for shell completion (cli/completion.c), so one
 * name has one meaning:
 *   FILE, FILE.<ext>   a path               DIR      a directory
 *   MODEL, GPU, ENGINE, SSD, CPU (any catalog kind): an id of that kind
 *   KIND               a catalog kind       ID       an id of the kind before
 *   P                  a weight format      KV       a KV-cache format
 *   SHELL              a shell completion writes for
 *   COMMAND            a command            a|b|c    one of these words
 *   NAME,...           a comma-separated list of NAME
 * Any other argname (N, S, USD, W, ...) is a number or free text.
 */

#define OPT_END { NULL, 0, 0, 0, NULL, NULL }
#define OPT_HELP_ID 'h'

struct opt_parser {
	const struct opt_spec *specs;  /* terminated by OPT_END */
	int argc;
	char **argv;
	char shortopts[128];
	void *longopts;                /* struct option[], owned */
	const char *arg;               /* argument of the last option */
};

/*
 * Prepare to parse argv[1..] with `specs`; --help is always added.  With
 * stop_at_operand (the global options) parsing ends at the command name;
 * otherwise options and operands may be mixed ("list gpus --json").
 */
void opt_parser_init(struct opt_parser *p, const struct opt_spec *specs,
		     int argc, char **argv, int stop_at_operand);
void opt_parser_release(struct opt_parser *p);

/*
 * Next option: its id, OPT_HELP_ID for --help, -1 at the end (then
 * opt_index() is the first operand), or -2 on a usage error (message in
 * err, naming the option and the nearest valid one).
 */
int opt_next(struct opt_parser *p, struct err *err);
int opt_index(const struct opt_parser *p);

/* Append "Options:" and the option list, one "  -x, --name ARG  help"
 * line each, --help last; opt_help_list without the heading. */
void opt_help(struct sbuf *sb, const struct opt_spec *specs);
void opt_help_list(struct sbuf *sb, const struct opt_spec *specs);

/* Numbers with a range [min, max]; `what` names the option in messages. */
int opt_double(double *out, const char *what, const char *text, double min,
	       double max, struct err *err);
int opt_size(size_t *out, const char *what, const char *text, size_t min,
	     size_t max, struct err *err);
int opt_bytes(uint64_t *out, const char *what, const char *text,
	      uint64_t min, uint64_t max, struct err *err);
/* --ram: host memory from 1 GiB to 1 PiB, in bytes; *out unchanged when
 * the text is refused. */
int opt_ram(double *out, const char *text, struct err *err);
/* --image-size WxH: whole pixels from 1 to 100000 a side. */
int opt_image_size(double *w, double *h, const char *text, struct err *err);

/* Re-arm getopt for a fresh argv (glibc: optind = 0; see getopt(3)). */
void cli_getopt_reset(void);

#endif
