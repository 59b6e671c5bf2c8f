/*
 * out.c - catalog rows for people (tables, human units) and programs
 * (JSON through jansson, CSV).  Machine output is always SI base units,
 * exactly as stored; only the human forms round.
 */
#include "cli/out.h"
#include "util/afile.h"
#include "util/json.h"
#include "generators/gen_writer.h"
#include "util/sbuf.h"
#include "util/xalloc.h"
#include "util/units.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Short column headings for `catalog list`; other fields use their name. */
static const struct { const char *field, *label; } labels[] = {
	{ "memory_bytes", "memory" },
	{ "memory_bandwidth_bytes_per_s", "bandwidth" },
	{ "bf16_dense_flops", "bf16" },
	{ "fp8_dense_flops", "fp8" },
	{ "tdp_w", "tdp" },
	{ "price_usd", "price" },
	{ "params_total", "params" },
	{ "params_active", "active" },
	{ "max_context", "context" },
	{ "capacity_bytes", "capacity" },
	{ "seq_read_bytes_per_s", "seq_read" },
	{ "rand_read_iops", "iops_4k" },
	{ "efficiency_level", "80plus" },
	{ "max_power_w", "max_power" },
};

static const char *label_of(const char *field)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(labels); i++)
		if (strcmp(labels[i].field, field) == 0)
			return labels[i].label;
	return field;
}

static int64_t get_int(const struct cat_field *f, const void *row)
{
	int64_t v;

	memcpy(&v, (const char *)row + f->offset, sizeof(v));
	return v;
}

static double get_real(const struct cat_field *f, const void *row)
{
	double v;

	memcpy(&v, (const char *)row + f->offset, sizeof(v));
	return v;
}

static const char *get_text(const struct cat_field *f, const void *row)
{
	return (const char *)row + f->offset;
}

/* The value as a double, NaN when absent (for the numeric human forms). */
static double numeric(const struct cat_field *f, const void *row)
{
	if (f->type == CAT_REAL)
		return get_real(f, row);
	if (get_int(f, row) == CAT_NULL_INT)
		return NAN;
	return (double)get_int(f, row);
}

/* "%.3g" with the unit, keeping up to 4 significant digits for values
 * such as 989.4 or 1979. */
static void scaled(struct sbuf *sb, double v, double scale, const char *unit)
{
	double x = v / scale;

	if (x >= 1000 || x == floor(x))
		sbuf_addf(sb, "%.0f %s", x, unit);
	else
		sbuf_addf(sb, "%.4g %s", x, unit);
}

static void human_bytes(struct sbuf *sb, double v)
{
	const double gib = UNIT_GIB;

	/* Exact binary sizes (GPU and DIMM memory) in GiB; marketing decimal
	 * sizes (drives) in GB/TB. */
	if (v >= gib && fmod(v, gib) == 0)
		scaled(sb, v, gib, "GiB");
	else if (v >= 1e12)
		scaled(sb, v, 1e12, "TB");
	else if (v >= 1e9)
		scaled(sb, v, 1e9, "GB");
	else
		scaled(sb, v, 1e6, "MB");
}

static void human_usd(struct sbuf *sb, double v)
{
	char digits[32];
	size_t n, i;

	snprintf(digits, sizeof(digits), "%.0f", v);
	n = strlen(digits);
	sbuf_addch(sb, '$');
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			sbuf_addch(sb, ',');
		sbuf_addch(sb, digits[i]);
	}
}

const char *out_fixed(struct out_nums *n, double v, int decimals)
{
	char *s = n->slot[n->next++ % OUT_SLOTS];

	if (!isfinite(v))
		return "-";
	snprintf(s, sizeof(n->slot[0]), "%.*f", decimals, v);
	return s;
}

void out_human(struct sbuf *sb, const struct cat_field *f, const void *row)
{
	double v;

	if (f->type == CAT_TEXT) {
		sbuf_addstr(sb, get_text(f, row)[0] ? get_text(f, row) : "-");
		return;
	}
	if (f->type == CAT_BOOL) {
		int64_t b = get_int(f, row);

		sbuf_addstr(sb, b == CAT_NULL_INT ? "-" : b ? "yes" : "no");
		return;
	}
	v = numeric(f, row);
	if (isnan(v)) {
		sbuf_addch(sb, '-');
		return;
	}
	switch (f->disp) {
	case CAT_D_BYTES:
		human_bytes(sb, v);
		break;
	case CAT_D_BPS:
		if (v >= 1e12)
			scaled(sb, v, 1e12, "TB/s");
		else if (v >= 1e9)
			scaled(sb, v, 1e9, "GB/s");
		else
			scaled(sb, v, 1e6, "MB/s");
		break;
	case CAT_D_FLOPS:
		if (v >= 1e15)
			scaled(sb, v, 1e15, "PFLOP/s");
		else
			scaled(sb, v, 1e12, "TFLOP/s");
		break;
	case CAT_D_HZ:
		scaled(sb, v, 1e9, "GHz");
		break;
	case CAT_D_WATTS:
		scaled(sb, v, 1, "W");
		break;
	case CAT_D_USD:
		human_usd(sb, v);
		break;
	case CAT_D_SECONDS:
		if (v < 1e-3)
			scaled(sb, v, 1e-6, "us");
		else if (v < 1)
			scaled(sb, v, 1e-3, "ms");
		else
			scaled(sb, v, 1, "s");
		break;
	case CAT_D_COUNT:
		if (v >= 1e9)
			scaled(sb, v, 1e9, "B");
		else if (v >= 1e6)
			scaled(sb, v, 1e6, "M");
		else if (v >= 1e3)
			scaled(sb, v, 1e3, "K");
		else
			sbuf_addf(sb, "%.15g", v);
		break;
	default:
		sbuf_addf(sb, "%.15g", v);
		break;
	}
}

