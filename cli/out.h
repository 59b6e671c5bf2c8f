/*
 * out.h - printing catalog rows: readable tables with human units, JSON
 * (jansson, SI units, stable key order) and RFC 4180 CSV.
 */
#ifndef RIGPLAN_CLI_OUT_H
#define RIGPLAN_CLI_OUT_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "util/json.h"

#include "catalog/cat.h"

struct sbuf;

/* A value for people: "80 GiB", "3.35 TB/s", "989 TFLOP/s", "-" for none. */
void out_human(struct sbuf *sb, const struct cat_field *f, const void *row);

/* One row as a JSON object with every field (caller owns the reference). */
json_t *out_row_json(const struct cat_kind_info *ki, const void *row);

/* Write text to `path` whole or not at all (util/afile). */
int out_write_file(const char *path, const char *text, struct err *err);

/* Print JSON to f with a trailing newline: 2-space indent, keys in order. */
int out_json_print(FILE *f, json_t *v);

/* All rows of a kind. */
void out_rows_table(FILE *f, const struct cat_kind_info *ki, const void *rows,
		    size_t n);
void out_rows_csv(FILE *f, const struct cat_kind_info *ki, const void *rows,
		  size_t n);
/* One row, a "field  value" line each. */
void out_row_show(FILE *f, const struct cat_kind_info *ki, const void *row);

/*
 * Numbers in text reports: v with `decimals` digits after the point, or
 * "-" wherever the JSON of the same report writes null (NaN, infinities:
 * unknown or none), so text never says "nan".  Each result lives in its
 * own slot of `n` (on the caller's stack) until OUT_SLOTS more are made:
 * enough for one printf.
 */
#define OUT_SLOTS 12
struct out_nums {
	char slot[OUT_SLOTS][48];
	size_t next;
};
const char *out_fixed(struct out_nums *n, double v, int decimals);

/* A simple aligned text table: cells[r * ncols + c]; row 0 is the header. */
void out_table(FILE *f, char **cells, size_t nrows, size_t ncols,
	       const int *right_align);

#endif
