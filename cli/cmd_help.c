/*
 * cmd_help.c - `rigplan help [COMMAND...]`: the same text as --help.
 */
#include "cli/cmd.h"
#include "util/err.h"
#include "util/sbuf.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

enum { O_MAN = 256, O_COMPLETION };

static const struct opt_spec help_opts[] = {
	{ "man", 0, no_argument, O_MAN, NULL, "print the whole manual, rigplan(1), as roff" },
	{ "completion", 0, required_argument, O_COMPLETION, "SHELL",
	  "print the completion script for bash or zsh" },
	OPT_END
};

struct help_opts {
	int man;
	const char *shell;
};

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct help_opts *o = data;

	if (id == O_MAN) {
		o->man = 1;
		return 0;
	}
	if (id == O_COMPLETION) {
		const char *const *sh;
		struct sbuf names;
		int r;

		for (sh = cmd_completion_shells; *sh; sh++)
			if (strcmp(arg, *sh) == 0) {
				o->shell = arg;
				return 0;
			}
		sbuf_init(&names);
		for (sh = cmd_completion_shells; *sh; sh++)
			sbuf_addf(&names, "%s%s", sh == cmd_completion_shells ? "" : sh[1] ? ", " : " or ",
				  *sh);
		r = err_set(err, ERR_INVAL, "--completion '%.20s': expected %s", arg, names.buf);
		sbuf_release(&names);
		return r;
	}
	return err_set(err, ERR_INVAL, "unexpected option");
}

static int exec_help(int argc, char **argv, struct cli_ctx *ctx)
{
	const struct cmd_entry *e;
	struct err err = ERR_INIT;
	struct sbuf sb;
	char path[128];
	struct help_opts o = { 0, NULL };
	int first, status = EXIT_OK;

	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		return status;
	if ((o.man || o.shell) && first < argc)
		return cli_usage(ctx, "--man and --completion cover every command: give no command");
	if (o.man && o.shell)
		return cli_usage(ctx, "--man and --completion: one at a time");
	sbuf_init(&sb);
	if (o.man) {
		cmd_man_page(&sb);
	} else if (o.shell) {
		cmd_completion(&sb, o.shell);
	} else if (first >= argc) {
		cmd_main_help(&sb, ctx->prog);
	} else if ((e = cmd_lookup(argv + first, argc - first, path, sizeof(path), &err))) {
		cmd_help_text(&sb, e, path, ctx->prog);
	} else {
		sbuf_release(&sb);
		cli_error(ctx, "%s", err.msg);
		return EXIT_USAGE;
	}
	fputs(sb.buf, stdout);
	sbuf_release(&sb);
	return EXIT_OK;
}

const struct cmd_entry cmd_help_entry = {
	"help", "Show help for rigplan or one of its commands", "[COMMAND...]",
	NULL, help_opts, exec_help, NULL
};
