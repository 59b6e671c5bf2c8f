/*
 * main.c - rigplan's entry point: global options, then dispatch.
 * Sets the only process-wide state (program name, GSL error handler).
 */
#include "config.h"

#include "cli/cmd.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/tarball.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <jansson.h>
#include <libxml/xmlversion.h>
#include <sqlite3.h>

static void print_version(void)
{
	printf("rigplan %s\n", PACKAGE_VERSION);
	printf("CUDA calibration: %s\n", RIGPLAN_CUDA_STATUS);
	printf("GSL %s, SQLite %s, libxml2 %s, jansson %s, %s\n", RIGPLAN_GSL_VERSION,
	       sqlite3_libversion(), LIBXML_DOTTED_VERSION, JANSSON_VERSION, tarball_version());
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx;
	struct opt_parser p;
	struct err err = ERR_INIT;
	int c, first;

	memset(&ctx, 0, sizeof(ctx));
	ctx.prog = "rigplan";
	gsl_set_error_handler_off();

	opt_parser_init(&p, cli_global_opts, argc, argv, 1);
	while ((c = opt_next(&p, &err)) != -1) {
		switch (c) {
		case CLI_G_CATALOG:
			ctx.catalog_path = p.arg;
			break;
		case CLI_G_USER_DB:
			ctx.user_db_path = p.arg;
			break;
		case CLI_G_VERSION:
			opt_parser_release(&p);
			print_version();
			return EXIT_OK;
		case OPT_HELP_ID: {
			struct sbuf sb;

			opt_parser_release(&p);
			sbuf_init(&sb);
			cmd_main_help(&sb, ctx.prog);
			fputs(sb.buf, stdout);
			sbuf_release(&sb);
			return EXIT_OK;
		}
		default:
			opt_parser_release(&p);
			cli_error(&ctx, "%s", err.msg);
			fprintf(stderr, "see '%s --help'\n", ctx.prog);
			return EXIT_USAGE;
		}
	}
	first = opt_index(&p);
	opt_parser_release(&p);
	if (first >= argc) {
		struct sbuf sb;

		cli_error(&ctx, "no command given");
		sbuf_init(&sb);
		cmd_main_synopsis(&sb, ctx.prog);
		fprintf(stderr, "%ssee '%s help'\n", sb.buf, ctx.prog);
		sbuf_release(&sb);
		return EXIT_USAGE;
	}
	return cmd_dispatch(cmd_root(), argc - first, argv + first, &ctx);
}
