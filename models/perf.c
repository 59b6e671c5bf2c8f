/*
 * perf.c - step times from a roofline per operator class.
 *
 * Each operator takes max(bytes / achieved bandwidth, FLOPs / achieved
 * tensor rate) plus its fixed launch cost; a step is the sum over the
 * operators of every layer (pipeline stages run one after another for one
 * batch), plus all-reduces, pipeline sends and the per-step cost.  Achieved
 * rates are datasheet peaks times the efficiencies in struct gpu_eff,
 * which bench/measure and `rigplan calibrate` measure; the fit of this
 * file's equations against those measurements is tests/unit/t_measure.c.
 *
 * Must not: allocate, print, or hold constants of its own (every number is
 * a field of the inputs or a count that follows from the architecture).
 */
#include <math.h>
#include <string.h>

#include "models/defaults.h"
#include "models/est.h"
#include "models/fmt.h"
#include "models/offload.h"
#include "util/err.h"

/* GEMM kernels per layer: fused QKV and output projection; fused
 * gate/up and down (vLLM's and TensorRT-LLM's layer layouts).  Latent
 * attention (DeepSeek) runs five: the fused q_a/kv_a projection, q_b, the
 * absorbed w_kc and w_vc batched GEMMs and o_proj (SGLang 0.5.6's
 * forward_absorb, docs/sources/layer-kernels.md). */
enum { ATTN_GEMMS = 2, MLA_GEMMS = 5, FFN_GEMMS = 2, ROUTER_GEMMS = 1 };

static double attn_gemms(const struct llm_spec *l)
{
	return l->attn == LLM_MLA ? MLA_GEMMS : ATTN_GEMMS;
}

const char *perf_bound_name(enum perf_bound b)
{
	switch (b) {
	case PERF_MEMORY:
		return "memory";
	case PERF_COMPUTE:
		return "compute";
	case PERF_COMMUNICATION:
		return "communication";
	case PERF_HOST:
		return "host";
	case PERF_BOUND_COUNT:
		break;
	}
	return "?";
}

static int check_parallel(const struct llm_spec *l, const struct deploy_spec *d,
			  struct err *err)
{
	if (d->tp == 0 || d->pp == 0)
		return err_set(err, ERR_INVAL, "tp and pp must be at least 1");
	if (l->heads % d->tp)
		return err_set(err, ERR_INVAL,
			       "tp %zu does not divide the model's %zu attention heads; "
			       "use a divisor of %zu", d->tp, l->heads, l->heads);
	if (d->pp > l->layers)
		return err_set(err, ERR_INVAL,
			       "pp %zu exceeds the model's %zu layers", d->pp, l->layers);
	if (d->gpus_per_node == 0)
		return err_set(err, ERR_INVAL, "gpus per node must be at least 1");
	if (d->ep == 0)
		return err_set(err, ERR_INVAL, "ep must be at least 1");
	if (d->ep > 1 && !l->moe_experts)
		return err_set(err, ERR_INVAL, "ep %zu needs a mixture-of-experts model", d->ep);
	if (d->ep > 1 && (d->tp > 1 || d->pp > 1))
		return err_set(err, ERR_INVAL,
			       "ep %zu runs attention data-parallel on every GPU: use it with tp 1 and pp 1",
			       d->ep);
	if (d->ep > 1 && l->moe_experts % d->ep)
		return err_set(err, ERR_INVAL, "ep %zu does not divide the model's %zu experts",
			       d->ep, l->moe_experts);
	return 0;
}

/* Seconds per byte that unpacking a block-quantized weight costs on the
 * GPU's ALUs: eff.dequant_ops per weight at the 16-bit rate, for the
 * quantized tensors of a format whose kernels unpack them (GGUF, MLX);
 * 16-bit ones are read as they are. */
static double dequant_per_byte(const struct gpu_spec *gpu, const struct fmt_weight *wf,
			       double bits, double peak16)
{
	if (!wf->unpacks || !(bits < 16) || !(gpu->eff.dequant_ops > 0) || !(peak16 > 0))
		return 0;
	return gpu->eff.dequant_ops / (bits / 8.0) / peak16;
}

