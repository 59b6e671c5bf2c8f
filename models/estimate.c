/*
 * estimate.c - puts the models together for one point: memory, the decode
 * step and the prefill, power at the cap (with the slowdown it causes),
 * the node at the wall, heat, load time and cost.  Bands: the relative
 * errors the efficiency record carries for decode and prefill (how far
 * this model was from measurements in that regime), widened by the
 * communication model's error when all-reduces dominate.
 */
#include <math.h>
#include <string.h>

#include "models/estimate.h"
#include "models/offload.h"
#include "util/err.h"

static void band(double out[2], const struct perf_result *p, double lo,
		 double hi, double comm_err)
{
	double c = p->time_s > 0 ? p->comm_s / p->time_s * comm_err : 0;

	out[0] = p->time_s * (1 + lo - c);
	out[1] = p->time_s * (1 + hi + c);
}

static int node_power(struct est_result *out, const struct est_input *in,
		      struct err *err)
{
	const struct est_model *m = &in->model;
	const struct gpu_spec *g = &m->gpu;
	double fans = 1 + in->host.fan_fraction, host_w, card_w, eff_peak;
	int r;

	out->gpus_per_node = m->n < m->dep.gpus_per_node ? m->n : m->dep.gpus_per_node;
	out->nodes = (m->n + m->dep.gpus_per_node - 1) / m->dep.gpus_per_node;
	if (in->edge) {
		/* the module's draw (CPU, GPU and memory within its power
		 * mode) and its carrier board, from the board's DC supply */
		out->node_dc_w = out->node_wall_w = out->system_w = out->gpu.w + in->carrier_w;
		out->psu_peak_w = out->peak_wall_w = g->tdp_w + in->carrier_w;
		out->psu_units = 0;
		out->psu_eff = out->psu_load = NAN;
		return 0;
	}
	out->node_dc_w = power_node_dc(&in->host, out->gpus_per_node, out->gpu.w);
	/* PSUs ride through GPU transients with the host at full TDP */
	card_w = g->tdp_w * in->gpu_transient;
	host_w = in->host.cpu_tdp_w + in->host.dimms * in->host.dimm_w +
		 in->host.drives_w + in->host.nics_w;
	out->psu_peak_w = ((double)out->gpus_per_node * card_w + host_w) * fans;
	card_w *= fans;
	host_w *= fans;
	if (!in->psu_split) {
		out->psu_units = psu_units(out->psu_peak_w, in->psu_rated_w, in->psu_redundancy);
	} else {
		out->psu_units = psu_split_units(host_w, card_w, out->gpus_per_node,
						 in->psu_rated_w);
		if (out->psu_units == 0)
			return err_set(err, ERR_INVAL, "one GPU peaks at %.0f W, over the %.0f W "
				       "of an ATX PSU, which cannot share its load with another",
				       card_w, in->psu_rated_w);
		if (out->psu_units > in->psu_max_units)
			return err_set(err, ERR_INVAL, "%zu GPUs in one tower peak at %.0f W, which "
				       "takes %zu ATX PSUs of %.0f W, each feeding its own devices; a "
				       "tower mounts %zu: expected fewer GPUs per node (--gpus-per-node)",
				       out->gpus_per_node, out->psu_peak_w, out->psu_units,
				       in->psu_rated_w, in->psu_max_units);
	}
	/* redundant supplies share the load; split ones carry about as much
	 * each, their devices divided between them */
	out->psu_load = out->node_dc_w / (in->psu_rated_w * (double)out->psu_units);
	if ((r = psu_efficiency(&out->psu_eff, &in->psu_curve, out->psu_load, err)) < 0)
		return r;
	out->node_wall_w = out->node_dc_w / out->psu_eff;
	/* the peak as the outlet sees it: what a tower's circuit must carry */
	if ((r = psu_efficiency(&eff_peak, &in->psu_curve,
				out->psu_peak_w / (in->psu_rated_w * (double)out->psu_units), err)) < 0)
		return r;
	out->peak_wall_w = out->psu_peak_w / eff_peak;
	out->system_w = out->node_wall_w * (double)(out->nodes - 1) +
			power_node_dc(&in->host, m->n - (out->nodes - 1) * out->gpus_per_node,
				      out->gpu.w) / out->psu_eff;
	return 0;
}

/* The memory a point needs: every sequence at its longest (the prompt and
 * all its output, or the context asked), the whole batch's prompts as the
 * largest forward pass. */
static void mem_point(const struct work_point *w, double *ctx, double *prefill_tokens)
{
	*ctx = fmax((double)w->context, (double)(w->input_len + w->output_len));
	*prefill_tokens = (double)w->batch * (double)w->input_len;
}

