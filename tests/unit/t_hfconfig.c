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

#include "bind/deploy.h"
#include "bind/hfconfig.h"
#include "models/llm.h"
#include "tests/testlib.h"
#include "util/err.h"

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

int main(void)
{
	llama();
	mixtral();
	qwen_moe();
	deepseek();
	gemma();
	gpt_oss();
	phi();
	bad();
	return test_done();
}
