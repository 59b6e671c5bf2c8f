/*
 * fmt.c - the weight and KV formats rigplan knows, with where each size
 * comes from.  Sizes are bits per weight including the per-group scales:
 *
 *  - bf16/fp16 16; fp8 (e4m3, per-tensor or per-channel scale) and int8
 *    (SmoothQuant W8A8) 8: vLLM and TensorRT-LLM keep the embedding and the
 *    output head in 16 bits (vLLM docs, "FP8 W8A8": lm_head not quantized).
 *  - int4 AWQ/GPTQ: 4-bit weights plus an fp16 scale and a 4-bit zero point
 *    per group of 128 (AWQ paper, arXiv:2306.00978, group size 128):
 *    4 + 16/128 + 4/128 = 4.16; DESIGN.md rounds to 4.25 with packing, and
 *    we keep 4.25. Embeddings and head stay fp16.
 *  - GGUF (llama.cpp ggml-common.h block layouts): q8_0 34 bytes per 32
 *    weights = 8.5 bits; q6_K 210 bytes per 256 = 6.5625; q5_K 176 / 256 =
 *    5.5; q4_K 144 / 256 = 4.5; q4_0 18 / 32 = 4.5.  The _M mixes put attn_v and half of
 *    ffn_down in the next larger type (llama.cpp quantize.cpp), which
 *    measures 4.85 bpw for q4_k_m and 5.69 for q5_k_m on Llama 3 8B
 *    (llama.cpp quantize README table).  The output head is q6_K in these
 *    and in q4_0 (llama.cpp llama_tensor_get_type: the output tensor goes
 *    to q6_K unless the file is q8_0).
 * Weight-only formats dequantize inside the GEMM and run at the bf16/fp16
 * rate; fp8 and int8 run on the fp8/int8 tensor units.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/fmt.h"
#include "util/err.h"

static const struct fmt_weight weights[] = {
	{ "bf16", 16, 16, FMT_C_BF16, 0, 0, 0, 0 },
	{ "fp16", 16, 16, FMT_C_FP16, 0, 0, 0, 0 },
	{ "fp8", 8, 16, FMT_C_FP8, 0, 0, 0, 0 },
	{ "int8", 8, 16, FMT_C_INT8, 0, 0, 0, 0 },
	{ "int4-awq", 4.25, 16, FMT_C_FP16, 0, 0, 0, 0 },
	{ "int4-gptq", 4.25, 16, FMT_C_FP16, 0, 0, 0, 0 },
	/* an untied token embedding is quantized to the file's base type
	 * (llama.cpp llama_tensor_get_type: only the output, or a token
	 * embedding that is also the output, goes to q6_K): q4_0 4.5, Q4_K
	 * 144 bytes per 256 = 4.5, Q5_K 5.5, Q6_K 6.5625, q8_0 8.5 */
	{ "gguf-q4_0", 4.5, 6.5625, FMT_C_FP16, 1, 0, 4.5, 1 },
	{ "gguf-q4_k_m", 4.85, 6.5625, FMT_C_FP16, 1, 0, 4.5, 1 },
	{ "gguf-q5_k_m", 5.69, 6.5625, FMT_C_FP16, 1, 0, 5.5, 1 },
	{ "gguf-q6_k", 6.5625, 6.5625, FMT_C_FP16, 1, 0, 6.5625, 1 },
	{ "gguf-q8_0", 8.5, 8.5, FMT_C_FP16, 1, 0, 8.5, 1 },
	{ "gguf-f16", 16, 16, FMT_C_FP16, 1, 0, 16, 1 },
	/* OCP Microscaling MXFP4: E2M1 values in blocks of 32 sharing an E8M0
	 * scale, 4 + 8/32 = 4.25 bits, on the MoE experts only; attention,
	 * router and embeddings stay bf16 (gpt-oss model card, 2025-08: "MoE
	 * weights ... quantized to 4.25 bits per parameter"; vLLM's gpt-oss
	 * recipe: 63 GB for 120B).  Hopper dequantizes inside the GEMM and
	 * runs at the bf16 rate; Blackwell's FP4 units are not yet counted. */
	{ "mxfp4", 16, 16, FMT_C_BF16, 0, 4.25, 0, 0 },
	/* the same experts in a GGUF file (ggml-org/gpt-oss-*-GGUF, the
	 * llama.cpp team's conversion, keeps MXFP4 experts): what llama.cpp
	 * and Ollama load; a distinct name because a checkpoint row names one
	 * repository per format, and vLLM's MXFP4 is the safetensors one */
	{ "gguf-mxfp4", 16, 16, FMT_C_BF16, 1, 4.25, 0, 1 },
	/* NVIDIA NVFP4 (ModelOpt): E2M1 values in blocks of 16 sharing an
	 * FP8 E4M3 scale, plus one FP32 scale a tensor: 4 + 8/16 = 4.5 bits.
	 * The linear layers of the decoder blocks are quantized, weights and
	 * activations; embeddings and the head stay 16-bit
	 * (nvidia/Llama-3.1-405B-Instruct-FP4 card: "Only the weights and
	 * activations of the linear operators within transformers blocks are
	 * quantized"; docs/sources/nvfp4.md).  The GEMMs run on Blackwell's
	 * FP4 tensor units; rigplan plans it nowhere else. */
	{ "nvfp4", 4.5, 16, FMT_C_FP4, 0, 0, 0, 0 },
	/* MLX's affine quantization as mlx_lm.convert -q writes it: groups of
	 * 64 weights (the default for mode "affine") each with a scale and a
	 * bias in the model's 16-bit type, 4 + 2 x 16/64 = 4.5 bits, 8.5 at
	 * 8 bits.  Every layer with a to_quantized method is quantized, the
	 * embedding and the head included (mlx v0.31.2 nn/layers/quantized.py;
	 * mlx-lm v0.31.3 utils.py quantize_model).  Metal's quantized
	 * matrix-vector kernels unpack each weight on the ALUs, its
	 * matrix-matrix ones once per 32-row tile (quantized.h, BM = 32). */
	{ "mlx-4bit", 4.5, 4.5, FMT_C_FP16, 0, 0, 0, 1 },
	{ "mlx-8bit", 8.5, 8.5, FMT_C_FP16, 0, 0, 0, 1 },
};

