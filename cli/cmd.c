/*
 * cmd.c - the command table, dispatch, generated help and error reporting.
 *
 * Adding a command takes four steps:
 *   1. write cli/cmd_<name>.c exporting `const struct cmd_entry cmd_<name>_entry`;
 *   2. add it to cmd_table below (or to its parent's subs);
 *   3. add the file to libcli_a_SOURCES in Makefile.am;
 *   4. add a tests/cli test.
 * --help, the man page (man.c) and completion (completion.c) follow from
 * the entry and its option table; exit statuses and environment variables
 * are documented once, in the tables below.
 */
#include "cli/cmd.h"
#include "calibrate/ck_client.h"
#include "catalog/cat.h"
#include "models/defaults.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/strdist.h"
#include "util/units.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct cmd_entry cmd_calibrate_entry;
extern const struct cmd_entry cmd_capacity_entry;
extern const struct cmd_entry cmd_catalog_entry;
extern const struct cmd_entry cmd_estimate_entry;
extern const struct cmd_entry cmd_generate_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_plan_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_simulate_entry;
extern const struct cmd_entry cmd_validate_entry;

static const struct cmd_entry *const cmd_table[] = {
	&cmd_calibrate_entry,
	&cmd_capacity_entry,
	&cmd_catalog_entry,
	&cmd_estimate_entry,
	&cmd_generate_entry,
	&cmd_plan_entry,
	&cmd_report_entry,
	&cmd_simulate_entry,
	&cmd_validate_entry,
	&cmd_help_entry,
	NULL
};

/* Exit statuses: every --help and rigplan(1) print this table. */
const struct cli_exit_doc cli_exit_docs[] = {
	{ EXIT_OK, "success" },
	{ EXIT_RUNTIME, "runtime error (a file that cannot be read, a GPU that fails)" },
	{ EXIT_USAGE, "usage error (bad option, unknown name, out-of-range value)" },
	{ EXIT_DATA, "invalid input data (a malformed file)" },
	{ EXIT_NOT_BUILT, "feature not built in (CUDA)" },
	{ EXIT_INFEASIBLE, "no feasible configuration" },
	{ EXIT_OK, NULL }
};

/* Every getenv() of the program (catalog/cat_open.c, calibrate/), for
 * `rigplan --help` and rigplan(1).  The tests' own variables are not here. */
const struct cli_env_doc cli_env_docs[] = {
	{ "RIGPLAN_CATALOG", "the system catalog (default: data/catalog.db beside the program, else the installed one)" },
	{ "RIGPLAN_USER_DB", "the user overlay (default: $XDG_DATA_HOME/rigplan/user.db)" },
	{ "XDG_DATA_HOME", "holds rigplan/user.db when it is an absolute path (default: $HOME/.local/share)" },
	{ "HOME", "the home directory, for XDG_DATA_HOME's default" },
	{ "RIGPLAN_NVIDIA_SMI", "the nvidia-smi that calibrate samples (default: nvidia-smi on the PATH)" },
	{ "RIGPLAN_CK", "the CUDA helper calibrate runs (default: rigplan-ck beside rigplan, as in the build tree, else the installed one)" },
	{ "RIGPLAN_CK_TIMEOUT", "seconds one calibration case may take before the helper is stopped (default and most: 300)" },
	{ NULL, NULL }
};
/* The text above quotes the limit; keep them together. */
_Static_assert((int)CK_CASE_TIMEOUT_S == 300, "RIGPLAN_CK_TIMEOUT's text quotes 300 s");

const struct opt_spec cli_global_opts[] = {
	{ "catalog", 0, required_argument, CLI_G_CATALOG, "FILE", "use this system catalog" },
	{ "user-db", 0, required_argument, CLI_G_USER_DB, "FILE", "use this user overlay database" },
	{ "version", 0, no_argument, CLI_G_VERSION, NULL, "print version and build configuration" },
	OPT_END
};

static void exit_help(struct sbuf *sb)
{
	const struct cli_exit_doc *x;

	sbuf_addstr(sb, "Exit status:\n");
	for (x = cli_exit_docs; x->meaning; x++)
		sbuf_addf(sb, "  %d  %s\n", (int)x->code, x->meaning);
}

const struct cmd_entry *const *cmd_root(void)
{
	return cmd_table;
}

/* Length of the UTF-8 sequence at p that is well formed (no overlong
 * form, surrogate or code point past U+10FFFF) and not a C1 control
 * (U+0080-U+009F, which terminals may obey as ESC sequences); 0 when it
 * is not one. */