static void dequant_rates(struct est_model *m, const struct fmt_weight *wf,
			  const struct gpu_spec *gpu, double peak16)
{
	m->dq_lin = dequant_per_byte(gpu, wf, wf->bits_linear, peak16);
	m->dq_expert = dequant_per_byte(gpu, wf, wf->bits_expert > 0 ? wf->bits_expert :
					wf->bits_linear, peak16);
	m->dq_head = dequant_per_byte(gpu, wf, wf->bits_embed, peak16);
	m->dq_tile = host_default(HOST_METAL_MM_TOKENS);
}

/*
 * The bytes the element-wise kernels between a layer's GEMMs read and
 * write, per token on one GPU, as the engines' fused kernels move them
 * (vLLM's and SGLang's fused_add_rms_norm, rotary_embedding, silu_and_mul,
 * moe_sum): each of the two add-and-norms reads the hidden state and the
 * residual and writes both (4 h), rotary reads and writes the rotated
 * parts of q and k, the gated activation reads gate and up and writes
 * their product (3 I).  Latent attention also normalizes its q and kv
 * latents.  An MoE layer's routed experts add, per token and expert, the
 * activation of that expert's slice and the combine reading its output.
 * At prefill these take 8-10% of an H100's layer, streaming at 0.97 of
 * its copy rate (measured apart: tests/data/measure/fused); a GEMM share
 * fitted end to end without them had hidden them.
 */
static void act_layer_bytes(struct est_model *m)
{
	const struct llm_spec *l = &m->llm;
	double tp = (double)m->dep.tp, h = (double)l->hidden, rope, norms;

	if (l->attn == LLM_MLA) {
		rope = ((double)l->heads / tp + 1) * (double)l->qk_rope_head_dim;
		norms = 8 * h + 2.0 * (double)(l->q_lora_rank + l->kv_lora_rank);
	} else {
		rope = ((double)l->heads / tp + fmax((double)l->kv_heads / tp, 1)) *
		       (double)l->head_dim;
		norms = 8 * h;
	}
	m->act_bytes_dense = EST_ACT_BYTES * (norms + 2 * rope + 3 * (double)l->intermediate / tp);
	m->act_bytes_moe = EST_ACT_BYTES * (norms + 2 * rope + h +
			   3 * (double)(l->moe_shared_experts * l->moe_intermediate) / tp);
	m->act_bytes_routed = EST_ACT_BYTES * (3 * (double)l->moe_intermediate / tp + h);
}

/* Those bytes for a layer of `local` tokens on this GPU out of `group`
 * in the expert-parallel group. */
static double act_bytes(const struct est_model *m, int moe, double local, double group)
{
	if (!moe)
		return local * m->act_bytes_dense;
	return local * m->act_bytes_moe +
	       group / (double)m->dep.ep * (double)m->llm.moe_top_k * m->act_bytes_routed;
}

int est_model_init(struct est_model *out, const struct llm_spec *llm,
		   const struct fmt_weight *wf, const struct fmt_kv *kf,
		   const struct gpu_spec *gpu, const struct deploy_spec *dep,
		   struct err *err)
{
	double lin_b, tp, peak16;
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = check_parallel(llm, dep, err)) < 0)
		return r;
	if ((r = fmt_compute_flops(&out->flops, wf, gpu, err)) < 0)
		return r;
	if (isnan(gpu->bf16_flops) && isnan(gpu->fp16_flops))
		return err_set(err, ERR_INVAL, "the GPU has no 16-bit tensor rate");
	out->llm = *llm;
	out->wf = wf;
	out->kf = kf;
	out->gpu = *gpu;
	out->dep = *dep;
	out->n = dep->tp * dep->pp * dep->ep;
	llm_parts(&out->parts, llm);
	out->scale = llm->params_total > 0 ? llm->params_total / out->parts.total : 1.0;

	tp = (double)dep->tp;
	out->bw = gpu->bw_bytes_per_s * gpu->eff.bw;
	/* FP4 GEMMs take the low-precision efficiency: none was measured
	 * apart from fp8's */
	out->flops *= wf->compute == FMT_C_FP8 || wf->compute == FMT_C_FP4 ? gpu->eff.gemm_fp8 :
		      gpu->eff.gemm;
	peak16 = isnan(gpu->bf16_flops) ? gpu->fp16_flops : gpu->bf16_flops;
	out->flops_bf16 = peak16 * gpu->eff.gemm;
	out->flops_attn = peak16 * gpu->eff.attn_prefill;
	lin_b = wf->bits_linear / 8.0 * out->scale;
	out->layer_bytes_attn = out->parts.attn * lin_b / tp;
	out->layer_bytes_dense = out->parts.ffn_dense * lin_b / tp;
	/* EP: each GPU holds E/ep whole experts, the same bytes as 1/ep of each */
	out->expert_bytes = out->parts.expert * (wf->bits_expert > 0 ?
			    wf->bits_expert / 8.0 * out->scale : lin_b) / tp / (double)dep->ep;
	out->moe_fixed_bytes = out->parts.moe_fixed * lin_b / tp;
	out->head_bytes = out->parts.head * wf->bits_embed / 8.0 / tp;
	out->embed_bytes = out->parts.embed * fmt_embed_bits(wf, llm->tied_embeddings) / 8.0;
	dequant_rates(out, wf, gpu, peak16);
	act_layer_bytes(out);
	out->kv_bytes_token = llm_kv_values_per_token_layer(llm) * kf->bytes *
			      llm_kv_share(llm, dep->tp);
	return offload_init(out, err);
}

