/*
 * t_gguf.c - GGUF headers written here (a small writer of ggml's layout,
 * docs/gguf.md) and read by bind/gguf.c: the hyperparameters and the
 * tensors' bytes of files of each modelled type, worked by hand; then
 * every truncation of a valid file, and hostile headers (huge counts,
 * lengths past the end, wrong magic or version, unknown types, too many
 * dimensions): ERR_PARSE, one line, never a crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/gguf.h"
#include "tests/testlib.h"
#include "util/err.h"

struct w {
	unsigned char b[1 << 16];
	size_t n;
	uint64_t tensors, kvs;
	size_t at_counts;
};

static void put(struct w *w, const void *p, size_t n)
{
	if (w->n + n <= sizeof(w->b)) {
		memcpy(w->b + w->n, p, n);
		w->n += n;
	}
}

static void u32(struct w *w, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			       (unsigned char)(v >> 24) };

	put(w, b, 4);
}

static void u64(struct w *w, uint64_t v)
{
	u32(w, (uint32_t)v);
	u32(w, (uint32_t)(v >> 32));
}

static void str(struct w *w, const char *s)
{
	u64(w, strlen(s));
	put(w, s, strlen(s));
}

/* magic, version, then counts patched in by done() */
static void begin(struct w *w, uint32_t version)
{
	memset(w, 0, sizeof(*w));
	put(w, "GGUF", 4);
	u32(w, version);
	w->at_counts = w->n;
	u64(w, 0);
	u64(w, 0);
}

static void done(struct w *w)
{
	size_t end = w->n;

	w->n = w->at_counts;
	u64(w, w->tensors);
	u64(w, w->kvs);
	w->n = end;
}

static void kv_u32(struct w *w, const char *k, uint32_t v)
{
	str(w, k);
	u32(w, 4);
	u32(w, v);
	w->kvs++;
}

static void kv_str(struct w *w, const char *k, const char *v)
{
	str(w, k);
	u32(w, 8);
	str(w, v);
	w->kvs++;
}

/* tokenizer.ggml.tokens: n short strings */
static void kv_tokens(struct w *w, uint64_t n)
{
	uint64_t i;

	str(w, "tokenizer.ggml.tokens");
	u32(w, 9);
	u32(w, 8);
	u64(w, n);
	for (i = 0; i < n; i++)
		str(w, "t");
	w->kvs++;
}

static void tensor(struct w *w, const char *name, uint64_t d0, uint64_t d1, uint32_t type)
{
	str(w, name);
	u32(w, d1 ? 2 : 1);
	u64(w, d0);
	if (d1)
		u64(w, d1);
	u32(w, type);
	u64(w, 0);
	w->tensors++;
}

enum { F32 = 0, F16 = 1, Q4_K = 12, Q6_K = 14, MXFP4 = 39 };

/*
 * A two-layer Llama in Q4_K_M's mix (attn_v and ffn_down in Q6_K, the
 * output head Q6_K, norms F32): hidden 256, FFN 512, 4 heads of 64, 2 KV
 * heads, 1000 tokens.  Bytes, Q4_K 144 per 256 weights, Q6_K 210:
 * token_embd 256 x 1000 Q4_K 144,000; output Q6_K 210,000; output_norm
 * 1,024; per layer attn_q 36,864, attn_k 18,432, attn_v 26,880,
 * attn_output 36,864, gate and up 73,728 each, down 107,520, two norms
 * 2,048: 376,064, x 2 = 752,128.  Total 1,107,152 bytes of 1,692,928
 * elements.
 */
static void llama_file(struct w *w)
{
	int l;

	begin(w, 3);
	kv_str(w, "general.architecture", "llama");
	kv_str(w, "general.name", "Mini Llama");
	kv_u32(w, "general.file_type", 15);
	kv_u32(w, "llama.block_count", 2);
	kv_u32(w, "llama.embedding_length", 256);
	kv_u32(w, "llama.feed_forward_length", 512);
	kv_u32(w, "llama.attention.head_count", 4);
	kv_u32(w, "llama.attention.head_count_kv", 2);
	kv_u32(w, "llama.context_length", 8192);
	kv_u32(w, "clip.vision.block_count", 27);   /* a vision tower's, not the model's */
	kv_tokens(w, 1000);
	tensor(w, "token_embd.weight", 256, 1000, Q4_K);
	tensor(w, "output.weight", 256, 1000, Q6_K);
	tensor(w, "output_norm.weight", 256, 0, F32);
	for (l = 0; l < 2; l++) {
		char n[64];

#define T(name, a, b, t) (snprintf(n, sizeof(n), "blk.%d." name, l), tensor(w, n, a, b, t))
		T("attn_norm.weight", 256, 0, F32);
		T("attn_q.weight", 256, 256, Q4_K);
		T("attn_k.weight", 256, 128, Q4_K);
		T("attn_v.weight", 256, 128, Q6_K);
		T("attn_output.weight", 256, 256, Q4_K);
		T("ffn_norm.weight", 256, 0, F32);
		T("ffn_gate.weight", 256, 512, Q4_K);
		T("ffn_up.weight", 256, 512, Q4_K);
		T("ffn_down.weight", 512, 256, Q6_K);
#undef T
	}
	done(w);
}