static size_t utf8_printable(const unsigned char *p)
{
	size_t n, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		if (p[0] == 0xc2)
			lo = 0xa0;          /* C2 80-9F: the C1 controls */
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;          /* overlong */
		if (p[0] == 0xed)
			hi = 0x9f;          /* surrogates */
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		if (p[0] == 0xf0)
			lo = 0x90;          /* overlong */
		if (p[0] == 0xf4)
			hi = 0x8f;          /* past U+10FFFF */
	} else {
		return 0;
	}
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

/*
 * Append s with every byte a terminal could act on written as \xNN: C0
 * controls (ESC, CR, newline: a message stays one line), DEL, C1
 * controls and bytes that are not well-formed UTF-8.  Names, paths and
 * file contents reach messages from the user and from hostile files.
 */
static void add_escaped(struct sbuf *sb, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p) {
		if (*p >= 0x20 && *p < 0x7f) {
			sbuf_addch(sb, (char)*p++);
		} else if (*p >= 0x80 && (n = utf8_printable(p)) > 0) {
			sbuf_add(sb, p, n);
			p += n;
		} else {
			sbuf_addstr(sb, "\\x");
			sbuf_addch(sb, hex[*p >> 4]);
			sbuf_addch(sb, hex[*p & 15]);
			p++;
		}
	}
}

/* The one place messages reach the terminal: "prog: level: msg", escaped. */
static void vreport(const struct cli_ctx *ctx, const char *level,
		    const char *fmt, va_list ap)
{
	struct sbuf line, msg;
	va_list aq;
	int len;

	sbuf_init(&msg);
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (len > 0) {
		char *buf = xmalloc((size_t)len + 1);

		vsnprintf(buf, (size_t)len + 1, fmt, ap);
		sbuf_addstr(&msg, buf);
		free(buf);
	}
	sbuf_init(&line);
	add_escaped(&line, ctx && ctx->prog ? ctx->prog : "rigplan");
	sbuf_addf(&line, ": %s: ", level);
	add_escaped(&line, msg.buf);
	sbuf_addch(&line, '\n');
	fputs(line.buf, stderr);
	sbuf_release(&line);
	sbuf_release(&msg);
}

void cli_error(const struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(ctx, "error", fmt, ap);
	va_end(ap);
}

void cli_warning(const struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(ctx, "warning", fmt, ap);
	va_end(ap);
}

void cli_note(const struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(ctx, "note", fmt, ap);
	va_end(ap);
}

/* The catalog's notes (which part a short name was taken as) as notes. */
static void catalog_note(void *data, const char *msg)
{
	cli_note(data, "%s", msg);
}

static int exit_for(enum err_code code)
{
	switch (code) {
	case ERR_INVAL:
	case ERR_NOTFOUND:
		return EXIT_USAGE;
	case ERR_PARSE:
		return EXIT_DATA;
	case ERR_UNSUPPORTED:
		return EXIT_NOT_BUILT;
	case ERR_INFEASIBLE:
		return EXIT_INFEASIBLE;
	default:
		return EXIT_RUNTIME;
	}
}

int cli_fail(const struct cli_ctx *ctx, const struct err *err)
{
	cli_error(ctx, "%s", err->msg[0] ? err->msg : err_code_name(err->code));
	return exit_for(err->code);
}

static void synopsis(struct sbuf *sb, const struct cmd_entry *e,
		     const char *path, const char *prog)
{
	sbuf_addf(sb, "usage: %s %s", prog, path);
	if (e->subs)
		sbuf_addstr(sb, " COMMAND");
	sbuf_addstr(sb, " [options]");
	if (e->operands)
		sbuf_addf(sb, " %s", e->operands);
	sbuf_addch(sb, '\n');
}

int cli_usage(const struct cli_ctx *ctx, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	/* one line: what was wrong, and where the help is */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cli_error(ctx, "%s (see '%s%s%s --help')", msg, ctx && ctx->prog ? ctx->prog : "rigplan",
		  ctx && ctx->cmd ? " " : "", ctx && ctx->cmd ? ctx->path : "");
	return EXIT_USAGE;
}

static void list_commands(struct sbuf *sb, const struct cmd_entry *const *t)
{
	size_t i;

	sbuf_addstr(sb, "Commands:\n");
	for (i = 0; t[i]; i++)
		sbuf_addf(sb, "  %-14s %s\n", t[i]->name, t[i]->summary);
}

