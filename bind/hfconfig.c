/*
 * hfconfig.c - see hfconfig.h.
 *
 * Field names are those of each architecture's configuration class in
 * Hugging Face transformers (LlamaConfig, MistralConfig, MixtralConfig,
 * Qwen2Config, Qwen3Config, Qwen3MoeConfig, Gemma2Config, Gemma3TextConfig,
 * Phi3Config, DeepseekV3Config, Glm4Config, Glm4MoeConfig, GptOssConfig,
 * Llama4TextConfig) and of THUDM's ChatGLMConfig.  A field a class
 * defaults when absent takes that default here (num_key_value_heads: the
 * head count; head_dim: hidden / heads; tie_word_embeddings:
 * PretrainedConfig's true; a class's own defaults: class_defaults); one
 * it requires is an error naming it.  Nothing in the file is trusted:
 * every count is an integer within bounds before it is used.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "bind/deploy.h"
#include "bind/hfconfig.h"
#include "models/llm.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/fileio.h"

/* How each model_type is read. */
enum shape {
	S_DENSE,        /* Llama-like: q/k/v/o, SwiGLU FFN */
	S_MIXTRAL,      /* every layer's FFN a mixture: num_local_experts, intermediate_size */
	S_QWEN_MOE,     /* num_experts, moe_intermediate_size */
	S_DEEPSEEK,     /* MLA, routed and shared experts, first_k_dense_replace dense layers */
	S_GLM_MOE,      /* GQA, routed and shared experts, first_k_dense_replace */
	S_GPT_OSS,      /* num_local_experts of intermediate_size, alternating sliding window */
	S_LLAMA4,       /* routed experts and one shared, of intermediate_size, every
			 * interleave_moe_layer_step-th layer; dense layers of
			 * intermediate_size_mlp; chunked attention but every
			 * no_rope_layer_interval-th layer */
	S_CHATGLM       /* THUDM's own field names */
};

static const struct arch {
	const char *model_type, *family;
	enum shape shape;
	const char *cls;        /* its language model's class in class_defaults, or NULL */
} archs[] = {
	{ "llama", "llama", S_DENSE, NULL }, { "mistral", "mistral", S_DENSE, NULL },
	{ "mixtral", "mistral", S_MIXTRAL, NULL }, { "qwen2", "qwen", S_DENSE, NULL },
	{ "qwen3", "qwen", S_DENSE, NULL }, { "qwen3_moe", "qwen", S_QWEN_MOE, NULL },
	{ "gemma2", "gemma", S_DENSE, NULL }, { "gemma3", "gemma", S_DENSE, "Gemma3TextConfig" },
	{ "gemma3_text", "gemma", S_DENSE, "Gemma3TextConfig" }, { "phi3", "phi", S_DENSE, NULL },
	{ "deepseek_v2", "deepseek", S_DEEPSEEK, NULL },
	{ "deepseek_v3", "deepseek", S_DEEPSEEK, NULL },
	{ "glm4", "glm", S_DENSE, NULL }, { "glm4v", "glm", S_DENSE, NULL },
	{ "glm4_moe", "glm", S_GLM_MOE, NULL }, { "gpt_oss", "gpt-oss", S_GPT_OSS, NULL },
	{ "llama4", "llama", S_LLAMA4, "Llama4TextConfig" },
	{ "llama4_text", "llama", S_LLAMA4, "Llama4TextConfig" },
	{ "chatglm", "glm", S_CHATGLM, NULL },
};

/*
 * What a configuration class assumes of a field its config.json leaves
 * out (JSON text), for the classes whose published configs rely on it:
 * google/gemma-3-27b-it's text_config names neither its vocabulary, its
 * context nor its window pattern.  From transformers' own classes:
 * Gemma3TextConfig at v4.50.0 (configuration_gemma3.py) and
 * Llama4TextConfig at v4.51.0 (configuration_llama4.py).
 */