/* The host's time to launch one layer of an eager forward: the engine's
 * own where the catalog has it (engine_host), else the GPU row's, which a
 * bare PyTorch loop measured. */
static double launch_layer_s(const struct est_model *m)
{
	return m->dep.launch_layer_s > 0 ? m->dep.launch_layer_s : m->gpu.eff.launch_layer_s;
}

/* Ring all-reduce: 2(n-1)/n of the bytes cross each link, 2(n-1) hops
 * (Patarasuk & Yuan 2009; NCCL's bus-bandwidth convention). */
static double ring_s(const struct link_spec *l, double n, double bytes)
{
	return l->collective_s + 2 * (n - 1) / n * bytes / l->bytes_per_s +
	       2 * (n - 1) * l->latency_s;
}

/*
 * The engines' own all-reduce (vLLM's custom_all_reduce.cuh and SGLang's
 * port of it; TensorRT-LLM has kernels like them, but no engine_allreduce
 * row pins when it picks them): every GPU writes its buffer where its
 * peers can read it.  One stage: each reads all n - 1
 * peers' whole buffers and sums; two: each sums its 1/n slice of every
 * peer's (reduce-scatter), then reads the other slices back (all-gather).
 * It runs inside the node only, among world sizes the engine takes, over
 * a link joining every GPU to every other (any link for two GPUs), for
 * messages under its buffer; NCCL's ring takes the rest.
 */
static int custom_allreduce(const struct deploy_spec *d, double n, double bytes)
{
	const struct allreduce_spec *a = &d->ar;

	return a->max_bytes > 0 && bytes < a->max_bytes && d->tp <= d->gpus_per_node &&
	       d->tp < 32 && (a->world_sizes >> d->tp & 1) && d->intra.oneshot_s > 0 &&
	       (n == 2 || d->intra.kind == LINK_NVLINK || d->intra.kind == LINK_XGMI);
}

/*
 * Inside a step every stage of an all-reduce also waits for the slowest
 * GPU to arrive (sync_s: the kernels alone are timed back to back, every
 * GPU ready): the ring once, the engines' kernel once a stage.  Below its
 * buffer size the engine's kernel is the faster of the two (its authors
 * set the sizes so: at 2 MB on 4 H100s vLLM's two stages and NCCL take
 * the same 26-27 us, vLLM PR 24111), so it costs the lesser.
 */
double comm_allreduce_s(const struct est_model *m, double bytes)
{
	const struct deploy_spec *d = &m->dep;
	const struct link_spec *l = d->tp > d->gpus_per_node ? &d->inter : &d->intra;
	double n = (double)d->tp, ring, own;

	if (d->tp <= 1)
		return 0;
	/* a ring that leaves the node runs at the slowest link's pace */
	ring = l->sync_s + ring_s(l, n, bytes);
	if (!custom_allreduce(d, n, bytes))
		return ring;
	if (n == 2 || (n <= 4 && bytes < d->ar.oneshot_bytes_4) ||
	    (n <= 8 && bytes < d->ar.oneshot_bytes_8))
		own = l->sync_s + l->oneshot_s + (n - 1) * bytes / l->oneshot_bytes_per_s;
	else
		own = 2 * (l->sync_s + l->oneshot_s) + 2 * (n - 1) / n * bytes / l->oneshot_bytes_per_s;
	return fmin(own, ring);
}

double est_dp_share(const struct est_model *m, double n)
{
	return m->dep.ep > 1 ? ceil(n / (double)m->dep.ep) : n;
}

