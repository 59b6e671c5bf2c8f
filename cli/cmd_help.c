/*
 * cmd_help.c - `rigplan help [COMMAND...]`: the same text as --help.
 */
#include "cli/cmd.h"
#include "util/err.h"
#include "util/sbuf.h"

#include <stdio.h>

static const struct opt_spec help_opts[] = { OPT_END };

static int noopt(int id, const char *arg, void *data, struct err *err)
{
	return err_set(err, ERR_INVAL, "unexpected option");
}

static int exec_help(int argc, char **argv, struct cli_ctx *ctx)
{
	const struct cmd_entry *e;
	struct err err = ERR_INIT;
	struct sbuf sb;
	char path[128];
	int first, status = EXIT_OK;

	if ((first = cli_parse(argc, argv, ctx, noopt, NULL, &status)) < 0)
		return status;
	sbuf_init(&sb);
	if (first >= argc) {
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
