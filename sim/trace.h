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
 * the order time, prompt, output.  Rows must come in time order.
 *
 * trace_open reads the whole file once to check every row, keeping only
 * counts, so a bad line is reported before any simulation starts and a
 * replay's memory does not grow with the trace; trace_next then streams.
 * Errors: ERR_IO when the file cannot be read, ERR_PARSE naming the line
 * and the bad value.
 */
#ifndef RIGPLAN_SIM_TRACE_H
#define RIGPLAN_SIM_TRACE_H

#include <stddef.h>
#include <stdio.h>

struct err;

struct trace {
	FILE *f;
	char *path;
	char *buf;          /* getline's buffer */
	size_t cap;
	size_t line;        /* of the row last read */
	int col[3];         /* time, prompt, output: their fields */
	int header;
	size_t rows;        /* requests in the file */
	double first_t, last_t;     /* seconds, as written */
	double mean_input, mean_output;     /* tokens (output at least 1, as replayed) */
	size_t longest;     /* the largest prompt + output of a row, as replayed */
	double scale;       /* replay time = (t - first_t) * scale; 1 as recorded */
};

struct trace_row {
	double t;           /* seconds after the first row, scaled */
	size_t input, output;
};

int trace_open(struct trace *t, const char *path, struct err *err);
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
 * *values is allocated; ERR_INVAL for a bad spec. */
int trace_read_column(double **values, size_t *n, const char *spec, struct err *err);

#endif