void est_mem_at(struct mem_result *out, const struct est_input *in)
{
	double ctx, prefill_tokens;

	mem_point(&in->work, &ctx, &prefill_tokens);
	mem_at(out, &in->model, (double)in->work.batch, ctx, prefill_tokens);
}

int est_run(struct est_result *out, const struct est_input *in, struct err *err)
{
	const struct est_model *m = &in->model;
	const struct work_point *w = &in->work;
	const struct gpu_eff *e = &m->gpu.eff;
	double batch = (double)w->batch, ctx, prefill_tokens, tok_s;
	struct power_gpu_result pp;
	int r;

	memset(out, 0, sizeof(*out));
	if (w->batch == 0 || (w->context == 0 && w->input_len == 0))
		return err_set(err, ERR_INVAL, "a point needs a batch and a context or input length");
	out->has_decode = w->context > 0;
	out->has_prefill = w->input_len > 0;
	mem_point(w, &ctx, &prefill_tokens);
	if ((r = mem_solve(&out->mem, m, batch, ctx, prefill_tokens, err)) < 0)
		return r;
	out->tpot_s = out->ttft_s = NAN;
	out->decode_tokens_per_s = out->prefill_tokens_per_s = NAN;
	if (out->has_prefill) {
		perf_prefill(&out->prefill, m, batch, (double)w->input_len);
		power_gpu(&pp, &m->gpu, m->dep.power_limit_w, out->prefill.u_mem,
			  out->prefill.u_comp);
		perf_apply_clock(&out->prefill, pp.clock_factor, pp.bw_factor);
		out->prefill_gpu_w = pp.w;
		out->ttft_s = out->prefill.time_s;
		/* the vision tower encodes every image before the prompt's
		 * prefill (its time per image: bind/deploy.c) */
		if (in->has_vision && w->images > 0) {
			out->image_tokens = (double)m->vision_image_tokens;
			out->vision_s = batch * (double)w->images * m->vision_image_s;
			out->ttft_s += out->vision_s;
		}
		out->prefill_tokens_per_s = prefill_tokens / out->ttft_s;
		band(out->ttft_band, &out->prefill, e->err_prefill_lo, e->err_prefill_hi,
		     in->comm_err);
		/* the tower's time carries the prefill's relative error */
		out->ttft_band[0] += out->vision_s * (1 + e->err_prefill_lo);
		out->ttft_band[1] += out->vision_s * (1 + e->err_prefill_hi);
		/* the engine's front end: what the client waits for besides */
		out->ttft_s += m->dep.request_s;
		out->ttft_band[0] += m->dep.request_s;
		out->ttft_band[1] += m->dep.request_s;
		out->gpu = pp;
		out->bound = out->prefill.bound;
	}
	if (out->has_decode) {
		perf_decode(&out->decode, m, batch, (double)w->context);
		power_gpu(&out->gpu, &m->gpu, m->dep.power_limit_w, out->decode.u_mem,
			  out->decode.u_comp);
		perf_apply_clock(&out->decode, out->gpu.clock_factor, out->gpu.bw_factor);
		out->tpot_s = out->decode.time_s;
		out->decode_tokens_per_s = batch / out->tpot_s;
		band(out->tpot_band, &out->decode, e->err_decode_lo, e->err_decode_hi,
		     in->comm_err);
		out->bound = out->decode.bound;
	}
	if ((r = node_power(out, in, err)) < 0)
		return r;
	out->heat_btu_per_h = thermal_btu_per_h(out->system_w);
	out->airflow_cfm = thermal_airflow_cfm(out->system_w, in->delta_t_c);
	/* the GPU breathes the inlet air warmed inside the node */
	if ((r = thermal_run(&out->temp, e, in->inlet_c + in->gpu_preheat_k, out->gpu.w,
			     in->thermal_s, err)) < 0)
		return r;
	/* the file holds what the host keeps too: streamed weights are on the
	 * GPUs' side of mem.weights_bytes' subtraction, host layers and an
	 * input embedding kept on the host beside */
	out->weights_total_bytes = (out->mem.weights_bytes + m->dep.off.stream_bytes) *
				   (double)m->n + m->host_weight_bytes + offload_host_embed_bytes(m);
	storage_load(&out->load, &in->storage, out->weights_total_bytes, m->n);
	/* one sequence's cache spans its tp x pp GPUs (under EP, one GPU),
	 * and the host where it keeps a share */
	out->kv_restore_s = storage_kv_restore_s(&in->storage, out->mem.kv_per_seq_bytes *
						 (double)(m->dep.tp * m->dep.pp) +
						 offload_host_kv_bytes(m, ctx));
	tok_s = out->has_decode ? out->decode_tokens_per_s : out->prefill_tokens_per_s;
	cost_eval(&out->cost, &in->cost, tok_s, out->system_w);
	return 0;
}
