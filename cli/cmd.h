/*
 * cmd.h - the command table, dispatch, help and the CLI's error sink.
 *
 * Only cli/ prints.  Errors go to stderr as "rigplan: error: msg"; results
 * go to stdout.  A command's exec returns the process exit status.
 */
#ifndef RIGPLAN_CLI_CMD_H
#define RIGPLAN_CLI_CMD_H

#include <stdio.h>

#include "cli/opt.h"

struct err;
struct sbuf;
struct cat;

/* Exit statuses (documented in every --help and the man page, both from
 * cli_exit_docs). */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_RUNTIME = 1,
	EXIT_USAGE = 2,
	EXIT_DATA = 3,
	EXIT_NOT_BUILT = 4,
	EXIT_INFEASIBLE = 5
};

/*
 * The user-facing text that is not an option, one table each (cmd.c):
 * --help, rigplan(1) and the tests all read these, so they cannot differ.
 * Static, borrowed; each ends with a NULL meaning / name.
 */
struct cli_exit_doc {
	enum cli_exit code;
	const char *meaning;
};
struct cli_env_doc {
	const char *name;         /* an environment variable rigplan reads */
	const char *meaning;
};
extern const struct cli_exit_doc cli_exit_docs[];

/* A host default's value as --help and the manual print it ("8 GiB"). */
struct host_fact;
void cmd_default_value(char *buf, size_t size, const struct host_fact *f);
extern const struct cli_env_doc cli_env_docs[];

/* The global options, before the command (main.c parses them). */
enum { CLI_G_CATALOG = 256, CLI_G_USER_DB, CLI_G_VERSION };
extern const struct opt_spec cli_global_opts[];

struct cli_ctx;

struct cmd_entry {
	const char *name;
	const char *summary;      /* one line, for command lists */
	const char *operands;     /* synopsis after the options: "KIND ID" */
	const char *description;  /* paragraph for --help; may be NULL */
	const struct opt_spec *opts;
	int (*exec)(int argc, char **argv, struct cli_ctx *ctx);
	const struct cmd_entry *const *subs;  /* NULL-terminated, or NULL */
};

struct cli_ctx {
	const char *prog;
	const char *catalog_path;  /* --catalog, or NULL */
	const char *user_db_path;  /* --user-db, or NULL */
	const struct cmd_entry *cmd;  /* the command being run */
	char path[128];            /* "catalog list", for messages */
};

/* The top-level command table, NULL-terminated. */
const struct cmd_entry *const *cmd_root(void);

/* Run argv[0] from `table`, descending into subcommands. */
int cmd_dispatch(const struct cmd_entry *const *table, int argc, char **argv,
		 struct cli_ctx *ctx);

/* Help for the operands that name a catalog kind (KIND): every kind the
 * catalog takes, from its kind table; nothing for other entries. */
void cmd_operand_help(struct sbuf *sb, const struct cmd_entry *e);

/* The help text of an entry ("rigplan catalog list" etc.). */
void cmd_help_text(struct sbuf *sb, const struct cmd_entry *e, const char *path,
		   const char *prog);
void cmd_main_help(struct sbuf *sb, const char *prog);
/* "usage: prog [--catalog FILE] ... COMMAND [options]", and a line for
 * each global option that takes no value ("       prog --version"). */
void cmd_main_synopsis(struct sbuf *sb, const char *prog);

/* rigplan(1) in roff, from the same tables (cli/man.c). */
void cmd_man_page(struct sbuf *sb);

/* The completion script for "bash" or "zsh" (cli/completion.c); -1 for another shell. */
int cmd_completion(struct sbuf *sb, const char *shell);
/* The shells cmd_completion writes for, NULL-terminated: `help
 * --completion` checks its value against it, and completes from it. */
extern const char *const cmd_completion_shells[];

/* Find a command by its words ("catalog", "list"); NULL if unknown, with
 * the message in err. */
const struct cmd_entry *cmd_lookup(char **words, int n, char *path,
				   size_t path_size, struct err *err);

/* Print "prog: error: msg" / "prog: warning: msg" / "prog: note: msg"
 * to stderr, control bytes escaped (\xNN).  A note says what rigplan chose
 * for the user; it changes no exit status. */
void cli_error(const struct cli_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_warning(const struct cli_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_note(const struct cli_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Report err and return the exit status its code maps to. */
int cli_fail(const struct cli_ctx *ctx, const struct err *err);

/* A usage error: message, synopsis, pointer to --help; returns 2. */
int cli_usage(const struct cli_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Parse the command's options.  Calls `on_opt(id, arg, data)` for each;
 * returns -1 when parsing should stop with exit status *status (help was
 * printed, or a usage error was reported), else the index of the first
 * operand.  on_opt returns 0, or a negative err code with err set.
 */
int cli_parse(int argc, char **argv, struct cli_ctx *ctx,
	      int (*on_opt)(int id, const char *arg, void *data, struct err *err),
	      void *data, int *status);

/* Open the catalog named by the global options and environment. */
int cli_open_catalog(struct cat **out, struct cli_ctx *ctx, int write,
		     int *status);

#endif