void cmd_operand_help(struct sbuf *sb, const struct cmd_entry *e)
{
	/* the kinds come from the catalog's own table, so the help names
	 * exactly what cat_kind_parse takes */
	struct sbuf text;
	size_t col = 0;
	const char *p, *w;

	if (!e->operands || !strstr(e->operands, "KIND"))
		return;
	sbuf_init(&text);
	sbuf_addstr(&text, "KIND is one of ");
	cat_kind_list(&text);
	sbuf_addstr(&text, " (or the singular: gpu, model, ...).");
	/* filled to 72 columns like the hand-written paragraphs */
	sbuf_addch(sb, '\n');
	for (p = text.buf; *p; p = *w ? w + 1 : w) {
		for (w = p; *w && *w != ' '; w++)
			;
		if (col && col + 1 + (size_t)(w - p) > 72) {
			sbuf_addch(sb, '\n');
			col = 0;
		} else if (col) {
			sbuf_addch(sb, ' ');
			col++;
		}
		sbuf_add(sb, p, (size_t)(w - p));
		col += (size_t)(w - p);
	}
	sbuf_addch(sb, '\n');
	sbuf_release(&text);
}

void cmd_help_text(struct sbuf *sb, const struct cmd_entry *e, const char *path,
		   const char *prog)
{
	synopsis(sb, e, path, prog);
	sbuf_addf(sb, "\n%s\n", e->summary);
	if (e->description)
		sbuf_addf(sb, "\n%s\n", e->description);
	cmd_operand_help(sb, e);
	sbuf_addch(sb, '\n');
	if (e->subs) {
		list_commands(sb, e->subs);
		sbuf_addf(sb, "\nSee '%s help %s COMMAND' for a command's options.\n\n",
			  prog, path);
	}
	opt_help(sb, e->opts);
	sbuf_addch(sb, '\n');
	exit_help(sb);
}

void cmd_main_synopsis(struct sbuf *sb, const char *prog)
{
	const struct opt_spec *o;

	sbuf_addf(sb, "usage: %s", prog);
	for (o = cli_global_opts; o->name; o++)
		if (o->argname)
			sbuf_addf(sb, " [--%s %s]", o->name, o->argname);
	sbuf_addstr(sb, " COMMAND [options]\n");
	for (o = cli_global_opts; o->name; o++)
		if (!o->argname)
			sbuf_addf(sb, "       %s --%s\n", prog, o->name);
}

void cmd_default_value(char *buf, size_t size, const struct host_fact *f)
{
	if (!strcmp(f->unit, "bytes"))
		snprintf(buf, size, "%g GiB", f->value / UNIT_GIB);
	else
		snprintf(buf, size, "%g%s%s", f->value, *f->unit ? " " : "", f->unit);
}

void cmd_main_help(struct sbuf *sb, const char *prog)
{
	const struct cli_env_doc *v;
	size_t i;

	cmd_main_synopsis(sb, prog);
	sbuf_addstr(sb, "\n"
		    "rigplan plans the hardware and deployment to serve a large language model:\n"
		    "which GPUs, whether the model fits, how fast, what power, what cost.\n\n");
	list_commands(sb, cmd_table);
	sbuf_addf(sb, "\nSee '%s help COMMAND' for a command's options.\n\nGlobal options:\n", prog);
	opt_help_list(sb, cli_global_opts);
	sbuf_addstr(sb, "\nEnvironment:\n");
	for (v = cli_env_docs; v->name; v++)
		sbuf_addf(sb, "  %-20s %s\n", v->name, v->meaning);
	sbuf_addstr(sb, "\nHost and site defaults (their sources: the manual, HOST DEFAULTS):\n");
	for (i = 0; i < HOST_DEFAULT_COUNT; i++) {
		char value[64];

		cmd_default_value(value, sizeof(value), &host_facts[i]);
		sbuf_addf(sb, "  %-20s %s\n", host_facts[i].name, value);
	}
	sbuf_addch(sb, '\n');
	exit_help(sb);
}

static const struct cmd_entry *find_entry(const struct cmd_entry *const *t,
					  const char *name)
{
	size_t i;

	for (i = 0; t[i]; i++)
		if (strcmp(t[i]->name, name) == 0)
			return t[i];
	return NULL;
}

static void unknown_command(struct err *err, const struct cmd_entry *const *t,
			    const char *name, const char *parent)
{
	const char *best = NULL;
	size_t i, best_d = (size_t)-1;

	for (i = 0; t[i]; i++) {
		size_t d = strdist(name, t[i]->name);

		if (d < best_d && strdist_similar(name, t[i]->name)) {
			best_d = d;
			best = t[i]->name;
		}
	}
	if (best)
		err_set(err, ERR_INVAL, "unknown command '%.64s%s%s'; did you mean '%s%s%s'?",
			parent, *parent ? " " : "", name, parent, *parent ? " " : "", best);
	else
		err_set(err, ERR_INVAL, "unknown command '%.64s%s%s'; see 'rigplan help%s%s'",
			parent, *parent ? " " : "", name, *parent ? " " : "", parent);
}

