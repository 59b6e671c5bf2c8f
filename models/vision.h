/*
 * vision.h - a vision-language model's vision tower: how many tokens an
 * image becomes (the processor's resize), the tower's parameters, and the
 * FLOPs of encoding one image.  Pure functions.
 */
#ifndef RIGPLAN_MODELS_VISION_H
#define RIGPLAN_MODELS_VISION_H

#include <stddef.h>

struct vision_spec {
	size_t depth, hidden, heads, mlp, out_hidden, merger;
	size_t patch, merge, temporal;
	double min_pixels, max_pixels;
};

struct vision_image {
	double width, height;       /* after the processor's resize, pixels */
	double patches;             /* patch x patch squares the tower attends over */
	double tokens;              /* what the language model reads: patches / merge^2 */
	double linear_flops, attn_flops;    /* encoding it */
	double activation_bytes;    /* the peak of one block over its patches, 16-bit */
};

/*
 * An image of w x h pixels through the processor and the tower.  The
 * resize is transformers' GLM-4V smart_resize: each side to the nearest
 * multiple of patch x merge (halves to even), then scaled down (floor) or
 * up (ceil) to a multiple when temporal x h x w leaves [min, max] pixels.
 * 0 when w or h is not positive or the aspect is over 200.
 */
int vision_image(struct vision_image *out, const struct vision_spec *v, double w, double h);

/*
 * The tower's weights: patch embedding (3 x temporal x patch^2 x hidden),
 * depth blocks of attention (4 hidden^2) and SwiGLU MLP (3 hidden x mlp),
 * the merge convolution (hidden x out_hidden x merge^2) and the merger
 * (out_hidden^2 + 3 out_hidden x merger); norms, biases and the position
 * table left out.
 */
double vision_params(const struct vision_spec *v);

#endif