static const struct class_default {
	const char *cls, *key, *json;
} class_defaults[] = {
	{ "Gemma3TextConfig", "vocab_size", "262208" },
	{ "Gemma3TextConfig", "hidden_size", "2304" },
	{ "Gemma3TextConfig", "intermediate_size", "9216" },
	{ "Gemma3TextConfig", "num_hidden_layers", "26" },
	{ "Gemma3TextConfig", "num_attention_heads", "8" },
	{ "Gemma3TextConfig", "num_key_value_heads", "4" },
	{ "Gemma3TextConfig", "head_dim", "256" },
	{ "Gemma3TextConfig", "max_position_embeddings", "131072" },
	{ "Gemma3TextConfig", "sliding_window", "4096" },
	{ "Gemma3TextConfig", "sliding_window_pattern", "6" },
	{ "Gemma3TextConfig", "tie_word_embeddings", "true" },
	{ "Llama4TextConfig", "vocab_size", "202048" },
	{ "Llama4TextConfig", "hidden_size", "5120" },
	{ "Llama4TextConfig", "intermediate_size", "8192" },
	{ "Llama4TextConfig", "intermediate_size_mlp", "16384" },
	{ "Llama4TextConfig", "num_hidden_layers", "48" },
	{ "Llama4TextConfig", "num_attention_heads", "40" },
	{ "Llama4TextConfig", "num_key_value_heads", "8" },
	{ "Llama4TextConfig", "head_dim", "128" },
	{ "Llama4TextConfig", "max_position_embeddings", "131072" },
	{ "Llama4TextConfig", "num_experts_per_tok", "1" },
	{ "Llama4TextConfig", "num_local_experts", "16" },
	{ "Llama4TextConfig", "interleave_moe_layer_step", "1" },
	{ "Llama4TextConfig", "no_rope_layer_interval", "4" },
	{ "Llama4TextConfig", "attention_chunk_size", "8192" },
	{ "Llama4TextConfig", "tie_word_embeddings", "false" },
};

/* A copy of the language model's config with its class's defaults where
 * it leaves a field out (the caller releases it); NULL: out of memory. */
static json_t *with_defaults(const json_t *c, const char *cls)
{
	json_t *out = json_deep_copy(c);
	size_t i;

	if (!out || !cls)
		return out;
	for (i = 0; i < sizeof(class_defaults) / sizeof(class_defaults[0]); i++)
		if (!strcmp(class_defaults[i].cls, cls) &&
		    !json_object_get(out, class_defaults[i].key) &&
		    json_object_set_new(out, class_defaults[i].key,
					json_loads(class_defaults[i].json, JSON_DECODE_ANY,
						   NULL)) < 0) {
			json_decref(out);
			return NULL;
		}
	return out;
}

#define INT_MAX_FIELD ((double)(1 << 30))

/* An integer field: 1 and *out, 0 when absent or null, -1 and *err when
 * present but not an integer in [lo, hi]. */
static int opt_int(int64_t *out, const json_t *o, const char *key, int64_t lo, int64_t hi,
		   struct err *err)
{
	const json_t *j = json_object_get(o, key);

	if (!j || json_is_null(j))
		return 0;
	if (!json_is_integer(j) || json_integer_value(j) < lo || json_integer_value(j) > hi)
		return err_set(err, ERR_PARSE, "%s: expected an integer from %lld "
			       "to %lld", key, (long long)lo, (long long)hi);
	*out = (int64_t)json_integer_value(j);
	return 1;
}

static int req_int(int64_t *out, const json_t *o, const char *key, int64_t lo, int64_t hi,
		   struct err *err)
{
	int r = opt_int(out, o, key, lo, hi, err);

	if (r == 0)
		return err_set(err, ERR_PARSE, "%s: missing, and the architecture "
			       "needs it", key);
	return r < 0 ? r : 0;
}

static const char *opt_str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s && strlen(s) == json_string_length(json_object_get(o, key)) ? s : NULL;
}

/* How many of the layer_types are sliding_attention (Gemma 3, gpt-oss),
 * or -1 with *err when the list is not `layers` strings. */
static int64_t sliding_of_layer_types(const json_t *types, int64_t layers, struct err *err)
{
	size_t i;
	int64_t n = 0;

	if (!json_is_array(types) || (int64_t)json_array_size(types) != layers)
		return err_set(err, ERR_PARSE, "layer_types: expected %lld entries",
			       (long long)layers);
	for (i = 0; i < json_array_size(types); i++) {
		const char *t = json_string_value(json_array_get(types, i));

		if (!t)
			return err_set(err, ERR_PARSE, "layer_types[%zu]: expected a "
				       "string", i);
		if (!strcmp(t, "sliding_attention") || !strcmp(t, "chunked_attention"))
			n++;
		else if (strcmp(t, "full_attention"))
			return err_set(err, ERR_PARSE, "layer_types[%zu] '%.40s': expected "
				       "sliding_attention, chunked_attention or full_attention", i, t);
	}
	return n;
}

/*
 * Llama 4's chunked attention: a token sees only the tokens of its own
 * chunk, so a layer keeps at most attention_chunk_size tokens of KV, as a
 * window of that size would (its attention spans half the chunk on
 * average, which the window overstates: compute only).  The layers that
 * use RoPE chunk (no_rope_layers 1); the others see the whole context.
 */
