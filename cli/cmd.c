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

#include <getopt.h>
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

static void vreport(const struct cli_ctx *ctx, const char *level,
		    const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s: ", ctx && ctx->prog ? ctx->prog : "rigplan", level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
	return 0;
}
