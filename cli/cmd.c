/*
 * cmd.c - the command table, dispatch, generated help and error reporting.
 *
 * Adding a command takes four steps:
 *   1. write cli/cmd_<name>.c exporting `const struct cmd_entry cmd_<name>_entry`;
 *   2. add it to cmd_table below (or to its parent's subs);
 *   3. add the file to libcore_a_SOURCES in Makefile.am;
 *   4. add a tests/cli test (and, once it exists, a man-page section).
 */
#include "cli/cmd.h"
#include "catalog/cat.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/strdist.h"

#include <stdarg.h>
#include <stdio.h>
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

static const char exit_text[] =
	"Exit status:\n"
	"  0  success\n"
	"  1  runtime error\n"
	"  2  usage error (bad option, unknown name, out-of-range value)\n"
	"  3  invalid input data (a malformed file)\n"
	"  4  feature not built in (CUDA)\n"
	"  5  no feasible configuration\n";

const struct cmd_entry *const *cmd_root(void)
{
	return cmd_table;
}

/* One line whatever the message quotes: names from files and the command
 * line may hold newlines or terminal escapes, shown as '?'. */
static void vreport(const struct cli_ctx *ctx, const char *level,
		    const char *fmt, va_list ap)
{
	char msg[2048];
	size_t i;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	for (i = 0; msg[i]; i++)
		if ((unsigned char)msg[i] < 0x20 || msg[i] == 0x7f)
			msg[i] = '?';
	fprintf(stderr, "%s: %s: %s\n", ctx && ctx->prog ? ctx->prog : "rigplan", level, msg);
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

void cmd_help_text(struct sbuf *sb, const struct cmd_entry *e, const char *path,
		   const char *prog)
{
	synopsis(sb, e, path, prog);
	sbuf_addf(sb, "\n%s\n", e->summary);
	if (e->description)
		sbuf_addf(sb, "\n%s\n", e->description);
	sbuf_addch(sb, '\n');
	if (e->subs) {
		list_commands(sb, e->subs);
		sbuf_addf(sb, "\nSee '%s help %s COMMAND' for a command's options.\n\n",
			  prog, path);
	}
	opt_help(sb, e->opts);
	sbuf_addf(sb, "\n%s", exit_text);
}

void cmd_main_help(struct sbuf *sb, const char *prog)
{
	sbuf_addf(sb,
		  "usage: %s [--catalog FILE] [--user-db FILE] COMMAND [options]\n"
		  "       %s --version\n\n"
		  "rigplan plans the hardware and deployment to serve a large language model:\n"
		  "which GPUs, whether the model fits, how fast, what power, what cost.\n\n",
		  prog, prog);
	list_commands(sb, cmd_table);
	sbuf_addf(sb, "\nSee '%s help COMMAND' for a command's options.\n\n"
		  "Global options:\n"
		  "  %-28s %s\n  %-28s %s\n  %-28s %s\n  %-28s %s\n\n"
		  "Environment:\n"
		  "  RIGPLAN_CATALOG   the system catalog (default: beside the program, or installed)\n"
		  "  RIGPLAN_USER_DB   the user overlay (default: $XDG_DATA_HOME/rigplan/user.db)\n\n%s",
		  prog,
		  "    --catalog FILE", "use this system catalog",
		  "    --user-db FILE", "use this user overlay database",
		  "    --version", "print version and build configuration",
		  "-h, --help", "show this help and exit", exit_text);
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
	return 0;
}
