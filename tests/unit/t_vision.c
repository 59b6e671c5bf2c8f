/*
 * t_vision.c - vision towers (models/vision.c) worked by hand: Gemma 3's
 * fixed square, Llama 4's tiles, and AutoGLM-Phone-9B's
 * figures (GLM-4.1V: 24 blocks of 1536 with 12 heads and a 4096-wide MLP,
 * merger 13696 into 4096, patch 14, merge 2, 2 frames, 12,544 to
 * 9,633,792 pixels; data/models.sql), worked by hand.
 */
#include <math.h>

#include "models/vision.h"
#include "tests/testlib.h"

static const struct vision_spec glm4v = {
	.processor = VISION_SMART_RESIZE, .depth = 24, .hidden = 1536, .heads = 12, .mlp = 4096,
	.out_hidden = 4096, .merger = 13696, .patch = 14, .merge = 2, .temporal = 2,
	.min_pixels = 12544, .max_pixels = 9633792
};

/* Gemma 3 27B's SigLIP tower (google/gemma-3-27b-it config.json,
 * tests/fixtures/hf; transformers' Gemma3MultiModalProjector: 4 x 4
 * average pooling, then 1152 to the text model's 5376) */
static const struct vision_spec gemma3 = {
	.processor = VISION_FIXED, .depth = 27, .hidden = 1152, .heads = 16, .mlp = 4304,
	.out_hidden = 5376, .patch = 14, .merge = 4, .temporal = 1, .image_size = 896,
	.mlp_matrices = 2
};

/* Llama 4 Scout's tower (vision_config: 34 blocks of 1408, MLP 5632, GELU;
 * pixel shuffle 0.5, its MLP to 4096 and 4096, the projector to 5120;
 * tiles of 336, at most 16: docs/sources/vision-towers-2.json) */
static const struct vision_spec llama4 = {
	.processor = VISION_TILES, .depth = 34, .hidden = 1408, .heads = 16, .mlp = 5632,
	.out_hidden = 5120, .merger = 4096, .patch = 14, .merge = 2, .temporal = 1,
	.image_size = 336, .max_tiles = 16, .mlp_matrices = 2
};

/*
 * Gemma 3: patch embedding 3 x 14^2 x 1152 = 677,376; 27 blocks of 4 x
 * 1152^2 + 2 x 1152 x 4304 = 15,224,832, 411,070,464; the projection
 * 1152 x 5376 = 6,193,152: 417,940,992 (the 416.9M of the tower with its
 * position table and biases, less those, plus the projection).  Any image
 * is 896 x 896: 64 x 64 = 4,096 patches pooled 4 x 4 to 256 tokens.
 * FLOPs: 2 x 4,096 x 411,747,840 + 2 x 256 x 6,193,152 =
 * 3,376,209,199,104; attention 4 x 4,096^2 x 1152 x 27 = 2,087,354,105,856
 * (5.46 TFLOPs an image in all).  Activations: 4,096 x 2 x (2 x 1152 +
 * max(5 x 1152, 2 x 4304)) = 89,391,104 bytes.
 */
static void gemma3_tower(void)
{
	struct vision_image img;

	test_rel(vision_params(&gemma3), 417940992.0, 1e-15, "Gemma 3 tower: 417,940,992 weights");
	if (test_ok(vision_image(&img, &gemma3, 1080, 2400), "Gemma 3: a phone screenshot")) {
		test_rel(img.width, 896, 1e-15, "... to 896 square");
		test_rel(img.tokens, 256, 1e-15, "... 256 tokens");
		test_rel(img.linear_flops, 3376209199104.0, 1e-15, "... GEMM FLOPs");
		test_rel(img.attn_flops, 2087354105856.0, 1e-15, "... attention FLOPs");
		test_rel(img.activation_bytes, 89391104.0, 1e-15, "... activation bytes");
	}
	if (test_ok(vision_image(&img, &gemma3, 40, 30), "Gemma 3: an icon"))
		test_rel(img.tokens, 256, 1e-15, "... 256 tokens whatever the size");
}

/*
 * Llama 4: patch embedding 3 x 14^2 x 1408 = 827,904; 34 blocks of 4 x
 * 1408^2 + 2 x 1408 x 5632 = 23,789,568, 808,845,312; the shuffled-patch
 * MLP 1408 x 4 x 4096 + 4096^2 and projection 4096 x 5120, 60,817,408:
 * 870,490,624 (the 871.9M of a per-module count, less norms, biases and
 * position embeddings).
 * A 1920 x 1080 frame: no grid of 16 tiles holds it at scale 1 or more
 * (it would take 4 rows by 6 columns); the least downscale is 3 rows x 5
 * columns, min(1008 / 1080, 1680 / 1920) = 0.875; 15 tiles and the
 * global one, 16 x (576 + 1) = 9,232 patches, 16 x 576 / 4 = 2,304
 * tokens.  FLOPs: 2 x 9,232 x 809,673,216 + 2 x 2,304 x 60,817,408 =
 * 15,230,052,876,288; attention 4 x 16 x 577^2 x 1408 x 34 =
 * 1,020,030,533,632.
 * A 336 x 336 image is one tile at scale 1: 144 tokens, no global tile.
 * A 1080 x 2400 screenshot: 5 rows x 3 columns (scale 0.7), 16 tiles.
 */