static int chunked(struct cat_model *m, const json_t *c, struct err *err)
{
	const json_t *rope = json_object_get(c, "no_rope_layers");
	const json_t *types = json_object_get(c, "layer_types");
	int64_t chunk = 0, every = 0, n = 0;
	size_t i;
	int r;

	if ((r = opt_int(&chunk, c, "attention_chunk_size", 1, 1 << 24, err)) <= 0)
		return r;       /* null: every layer global */
	m->sliding_window = chunk;
	if (json_is_array(rope) && json_array_size(rope) > 0) {
		if ((int64_t)json_array_size(rope) != m->layers)
			return err_set(err, ERR_PARSE, "no_rope_layers: expected %lld entries",
				       (long long)m->layers);
		for (i = 0; i < json_array_size(rope); i++) {
			json_t *e = json_array_get(rope, i);

			if (!json_is_integer(e) || json_integer_value(e) < 0 ||
			    json_integer_value(e) > 1)
				return err_set(err, ERR_PARSE, "no_rope_layers[%zu]: expected 0 or 1",
					       i);
			n += json_integer_value(e);
		}
	} else if (types) {
		if ((n = sliding_of_layer_types(types, m->layers, err)) < 0)
			return -1;
	} else {
		if ((r = req_int(&every, c, "no_rope_layer_interval", 1, 1 << 10, err)) < 0)
			return r;
		n = m->layers - m->layers / every;
	}
	m->sliding_layers = n;
	return 0;
}

/* The sliding window and how many layers use it. */
static int sliding(struct cat_model *m, const json_t *c, struct err *err)
{
	int64_t win = 0, pattern = 0, from = 0;
	const json_t *types = json_object_get(c, "layer_types");
	int r;

	m->sliding_window = m->sliding_layers = CAT_NULL_INT;
	if (!strcmp(m->model_type, "llama4") || !strcmp(m->model_type, "llama4_text"))
		return chunked(m, c, err);
	if ((r = opt_int(&win, c, "sliding_window", 1, 1 << 24, err)) < 0)
		return r;
	if (!r)
		return 0;
	/* Qwen2/3 carry a window they leave off unless use_sliding_window */
	if (json_is_false(json_object_get(c, "use_sliding_window")))
		return 0;
	m->sliding_window = win;
	if (types) {
		if ((m->sliding_layers = sliding_of_layer_types(types, m->layers, err)) < 0)
			return -1;
	} else if (!strcmp(m->model_type, "gemma2")) {
		/* Gemma2DecoderLayer: even layers slide */
		m->sliding_layers = (m->layers + 1) / 2;
	} else if (!strcmp(m->model_type, "gemma3") || !strcmp(m->model_type, "gemma3_text")) {
		/* every sliding_window_pattern-th layer is global */
		if ((r = req_int(&pattern, c, "sliding_window_pattern", 1, 1 << 10, err)) < 0)
			return r;
		m->sliding_layers = m->layers - m->layers / pattern;
	} else if (json_is_true(json_object_get(c, "use_sliding_window"))) {
		/* Qwen2: layers from max_window_layers on slide */
		if ((r = req_int(&from, c, "max_window_layers", 0, m->layers, err)) < 0)
			return r;
		m->sliding_layers = m->layers - from;
	}
	/* otherwise (Mistral): every layer (sliding_layers NULL) */
	return 0;
}

static int native_dtype(struct cat_model *m, const json_t *top, const json_t *c,
			struct err *err)
{
	const json_t *q = json_object_get(top, "quantization_config");
	const char *t = opt_str(c, "torch_dtype");

	if (!t)
		t = opt_str(top, "torch_dtype");
	if (!t)
		t = opt_str(top, "dtype");
	if (q) {
		const char *qm = opt_str(q, "quant_method");

		if (qm && !strcmp(qm, "fp8")) {
			snprintf(m->native_dtype, sizeof(m->native_dtype), "fp8");
			return 0;
		}
		if (qm && !strcmp(qm, "mxfp4")) {
			snprintf(m->native_dtype, sizeof(m->native_dtype), "mxfp4");
			return 0;
		}
		return err_set(err, ERR_PARSE, "quantization_config.quant_method "
			       "'%.20s': a quantized checkpoint; import the model's own 16-bit or "
			       "fp8 release and plan the format with --precision",
			       qm ? qm : "(none)");
	}
	if (t && !strcmp(t, "bfloat16"))
		snprintf(m->native_dtype, sizeof(m->native_dtype), "bf16");
	else if (t && !strcmp(t, "float16"))
		snprintf(m->native_dtype, sizeof(m->native_dtype), "fp16");
	else
		return err_set(err, ERR_PARSE, "torch_dtype '%.20s': expected "
			       "bfloat16 or float16", t ? t : "(missing)");
	return 0;
}

