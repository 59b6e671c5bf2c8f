/*
 * trace.h - replaying request traces and reading length columns from CSV.
 *
 * A trace is a CSV file with one request per row: its arrival time, its
 * prompt tokens and its generated tokens, in the format of Azure's public
 * LLM inference traces (header TIMESTAMP,ContextTokens,GeneratedTokens,
 * times such as "2023-11-16 18:15:46.6805900"; see
 * github.com/Azure/AzurePublicDataset, AzureLLMInferenceDataset2023.md).
 * Times may also be plain seconds; the header may name the columns in any
 * order (aliases: time, input_tokens, output_tokens), or be absent for
 * the order time, prompt, output.  A header may add an Images column
 * (images per request, for a vision-language model: 0 to 1000).  Rows
 * must come in time order.
 *
 * trace_open reads the whole file once to check every row, keeping only
 * counts, so a bad line is reported before any simulation starts and a
 * replay's memory does not grow with the trace; trace_next then streams.
 * Errors: ERR_IO when the file cannot be read, ERR_PARSE naming the line
 * and the bad value, ERR_INVAL for a pipe (it cannot be read twice).
 *
 * Endless or huge input (/dev/zero, a FIFO that never ends) is cut off
 * with ERR_PARSE at the bounds below, before it costs more than a fixed
 * buffer (a trace) or the values kept (a column, 8 bytes a row): a NUL
 * byte ends the read at once, as a line longer than line_bytes does.
 */
#ifndef RIGPLAN_SIM_TRACE_H
#define RIGPLAN_SIM_TRACE_H

#include <stddef.h>
#include <stdio.h>

struct err;

/* What a file may hold: bytes in one line (the newline counted), data
 * rows, and bytes in all (blank lines included). */
struct trace_limits {
	size_t line_bytes, rows, bytes;
};

/* A trace: rows streamed, so only time bounds it; --requests' own limit
 * of 1e8 rows, and 1 GiB (docs/hardening.md). */
#define TRACE_LIMITS_INIT { 4096, 100000000, (size_t)1 << 30 }
/* A length column: its values are kept, 10 million of them (80 MB). */
#define TRACE_COLUMN_LIMITS_INIT { 4096, 10000000, (size_t)1 << 30 }

struct trace {
	FILE *f;
	char *path;
	char *buf;          /* one line, lim.line_bytes + 1 */
	size_t line;        /* of the row last read */
	size_t bytes;       /* read since the start of the file */
	struct trace_limits lim;
	int col[4];         /* time, prompt, output, images (-1: none): their fields */
	int header;
	size_t rows;        /* requests in the file */
	double first_t, last_t;     /* seconds, as written */
	double mean_input, mean_output;     /* tokens (output at least 1, as replayed) */
	double mean_images;                 /* per request; 0 without the column */
	size_t max_images;                  /* the most one row asks for */
	size_t longest;     /* the largest prompt + output of a row, as replayed */
	double scale;       /* replay time = (t - first_t) * scale; 1 as recorded */
};

struct trace_row {
	double t;           /* seconds after the first row, scaled */
	size_t input, output;
	size_t images;      /* 0 without the column */
};

int trace_open(struct trace *t, const char *path, struct err *err);
/* The same within other bounds (tests, which cannot afford 1 GiB). */
int trace_open_limited(struct trace *t, const char *path, const struct trace_limits *lim,
		       struct err *err);
/* 1 and a row, 0 at the end, or a negative error. */
int trace_next(struct trace *t, struct trace_row *out, struct err *err);
/* Start again from the first row (capacity search replays a trace many times). */
void trace_rewind(struct trace *t);
/* Replay at a mean rate of `qps` requests a second: the rows-1 gaps of
 * the recording are scaled so that their mean is 1/qps.  ERR_INVAL when
 * every request arrives at the same time (there is nothing to scale). */
int trace_set_rate(struct trace *t, double qps, struct err *err);
void trace_close(struct trace *t);

/* "FILE.csv:COLUMN" (a header name or a 1-based number; the last colon
 * splits): the column's values, whole token counts from 1 to LENGTH_MAX.
 * *values is allocated; ERR_INVAL for a bad spec, ERR_IO, ERR_PARSE. */
int trace_read_column(double **values, size_t *n, const char *spec, struct err *err);
int trace_read_column_limited(double **values, size_t *n, const char *spec,
			      const struct trace_limits *lim, struct err *err);

#endif
