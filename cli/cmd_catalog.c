/*
 * cmd_catalog.c - `rigplan catalog ...`: list, show, path, import-nvsmi,
 * set-price and remove.  Parses, calls catalog/, prints; no model maths.
 */
#include "bind/gguf.h"
#include "bind/hfconfig.h"
#include "cli/cmd.h"
#include "cli/out.h"
#include "catalog/cat.h"
#include "catalog/nvsmi.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/fileio.h"
#include "util/sbuf.h"
#include "util/xalloc.h"
#include "util/units.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { O_JSON = 256, O_CSV, O_SOURCE, O_KIND, O_DATE, O_ID, O_HF_REPO };

struct catalog_opts {
	int json, csv;
	const char *source, *price_kind, *date, *id, *hf_repo;
};
#define CATALOG_OPTS_INIT { 0, 0, NULL, "street", NULL, NULL, NULL }

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct catalog_opts *o = data;

	switch (id) {
	case O_JSON: o->json = 1; break;
	case O_CSV: o->csv = 1; break;
	case O_SOURCE: o->source = arg; break;
	case O_KIND: o->price_kind = arg; break;
	case O_DATE: o->date = arg; break;
	case O_ID: o->id = arg; break;
	case O_HF_REPO: o->hf_repo = arg; break;
	default:
		return err_set(err, ERR_INVAL, "unhandled option");
	}
	return 0;
}

static const struct opt_spec json_opts[] = {
	{ "json", 0, no_argument, O_JSON, NULL, "print JSON (SI units)" },
	OPT_END
};

static const struct opt_spec list_opts[] = {
	{ "json", 0, no_argument, O_JSON, NULL, "print a JSON array (SI units)" },
	{ "csv", 0, no_argument, O_CSV, NULL, "print CSV with every field (SI units)" },
	OPT_END
};

/* Parse options and check the operand count; -1 means exit with *status. */
static int parse(int argc, char **argv, struct cli_ctx *ctx,
		 struct catalog_opts *o, int min, int max, int *status)
{
	int first = cli_parse(argc, argv, ctx, on_opt, o, status);

	if (first < 0)
		return -1;
	if (argc - first < min) {
		*status = cli_usage(ctx, "missing operand");
		return -1;
	}
	if (argc - first > max) {
		*status = cli_usage(ctx, "unexpected operand '%s'", argv[first + max]);
		return -1;
	}
	if (o->json && o->csv) {
		*status = cli_usage(ctx, "--json and --csv cannot be used together");
		return -1;
	}
	return first;
}

static int kind_operand(enum cat_kind *kind, struct cli_ctx *ctx,
			const char *word, int *status)
{
	struct err err = ERR_INIT;

	if (cat_kind_parse(kind, word, &err) < 0) {
		*status = cli_usage(ctx, "%s", err.msg);
		return -1;
	}
	return 0;
}

