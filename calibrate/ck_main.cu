/*
 * ck_main.cu - rigplan-ck, the helper `rigplan calibrate` runs to drive
 * the GPU.  Keeping CUDA in a program of its own means rigplan itself
 * never loads the CUDA libraries (every other command starts in
 * milliseconds), and a GPU that wedges is a child to kill, not a hang.
 *
 * Usage: rigplan-ck DEVICE.  Protocol, one line each way, tab-separated:
 *   out: device INDEX COUNT SMS CC_MAJOR CC_MINOR MEMORY CONTEXT L2 DRIVER RUNTIME FP8 BUS NAME
 *   in:  copy|triad BYTES REPS SOAK_S
 *        gemm bf16|fp16|fp8 M N K REPS SOAK_S
 *        h2d|d2h PINNED BYTES REPS
 *        p2p PEER BYTES REPS
 *   out: ok MEDIAN MIN MAX REPS BYTES FLOPS MAX_ERR SOAK_BEGIN SOAK_END SOAK_RUNS
 *        skip REASON           (the case cannot run on this GPU)
 *        fail REASON           (then exit status 1)
 *        usage REASON          (a device index that does not exist; exit 2)
 * Times in seconds (soak times on CLOCK_MONOTONIC), sizes in bytes.
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "calibrate/ck.h"

/* The next blank-separated word of *p as a number; -1 when absent or not
 * wholly a number. */
static int word(double *out, char **p)
{
	char *end;

	while (**p == ' ')
		(*p)++;
	if (**p == '\0' || **p == '\n')
		return -1;
	*out = strtod(*p, &end);
	if (end == *p || (*end != ' ' && *end != '\n' && *end != '\0'))
		return -1;
	*p = end;
	return 0;
}

/* Exactly n numbers follow. */
static int numbers(double *v, int n, char *p)
{
	double extra;
	int i;

	for (i = 0; i < n; i++)
		if (word(&v[i], &p) < 0)
			return -1;
	return word(&extra, &p) == 0 ? -1 : 0;
}

static int parse_case(ck_case *c, char *line)
{
	double v[6];
	char *p = line;
	size_t klen;

	memset(c, 0, sizeof(*c));
	klen = strcspn(line, " \n");
	p = line + klen;
	if (klen == 4 && !strncmp(line, "copy", 4))
		c->kind = CK_COPY;
	else if (klen == 5 && !strncmp(line, "triad", 5))
		c->kind = CK_TRIAD;
	else if (klen == 4 && !strncmp(line, "gemm", 4))
		c->kind = CK_GEMM;
	else if (klen == 3 && !strncmp(line, "h2d", 3))
		c->kind = CK_H2D;
	else if (klen == 3 && !strncmp(line, "d2h", 3))
		c->kind = CK_D2H;
	else if (klen == 3 && !strncmp(line, "p2p", 3))
		c->kind = CK_P2P;
	else
		return -1;
	switch (c->kind) {
	case CK_COPY:
	case CK_TRIAD:
		if (numbers(v, 3, p) < 0)
			return -1;
		c->bytes = (size_t)v[0];
		c->reps = (int)v[1];
		c->soak_s = v[2];
		return 0;
	case CK_GEMM:
		while (*p == ' ')
			p++;
		if (!strncmp(p, "bf16 ", 5))
			c->dtype = CK_BF16;
		else if (!strncmp(p, "fp16 ", 5))
			c->dtype = CK_FP16;
		else if (!strncmp(p, "fp8 ", 4))
			c->dtype = CK_FP8;
		else
			return -1;
		p += strcspn(p, " ");
		if (numbers(v, 5, p) < 0)
			return -1;
		c->m = (long)v[0];
		c->n = (long)v[1];
		c->k = (long)v[2];
		c->reps = (int)v[3];
		c->soak_s = v[4];
		return 0;
	case CK_H2D:
	case CK_D2H:
		if (numbers(v, 3, p) < 0)
			return -1;
		c->pinned = v[0] != 0;
		c->bytes = (size_t)v[1];
		c->reps = (int)v[2];
		return 0;
	case CK_P2P:
		if (numbers(v, 3, p) < 0)
			return -1;
		c->peer = (int)v[0];
		c->bytes = (size_t)v[1];
		c->reps = (int)v[2];
		return 0;
	}
	return -1;
}

/* Messages go on one line: no tabs or newlines inside. */
static void one_line(char *s)
{
	for (; *s; s++)
		if (*s == '\t' || *s == '\n' || *s == '\r')
			*s = ' ';
}

int main(int argc, char **argv)
{
	ck_device d;
	char msg[512], line[512];
	char *end = NULL;
	long index;

	if (argc != 2 || (index = strtol(argv[1], &end, 10), *end != '\0') || index < 0) {
		fprintf(stderr, "usage: rigplan-ck DEVICE (run by `rigplan calibrate`)\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (ck_open(&d, (int)index, msg, sizeof(msg)) < 0) {
		one_line(msg);
		printf("%s\t%s\n", strncmp(msg, "--device", 8) ? "fail" : "usage", msg);
		return strncmp(msg, "--device", 8) ? 1 : 2;
	}
	one_line(d.name);
	printf("device\t%d\t%d\t%d\t%d\t%d\t%.17g\t%.17g\t%.17g\t%d\t%d\t%d\t%s\t%s\n",
	       d.index, d.count, d.sms, d.cc_major, d.cc_minor, d.memory_bytes,
	       d.context_bytes, d.l2_bytes, d.driver_version, d.runtime_version, d.fp8,
	       d.pci_bus_id, d.name);
	while (fgets(line, sizeof(line), stdin)) {
		ck_case c;
		ck_result r;
		int rc;

		if (parse_case(&c, line) < 0) {
			line[strcspn(line, "\n")] = '\0';
			one_line(line);
			printf("fail\tunreadable case '%s'\n", line);
			ck_close();
			return 1;
		}
		msg[0] = '\0';
		rc = ck_run(&r, &c, msg, sizeof(msg));
		one_line(msg);
		if (rc < 0) {
			printf("fail\t%s\n", msg);
			ck_close();
			return 1;
		}
		if (rc > 0) {
			printf("skip\t%s\n", msg);
			continue;
		}
		printf("ok\t%.17g\t%.17g\t%.17g\t%d\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%ld\n",
		       r.median_s, r.min_s, r.max_s, r.reps, r.bytes, r.flops, r.max_err,
		       r.soak_begin, r.soak_end, r.soak_runs);
	}
	ck_close();
	return 0;
}