/* The experts of the MoE shapes. */
static int experts(struct cat_model *m, const json_t *c, enum shape s, struct err *err)
{
	int64_t v = 0;
	size_t i;
	int r;

	switch (s) {
	case S_MIXTRAL:
	case S_GPT_OSS:
		if ((r = req_int(&m->moe_experts, c, "num_local_experts", 1, 4096, err)) < 0)
			return r;
		m->moe_intermediate = m->intermediate;
		break;
	case S_QWEN_MOE:
		if ((r = req_int(&m->moe_experts, c, "num_experts", 1, 4096, err)) < 0 ||
		    (r = req_int(&m->moe_intermediate, c, "moe_intermediate_size", 1, 1 << 20,
				 err)) < 0)
			return r;
		/* every layer sparse: no mlp_only_layers, a sparse step of 1 */
		if ((r = opt_int(&v, c, "decoder_sparse_step", 1, 1 << 10, err)) < 0)
			return r;
		if (json_array_size(json_object_get(c, "mlp_only_layers")) || (r > 0 && v != 1))
			return err_set(err, ERR_PARSE, "mlp_only_layers or "
				       "decoder_sparse_step: dense layers among the sparse ones are "
				       "not understood");
		break;
	case S_LLAMA4: {
		const json_t *layers = json_object_get(c, "moe_layers");
		int64_t step = 1, dense_width = 0;

		if ((r = req_int(&m->moe_experts, c, "num_local_experts", 1, 4096, err)) < 0 ||
		    (r = req_int(&dense_width, c, "intermediate_size_mlp", 1, 1 << 22, err)) < 0 ||
		    (r = req_int(&step, c, "interleave_moe_layer_step", 1, m->layers, err)) < 0)
			return r;
		/* the experts and the shared one are intermediate_size wide, a
		 * dense layer's FFN intermediate_size_mlp */
		m->moe_intermediate = m->intermediate;
		m->intermediate = dense_width;
		m->moe_shared_experts = 1;
		/* MoE layers: the list where given, else every step-th
		 * (range(step - 1, layers, step)); the rest dense */
		if (json_is_array(layers)) {
			if ((int64_t)json_array_size(layers) > m->layers)
				return err_set(err, ERR_PARSE, "moe_layers: more entries than the "
					       "%lld layers", (long long)m->layers);
			for (i = 0; i < json_array_size(layers); i++) {
				json_t *e = json_array_get(layers, i);

				if (!json_is_integer(e) || json_integer_value(e) < 0 ||
				    json_integer_value(e) >= m->layers)
					return err_set(err, ERR_PARSE, "moe_layers[%zu]: expected a "
						       "layer index below %lld", i, (long long)m->layers);
			}
			m->moe_dense_layers = m->layers - (int64_t)json_array_size(layers);
		} else if (layers && !json_is_null(layers)) {
			return err_set(err, ERR_PARSE, "moe_layers: expected a list of layer indices");
		} else {
			m->moe_dense_layers = m->layers - m->layers / step;
		}
		if (m->moe_dense_layers == m->layers)
			return err_set(err, ERR_PARSE, "moe_layers: no layer has experts");
		break;
	}
	case S_DEEPSEEK:
	case S_GLM_MOE:
		if ((r = req_int(&m->moe_experts, c, "n_routed_experts", 1, 4096, err)) < 0 ||
		    (r = req_int(&m->moe_intermediate, c, "moe_intermediate_size", 1, 1 << 20,
				 err)) < 0 ||
		    (r = opt_int(&m->moe_shared_experts, c, "n_shared_experts", 0, 64, err)) < 0 ||
		    (r = opt_int(&m->moe_dense_layers, c, "first_k_dense_replace", 0, m->layers,
				 err)) < 0)
			return r;
		if ((r = opt_int(&v, c, "moe_layer_freq", 1, 1 << 10, err)) < 0)
			return r;
		if (r > 0 && v != 1)
			return err_set(err, ERR_PARSE, "moe_layer_freq %lld: dense "
				       "layers among the sparse ones are not understood", (long long)v);
		break;
	default:
		return 0;
	}
	if ((r = req_int(&m->moe_top_k, c, "num_experts_per_tok", 1, m->moe_experts, err)) < 0)
		return r;
	return 0;
}