const struct cmd_entry *cmd_lookup(char **words, int n, char *path,
				   size_t path_size, struct err *err)
{
	const struct cmd_entry *const *t = cmd_table;
	const struct cmd_entry *e = NULL;
	int i;

	path[0] = '\0';
	for (i = 0; i < n; i++) {
		if (!t || !(e = find_entry(t, words[i]))) {
			unknown_command(err, t ? t : cmd_table, words[i], path);
			return NULL;
		}
		snprintf(path + strlen(path), path_size - strlen(path), "%s%s",
			 i ? " " : "", e->name);
		t = e->subs;
	}
	return e;
}

int cmd_dispatch(const struct cmd_entry *const *table, int argc, char **argv,
		 struct cli_ctx *ctx)
{
	const struct cmd_entry *e = find_entry(table, argv[0]);
	struct err err = ERR_INIT;
	size_t len = strlen(ctx->path);

	if (!e) {
		unknown_command(&err, table, argv[0], ctx->path);
		cli_error(ctx, "%s", err.msg);
		return EXIT_USAGE;
	}
	snprintf(ctx->path + len, sizeof(ctx->path) - len, "%s%s", len ? " " : "",
		 e->name);
	ctx->cmd = e;
	if (!e->subs)
		return e->exec(argc, argv, ctx);
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		struct sbuf sb;

		sbuf_init(&sb);
		cmd_help_text(&sb, e, ctx->path, ctx->prog);
		fputs(sb.buf, stdout);
		sbuf_release(&sb);
		return EXIT_OK;
	}
	if (argc < 2)
		return cli_usage(ctx, "'%s' needs a command", ctx->path);
	if (argv[1][0] == '-')
		return cli_usage(ctx, "unknown option '%s'", argv[1]);
	return cmd_dispatch(e->subs, argc - 1, argv + 1, ctx);
}

int cli_parse(int argc, char **argv, struct cli_ctx *ctx,
	      int (*on_opt)(int id, const char *arg, void *data, struct err *err),
	      void *data, int *status)
{
	struct opt_parser p;
	struct err err = ERR_INIT;
	int c, first;

	opt_parser_init(&p, ctx->cmd->opts, argc, argv, 0);
	while ((c = opt_next(&p, &err)) != -1) {
		if (c == -2) {
			*status = cli_usage(ctx, "%s", err.msg);
			goto stop;
		}
		if (c == OPT_HELP_ID) {
			struct sbuf sb;

			sbuf_init(&sb);
			cmd_help_text(&sb, ctx->cmd, ctx->path, ctx->prog);
			fputs(sb.buf, stdout);
			sbuf_release(&sb);
			*status = EXIT_OK;
			goto stop;
		}
		if (on_opt(c, p.arg, data, &err) < 0) {
			*status = err.code == ERR_INVAL || err.code == ERR_NOTFOUND ?
				cli_usage(ctx, "%s", err.msg) : cli_fail(ctx, &err);
			goto stop;
		}
	}
	first = opt_index(&p);
	opt_parser_release(&p);
	return first;
stop:
	opt_parser_release(&p);
	return -1;
}

int cli_open_catalog(struct cat **out, struct cli_ctx *ctx, int write,
		     int *status)
{
	struct cat_paths paths;
	struct err err = ERR_INIT;

	if (cat_paths_default(&paths, &err) < 0) {
		*status = cli_fail(ctx, &err);
		return -1;
	}
	if (ctx->catalog_path)
		snprintf(paths.system, sizeof(paths.system), "%s", ctx->catalog_path);
	if (ctx->user_db_path)
		snprintf(paths.user, sizeof(paths.user), "%s", ctx->user_db_path);
	if (cat_open(out, &paths, write ? CAT_WRITE : CAT_READ, &err) < 0) {
		/* A missing or unreadable catalog is a runtime problem, not bad
		 * usage, whatever code the library chose. */
		cli_error(ctx, "%s", err.msg);
		*status = err.code == ERR_PARSE ? EXIT_DATA : EXIT_RUNTIME;
		return -1;
	}
	cat_set_note_sink(*out, catalog_note, ctx);
	return 0;
}
