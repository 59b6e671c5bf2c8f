/*
 * t_hfconfig.c - models read from their published config.json files
 * (tests/fixtures/hf, sources in SOURCES.md): every dimension as the file
 * gives it, and parameter counts worked by hand from the shapes
 * (models/llm.c: attention q/k/v/o, SwiGLU FFN 3 x hidden x width, the
 * router hidden x experts; norms and biases left out).  Then hostile and
 * incomplete files: one-line errors naming the field, never a crash.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "bind/deploy.h"
#include "bind/hfconfig.h"
#include "models/llm.h"
#include "tests/testlib.h"
#include "util/err.h"
#include "util/fileio.h"

static int load(struct cat_model *m, const char *name, struct err *err)
{
	char path[256];

	snprintf(path, sizeof(path), "tests/fixtures/hf/%s", name);
	return bind_model_from_path(m, path, err);
}

static double kv_values(const struct cat_model *m)
{
	struct llm_spec s;

	deploy_llm_spec(&s, m);
	return llm_kv_values_per_token_layer(&s);
}

/*
 * Llama 3.1 8B: embeddings 128256 x 4096 = 525,336,576, twice (untied);
 * per layer attention 2 x 4096 x 4096 + 2 x 4096 x 1024 = 41,943,040 and
 * FFN 3 x 4096 x 14336 = 176,160,768, x 32 = 6,979,321,856; total
 * 8,029,995,008.  KV: 2 x 8 heads x 128 = 2048 values per token and layer.
 */
static void llama(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (!test_ok(load(&m, "meta-llama--Llama-3.1-8B-Instruct.config.json", &err) == 0,
		     "llama 3.1 8B: %s", err.msg))
		return;
	test_str(m.architecture, "LlamaForCausalLM", "... architecture");
	test_str(m.attention, "gqa", "... grouped-query attention");
	test_int(m.max_context, 131072, "... context");
	test_rel(m.params_total, 8029995008.0, 1e-12, "... 8,029,995,008 parameters");
	test_rel(m.params_active, m.params_total, 1e-12, "... all active (dense)");
	test_rel(kv_values(&m), 2048, 1e-12, "... 2048 KV values per token and layer");
	test_str(m.native_dtype, "bf16", "... bf16");
	test_ok(m.sliding_window == CAT_NULL_INT, "... no sliding window");
}

/*
 * Mixtral 8x7B: embeddings 32000 x 4096 = 131,072,000, twice; attention
 * 41,943,040 as Llama 8B; 8 experts of 3 x 4096 x 14336 = 176,160,768 and
 * a router of 4096 x 8 = 32,768: 1,451,261,952 a layer, x 32 =
 * 46,440,382,464; total 46,702,526,464.  Active: 2 experts, 394,297,344 a
 * layer x 32 = 12,617,515,008, plus both embeddings: 12,879,659,008.
 */
static void mixtral(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (!test_ok(load(&m, "mistralai--Mixtral-8x7B-v0.1.config.json", &err) == 0,
		     "mixtral 8x7b: %s", err.msg))
		return;
	test_int(m.moe_experts, 8, "... 8 experts");
	test_int(m.moe_top_k, 2, "... 2 per token");
	test_rel(m.params_total, 46702526464.0, 1e-12, "... 46,702,526,464 parameters");
	test_rel(m.params_active, 12879659008.0, 1e-12, "... 12,879,659,008 active");
	test_ok(m.sliding_window == CAT_NULL_INT, "... sliding_window null: none");
}

/*
 * Qwen3-30B-A3B: attention 2 x 2048 x 32 x 128 + 2 x 2048 x 4 x 128 =
 * 18,874,368; 128 experts of 3 x 2048 x 768 = 4,718,592 (603,979,776) and
 * a router of 2048 x 128 = 262,144: 623,116,288 a layer, x 48 =
 * 29,909,581,824; embeddings 151936 x 2048 = 311,164,928, twice; total
 * 30,531,911,680.
 */
