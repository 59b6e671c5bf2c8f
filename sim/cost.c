/*
 * cost.c - the step-cost types of sim.h.  The model type is perf_step at
 * the GPU's power cap: the step's draw from how busy memory and tensor
 * units were, and the cap's slowdown applied as est_run applies it.
 */
#include <math.h>

#include "models/power.h"
#include "sim/sim.h"

static void model_step(const void *state, void *memo, const struct step_mix *mix,
		       struct sim_step_cost *out)
{
	const struct est_model *m = state;
	struct perf_result p;
	struct power_gpu_result pw;

	perf_step_memo(&p, m, mix, memo);
	power_gpu(&pw, &m->gpu, m->dep.power_limit_w, p.u_mem, p.u_comp);
	perf_apply_clock(&p, pw.clock_factor, pw.bw_factor);
	out->t = p.time_s;
	out->gpu_w = pw.w;
	out->bound = p.bound;
}

static double model_kv_tokens(const void *state, double len)
{
	const struct est_model *m = state;

	return llm_kv_tokens_all_layers(&m->llm, len);
}

static double model_chunk_pairs(const void *state, double offset, double len)
{
	return perf_chunk_pairs(state, offset, len);
}

static const struct sim_cost_type model = {
	"model", model_step, sizeof(struct perf_memo), model_kv_tokens, model_chunk_pairs
};

static void linear_step(const void *state, void *memo, const struct step_mix *mix,
			struct sim_step_cost *out)
{
	const struct sim_linear *l = state;

	(void)memo;
	out->t = l->fixed_s + l->per_prefill_token_s * mix->prefill_tokens +
		 l->per_decode_seq_s * mix->decode_seqs;
	out->gpu_w = l->gpu_w;
	out->bound = PERF_MEMORY;
}

static double linear_kv_tokens(const void *state, double len)
{
	(void)state;
	return len;
}

static double linear_chunk_pairs(const void *state, double offset, double len)
{
	(void)state;
	return len * offset + len * len / 2;
}

static const struct sim_cost_type linear = {
	"linear", linear_step, 0, linear_kv_tokens, linear_chunk_pairs
};

const struct sim_cost_type *const sim_cost_model = &model;
const struct sim_cost_type *const sim_cost_linear = &linear;
