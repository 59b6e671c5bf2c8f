/*
 * deploy.c - bound catalog rows and user settings to model inputs.
 *
 * Defaults that the catalog does not hold are chosen here, each with its
 * reason; every one can be overridden from the command line.  Must not
 * print, read the catalog (bind_resolve does, once) or compute model
 * physics (that is models/).
 */
#include <math.h>
#include <stdlib.h>
#include <fnmatch.h>
#include <string.h>

#include "models/fmt.h"
#include "bind/deploy.h"
#include "util/err.h"
#include "util/version.h"
#include "util/xalloc.h"

static size_t opt_size(int64_t v)
{
	return v == CAT_NULL_INT || v < 0 ? 0 : (size_t)v;
}

void deploy_llm_spec(struct llm_spec *out, const struct cat_model *m)
{
	memset(out, 0, sizeof(*out));
	out->layers = (size_t)m->layers;
	out->hidden = (size_t)m->hidden;
	out->intermediate = (size_t)m->intermediate;
	out->heads = (size_t)m->heads;
	out->kv_heads = (size_t)m->kv_heads;
	out->head_dim = (size_t)m->head_dim;
	out->vocab = (size_t)m->vocab;
	out->tied_embeddings = (int)m->tied_embeddings;
	out->max_context = (size_t)m->max_context;
	out->attn = !strcmp(m->attention, "mla") ? LLM_MLA :
		    !strcmp(m->attention, "mqa") ? LLM_MQA :
		    !strcmp(m->attention, "mha") ? LLM_MHA : LLM_GQA;
	out->sliding_window = opt_size(m->sliding_window);
	/* a window with no layer count applies to every layer (Mistral 7B) */
	out->sliding_layers = out->sliding_window ?
		(m->sliding_layers == CAT_NULL_INT ? out->layers : opt_size(m->sliding_layers)) : 0;
	out->moe_experts = opt_size(m->moe_experts);
	out->moe_top_k = opt_size(m->moe_top_k);
	out->moe_shared_experts = opt_size(m->moe_shared_experts);
	out->moe_intermediate = opt_size(m->moe_intermediate);
	out->moe_dense_layers = opt_size(m->moe_dense_layers);
	out->kv_lora_rank = opt_size(m->kv_lora_rank);
	out->q_lora_rank = opt_size(m->q_lora_rank);
	out->qk_rope_head_dim = opt_size(m->qk_rope_head_dim);
	out->qk_nope_head_dim = opt_size(m->qk_nope_head_dim);
	out->v_head_dim = opt_size(m->v_head_dim);
	out->params_total = m->params_total;
}

/* PCIe payload rate per lane and direction after line coding: 8 GT/s
 * 128b/130b = 0.985 GB/s (gen 3), doubling each generation (PCI-SIG
 * PCIe base specifications 3.0-6.0; gen 6 FLIT mode ~7.56). */
static double pcie_lane_bytes_per_s(int64_t gen)
{
	switch (gen) {
	case 3:
		return 0.985e9;
	case 4:
		return 1.969e9;
	case 5:
		return 3.938e9;
	default:
		return 7.563e9;
	}
}

/*
 * llama.cpp (and ollama, built on it) runs its fp16 cuBLAS GEMMs with
 * CUBLAS_COMPUTE_16F, accumulating in fp16 (ggml-cuda.cu,
 * ggml_cuda_op_mul_mat_cublas), so a GeForce card gives it the full fp16
 * rate, not the halved fp32-accumulate one.  The published RTX 3090 f16
 * pp512 of 4445 tokens/s is 71 TFLOP/s, the card's whole fp32-accumulate
 * peak, and an RTX 4080's 7247 is 116, over it
 * (tests/data/reference/public.json): only the full rate explains them.
 * The share of it llama.cpp reaches is its own (engine_kernel).  `family`
 * is the engine's family: a release id never matches.
 */
static int accumulates_in_fp16(const char *family)
{
	return !strcmp(family, "llama-cpp") || !strcmp(family, "ollama");
}

/* ASHRAE TC 9.9 Thermal Guidelines, class A2: allowable inlet 10-35 C. */
#define ASHRAE_A2_MAX_INLET_C 35.0