static void qwen_moe(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (!test_ok(load(&m, "Qwen--Qwen3-30B-A3B.config.json", &err) == 0, "qwen3 30b-a3b: %s",
		     err.msg))
		return;
	test_int(m.moe_intermediate, 768, "... experts 768 wide");
	test_int(m.head_dim, 128, "... head_dim as the file gives it (not 2048 / 32)");
	test_rel(m.params_total, 30531911680.0, 1e-12, "... 30,531,911,680 parameters");
	test_ok(m.sliding_window == CAT_NULL_INT, "... use_sliding_window false: none");
}

/*
 * DeepSeek-V3, multi-head latent attention: q 7168 x 1536 + 1536 x 128 x
 * 192 = 48,758,784; kv down 7168 x (512 + 64) = 4,128,768; kv up 512 x 128
 * x 256 = 16,777,216; o 128 x 128 x 7168 = 117,440,512: 187,105,280 a
 * layer.  3 dense layers of 3 x 7168 x 18432 = 396,361,728; 58 sparse
 * ones of 256 routed experts and 1 shared of 3 x 7168 x 2048 = 44,040,192
 * and a router of 7168 x 256: 11,320,164,352.  Embeddings 129280 x 7168,
 * twice: 1,853,358,080.  Total 671,025,397,760.  KV: 512 + 64 values.
 */
static void deepseek(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (!test_ok(load(&m, "deepseek-ai--DeepSeek-V3.config.json", &err) == 0,
		     "deepseek v3: %s", err.msg))
		return;
	test_str(m.attention, "mla", "... latent attention");
	test_int(m.moe_dense_layers, 3, "... 3 dense layers first");
	test_int(m.moe_shared_experts, 1, "... 1 shared expert");
	test_str(m.native_dtype, "fp8", "... fp8 as published");
	test_rel(m.params_total, 671025397760.0, 1e-12, "... 671,025,397,760 parameters");
	test_rel(kv_values(&m), 576, 1e-12, "... 576 KV values per token and layer");
}

/*
 * Gemma 2 9B: attention 2 x 3584 x 16 x 256 + 2 x 3584 x 8 x 256 =
 * 44,040,192; FFN 3 x 3584 x 14336 = 154,140,672; x 42 = 8,323,596,288;
 * tied embeddings 256000 x 3584 = 917,504,000; total 9,241,100,288.  Its
 * index's 18,483,411,968 bytes are 9,241,705,984 bf16 parameters: the
 * shapes plus the 4 norms of 3584 in each of 42 layers and the final one
 * (605,696).  Every other layer slides over 4096 tokens: 21.
 */
static void gemma(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (!test_ok(load(&m, "google--gemma-2-9b-it.config.json", &err) == 0, "gemma 2 9b: %s",
		     err.msg))
		return;
	test_rel(m.params_total, 9241100288.0, 1e-12, "... 9,241,100,288 from the shapes");
	test_int(m.tied_embeddings, 1, "... tied embeddings");
	test_int(m.sliding_window, 4096, "... a 4096-token window");
	test_int(m.sliding_layers, 21, "... on 21 of 42 layers");
	if (test_ok(load(&m, "gemma-2-9b-it", &err) == 0, "gemma folder with its index: %s",
		    err.msg)) {
		test_rel(m.params_total, 9241705984.0, 1e-12, "... 9,241,705,984 from the index");
		test_str(m.id, "gemma-2-9b-it", "... named by its folder");
	}
}

/*
 * gpt-oss-20b: attention 2 x 2880 x 64 x 64 + 2 x 2880 x 8 x 64 =
 * 26,542,080; 32 experts of 3 x 2880 x 2880 = 24,883,200 and a router of
 * 2880 x 32 = 92,160: 822,896,640 a layer, x 24 = 19,749,519,360;
 * embeddings 201088 x 2880, twice: 1,158,266,880; total 20,907,786,240.
 * layer_types alternate: 12 sliding layers of a 128-token window; MXFP4.
 */
static void gpt_oss(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (!test_ok(load(&m, "openai--gpt-oss-20b.config.json", &err) == 0, "gpt-oss-20b: %s",
		     err.msg))
		return;
	test_rel(m.params_total, 20907786240.0, 1e-12, "... 20,907,786,240 parameters");
	test_int(m.sliding_window, 128, "... a 128-token window");
	test_int(m.sliding_layers, 12, "... on 12 of 24 layers");
	test_str(m.native_dtype, "mxfp4", "... MXFP4 as published");
	test_str(m.id, "openai-gpt-oss-20b", "... named by its file");
}

