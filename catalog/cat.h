/*
 * cat.h - the hardware and model catalog: typed queries over SQLite.
 *
 * The system catalog (built by `make` from the SQL files under data/) is opened read-only;
 * the user's overlay (user.db) is attached, and a user row overrides the
 * system row with the same id.  Nothing above this layer sees SQL: callers
 * get plain structs, filled through the per-kind field tables below, which
 * also let the CLI print any kind as a table, JSON or CSV.
 *
 * Errors: functions return 0 or a negative enum err_code (util/err.h).
 * A struct cat is not thread-safe; open one per thread.
 */
#ifndef RIGPLAN_CATALOG_CAT_H
#define RIGPLAN_CATALOG_CAT_H

#include <stddef.h>
#include <stdint.h>

#include "catalog/cat_rows.h"

struct err;
struct sbuf;
struct cat;

#define CAT_SCHEMA_VERSION 14

/* --- Field tables: one per kind, in column order. --- */

enum cat_ftype { CAT_TEXT, CAT_INT, CAT_REAL, CAT_BOOL };

/* How a person reads a value; machine output (JSON, CSV) is always SI. */
enum cat_disp {
	CAT_D_PLAIN,   /* as stored */
	CAT_D_BYTES,   /* binary prefixes: 80 GiB */
	CAT_D_BPS,     /* decimal: 3.35 TB/s */
	CAT_D_FLOPS,   /* decimal: 989 TFLOP/s */
	CAT_D_HZ,      /* 2.1 GHz */
	CAT_D_WATTS,   /* 700 W */
	CAT_D_USD,     /* $1,599 */
	CAT_D_SECONDS, /* 80 us */
	CAT_D_COUNT    /* 8.03 B */
};

#define CAT_F_BRIEF 0x1u  /* shown in `catalog list` tables */

struct cat_field {
	const char *name;     /* column and JSON key */
	enum cat_ftype type;
	size_t offset;        /* in the kind's struct */
	size_t size;          /* buffer size for CAT_TEXT */
	enum cat_disp disp;
	unsigned flags;
};

struct cat_kind_info {
	enum cat_kind kind;
	const char *table;    /* SQL table; also the singular name: "gpu" */
	const char *plural;   /* "gpus" */
	size_t row_size;      /* sizeof the struct */
	const struct cat_field *fields;
	size_t nfields;
};

/* Borrowed, static. */
const struct cat_kind_info *cat_kind_info(enum cat_kind kind);

/* "gpu", "gpus", "GPU" -> CAT_GPU; ERR_INVAL naming the valid kinds. */
int cat_kind_parse(enum cat_kind *out, const char *word, struct err *err);

/* Append every kind cat_kind_parse takes, by plural, in table order:
 * "gpus, models, ..., efficiencies or links". */
void cat_kind_list(struct sbuf *sb);

/* --- Opening. --- */

struct cat_paths {
	char system[4096];   /* the system catalog file */
	char user[4096];     /* the user overlay file (may not exist yet) */
	const char *system_origin; /* "RIGPLAN_CATALOG", "build tree", ... */
	const char *user_origin;
};

/*
 * Where the catalogs are: the system catalog from $RIGPLAN_CATALOG, else
 * data/catalog.db beside the running program (the build tree), else the
 * installed copy; the overlay from $RIGPLAN_USER_DB, else
 * $XDG_DATA_HOME/rigplan/user.db, else ~/.local/share/rigplan/user.db.
 */
int cat_paths_default(struct cat_paths *out, struct err *err);

enum cat_open_mode {
	CAT_READ,   /* overlay attached read-only when it exists */
	CAT_WRITE   /* overlay created (with its folder) when missing */
};

/* Open `paths`; caller owns *out and frees it with cat_free(). */
int cat_open(struct cat **out, const struct cat_paths *paths,
	     enum cat_open_mode mode, struct err *err);
void cat_free(struct cat *cat);

/* Whether the user overlay file is attached (it existed or was created). */
int cat_has_overlay(const struct cat *cat);

/*
 * Where the catalog tells what it chose for a person: `fn(data, msg)`
 * with a one-line message, each message once per catalog, during the call
 * that made the choice (today: cat_resolve taking a short alias that other
 * rows' names also begin with, "H100" for h100-sxm beside h100-pcie).
 * Only the caller prints.  Without a sink notes are dropped.
 */
typedef void (*cat_note_fn)(void *data, const char *msg);
void cat_set_note_sink(struct cat *cat, cat_note_fn fn, void *data);

/* --- Queries. --- */

/*
 * All rows of a kind, ordered by id: *out is an array of n structs of the
 * kind's row_size, owned by the caller (free()).
 */
int cat_list(void **out, size_t *n, struct cat *cat, enum cat_kind kind,
	     struct err *err);