static void gpu_spec_of(struct gpu_spec *g, const struct cat_gpu *c,
			const struct cat_efficiency *e, const char *family,
			const struct cat_engine_kernel *k)
{
	memset(g, 0, sizeof(*g));
	g->memory_bytes = (double)c->memory_bytes;
	/* an edge module's memory is the whole system's: the model gets what
	 * the OS and CPU leave (models/defaults.c) */
	if (bind_gpu_edge(c))
		g->memory_bytes = fmax(0.0, g->memory_bytes - bind_gpu_system_reserve(c));
	g->bw_bytes_per_s = c->memory_bandwidth_bytes_per_s;
	g->bf16_flops = c->bf16_dense_flops;
	/* GeForce: frameworks run fp16 with fp32 accumulate, the halved rate,
	 * unless the engine accumulates in fp16 */
	g->fp16_flops = !isnan(c->fp16_fp32acc_dense_flops) &&
		!(accumulates_in_fp16(family) && !isnan(c->fp16_dense_flops)) ?
		c->fp16_fp32acc_dense_flops : c->fp16_dense_flops;
	g->fp8_flops = c->fp8_dense_flops;
	g->fp4_flops = c->fp4_dense_flops;
	g->int8_ops = c->int8_dense_ops;
	g->tdp_w = c->tdp_w;
	/* no measured idle: 10% of TDP is below every idle we measured
	 * (H100 17%, H200 18% at P0): a floor, so power is never overstated */
	g->idle_w = !isnan(c->idle_w) ? c->idle_w : 0.1 * c->tdp_w;
	g->nvlink_bytes_per_s = c->interconnect_bytes_per_s;
	/* a Mac's GPU and CPU share one memory, a CPU alone has only its
	 * own: no link between them */
	g->pcie_bytes_per_s = bind_gpu_unified(c) ? c->memory_bandwidth_bytes_per_s :
			      pcie_lane_bytes_per_s(c->pcie_gen) * (double)c->pcie_lanes;
	g->p2p = (int)c->p2p;
	g->eff.bw = e->bw;
	g->eff.kernel_s = e->kernel_s;
	g->eff.layer_s = e->layer_s;
	g->eff.step_s = e->step_s;
	g->eff.launch_layer_s = e->launch_layer_s;
	g->eff.gemm = e->gemm;
	g->eff.gemm_fp8 = isnan(e->gemm_fp8) ? e->gemm : e->gemm_fp8;
	g->eff.attn_prefill = e->attn_prefill;
	g->eff.roofline_p = e->roofline_p;
	g->eff.power_mem = e->power_mem;
	g->eff.power_comp = e->power_comp;
	g->eff.temp_slowdown_c = e->temp_slowdown_c;
	/* design point: the cooler holds the slowdown temperature at TDP with
	 * a 35 C inlet (ASHRAE A2 allowable maximum), warmed by the node's
	 * preheat on its way to the GPU.  The measured H100/H200 SXM run
	 * cooler: 0.046 and 0.040 K/W against this rule's 0.058 (efficiency.sql) */
	g->eff.thermal_r_k_per_w = !isnan(e->thermal_r_k_per_w) ? e->thermal_r_k_per_w :
		(e->temp_slowdown_c - ASHRAE_A2_MAX_INLET_C - host_default(HOST_GPU_PREHEAT_K)) /
		c->tdp_w;
	g->eff.thermal_tau_s = e->thermal_tau_s;
	g->eff.context_bytes = e->context_bytes;
	g->eff.err_decode_lo = e->err_decode_lo;
	g->eff.err_decode_hi = e->err_decode_hi;
	g->eff.err_prefill_lo = e->err_prefill_lo;
	g->eff.err_prefill_hi = e->err_prefill_hi;
	g->eff.dequant_ops = isnan(e->dequant_ops) ? 0 : e->dequant_ops;
	if (k && !isnan(k->dequant_ops))
		g->eff.dequant_ops = k->dequant_ops;
	if (k && !isnan(k->gemm))
		g->eff.gemm = k->gemm;
}

int deploy_use_efficiency(struct deploy *d, const struct cat_efficiency *e, struct err *err)
{
	d->eff = *e;
	gpu_spec_of(&d->gspec, &d->gpu, &d->eff, d->engine.family, d->has_kernel ? &d->kernel : NULL);
	return est_model_init(&d->in.model, &d->llm, d->wf, d->kf, &d->gspec, &d->dspec, err);
}

/* The row of link `which`, or the failure reading it kept. */
static int link_of(struct link_spec *out, const struct bind_gpu_rows *g, enum bind_link which,
		   enum link_kind kind, double raw_bytes_per_s, double *err_out,
		   struct err *err)
{
	const struct cat_link *l = &g->link[which];

	if (g->link_err[which].code != ERR_OK)
		return err_copy(err, &g->link_err[which]);
	out->kind = kind;
	out->bytes_per_s = (isnan(l->bytes_per_s) ? raw_bytes_per_s : l->bytes_per_s) *
			   l->efficiency;
	out->latency_s = l->latency_s;
	out->collective_s = l->collective_s;
	out->oneshot_s = isnan(l->oneshot_s) ? 0 : l->oneshot_s;
	out->oneshot_bytes_per_s = isnan(l->oneshot_bytes_per_s) ? 0 : l->oneshot_bytes_per_s;
	out->sync_s = isnan(l->sync_s) ? 0 : l->sync_s;
	*err_out = fmax(*err_out, l->err);
	return 0;
}

/* The GPUs of one replica: tp x pp, times ep under expert parallelism
 * (each GPU of the ep group holds its own share of the experts and runs
 * its own sequences' attention), as est_model_init counts them. */
static size_t deploy_gpus(const struct deploy_spec *s)
{
	return s->tp * s->pp * (s->ep ? s->ep : 1);
}

/* Whether `word` is in the comma-separated list (never the empty word:
 * strstr would find it everywhere without moving on). */