/*
 * Phi-4 (CRLF line ends): attention 2 x 5120 x 40 x 128 + 2 x 5120 x 10 x
 * 128 = 65,536,000; FFN 3 x 5120 x 17920 = 275,251,200; x 40 =
 * 13,631,488,000; embeddings 100352 x 5120, twice: 1,027,604,480; total
 * 14,659,092,480.
 */
static void phi(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (!test_ok(load(&m, "microsoft--phi-4.config.json", &err) == 0, "phi-4: %s", err.msg))
		return;
	test_rel(m.params_total, 14659092480.0, 1e-12, "... 14,659,092,480 parameters");
	test_str(m.family, "phi", "... family phi");
}

/* Hostile and incomplete files: ERR_PARSE with one line naming what is
 * wrong. */
/*
 * Gemma 3 leans on its class's defaults.  google/gemma-3-27b-it's
 * text_config names no vocabulary, context, window pattern or tying:
 * Gemma3TextConfig gives 262208, 131072, 6 and true.  Attention 2 x 5376
 * x 32 x 128 + 2 x 5376 x 16 x 128 = 66,060,288 and FFN 3 x 5376 x 21504
 * = 346,816,512: 412,876,800 a layer, x 62 = 25,598,361,600; embeddings
 * 262208 x 5376 = 1,409,630,208, tied; total 27,007,991,808.  Layer i is
 * global when (i + 1) % 6 == 0: 10 of 62, so 52 slide over 1024 tokens.
 * gemma-3-1b-it gives every field: attention 2 x 1152 x 4 x 256 + 2 x
 * 1152 x 1 x 256 = 2,949,120, FFN 3 x 1152 x 6912 = 23,887,872, x 26 =
 * 697,761,792, plus 262144 x 1152 = 301,989,888: 999,751,680; 22 of 26
 * layers slide over 512.
 */
static void gemma3(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (test_ok(load(&m, "google--gemma-3-27b-it.config.json", &err) == 0,
		    "gemma 3 27b: %s", err.msg)) {
		test_int(m.vocab, 262208, "... the class's vocabulary");
		test_int(m.max_context, 131072, "... and context");
		test_int(m.tied_embeddings, 1, "... and tied head");
		test_rel(m.params_total, 27007991808.0, 1e-12, "... 27,007,991,808 parameters");
		test_int(m.sliding_window, 1024, "... a 1024-token window");
		test_int(m.sliding_layers, 52, "... on 52 of 62 layers (pattern 6)");
		test_rel(kv_values(&m), 4096, 1e-12, "... 4096 KV values per token and layer");
	}
	if (test_ok(load(&m, "google--gemma-3-1b-it.config.json", &err) == 0,
		    "gemma 3 1b: %s", err.msg)) {
		test_str(m.architecture, "Gemma3ForCausalLM", "... its own class");
		test_str(m.attention, "mqa", "... one KV head");
		test_rel(m.params_total, 999751680.0, 1e-12, "... 999,751,680 parameters");
		test_int(m.sliding_layers, 22, "... 22 of 26 layers slide");
		test_int(m.sliding_window, 512, "... over 512 tokens");
	}
}

/* A fixture with one text_config field removed, read as a config. */
static int load_without(struct cat_model *m, const char *name, const char *key,
			struct err *err)
{
	char path[256], *text;
	json_t *doc;
	int r;

	snprintf(path, sizeof(path), "tests/fixtures/hf/%s", name);
	if (!(doc = json_load_file(path, 0, NULL)))
		return err_set(err, ERR_IO, "cannot read %s", path);
	json_object_del(json_object_get(doc, "text_config"), key);
	text = json_dumps(doc, 0);
	r = bind_model_from_config(m, text, strlen(text), 0, "test", err);
	free(text);
	json_decref(doc);
	return r;
}

