/*
 * cat_rows.h - the catalog's rows as plain structs: what bind/ hands the
 * layers above it.  Types and size constants only; the queries that fill
 * them are in cat.h, which only bind/ and cli/ include.
 */
#ifndef RIGPLAN_CATALOG_CAT_ROWS_H
#define RIGPLAN_CATALOG_CAT_ROWS_H

#include <stdint.h>

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
	CAT_ENGINE, CAT_EFFICIENCY, CAT_LINK, CAT_CHECKPOINT, CAT_PLATFORM, CAT_MOTHERBOARD,
	CAT_COOLER, CAT_NETPART, CAT_KIND_COUNT
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
	char architecture[CAT_ID_MAX];      /* config.json architectures[0] */
	char model_type[CAT_WORD_MAX];
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

/* One release of a serving engine (id "vllm@0.11.0"). */
struct cat_engine {
	char id[CAT_ID_MAX];
	char family[CAT_WORD_MAX];
	char name[CAT_NAME_MAX];
	char version[CAT_WORD_MAX];
	char released[CAT_WORD_MAX];
	int64_t port;
	char health_path[64];
	char weight_formats[CAT_LIST_MAX];
	char online_formats[64];            /* quantized at load from the 16-bit checkpoint */
	char kv_formats[64];
	char default_kv_format[CAT_WORD_MAX];
	int64_t pp, ep;
	char multinode[CAT_WORD_MAX];       /* none | ray | native | mpi */
	double gpu_memory_utilization;
	int64_t max_num_seqs, max_num_batched_tokens, kv_block_tokens;
	/* the defaults instead on GPUs of at least large_gpu_bytes not matching
	 * the GLOB large_gpu_except (CAT_NULL_INT / "": no such rule) */
	int64_t large_gpu_bytes, large_max_num_seqs, large_max_num_batched_tokens;
	char large_gpu_except[32];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* A container image of an engine release and the GPU targets its
 * kernels are built for. */
struct cat_engine_image {
	char id[128];
	char engine[CAT_ID_MAX];
	char image[128];
	char platform[CAT_WORD_MAX];
	char targets[CAT_LIST_MAX];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* How an engine family admits requests (schema.sql, engine_policy). */
struct cat_engine_policy {
	char id[CAT_WORD_MAX];
	char admission[CAT_WORD_MAX];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* What an engine family's host side costs (schema.sql, engine_host). */
struct cat_engine_host {
	char id[CAT_WORD_MAX];
	double prefill_launch_layer_s;  /* NaN: the GPU's */
	double request_s;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* How an engine family all-reduces tensor-parallel activations (schema.sql,
 * engine_allreduce). */
struct cat_engine_allreduce {
	char id[CAT_WORD_MAX];
	int64_t max_bytes, oneshot_bytes_4, oneshot_bytes_8;
	char world_sizes[CAT_WORD_MAX];
	char rocm_since[CAT_WORD_MAX];  /* "": the kernel never runs on AMD's GPUs */
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* An engine family's own kernels on a GPU architecture (schema.sql,
 * engine_kernel): NaN where the architecture's efficiency row holds. */
struct cat_engine_kernel {
	char id[CAT_ID_MAX];
	char family[CAT_WORD_MAX];
	char architecture[CAT_WORD_MAX];
	double dequant_ops;
	double gemm;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* An engine family loads a model architecture from release `since`. */
struct cat_engine_model {
	char id[128];
	char family[CAT_WORD_MAX];
	char architecture[CAT_ID_MAX];
	char since[CAT_WORD_MAX];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* What a GPU's kernels are compiled for ("9.0", "gfx942"). */
struct cat_gpu_target {
	char id[CAT_ID_MAX];
	char target[CAT_WORD_MAX];
	char platform[CAT_WORD_MAX];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* Where a model's weights in one format are published. */
/* A model's own serving requirements on an engine family. */
struct cat_model_serving {
	char id[CAT_ID_MAX + CAT_WORD_MAX];
	char model[CAT_ID_MAX];
	char family[CAT_WORD_MAX];
	char since[CAT_WORD_MAX];
	char flags[400];                    /* words separated by single spaces */
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

struct cat_checkpoint {
	char id[CAT_ID_MAX + CAT_WORD_MAX];
	char model[CAT_ID_MAX];
	char format[CAT_WORD_MAX];
	char repo[CAT_NAME_MAX];
	char file[128];                     /* GGUF: the file; "" otherwise */
	int64_t bytes;                      /* CAT_NULL_INT: not stated */
	char ollama[CAT_NAME_MAX];          /* "" when none */
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* A CPU platform: socket, the memory modules its boards take. */
struct cat_platform {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char socket[CAT_WORD_MAX];
	char memory_type[CAT_WORD_MAX];
	int64_t max_dimms_per_channel;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* The platform a CPU goes in (id: the CPU). */
struct cat_cpu_platform {
	char id[CAT_ID_MAX];
	char platform[CAT_ID_MAX];
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* The board a server chassis ships with (id: the chassis). */
struct cat_chassis_cpu {
	char id[CAT_ID_MAX];
	char platform[CAT_ID_MAX];
	int64_t dimm_slots;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* A case that takes a motherboard (id: the chassis). */
struct cat_chassis_layout {
	char id[CAT_ID_MAX];
	int64_t expansion_slots;
	char board_form_factors[CAT_ID_MAX];
	int64_t risers;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

struct cat_motherboard {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char platform[CAT_ID_MAX];
	char form_factor[CAT_WORD_MAX];
	int64_t sockets, dimm_slots, gpu_slots;
	char gpu_slot_positions[48];        /* "" when unknown */
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
};

struct cat_cooler {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char sockets[CAT_ID_MAX];
	double max_tdp_w;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
};

/* The fastest memory a CPU runs, MT/s (id: the CPU). */
struct cat_cpu_memory {
	char id[CAT_ID_MAX];
	int64_t memory_mts;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* A CPU's cores as a device (id: the CPU; schema.sql, cpu_core). */
struct cat_cpu_core {
	char id[CAT_ID_MAX];
	char microarchitecture[CAT_WORD_MAX];
	double int8_ops_per_cycle;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* A vision-language model's vision tower and image processor (id: the
 * model). */
struct cat_vision {
	char id[CAT_ID_MAX];
	int64_t depth, hidden, heads, mlp, out_hidden, merger;
	int64_t patch_size, merge_size, temporal_patch, min_pixels, max_pixels;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	char processor[CAT_WORD_MAX];       /* "" (smart-resize), "fixed", "tiles" */
	int64_t image_size, max_tiles;      /* CAT_NULL_INT: none */
	int64_t mlp_matrices;               /* CAT_NULL_INT: 3 */
};

/* A complete system's contents (id: the chassis). */
struct cat_system {
	char id[CAT_ID_MAX];
	char cpu[CAT_ID_MAX];
	int64_t cpus, ram_bytes, dimms;
	char ssd[CAT_ID_MAX];
	int64_t ssds, nic_ports;
	double nic_gbps;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
};

/* A NIC, switch, cable or PDU. */
struct cat_netpart {
	char id[CAT_ID_MAX];
	char name[CAT_NAME_MAX];
	char vendor[CAT_WORD_MAX];
	char kind[CAT_WORD_MAX];
	char fabric[CAT_WORD_MAX];
	double speed_gbps;
	int64_t ports;
	double power_w, capacity_w;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	struct cat_price price;
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
	double dequant_ops;         /* NaN: none (schema: efficiency.dequant_ops) */
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
	double efficiency, latency_s, collective_s, bytes_per_s, err;
	char source[CAT_SOURCE_MAX];
	char as_of[CAT_WORD_MAX];
	double oneshot_s, oneshot_bytes_per_s;  /* NaN: no one-shot kernel over it */
	double sync_s;                          /* NaN: none */
};

#endif