static int mla(struct cat_model *m, const json_t *c, struct err *err)
{
	int r;

	if ((r = req_int(&m->kv_lora_rank, c, "kv_lora_rank", 1, 1 << 16, err)) < 0 ||
	    (r = req_int(&m->qk_rope_head_dim, c, "qk_rope_head_dim", 1, 1 << 12, err)) < 0 ||
	    (r = req_int(&m->qk_nope_head_dim, c, "qk_nope_head_dim", 1, 1 << 12, err)) < 0 ||
	    (r = req_int(&m->v_head_dim, c, "v_head_dim", 1, 1 << 12, err)) < 0 ||
	    (r = opt_int(&m->q_lora_rank, c, "q_lora_rank", 1, 1 << 16, err)) < 0)
		return r;
	if (r == 0)
		m->q_lora_rank = CAT_NULL_INT;   /* DeepSeek-V2-Lite: q projected directly */
	m->head_dim = m->qk_nope_head_dim + m->qk_rope_head_dim;
	snprintf(m->attention, sizeof(m->attention), "mla");
	return 0;
}

/* The dimensions every shape has, under THUDM's names or transformers'. */
static int dims(struct cat_model *m, const json_t *c, enum shape s, struct err *err)
{
	int64_t tied = 1;
	int r;

	if (s == S_CHATGLM) {
		if ((r = req_int(&m->layers, c, "num_layers", 1, 1024, err)) < 0 ||
		    (r = req_int(&m->hidden, c, "hidden_size", 1, 1 << 20, err)) < 0 ||
		    (r = req_int(&m->intermediate, c, "ffn_hidden_size", 1, 1 << 22, err)) < 0 ||
		    (r = req_int(&m->heads, c, "num_attention_heads", 1, 1 << 12, err)) < 0 ||
		    (r = req_int(&m->kv_heads, c, "multi_query_group_num", 1, m->heads, err)) < 0 ||
		    (r = req_int(&m->head_dim, c, "kv_channels", 1, 1 << 12, err)) < 0 ||
		    (r = req_int(&m->vocab, c, "padded_vocab_size", 1, 1 << 24, err)) < 0 ||
		    (r = req_int(&m->max_context, c, "seq_length", 1, 1 << 27, err)) < 0)
			return r;
		m->tied_embeddings = 0;    /* a separate output_layer */
		return 0;
	}
	if ((r = req_int(&m->layers, c, "num_hidden_layers", 1, 1024, err)) < 0 ||
	    (r = req_int(&m->hidden, c, "hidden_size", 1, 1 << 20, err)) < 0 ||
	    (r = req_int(&m->intermediate, c, "intermediate_size", 1, 1 << 22, err)) < 0 ||
	    (r = req_int(&m->heads, c, "num_attention_heads", 1, 1 << 12, err)) < 0 ||
	    (r = req_int(&m->vocab, c, "vocab_size", 1, 1 << 24, err)) < 0 ||
	    (r = req_int(&m->max_context, c, "max_position_embeddings", 1, 1 << 27, err)) < 0)
		return r;
	m->kv_heads = m->heads;
	if ((r = opt_int(&m->kv_heads, c, "num_key_value_heads", 1, m->heads, err)) < 0)
		return r;
	m->head_dim = m->hidden / m->heads;
	if ((r = opt_int(&m->head_dim, c, "head_dim", 1, 1 << 12, err)) < 0)
		return r;
	if (json_is_boolean(json_object_get(c, "tie_word_embeddings")))
		tied = json_is_true(json_object_get(c, "tie_word_embeddings"));
	m->tied_embeddings = tied;
	return 0;
}

