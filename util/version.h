/*
 * version.h - release versions compared as people read them: "0.10.2"
 * after "0.9.9", "b6500" after "b4000", "1.0.0rc1" before "1.0.0".
 */
#ifndef RIGPLAN_UTIL_VERSION_H
#define RIGPLAN_UTIL_VERSION_H

/* <0, 0 or >0 as a is older than, the same as or newer than b.  Runs of
 * digits compare as numbers, other characters one by one, and a
 * version that goes on with letters after the other ends (a pre-release,
 * "1.0.0rc1") is the older. */
int version_cmp(const char *a, const char *b);

/* Whether a GPU's compile target runs kernels built for `built`: CUDA
 * compute capabilities "8.6" and "8.0" (same major, built minor no
 * higher), "8.9+PTX" (PTX the driver compiles for any GPU from 8.9
 * on), otherwise the same name ("gfx942"). */
int version_target_runs(const char *gpu, const char *built);

#endif
