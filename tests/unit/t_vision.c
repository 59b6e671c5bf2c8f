/*
 * t_vision.c - a vision tower (models/vision.c) on AutoGLM-Phone-9B's
 * figures (GLM-4.1V: 24 blocks of 1536 with 12 heads and a 4096-wide MLP,
 * merger 13696 into 4096, patch 14, merge 2, 2 frames, 12,544 to
 * 9,633,792 pixels; data/models.sql), worked by hand.
 */
#include <math.h>

#include "models/vision.h"
#include "tests/testlib.h"

static const struct vision_spec glm4v = {
	24, 1536, 12, 4096, 4096, 13696, 14, 2, 2, 12544, 9633792
};

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
	return test_done();
}
