/*
 * rows.h - names resolved to catalog rows, once.  The only layer above
 * catalog/ that queries it: everything above takes these rows (plain
 * structs, which may be copied) and never a catalog handle's answers.
 *
 * A row that only some layouts use (a link, the host's parts) is read
 * with the rest, and its failure is kept rather than reported: it is
 * reported by deploy_layout when a layout needs the row, exactly where
 * building the deployment would have met it.
 */
#ifndef RIGPLAN_BIND_ROWS_H
#define RIGPLAN_BIND_ROWS_H

#include "catalog/cat_rows.h"
#include "models/power.h"
#include "util/err.h"

struct cat;

/* The links a layout may use, in the catalog's ids. */
enum bind_link {
	BIND_NVLINK, BIND_PCIE_P2P, BIND_PCIE_HOST, BIND_NETWORK, BIND_XGMI, BIND_LINK_COUNT
};

/* One GPU and the host the deployment puts around it. */
struct bind_gpu_rows {
	struct cat_gpu gpu;
	char product[CAT_NAME_MAX];     /* as nvidia-smi names it; the catalog name if none */
	struct cat_efficiency eff;
	struct err eff_err;             /* code ERR_OK: eff is there */
	struct cat_link link[BIND_LINK_COUNT];
	struct err link_err[BIND_LINK_COUNT];
	struct cat_cpu cpu;             /* the host: the CPU asked for, else the segment's */
	struct cat_cpu_memory cpu_memory;   /* its memory speed; memory_mts 0: unknown */
	struct cat_ssd ssd;
	struct cat_psu psu;
	struct psu_curve psu_curve;     /* the PSU's 80 PLUS curve at the host's voltage */
	struct err host_err;            /* the first of cpu, ssd, psu, curve that failed */
	struct cat_gpu_target target;   /* what its kernels are built for */
	int has_target;                 /* 0: the catalog records none */
};

/* images per release (sglang 0.5.6.post1 ships 7: CUDA 12/13 x amd64/arm64
 * and three ROCm); bind_resolve_engine refuses a catalog with more */
#define BIND_IMAGES_MAX 16
/* architectures an engine family has kernel figures of */
#define BIND_KERNELS_MAX 16
#define BIND_CHECKPOINTS_MAX 16
/* serving requirements kept per model (one per engine family) */
#define BIND_SERVING_MAX 8

/* What an engine release runs on, and whether it loads one model. */
struct bind_engine_rows {
	struct cat_engine engine;
	struct cat_engine_image image[BIND_IMAGES_MAX];
	size_t nimages;
	struct cat_engine_model loads;  /* the model's architecture, from which release */
	int has_loads;                  /* 0: the family does not load it */
	int reserves;                   /* admits only with its whole output's KV reserved
					 * (engine_policy 'reserve') */
	struct cat_engine_host host;    /* engine_host; has_host 0: none */
	int has_host;
	struct cat_engine_allreduce allreduce;  /* engine_allreduce; has_allreduce 0: none */
	int has_allreduce;
	struct cat_engine_kernel kernel[BIND_KERNELS_MAX];  /* engine_kernel, by architecture */
	size_t nkernels;
};

/* A model and where its weights are published. */
struct bind_model_rows {
	struct cat_model model;
	struct cat_checkpoint ckpt[BIND_CHECKPOINTS_MAX];
	size_t nckpt;
	struct cat_model_serving serving[BIND_SERVING_MAX];
	size_t nserving;
	int has_vision;                     /* a vision-language model's tower */
	struct cat_vision vision;
};

/* Everything one (model, GPU, engine) deployment reads. */
struct bind_rows {
	struct bind_model_rows m;
	struct bind_engine_rows e;
	struct bind_gpu_rows g;
};

/* What a person named; NULL engine: vllm's newest release; NULL cpu,
 * ssd: the segment's. */
struct bind_names {
	const char *model, *gpu, *engine, *cpu, *ssd;
};

/*
 * Resolve every name of *n into *out, in the order a person reads the
 * errors: model, GPU, engine, then the GPU's efficiency.  ERR_NOTFOUND
 * names the unknown one (with the nearest ids); ERR_DB, ERR_IO.
 */
int bind_resolve(struct bind_rows *out, struct cat *cat, const struct bind_names *n,
		 struct err *err);

/* The parts of bind_resolve, for callers that read many of one kind
 * (the planner reads each GPU once and pairs it with every engine). */
int bind_resolve_model(struct cat_model *out, struct cat *cat, const char *name,
		       struct err *err);