double comm_alltoall_s(const struct est_model *m, double bytes)
{
	const struct deploy_spec *d = &m->dep;
	const struct link_spec *l;
	double n = (double)d->ep;

	if (d->ep <= 1)
		return 0;
	/* each GPU sends (n-1)/n of its bytes, one message to every peer */
	l = d->ep > d->gpus_per_node ? &d->inter : &d->intra;
	return l->collective_s + (n - 1) / n * bytes / l->bytes_per_s + (n - 1) * l->latency_s;
}

double comm_pipeline_s(const struct est_model *m, double bytes)
{
	const struct deploy_spec *d = &m->dep;
	double t = 0;
	size_t s;

	for (s = 1; s < d->pp; s++) {
		/* stage s starts at GPU s*tp; it crosses nodes when its first
		 * GPU sits on another node than the previous stage's last */
		int cross = (s * d->tp) / d->gpus_per_node !=
			    (s * d->tp - 1) / d->gpus_per_node;
		const struct link_spec *l = cross ? &d->inter : &d->intra;

		t += bytes / l->bytes_per_s + l->latency_s;
	}
	return t;
}

/*
 * `count` identical operators.  Each takes the smooth maximum
 * (t_mem^p + t_comp^p)^(1/p) of its memory and compute times: far from the
 * ridge point that is the larger of the two, at the ridge both limit (a
 * 28672x4096 GEMM at M = 256 on an H100 takes 1.24 times either alone,
 * tests/data/measure), with p fitted per GPU family.
 */
double perf_roofline_s(double tm, double tc, double p)
{
	double hi = tm > tc ? tm : tc, lo = tm > tc ? tc : tm, a, b;

	if (!(hi > 0))
		return 0;
	/*
	 * The catalog's p are whole numbers, and the simulator calls this
	 * for every operator of every step: two pow() calls were half of a
	 * 70B plan's time.  Powers and roots of the times themselves (they
	 * lie within 1e-9 .. 1e4 s, far from overflow) give the same value
	 * to a few ulp (tests/unit/t_physics checks them against pow).
	 */
	if (p == 4) {
		a = tm * tm;
		b = tc * tc;
		return sqrt(sqrt(a * a + b * b));
	}
	if (p == 2)
		return sqrt(tm * tm + tc * tc);
	if (p == 3)
		return cbrt(tm * tm * tm + tc * tc * tc);
	return hi * pow(1 + pow(lo / hi, p), 1 / p);
}

double perf_gemm_s(const struct gpu_eff *e, double bw, double rate, double bytes,
		   double flops)
{
	return e->kernel_s + perf_roofline_s(bytes / bw, flops / rate, e->roofline_p);
}

/* Adds `count` operators of times tm, tc and t (their smooth maximum). */
static void add_op(struct perf_acc *a, double count, double bytes, double flops,
		   double tm, double tc, double t)
{
	a->bytes += count * bytes;
	a->flops += count * flops;
	a->tmem += count * tm;
	a->tcomp += count * tc;
	if (tm >= tc)
		a->mem_s += count * t;
	else
		a->comp_s += count * t;
}

static void op(struct perf_acc *a, const struct est_model *m, double count,
	       double bytes, double flops, double rate)
{
	double tm = bytes / m->bw, tc = flops / rate;

	add_op(a, count, bytes, flops, tm, tc, perf_roofline_s(tm, tc, m->gpu.eff.roofline_p));
}

/* How often a step of `tokens` tokens unpacks each quantized weight: once
 * per tile of tokens a matrix product works on (a matrix-vector product,
 * one token, once). */
static double dq_passes(const struct est_model *m, double tokens)
{
	return m->dq_lin > 0 || m->dq_expert > 0 ? fmax(1.0, ceil(tokens / m->dq_tile)) : 1.0;
}

/* An operator on weights that are unpacked as they are read: the ALUs'
 * unpacking (dq_s) adds to its compute time. */
static void wop(struct perf_acc *a, const struct est_model *m, double count,
		double bytes, double flops, double rate, double dq_s)
{
	double tm = bytes / m->bw, tc = flops / rate + dq_s;

	add_op(a, count, bytes, flops, tm, tc, perf_roofline_s(tm, tc, m->gpu.eff.roofline_p));
}