static void llama(void)
{
	static struct w w;
	struct bind_gguf g;
	struct err err = ERR_INIT;
	size_t cut;
	int bad = 0;

	llama_file(&w);
	if (!test_ok(bind_gguf_parse(&g, w.b, w.n, 1, "test", &err) == 0, "mini llama: %s",
		     err.msg))
		return;
	test_str(g.model.architecture, "LlamaForCausalLM", "... LlamaForCausalLM");
	test_int(g.model.layers, 2, "... 2 layers");
	test_int(g.model.kv_heads, 2, "... 2 KV heads");
	test_int(g.model.head_dim, 64, "... head size 256 / 4");
	test_int(g.model.vocab, 1000, "... 1000 tokens, counted from the tokenizer");
	test_int(g.model.tied_embeddings, 0, "... untied: the file has output.weight");
	test_str(g.model.native_dtype, "gguf-q4_k_m", "... file type 15 is Q4_K_M");
	test_str(g.file_type, "Q4_K_M", "... named so");
	test_rel(g.tensor_bytes, 1107152, 1e-15, "... 1,107,152 bytes of tensors");
	test_rel(g.elements, 1692928, 1e-15, "... 1,692,928 elements");
	/* every truncation: an error naming the byte, never a crash */
	for (cut = 0; cut < w.n; cut++) {
		struct err e = ERR_INIT;

		if (bind_gguf_parse(&g, w.b, cut, 1, "test", &e) == 0 || e.code != ERR_PARSE ||
		    strchr(e.msg, '\n'))
			bad++;
	}
	test_int(bad, 0, "every one of the %zu truncations: ERR_PARSE on one line", w.n);
	/* the same prefix, from a file larger than what was read */
	test_ok(bind_gguf_parse(&g, w.b, w.n / 2, 0, "test", &err) < 0 &&
		strstr(err.msg, "runs past the first 64 MiB"), "a header past the read: %s", err.msg);
}

/*
 * gpt-oss in MXFP4: 2 layers of hidden 64, 4 experts (2 used) of 64,
 * 4 heads of 16 and 2 KV heads, a 128-token window on every other layer.
 * Experts 3 x 64 x 64 x 4 = 49,152 weights a layer in MXFP4 (17 bytes per
 * 32: 26,112); attention 2 x 64 x 64 + 2 x 64 x 32 = 12,288 weights F16
 * (24,576) and the router 64 x 4 F32 (1,024); embeddings and head 64 x 512
 * F16 (65,536 each).  Total 131,072 + 2 x 51,712 = 234,496 bytes.
 */
static void gpt_oss(void)
{
	static struct w w;
	struct bind_gguf g;
	struct err err = ERR_INIT;
	int l;

	begin(&w, 3);
	kv_str(&w, "general.architecture", "gpt-oss");
	kv_u32(&w, "general.file_type", 38);
	kv_u32(&w, "gpt-oss.block_count", 2);
	kv_u32(&w, "gpt-oss.embedding_length", 64);
	kv_u32(&w, "gpt-oss.feed_forward_length", 64);
	kv_u32(&w, "gpt-oss.expert_feed_forward_length", 64);
	kv_u32(&w, "gpt-oss.expert_count", 4);
	kv_u32(&w, "gpt-oss.expert_used_count", 2);
	kv_u32(&w, "gpt-oss.attention.head_count", 4);
	kv_u32(&w, "gpt-oss.attention.head_count_kv", 2);
	kv_u32(&w, "gpt-oss.attention.key_length", 16);
	kv_u32(&w, "gpt-oss.attention.sliding_window", 128);
	kv_u32(&w, "gpt-oss.context_length", 4096);
	kv_u32(&w, "gpt-oss.vocab_size", 512);
	tensor(&w, "token_embd.weight", 64, 512, F16);
	tensor(&w, "output.weight", 64, 512, F16);
	for (l = 0; l < 2; l++) {
		char n[64];

		snprintf(n, sizeof(n), "blk.%d.attn.weight", l);
		tensor(&w, n, 64, 192, F16);
		snprintf(n, sizeof(n), "blk.%d.ffn_gate_inp.weight", l);
		tensor(&w, n, 64, 4, F32);
		snprintf(n, sizeof(n), "blk.%d.ffn_experts.weight", l);
		tensor(&w, n, 64 * 64, 12, MXFP4);
	}
	done(&w);
	if (!test_ok(bind_gguf_parse(&g, w.b, w.n, 1, "test", &err) == 0, "gpt-oss: %s", err.msg))
		return;
	test_str(g.model.native_dtype, "gguf-mxfp4", "... MXFP4_MOE is gguf-mxfp4");
	test_int(g.model.moe_experts, 4, "... 4 experts");
	test_int(g.model.sliding_layers, 1, "... 1 of 2 layers slides");
	test_rel(g.tensor_bytes, 234496, 1e-15, "... 234,496 bytes of tensors");
}