int deploy_list_has(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;

	if (!n)
		return 0;
	while ((p = strstr(p, word)) != NULL) {
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

int deploy_engine_slots_static(const struct cat_engine *e)
{
	const char *p = e->weight_formats;

	if (!*p)
		return 0;
	for (; p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
		if (strncmp(p, "gguf-", 5))
			return 0;
	return 1;
}

int deploy_engine_loads(const struct cat_engine *e, const char *precision)
{
	return deploy_list_has(e->weight_formats, precision);
}

/*
 * The engine's default KV cache, for weights `w`: a 16-bit default
 * follows the model's activations as the engines' "auto" does (vLLM
 * kv_cache_dtype auto = the model dtype), so fp16 weights, or a GPU with
 * no bf16 (Volta, Turing), keep an fp16 cache.
 */
static const char *default_kv(const struct deploy *d, const struct fmt_weight *w)
{
	const char *k = d->engine.default_kv_format;

	if (!strcmp(k, "bf16") && (!strcmp(w->name, "fp16") || isnan(d->gspec.bf16_flops)))
		return "fp16";
	return k;
}

int deploy_engine_has_kv(const struct cat_engine *e, const char *kv_precision)
{
	return deploy_list_has(e->kv_formats, kv_precision);
}

static int formats(struct deploy *d, const struct deploy_request *q, struct err *err)
{
	const char *w = q->precision ? q->precision : d->model.native_dtype;
	const char *k;

	if (!(d->wf = fmt_weight_find(w)))
		return err_set(err, ERR_INVAL, "unknown precision '%.40s': expected one of %s",
			       w, fmt_weight_names());
	k = q->kv_precision ? q->kv_precision : default_kv(d, d->wf);
	if (!(d->kf = fmt_kv_find(k)))
		return err_set(err, ERR_INVAL, "unknown kv precision '%.40s': expected one of %s",
			       k, fmt_kv_names());
	return 0;
}

static int parallel(struct deploy *d, const struct deploy_request *q, struct err *err)
{
	struct deploy_spec *s = &d->dspec;
	int large;

	/* an edge module is a whole system: more of them are more systems,
	 * each its own replica, never one model split across modules */
	if (bind_gpu_edge(&d->gpu) && (q->gpus > 1 || q->tp > 1 || q->pp > 1 || q->ep > 1))
		return err_set(err, ERR_INVAL, "gpu '%s' is a whole system (%s): no tensor, "
			       "pipeline or expert parallelism across systems: expected --gpus 1 "
			       "(more load: more systems, each a replica)", d->gpu.id,
			       bind_gpu_mac(&d->gpu) ? "a Mac" : bind_gpu_soc(&d->gpu) ?
			       "a computer of its own" : bind_gpu_cpu(&d->gpu) ?
			       "a CPU running the model alone" : "a module on its carrier board");
	s->ep = q->ep ? q->ep : 1;
	s->pp = q->pp ? q->pp : 1;
	s->tp = q->tp ? q->tp : s->ep > 1 ? 1 : (q->gpus ? q->gpus / s->pp : 1);
	if (q->gpus && s->ep > 1 && s->tp * s->pp * s->ep != q->gpus)
		return err_set(err, ERR_INVAL, "--gpus %zu is not ep = %zu", q->gpus, s->ep);
	if (q->gpus && s->tp * s->pp * s->ep != q->gpus)
		return err_set(err, ERR_INVAL,
			       "--gpus %zu is not tp x pp = %zu x %zu", q->gpus, s->tp, s->pp);
	if (s->tp == 0)
		return err_set(err, ERR_INVAL, "--gpus %zu is fewer than pp %zu", q->gpus, s->pp);
	s->gpus_per_node = q->gpus_per_node ? q->gpus_per_node : 8;
	if (!isnan(q->mem_fraction) && !deploy_engine_takes_mem_fraction(&d->engine))
		return err_set(err, ERR_INVAL, "--gpu-memory-utilization %g: %s takes no share of "
			       "GPU memory to claim (expected vllm or sglang)", q->mem_fraction,
			       d->engine.id);
	s->engine_mem_fraction = !isnan(q->mem_fraction) ? q->mem_fraction :
				 d->engine.gpu_memory_utilization;
	if (q->eager && !deploy_engine_switches_graphs(&d->engine))
		return err_set(err, ERR_INVAL, "--enforce-eager: %s has no switch for CUDA graphs "
			       "(expected vllm's --enforce-eager or sglang's --disable-cuda-graph)",
			       d->engine.id);
	s->eager = q->eager;
	large = d->engine.large_gpu_bytes != CAT_NULL_INT &&
		d->gpu.memory_bytes >= d->engine.large_gpu_bytes &&
		!(d->engine.large_gpu_except[0] &&
		  fnmatch(d->engine.large_gpu_except, d->gpu.id, 0) == 0);
	s->max_batched_tokens = q->max_batched_tokens ? q->max_batched_tokens :
				opt_size(large ? d->engine.large_max_num_batched_tokens :
					 d->engine.max_num_batched_tokens);
	s->max_seqs = q->max_seqs ? q->max_seqs :
		      opt_size(large ? d->engine.large_max_num_seqs : d->engine.max_num_seqs);
	/* vLLM's default block of 16 tokens where the engine records none */
	s->kv_block_tokens = d->engine.kv_block_tokens > 0 ? (size_t)d->engine.kv_block_tokens : 16;
	s->swap_bytes_per_gpu = host_default(HOST_SWAP_BYTES_PER_GPU);
	s->reserve_output = d->reserves;
	s->launch_layer_s = d->launch_layer_s;
	s->request_s = d->request_s;
	s->ar = d->ar;
	/* a cap at or below what the card draws idle would leave it nothing to
	 * work with: no driver accepts one (nvidia-smi -pl refuses values
	 * under the board's minimum limit, well above idle) */
	if (q->power_limit_w <= d->gspec.idle_w)
		return err_set(err, ERR_INVAL, "power limit %g W is at or below the %s's idle draw "
			       "of %.0f W: expected more", q->power_limit_w, d->gpu.id,
			       d->gspec.idle_w);
	s->power_limit_w = q->power_limit_w;
	return 0;
}

static int links(struct deploy *d, const struct bind_gpu_rows *rows, struct err *err)
{
	const struct cat_gpu *g = &d->gpu;
	struct deploy_spec *s = &d->dspec;
	double *e = &d->in.comm_err;
	int r;

	/* NVLink figures are both directions together; a bridge joins pairs */
	if (!strcmp(g->interconnect, "nvlink") ||
	    (!strcmp(g->interconnect, "nvlink-bridge") && s->tp <= 2))
		r = link_of(&s->intra, rows, BIND_NVLINK, LINK_NVLINK,
			    g->interconnect_bytes_per_s / 2, e, err);
	/* Infinity Fabric: the figure is every peer link's, both ways */
	else if (!strcmp(g->interconnect, "infinity-fabric"))
		r = link_of(&s->intra, rows, BIND_XGMI, LINK_XGMI,
			    g->interconnect_bytes_per_s / 2, e, err);
	else if (g->p2p)
		r = link_of(&s->intra, rows, BIND_PCIE_P2P, LINK_PCIE_P2P,
			    d->gspec.pcie_bytes_per_s, e, err);
	else
		r = link_of(&s->intra, rows, BIND_PCIE_HOST, LINK_PCIE_HOST,
			    d->gspec.pcie_bytes_per_s, e, err);
	if (r < 0)
		return r;
	return link_of(&s->inter, rows, BIND_NETWORK, LINK_NETWORK, NAN, e, err);
}

double deploy_gpu_transient(const struct cat_gpu *g)
{
	return bind_gpu_desktop(g) ? host_default(HOST_TRANSIENT_DESKTOP) : 1.0;
}

double deploy_load_read_max(const struct cat_gpu *g, const struct cat_engine *e)
{
	/* llama.cpp (and Ollama on it) map the file: a Mac faults it in at
	 * a fraction of its SSD's rate */
	if (bind_gpu_mac(g) && (!strcmp(e->family, "llama-cpp") || !strcmp(e->family, "ollama")))
		return host_default(HOST_MAC_MMAP_READ);
	return INFINITY;
}

/*
 * An edge module's system: the module (its CPU, GPU and one memory,
 * within its power mode: the catalog's tdp_w, capped by --power-limit)
 * on its carrier board, with its own drive and supply: no CPU sockets,
 * DIMMs, NICs or PSUs to add.  The page cache shares the module's memory.
 */
static int edge_host(struct deploy *d, const struct bind_gpu_rows *rows,
		     const struct deploy_request *q, struct err *err)
{
	struct est_input *in = &d->in;

	if (q->psu_redundancy && (psu_redundancy_parse(&in->psu_redundancy, q->psu_redundancy) < 0 ||
				  in->psu_redundancy != PSU_NONE))
		return err_set(err, ERR_INVAL, "--psu-redundancy %.20s: a %s's system has no PSUs, "
			       "only its carrier board's supply: expected none", q->psu_redundancy,
			       d->gpu.id);
	if (rows->host_err.code != ERR_OK)
		return err_copy(err, &rows->host_err);
	d->ssd = rows->ssd;
	memset(&d->cpu, 0, sizeof(d->cpu));
	memset(&d->psu, 0, sizeof(d->psu));
	d->cpu_sockets = 0;
	/* a CPU alone is the device: its power is the device's, not a host's */
	if (bind_gpu_cpu(&d->gpu)) {
		d->cpu = rows->cpu;
		d->cpu_sockets = 1;
	}
	memset(&in->host, 0, sizeof(in->host));
	in->edge = 1;
	in->carrier_w = bind_gpu_carrier_w(&d->gpu);
	in->psu_redundancy = PSU_NONE;
	in->gpu_transient = 1.0;
	in->storage.ram_bytes = !isnan(q->ram_bytes) ? q->ram_bytes : (double)d->gpu.memory_bytes;
	in->storage.ram_reserved_bytes = bind_gpu_system_reserve(&d->gpu);
	in->storage.drive_read_bytes_per_s = d->ssd.seq_read_bytes_per_s;
	in->storage.load_read_max = deploy_load_read_max(&d->gpu, &d->engine);
	in->storage.drive_write_bytes_per_s = d->ssd.seq_write_bytes_per_s;
	in->storage.drive_latency_s = isnan(d->ssd.read_latency_s) ? 0 : d->ssd.read_latency_s;
	/* one memory: a warm load is a copy within it, not over PCIe */
	in->storage.h2d_bytes_per_s = d->gspec.bw_bytes_per_s;
	in->storage.materialize = q->materialize;
	return 0;
}

/*
 * The host: the CPU, RAM, drive, PSU and fans around the GPUs, with the
 * figures of models/defaults.h.
 */
static int host(struct deploy *d, const struct bind_gpu_rows *rows,
		const struct deploy_request *q, struct err *err)
{
	int server = !bind_gpu_desktop(&d->gpu);
	size_t gpus = deploy_gpus(&d->dspec);
	size_t node_gpus = gpus < d->dspec.gpus_per_node ? gpus : d->dspec.gpus_per_node;
	struct est_input *in = &d->in;

	if (bind_gpu_edge(&d->gpu))
		return edge_host(d, rows, q, err);
	if (rows->host_err.code != ERR_OK)
		return err_copy(err, &rows->host_err);
	d->cpu = rows->cpu;
	d->ssd = rows->ssd;
	d->psu = rows->psu;
	d->cpu_sockets = server ? 2 : 1;
	in->host.cpu_tdp_w = d->cpu.tdp_w * (double)d->cpu_sockets;
	in->host.cpu_load = host_default(HOST_CPU_LOAD);
	in->storage.ram_bytes = !isnan(q->ram_bytes) ? q->ram_bytes :
		2.0 * (double)node_gpus * (double)d->gpu.memory_bytes;
	/* 64 GiB RDIMMs in servers, 32 GiB DIMMs in desktops */
	in->host.dimms = ceil(in->storage.ram_bytes / (server ? 68719476736.0 : 34359738368.0));
	in->host.dimm_w = host_default(HOST_DIMM_W);
	in->host.drives_w = isnan(d->ssd.active_w) ? 0 : d->ssd.active_w;
	in->host.nics_w = server ? host_default(HOST_NIC_W) * (double)node_gpus : 0;
	in->host.fan_fraction = server ? host_default(HOST_FANS_SERVER) : host_default(HOST_FANS_DESKTOP);
	in->psu_curve = rows->psu_curve;
	in->psu_rated_w = d->psu.rated_w;
	if (psu_redundancy_parse(&in->psu_redundancy, q->psu_redundancy ? q->psu_redundancy :
				 server ? "n+1" : "none") < 0)
		return err_set(err, ERR_INVAL, "--psu-redundancy '%.20s': expected "
			       PSU_REDUNDANCY_NAMES, q->psu_redundancy);
	/*
	 * Redundancy is a server's: hot-swap supplies that share one load on
	 * a backplane (current sharing, OR-ing; SSI ERP2U design guide 6.9,
	 * https://www.manualsdir.com/manuals/126750/intel-entry-redundant-power-2u-erp2u.html?page=19,
	 * 2026-12-06).  A tower's ATX supplies each feed their own devices, so
	 * none can stand in for another.
	 */
	if (!server && in->psu_redundancy != PSU_NONE)
		return err_set(err, ERR_INVAL, "--psu-redundancy %s on a desktop host (%s): ATX "
			       "PSUs cannot share a load, so none is redundant; redundant PSUs are "
			       "a server's (hot-swap, on a backplane): expected none, or a "
			       "data-centre GPU", psu_redundancy_name(in->psu_redundancy),
			       d->gpu.id);
	in->psu_split = !server;
	in->psu_max_units = server ? 0 : (size_t)host_default(HOST_TOWER_PSUS);
	in->gpu_transient = deploy_gpu_transient(&d->gpu);
	in->storage.drive_read_bytes_per_s = d->ssd.seq_read_bytes_per_s;
	in->storage.drive_write_bytes_per_s = d->ssd.seq_write_bytes_per_s;
	in->storage.drive_latency_s = isnan(d->ssd.read_latency_s) ? 0 : d->ssd.read_latency_s;
	in->storage.ram_reserved_bytes = host_default(HOST_OS_RESERVE_BYTES);
	/* pageable host-to-device copies measured at 16.6 GB/s (H100, gen 5)
	 * of a 63 GB/s link: about a quarter of the link (tests/data/measure) */
	in->storage.h2d_bytes_per_s = 0.26 * d->gspec.pcie_bytes_per_s;
	in->storage.materialize = q->materialize;
	return 0;
}

/* The engine's rules for this layout (bind/compat.h); a missing
 * checkpoint is kept in the verdict, not refused: the estimate of a
 * format one would quantize oneself is still an answer. */
static int compatible(struct deploy *d, const struct bind_model_rows *m,
		      const struct bind_engine_rows *e, const struct bind_gpu_rows *g,
		      int measured, struct err *err)
{
	const struct deploy_spec *s = &d->dspec;
	size_t replica = s->tp * s->pp * s->ep;
	struct compat_ask ask = { d->wf->name, d->kf->name, s->pp,
				  (replica + s->gpus_per_node - 1) / s->gpus_per_node, s->ep };

	if (compat_check(&d->compat, m, e, g, &ask) && d->compat.rule != COMPAT_CHECKPOINT &&
	    !measured)
		return err_set(err, ERR_INVAL, "incompatible (%s): %s",
			       compat_rule_name(d->compat.rule), d->compat.msg);
	return 0;
}

/*
 * A vision-language model's tower, and the images of the work point as
 * prompt tokens (the processor's resize, models/vision.c): each image is
 * that many more tokens of every request's prompt.  Images for a model
 * without a tower are an error, as is an image size the processor
 * refuses.
 */
static void vision_spec_of(struct vision_spec *out, const struct cat_vision *v)
{
	memset(out, 0, sizeof(*out));
	out->processor = !strcmp(v->processor, "fixed") ? VISION_FIXED :
			 !strcmp(v->processor, "tiles") ? VISION_TILES : VISION_SMART_RESIZE;
	out->image_size = v->image_size == CAT_NULL_INT ? 0 : (size_t)v->image_size;
	out->max_tiles = v->max_tiles == CAT_NULL_INT ? 0 : (size_t)v->max_tiles;
	out->mlp_matrices = v->mlp_matrices == CAT_NULL_INT ? 3 : (size_t)v->mlp_matrices;
	out->depth = (size_t)v->depth;
	out->hidden = (size_t)v->hidden;
	out->heads = (size_t)v->heads;
	out->mlp = (size_t)v->mlp;
	out->out_hidden = (size_t)v->out_hidden;
	out->merger = (size_t)v->merger;
	out->patch = (size_t)v->patch_size;
	out->merge = (size_t)v->merge_size;
	out->temporal = (size_t)v->temporal_patch;
	out->min_pixels = (double)v->min_pixels;
	out->max_pixels = (double)v->max_pixels;
}

int deploy_image_tokens(size_t *out, const struct bind_model_rows *m, double w, double h,
			struct err *err)
{
	struct vision_spec vs;
	struct vision_image img;

	if (!m->has_vision)
		return err_set(err, ERR_INVAL, "%s reads no images: the catalog has no vision tower "
			       "for it", m->model.id);
	if (!(w > 0))
		return err_set(err, ERR_INVAL, "--images needs --image-size WxH: the tokens an "
			       "image becomes depend on its size");
	vision_spec_of(&vs, &m->vision);
	if (!vision_image(&img, &vs, w, h))
		return err_set(err, ERR_INVAL, "an image of %.0f x %.0f pixels: expected positive "
			       "sides, the longer at most 200 times the shorter", w, h);
	*out = (size_t)img.tokens;
	return 0;
}

static int images(struct deploy *out, const struct bind_model_rows *m, struct err *err)
{
	struct work_point *w = &out->in.work;
	size_t tokens;
	int r;

	out->in.has_vision = m->has_vision;
	if (m->has_vision)
		vision_spec_of(&out->in.vision, &m->vision);
	if (!w->images)
		return 0;
	if ((r = deploy_image_tokens(&tokens, m, w->image_w, w->image_h, err)) < 0)
		return r;
	/* in the prompt of a prefill point; in the cache of a decode one */
	if (w->input_len > 0)
		w->input_len += w->images * tokens;
	else
		w->context += w->images * tokens;
	return 0;
}

/*
 * llama.cpp's -ngl N.  Up to PR 18148 (merged 2025-12-17) the GPU took
 * the last N layers and the output head only from N = layers + 1; since,
 * the head goes first and N holds it and the last N - 1 layers
 * (src/llama-model.cpp, load_tensors; docs/sources/offload.md).
 * A release is on one side by its date.
 */
#define LLAMA_HEAD_FIRST_SINCE "2025-12-17"

static void ngl_split(struct offload_spec *o, size_t layers, size_t ngl, int head_first)
{
	if (ngl > layers) {
		o->host_layers = 0;
		o->head_on_host = 0;
	} else if (head_first) {
		o->head_on_host = ngl == 0;
		o->host_layers = ngl == 0 ? layers : layers + 1 - ngl;
	} else {
		o->head_on_host = 1;
		o->host_layers = layers - ngl;
	}
}

/*
 * What the request keeps in host memory, checked against the engine that
 * does it (each flag is in that engine's own argument list,
 * tests/data/engine-flags), and the host's rates: its memory read from
 * the CPU's channels and speed (cpu_memory) at the achieved share, its
 * compute from the cores, and host-to-GPU copies pinned (vLLM's UVA) or
 * pageable (llama.cpp maps the file: its host weights are not pinned).
 */
static int offload_setup(struct deploy *d, const struct bind_gpu_rows *g,
			 const struct deploy_request *q, struct err *err)
{
	struct offload_spec *o = &d->dspec.off;
	const char *fam = d->engine.family;
	int splits = deploy_engine_offloads_layers(&d->engine);
	int llama = !strcmp(fam, "llama-cpp"), ollama = splits && !llama;
	int layers = q->layers != DEPLOY_LAYERS_ALL;
	double eff;

	memset(o, 0, sizeof(*o));
	/* llama.cpp keeps its input layer on the CPU: "there is very little
	 * benefit to offloading the input layer, so always keep it on the
	 * CPU" (src/llama-model.cpp, load_tensors) */
	o->embed_on_host = splits;
	if (!layers && !(q->cpu_offload_bytes > 0) && !q->kv_offload)
		return 0;
	if (d->in.edge)
		return err_set(err, ERR_INVAL, "a %s's memory is the CPU's and the GPU's at once: "
			       "there is no host memory to offload to", d->gpu.id);
	if (layers && !splits)
		return err_set(err, ERR_INVAL, "--gpu-layers is llama.cpp's -ngl: expected --engine "
			       "llama-cpp or ollama (%s streams weights with --cpu-offload-gb)", fam);
	if (q->layers == DEPLOY_LAYERS_N && ollama)
		return err_set(err, ERR_INVAL, "--gpu-layers %zu: Ollama splits the layers itself; "
			       "expected --gpu-layers auto", q->gpu_layers);
	if (q->kv_offload && !llama)
		return err_set(err, ERR_INVAL, "--kv-offload is llama.cpp's --no-kv-offload: expected "
			       "--engine llama-cpp (%s attends over a cache on the GPUs)", fam);
	if (q->cpu_offload_bytes > 0 && strcmp(fam, "vllm"))
		return err_set(err, ERR_INVAL, "--cpu-offload-gb is vLLM's: expected --engine vllm "
			       "(llama.cpp and Ollama: --gpu-layers)");
	if ((layers || q->kv_offload) && !g->cpu_memory.memory_mts)
		return err_set(err, ERR_INVAL, "the catalog has no memory speed for the CPU %s, which "
			       "runs the host's layers: expected another --cpu", d->cpu.id);
	eff = host_default(strcmp(d->cpu.segment, "desktop") ? HOST_MEM_READ_SERVER :
			   HOST_MEM_READ_DESKTOP);
	/* one socket's memory: llama.cpp binds no pages to a NUMA node */
	o->host_bw = (double)g->cpu_memory.memory_mts * 1e6 * 8.0 *
		     (double)d->cpu.memory_channels * eff;
	o->host_flops = (double)d->cpu.cores * d->cpu.base_hz *
			host_default(HOST_CPU_FLOPS_PER_CYCLE);
	o->h2d_bw = splits ? d->in.storage.h2d_bytes_per_s :
		    host_default(HOST_H2D_PINNED) * d->gspec.pcie_bytes_per_s;
	o->ubatch = (size_t)host_default(HOST_LLAMA_UBATCH);
	o->gpu_min_batch = (size_t)host_default(HOST_LLAMA_OFFLOAD_MIN);
	o->kv_host = q->kv_offload;
	o->stream_bytes = q->cpu_offload_bytes > 0 ? q->cpu_offload_bytes : 0;
	o->host_capacity = fmax(1, d->in.storage.ram_bytes - d->in.storage.ram_reserved_bytes);
	if (q->layers == DEPLOY_LAYERS_N) {
		d->has_ngl = 1;
		d->ngl = q->gpu_layers < d->llm.layers + 1 ? q->gpu_layers : d->llm.layers + 1;
		ngl_split(o, d->llm.layers, d->ngl,
			  strcmp(d->engine.released, LLAMA_HEAD_FIRST_SINCE) >= 0);
	}
	return 0;
}

/* The model's inputs for the layout as it stands: the tower's weights,
 * bf16 (engines quantize the language model only), sharded over tp on
 * the first stage. */
static int init_model(struct deploy *out, struct err *err)
{
	int r;

	if ((r = est_model_init(&out->in.model, &out->llm, out->wf, out->kf, &out->gspec,
				&out->dspec, err)) < 0)
		return r;
	if (out->in.has_vision)
		out->in.model.vision_bytes = vision_params(&out->in.vision) * 2.0 /
					     (double)out->dspec.tp;
	/* an image of the work point's size: the tower's GEMMs at the bf16
	 * rate, its attention at the attention rate, split over tp as vLLM
	 * shards it */
	if (out->in.has_vision && out->in.work.image_w > 0) {
		struct vision_image img;
		struct est_model *m = &out->in.model;

		if (vision_image(&img, &out->in.vision, out->in.work.image_w,
				 out->in.work.image_h)) {
			m->vision_image_tokens = (size_t)img.tokens;
			m->vision_act_bytes = img.activation_bytes / (double)out->dspec.tp;
			m->vision_image_s = (img.linear_flops / m->flops_bf16 +
					     img.attn_flops / m->flops_attn) / (double)out->dspec.tp;
		}
	}
	return 0;
}

/* --gpu-layers auto: the most layers (-ngl) whose share fits the GPUs at
 * the work point, as llama.cpp's --fit and Ollama's scheduler choose. */
static int auto_layers(struct deploy *out, struct err *err)
{
	size_t n = out->llm.layers + 1, ngl;
	int head_first = strcmp(out->engine.released, LLAMA_HEAD_FIRST_SINCE) >= 0;
	struct mem_result mr;
	int r;

	for (ngl = n + 1; ngl-- > 0;) {
		ngl_split(&out->dspec.off, out->llm.layers, ngl, head_first);
		if ((r = init_model(out, err)) < 0)
			return r;
		est_mem_at(&mr, &out->in);
		if (mr.total_per_gpu_bytes <= mr.capacity_bytes) {
			out->has_ngl = 1;
			out->ngl = ngl;
			return 0;
		}
	}
	return err_set(err, ERR_INFEASIBLE, "%s does not fit a %s even with every layer in host "
		       "memory: the KV cache and activations alone take more", out->model.id,
		       out->gpu.id);
}

/* llama.cpp's -ngl, and Ollama's own split of the same runner */
int deploy_engine_offloads_layers(const struct cat_engine *e)
{
	return !strcmp(e->family, "llama-cpp") || !strcmp(e->family, "ollama");
}

/* The engine's all-reduce kernel on this GPU: none without a row, and on
 * AMD's GPUs only from the release whose kernel runs on them. */
static void allreduce_of(struct allreduce_spec *out, const struct bind_engine_rows *e,
			 const struct cat_gpu *g)
{
	const struct cat_engine_allreduce *a = &e->allreduce;
	const char *p;
	char *end;

	memset(out, 0, sizeof(*out));
	if (!e->has_allreduce || (!strcmp(g->vendor, "amd") &&
				  (!a->rocm_since[0] || version_cmp(e->engine.version, a->rocm_since) < 0)))
		return;
	for (p = a->world_sizes; *p; p = end) {
		unsigned long n = strtoul(p, &end, 10);

		if (end == p)
			break;
		if (n < 32)
			out->world_sizes |= 1u << n;
	}
	out->max_bytes = (double)a->max_bytes;
	out->oneshot_bytes_4 = (double)a->oneshot_bytes_4;
	out->oneshot_bytes_8 = (double)a->oneshot_bytes_8;
}

/* vLLM's --enforce-eager and SGLang's --disable-cuda-graph, in every
 * release's argument list (tests/data/engine-flags) */
int deploy_engine_switches_graphs(const struct cat_engine *e)
{
	return !strcmp(e->family, "vllm") || !strcmp(e->family, "sglang");
}

/* vLLM's --gpu-memory-utilization and SGLang's --mem-fraction-static, in
 * every release's argument list (tests/data/engine-flags); TensorRT-LLM's
 * fraction is of the memory free after the weights, another quantity. */
int deploy_engine_takes_mem_fraction(const struct cat_engine *e)
{
	return !strcmp(e->family, "vllm") || !strcmp(e->family, "sglang");
}

int deploy_layout(struct deploy *out, const struct bind_model_rows *m,
		  const struct bind_engine_rows *e, const struct bind_gpu_rows *g,
		  const struct deploy_request *q, struct err *err)
{
	size_t n;
	int r;

	memset(out, 0, sizeof(*out));
	if (g->eff_err.code != ERR_OK)
		return err_copy(err, &g->eff_err);
	out->model = m->model;
	out->gpu = g->gpu;
	/* a CPU's memory is the machine's RAM: --ram says how much */
	if (bind_gpu_cpu(&out->gpu) && !isnan(q->ram_bytes))
		out->gpu.memory_bytes = (int64_t)q->ram_bytes;
	out->engine = e->engine;
	out->reserves = e->reserves;
	out->launch_layer_s = e->has_host ? e->host.prefill_launch_layer_s : NAN;
	out->request_s = e->has_host ? e->host.request_s : 0;
	allreduce_of(&out->ar, e, &out->gpu);
	out->eff = g->eff;
	for (n = 0; n < e->nkernels && !out->has_kernel; n++)
		if (!strcmp(e->kernel[n].architecture, out->gpu.architecture)) {
			out->kernel = e->kernel[n];
			out->has_kernel = 1;
		}
	deploy_llm_spec(&out->llm, &out->model);
	gpu_spec_of(&out->gspec, &out->gpu, &out->eff, out->engine.family,
		    out->has_kernel ? &out->kernel : NULL);
	if ((r = formats(out, q, err)) < 0 || (r = parallel(out, q, err)) < 0 ||
	    (r = compatible(out, m, e, g, q->measured, err)) < 0 ||
	    (r = links(out, g, err)) < 0 || (r = host(out, g, q, err)) < 0)
		return r;
	out->in.work = q->work;
	if ((r = images(out, m, err)) < 0)
		return r;
	if (out->in.work.context > (size_t)out->model.max_context ||
	    out->in.work.input_len + out->in.work.output_len > (size_t)out->model.max_context)
		return err_set(err, ERR_INVAL, "context of %zu tokens exceeds %s's maximum of %lld",
			       out->in.work.context > out->in.work.input_len + out->in.work.output_len ?
			       out->in.work.context : out->in.work.input_len + out->in.work.output_len,
			       out->model.id, (long long)out->model.max_context);
	if ((r = offload_setup(out, g, q, err)) < 0 || (r = init_model(out, err)) < 0 ||
	    (q->layers == DEPLOY_LAYERS_AUTO && (r = auto_layers(out, err)) < 0))
		return r;
	n = deploy_gpus(&out->dspec);
	out->capex_usd = (!isnan(q->gpu_price_usd) ? q->gpu_price_usd :
			  out->gpu.price.price_usd) * (double)n;
	/* A prompt and an output length but no context: TPOT is judged at the
	 * generation's mean context, as the default point is. */
	if (q->work.context == 0 && out->in.work.input_len > 0 && q->work.output_len > 0)
		out->in.work.context = out->in.work.input_len + q->work.output_len / 2;
	out->in.cost.capex_usd = out->capex_usd;
	out->in.cost.years = q->years;
	out->in.cost.usd_per_kwh = q->usd_per_kwh;
	out->in.cost.pue = q->pue;
	out->in.cost.utilization = q->utilization;
	out->in.cost.rent_usd_per_h = q->rent_usd_per_h;
	out->in.inlet_c = q->inlet_c;
	out->in.gpu_preheat_k = host_default(HOST_GPU_PREHEAT_K);
	out->in.delta_t_c = q->delta_t_c;
	out->in.thermal_s = q->thermal_s;
	return 0;
}

int deploy_build(struct deploy *out, struct cat *cat,
		 const struct deploy_request *q, struct err *err)
{
	struct bind_names names = { q->model, q->gpu, q->engine, q->cpu, q->ssd };
	struct bind_rows *rows = xmalloc(sizeof(*rows));
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = bind_resolve(rows, cat, &names, err)) == 0)
		r = deploy_layout(out, &rows->m, &rows->e, &rows->g, q, err);
	free(rows);
	return r;
}