static void finish(struct perf_result *out, const struct perf_acc *a, double comm_s,
		   double overhead_s, double host_s)
{
	out->mem_s = a->mem_s;
	out->comp_s = a->comp_s;
	out->comm_s = comm_s;
	out->overhead_s = overhead_s;
	out->host_s = host_s;
	out->time_s = a->mem_s + a->comp_s + comm_s + overhead_s + host_s;
	out->bytes = a->bytes;
	out->flops = a->flops;
	out->u_mem = fmin(1.0, a->tmem / out->time_s);
	out->u_comp = fmin(1.0, a->tcomp / out->time_s);
	if (host_s > a->mem_s && host_s > a->comp_s && host_s > comm_s)
		out->bound = PERF_HOST;
	else if (comm_s > a->mem_s && comm_s > a->comp_s)
		out->bound = PERF_COMMUNICATION;
	else
		out->bound = a->comp_s > a->mem_s ? PERF_COMPUTE : PERF_MEMORY;
}

/*
 * The host layers in a step of `tokens` tokens: the GPU's share of every
 * layer operator (1 when the GPU computes them all), and the time the
 * CPU or the copies add.  A step of at least gpu_min_batch tokens copies
 * the host layers' weights to the GPU once per micro-batch and computes
 * them there; a smaller one leaves them to the CPU (run_host).
 */
static double host_layers_share(double *host_s, int *run_host, const struct est_model *m,
				double tokens)
{
	const struct offload_spec *o = &m->dep.off;

	*run_host = 0;
	if (!o->host_layers && !o->head_on_host)
		return 1;
	if (tokens >= (double)o->gpu_min_batch) {
		*host_s += ceil(tokens / (double)o->ubatch) * m->host_weight_bytes / o->h2d_bw;
		return 1;
	}
	*run_host = 1;
	return 1 - m->host_frac;
}

/* An attention operator: its share over a cache in host memory runs on
 * the CPU, the rest on the GPU. */
static void attn_op(struct perf_acc *a, double *host_s, const struct est_model *m,
		    double bytes, double flops, double rate)
{
	double h = m->host_kv_frac;

	if (h < 1)
		op(a, m, 1, bytes * (1 - h), flops * (1 - h), rate);
	if (h > 0)
		*host_s += offload_host_op_s(m, bytes * h, flops * h);
}

/*
 * One layer's FFN on this GPU: the weights it reads and its FLOPs for
 * `local` tokens of its own, out of `group` tokens routed across the
 * expert-parallel group (without EP the two are the same).  MoE reads only
 * the experts the group's tokens touch; under EP each GPU holds 1/ep of
 * them and computes 1/ep of the routed tokens.  dq_s: the unpacking of
 * its quantized weights, once per tile of the tokens each matrix sees (a
 * routed expert only its share of the group's).
 */
static void ffn_layer(double *bytes, double *flops, double *dq_s, size_t *gemms,
		      const struct est_model *m, int moe, double local, double group)
{
	const struct llm_spec *l = &m->llm;
	double tp = (double)m->dep.tp, ep = (double)m->dep.ep, touched, experts;

	if (!moe) {
		*bytes = m->layer_bytes_dense;
		*flops = 2 * local * m->parts.ffn_dense / tp;
		*dq_s = *bytes * m->dq_lin * dq_passes(m, local);
		*gemms = FFN_GEMMS;
		return;
	}
	touched = llm_experts_touched(l, group);
	experts = touched * m->expert_bytes;
	*bytes = m->moe_fixed_bytes + experts;
	*dq_s = m->moe_fixed_bytes * m->dq_lin * dq_passes(m, local) +
		experts * m->dq_expert *
		dq_passes(m, touched > 0 ? group * (double)l->moe_top_k / touched : 0);
	*flops = 2 * (local * m->parts.moe_fixed +
		      group / ep * (double)l->moe_top_k * m->parts.expert) / tp;
	*gemms = FFN_GEMMS + ROUTER_GEMMS + (l->moe_shared_experts ? FFN_GEMMS : 0);
}

/* Expert-parallel dispatch and combine of `local` tokens in every MoE
 * layer: each token's hidden state goes to its top-k experts and back. */
static double moe_alltoall_s(const struct est_model *m, double local)
{
	return 2.0 * (double)m->parts.moe_layers *
	       comm_alltoall_s(m, local * (double)m->llm.moe_top_k *
				  (double)m->llm.hidden * EST_ACT_BYTES);
}