/* KV values: 16-bit floats, fp8 e4m3 (vLLM --kv-cache-dtype fp8), and
 * llama.cpp's q8_0 / q4_0 caches (34 and 18 bytes per 32 values). */
static const struct fmt_kv kvs[] = {
	{ "bf16", 2 }, { "fp16", 2 }, { "f16", 2 }, { "fp8", 1 }, { "int8", 1 },
	{ "q8_0", 34.0 / 32 }, { "q4_0", 18.0 / 32 },
};

const struct fmt_weight *fmt_weight_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(weights) / sizeof(weights[0]); i++)
		if (!strcmp(weights[i].name, name))
			return &weights[i];
	return NULL;
}

const struct fmt_kv *fmt_kv_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(kvs) / sizeof(kvs[0]); i++)
		if (!strcmp(kvs[i].name, name))
			return &kvs[i];
	return NULL;
}

/* "a, b, c" from a table of structs whose first member is the name. */
#define NAMES(buf, table) do {						\
	size_t i_, n_ = 0;						\
	for (i_ = 0; i_ < sizeof(table) / sizeof((table)[0]) &&	\
		    n_ < sizeof(buf); i_++)				\
		n_ += (size_t)snprintf((buf) + n_, sizeof(buf) - n_, "%s%s", \
				       i_ ? ", " : "", (table)[i_].name); \
} while (0)

const char *fmt_weight_names(void)
{
	static char buf[256];

	if (!buf[0])
		NAMES(buf, weights);
	return buf;
}

const char *fmt_kv_names(void)
{
	static char buf[96];

	if (!buf[0])
		NAMES(buf, kvs);
	return buf;
}

int fmt_compute_flops(double *out, const struct fmt_weight *f,
		      const struct gpu_spec *gpu, struct err *err)
{
	double r = NAN;

	switch (f->compute) {
	case FMT_C_BF16:
		/* llama.cpp unpacks a GGUF file's tensors for fp16 kernels
		 * where the GPU has no bf16 units (Metal before Apple9) */
		r = f->gguf && isnan(gpu->bf16_flops) ? gpu->fp16_flops : gpu->bf16_flops;
		break;
	case FMT_C_FP16:
		r = isnan(gpu->fp16_flops) ? gpu->bf16_flops : gpu->fp16_flops;
		break;
	case FMT_C_FP8:
		r = gpu->fp8_flops;
		break;
	case FMT_C_INT8:
		r = gpu->int8_ops;
		break;
	case FMT_C_FP4:
		r = gpu->fp4_flops;
		break;
	}
	if ((isnan(r) || r <= 0) && f->compute == FMT_C_BF16 && gpu->fp16_flops > 0)
		return err_set(err, ERR_INVAL,
			       "precision 'bf16' needs bf16 tensor units, which this GPU lacks; it "
			       "has fp16 ones (--precision fp16)");
	if (isnan(r) || r <= 0)
		return err_set(err, ERR_INVAL,
			       "precision '%s' needs %s tensor units, which this GPU lacks",
			       f->name, f->compute == FMT_C_FP8 ? "fp8" :
			       f->compute == FMT_C_INT8 ? "int8" :
			       f->compute == FMT_C_FP4 ? "fp4 (Blackwell)" : "bf16 or fp16");
	*out = r;
	return 0;
}

double fmt_embed_bits(const struct fmt_weight *f, int tied)
{
	return tied || !(f->bits_token > 0) ? f->bits_embed : f->bits_token;
}