/*
 * Llama 4, from AWS Neuron's published 4-layer test configs of Scout and
 * Maverick (no full config.json of either was found stored; SOURCES.md).
 * Attention 2 x 5120 x 40 x 128 + 2 x 5120 x 8 x 128 = 62,914,560; an
 * expert, the shared one too, 3 x 5120 x 8192 = 125,829,120; a dense FFN
 * 3 x 5120 x 16384 = 251,658,240; embeddings 202048 x 5120 =
 * 1,034,485,760, untied (Llama4TextConfig).
 *   Scout, 16 experts on every layer: 5120 x 16 + 17 x 125,829,120 =
 *   2,139,176,960 a layer.  4 layers: 4 x (62,914,560 + 2,139,176,960) +
 *   2 x 1,034,485,760 = 10,877,337,600; active (one routed, the shared)
 *   2 x 1,034,485,760 + 4 x (62,914,560 + 81,920 + 2 x 125,829,120) =
 *   3,327,590,400.  Without num_hidden_layers the class's 48:
 *   107,769,364,480 and 17,172,398,080 active, as Meta's 109B / 17B
 *   (the vision tower is not counted).  Chunks of 8192 on all but every
 *   fourth layer: 3 of 4, 36 of 48.
 *   Maverick, 128 experts every second layer (interleave_moe_layer_step 2:
 *   layers 1, 3, ...): 5120 x 128 + 129 x 125,829,120 = 16,232,611,840 a
 *   MoE layer.  4 layers: 4 x 62,914,560 + 2 x 251,658,240 + 2 x
 *   16,232,611,840 + 2,068,971,520 = 35,289,169,920; at 48 layers
 *   400,711,352,320, and 17,184,194,560 active.
 */
static void llama4(void)
{
	struct cat_model m;
	struct err err = ERR_INIT;

	if (test_ok(load(&m, "aws-neuron--llama4-scout-4layer.config.json", &err) == 0,
		    "llama 4 scout (4 layers): %s", err.msg)) {
		test_str(m.architecture, "Llama4ForConditionalGeneration", "... its class");
		test_int(m.moe_experts, 16, "... 16 experts");
		test_int(m.moe_shared_experts, 1, "... and a shared one");
		test_int(m.moe_intermediate, 8192, "... 8192 wide");
		test_int(m.moe_dense_layers, 0, "... on every layer");
		test_int(m.tied_embeddings, 0, "... an untied head (the class's default)");
		test_rel(m.params_total, 10877337600.0, 1e-12, "... 10,877,337,600 parameters");
		test_rel(m.params_active, 3327590400.0, 1e-12, "... 3,327,590,400 active");
		test_int(m.sliding_window, 8192, "... chunks of 8192");
		test_int(m.sliding_layers, 3, "... on 3 of 4 layers");
	}
	if (test_ok(load_without(&m, "aws-neuron--llama4-scout-4layer.config.json",
				 "num_hidden_layers", &err) == 0, "scout at the class's 48 layers: %s",
		    err.msg)) {
		test_rel(m.params_total, 107769364480.0, 1e-12, "... 107,769,364,480 parameters");
		test_rel(m.params_active, 17172398080.0, 1e-12, "... 17,172,398,080 active");
		test_int(m.sliding_layers, 36, "... 36 chunked layers");
	}
	if (test_ok(load(&m, "aws-neuron--llama4-maverick-4layer.config.json", &err) == 0,
		    "llama 4 maverick (4 layers): %s", err.msg)) {
		test_int(m.moe_experts, 128, "... 128 experts");
		test_int(m.moe_dense_layers, 2, "... every second layer dense");
		test_int(m.intermediate, 16384, "... 16384 wide");
		test_rel(m.params_total, 35289169920.0, 1e-12, "... 35,289,169,920 parameters");
	}
	if (test_ok(load_without(&m, "aws-neuron--llama4-maverick-4layer.config.json",
				 "num_hidden_layers", &err) == 0, "maverick at 48 layers: %s",
		    err.msg)) {
		test_rel(m.params_total, 400711352320.0, 1e-12, "... 400,711,352,320 parameters");
		test_rel(m.params_active, 17184194560.0, 1e-12, "... 17,184,194,560 active");
	}
}

