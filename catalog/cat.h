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

struct err;
struct cat;

#define CAT_SCHEMA_VERSION 3

/* Text buffer sizes; the schema's CHECK constraints keep values below. */
#define CAT_ID_MAX 64
#define CAT_NAME_MAX 96
#define CAT_WORD_MAX 32
#define CAT_SOURCE_MAX 256
#define CAT_LIST_MAX 160

/* An absent integer (SQL NULL); absent reals are NaN. */
#define CAT_NULL_INT INT64_MIN

enum cat_kind {
	CAT_GPU, CAT_MODEL, CAT_SSD, CAT_PSU, CAT_CHASSIS, CAT_CPU, CAT_MEMORY,
	CAT_ENGINE, CAT_EFFICIENCY, CAT_LINK, CAT_KIND_COUNT
};

/* Price columns shared by every buyable kind. */
struct cat_price {
	double price_usd;                   /* NaN when unknown */
	char price_kind[CAT_WORD_MAX];      /* list | msrp | street */
	char price_source[CAT_SOURCE_MAX];
	char price_as_of[CAT_WORD_MAX];
};

struct cat_gpu {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char architecture[CAT_WORD_MAX];
	char segment[CAT_WORD_MAX];
	char form_factor[CAT_WORD_MAX];
	int64_t memory_bytes;
	char memory_type[CAT_WORD_MAX];
	double memory_bandwidth_bytes_per_s;
	double fp16_dense_flops, bf16_dense_flops, fp16_fp32acc_dense_flops;
	double fp8_dense_flops, int8_dense_ops, int4_dense_ops, fp4_dense_flops;
	double fp32_flops;
	double tdp_w, idle_w;
	char interconnect[CAT_WORD_MAX];
	double interconnect_bytes_per_s;
	int64_t pcie_gen, pcie_lanes, p2p, slot_width;
	char cooling[CAT_WORD_MAX];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
};

struct cat_model {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char family[CAT_WORD_MAX];
	char hf_repo[CAT_NAME_MAX];
	int64_t layers, hidden, intermediate, heads, kv_heads, head_dim, vocab;
	int64_t tied_embeddings, max_context;
	char attention[CAT_WORD_MAX];
	int64_t sliding_window, sliding_layers;
	int64_t moe_experts, moe_top_k, moe_shared_experts, moe_intermediate;
	int64_t moe_dense_layers;
	int64_t kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim;
	int64_t v_head_dim;
	double params_total, params_active;
	char native_dtype[CAT_WORD_MAX];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

struct cat_ssd {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char interface[CAT_WORD_MAX];
	int64_t pcie_gen;
	char form_factor[CAT_WORD_MAX];
	int64_t capacity_bytes;
	double seq_read_bytes_per_s, seq_write_bytes_per_s, rand_read_iops;
	double read_latency_s, active_w;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
};

struct cat_psu {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char form_factor[CAT_WORD_MAX];
	double rated_w;
	char efficiency_level[CAT_WORD_MAX];
	int64_t hot_swap;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
};

struct cat_chassis {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char kind[CAT_WORD_MAX];
	int64_t rack_units, gpu_slots;
	char gpu_form_factor[CAT_WORD_MAX];
	int64_t max_gpu_width, cpu_sockets, psu_bays;
	char psu_redundancy[CAT_WORD_MAX];
	double psu_w, max_power_w, airflow_cfm;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
};

struct cat_cpu {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char segment[CAT_WORD_MAX];
	int64_t cores, threads;
	double base_hz, boost_hz;
	int64_t pcie_gen, pcie_lanes;
	char memory_type[CAT_WORD_MAX];
	int64_t memory_channels, max_sockets;
	double tdp_w;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
};

struct cat_memory {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char type[CAT_WORD_MAX];
	int64_t capacity_bytes, speed_mts, ecc;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
};

struct cat_engine {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char version[CAT_WORD_MAX];
	char image[128];
	int64_t port;
	char health_path[64];
	char weight_formats[CAT_LIST_MAX];
	char kv_formats[64];
	char default_kv_format[CAT_WORD_MAX];
	double gpu_memory_utilization;
	int64_t max_num_seqs, max_num_batched_tokens, kv_block_tokens;
	char tp_flag[48];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* Measured efficiencies of a GPU or a GPU family (models/spec.h). */
struct cat_efficiency {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char scope[CAT_WORD_MAX];
	double bw, kernel_s, layer_s, step_s, launch_layer_s;
	double gemm, gemm_fp8, attn_prefill, roofline_p;
	double power_mem, power_comp;
	double thermal_r_k_per_w, thermal_tau_s, temp_slowdown_c;
	double context_bytes;
	double err_decode_lo, err_decode_hi, err_prefill_lo, err_prefill_hi;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* A measurement (the schema's measurement table says what each field
 * means for each workload); CAT_NULL_INT where it does not apply. */
struct cat_measurement {
	char id[128];
	char gpu_id[CAT_ID_MAX];
	char workload[CAT_WORD_MAX];
	char metric[CAT_WORD_MAX];
	char dtype[CAT_WORD_MAX];
	int64_t m, n, k, size_bytes, pinned;
	char model_id[CAT_ID_MAX];
	int64_t layers, batch, context, input_len;
	double value;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

struct cat_link {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	double efficiency, latency_s, bytes_per_s, err;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

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
 * or ambiguous names fail with ERR_NOTFOUND and a message listing the
 * nearest ids.
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

/* The CPU vendor a chassis's board takes: 1 and *vendor filled ("intel",
 * "amd"), or 0 when the catalog records no constraint. */
int cat_chassis_cpu_vendor(char vendor[CAT_WORD_MAX], struct cat *cat, const char *chassis,
			   struct err *err);

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