/*
 * Resolve what a person typed to an id: the id itself, an alias, or a
 * unique match ignoring case, spaces, hyphens and vendor words.  Unknown
 * or ambiguous names (several rows fold to it, or several rows' names
 * begin with its words and none is it) fail with ERR_NOTFOUND and a
 * message listing the nearest ids or the candidates.  An alias that other
 * rows' names also begin with is kept, and a note (cat_set_note_sink)
 * says which id it was taken as and what else it could be.
 */
int cat_resolve(char id[CAT_ID_MAX], struct cat *cat, enum cat_kind kind,
		const char *name, struct err *err);

/* Resolve `name` and fill `row` (a struct of the kind). */
int cat_find(void *row, struct cat *cat, enum cat_kind kind,
	     const char *name, struct err *err);

/* Whether a row of the kind came from the user overlay. */
int cat_is_user_row(struct cat *cat, enum cat_kind kind, const char *id,
		    struct err *err);

int cat_gpu_find(struct cat_gpu *out, struct cat *cat, const char *name,
		 struct err *err);
int cat_model_find(struct cat_model *out, struct cat *cat, const char *name,
		   struct err *err);

/* The product name nvidia-smi prints for a GPU id (what NVIDIA's GPU
 * feature discovery puts in the nvidia.com/gpu.product node label, with
 * spaces as '-'): 1 and *out filled, 0 when the catalog records none. */
int cat_gpu_product(char out[CAT_ID_MAX], struct cat *cat, const char *id, struct err *err);

/*
 * The efficiency record for a GPU: its own row, else its architecture's;
 * ERR_NOTFOUND when neither exists.
 */
int cat_efficiency_for(struct cat_efficiency *out, struct cat *cat,
		       const struct cat_gpu *gpu, struct err *err);

/*
 * The 80 PLUS curve of a level and variant, ascending in load: up to `max`
 * points into load[] and eff[]; *n is how many.  ERR_NOTFOUND when empty.
 */
int cat_psu_curve(double *load, double *eff, size_t *n, size_t max,
		  struct cat *cat, const char *level, const char *variant,
		  struct err *err);

/* The part of `kind` (CAT_CPU, CAT_SSD or CAT_PSU) a host of `segment`
 * ("server", "desktop") gets when none is named: its id in *id.
 * ERR_NOTFOUND when the catalog has no such row. */
int cat_default_part(char id[CAT_ID_MAX], struct cat *cat, const char *segment,
		     enum cat_kind kind, struct err *err);

/*
 * An engine release by what a person typed: a family ("vllm", "vLLM", an
 * alias such as "trtllm") gives its newest release; "vllm@0.8.5" (or
 * "@v0.8.5") that release; a release id itself.  ERR_NOTFOUND names the
 * families, or the family's releases.  cat_find(CAT_ENGINE) reads the
 * same way.
 */
int cat_engine_find(struct cat_engine *out, struct cat *cat, const char *name,
		    struct err *err);

/* The newest release of every family, ordered by family. */
int cat_engine_defaults(struct cat_engine **out, size_t *n, struct cat *cat, struct err *err);

/* A release's images (*out: n rows the caller frees). */
int cat_engine_images(struct cat_engine_image **out, size_t *n, struct cat *cat,
		      const char *engine, struct err *err);

/* Whether an engine family loads a model architecture: 1 and *out (its
 * first release), or 0. */
int cat_engine_model(struct cat_engine_model *out, struct cat *cat, const char *family,
		     const char *architecture, struct err *err);

/* A GPU's compile target: 1 and *out, or 0 when the catalog has none. */
int cat_gpu_target(struct cat_gpu_target *out, struct cat *cat, const char *gpu,
		   struct err *err);

/* An engine family's admission policy: 1 and *out, or 0 when the catalog
 * has none (it preempts). */
int cat_engine_policy(struct cat_engine_policy *out, struct cat *cat, const char *family,
		      struct err *err);

/* An engine family's host-side costs: 1 and *out, or 0 when the catalog
 * has none. */
int cat_engine_host(struct cat_engine_host *out, struct cat *cat, const char *family,
		    struct err *err);

/* An engine family's all-reduce kernel: 1 and *out, or 0 when the
 * catalog has none (it rings every message). */
int cat_engine_allreduce(struct cat_engine_allreduce *out, struct cat *cat, const char *family,
			 struct err *err);

/* An engine family's kernel rows, one per GPU architecture it has its own
 * figures on; caller frees *out. */
int cat_engine_kernels(struct cat_engine_kernel **out, size_t *n, struct cat *cat,
		       const char *family, struct err *err);

/* A CPU's fastest memory: 1 and *out, or 0 when the catalog has none. */
int cat_cpu_memory(struct cat_cpu_memory *out, struct cat *cat, const char *cpu,
		   struct err *err);

/* A CPU's cores as a device: 1 and *out, or 0 when the catalog has no
 * row (the CPU never runs a model alone). */
int cat_cpu_core(struct cat_cpu_core *out, struct cat *cat, const char *cpu, struct err *err);

