/*
 * spec.h - what the analytic model is evaluated on: an LLM's shape, a GPU's
 * peaks and measured efficiencies, a weight/KV format, a deployment and a
 * workload point.  Plain structs in SI units, filled by the caller (bind/
 * builds them from catalog rows); models/ never sees SQL or files.
 */
#ifndef RIGPLAN_MODELS_SPEC_H
#define RIGPLAN_MODELS_SPEC_H

#include <stddef.h>

enum llm_attn { LLM_MHA, LLM_GQA, LLM_MQA, LLM_MLA };

/* A decoder-only transformer, from its config.json. */
struct llm_spec {
	size_t layers, hidden, intermediate, heads, kv_heads, head_dim, vocab;
	int tied_embeddings;
	size_t max_context;
	enum llm_attn attn;
	size_t sliding_window;      /* 0: none */
	size_t sliding_layers;      /* layers that use the window */
	size_t moe_experts;         /* 0: dense */
	size_t moe_top_k, moe_shared_experts, moe_intermediate, moe_dense_layers;
	size_t kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim;
	size_t v_head_dim;
	double params_total;        /* the model card's count, for scaling */
};

/* Compute rates a weight format can use. */
enum fmt_compute { FMT_C_BF16, FMT_C_FP16, FMT_C_FP8, FMT_C_INT8, FMT_C_FP4 };

/* A weight format (models/fmt.c has the table and its sources). */
struct fmt_weight {
	const char *name;
	double bits_linear;     /* per parameter of the linear layers, scales included */
	double bits_embed;      /* embedding and output head */
	enum fmt_compute compute; /* what the GEMMs run as (weight-only: bf16) */
	int gguf;               /* a llama.cpp format */
	double bits_expert;     /* routed experts' linear layers; 0: bits_linear (a format
				 * that quantizes the experts alone, as MXFP4 in gpt-oss) */
	double bits_token;      /* an untied input embedding; 0: bits_embed (a tied
				 * one is the head and takes the head's bits) */
	int unpacks;            /* matrix-vector kernels unpack each quantized weight
				 * on the ALUs (GGUF and MLX on Metal) */
};

struct fmt_kv {
	const char *name;
	double bytes;           /* per stored value */
};

/*
 * Efficiencies and overheads of a GPU family, measured (bench/measure,
 * calibration) and stored in the catalog's `efficiency` table.
 */
struct gpu_eff {
	double bw;              /* achieved / datasheet memory bandwidth, large reads */
	double kernel_s;        /* fixed cost of one GEMM kernel */
	double layer_s;         /* per decoder layer: its kernels' launches and tails (their
				 * traffic is perf.c's act_layer_bytes) */
	double step_s;          /* per forward: embedding, sampling, graph launch */
	double gemm;            /* achieved / peak, large dense GEMMs, sustained at the cap */
	double gemm_fp8;        /* the same in fp8 */
	double attn_prefill;    /* causal flash attention, achieved / bf16 peak */
	double roofline_p;      /* t = (t_mem^p + t_comp^p)^(1/p): near the ridge both limit */
	double launch_layer_s;  /* host time to launch one layer's kernels (eager prefill) */
	double power_mem;       /* dynamic power per unit memory busy fraction */
	double power_comp;      /* dynamic power per unit tensor busy fraction */
	double thermal_r_k_per_w;   /* steady die rise over the air at the GPU, per watt */
	double thermal_tau_s;       /* first-order time constant */
	double temp_slowdown_c;     /* where clocks drop */
	double context_bytes;       /* CUDA context and allocator floor */
	double err_decode_lo, err_decode_hi;   /* relative model error bands */
	double err_prefill_lo, err_prefill_hi;
	double dequant_ops;         /* ALU ops per block-quantized weight unpacked; 0: hidden */
};

enum link_kind {
	LINK_NVLINK,        /* NVLink / NVSwitch */
	LINK_PCIE_P2P,      /* PCIe peer-to-peer */
	LINK_PCIE_HOST,     /* PCIe bounced through host memory (no P2P) */
	LINK_NETWORK,       /* between nodes: InfiniBand / RoCE */
	LINK_XGMI           /* AMD Infinity Fabric: every GPU of a board to every other */
};

struct gpu_spec {
	double memory_bytes;
	double bw_bytes_per_s;
	double bf16_flops, fp16_flops, fp8_flops, int8_ops;  /* NaN: unsupported */
	double fp4_flops;               /* FP4 tensor units (Blackwell); NaN: none */
	double tdp_w, idle_w;
	double nvlink_bytes_per_s;      /* per GPU, both directions; NaN: none */
	double pcie_bytes_per_s;        /* per direction, x16 slot as fitted */
	int p2p;
	struct gpu_eff eff;
};