void bind_model_id(char *out, size_t size, const char *name)
{
	size_t i, n = 0;

	for (i = 0; name[i] && n + 1 < size && n < 63; i++) {
		unsigned char ch = (unsigned char)name[i];

		if (isalnum(ch) || ch == '.')
			out[n++] = (char)tolower(ch);
		else if (n && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n && (out[n - 1] == '-' || out[n - 1] == '.'))
		n--;
	out[n] = '\0';
}

/* Whether `s` has the shape of a repository id, owner/name. */
static int repo_like(const char *s)
{
	const char *slash = strchr(s, '/');
	size_t i;

	if (!slash || slash == s || !slash[1] || strchr(slash + 1, '/') || strlen(s) >= CAT_NAME_MAX)
		return 0;
	for (i = 0; s[i]; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("/-_.", s[i]))
			return 0;
	return 1;
}

static void counts(struct cat_model *m, double index_bytes)
{
	struct llm_spec spec;
	struct llm_parts parts;

	deploy_llm_spec(&spec, m);
	llm_parts(&parts, &spec);
	m->params_total = parts.total;
	/* what model cards call active: every weight a token uses, the
	 * embedding it looks up included (a dense model's total) */
	m->params_active = parts.active + (m->tied_embeddings ? 0 : parts.embed);
	/* a 16-bit checkpoint's bytes are its parameters, two each (norms
	 * and biases, which the shapes leave out, included) */
	if (index_bytes > 0 && (!strcmp(m->native_dtype, "bf16") || !strcmp(m->native_dtype, "fp16"))) {
		m->params_active *= index_bytes / 2 / parts.total;
		m->params_total = index_bytes / 2;
	}
	if (m->params_active > m->params_total)
		m->params_active = m->params_total;
}

/*
 * A vision-language model's tower from its vision_config, where rigplan
 * knows its processor: Gemma 3's SigLIP (siglip_vision_model: one square
 * of image_size, its patches pooled to mm_tokens_per_image, a linear
 * projection to the text model; GELU MLPs) and Llama 4's
 * (llama4_vision_model: tiles of image_size, at most 16, the
 * Llama4ImageProcessor's max_patches default, which config.json does not
 * carry; patches shuffled by pixel_shuffle_ratio, an MLP to
 * projector_output_dim and a projection to the text model).  1 and *v, or
 * 0 when the config has no tower rigplan reads (a text model, or another
 * tower: its images are then refused, its text still planned).
 */
static int vision(struct cat_vision *v, const json_t *top, const struct cat_model *m,
		  struct err *err)
{
	const json_t *vc = json_object_get(top, "vision_config");
	const char *vt = opt_str(vc, "model_type");
	int64_t side, tokens = 0;
	double ratio;
	int r, gemma;

	if (!json_is_object(vc) || !vt)
		return 0;
	gemma = !strcmp(vt, "siglip_vision_model") && !strcmp(m->model_type, "gemma3");
	if (!gemma && strcmp(vt, "llama4_vision_model"))
		return 0;
	memset(v, 0, sizeof(*v));
	v->max_tiles = CAT_NULL_INT;
	if ((r = req_int(&v->hidden, vc, "hidden_size", 1, 65536, err)) < 0 ||
	    (r = req_int(&v->mlp, vc, "intermediate_size", 1, 262144, err)) < 0 ||
	    (r = req_int(&v->depth, vc, "num_hidden_layers", 1, 256, err)) < 0 ||
	    (r = req_int(&v->heads, vc, "num_attention_heads", 1, 1024, err)) < 0 ||
	    (r = req_int(&v->patch_size, vc, "patch_size", 1, 128, err)) < 0 ||
	    (r = req_int(&v->image_size, vc, "image_size", 14, 8192, err)) < 0)
		return err_prefix(err, "vision_config");
	if (v->image_size % v->patch_size)
		return err_set(err, ERR_PARSE, "vision_config.image_size %lld: expected a "
			       "multiple of patch_size %lld", (long long)v->image_size,
			       (long long)v->patch_size);
	side = v->image_size / v->patch_size;
	v->temporal_patch = 1;
	v->mlp_matrices = 2;
	v->out_hidden = m->hidden;
	if (gemma) {
		if ((r = req_int(&tokens, top, "mm_tokens_per_image", 1, 1 << 20, err)) < 0)
			return r;
		/* the pooling: side^2 patches to tokens, a square kernel */
		ratio = sqrt((double)(side * side) / (double)tokens);
		if (ratio < 1 || ratio > 8 || ratio != floor(ratio))
			return err_set(err, ERR_PARSE, "mm_tokens_per_image %lld: expected %lld "
				       "patches pooled by a square kernel of 1 to 8", (long long)tokens,
				       (long long)(side * side));
		v->merge_size = (int64_t)ratio;
		v->merger = 1;
		snprintf(v->processor, sizeof(v->processor), "fixed");
	} else {
		const json_t *pr = json_object_get(vc, "pixel_shuffle_ratio");

		ratio = json_is_number(pr) ? json_number_value(pr) : 0;
		if (!(ratio > 0 && ratio <= 1) || 1 / ratio != floor(1 / ratio) || 1 / ratio > 8)
			return err_set(err, ERR_PARSE, "vision_config.pixel_shuffle_ratio: expected "
				       "1/2, 1/3 ... 1/8");
		v->merge_size = (int64_t)(1 / ratio);
		if ((r = req_int(&v->merger, vc, "projector_output_dim", 1, 262144, err)) < 0)
			return err_prefix(err, "vision_config");
		v->max_tiles = 16;
		snprintf(v->processor, sizeof(v->processor), "tiles");
	}
	/* the pixel range is the smart-resize processor's; here one tile's */
	v->min_pixels = v->max_pixels = v->image_size * v->image_size;
	snprintf(v->id, sizeof(v->id), "%s", m->id);
	snprintf(v->source, sizeof(v->source), "%.255s", m->source);
	snprintf(v->as_of, sizeof(v->as_of), "%s", m->as_of);
	return 1;
}

int bind_model_from_config(struct cat_model *out, const char *json, size_t len,
			   double index_bytes, const char *origin, struct err *err)
{
	return bind_vlm_from_config(out, NULL, json, len, index_bytes, origin, err);
}

int bind_vlm_from_config(struct cat_model *out, struct cat_vision *tower, const char *json,
			 size_t len, double index_bytes, const char *origin, struct err *err)
{
	json_error_t je;
	json_t *top = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	const json_t *c, *archlist;
	json_t *lm = NULL;
	const struct arch *a = NULL;
	const char *mt, *arch, *name;
	size_t i;
	int r = 0;

	memset(out, 0, sizeof(*out));
	if (!top)
		return err_set(err, ERR_PARSE, "line %d, column %d: %s", je.line, je.column, je.text);
	if (!json_is_object(top)) {
		r = err_set(err, ERR_PARSE, "expected an object");
		goto out;
	}
	mt = opt_str(top, "model_type");
	archlist = json_object_get(top, "architectures");
	arch = json_string_value(json_array_get(archlist, 0));
	if (!mt) {
		r = err_set(err, ERR_PARSE, "model_type: missing");
		goto out;
	}
	for (i = 0; i < sizeof(archs) / sizeof(archs[0]); i++)
		if (!strcmp(archs[i].model_type, mt))
			a = &archs[i];
	if (!a) {
		r = err_set(err, ERR_PARSE, "model_type '%.31s' is not an architecture "
			    "rigplan understands (llama, mistral, mixtral, qwen2, qwen3, qwen3_moe, "
			    "gemma2, gemma3, phi3, deepseek_v2, deepseek_v3, glm4, glm4v, glm4_moe, "
			    "gpt_oss, llama4, chatglm)", mt);
		goto out;
	}
	if (!arch || strlen(arch) >= sizeof(out->architecture) || !*arch) {
		r = err_set(err, ERR_PARSE, "architectures: expected a list whose "
			    "first entry names the model class");
		goto out;
	}
	/* a vision-language model: its language model's dimensions */
	c = json_is_object(json_object_get(top, "text_config")) ?
		json_object_get(top, "text_config") : top;
	if (!(lm = with_defaults(c, a->cls))) {
		r = err_set(err, ERR_PARSE, "out of memory reading the config");
		goto out;
	}
	c = lm;
	snprintf(out->architecture, sizeof(out->architecture), "%s", arch);
	snprintf(out->model_type, sizeof(out->model_type), "%s", mt);
	snprintf(out->family, sizeof(out->family), "%s", a->family);
	out->sliding_window = out->sliding_layers = CAT_NULL_INT;
	out->moe_intermediate = out->kv_lora_rank = out->q_lora_rank = CAT_NULL_INT;
	out->qk_rope_head_dim = out->qk_nope_head_dim = out->v_head_dim = CAT_NULL_INT;
	if ((r = dims(out, c, a->shape, err)) < 0 || (r = native_dtype(out, top, c, err)) < 0)
		goto out;
	if (a->shape == S_DEEPSEEK) {
		if ((r = mla(out, c, err)) < 0)
			goto out;
	} else {
		snprintf(out->attention, sizeof(out->attention), "%s",
			 out->kv_heads == out->heads ? "mha" : out->kv_heads == 1 ? "mqa" : "gqa");
	}
	if ((r = experts(out, c, a->shape, err)) < 0 || (r = sliding(out, c, err)) < 0)
		goto out;
	name = opt_str(top, "_name_or_path");
	if (name && repo_like(name))
		snprintf(out->hf_repo, sizeof(out->hf_repo), "%s", name);
	snprintf(out->name, sizeof(out->name), "%.95s",
		 name && *name ? (strrchr(name, '/') ? strrchr(name, '/') + 1 : name) : mt);
	bind_model_id(out->id, sizeof(out->id), out->name);
	if (!out->id[0])
		bind_model_id(out->id, sizeof(out->id), mt);
	snprintf(out->source, sizeof(out->source), "%.255s", origin);
	clock_today_utc(out->as_of);
	counts(out, index_bytes);
	if (tower) {
		tower->id[0] = '\0';
		if ((r = vision(tower, top, out, err)) < 0)
			goto out;
	}
	r = 0;
out:
	json_decref(lm);
	json_decref(top);
	return r;
}

int bind_is_model_path(const char *name)
{
	size_t n = strlen(name);
	struct stat st;

	if (!strchr(name, '/') && !(n > 5 && !strcmp(name + n - 5, ".json")))
		return 0;
	return stat(name, &st) == 0 && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode));
}

