/*
 * gguf.c - see gguf.h.
 *
 * The layout is ggml's GGUF (docs/gguf.md in ggml-org/ggml): magic
 * "GGUF", version 2 or 3, the tensor and metadata counts as u64, the
 * metadata as key (u64 length + bytes), value type (u32) and value, then
 * per tensor its name, dimension count (u32, at most 4), dimensions (u64),
 * ggml type (u32) and data offset (u64); little-endian throughout.  Block
 * sizes are ggml's type traits (ggml.h enum ggml_type, ggml-common.h
 * block structs), and general.file_type is llama.h's llama_ftype.  The
 * keys are llama.cpp's LLM_KV names ("<arch>.block_count", ...).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/deploy.h"
#include "bind/gguf.h"
#include "bind/hfconfig.h"
#include "models/fmt.h"
#include "models/mem.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/xalloc.h"

#define GGUF_MAGIC "GGUF"
#define MAX_DIMS 4
#define MAX_COUNT ((uint64_t)1 << 24)   /* tensors, keys */
#define MAX_DIM ((uint64_t)1 << 40)
#define MAX_ELEMENTS ((uint64_t)1 << 50)
#define MAX_DEPTH 4                     /* arrays of arrays */

/* ggml types: elements per block and bytes per block; 0 marks a removed
 * or unknown slot. */
static const struct { uint32_t blck, size; } ggml_types[] = {
	[0] = { 1, 4 },         /* F32 */
	[1] = { 1, 2 },         /* F16 */
	[2] = { 32, 18 },       /* Q4_0 */
	[3] = { 32, 20 },       /* Q4_1 */
	[6] = { 32, 22 },       /* Q5_0 */
	[7] = { 32, 24 },       /* Q5_1 */
	[8] = { 32, 34 },       /* Q8_0 */
	[9] = { 32, 36 },       /* Q8_1 */
	[10] = { 256, 84 },     /* Q2_K */
	[11] = { 256, 110 },    /* Q3_K */
	[12] = { 256, 144 },    /* Q4_K */
	[13] = { 256, 176 },    /* Q5_K */
	[14] = { 256, 210 },    /* Q6_K */
	[15] = { 256, 292 },    /* Q8_K */
	[16] = { 256, 66 },     /* IQ2_XXS */
	[17] = { 256, 74 },     /* IQ2_XS */
	[18] = { 256, 98 },     /* IQ3_XXS */
	[19] = { 256, 50 },     /* IQ1_S */
	[20] = { 32, 18 },      /* IQ4_NL */
	[21] = { 256, 110 },    /* IQ3_S */
	[22] = { 256, 82 },     /* IQ2_S */
	[23] = { 256, 136 },    /* IQ4_XS */
	[24] = { 1, 1 },        /* I8 */
	[25] = { 1, 2 },        /* I16 */
	[26] = { 1, 4 },        /* I32 */
	[27] = { 1, 8 },        /* I64 */
	[28] = { 1, 8 },        /* F64 */
	[29] = { 256, 56 },     /* IQ1_M */
	[30] = { 1, 2 },        /* BF16 */
	[34] = { 256, 54 },     /* TQ1_0 */
	[35] = { 256, 66 },     /* TQ2_0 */
	[39] = { 32, 17 },      /* MXFP4: an e8m0 scale and 16 bytes of 4-bit values */
};
#define GGML_TYPES (sizeof(ggml_types) / sizeof(ggml_types[0]))

/* llama_ftype values rigplan models, with the catalog's format names. */
static const struct { uint32_t ftype; const char *name, *format; } ftypes[] = {
	{ 1, "F16", "gguf-f16" }, { 2, "Q4_0", "gguf-q4_0" }, { 7, "Q8_0", "gguf-q8_0" },
	{ 15, "Q4_K_M", "gguf-q4_k_m" }, { 17, "Q5_K_M", "gguf-q5_k_m" },
	{ 18, "Q6_K", "gguf-q6_k" }, { 38, "MXFP4_MOE", "gguf-mxfp4" },
};

/* GGUF architectures, the Hugging Face class and model_type rigplan (and
 * the engines' compatibility rows) know them by. */
