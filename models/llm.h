/*
 * llm.h - an LLM's shape turned into what the other models need: parameter
 * counts per part (the GEMM weights a decode step reads), active parameters
 * of a MoE token, and KV-cache values per token.  Pure arithmetic on
 * struct llm_spec; no I/O, no allocation.
 */
#ifndef RIGPLAN_MODELS_LLM_H
#define RIGPLAN_MODELS_LLM_H

#include "models/spec.h"

/* Parameter counts, by part, from the architecture (no scaling). */
struct llm_parts {
	double embed;           /* token embedding */
	double head;            /* output projection (read every step, tied or not) */
	double attn;            /* one layer's attention projections */
	double ffn_dense;       /* one dense FFN (gate, up, down) */
	double expert;          /* one routed expert's FFN */
	double moe_fixed;       /* per MoE layer: router and shared experts */
	size_t moe_layers, dense_layers;
	double total;           /* every parameter stored */
	double active;          /* parameters one token multiplies (no embedding) */
};

void llm_parts(struct llm_parts *out, const struct llm_spec *m);

/*
 * KV-cache values stored per token per layer (all GPUs together): 2 *
 * kv_heads * head_dim for MHA/GQA/MQA; kv_lora_rank + qk_rope_head_dim for
 * MLA, whose compressed latent replaces K and V.
 */
double llm_kv_values_per_token_layer(const struct llm_spec *m);

/*
 * KV-cache heads one GPU stores under tensor parallelism tp: heads are
 * split, and replicated when there are fewer than tp; MLA's latent has no
 * heads and every rank keeps all of it.  Returned as a fraction of the
 * whole layer's cache.
 */
double llm_kv_share(const struct llm_spec *m, size_t tp);

/* Tokens of a context of `len` that one layer attends to / stores, summed
 * over layers (sliding-window layers keep at most the window). */
double llm_kv_tokens_all_layers(const struct llm_spec *m, double len);

/* Expected distinct routed experts a layer uses for `tokens` tokens, each
 * choosing top_k of E uniformly: E (1 - (1 - k/E)^tokens). */
double llm_experts_touched(const struct llm_spec *m, double tokens);

#endif
