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

/* Frames a patch spans: GLM-4V's temporal patches; one for a still
 * image's square or tile. */
static double frames(const struct vision_spec *v)
{
	return v->processor == VISION_SMART_RESIZE ? (double)v->temporal : 1.0;
}

/* The tower's linear weights a patch passes through, and what turns
 * tokens into the language model's input, per token. */
static double block_weights(const struct vision_spec *v)
{
	double mats = v->mlp_matrices ? (double)v->mlp_matrices : 3.0;

	return 4.0 * (double)v->hidden * (double)v->hidden + mats * (double)v->hidden * (double)v->mlp;
}

static double projector_weights(const struct vision_spec *v)
{
	double h = (double)v->hidden, o = (double)v->out_hidden, m2 = (double)(v->merge * v->merge);
	double g = (double)v->merger;

	switch (v->processor) {
	case VISION_FIXED:
		return h * o;
	case VISION_TILES:
		return h * m2 * g + g * g + g * o;
	case VISION_SMART_RESIZE:
		break;
	}
	return h * o * m2 + o * o + 3.0 * o * g;
}

/* GLM-4V's smart_resize: the image's own shape, in multiples. */
static int smart_resize(struct vision_image *out, const struct vision_spec *v, double w, double h)
{
	double f = (double)(v->patch * v->merge), t = (double)v->temporal, hb, wb, beta;

	if (!(f > 0))
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
	out->tiles = 1;
	out->patches = (hb / (double)v->patch) * (wb / (double)v->patch);
	return 1;
}

/* Llama 4's get_best_fit over the grids of at most max_tiles tiles. */
static int best_grid(struct vision_image *out, const struct vision_spec *v, double w, double h)
{
	double t = (double)v->image_size, best = NAN, best_area = 0;
	size_t rows, cols, n = 0;

	if (!(t > 0) || v->max_tiles == 0)
		return 0;
	for (rows = 1; rows <= v->max_tiles; rows++)
		for (cols = 1; rows * cols <= v->max_tiles; cols++) {
			double s = fmin(t * (double)rows / h, t * (double)cols / w);
			double area = (double)(rows * cols);
			/* the least upscale, else the least downscale */
			int better = isnan(best) || (s >= 1 && (best < 1 || s < best)) ||
				     (s < 1 && best < 1 && s > best) ||
				     (s == best && area < best_area);

			if (better) {
				best = s;
				best_area = area;
				out->height = t * (double)rows;
				out->width = t * (double)cols;
				n = rows * cols;
			}
		}
	out->tiles = (double)n + (n > 1 ? 1 : 0);
	return 1;
}

int vision_image(struct vision_image *out, const struct vision_spec *v, double w, double h)
{
	double t = frames(v), side, p, pt;

	if (!(w > 0) || !(h > 0) || fmax(w, h) / fmin(w, h) > 200 || v->patch == 0 ||
	    v->merge == 0)
		return 0;
	side = (double)v->image_size / (double)v->patch;
	switch (v->processor) {
	case VISION_SMART_RESIZE:
		if (!smart_resize(out, v, w, h))
			return 0;
		pt = out->patches;
		out->tokens = out->patches / (double)(v->merge * v->merge);
		break;
	case VISION_FIXED:
		out->width = out->height = (double)v->image_size;
		out->tiles = 1;
		out->patches = pt = side * side;
		out->tokens = out->patches / (double)(v->merge * v->merge);
		break;
	case VISION_TILES:
		if (!best_grid(out, v, w, h))
			return 0;
		/* each tile's patches and its class token */
		pt = side * side + 1;
		out->patches = out->tiles * pt;
		out->tokens = out->tiles * side * side / (double)(v->merge * v->merge);
		break;
	default:
		return 0;
	}
	if (!(out->tokens > 0))
		return 0;
	/* 2 FLOPs a weight: patch embedding and blocks on every patch, what
	 * feeds the language model on every token; attention QK^T and AV
	 * over each tile's own patches in each block */
	p = out->patches;
	out->linear_flops = 2.0 * p * (3.0 * t * (double)(v->patch * v->patch) * (double)v->hidden +
				       (double)v->depth * block_weights(v)) +
			    2.0 * out->tokens * projector_weights(v);
	out->attn_flops = 4.0 * out->tiles * pt * pt * (double)v->hidden * (double)v->depth;
	/* one block at a time, as the language model's layers (mem.c): the
	 * residual stream and the normed input, then the larger half: QKV,
	 * the attention output and its projection (5 hidden), or the MLP's
	 * inner activations; flash attention keeps no scores */
	out->activation_bytes = 2.0 * p * (2.0 * (double)v->hidden +
					   fmax(5.0 * (double)v->hidden,
						(v->mlp_matrices == 2 ? 2.0 : 3.0) * (double)v->mlp));
	return 1;
}

double vision_params(const struct vision_spec *v)
{
	return 3.0 * frames(v) * (double)(v->patch * v->patch) * (double)v->hidden +
	       (double)v->depth * block_weights(v) + projector_weights(v);
}
