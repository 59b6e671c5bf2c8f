/*
 * validate_serving.h - `rigplan validate --serving FILE` (see
 * validate_serving.c): serving benchmark runs replayed and compared.
 */
#ifndef RIGPLAN_CLI_VALIDATE_SERVING_H
#define RIGPLAN_CLI_VALIDATE_SERVING_H

struct cli_ctx;

/* Print the runs of FILE (of GPU `gpu` only, unless NULL) beside their
 * replays and the median error per GPU and metric; the exit status. */
int validate_serving(const char *path, const char *gpu, int json, int summary_only,
		     struct cli_ctx *ctx);

#endif
