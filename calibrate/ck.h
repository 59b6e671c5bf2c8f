/*
 * ck.h - the CUDA calibration kernels, behind a plain C interface.
 *
 * ck_kernels.cu (built only when configure finds nvcc) implements it; the
 * rest of rigplan sees these structs and nothing of CUDA.  Each case is
 * checked for correctness on fresh random inputs before it is timed,
 * timed with CUDA events after a warm-up as the median of repeats, and
 * weights always come from device memory as they do in a decode step:
 * small ones are timed as a chain of distinct copies several times the
 * L2 (the layers of a step, kernel after kernel), large ones after an L2
 * flush.  Then a case is optionally run back to back for a while
 * so that power, clocks and temperature can be sampled under that load.
 */
#ifndef RIGPLAN_CALIBRATE_CK_H
#define RIGPLAN_CALIBRATE_CK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum ck_kind {
	CK_COPY,     /* b = a over float4 (16-byte) elements */
	CK_TRIAD,    /* a = b + s * c over float4 elements */
	CK_GEMM,     /* Y[m x n] = X[m x k] W[n x k]^T through cuBLASLt */
	CK_H2D,      /* host to device, pinned or pageable */
	CK_D2H,      /* device to host */
	CK_P2P       /* device `index` to device `peer` */
};

enum ck_dtype { CK_BF16, CK_FP16, CK_FP8 };

struct ck_case {
	enum ck_kind kind;
	enum ck_dtype dtype;    /* CK_GEMM: inputs; output is bf16 (fp16 for fp16) */
	long m, n, k;           /* CK_GEMM: batch rows, output features, input features */
	size_t bytes;           /* CK_COPY/TRIAD: per array; transfers: size */
	int pinned;             /* CK_H2D/D2H: page-locked host buffer */
	int peer;               /* CK_P2P: the other device */
	int reps;               /* timed repeats (at least 3) */
	double soak_s;          /* then back to back this long; 0: no soak */
};

struct ck_result {
	double median_s, min_s, max_s;  /* per run */
	int reps;
	double bytes;           /* moved per run: reads plus writes */
	double flops;           /* per run (CK_GEMM) */
	double max_err;         /* worst checked output's error, relative to its scale */
	double soak_begin, soak_end;    /* CLOCK_MONOTONIC seconds; 0 without soak */
	long soak_runs;
};

struct ck_device {
	char name[256];
	char pci_bus_id[32];
	int index, count, sms, cc_major, cc_minor;
	double memory_bytes;
	double context_bytes;   /* taken by the CUDA context before any allocation */
	double l2_bytes;
	int driver_version, runtime_version;   /* 13000 is CUDA 13.0 */
	int fp8;                /* fp8 tensor cores (compute capability 8.9 and later) */
};

/* Open device `index`: driver, runtime and context checks.  On failure
 * returns -1 with a one-line reason in msg (no device, busy, driver older
 * than the toolkit, ...). */
int ck_open(struct ck_device *dev, int index, char *msg, size_t len);

/* Run one case on the open device.  -1 with msg on a CUDA error or a
 * wrong result; 1 with msg when the case cannot run here (no fp8, no peer),
 * which is not an error. */
int ck_run(struct ck_result *res, const struct ck_case *c, char *msg, size_t len);

/* Release everything ck_open and ck_run allocated. */
void ck_close(void);

#ifdef __cplusplus
}
#endif

#endif