/* model.safetensors.index.json's metadata.total_size beside the config,
 * or 0 when there is none. */
static int index_bytes(double *out, const char *dir, struct err *err)
{
	char path[4096], *buf = NULL;
	size_t len = 0;
	json_t *doc;
	const json_t *t;
	struct stat st;
	int r;

	*out = 0;
	if ((size_t)snprintf(path, sizeof(path), "%s/model.safetensors.index.json", dir) >=
	    sizeof(path) || stat(path, &st) != 0)
		return 0;
	if ((r = file_read_all(&buf, &len, path, BIND_CONFIG_MAX, err)) < 0)
		return r;
	doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, NULL);
	free(buf);
	t = json_object_get(json_object_get(doc, "metadata"), "total_size");
	if (!json_is_integer(t) || json_integer_value(t) <= 0 ||
	    (double)json_integer_value(t) > 1e15) {
		json_decref(doc);
		return err_set(err, ERR_PARSE, "%.200s: metadata.total_size: expected a positive "
			       "byte count", path);
	}
	*out = (double)json_integer_value(t);
	json_decref(doc);
	return 0;
}

int bind_model_from_path(struct cat_model *out, const char *path, struct err *err)
{
	return bind_vlm_from_path(out, NULL, path, err);
}

int bind_vlm_from_path(struct cat_model *out, struct cat_vision *tower, const char *path,
		       struct err *err)
{
	char file[4096], dir[4096], origin[CAT_SOURCE_MAX], *buf = NULL;
	size_t len = 0;
	double bytes = 0;
	struct stat st;
	int r;