/* The model and its checkpoints (up to BIND_CHECKPOINTS_MAX, by id). */
int bind_resolve_model_rows(struct bind_model_rows *out, struct cat *cat, const char *name,
			    struct err *err);
/* An engine release by name (cat_engine_find: "vllm", "vllm@0.8.5"),
 * its images, and whether it loads `model`'s architecture. */
int bind_resolve_engine(struct bind_engine_rows *out, struct cat *cat, const char *name,
			const struct cat_model *model, struct err *err);
/* The GPU's row is required; its efficiency, links and host are kept
 * with their failures (see above).  ERR_NOTFOUND, ERR_DB, ERR_IO. */
int bind_resolve_gpu(struct bind_gpu_rows *out, struct cat *cat, const char *gpu,
		     const char *cpu, const char *ssd, struct err *err);

/* Names as typed become ids ((*ids)[i] for names[i]; the caller frees
 * *ids).  ERR_NOTFOUND names the first unknown one. */
int bind_resolve_ids(char (**ids)[CAT_ID_MAX], struct cat *cat, enum cat_kind kind,
		     const char *const *names, size_t n, struct err *err);

/* A device's row by its exact id: a catalog GPU's, or a CPU alone's
 * ("cpu-ID").  ERR_NOTFOUND as cat_find's. */
int bind_device_row(struct cat_gpu *out, struct cat *cat, const char *id, struct err *err);

/* Device names as typed become ids, as bind_resolve_ids does for GPUs,
 * and "cpu-ID" for a CPU alone; "cpu" stays "cpu" (every CPU device). */
int bind_resolve_device_ids(char (**ids)[CAT_ID_MAX], struct cat *cat, const char *const *names,
			    size_t n, struct err *err);

/* Every GPU of the catalog, by id; every engine release, by family and
 * newest first within it (*out: n rows the caller frees). */
int bind_list_gpus(struct cat_gpu **out, size_t *n, struct cat *cat, struct err *err);
/* The GPUs, then every CPU the catalog can run a model on alone, as its
 * device row ("cpu-ID", bind/cpu_device.c). */
int bind_list_devices(struct cat_gpu **out, size_t *n, struct cat *cat, struct err *err);
int bind_list_engines(struct cat_engine **out, size_t *n, struct cat *cat, struct err *err);

/* Between begin and end every read sees one state of the catalog, and
 * its files are locked once (see cat_snapshot_begin). */
int bind_read_begin(struct cat *cat, struct err *err);
void bind_read_end(struct cat *cat);

/* GeForce and workstation cards: desktop hosts, no redundant PSUs. */
int bind_gpu_desktop(const struct cat_gpu *g);

/* Whole systems: edge modules (Jetson, form factor 'module'), each on
 * its carrier board, Apple silicon Macs (form factor 'soc') and CPUs
 * running a model alone (form factor 'cpu'): one
 * memory shared with the OS and CPU, no PSU to choose and no parallelism
 * across systems. */
int bind_gpu_edge(const struct cat_gpu *g);
/* A computer built around one system on a chip (an Apple silicon Mac, a
 * DGX Spark): the row is the computer, its power at the wall. */
int bind_gpu_soc(const struct cat_gpu *g);
/* An Apple silicon Mac: macOS wires only part of its memory to the GPU,
 * and no container reaches the GPU. */
int bind_gpu_mac(const struct cat_gpu *g);
/* A CPU running a model alone (bind_resolve_gpu's "cpu-ID"): the row is
 * its cores and one socket's memory, the machine's RAM. */
int bind_gpu_cpu(const struct cat_gpu *g);
/* One memory for the device and the host (a Mac, a CPU alone): no link
 * between them to copy over. */
int bind_gpu_unified(const struct cat_gpu *g);
/* The DIMMs a CPU device's RAM takes (64 GiB RDIMMs, 32 GiB desktop
 * DIMMs), and the CPU's id ("cpu-ID"'s ID). */
double bind_cpu_dimms(const struct cat_gpu *g);
const char *bind_cpu_of(const struct cat_gpu *g);
/* A whole system's memory the model cannot have (the OS's, or on a Mac
 * what macOS does not let the GPU wire), bytes. */
double bind_gpu_system_reserve(const struct cat_gpu *g);
/* Power beside a whole system's row: an edge module's carrier board; 0
 * for a Mac, whose row is the computer. */
double bind_gpu_carrier_w(const struct cat_gpu *g);

#endif