static const struct { const char *arch, *cls, *model_type, *family; } archs[] = {
	{ "llama", "LlamaForCausalLM", "llama", "llama" },
	{ "qwen2", "Qwen2ForCausalLM", "qwen2", "qwen" },
	{ "qwen3", "Qwen3ForCausalLM", "qwen3", "qwen" },
	{ "qwen3moe", "Qwen3MoeForCausalLM", "qwen3_moe", "qwen" },
	{ "gemma2", "Gemma2ForCausalLM", "gemma2", "gemma" },
	{ "gemma3", "Gemma3ForCausalLM", "gemma3_text", "gemma" },
	{ "llama4", "Llama4ForConditionalGeneration", "llama4", "llama" },
	{ "phi3", "Phi3ForCausalLM", "phi3", "phi" },
	{ "deepseek2", "DeepseekV3ForCausalLM", "deepseek_v3", "deepseek" },
	{ "glm4", "Glm4ForCausalLM", "glm4", "glm" },
	{ "gpt-oss", "GptOssForCausalLM", "gpt_oss", "gpt-oss" },
};

/* The metadata rigplan reads: "<arch>.<suffix>" unsigned integers. */
static const char *const suffixes[] = {
	"block_count", "embedding_length", "feed_forward_length", "context_length",
	"vocab_size", "attention.head_count", "attention.head_count_kv",
	"attention.key_length", "attention.value_length", "attention.sliding_window",
	"attention.kv_lora_rank", "attention.q_lora_rank", "rope.dimension_count",
	"expert_count", "expert_used_count", "expert_shared_count",
	"expert_feed_forward_length", "leading_dense_block_count", "expert_gating_func",
	"interleave_moe_layer_step", "attention.sliding_window_pattern",
};
#define NSUF (sizeof(suffixes) / sizeof(suffixes[0]))

struct kv {
	char prefix[64];            /* the architecture the key was written for */
	uint64_t v;
	int set, array;
};

struct rd {
	const unsigned char *p;
	size_t len, off;
	int whole;
	struct err *err;
	/* what was read */
	char arch[64], name[CAT_NAME_MAX];
	uint64_t file_type, vocab_tokens;
	int has_file_type, has_output;
	struct kv kv[NSUF];
};

static int need(struct rd *r, uint64_t n)
{
	if (n <= r->len - r->off)
		return 0;
	if (r->whole)
		return err_set(r->err, ERR_PARSE, "truncated: %llu bytes needed at byte %zu, the file "
			       "ends at %zu", (unsigned long long)n, r->off, r->len);
	return err_set(r->err, ERR_PARSE, "the header runs past the first %u MiB read",
		       (unsigned)(BIND_GGUF_HEADER_MAX >> 20));
}

static int u32(struct rd *r, uint32_t *v)
{
	const unsigned char *b;

	if (need(r, 4) < 0)
		return -1;
	b = r->p + r->off;
	*v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	r->off += 4;
	return 0;
}

static int u64(struct rd *r, uint64_t *v)
{
	uint32_t lo, hi;

	if (u32(r, &lo) < 0 || u32(r, &hi) < 0)
		return -1;
	*v = (uint64_t)hi << 32 | lo;
	return 0;
}

static int str(struct rd *r, const unsigned char **s, uint64_t *n)
{
	if (u64(r, n) < 0 || need(r, *n) < 0)
		return -1;
	*s = r->p + r->off;
	r->off += (size_t)*n;
	return 0;
}

/* Bytes of a scalar value type; 0 for string and array; -1 unknown. */
static int scalar_size(uint32_t type)
{
	static const int sizes[] = { 1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8 };

	return type < sizeof(sizes) / sizeof(sizes[0]) ? sizes[type] : -1;
}