static void bad(void)
{
	static const struct {
		const char *json, *want;
	} cases[] = {
		{ "", "line 1" },
		{ "[1]", "expected an object" },
		{ "{\"architectures\": [\"X\"]}", "model_type: missing" },
		{ "{\"model_type\": \"mamba\", \"architectures\": [\"MambaForCausalLM\"]}",
		  "model_type 'mamba'" },
		{ "{\"model_type\": \"llama\"}", "architectures" },
		{ "{\"model_type\": \"llama\", \"architectures\": [\"L\"], \"num_hidden_layers\": 2}",
		  "hidden_size: missing" },
		{ "{\"model_type\": \"llama\", \"architectures\": [\"L\"], \"num_hidden_layers\": -1}",
		  "num_hidden_layers: expected an integer" },
		{ "{\"model_type\": \"llama\", \"architectures\": [\"L\"], \"num_hidden_layers\": 2,"
		  " \"hidden_size\": 64, \"intermediate_size\": 128, \"num_attention_heads\": 4,"
		  " \"num_key_value_heads\": 8, \"vocab_size\": 100, \"max_position_embeddings\": 64,"
		  " \"torch_dtype\": \"bfloat16\"}", "num_key_value_heads: expected an integer from 1 to 4" },
		{ "{\"model_type\": \"llama\", \"architectures\": [\"L\"], \"num_hidden_layers\": 2,"
		  " \"hidden_size\": 64, \"intermediate_size\": 128, \"num_attention_heads\": 4,"
		  " \"vocab_size\": 100, \"max_position_embeddings\": 64,"
		  " \"torch_dtype\": \"float32\"}", "torch_dtype 'float32'" },
		{ "{\"model_type\": \"llama\", \"architectures\": [\"L\"], \"num_hidden_layers\": 2,"
		  " \"hidden_size\": 64, \"intermediate_size\": 128, \"num_attention_heads\": 4,"
		  " \"vocab_size\": 100, \"max_position_embeddings\": 64, \"torch_dtype\": \"float16\","
		  " \"quantization_config\": {\"quant_method\": \"awq\"}}", "quant_method 'awq'" },
		{ "{\"model_type\": \"gpt_oss\", \"architectures\": [\"G\"], \"num_hidden_layers\": 2,"
		  " \"hidden_size\": 64, \"intermediate_size\": 128, \"num_attention_heads\": 4,"
		  " \"vocab_size\": 100, \"max_position_embeddings\": 64, \"torch_dtype\": \"bfloat16\","
		  " \"num_local_experts\": 4, \"num_experts_per_tok\": 9}", "num_experts_per_tok" },
		{ "{\"model_type\": \"llama\", \"model_type\": \"llama\"}", "duplicate" },
		{ "{\"model_type\": \"llama4\", \"architectures\": [\"L\"], \"torch_dtype\": "
		  "\"bfloat16\", \"text_config\": {\"num_hidden_layers\": 4, \"moe_layers\": [9]}}",
		  "moe_layers[0]" },
		{ "{\"model_type\": \"llama4\", \"architectures\": [\"L\"], \"torch_dtype\": "
		  "\"bfloat16\", \"text_config\": {\"num_hidden_layers\": 4, \"moe_layers\": []}}",
		  "no layer has experts" },
		{ "{\"model_type\": \"llama4\", \"architectures\": [\"L\"], \"torch_dtype\": "
		  "\"bfloat16\", \"text_config\": {\"num_hidden_layers\": 4, \"no_rope_layers\": [1, 2, 1, 0]}}",
		  "no_rope_layers[1]" },
		{ "{\"model_type\": \"llama4\", \"architectures\": [\"L\"], \"torch_dtype\": "
		  "\"bfloat16\", \"text_config\": {\"num_hidden_layers\": 4, \"no_rope_layers\": [1, 0]}}",
		  "no_rope_layers: expected 4" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cat_model m;
		struct err err = ERR_INIT;
		int r = bind_model_from_config(&m, cases[i].json, strlen(cases[i].json), 0, "test",
					       &err);

		test_ok(r < 0 && err.code == ERR_PARSE && strstr(err.msg, cases[i].want) &&
			!strchr(err.msg, '\n'), "bad config %zu: one line naming '%s': %s", i,
			cases[i].want, err.msg);
	}
}

/* `text` with its first `from` made `to`; NULL when absent (caller frees). */
static char *replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	size_t n;
	char *out;

	if (!at)
		return NULL;
	n = strlen(text) - strlen(from) + strlen(to) + 1;
	out = malloc(n);
	if (out)
		snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	return out;
}