	memset(out, 0, sizeof(*out));
	if (stat(path, &st) != 0)
		return err_set(err, ERR_IO, "%.200s: no such file or directory", path);
	if (S_ISDIR(st.st_mode)) {
		size_t n;

		if ((size_t)snprintf(dir, sizeof(dir), "%s", path) >= sizeof(dir) - 16)
			return err_set(err, ERR_IO, "%.200s: path too long", path);
		for (n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
			dir[n - 1] = '\0';
		snprintf(file, sizeof(file), "%s/config.json", dir);
	} else {
		const char *slash = strrchr(path, '/');

		snprintf(file, sizeof(file), "%s", path);
		if (slash)
			snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
		else
			snprintf(dir, sizeof(dir), ".");
	}
	if ((r = file_read_all(&buf, &len, file, BIND_CONFIG_MAX, err)) < 0)
		return r;
	if ((r = index_bytes(&bytes, dir, err)) < 0) {
		free(buf);
		return r;
	}
	snprintf(origin, sizeof(origin), "imported from %.200s%s", file,
		 bytes > 0 ? " and model.safetensors.index.json" : "");
	r = bind_vlm_from_config(out, tower, buf, len, bytes, origin, err);
	free(buf);
	if (r < 0)
		return err_prefix(err, "%.200s", file);
	/* no repository named in the file: the model's folder names it, or
	 * a config saved under its own name (NAME.json, NAME.config.json) */
	if (!out->hf_repo[0]) {
		const char *fbase = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
		const char *base = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;
		char stem[CAT_NAME_MAX];
		size_t n;

		if (strcmp(fbase, "config.json")) {
			snprintf(stem, sizeof(stem), "%.95s", fbase);
			n = strlen(stem);
			if (n > 5 && !strcmp(stem + n - 5, ".json"))
				stem[n -= 5] = '\0';
			if (n > 7 && !strcmp(stem + n - 7, ".config"))
				stem[n - 7] = '\0';
			base = stem;
		}
		if (*base && strcmp(base, ".") && strcmp(base, "..")) {
			snprintf(out->name, sizeof(out->name), "%.95s", base);
			bind_model_id(out->id, sizeof(out->id), base);
		}
	}
	/* the tower is the model's, under whatever name it took */
	if (tower && tower->id[0])
		snprintf(tower->id, sizeof(tower->id), "%s", out->id);
	return 0;
}