json_t *out_row_json(const struct cat_kind_info *ki, const void *row)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; i < ki->nfields; i++) {
		const struct cat_field *f = &ki->fields[i];
		json_t *v = NULL;

		switch (f->type) {
		case CAT_TEXT:
			v = get_text(f, row)[0] ? json_string(get_text(f, row)) : json_null();
			break;
		case CAT_INT:
			v = get_int(f, row) == CAT_NULL_INT ? json_null() :
				json_integer((json_int_t)get_int(f, row));
			break;
		case CAT_BOOL:
			v = get_int(f, row) == CAT_NULL_INT ? json_null() :
				json_boolean(get_int(f, row));
			break;
		case CAT_REAL:
			v = isnan(get_real(f, row)) ? json_null() : json_real(get_real(f, row));
			break;
		}
		/* A string that is not valid UTF-8 cannot be a JSON string. */
		json_object_set_new(o, f->name, v ? v : json_null());
	}
	return o;
}

int out_json_print(FILE *f, json_t *v)
{
	int r = json_dumpf(v, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
			   JSON_REAL_PRECISION(15));

	fputc('\n', f);
	return r;
}

void out_table(FILE *f, char **cells, size_t nrows, size_t ncols,
	       const int *right_align)
{
	size_t *w = xcalloc(ncols, sizeof(*w));
	size_t r, c;

	for (r = 0; r < nrows; r++)
		for (c = 0; c < ncols; c++)
			if (strlen(cells[r * ncols + c]) > w[c])
				w[c] = strlen(cells[r * ncols + c]);
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < ncols; c++) {
			const char *s = cells[r * ncols + c];
			int width = (int)w[c];

			if (c + 1 == ncols && !(right_align && right_align[c]))
				fprintf(f, "%s", s);
			else if (right_align && right_align[c] && r > 0)
				fprintf(f, "%*s", width, s);
			else
				fprintf(f, "%-*s", width, s);
			fputs(c + 1 < ncols ? "  " : "\n", f);
		}
	}
	free(w);
}

void out_rows_table(FILE *f, const struct cat_kind_info *ki, const void *rows,
		    size_t n)
{
	size_t ncols = 0, i, c, r;
	const struct cat_field **cols = xcalloc(ki->nfields, sizeof(*cols));
	char **cells;
	int *right;
	struct sbuf sb;

	for (i = 0; i < ki->nfields; i++)
		if (ki->fields[i].flags & CAT_F_BRIEF)
			cols[ncols++] = &ki->fields[i];
	cells = xcalloc((n + 1) * ncols, sizeof(*cells));
	right = xcalloc(ncols, sizeof(*right));
	sbuf_init(&sb);
	for (c = 0; c < ncols; c++) {
		cells[c] = xstrdup(label_of(cols[c]->name));
		right[c] = cols[c]->type != CAT_TEXT && cols[c]->type != CAT_BOOL;
	}
	for (r = 0; r < n; r++) {
		const char *row = (const char *)rows + r * ki->row_size;

		for (c = 0; c < ncols; c++) {
			sbuf_reset(&sb);
			out_human(&sb, cols[c], row);
			cells[(r + 1) * ncols + c] = xstrdup(sb.buf);
		}
	}
	out_table(f, cells, n + 1, ncols, right);
	for (i = 0; i < (n + 1) * ncols; i++)
		free(cells[i]);
	sbuf_release(&sb);
	free(cells);
	free(right);
	free(cols);
}

void out_rows_csv(FILE *f, const struct cat_kind_info *ki, const void *rows,
		  size_t n)
{
	struct sbuf sb;
	size_t i, r;

	sbuf_init(&sb);
	for (i = 0; i < ki->nfields; i++)
		sbuf_addf(&sb, "%s%s", i ? "," : "", ki->fields[i].name);
	sbuf_addstr(&sb, "\r\n");
	for (r = 0; r < n; r++) {
		const char *row = (const char *)rows + r * ki->row_size;

		for (i = 0; i < ki->nfields; i++) {
			const struct cat_field *fl = &ki->fields[i];

			if (i)
				sbuf_addch(&sb, ',');
			if (fl->type == CAT_TEXT) {
				gen_csv_field(&sb, get_text(fl, row));
			} else if (fl->type == CAT_REAL) {
				if (!isnan(get_real(fl, row)))
					sbuf_addf(&sb, "%.15g", get_real(fl, row));
			} else if (get_int(fl, row) != CAT_NULL_INT) {
				sbuf_addf(&sb, "%lld", (long long)get_int(fl, row));
			}
		}
		sbuf_addstr(&sb, "\r\n");
	}
	fputs(sb.buf, f);
	sbuf_release(&sb);
}

void out_row_show(FILE *f, const struct cat_kind_info *ki, const void *row)
{
	struct sbuf sb;
	size_t i, w = 0;

	for (i = 0; i < ki->nfields; i++)
		if (strlen(ki->fields[i].name) > w)
			w = strlen(ki->fields[i].name);
	sbuf_init(&sb);
	for (i = 0; i < ki->nfields; i++) {
		sbuf_reset(&sb);
		out_human(&sb, &ki->fields[i], row);
		fprintf(f, "%-*s  %s\n", (int)w, ki->fields[i].name, sb.buf);
	}
	sbuf_release(&sb);
}

int out_write_file(const char *path, const char *text, struct err *err)
{
	struct afile a;

	if (afile_open(&a, path, AFILE_MODE_DATA, err) < 0)
		return -1;
	fputs(text, a.f);
	return afile_commit(&a, err);
}