void perf_decode(struct perf_result *out, const struct est_model *m,
		 double batch, double context)
{
	struct step_mix x = { 0 };

	/* a step of `batch` sequences of one context, nothing else */
	x.decode_seqs = x.logits = batch;
	x.decode_kv = batch * llm_kv_tokens_all_layers(&m->llm, context);
	perf_step(out, m, &x);
}

/* Causal attention FLOPs of one layer for a prompt of s tokens attending
 * to at most w earlier tokens: sum over i of min(i, w) keys, times q.k and
 * p.v (2 FLOPs per multiply-add each). */
static double causal_pairs(double s, double w)
{
	if (w <= 0 || s <= w)
		return s * s / 2;
	return w * w / 2 + (s - w) * w;
}

void perf_prefill(struct perf_result *out, const struct est_model *m,
		  double batch, double input_len)
{
	const struct llm_spec *l = &m->llm;
	const struct gpu_eff *e = &m->gpu.eff;
	double tp = (double)m->dep.tp;
	double prompts = est_dp_share(m, batch);
	double tokens = prompts * input_len;
	double chunk = m->dep.max_batched_tokens ?
		fmin(tokens, (double)m->dep.max_batched_tokens) : tokens;
	double chunks = ceil(tokens / chunk);
	double qk_dim, v_dim, pairs, full, slid, comm, ovh = 0, host_s = 0, gpu_share;
	struct perf_acc a = { 0 };
	size_t kind, gemms;
	int run_host;

	memset(out, 0, sizeof(*out));
	gpu_share = host_layers_share(&host_s, &run_host, m, tokens / chunks);
	host_s *= chunks;
	if (l->attn == LLM_MLA) {
		qk_dim = (double)(l->qk_nope_head_dim + l->qk_rope_head_dim);
		v_dim = (double)l->v_head_dim;
	} else {
		qk_dim = v_dim = (double)l->head_dim;
	}
	for (kind = 0; kind < 2; kind++) {
		double nl = kind ? (double)m->parts.moe_layers : (double)m->parts.dense_layers;
		double ffn_b, ffn_f, ffn_dq;

		if (nl == 0)
			continue;
		ffn_layer(&ffn_b, &ffn_f, &ffn_dq, &gemms, m, (int)kind, tokens / chunks,
			  batch * input_len / chunks);
		/* each chunk reads the layer's weights again */
		wop(&a, m, nl * chunks * gpu_share, m->layer_bytes_attn + ffn_b,
		    2 * (tokens / chunks) * m->parts.attn / tp + ffn_f, m->flops,
		    m->layer_bytes_attn * m->dq_lin * dq_passes(m, tokens / chunks) + ffn_dq);
		op(&a, m, nl * chunks * gpu_share,
		   act_bytes(m, (int)kind, tokens / chunks, batch * input_len / chunks), 0,
		   m->flops);
		ovh += nl * chunks * gpu_share * (attn_gemms(l) + (double)gemms) * e->kernel_s;
		if (run_host)
			host_s += nl * chunks * m->host_frac *
				  offload_host_op_s(m, m->layer_bytes_attn + ffn_b,
						    2 * (tokens / chunks) * m->parts.attn / tp + ffn_f);
	}
	/* attention: causal, sliding-window layers see at most the window */
	full = (double)(l->layers - l->sliding_layers);
	slid = (double)l->sliding_layers;
	pairs = full * causal_pairs(input_len, 0) +
		slid * causal_pairs(input_len, (double)l->sliding_window);
	attn_op(&a, &host_s, m, tokens * llm_kv_tokens_all_layers(l, 1) * m->kv_bytes_token,
		prompts * pairs * 2 * (qk_dim + v_dim) * (double)l->heads / tp, m->flops_attn);
	/* logits of each prompt's last token only */
	if (run_host && m->dep.off.head_on_host)
		host_s += offload_host_op_s(m, m->head_bytes, 2 * prompts * m->parts.head / tp);
	else
		wop(&a, m, 1, m->head_bytes, 2 * prompts * m->parts.head / tp, m->flops,
		    m->head_bytes * m->dq_head);
	host_s += chunks * m->stream_s;
	ovh += e->kernel_s + chunks * ((double)l->layers * e->layer_s + e->step_s);
	/* a short eager prefill waits on the host launching its kernels */
	ovh += fmax(0, chunks * (double)l->layers * launch_layer_s(m) -
		       (a.mem_s + a.comp_s + ovh));
	comm = 2.0 * (double)l->layers * chunks *
		       comm_allreduce_s(m, chunk * (double)l->hidden * EST_ACT_BYTES) +
	       chunks * comm_pipeline_s(m, chunk * (double)l->hidden * EST_ACT_BYTES) +
	       chunks * moe_alltoall_s(m, chunk);
	finish(out, &a, comm, ovh, host_s);
}