static int skip_value(struct rd *r, uint32_t type, int depth)
{
	int sz = scalar_size(type);
	const unsigned char *s;
	uint64_t n, count, i;
	uint32_t et;

	if (sz < 0)
		return err_set(r->err, ERR_PARSE, "metadata value type %u at byte %zu: not a GGUF "
			       "type", type, r->off);
	if (sz > 0)
		return need(r, (uint64_t)sz) < 0 ? -1 : (r->off += (size_t)sz, 0);
	if (type == 8)
		return str(r, &s, &n);
	if (depth >= MAX_DEPTH)
		return err_set(r->err, ERR_PARSE, "arrays nested deeper than %d", MAX_DEPTH);
	if (u32(r, &et) < 0 || u64(r, &count) < 0)
		return -1;
	sz = scalar_size(et);
	if (sz < 0)
		return err_set(r->err, ERR_PARSE, "array element type %u: not a GGUF type", et);
	if (sz > 0) {
		/* count x size without overflow: the bytes left bound it */
		if (count > (uint64_t)(r->len - r->off) / (uint64_t)sz)
			return need(r, UINT64_MAX);
		r->off += (size_t)(count * (uint64_t)sz);
		return 0;
	}
	/* strings and arrays take at least 8 bytes each */
	if (count > (uint64_t)(r->len - r->off) / 8)
		return need(r, UINT64_MAX);
	for (i = 0; i < count; i++)
		if (skip_value(r, et, depth + 1) < 0)
			return -1;
	return 0;
}

/* An unsigned integer value of any integer type (negatives refused). */
static int uint_value(struct rd *r, uint32_t type, uint64_t *v, const char *key)
{
	int sz = scalar_size(type);
	uint64_t raw = 0;
	uint32_t w;

	if (type > 12 || type == 6 || type == 7 || type == 8 || type == 9 || type == 12)
		return err_set(r->err, ERR_PARSE, "%.80s: expected an integer (value type %u)", key,
			       type);
	if (sz == 8) {
		if (u64(r, &raw) < 0)
			return -1;
	} else {
		size_t i;

		if (need(r, (uint64_t)sz) < 0)
			return -1;
		w = 0;
		for (i = 0; i < (size_t)sz; i++)
			w |= (uint32_t)r->p[r->off + i] << (8 * i);
		r->off += (size_t)sz;
		raw = w;
	}
	/* signed types: the sign bit of the stored width */
	if ((type == 1 && raw & 0x80) || (type == 3 && raw & 0x8000) ||
	    (type == 5 && raw & 0x80000000u) || (type == 11 && raw >> 63))
		return err_set(r->err, ERR_PARSE, "%.80s: negative", key);
	*v = raw;
	return 0;
}

/* A key this reader keeps: its slot in r->kv, or -1.  The prefix is an
 * architecture's name, which has no dot: a vision tower's
 * "clip.vision.block_count" is not the language model's. */
static int slot(const unsigned char *key, uint64_t n, size_t *prefix)
{
	size_t i, k;

	for (i = 0; i < NSUF; i++) {
		k = strlen(suffixes[i]);
		if (n > k + 1 && n - k - 1 < 64 && key[n - k - 1] == '.' &&
		    !memcmp(key + n - k, suffixes[i], k) && !memchr(key, '.', n - k - 1)) {
			*prefix = (size_t)(n - k - 1);
			return (int)i;
		}
	}
	return -1;
}