static void llama4_tower(void)
{
	struct vision_image img;

	test_rel(vision_params(&llama4), 870490624.0, 1e-15, "Llama 4 tower: 870,490,624 weights");
	if (test_ok(vision_image(&img, &llama4, 1920, 1080), "Llama 4: a 1080p frame")) {
		test_rel(img.height, 1008, 1e-15, "... 3 rows of tiles");
		test_rel(img.width, 1680, 1e-15, "... 5 columns");
		test_rel(img.tiles, 16, 1e-15, "... and the global tile: 16");
		test_rel(img.tokens, 2304, 1e-15, "... 2,304 tokens");
		test_rel(img.linear_flops, 15230052876288.0, 1e-15, "... GEMM FLOPs");
		test_rel(img.attn_flops, 1020030533632.0, 1e-15, "... attention FLOPs");
	}
	if (test_ok(vision_image(&img, &llama4, 336, 336), "Llama 4: one tile"))
		test_ok(img.tiles == 1 && img.tokens == 144, "... 144 tokens, no global tile");
	if (test_ok(vision_image(&img, &llama4, 1080, 2400), "Llama 4: a phone screenshot"))
		test_ok(img.height == 1680 && img.width == 1008 && img.tiles == 16,
			"... 5 x 3 tiles and the global one");
	/* never more than 16 tiles and the global one, 2,448 tokens */
	{
		double w, h;
		int ok = 1;

		for (w = 20; w <= 9000; w *= 1.37)
			for (h = 20; h <= 9000; h *= 1.61)
				if (vision_image(&img, &llama4, w, h) &&
				    (img.tokens > 2448 || img.tokens < 144 || img.tiles > 17))
					ok = 0;
		test_ok(ok, "Llama 4: every size gives 144 to 2,448 tokens");
	}
}

int main(void)
{
	struct vision_image img;

	/*
	 * Weights: patch embedding 3 x 2 x 14^2 x 1536 = 1,806,336; blocks
	 * 24 x (4 x 1536^2 + 3 x 1536 x 4096) = 679,477,248; merge
	 * convolution 1536 x 4096 x 4 = 25,165,824; merger 4096^2 + 3 x 4096
	 * x 13696 = 185,073,664.  Total 891,523,072.
	 */
	test_rel(vision_params(&glm4v), 891523072.0, 1e-15, "GLM-4.1V tower: 891,523,072 weights");
	/*
	 * A 1080 x 2400 screenshot: sides to multiples of 28, 1092 x 2408;
	 * 2 x 1092 x 2408 = 5,259,072 pixels, within the bounds: 78 x 172 =
	 * 13,416 patches, 3,354 tokens.  FLOPs: 2 x 13,416 x (1,806,336 +
	 * 679,477,248) + 2 x 3,354 x (25,165,824 + 16,777,216 + 168,296,448)
	 * = 19,690,487,611,392 in GEMMs; attention 4 x 13,416^2 x 1536 x 24 =
	 * 26,540,466,241,536.
	 */
	if (test_ok(vision_image(&img, &glm4v, 1080, 2400), "a phone screenshot")) {
		test_rel(img.width, 1092, 1e-15, "... 1092 wide");
		test_rel(img.height, 2408, 1e-15, "... 2408 high");
		test_rel(img.tokens, 3354, 1e-15, "... 3,354 tokens");
		test_rel(img.linear_flops, 19690487611392.0, 1e-15, "... GEMM FLOPs");
		test_rel(img.attn_flops, 26540466241536.0, 1e-15, "... attention FLOPs");
		/* activations: 13,416 patches x 2 bytes x (2 x 1536 + max(5 x
		 * 1536, 3 x 4096) = 3,072 + 12,288) = 412,139,520 bytes */
		test_rel(img.activation_bytes, 412139520.0, 1e-15, "... 412,139,520 activation bytes");
	}
	/*
	 * A 4000 x 3000 photo: 4004 x 2996 would be 2 x 4004 x 2996 =
	 * 23,991,968 pixels, over the bound; beta = sqrt(2 x 3000 x 4000 /
	 * 9,633,792) = 1.5784, sides floor(3000 / beta / 28) x 28 = 1876 and
	 * floor(4000 / beta / 28) x 28 = 2520: 134 x 180 patches, 6,030 tokens.
	 */
	if (test_ok(vision_image(&img, &glm4v, 4000, 3000), "a 12 MP photo")) {
		test_rel(img.height, 1876, 1e-15, "... scaled down to 1876 high");
		test_rel(img.width, 2520, 1e-15, "... and 2520 wide");
		test_rel(img.tokens, 6030, 1e-15, "... 6,030 tokens");
	}
	/*
	 * A 50 x 50 icon: 56 x 56, 2 x 56 x 56 = 6,272 pixels, under 12,544;
	 * beta = sqrt(12544 / 5000) = 1.584: ceil(50 x 1.584 / 28) x 28 = 84
	 * a side, 9 tokens.
	 */
	if (test_ok(vision_image(&img, &glm4v, 50, 50), "an icon")) {
		test_rel(img.width, 84, 1e-15, "... scaled up to 84");
		test_rel(img.tokens, 9, 1e-15, "... 9 tokens");
	}
	test_ok(!vision_image(&img, &glm4v, 0, 100), "a zero side: refused");
	test_ok(!vision_image(&img, &glm4v, 10, 2500), "an aspect over 200: refused");
	/* whatever the image, the resize keeps 2 x w x h within the bounds:
	 * at most 9,633,792 / (2 x 14^2 x 2^2) = 6,144 tokens, at least
	 * 12,544 / 1,568 = 8 */
	{
		double w, h;
		int ok = 1;

		for (w = 20; w <= 9000; w *= 1.37)
			for (h = 20; h <= 9000; h *= 1.61)
				if (vision_image(&img, &glm4v, w, h) &&
				    (img.tokens > 6144 || img.tokens < 8 ||
				     2.0 * img.width * img.height > glm4v.max_pixels))
					ok = 0;
		test_ok(ok, "every size gives 8 to 6,144 tokens within the pixel bound");
	}
	gemma3_tower();
	llama4_tower();
	return test_done();
}