double perf_chunk_pairs(const struct est_model *m, double offset, double len)
{
	const struct llm_spec *l = &m->llm;
	double full = (double)(l->layers - l->sliding_layers);
	double slid = (double)l->sliding_layers, w = (double)l->sliding_window;

	/* the pairs of tokens offset+1 .. offset+len: a difference of the
	 * causal totals, so a prompt's chunks add up to its whole prefill */
	return full * (causal_pairs(offset + len, 0) - causal_pairs(offset, 0)) +
	       slid * (causal_pairs(offset + len, w) - causal_pairs(offset, w));
}

void perf_apply_clock(struct perf_result *p, double f, double bw)
{
	double extra_c = p->comp_s * (1 / f - 1), extra_m = p->mem_s * (1 / bw - 1);

	p->comp_s += extra_c;
	p->mem_s += extra_m;
	p->time_s += extra_c + extra_m;
}

/* The fullest GPU's share of a per-sequence quantity summed over `seqs`
 * sequences (EP spreads sequences, not tokens, over the GPUs). */
static double dp_part(const struct est_model *m, double total, double seqs)
{
	return seqs > 0 ? total * est_dp_share(m, seqs) / seqs : 0;
}

/*
 * The layout of the per-layer GEMMs follows what was fitted in each
 * regime (tests/unit/t_measure): a step that carries prompt tokens runs
 * them as perf_prefill does, one operator per layer, with the eager
 * launch floor; a decode-only step as perf_decode, attention and FFN
 * apart, captured in a CUDA graph.
 */
/* The layers' operators and the communication of a step of `local` tokens
 * on this GPU out of `group` in the expert-parallel group. */
static void step_layers(struct perf_acc *a, double *ovh, double *comm, double *host_s,
			int *run_host, const struct est_model *m, double local, double group,
			int prefill)
{
	const struct gpu_eff *e = &m->gpu.eff;
	double tp = (double)m->dep.tp, act = (double)m->llm.hidden * EST_ACT_BYTES;
	double gpu_share = host_layers_share(host_s, run_host, m, local);
	double passes = dq_passes(m, local);
	size_t kind, gemms;

	for (kind = 0; kind < 2; kind++) {
		double nl = kind ? (double)m->parts.moe_layers : (double)m->parts.dense_layers;
		double ffn_b, ffn_f, ffn_dq, attn_f, attn_dq, ng = nl * gpu_share;

		if (nl == 0)
			continue;
		ffn_layer(&ffn_b, &ffn_f, &ffn_dq, &gemms, m, (int)kind, local, group);
		attn_f = 2 * local * m->parts.attn / tp;
		attn_dq = m->layer_bytes_attn * m->dq_lin * passes;
		if (prefill) {
			wop(a, m, ng, m->layer_bytes_attn + ffn_b, attn_f + ffn_f, m->flops,
			    attn_dq + ffn_dq);
		} else {
			wop(a, m, ng, m->layer_bytes_attn, attn_f, m->flops, attn_dq);
			wop(a, m, ng, ffn_b, ffn_f, m->flops, ffn_dq);
		}
		op(a, m, ng, act_bytes(m, (int)kind, local, group), 0, m->flops);
		*ovh += ng * (attn_gemms(&m->llm) + (double)gemms) * e->kernel_s;
		if (*run_host)
			*host_s += nl * m->host_frac *
				   offload_host_op_s(m, m->layer_bytes_attn + ffn_b, attn_f + ffn_f);
	}
	*host_s += m->stream_s;
	*comm = 2.0 * (double)m->llm.layers * comm_allreduce_s(m, group * act) +
		comm_pipeline_s(m, group * act) + moe_alltoall_s(m, local);
}

void perf_step(struct perf_result *out, const struct est_model *m,
	       const struct step_mix *x)
{
	perf_step_memo(out, m, x, NULL);
}