/* Every cpu_core row, by id; caller frees *out. */
int cat_cpu_cores(struct cat_cpu_core **out, size_t *n, struct cat *cat, struct err *err);

/* A vision-language model's vision tower: 1 and *out, or 0 for a
 * text-only model. */
int cat_vision(struct cat_vision *out, struct cat *cat, const char *model, struct err *err);

/* A model's serving requirements, one per engine family (*out: n rows the
 * caller frees). */
int cat_model_serving(struct cat_model_serving **out, size_t *n, struct cat *cat,
		      const char *model, struct err *err);

/* A model's published checkpoints, by id (*out: n rows the caller frees). */
int cat_checkpoints(struct cat_checkpoint **out, size_t *n, struct cat *cat, const char *model,
		    struct err *err);

/*
 * The tables that tie host parts together, every row ordered by id (*out:
 * n rows the caller frees): the platform of each CPU, the board of each
 * server chassis, the layout of each case that takes a board, and what
 * each complete system ships with.
 */
int cat_cpu_platforms(struct cat_cpu_platform **out, size_t *n, struct cat *cat,
		      struct err *err);
int cat_chassis_boards(struct cat_chassis_cpu **out, size_t *n, struct cat *cat,
		       struct err *err);
int cat_chassis_layouts(struct cat_chassis_layout **out, size_t *n, struct cat *cat,
			struct err *err);
int cat_systems(struct cat_system **out, size_t *n, struct cat *cat, struct err *err);

/* Every measurement (overlay rows override by id), ordered by GPU, then
 * workload, then id; the caller frees *out. */
int cat_measurements(struct cat_measurement **out, size_t *n, struct cat *cat,
		     struct err *err);

/*
 * Store a calibration in the overlay, in one transaction: the efficiency
 * row, the calibration row, and `rows` replacing every overlay
 * measurement of that GPU other than decode and prefill.
 */
int cat_calibration_save(struct cat *cat, const struct cat_efficiency *eff,
			 const char *device_name, const char *driver, const char *cuda,
			 const char *host, int quick, size_t cases, size_t samples,
			 const char *fit_json, const struct cat_measurement *rows,
			 size_t n, struct err *err);

/*
 * A read snapshot: between begin and end every query sees one state of
 * both databases, and the files are locked once instead of per query
 * (the planner runs thousands).  Nothing may be written meanwhile.
 */
int cat_snapshot_begin(struct cat *cat, struct err *err);
void cat_snapshot_end(struct cat *cat);

/* --- Overlay writes: each one transaction, all or nothing. --- */

/*
 * Give a catalog row the user's own price: the row is copied into the
 * overlay if it is not there yet, then its price columns are set.
 */
int cat_set_price(struct cat *cat, enum cat_kind kind, const char *name,
		  double price_usd, const char *price_kind,
		  const char *source, const char *as_of, struct err *err);

/* The checks cat_set_price makes of its values before it touches the
 * catalog (a kind with prices, a price, list|msrp|street, a source, a
 * calendar date), so a caller can make them before opening it for
 * writing: 0, or ERR_INVAL. */
int cat_set_price_check(enum cat_kind kind, double price_usd, const char *price_kind,
			const char *source, const char *as_of, struct err *err);

/*
 * Add a whole row of `kind` (a struct of the kind) to the user overlay.
 * An id the catalog already has, system or user, is refused (ERR_INVAL
 * naming it): nothing is replaced.  The schema's CHECKs apply.
 */
int cat_user_add(struct cat *cat, enum cat_kind kind, const void *row, struct err *err);
/* A model and, when v is not NULL, its vision tower, in one transaction. */
int cat_user_add_model(struct cat *cat, const struct cat_model *m, const struct cat_vision *v,
		       struct err *err);

/*
 * Add a row of `kind` from JSON text: an object with the kind's fields as
 * 'catalog show KIND ID --json' prints them (null for an absent value; an
 * "origin" key is ignored).  A GPU also needs "target", its CUDA compute
 * capability or gfx name, and may give "target_platform" (linux/amd64):
 * both rows are written in one transaction, or neither.  A key that is no
 * field, a value of the wrong type or one the schema refuses is
 * ERR_PARSE naming it; an id the catalog has is ERR_INVAL.  *id: the id.
 */
int cat_user_add_json(struct cat *cat, enum cat_kind kind, const char *text, size_t len,
		      char id[CAT_ID_MAX], struct err *err);

/* Remove the user's row for an id (the system row shows again). */
int cat_user_remove(struct cat *cat, enum cat_kind kind, const char *name,
		    struct err *err);

/* --- Building the system catalog (used by `make`). --- */

/*
 * Execute the SQL files, in order, into a new database at `path` (written
 * to a temporary file and renamed, so a failure leaves no file behind).
 * A failing statement is reported with its file and line.
 */
int cat_build(const char *path, const char *const *sql_files, size_t n,
	      struct err *err);

#endif