static int exec_list(int argc, char **argv, struct cli_ctx *ctx)
{
	struct catalog_opts o = CATALOG_OPTS_INIT;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	const struct cat_kind_info *ki;
	enum cat_kind kind;
	void *rows = NULL;
	size_t n = 0, i;
	int first, status = EXIT_OK;

	if ((first = parse(argc, argv, ctx, &o, 1, 1, &status)) < 0 ||
	    kind_operand(&kind, ctx, argv[first], &status) < 0 ||
	    cli_open_catalog(&cat, ctx, 0, &status) < 0)
		return status;
	ki = cat_kind_info(kind);
	if (cat_list(&rows, &n, cat, kind, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	if (o.json) {
		json_t *a = json_array();

		for (i = 0; i < n; i++)
			json_array_append_new(a, out_row_json(ki, (char *)rows + i * ki->row_size));
		out_json_print(stdout, a);
		json_decref(a);
	} else if (o.csv) {
		out_rows_csv(stdout, ki, rows, n);
	} else {
		out_rows_table(stdout, ki, rows, n);
	}
out:
	free(rows);
	cat_free(cat);
	return status;
}

static int exec_show(int argc, char **argv, struct cli_ctx *ctx)
{
	struct catalog_opts o = CATALOG_OPTS_INIT;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	const struct cat_kind_info *ki;
	enum cat_kind kind;
	void *row = NULL;
	int first, user, status = EXIT_OK;

	if ((first = parse(argc, argv, ctx, &o, 2, 2, &status)) < 0 ||
	    kind_operand(&kind, ctx, argv[first], &status) < 0 ||
	    cli_open_catalog(&cat, ctx, 0, &status) < 0)
		return status;
	ki = cat_kind_info(kind);
	row = xcalloc(1, ki->row_size);
	if (cat_find(row, cat, kind, argv[first + 1], &err) < 0 ||
	    (user = cat_is_user_row(cat, kind, (const char *)row, &err)) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	if (o.json) {
		json_t *obj = out_row_json(ki, row);

		json_object_set_new(obj, "origin", json_string(user ? "user" : "system"));
		out_json_print(stdout, obj);
		json_decref(obj);
	} else {
		out_row_show(stdout, ki, row);
		printf("%-*s  %s\n", 6, "origin", user ? "user overlay" : "system catalog");
	}
out:
	free(row);
	cat_free(cat);
	return status;
}

static int exec_path(int argc, char **argv, struct cli_ctx *ctx)
{
	struct catalog_opts o = CATALOG_OPTS_INIT;
	struct cat_paths paths;
	struct err err = ERR_INIT;
	int first, status = EXIT_OK, user_exists;
	FILE *f;

	if ((first = parse(argc, argv, ctx, &o, 0, 0, &status)) < 0)
		return status;
	if (cat_paths_default(&paths, &err) < 0)
		return cli_fail(ctx, &err);
	if (ctx->catalog_path) {
		snprintf(paths.system, sizeof(paths.system), "%s", ctx->catalog_path);
		paths.system_origin = "--catalog";
	}
	if (ctx->user_db_path) {
		snprintf(paths.user, sizeof(paths.user), "%s", ctx->user_db_path);
		paths.user_origin = "--user-db";
	}
	f = fopen(paths.user, "rb");
	user_exists = f != NULL;
	if (f)
		fclose(f);
	if (o.json) {
		json_t *obj = json_pack("{s:{s:s,s:s},s:{s:s,s:s,s:b}}",
					"system", "path", paths.system, "origin",
					paths.system_origin, "user", "path", paths.user,
					"origin", paths.user_origin, "exists", user_exists);

		if (!obj) {
			err_set(&err, ERR_INVAL, "a catalog path is not valid UTF-8");
			return cli_fail(ctx, &err);
		}
		out_json_print(stdout, obj);
		json_decref(obj);
	} else {
		printf("system catalog  %s  (%s)\n", paths.system, paths.system_origin);
		printf("user overlay    %s  (%s%s)\n", paths.user, paths.user_origin,
		       user_exists ? "" : ", not created yet");
	}
	return EXIT_OK;
}

static json_t *inventory_json(const struct nvsmi_inventory *inv)
{
	json_t *gpus = json_array();
	size_t i;

	for (i = 0; i < inv->n; i++) {
		const struct nvsmi_gpu *g = &inv->gpus[i];
		json_t *o = json_object();

		json_object_set_new(o, "index", json_integer((json_int_t)i));
		json_object_set_new(o, "product_name", json_string(g->product_name));
		json_object_set_new(o, "id", g->gpu_id[0] ? json_string(g->gpu_id) : json_null());
		json_object_set_new(o, "match", json_string(nvsmi_match_name(g->match)));
		json_object_set_new(o, "uuid", g->uuid[0] ? json_string(g->uuid) : json_null());
		json_object_set_new(o, "pci_bus_id", g->pci_bus_id[0] ? json_string(g->pci_bus_id) : json_null());
		json_object_set_new(o, "memory_bytes", json_integer((json_int_t)g->memory_bytes));
		json_object_set_new(o, "power_limit_w", isnan(g->power_limit_w) ? json_null() :
				    json_real(g->power_limit_w));
		json_object_set_new(o, "default_power_limit_w",
				    isnan(g->default_power_limit_w) ? json_null() :
				    json_real(g->default_power_limit_w));
		json_object_set_new(o, "pcie_gen", g->pcie_gen == CAT_NULL_INT ? json_null() :
				    json_integer((json_int_t)g->pcie_gen));
		json_object_set_new(o, "pcie_lanes", g->pcie_lanes == CAT_NULL_INT ? json_null() :
				    json_integer((json_int_t)g->pcie_lanes));
		json_object_set_new(o, "note", g->note[0] ? json_string(g->note) : json_null());
		json_array_append_new(gpus, o);
	}
	return json_pack("{s:s?,s:s?,s:o}", "driver_version",
			 inv->driver_version[0] ? inv->driver_version : NULL,
			 "cuda_version", inv->cuda_version[0] ? inv->cuda_version : NULL,
			 "gpus", gpus);
}

static void inventory_table(const struct nvsmi_inventory *inv)
{
	static const char *const head[] = {
		"#", "product_name", "id", "match", "memory", "power_limit", "pcie"
	};
	static const int right[] = { 1, 0, 0, 0, 1, 1, 0 };
	const size_t nc = ARRAY_SIZE(head);
	char **cells = xcalloc((inv->n + 1) * nc, sizeof(*cells));
	size_t i, c;

	for (c = 0; c < nc; c++)
		cells[c] = xstrdup(head[c]);
	for (i = 0; i < inv->n; i++) {
		const struct nvsmi_gpu *g = &inv->gpus[i];
		char **row = cells + (i + 1) * nc;
		char buf[64];

		snprintf(buf, sizeof(buf), "%zu", i);
		row[0] = xstrdup(buf);
		row[1] = xstrdup(g->product_name);
		row[2] = xstrdup(g->gpu_id[0] ? g->gpu_id : "-");
		row[3] = xstrdup(nvsmi_match_name(g->match));
		snprintf(buf, sizeof(buf), "%.1f GiB", (double)g->memory_bytes / UNIT_GIB);
		row[4] = xstrdup(buf);
		if (isnan(g->power_limit_w))
			snprintf(buf, sizeof(buf), "-");
		else
			snprintf(buf, sizeof(buf), "%.0f W", g->power_limit_w);
		row[5] = xstrdup(buf);
		if (g->pcie_gen == CAT_NULL_INT || g->pcie_lanes == CAT_NULL_INT)
			snprintf(buf, sizeof(buf), "-");
		else
			snprintf(buf, sizeof(buf), "gen%lld x%lld", (long long)g->pcie_gen,
				 (long long)g->pcie_lanes);
		row[6] = xstrdup(buf);
	}
	printf("driver %s, CUDA %s\n", inv->driver_version[0] ? inv->driver_version : "-",
	       inv->cuda_version[0] ? inv->cuda_version : "-");
	out_table(stdout, cells, inv->n + 1, nc, right);
	for (i = 0; i < inv->n; i++)
		if (inv->gpus[i].note[0])
			printf("GPU %zu: %s\n", i, inv->gpus[i].note);
	for (i = 0; i < (inv->n + 1) * nc; i++)
		free(cells[i]);
	free(cells);
}

static int exec_import(int argc, char **argv, struct cli_ctx *ctx)
{
	struct catalog_opts o = CATALOG_OPTS_INIT;
	struct nvsmi_inventory inv;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	int first, status = EXIT_OK;

	nvsmi_inventory_init(&inv);
	if ((first = parse(argc, argv, ctx, &o, 1, 1, &status)) < 0)
		return status;
	if (nvsmi_read_file(&inv, argv[first], &err) < 0)
		return cli_fail(ctx, &err);
	if (cli_open_catalog(&cat, ctx, 0, &status) < 0)
		goto out;
	if (nvsmi_match(&inv, cat, &err) < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	if (o.json) {
		json_t *j = inventory_json(&inv);

		if (!j) {
			err_set(&err, ERR_PARSE, "'%s' holds text that is not valid UTF-8",
				argv[first]);
			status = cli_fail(ctx, &err);
			goto out;
		}
		out_json_print(stdout, j);
		json_decref(j);
	} else {
		inventory_table(&inv);
	}
out:
	nvsmi_inventory_release(&inv);
	cat_free(cat);
	return status;
}

static const struct opt_spec price_opts[] = {
	{ "source", 0, required_argument, O_SOURCE, "TEXT", "where the price comes from (required)" },
	{ "price-kind", 0, required_argument, O_KIND, "TYPE", "list, msrp or street (default: street)" },
	{ "date", 0, required_argument, O_DATE, "YYYY-MM-DD", "when the price was seen (default: today)" },
	OPT_END
};

static int exec_set_price(int argc, char **argv, struct cli_ctx *ctx)
{
	struct catalog_opts o = CATALOG_OPTS_INIT;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	enum cat_kind kind;
	double usd;
	int first, status = EXIT_OK;
	char date[11];

	if ((first = parse(argc, argv, ctx, &o, 3, 3, &status)) < 0 ||
	    kind_operand(&kind, ctx, argv[first], &status) < 0)
		return status;
	if (opt_double(&usd, "USD", argv[first + 2], 0.01, 1e9, &err) < 0)
		return cli_usage(ctx, "%s", err.msg);
	if (!o.source)
		return cli_usage(ctx, "--source is required: say where the price comes from");
	clock_today_utc(date);
	/* every value checked before the overlay is created or opened */
	if (cat_set_price_check(kind, usd, o.price_kind, o.source, o.date ? o.date : date,
				&err) < 0)
		return cli_usage(ctx, "%s", err.msg);
	if (cli_open_catalog(&cat, ctx, 1, &status) < 0)
		return status;
	if (cat_set_price(cat, kind, argv[first + 1], usd, o.price_kind, o.source,
			  o.date ? o.date : date, &err) < 0)
		status = cli_fail(ctx, &err);
	cat_free(cat);
	return status;
}

static int exec_remove(int argc, char **argv, struct cli_ctx *ctx)
{
	struct catalog_opts o = CATALOG_OPTS_INIT;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	enum cat_kind kind;
	int first, status = EXIT_OK;

	if ((first = parse(argc, argv, ctx, &o, 2, 2, &status)) < 0 ||
	    kind_operand(&kind, ctx, argv[first], &status) < 0 ||
	    cli_open_catalog(&cat, ctx, 1, &status) < 0)
		return status;
	if (cat_user_remove(cat, kind, argv[first + 1], &err) < 0)
		status = cli_fail(ctx, &err);
	cat_free(cat);
	return status;
}

static const struct opt_spec import_model_opts[] = {
	{ "id", 0, required_argument, O_ID, "ID", "the model's id in your catalog (default: from its name)" },
	{ "hf-repo", 0, required_argument, O_HF_REPO, "REPO", "the Hugging Face repository the servers fetch it from (default: the file's _name_or_path when it is one)" },
	OPT_END
};

/* An id as the schema takes it: 1 to 63 of [a-z0-9.-]. */
static int id_ok(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= 63 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789.-") == n;
}

static int exec_import_model(int argc, char **argv, struct cli_ctx *ctx)
{
	struct catalog_opts o = CATALOG_OPTS_INIT;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	struct cat_model m;
	struct cat_vision tower;
	int first, status = EXIT_OK;

	tower.id[0] = '\0';
	if ((first = parse(argc, argv, ctx, &o, 1, 1, &status)) < 0)
		return status;
	if (o.id && !id_ok(o.id))
		return cli_usage(ctx, "--id '%.80s': expected 1 to 63 of a-z, 0-9, '.' and '-'", o.id);
	if (o.hf_repo && (strlen(o.hf_repo) >= sizeof(m.hf_repo) || !strchr(o.hf_repo, '/') ||
			  strspn(o.hf_repo, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				 "0123456789/-_.") != strlen(o.hf_repo)))
		return cli_usage(ctx, "--hf-repo '%.80s': expected a repository id, owner/name",
				 o.hf_repo);
	/* the files first: nothing is opened for writing until they parse */
	if (strlen(argv[first]) > 5 && !strcmp(argv[first] + strlen(argv[first]) - 5, ".gguf")) {
		/* its header: the file's format and exact weight bytes travel in
		 * native_dtype and params_total (bind/gguf.h) */
		struct bind_gguf g;

		if (bind_gguf_read(&g, argv[first], &err) < 0)
			return cli_fail(ctx, &err);
		m = g.model;
	} else if (bind_vlm_from_path(&m, &tower, argv[first], &err) < 0) {
		return cli_fail(ctx, &err);
	}
	if (o.id)
		snprintf(m.id, sizeof(m.id), "%s", o.id);
	if (tower.id[0])
		snprintf(tower.id, sizeof(tower.id), "%s", m.id);
	if (o.hf_repo)
		snprintf(m.hf_repo, sizeof(m.hf_repo), "%s", o.hf_repo);
	if (!m.id[0])
		return cli_usage(ctx, "no id can be made from the model's name: give --id");
	if (cli_open_catalog(&cat, ctx, 1, &status) < 0)
		return status;
	if (cat_user_add_model(cat, &m, tower.id[0] ? &tower : NULL, &err) < 0)
		status = cli_fail(ctx, &err);
	else
		printf("model %s: %s, %lld layers, %.3g parameters (%.3g active), %s%s; "
		       "plan with --model %s\n", m.id, m.architecture, (long long)m.layers,
		       m.params_total, m.params_active, m.native_dtype,
		       tower.id[0] ? ", with its vision tower" : "", m.id);
	cat_free(cat);
	return status;
}

/* A file's row: the part kinds and models a user may add. */
static int addable(enum cat_kind k)
{
	return k != CAT_ENGINE && k != CAT_EFFICIENCY && k != CAT_LINK && k != CAT_CHECKPOINT;
}

static int exec_add(int argc, char **argv, struct cli_ctx *ctx)
{
	struct catalog_opts o = CATALOG_OPTS_INIT;
	struct err err = ERR_INIT;
	struct cat *cat = NULL;
	enum cat_kind kind;
	char *text = NULL, id[CAT_ID_MAX];
	size_t len = 0;
	int first, status = EXIT_OK;

	if ((first = parse(argc, argv, ctx, &o, 2, 2, &status)) < 0 ||
	    kind_operand(&kind, ctx, argv[first], &status) < 0)
		return status;
	if (!addable(kind))
		return cli_usage(ctx, "%s entries come with rigplan's releases and calibrations; "
				 "add gpus, models or parts", cat_kind_info(kind)->plural);
	if (file_read_all(&text, &len, argv[first + 1], 1u << 20, &err) < 0)
		return cli_fail(ctx, &err);
	if (cli_open_catalog(&cat, ctx, 1, &status) < 0) {
		free(text);
		return status;
	}
	if (cat_user_add_json(cat, kind, text, len, id, &err) < 0) {
		err_prefix(&err, "%.200s", argv[first + 1]);
		status = cli_fail(ctx, &err);
	} else {
		printf("%s %s added to your catalog (%s)\n", cat_kind_info(kind)->table, id,
		       argv[first + 1]);
	}
	free(text);
	cat_free(cat);
	return status;
}

static const struct opt_spec no_opts[] = { OPT_END };

static const struct cmd_entry list_entry = {
	"list", "List every catalog entry of a kind", "KIND",
	"The table shows the main fields in readable units; --json and --csv\n"
	"give every field in SI units (bytes, bytes/s, FLOP/s, W, USD).",
	list_opts, exec_list, NULL
};

static const struct cmd_entry show_entry = {
	"show", "Show one catalog entry with every field and its source", "KIND ID",
	"ID may be the id, an alias (H100, 'NVIDIA H100 80GB HBM3') or the name;\n"
	"case, spaces and hyphens do not matter.  An unknown name exits 2 and\n"
	"lists the nearest ids.",
	json_opts, exec_show, NULL
};

static const struct cmd_entry path_entry = {
	"path", "Print where the system catalog and the user overlay are", NULL,
	"The user overlay holds your own prices and GPUs; its rows override the\n"
	"system catalog's rows of the same id.",
	json_opts, exec_path, NULL
};

static const struct cmd_entry import_entry = {
	"import-nvsmi", "Read 'nvidia-smi -q -x' output and match its GPUs to the catalog",
	"FILE",
	"Create FILE on the machine with: nvidia-smi -q -x > FILE\n"
	"Nothing is stored: to plan with these GPUs, give the same file to\n"
	"'rigplan plan --owned FILE'.  A malformed or hostile file exits 3.",
	json_opts, exec_import, NULL
};

static const struct cmd_entry set_price_entry = {
	"set-price", "Record your own price for a catalog entry (user overlay)",
	"KIND ID USD",
	"The entry is copied into the user overlay with the new price; the\n"
	"system catalog is never changed.  Undo with 'rigplan catalog remove'.\n"
	"Models, engines, efficiencies and links have no price.",
	price_opts, exec_set_price, NULL
};

static const struct cmd_entry import_model_entry = {
	"import-model", "Add a model from its config.json or GGUF file to your catalog (user overlay)",
	"PATH",
	"PATH is a model's folder (config.json, and model.safetensors.index.json\n"
	"where present for the exact weight bytes), its config.json, or a .gguf\n"
	"file, of which only the header is read (its format and exact weight\n"
	"bytes are kept).  Every dimension is read from the file; an\n"
	"architecture rigplan does not understand exits 3 naming it.  --model\n"
	"PATH reads the same files without storing them.",
	import_model_opts, exec_import_model, NULL
};

static const struct cmd_entry add_entry = {
	"add", "Add a GPU, model or part the catalog lacks, from a JSON file (user overlay)",
	"KIND FILE.json",
	"FILE.json holds the entry's fields as 'rigplan catalog show KIND ID --json'\n"
	"prints them (null where there is no value); copying a similar entry and\n"
	"editing it is the quickest start.  A GPU also needs \"target\": its CUDA\n"
	"compute capability (\"8.9\") or gfx name (\"gfx942\"), which engine images\n"
	"are matched by.  Every value is checked as the catalog's own rows are; a\n"
	"bad file exits 3 naming the field, and nothing is written.",
	no_opts, exec_add, NULL
};

static const struct cmd_entry remove_entry = {
	"remove", "Remove your overlay entry for an id (the system entry shows again)",
	"KIND ID", NULL, no_opts, exec_remove, NULL
};

static const struct cmd_entry *const catalog_subs[] = {
	&list_entry, &show_entry, &path_entry, &import_entry, &import_model_entry, &add_entry,
	&set_price_entry, &remove_entry, NULL
};

const struct cmd_entry cmd_catalog_entry = {
	"catalog", "Query the hardware and model catalog; import nvidia-smi inventories",
	NULL, NULL, no_opts, NULL, catalog_subs
};