static int text_ok(const unsigned char *s, uint64_t n)
{
	uint64_t i;

	for (i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

static int metadata(struct rd *r, uint64_t count)
{
	uint64_t i, n, v = 0;
	const unsigned char *key, *s;
	uint32_t type, et;
	size_t prefix;
	int k;

	for (i = 0; i < count; i++) {
		if (str(r, &key, &n) < 0 || u32(r, &type) < 0)
			return -1;
		if (n == 20 && !memcmp(key, "general.architecture", 20) && type == 8) {
			if (str(r, &s, &n) < 0)
				return -1;
			if (n == 0 || n >= sizeof(r->arch) || !text_ok(s, n))
				return err_set(r->err, ERR_PARSE, "general.architecture: expected a "
					       "short name");
			memcpy(r->arch, s, (size_t)n);
			r->arch[n] = '\0';
		} else if (n == 12 && !memcmp(key, "general.name", 12) && type == 8) {
			if (str(r, &s, &n) < 0)
				return -1;
			if (n < sizeof(r->name) && text_ok(s, n)) {
				memcpy(r->name, s, (size_t)n);
				r->name[n] = '\0';
			}
		} else if (n == 17 && !memcmp(key, "general.file_type", 17)) {
			if (uint_value(r, type, &r->file_type, "general.file_type") < 0)
				return -1;
			r->has_file_type = 1;
		} else if (n == 21 && !memcmp(key, "tokenizer.ggml.tokens", 21) && type == 9) {
			size_t at = r->off;

			if (u32(r, &et) < 0 || u64(r, &r->vocab_tokens) < 0)
				return -1;
			r->off = at;
			if (skip_value(r, type, 0) < 0)
				return -1;
		} else if ((k = slot(key, n, &prefix)) >= 0) {
			struct kv *kv = &r->kv[k];

			memcpy(kv->prefix, key, prefix);
			kv->prefix[prefix] = '\0';
			if (type == 9) {
				kv->array = 1;
				if (skip_value(r, type, 0) < 0)
					return -1;
			} else {
				if (uint_value(r, type, &v, suffixes[k]) < 0)
					return -1;
				kv->v = v;
				kv->set = 1;
			}
		} else if (skip_value(r, type, 0) < 0) {
			return -1;
		}
	}
	return 0;
}

static int tensors(struct rd *r, uint64_t count, struct bind_gguf *out)
{
	uint64_t i, n, elements, offset;
	const unsigned char *name;
	uint32_t dims, type, d;

	for (i = 0; i < count; i++) {
		if (str(r, &name, &n) < 0 || u32(r, &dims) < 0)
			return -1;
		if (dims < 1 || dims > MAX_DIMS)
			return err_set(r->err, ERR_PARSE, "tensor %llu: %u dimensions: expected 1 to %d",
				       (unsigned long long)i, dims, MAX_DIMS);
		elements = 1;
		for (d = 0; d < dims; d++) {
			uint64_t ne;

			if (u64(r, &ne) < 0)
				return -1;
			if (ne > MAX_DIM || (ne && elements > MAX_ELEMENTS / ne))
				return err_set(r->err, ERR_PARSE, "tensor %llu: dimension %u of %llu: "
					       "too large", (unsigned long long)i, d,
					       (unsigned long long)ne);
			elements *= ne;
		}
		if (u32(r, &type) < 0 || u64(r, &offset) < 0)
			return -1;
		if (type >= GGML_TYPES || !ggml_types[type].blck)
			return err_set(r->err, ERR_PARSE, "tensor %llu: ggml type %u: not a type "
				       "GGUF files hold", (unsigned long long)i, type);
		if (elements % ggml_types[type].blck)
			return err_set(r->err, ERR_PARSE, "tensor %llu: %llu elements, not whole "
				       "blocks of %u", (unsigned long long)i,
				       (unsigned long long)elements, ggml_types[type].blck);
		out->elements += (double)elements;
		out->tensor_bytes += (double)(elements / ggml_types[type].blck) *
				     (double)ggml_types[type].size;
		if (n == 13 && !memcmp(name, "output.weight", 13))
			r->has_output = 1;
	}
	out->tensors = count;
	return 0;
}

/* A metadata value of the architecture: 1 and *v, 0 when absent; an
 * array (a per-layer value) is refused. */
static int get(struct rd *r, const char *suffix, int64_t *v)
{
	size_t i;

	for (i = 0; i < NSUF; i++) {
		const struct kv *kv = &r->kv[i];

		if (strcmp(suffixes[i], suffix) || strcmp(kv->prefix, r->arch))
			continue;
		if (kv->array)
			return err_set(r->err, ERR_PARSE, "%s.%s: per-layer values are not "
				       "understood", r->arch, suffix);
		if (!kv->set)
			return 0;
		if (kv->v > (uint64_t)1 << 31)
			return err_set(r->err, ERR_PARSE, "%s.%s: %llu: too large", r->arch, suffix,
				       (unsigned long long)kv->v);
		*v = (int64_t)kv->v;
		return 1;
	}
	return 0;
}

static int req(struct rd *r, const char *suffix, int64_t *v)
{
	int k = get(r, suffix, v);

	if (k == 0 || (k > 0 && *v <= 0))
		return err_set(r->err, ERR_PARSE, "%s.%s: %s", r->arch, suffix,
			       k == 0 ? "missing, and the architecture needs it" : "expected > 0");
	return k < 0 ? -1 : 0;
}

static int model_of(struct rd *r, struct cat_model *m)
{
	int64_t v = 0;
	int k;

	if (req(r, "block_count", &m->layers) < 0 || req(r, "embedding_length", &m->hidden) < 0 ||
	    req(r, "attention.head_count", &m->heads) < 0 ||
	    req(r, "context_length", &m->max_context) < 0)
		return -1;
	m->kv_heads = m->heads;
	m->head_dim = m->hidden / m->heads;
	if (get(r, "attention.head_count_kv", &m->kv_heads) < 0 ||
	    get(r, "attention.key_length", &m->head_dim) < 0)
		return -1;
	if (m->kv_heads < 1 || m->kv_heads > m->heads || m->head_dim < 1)
		return err_set(r->err, ERR_PARSE, "%s: %lld KV heads of %lld, head size %lld: "
			       "inconsistent", r->arch, (long long)m->kv_heads, (long long)m->heads,
			       (long long)m->head_dim);
	if ((k = get(r, "vocab_size", &m->vocab)) < 0)
		return -1;
	if (!k) {
		if (!r->vocab_tokens || r->vocab_tokens > (1u << 24))
			return err_set(r->err, ERR_PARSE, "%s.vocab_size: missing, and no "
				       "tokenizer.ggml.tokens list to count", r->arch);
		m->vocab = (int64_t)r->vocab_tokens;
	}
	m->tied_embeddings = !r->has_output;
	snprintf(m->attention, sizeof(m->attention), "%s",
		 m->kv_heads == m->heads ? "mha" : m->kv_heads == 1 ? "mqa" : "gqa");
	m->sliding_window = m->sliding_layers = CAT_NULL_INT;
	m->moe_intermediate = m->kv_lora_rank = m->q_lora_rank = CAT_NULL_INT;
	m->qk_rope_head_dim = m->qk_nope_head_dim = m->v_head_dim = CAT_NULL_INT;
	if ((k = get(r, "expert_count", &v)) < 0)
		return -1;
	if (k && v > 0) {
		m->moe_experts = v;
		if (req(r, "expert_used_count", &m->moe_top_k) < 0 ||
		    get(r, "expert_shared_count", &m->moe_shared_experts) < 0 ||
		    get(r, "leading_dense_block_count", &m->moe_dense_layers) < 0)
			return -1;
		if ((k = get(r, "expert_feed_forward_length", &m->moe_intermediate)) < 0)
			return -1;
		if (!k && req(r, "feed_forward_length", &m->moe_intermediate) < 0)
			return -1;
		if (!strcmp(r->arch, "llama4")) {
			/* llama.cpp's llama4: layer il has experts when (il + 1) %
			 * step == 0, and one shared expert as wide as the routed */
			int64_t step = 0;

			if (req(r, "interleave_moe_layer_step", &step) < 0)
				return -1;
			if (step > m->layers)
				return err_set(r->err, ERR_PARSE, "llama4.interleave_moe_layer_step %lld: "
					       "more than the %lld layers", (long long)step,
					       (long long)m->layers);
			m->moe_dense_layers = m->layers - m->layers / step;
			m->moe_shared_experts = 1;
		}
		if (m->moe_top_k > m->moe_experts || m->moe_dense_layers > m->layers)
			return err_set(r->err, ERR_PARSE, "%s: expert counts inconsistent", r->arch);
		if (!strcmp(r->arch, "llama")) {
			snprintf(m->architecture, sizeof(m->architecture), "MixtralForCausalLM");
			snprintf(m->model_type, sizeof(m->model_type), "mixtral");
		}
	}
	if (!m->moe_experts && !strcmp(r->arch, "llama4"))
		return err_set(r->err, ERR_PARSE, "llama4.expert_count: missing, and the "
			       "architecture needs it");
	/* the dense FFN: every layer's, or the leading dense layers' */
	if ((k = get(r, "feed_forward_length", &m->intermediate)) < 0)
		return -1;
	if (!k || m->intermediate <= 0) {
		if (!m->moe_experts)
			return req(r, "feed_forward_length", &m->intermediate);
		m->intermediate = m->moe_intermediate;
	}
	if (!strcmp(r->arch, "deepseek2")) {
		int64_t key_len = m->head_dim;

		if (req(r, "attention.kv_lora_rank", &m->kv_lora_rank) < 0 ||
		    req(r, "rope.dimension_count", &m->qk_rope_head_dim) < 0 ||
		    req(r, "attention.value_length", &m->v_head_dim) < 0 ||
		    (k = get(r, "attention.q_lora_rank", &m->q_lora_rank)) < 0)
			return -1;
		if (!k || m->q_lora_rank <= 0)
			m->q_lora_rank = CAT_NULL_INT;
		if (key_len <= m->qk_rope_head_dim)
			return err_set(r->err, ERR_PARSE, "deepseek2.attention.key_length %lld: "
				       "expected more than the rope dimension", (long long)key_len);
		m->qk_nope_head_dim = key_len - m->qk_rope_head_dim;
		snprintf(m->attention, sizeof(m->attention), "mla");
	}
	if ((k = get(r, "attention.sliding_window", &v)) < 0)
		return -1;
	if (!strcmp(r->arch, "llama4")) {
		/* llama.cpp chunks attention in 8192 tokens on all but every
		 * fourth layer whatever the file says, unless it writes 0 */
		if (!k || v > 0) {
			m->sliding_window = 8192;
			m->sliding_layers = m->layers - m->layers / 4;
		}
		return 0;
	}
	if (!strcmp(r->arch, "gemma3") && k && v > 0) {
		/* every pattern-th layer global (llama.cpp: 6 unless the file
		 * gives sliding_window_pattern) */
		int64_t pattern = 6;

		if (get(r, "attention.sliding_window_pattern", &pattern) < 0)
			return -1;
		if (pattern < 1 || pattern > m->layers)
			return err_set(r->err, ERR_PARSE, "gemma3.attention.sliding_window_pattern "
				       "%lld: expected 1 to the %lld layers", (long long)pattern,
				       (long long)m->layers);
		m->sliding_window = v;
		m->sliding_layers = m->layers - m->layers / pattern;
		return 0;
	}
	if (k && v > 0) {
		/* Gemma 2 and gpt-oss alternate sliding and global layers,
		 * the first sliding (transformers Gemma2DecoderLayer, gpt-oss
		 * config layer_types) */
		if (strcmp(r->arch, "gemma2") && strcmp(r->arch, "gpt-oss"))
			return err_set(r->err, ERR_PARSE, "%s.attention.sliding_window: which layers "
				       "slide is not understood for this architecture", r->arch);
		m->sliding_window = v;
		m->sliding_layers = (m->layers + 1) / 2;
	}
	return 0;
}

int bind_gguf_parse(struct bind_gguf *out, const unsigned char *buf, size_t len, int whole,
		    const char *origin, struct err *err)
{
	struct rd *r = xcalloc(1, sizeof(*r));
	struct cat_model *m = &out->model;
	const struct fmt_weight *wf;
	struct llm_spec spec;
	struct llm_parts parts;
	uint64_t nt, nkv;
	uint32_t version;
	double scale;
	size_t i;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	r->p = buf;
	r->len = len;
	r->whole = whole;
	r->err = err;
	if (need(r, 4) < 0 || memcmp(buf, GGUF_MAGIC, 4)) {
		if (len >= 4)
			err_set(err, ERR_PARSE, "not a GGUF file (no GGUF magic)");
		goto out;
	}
	r->off = 4;
	if (u32(r, &version) < 0)
		goto out;
	if (version != 2 && version != 3) {
		err_set(err, ERR_PARSE, "GGUF version %u: expected 2 or 3", version);
		goto out;
	}
	if (u64(r, &nt) < 0 || u64(r, &nkv) < 0)
		goto out;
	if (nt > MAX_COUNT || nkv > MAX_COUNT) {
		err_set(err, ERR_PARSE, "%llu tensors and %llu metadata entries: too many",
			(unsigned long long)nt, (unsigned long long)nkv);
		goto out;
	}
	if (metadata(r, nkv) < 0 || tensors(r, nt, out) < 0)
		goto out;
	if (!r->arch[0]) {
		err_set(err, ERR_PARSE, "general.architecture: missing");
		goto out;
	}
	for (i = 0; i < sizeof(archs) / sizeof(archs[0]) && strcmp(archs[i].arch, r->arch); i++)
		;
	if (i == sizeof(archs) / sizeof(archs[0])) {
		err_set(err, ERR_PARSE, "general.architecture '%s' is not one rigplan understands "
			"(llama, qwen2, qwen3, qwen3moe, gemma2, gemma3, phi3, deepseek2, glm4, gpt-oss, "
			"llama4)",
			r->arch);
		goto out;
	}
	snprintf(m->architecture, sizeof(m->architecture), "%s", archs[i].cls);
	snprintf(m->model_type, sizeof(m->model_type), "%s", archs[i].model_type);
	snprintf(m->family, sizeof(m->family), "%s", archs[i].family);
	if (model_of(r, m) < 0)
		goto out;
	for (i = 0; i < sizeof(ftypes) / sizeof(ftypes[0]) && r->has_file_type &&
		    ftypes[i].ftype != r->file_type; i++)
		;
	if (!r->has_file_type || i == sizeof(ftypes) / sizeof(ftypes[0])) {
		err_set(err, ERR_PARSE, "general.file_type %s: rigplan models F16, Q4_0, Q4_K_M, "
			"Q5_K_M, Q6_K, Q8_0 and MXFP4_MOE files", r->has_file_type ? "is another" :
			"missing");
		goto out;
	}
	snprintf(out->file_type, sizeof(out->file_type), "%s", ftypes[i].name);
	snprintf(m->native_dtype, sizeof(m->native_dtype), "%s", ftypes[i].format);
	/* the layers' scale at which the format's widths give the file's
	 * bytes: exact weights whatever the file's mix of types */
	wf = fmt_weight_find(ftypes[i].format);
	deploy_llm_spec(&spec, m);
	llm_parts(&parts, &spec);
	scale = wf ? mem_layer_scale_for(&spec, wf, out->tensor_bytes) : NAN;
	if (!(scale > 0.5 && scale < 2)) {
		err_set(err, ERR_PARSE, "the tensors hold %.0f bytes, which the shapes the metadata "
			"gives do not account for in %s", out->tensor_bytes, ftypes[i].name);
		goto out;
	}
	m->params_total = parts.total * scale;
	m->params_active = fmin(m->params_total, (parts.active + (m->tied_embeddings ? 0 :
							     parts.embed)) * scale);
	snprintf(m->name, sizeof(m->name), "%s", r->name[0] ? r->name : r->arch);
	snprintf(m->source, sizeof(m->source), "%.255s", origin);
	clock_today_utc(m->as_of);
	rc = 0;
out:
	free(r);
	return rc;
}

/* The file's name without .gguf, as an id. */
static void id_of_path(char *out, size_t size, const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char stem[CAT_NAME_MAX];
	size_t len = strlen(base);

	if (len > 5 && !strcmp(base + len - 5, ".gguf"))
		len -= 5;
	snprintf(stem, sizeof(stem), "%.*s", (int)len, base);
	bind_model_id(out, size, stem);
}

int bind_gguf_read(struct bind_gguf *out, const char *path, struct err *err)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	size_t n;
	int whole, r;
	char origin[CAT_SOURCE_MAX];

	memset(out, 0, sizeof(*out));
	if (!f)
		return err_set(err, ERR_IO, "%.200s: cannot open", path);
	buf = xmalloc(BIND_GGUF_HEADER_MAX);
	n = fread(buf, 1, BIND_GGUF_HEADER_MAX, f);
	whole = n < BIND_GGUF_HEADER_MAX && feof(f);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return err_set(err, ERR_IO, "%.200s: cannot read", path);
	}
	fclose(f);
	snprintf(origin, sizeof(origin), "imported from %.200s (GGUF header)", path);
	r = bind_gguf_parse(out, buf, n, whole, origin, err);
	free(buf);
	if (r < 0)
		return err_prefix(err, "%.200s", path);
	id_of_path(out->model.id, sizeof(out->model.id), path);
	if (!out->model.id[0])
		snprintf(out->model.id, sizeof(out->model.id), "gguf");
	return 0;
}
