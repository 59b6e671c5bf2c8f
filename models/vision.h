/*
 * vision.h - a vision-language model's vision tower: how many tokens an
 * image becomes (the processor's resize), the tower's parameters, and the
 * FLOPs of encoding one image.  Pure functions.
 */
#ifndef RIGPLAN_MODELS_VISION_H
#define RIGPLAN_MODELS_VISION_H

#include <stddef.h>

/* How the processor turns an image into the tower's input. */
enum vision_processor {
	VISION_SMART_RESIZE,    /* GLM-4V, Qwen2-VL: sides to multiples within a pixel range */
	VISION_FIXED,           /* Gemma 3: every image resized to one square */
	VISION_TILES            /* Llama 4: a grid of square tiles, and a global one past one */
};

struct vision_spec {
	enum vision_processor processor;
	size_t depth, hidden, heads, mlp, out_hidden, merger;
	size_t patch, merge, temporal;
	double min_pixels, max_pixels;
	size_t image_size;      /* FIXED: the square's side; TILES: a tile's */
	size_t max_tiles;       /* TILES: the grid's most tiles */
	size_t mlp_matrices;    /* 3: SwiGLU (gate, up, down); 2: GELU (fc1, fc2) */
};

struct vision_image {
	double width, height;       /* after the processor's resize, pixels (TILES: the canvas) */
	double tiles;               /* squares encoded apart (TILES: the grid's and the global) */
	double patches;             /* patch x patch squares the tower attends over, all tiles */
	double tokens;              /* what the language model reads: patches / merge^2 */
	double linear_flops, attn_flops;    /* encoding it */
	double activation_bytes;    /* the peak of one block over its patches, 16-bit */
};

/*
 * An image of w x h pixels through the processor and the tower.
 *  - SMART_RESIZE: transformers' GLM-4V smart_resize: each side to the
 *    nearest multiple of patch x merge (halves to even), then scaled down
 *    (floor) or up (ceil) to a multiple when temporal x h x w leaves
 *    [min, max] pixels.
 *  - FIXED: Gemma3ImageProcessor: any image to image_size square (pan and
 *    scan is off by default in transformers and vLLM), its patches pooled
 *    merge x merge into tokens (256 of 64 x 64 patches).
 *  - TILES: Llama4ImageProcessor: among the grids of at most max_tiles
 *    tiles of image_size, the one whose scale (the smaller of its two
 *    sides' ratios) is the least upscale, else the least downscale, the
 *    smaller canvas on a tie; past one tile a global one is added; each
 *    tile is its patches and a class token, its patches shuffled merge x
 *    merge into tokens (144 of 24 x 24).
 * Tokens are the embeddings the language model reads, the markers around
 * them left out.  0 when w or h is not positive or the aspect is over 200.
 */
int vision_image(struct vision_image *out, const struct vision_spec *v, double w, double h);

/*
 * The tower's weights: patch embedding (3 x temporal x patch^2 x hidden),
 * depth blocks of attention (4 hidden^2) and MLP (mlp_matrices x hidden x
 * mlp), and what feeds the language model: SMART_RESIZE's merge
 * convolution (hidden x out_hidden x merge^2) and merger (out_hidden^2 +
 * 3 out_hidden x merger); FIXED's linear projection (hidden x out_hidden);
 * TILES' shuffled-patch MLP (hidden merge^2 x merger, merger^2) and
 * projection (merger x out_hidden).  Norms, biases, class and position
 * embeddings left out.
 */
double vision_params(const struct vision_spec *v);

#endif