/*
 * The towers of the two vision-language configs rigplan reads.  Gemma 3
 * 27B's vision_config: SigLIP, 27 blocks of 1152, MLP 4304 (GELU), patch
 * 14 of 896: 64 x 64 patches, which mm_tokens_per_image 256 makes a 4 x 4
 * pool, projected to the text model's 5376.  The 4-layer Llama 4 Scout:
 * 4 blocks of 1408, MLP 5632, tiles of 336 (24 x 24 patches), pixel
 * shuffle 0.5 (2 x 2), its MLP to projector_output_dim 4096, projected to
 * 5120; at most 16 tiles (the processor's default).  A text model has
 * none; a vision_config that is not one of these is no tower either; a
 * tower whose numbers do not fit together is refused, naming the field.
 */
static void towers(void)
{
	struct cat_model m;
	struct cat_vision v;
	struct err err = ERR_INIT;
	char *text = NULL;
	size_t len = 0;

	if (test_ok(bind_vlm_from_path(&m, &v, "tests/fixtures/hf/google--gemma-3-27b-it.config.json",
				       &err) == 0, "gemma 3: %s", err.code ? err.msg : "read"))
		test_ok(!strcmp(v.id, m.id) && !strcmp(v.processor, "fixed") && v.depth == 27 &&
			v.hidden == 1152 && v.mlp == 4304 && v.mlp_matrices == 2 && v.patch_size == 14 &&
			v.image_size == 896 && v.merge_size == 4 && v.out_hidden == 5376 &&
			v.max_tiles == CAT_NULL_INT, "gemma 3: SigLIP, 896 square, 4 x 4 pool, to 5376");
	err_clear(&err);
	if (test_ok(bind_vlm_from_path(&m, &v, "tests/fixtures/hf/aws-neuron--llama4-scout-4layer.config.json",
				       &err) == 0, "llama 4: %s", err.code ? err.msg : "read"))
		test_ok(!strcmp(v.processor, "tiles") && v.depth == 4 && v.hidden == 1408 &&
			v.mlp == 5632 && v.image_size == 336 && v.merge_size == 2 && v.merger == 4096 &&
			v.out_hidden == 5120 && v.max_tiles == 16 && v.mlp_matrices == 2,
			"llama 4: tiles of 336, shuffled 2 x 2, 4096 to 5120, 16 tiles");
	err_clear(&err);
	if (test_ok(bind_vlm_from_path(&m, &v, "tests/fixtures/hf/meta-llama--Llama-3.1-8B-Instruct.config.json",
				       &err) == 0, "llama 3.1: read"))
		test_ok(v.id[0] == '\0', "a text model has no tower");
	if (file_read_all(&text, &len, "tests/fixtures/hf/google--gemma-3-27b-it.config.json", 1 << 20,
			  &err) == 0) {
		static const struct { const char *from, *to, *field; } bad[] = {
			{ "\"mm_tokens_per_image\": 256", "\"mm_tokens_per_image\": 200",
			  "mm_tokens_per_image" },
			{ "\"image_size\": 896", "\"image_size\": 900", "image_size" },
			{ "\"patch_size\": 14", "\"patch_size\": 0", "patch_size" },
		};
		size_t i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			char *t = replace(text, bad[i].from, bad[i].to);
			int r;

			err_clear(&err);
			r = t ? bind_vlm_from_config(&m, &v, t, strlen(t), 0, "test", &err) : 0;
			test_ok(t && r < 0 && err.code == ERR_PARSE && strstr(err.msg, bad[i].field),
				"gemma 3 with %s: refused (%s)", bad[i].to, err.msg);
			free(t);
		}
	}
	free(text);
}

int main(void)
{
	llama();
	mixtral();
	qwen_moe();
	deepseek();
	gemma();
	gpt_oss();
	phi();
	gemma3();
	llama4();
	bad();
	towers();
	return test_done();
}
