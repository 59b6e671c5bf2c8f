/*
 * vision.c - see vision.h.
 *
 * Worked example, AutoGLM-Phone-9B (GLM-4.1V's tower: 24 blocks of 1536,
 * MLP 4096, merger 13696 to 4096, patch 14, merge 2) and a 1080 x 2400
 * phone screenshot: sides to multiples of 28, 1092 x 2408; 2 x 1092 x
 * 2408 = 5.26e6 pixels is within [12544, 9633792], so no further scaling;
 * 78 x 172 = 13,416 patches, 3,354 tokens.  Weights 891,523,072.
 */
#include <math.h>

#include "models/vision.h"

int vision_image(struct vision_image *out, const struct vision_spec *v, double w, double h)
{
	double f = (double)(v->patch * v->merge), t = (double)v->temporal, hb, wb, beta;
	double p, block, merge;

	if (!(w > 0) || !(h > 0) || fmax(w, h) / fmin(w, h) > 200 || !(f > 0))
		return 0;
	if (h < f || w < f) {
		double s = fmax(f / h, f / w);

		h = floor(h * s);
		w = floor(w * s);
	}
	/* Python's round: halves to even, as rint does by default */
	hb = rint(h / f) * f;
	wb = rint(w / f) * f;
	if (t * hb * wb > v->max_pixels) {
		beta = sqrt(t * h * w / v->max_pixels);
		hb = fmax(f, floor(h / beta / f) * f);
		wb = fmax(f, floor(w / beta / f) * f);
	} else if (t * hb * wb < v->min_pixels) {
		beta = sqrt(v->min_pixels / (t * h * w));
		hb = ceil(h * beta / f) * f;
		wb = ceil(w * beta / f) * f;
	}
	out->height = hb;
	out->width = wb;
	out->patches = (hb / (double)v->patch) * (wb / (double)v->patch);
	out->tokens = out->patches / (double)(v->merge * v->merge);
	/* 2 FLOPs a weight: patch embedding and blocks on every patch, the
	 * merge convolution and merger on every token; attention QK^T and
	 * AV over the image's own patches in each block */
	block = 4.0 * (double)v->hidden * (double)v->hidden +
		3.0 * (double)v->hidden * (double)v->mlp;
	merge = (double)v->hidden * (double)v->out_hidden * (double)(v->merge * v->merge) +
		(double)v->out_hidden * (double)v->out_hidden +
		3.0 * (double)v->out_hidden * (double)v->merger;
	p = out->patches;
	out->linear_flops = 2.0 * p * (3.0 * t * (double)(v->patch * v->patch) * (double)v->hidden +
				       (double)v->depth * block) +
			    2.0 * out->tokens * merge;
	out->attn_flops = 4.0 * p * p * (double)v->hidden * (double)v->depth;
	/* one block at a time, as the language model's layers (mem.c): the
	 * residual stream and the normed input, then the larger half: QKV,
	 * the attention output and its projection (5 hidden), or the
	 * SwiGLU's gate/up and product (3 mlp); flash attention keeps no
	 * scores */
	out->activation_bytes = 2.0 * p * (2.0 * (double)v->hidden +
					   fmax(5.0 * (double)v->hidden, 3.0 * (double)v->mlp));
	return 1;
}

double vision_params(const struct vision_spec *v)
{
	double h = (double)v->hidden, o = (double)v->out_hidden;

	return 3.0 * (double)v->temporal * (double)(v->patch * v->patch) * h +
	       (double)v->depth * (4.0 * h * h + 3.0 * h * (double)v->mlp) +
	       h * o * (double)(v->merge * v->merge) + o * o + 3.0 * o * (double)v->merger;
}
