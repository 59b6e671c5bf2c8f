/*
 * fmt.h - weight and KV-cache storage formats: bits per parameter (scales
 * included) and the arithmetic the GEMMs run in.  Static tables, borrowed.
 */
#ifndef RIGPLAN_MODELS_FMT_H
#define RIGPLAN_MODELS_FMT_H

#include "models/spec.h"

struct err;

/* NULL when unknown. */
const struct fmt_weight *fmt_weight_find(const char *name);
const struct fmt_kv *fmt_kv_find(const char *name);

/* Names, comma-separated, for error messages. */
const char *fmt_weight_names(void);
const char *fmt_kv_names(void);

/*
 * The dense tensor rate the format's GEMMs run at on `gpu`; ERR_INVAL
 * (named in err) when the GPU has no such unit (fp8 before Ada/Hopper uses
 * weight-only kernels instead; see fmt.c).
 */
int fmt_compute_flops(double *out, const struct fmt_weight *f,
		      const struct gpu_spec *gpu, struct err *err);

/* Bits per weight of the input embedding: a tied one is the head. */
double fmt_embed_bits(const struct fmt_weight *f, int tied);

#endif