/* A link's measured behaviour (models/comm.c documents the defaults). */
struct link_spec {
	enum link_kind kind;
	double bytes_per_s;     /* achieved per direction */
	double latency_s;       /* per ring hop */
	double collective_s;    /* per collective, on top of its hops */
	double oneshot_s;       /* an engine's all-reduce kernel: one stage's fixed cost
				 * in a step; 0: none runs over this link */
	double oneshot_bytes_per_s; /* ... and what a GPU pulls from its peers a second */
	double sync_s;          /* an all-reduce in a step waits this on top of its kernel */
};

/*
 * The engine's own all-reduce (engine_allreduce): a message of fewer than
 * max_bytes among a world size it takes, over a link with a one-shot
 * kernel, runs in one stage below oneshot_bytes_4 (up to 4 GPUs) or
 * oneshot_bytes_8 (up to 8), else in two.  max_bytes 0: NCCL's ring only.
 */
struct allreduce_spec {
	double max_bytes, oneshot_bytes_4, oneshot_bytes_8;
	unsigned world_sizes;   /* bit n: n GPUs */
};

/*
 * What an engine keeps in host memory instead of the GPUs' (models/offload.c
 * prices it).  All zero: nothing, the step is the GPUs' alone.
 */
struct offload_spec {
	size_t host_layers;     /* decoder layers the CPU holds and runs (llama.cpp
				 * -ngl N: the first layers - N) */
	int head_on_host;       /* the output head with them (-ngl at most the layers) */
	int kv_host;            /* every layer's KV cache in host memory, attention on
				 * the CPU (llama.cpp --no-kv-offload) */
	double stream_bytes;    /* per GPU, weights read from pinned host memory in
				 * every forward pass (vLLM, SGLang --cpu-offload-gb) */
	double host_bw;         /* achieved host memory read rate, bytes/s */
	double host_flops;      /* the CPU's rate for what it computes */
	double h2d_bw;          /* pinned host-to-GPU rate, per GPU */
	size_t ubatch;          /* prompt tokens per copy of the host layers to the GPU */
	size_t gpu_min_batch;   /* from this many tokens in a step the GPU computes the
				 * host layers, their weights copied in (llama.cpp
				 * op offload); below, the CPU does */
	double host_capacity;   /* host memory the engine may fill (RAM less the OS's
				 * and its own process); 0: not checked */
	int embed_on_host;      /* the input token embedding stays in host memory, its
				 * rows looked up by the CPU (llama.cpp's input layer);
				 * a tied head's weights are then the GPU's copy */
};

struct deploy_spec {
	size_t tp, pp;          /* tensor and pipeline parallel degrees */
	size_t ep;              /* expert parallel over this many GPUs with data-parallel
				 * attention (each GPU whole attention, its own share of
				 * the sequences; experts spread whole); 1: off */
	size_t gpus_per_node;   /* tp*pp spread over nodes of this many */
	struct link_spec intra; /* GPU to GPU inside a node */
	struct link_spec inter; /* node to node */
	struct allreduce_spec ar;   /* the engine's all-reduce kernel over `intra` */
	double engine_mem_fraction; /* engine's share of GPU memory (vLLM gpu_memory_utilization); NaN: none */
	size_t max_batched_tokens;  /* prefill chunk; 0: whole prompt */
	size_t max_seqs;            /* engine's sequence cap; 0: none */
	size_t kv_block_tokens;     /* tokens per paged KV block */
	double swap_bytes_per_gpu;  /* host memory the engine swaps KV blocks to */
	double power_limit_w;       /* NaN: the GPU's TDP */
	int reserve_output;         /* the engine admits a request only with KV blocks for
				     * its whole output, and never preempts */
	double launch_layer_s;      /* the engine's host time per layer of an eager
				     * forward (engine_host); 0 or NaN: the GPU's */
	double request_s;           /* the engine's front end per request (engine_host) */
	int eager;                  /* no CUDA graphs: decode steps wait for the host to
				     * launch their layers as prefill steps do */
	struct offload_spec off;
};

/* One point of work: a decode step or a prefill. */
struct work_point {
	size_t batch;
	size_t context;     /* decode: tokens in each sequence's KV cache */
	size_t input_len;   /* prefill: tokens per sequence */
	size_t output_len;  /* tokens generated per request (cost, memory) */
	size_t images;      /* per request, for a vision-language model: each
			     * becomes tokens of the prompt (bind/deploy.c) */
	double image_w, image_h;    /* their size, pixels */
};

#endif