/*
 * A small F16 file of `arch` (hidden 64, 4 heads of 16, 1 KV head, FFN
 * 128, 256 tokens), `extra` keys more, and one tensor a layer holding its
 * weights: attention 2 x 64 x 64 + 2 x 64 x 16 = 10,240; a dense FFN 3 x
 * 64 x 128 = 24,576 (34,816 a layer, 64 x 544); under Llama 4's keys below,
 * a layer with experts has a router 64 x 8, a shared and 8 routed experts
 * of 3 x 64 x 32 = 6,144: 55,808, and 66,048 with attention (64 x 1032),
 * every second layer.
 */
static void small_file(struct w *w, const char *arch, int layers, int output,
		       void (*extra)(struct w *w))
{
	char k[96];
	int l;

	begin(w, 3);
	kv_str(w, "general.architecture", arch);
	kv_u32(w, "general.file_type", 1);
#define KV(name, v) (snprintf(k, sizeof(k), "%s." name, arch), kv_u32(w, k, v))
	KV("block_count", (uint32_t)layers);
	KV("embedding_length", 64);
	KV("feed_forward_length", 128);
	KV("attention.head_count", 4);
	KV("attention.head_count_kv", 1);
	KV("context_length", 4096);
	KV("vocab_size", 256);
#undef KV
	if (extra)
		extra(w);
	tensor(w, "token_embd.weight", 64, 256, F16);
	if (output)
		tensor(w, "output.weight", 64, 256, F16);
	for (l = 0; l < layers; l++) {
		int moe = !strcmp(arch, "llama4") && (l + 1) % 2 == 0;

		snprintf(k, sizeof(k), "blk.%d.attn_q.weight", l);
		tensor(w, k, 64, moe ? 1032 : 544, F16);
	}
	done(w);
}

static void gemma3_keys(struct w *w)
{
	kv_u32(w, "gemma3.attention.sliding_window", 512);
}

static void gemma3_pattern(struct w *w)
{
	kv_u32(w, "gemma3.attention.sliding_window", 512);
	kv_u32(w, "gemma3.attention.sliding_window_pattern", 4);
}

static void llama4_keys(struct w *w)
{
	kv_u32(w, "llama4.expert_count", 8);
	kv_u32(w, "llama4.expert_used_count", 1);
	kv_u32(w, "llama4.expert_feed_forward_length", 32);
	kv_u32(w, "llama4.interleave_moe_layer_step", 2);
}

static void llama4_unchunked(struct w *w)
{
	llama4_keys(w);
	kv_u32(w, "llama4.attention.sliding_window", 0);
}

/*
 * Gemma 3 and Llama 4 as llama.cpp reads them.  Gemma 3: every sixth
 * layer global unless the file gives sliding_window_pattern: 12 layers
 * with a window of 512 slide on 10, with a pattern of 4 on 9; no output
 * tensor: the head is the embedding.  Llama 4: a layer has experts when
 * (il + 1) % interleave_moe_layer_step == 0 (step 2: 2 of 4), one shared
 * expert as wide as the routed; chunks of 8192 on all but every fourth
 * layer (3 of 4) whatever the file says, none when it writes 0.
 */
