/*
 * cmd_help.c - `rigplan help [COMMAND...]`: the same text as --help.
 */
#include "cli/cmd.h"
#include "util/err.h"
#include "util/sbuf.h"

#include <getopt.h>
#include <stdio.h>

enum { O_MAN = 256 };

static const struct opt_spec help_opts[] = {
	{ "man", 0, no_argument, O_MAN, NULL, "print the whole manual, rigplan(1), as roff" },
	OPT_END
};

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	if (id == O_MAN) {
		*(int *)data = 1;
		return 0;
	}
	return err_set(err, ERR_INVAL, "unexpected option");
}

static int exec_help(int argc, char **argv, struct cli_ctx *ctx)
{
	const struct cmd_entry *e;
	struct err err = ERR_INIT;
	struct sbuf sb;
	char path[128];
	int first, status = EXIT_OK, man = 0;

	if ((first = cli_parse(argc, argv, ctx, on_opt, &man, &status)) < 0)
		return status;
	if (man && first < argc)
		return cli_usage(ctx, "--man prints the whole manual: give no command");
	sbuf_init(&sb);
	if (man) {
		cmd_man_page(&sb);
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
