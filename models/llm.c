/*
 * llm.c - parameter and KV-cache arithmetic for decoder-only transformers.
 * Counts follow the weight shapes in each family's modeling code
 * (Hugging Face transformers: LlamaAttention, Qwen2MoeSparseMoeBlock,
 * DeepseekV3Attention); norms and biases (< 0.1%) are left out.
 */
#include <math.h>

#include "models/llm.h"

/*
 * Worked example, Llama 3.1 8B: embeddings 128256*4096 = 0.525e9 (x2
 * untied); per layer attention 2*4096*4096 + 2*4096*1024 = 41.9e6 and FFN
 * 3*4096*14336 = 176.2e6; 32 layers -> 6.98e9; total 8.03e9.
 */
static double attn_params(const struct llm_spec *m)
{
	double h = (double)m->hidden;

	if (m->attn == LLM_MLA) {
		double nope = (double)m->qk_nope_head_dim;
		double rope = (double)m->qk_rope_head_dim;
		double v = (double)m->v_head_dim, H = (double)m->heads;
		double q = m->q_lora_rank ?
			h * (double)m->q_lora_rank + (double)m->q_lora_rank * H * (nope + rope) :
			h * H * (nope + rope);

		return q + h * ((double)m->kv_lora_rank + rope) +
		       (double)m->kv_lora_rank * H * (nope + v) + H * v * h;
	}
	return 2 * h * (double)m->heads * (double)m->head_dim +
	       2 * h * (double)m->kv_heads * (double)m->head_dim;
}

void llm_parts(struct llm_parts *out, const struct llm_spec *m)
{
	double h = (double)m->hidden;

	out->embed = (double)m->vocab * h;
	out->head = out->embed;
	out->attn = attn_params(m);
	out->ffn_dense = 3 * h * (double)m->intermediate;
	if (m->moe_experts) {
		out->expert = 3 * h * (double)m->moe_intermediate;
		out->moe_fixed = h * (double)m->moe_experts +
				 (double)m->moe_shared_experts * out->expert;
		out->moe_layers = m->layers - m->moe_dense_layers;
	} else {
		out->expert = out->moe_fixed = 0;
		out->moe_layers = 0;
	}
	out->dense_layers = m->layers - out->moe_layers;
	out->total = out->embed * (m->tied_embeddings ? 1 : 2) +
		     (double)m->layers * out->attn +
		     (double)out->dense_layers * out->ffn_dense +
		     (double)out->moe_layers *
			     (out->moe_fixed + (double)m->moe_experts * out->expert);
	out->active = out->head + (double)m->layers * out->attn +
		      (double)out->dense_layers * out->ffn_dense +
		      (double)out->moe_layers *
			      (out->moe_fixed + (double)m->moe_top_k * out->expert);
}

double llm_kv_values_per_token_layer(const struct llm_spec *m)
{
	if (m->attn == LLM_MLA)
		return (double)(m->kv_lora_rank + m->qk_rope_head_dim);
	return 2.0 * (double)m->kv_heads * (double)m->head_dim;
}

double llm_kv_share(const struct llm_spec *m, size_t tp)
{
	if (m->attn == LLM_MLA || tp <= 1)
		return 1.0;
	if (m->kv_heads >= tp)
		return 1.0 / (double)tp;
	/* fewer heads than ranks: each rank keeps one head's worth */
	return 1.0 / (double)m->kv_heads;
}

double llm_kv_tokens_all_layers(const struct llm_spec *m, double len)
{
	double full = (double)(m->layers - m->sliding_layers);
	double win = m->sliding_window ? fmin(len, (double)m->sliding_window) : len;

	return full * len + (double)m->sliding_layers * win;
}

double llm_experts_touched(const struct llm_spec *m, double tokens)
{
	double e = (double)m->moe_experts, k = (double)m->moe_top_k;

	if (!m->moe_experts)
		return 0;
	return e * (1.0 - pow(1.0 - k / e, tokens));
}