static void gemma3_llama4(void)
{
	static struct w w;
	struct bind_gguf g;
	struct err err = ERR_INIT;

	small_file(&w, "gemma3", 12, 0, gemma3_keys);
	if (test_ok(bind_gguf_parse(&g, w.b, w.n, 1, "test", &err) == 0, "gemma3: %s", err.msg)) {
		test_str(g.model.architecture, "Gemma3ForCausalLM", "... Gemma3ForCausalLM");
		test_int(g.model.sliding_window, 512, "... a window of 512");
		test_int(g.model.sliding_layers, 10, "... on 10 of 12 layers");
		test_int(g.model.tied_embeddings, 1, "... no output tensor: tied");
	}
	small_file(&w, "gemma3", 12, 0, gemma3_pattern);
	if (test_ok(bind_gguf_parse(&g, w.b, w.n, 1, "test", &err) == 0, "gemma3, pattern 4: %s",
		    err.msg))
		test_int(g.model.sliding_layers, 9, "... 9 of 12 layers slide");
	small_file(&w, "llama4", 4, 1, llama4_keys);
	if (test_ok(bind_gguf_parse(&g, w.b, w.n, 1, "test", &err) == 0, "llama4: %s", err.msg)) {
		test_str(g.model.architecture, "Llama4ForConditionalGeneration", "... its class");
		test_int(g.model.moe_dense_layers, 2, "... 2 of 4 layers dense (step 2)");
		test_int(g.model.moe_shared_experts, 1, "... a shared expert");
		test_int(g.model.moe_intermediate, 32, "... experts 32 wide");
		test_int(g.model.intermediate, 128, "... dense FFNs 128");
		test_int(g.model.sliding_window, 8192, "... chunks of 8192");
		test_int(g.model.sliding_layers, 3, "... on 3 of 4 layers");
	}
	small_file(&w, "llama4", 4, 1, llama4_unchunked);
	if (test_ok(bind_gguf_parse(&g, w.b, w.n, 1, "test", &err) == 0, "llama4, window 0: %s",
		    err.msg))
		test_ok(g.model.sliding_window == CAT_NULL_INT, "... no chunks");
	small_file(&w, "llama4", 4, 1, NULL);
	test_ok(bind_gguf_parse(&g, w.b, w.n, 1, "test", &err) < 0 &&
		strstr(err.msg, "llama4.expert_count"), "llama4 without experts: refused (%s)",
		err.msg);
}

/* Hostile headers: each refused with ERR_PARSE naming the problem. */
static void hostile(void)
{
	static struct w w;
	struct bind_gguf g;
	size_t i;

	for (i = 0; i < 11; i++) {
		struct err err = ERR_INIT;
		const char *want = "";

		begin(&w, 3);
		switch (i) {
		case 0:
			w.b[0] = 'X';
			want = "no GGUF magic";
			break;
		case 1:
			w.b[4] = 1;
			want = "version 1";
			break;
		case 2:
			w.tensors = (uint64_t)1 << 60;
			want = "too many";
			break;
		case 3:   /* a key length past the end */
			u64(&w, (uint64_t)1 << 62);
			w.kvs = 1;
			want = "bytes needed";
			break;
		case 4:
			str(&w, "x.y");
			u32(&w, 99);
			w.kvs = 1;
			want = "value type 99";
			break;
		case 5:   /* an array of u64 claiming 2^61 elements */
			str(&w, "x.y");
			u32(&w, 9);
			u32(&w, 10);
			u64(&w, (uint64_t)1 << 61);
			w.kvs = 1;
			want = "bytes needed";
			break;
		case 6:
			kv_str(&w, "general.architecture", "llama");
			tensor(&w, "a", 32, 0, 31);
			want = "ggml type 31";
			break;
		case 7:
			kv_str(&w, "general.architecture", "llama");
			str(&w, "a");
			u32(&w, 5);
			w.tensors = 1;
			want = "5 dimensions";
			break;
		case 8:
			kv_str(&w, "general.architecture", "llama");
			tensor(&w, "a", (uint64_t)1 << 39, (uint64_t)1 << 39, F32);
			want = "too large";
			break;
		case 9:
			kv_str(&w, "general.architecture", "mamba");
			want = "general.architecture 'mamba'";
			break;
		case 10:
			kv_str(&w, "general.architecture", "llama");
			kv_u32(&w, "general.file_type", 12);
			kv_u32(&w, "llama.block_count", 2);
			kv_u32(&w, "llama.embedding_length", 64);
			kv_u32(&w, "llama.feed_forward_length", 64);
			kv_u32(&w, "llama.attention.head_count", 4);
			kv_u32(&w, "llama.context_length", 64);
			kv_u32(&w, "llama.vocab_size", 64);
			want = "general.file_type is another";
			break;
		}
		done(&w);
		test_ok(bind_gguf_parse(&g, w.b, w.n, 1, "test", &err) < 0 && err.code == ERR_PARSE &&
			strstr(err.msg, want) && !strchr(err.msg, '\n'),
			"hostile header %zu: '%s': %s", i, want, err.msg);
	}
}

int main(void)
{
	llama();
	gpt_oss();
	gemma3_llama4();
	hostile();
	return test_done();
}