void perf_step_memo(struct perf_result *out, const struct est_model *m,
		    const struct step_mix *x, struct perf_memo *memo)
{
	const struct llm_spec *l = &m->llm;
	const struct gpu_eff *e = &m->gpu.eff;
	double tp = (double)m->dep.tp;
	double group = x->decode_seqs + x->prefill_tokens;
	double local_dec = x->decode_seqs > 0 ? est_dp_share(m, x->decode_seqs) : 0;
	double local_pre = dp_part(m, x->prefill_tokens, x->prefill_seqs);
	double local = local_dec + local_pre;
	double kv_dec = dp_part(m, x->decode_kv, x->decode_seqs);
	double pairs = dp_part(m, x->prefill_pairs, x->prefill_seqs);
	double kv_read = dp_part(m, x->prefill_kv_read, x->prefill_seqs);
	double logits = x->logits > 0 ? est_dp_share(m, x->logits) : 0;
	double logits_f = 2 * logits * m->parts.head / tp;
	int prefill = x->prefill_tokens > 0;
	double qk_dim, v_dim, attn_dim, comm = 0, ovh = 0, host_s = 0, ltm, ltc, lt;
	struct perf_acc a = { 0 };
	int run_host = 0;

	memset(out, 0, sizeof(*out));
	/* the same operators in the same order either way: a memo replays
	 * the sums it saved, so the result does not change in the last bit */
	if (memo && memo->layers_ok && memo->local == local && memo->group == group &&
	    memo->prefill == prefill) {
		a = memo->layers;
		ovh = memo->layers_ovh;
		comm = memo->comm_s;
		host_s = memo->layers_host;
		run_host = memo->run_host;
	} else {
		step_layers(&a, &ovh, &comm, &host_s, &run_host, m, local, group, prefill);
		if (memo) {
			memo->layers_ok = 1;
			memo->local = local;
			memo->group = group;
			memo->prefill = prefill;
			memo->layers = a;
			memo->layers_ovh = ovh;
			memo->comm_s = comm;
			memo->layers_host = host_s;
			memo->run_host = run_host;
		}
	}
	if (x->decode_seqs > 0) {
		attn_dim = l->attn == LLM_MLA ?
			(double)(2 * l->kv_lora_rank + l->qk_rope_head_dim) :
			2.0 * (double)l->head_dim;
		attn_op(&a, &host_s, m, kv_dec * m->kv_bytes_token,
			kv_dec * (double)l->heads / tp * attn_dim, m->flops_bf16);
	}
	if (prefill) {
		if (l->attn == LLM_MLA) {
			qk_dim = (double)(l->qk_nope_head_dim + l->qk_rope_head_dim);
			v_dim = (double)l->v_head_dim;
		} else {
			qk_dim = v_dim = (double)l->head_dim;
		}
		/* writes the chunks' KV, reads the cached prefix they attend to */
		attn_op(&a, &host_s, m, (local_pre * llm_kv_tokens_all_layers(l, 1) + kv_read) *
					m->kv_bytes_token,
			pairs * 2 * (qk_dim + v_dim) * (double)l->heads / tp, m->flops_attn);
	}
	if (memo && memo->logits_ok && memo->logits == logits) {
		ltm = memo->logits_tm;
		ltc = memo->logits_tc;
		lt = memo->logits_t;
	} else {
		ltm = m->head_bytes / m->bw;
		ltc = logits_f / m->flops + m->head_bytes * m->dq_head;
		lt = perf_roofline_s(ltm, ltc, e->roofline_p);
		if (memo) {
			memo->logits_ok = 1;
			memo->logits = logits;
			memo->logits_tm = ltm;
			memo->logits_tc = ltc;
			memo->logits_t = lt;
		}
	}
	if (run_host && m->dep.off.head_on_host)
		host_s += offload_host_op_s(m, m->head_bytes, logits_f);
	else
		add_op(&a, 1, m->head_bytes, logits_f, ltm, ltc, lt);
	/* the vision tower's GEMMs and attention, compute-bound */
	if (x->images > 0) {
		a.comp_s += x->images * m->vision_image_s;
		a.tcomp += x->images * m->vision_image_s;
	}
	ovh += e->kernel_s + (double)l->layers * e->layer_s + e->step_s;
	/* a step outside CUDA graphs (a prefill, or any step when eager)
	 * waits on the host launching its layers */
	if (prefill || m->dep.eager)
		ovh += fmax(0, (double)l->layers * launch_layer_s(m) - (a.mem_s + a.comp_s + ovh));
	finish(out, &a, comm, ovh, host_s);
}
