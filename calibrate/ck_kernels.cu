/*
 * ck_kernels.cu - the measurements behind `rigplan calibrate` (ck.h says
 * what each case is).  Built by nvcc only when configure finds it.
 *
 * Every CUDA and cuBLASLt call's status is checked and turned into a
 * one-line message; every case verifies its output against values the
 * host recomputes (inputs come from a counter-based hash both sides can
 * evaluate, seeded afresh for each case) before anything is timed.
 */
#include <cuda_runtime.h>
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_fp8.h>
#include <cublasLt.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

#include "calibrate/ck.h"

namespace {

/* Outputs sampled per GEMM for the correctness check. */
const int GEMM_CHECKS = 64;
/* Largest accepted error of a checked GEMM output, relative to the scale
 * of its dot product: bf16 rounding of the result is 2^-9, fp32
 * accumulation adds far less; a wrong layout or kernel gives order 1. */
const double GEMM_TOL = 0.02;
/* Each soak batch enqueues about this much work before synchronizing. */
const double SOAK_BATCH_S = 0.02;
/* Small weights are timed as a chain of distinct copies covering this many
 * times the L2, at most CHAIN_MAX of them. */
const double CHAIN_L2_MULTIPLE = 4;
const int CHAIN_MAX = 64;
/* cuBLASLt workspace, the size engines give it on Hopper. */
const size_t WORKSPACE_BYTES = 32u << 20;

struct state {
	int open;
	int index;
	cudaStream_t stream;
	cudaEvent_t e0, e1;
	cublasLtHandle_t lt;
	void *workspace;
	void *flush;          /* written before each timed repeat: evicts L2 */
	size_t flush_bytes;
	unsigned long long seed;
	ck_device dev;
};

state S;

int fail(char *msg, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, len, fmt, ap);
	va_end(ap);
	return -1;
}

#define CU(call)                                                              \
	do {                                                                  \
		cudaError_t e_ = (call);                                      \
		if (e_ != cudaSuccess)                                        \
			return fail(msg, len, "%s: %s", #call,                \
				    cudaGetErrorString(e_));                  \
	} while (0)

#define LT(call)                                                              \
	do {                                                                  \
		cublasStatus_t s_ = (call);                                   \
		if (s_ != CUBLAS_STATUS_SUCCESS)                              \
			return fail(msg, len, "%s: %s", #call,                \
				    cublasLtGetStatusString(s_));             \
	} while (0)

double now_s()
{
	timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* splitmix64 of (seed, i) mapped to (-1, 1), never exactly 0. */
__host__ __device__ inline float urand(unsigned long long seed, unsigned long long i)
{
	unsigned long long z = seed + (i + 1) * 0x9E3779B97F4A7C15ull;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	z ^= z >> 31;
	return (float)(((double)(z >> 40) + 0.5) / 8388608.0 - 1.0);
}

template <typename T> __host__ __device__ inline T from_float(float v);
template <> __host__ __device__ inline __nv_bfloat16 from_float(float v) { return __float2bfloat16(v); }
template <> __host__ __device__ inline __half from_float(float v) { return __float2half(v); }
template <> __host__ __device__ inline __nv_fp8_e4m3 from_float(float v) { return __nv_fp8_e4m3(v); }
template <> __host__ __device__ inline float from_float(float v) { return v; }

inline double to_double(__nv_bfloat16 v) { return (double)__bfloat162float(v); }
inline double to_double(__half v) { return (double)__half2float(v); }
inline double to_double(__nv_fp8_e4m3 v) { return (double)(float)v; }

template <typename T>
__global__ void k_fill(T *p, size_t n, unsigned long long seed)
{
	for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n;
	     i += (size_t)gridDim.x * blockDim.x)
		p[i] = from_float<T>(urand(seed, i));
}

__global__ void k_copy(const float4 *__restrict__ a, float4 *__restrict__ b, size_t n)
{
	for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n;
	     i += (size_t)gridDim.x * blockDim.x)
		b[i] = a[i];
}

__device__ inline float4 triad4(float4 b, float4 c, float s)
{
	return make_float4(__fmaf_rn(s, c.x, b.x), __fmaf_rn(s, c.y, b.y),
			   __fmaf_rn(s, c.z, b.z), __fmaf_rn(s, c.w, b.w));
}

__global__ void k_triad(float4 *__restrict__ a, const float4 *__restrict__ b,
			const float4 *__restrict__ c, float s, size_t n)
{
	for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n;
	     i += (size_t)gridDim.x * blockDim.x)
		a[i] = triad4(b[i], c[i], s);
}

/* Mismatches of p against the hash stream (copy and transfers) or against
 * the triad of two hash streams. */
__global__ void k_check(const float *p, size_t n, unsigned long long seed_b,
			unsigned long long seed_c, float s, int triad,
			unsigned long long *bad)
{
	for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n;
	     i += (size_t)gridDim.x * blockDim.x) {
		float want = triad ? __fmaf_rn(s, urand(seed_c, i), urand(seed_b, i))
				   : urand(seed_b, i);

		if (p[i] != want)
			atomicAdd(bad, 1ull);
	}
}

unsigned long long next_seed()
{
	S.seed = S.seed * 6364136223846793005ull + 1442695040888963407ull;
	return S.seed;
}

int grid()
{
	return S.dev.sms * 8;
}

template <typename T>
int fill(T *p, size_t n, unsigned long long seed, char *msg, size_t len)
{
	k_fill<T><<<grid(), 256, 0, S.stream>>>(p, n, seed);
	CU(cudaGetLastError());
	return 0;
}

/* Device buffer p (n floats) against the hash streams; 0 when all agree. */
int check_device(const float *p, size_t n, unsigned long long sb, unsigned long long sc,
		 float s, int triad, const char *what, char *msg, size_t len)
{
	unsigned long long *bad, host = 0;

	CU(cudaMalloc(&bad, sizeof(*bad)));
	CU(cudaMemsetAsync(bad, 0, sizeof(*bad), S.stream));
	k_check<<<grid(), 256, 0, S.stream>>>(p, n, sb, sc, s, triad, bad);
	CU(cudaGetLastError());
	CU(cudaMemcpyAsync(&host, bad, sizeof(host), cudaMemcpyDeviceToHost, S.stream));
	CU(cudaStreamSynchronize(S.stream));
	CU(cudaFree(bad));
	if (host)
		return fail(msg, len, "%s gave a wrong result: %llu of %zu values differ",
			    what, host, n);
	return 0;
}

/* Warm up, time `reps` runs with events, then soak.  launch(i) enqueues
 * one run on S.stream.  With chain > 1 each timed repeat is `chain` runs
 * back to back (i = 0..chain-1, each on its own weights, as the layers of
 * a decode step are) and counts as their mean; with chain 1 the L2 is
 * flushed first when asked. */
template <class F>
int timeit(ck_result *r, const ck_case *c, int flush, int chain, F launch, char *msg,
	   size_t len)
{
	std::vector<float> t;
	int reps = std::max(3, c->reps), i, j;

	for (i = 0; i < 2; i++)
		for (j = 0; j < chain; j++)
			if (launch(j) < 0)
				return -1;
	CU(cudaStreamSynchronize(S.stream));
	for (i = 0; i < reps; i++) {
		float ms = 0;

		if (flush && chain == 1)
			CU(cudaMemsetAsync(S.flush, i & 0xff, S.flush_bytes, S.stream));
		CU(cudaEventRecord(S.e0, S.stream));
		for (j = 0; j < chain; j++)
			if (launch(j) < 0)
				return -1;
		CU(cudaEventRecord(S.e1, S.stream));
		CU(cudaEventSynchronize(S.e1));
		CU(cudaEventElapsedTime(&ms, S.e0, S.e1));
		t.push_back(ms * 1e-3f / (float)chain);
	}
	std::sort(t.begin(), t.end());
	r->reps = reps;
	r->min_s = t.front();
	r->max_s = t.back();
	r->median_s = reps % 2 ? t[reps / 2] : 0.5 * (t[reps / 2 - 1] + t[reps / 2]);
	if (c->soak_s > 0) {
		long batch = std::max(1L, (long)(SOAK_BATCH_S / std::max(r->median_s, 1e-7)));

		r->soak_begin = now_s();
		do {
			for (long b = 0; b < batch; b++)
				if (launch((int)(b % chain)) < 0)
					return -1;
			r->soak_runs += batch;
			CU(cudaStreamSynchronize(S.stream));
		} while (now_s() - r->soak_begin < c->soak_s);
		r->soak_end = now_s();
	}
	return 0;
}

int stream_launch(const ck_case *c, float *a, float *b, float *cc, size_t n4,
		  char *msg, size_t len)
{
	if (c->kind == CK_TRIAD)
		k_triad<<<grid(), 256, 0, S.stream>>>((float4 *)a, (const float4 *)b,
						      (const float4 *)cc, 0.75f, n4);
	else
		k_copy<<<grid(), 256, 0, S.stream>>>((const float4 *)a, (float4 *)b, n4);
	CU(cudaGetLastError());
	return 0;
}

int run_stream_on(ck_result *r, const ck_case *c, float *a, float *b, float *cc,
		  size_t n4, char *msg, size_t len)
{
	size_t n = n4 * 4;
	unsigned long long sb = next_seed(), sc = next_seed();
	int triad = c->kind == CK_TRIAD;
	auto launch = [&](int) -> int { return stream_launch(c, a, b, cc, n4, msg, len); };

	/* copy reads a, writes b; triad reads b and c, writes a */
	if (fill(triad ? b : a, n, sb, msg, len) < 0 || fill(cc, n, sc, msg, len) < 0 ||
	    launch(0) < 0 ||
	    check_device(triad ? a : b, n, sb, sc, 0.75f, triad, triad ? "triad" : "copy",
			 msg, len) < 0)
		return -1;
	r->bytes = (triad ? 3.0 : 2.0) * (double)(n * sizeof(float));
	return timeit(r, c, 0, 1, launch, msg, len);
}

int run_stream(ck_result *r, const ck_case *c, char *msg, size_t len)
{
	size_t n4 = c->bytes / sizeof(float4);
	float *a = nullptr, *b = nullptr, *cc = nullptr;
	int rc = -1;

	if (n4 == 0)
		return fail(msg, len, "stream buffer of %zu bytes is too small", c->bytes);
	if (cudaMalloc(&a, n4 * sizeof(float4)) != cudaSuccess ||
	    cudaMalloc(&b, n4 * sizeof(float4)) != cudaSuccess ||
	    cudaMalloc(&cc, n4 * sizeof(float4)) != cudaSuccess)
		fail(msg, len, "cannot allocate three %zu-byte arrays on the device", c->bytes);
	else
		rc = run_stream_on(r, c, a, b, cc, n4, msg, len);
	cudaFree(a);
	cudaFree(b);
	cudaFree(cc);
	return rc;
}

cudaDataType_t cuda_type(ck_dtype d)
{
	return d == CK_FP8 ? CUDA_R_8F_E4M3 : d == CK_FP16 ? CUDA_R_16F : CUDA_R_16BF;
}

size_t type_size(ck_dtype d)
{
	return d == CK_FP8 ? 1 : 2;
}

const char *dtype_name(ck_dtype d)
{
	return d == CK_FP8 ? "fp8" : d == CK_FP16 ? "fp16" : "bf16";
}

/* Row `row` (k elements) of a row-major device array of type d, decoded. */
int host_row(std::vector<double> &out, const void *dev, ck_dtype d, size_t row, size_t k,
	     char *msg, size_t len)
{
	size_t es = type_size(d);
	std::vector<unsigned char> raw(k * es);

	CU(cudaMemcpy(raw.data(), (const unsigned char *)dev + row * k * es, k * es,
		      cudaMemcpyDeviceToHost));
	out.resize(k);
	for (size_t i = 0; i < k; i++) {
		if (d == CK_FP8)
			out[i] = to_double(((const __nv_fp8_e4m3 *)raw.data())[i]);
		else if (d == CK_FP16)
			out[i] = to_double(((const __half *)raw.data())[i]);
		else
			out[i] = to_double(((const __nv_bfloat16 *)raw.data())[i]);
	}
	return 0;
}

/* Sampled outputs of Y (column-major n x m) against double-precision dot
 * products of the decoded inputs. */
int check_gemm(ck_result *r, const ck_case *c, const void *x, const void *w, const void *y,
	       char *msg, size_t len)
{
	std::vector<double> xr, wr;
	double worst = 0;
	ck_dtype out = c->dtype == CK_FP16 ? CK_FP16 : CK_BF16;

	for (int s = 0; s < GEMM_CHECKS; s++) {
		size_t i = (size_t)(s * 7919) % (size_t)c->m;
		size_t j = (size_t)((unsigned long long)s * 104729ull * 2654435761ull % (unsigned long long)c->n);
		std::vector<double> yv;
		double ref = 0, sq = 0, e;

		if (host_row(xr, x, c->dtype, i, (size_t)c->k, msg, len) < 0 ||
		    host_row(wr, w, c->dtype, j, (size_t)c->k, msg, len) < 0)
			return -1;
		/* Y[j + i n] is one element: read it as a "row" of length 1 */
		if (host_row(yv, y, out, j + i * (size_t)c->n, 1, msg, len) < 0)
			return -1;
		for (long q = 0; q < c->k; q++) {
			ref += xr[q] * wr[q];
			sq += xr[q] * wr[q] * xr[q] * wr[q];
		}
		e = std::fabs(yv[0] - ref) / std::max(std::fabs(ref), std::sqrt(sq));
		worst = std::max(worst, e);
	}
	r->max_err = worst;
	if (!(worst <= GEMM_TOL))
		return fail(msg, len, "%s GEMM m=%ld n=%ld k=%ld gave a wrong result "
			    "(error %.3g of the output's scale, limit %.3g)",
			    dtype_name(c->dtype), c->m, c->n, c->k, worst, GEMM_TOL);
	return 0;
}

struct lt_plan {
	cublasLtMatmulDesc_t op = nullptr;
	cublasLtMatrixLayout_t a = nullptr, b = nullptr, y = nullptr;
	cublasLtMatmulPreference_t pref = nullptr;
	~lt_plan()
	{
		if (pref) cublasLtMatmulPreferenceDestroy(pref);
		if (y) cublasLtMatrixLayoutDestroy(y);
		if (b) cublasLtMatrixLayoutDestroy(b);
		if (a) cublasLtMatrixLayoutDestroy(a);
		if (op) cublasLtMatmulDescDestroy(op);
	}
};

template <typename T>
int fill_typed(void *p, size_t n, unsigned long long seed, char *msg, size_t len)
{
	return fill((T *)p, n, seed, msg, len);
}

int fill_dtype(void *p, ck_dtype d, size_t n, unsigned long long seed, char *msg, size_t len)
{
	if (d == CK_FP8)
		return fill_typed<__nv_fp8_e4m3>(p, n, seed, msg, len);
	if (d == CK_FP16)
		return fill_typed<__half>(p, n, seed, msg, len);
	return fill_typed<__nv_bfloat16>(p, n, seed, msg, len);
}

int run_gemm_with(ck_result *r, const ck_case *c, lt_plan &p, void *x, void *const *w,
		  int chain, void *y, char *msg, size_t len)
{
	cublasOperation_t ta = CUBLAS_OP_T, tb = CUBLAS_OP_N;
	cudaDataType_t in = cuda_type(c->dtype), out = c->dtype == CK_FP16 ? CUDA_R_16F : CUDA_R_16BF;
	uint64_t m = (uint64_t)c->m, n = (uint64_t)c->n, k = (uint64_t)c->k;
	size_t ws = WORKSPACE_BYTES;
	cublasLtMatmulHeuristicResult_t heur;
	int found = 0;
	const float alpha = 1.0f, beta = 0.0f;

	LT(cublasLtMatmulDescCreate(&p.op, CUBLAS_COMPUTE_32F, CUDA_R_32F));
	LT(cublasLtMatmulDescSetAttribute(p.op, CUBLASLT_MATMUL_DESC_TRANSA, &ta, sizeof(ta)));
	LT(cublasLtMatmulDescSetAttribute(p.op, CUBLASLT_MATMUL_DESC_TRANSB, &tb, sizeof(tb)));
	/* W: n rows of k, stored as a k x n column-major matrix, used transposed */
	LT(cublasLtMatrixLayoutCreate(&p.a, in, k, n, k));
	LT(cublasLtMatrixLayoutCreate(&p.b, in, k, m, k));
	LT(cublasLtMatrixLayoutCreate(&p.y, out, n, m, n));
	LT(cublasLtMatmulPreferenceCreate(&p.pref));
	LT(cublasLtMatmulPreferenceSetAttribute(p.pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES,
						&ws, sizeof(ws)));
	LT(cublasLtMatmulAlgoGetHeuristic(S.lt, p.op, p.a, p.b, p.y, p.y, p.pref, 1, &heur, &found));
	if (found < 1) {
		snprintf(msg, len, "cuBLASLt has no %s kernel for m=%ld n=%ld k=%ld here",
			 dtype_name(c->dtype), c->m, c->n, c->k);
		return 1;
	}
	auto launch = [&](int i) -> int {
		cublasStatus_t s = cublasLtMatmul(S.lt, p.op, &alpha, w[i], p.a, x, p.b, &beta,
						  y, p.y, y, p.y, &heur.algo, S.workspace,
						  WORKSPACE_BYTES, S.stream);
		return s == CUBLAS_STATUS_SUCCESS ? 0
			: fail(msg, len, "cublasLtMatmul: %s", cublasLtGetStatusString(s));
	};
	if (launch(0) < 0)
		return -1;
	CU(cudaStreamSynchronize(S.stream));
	if (check_gemm(r, c, x, w[0], y, msg, len) < 0)
		return -1;
	r->flops = 2.0 * (double)m * (double)n * (double)k;
	r->bytes = (double)((m * k + n * k) * type_size(c->dtype) + m * n * 2);
	return timeit(r, c, 1, chain, launch, msg, len);
}

int run_gemm(ck_result *r, const ck_case *c, char *msg, size_t len)
{
	size_t es = type_size(c->dtype), wbytes = (size_t)c->n * c->k * es;
	void *x = nullptr, *y = nullptr, *w[CHAIN_MAX] = { nullptr };
	int chain, i, rc = 0;
	lt_plan p;

	if (c->m < 1 || c->n < 1 || c->k < 1)
		return fail(msg, len, "GEMM shape m=%ld n=%ld k=%ld is empty", c->m, c->n, c->k);
	if (c->dtype == CK_FP8 && !S.dev.fp8) {
		snprintf(msg, len, "%s has no fp8 tensor cores (compute capability %d.%d)",
			 S.dev.name, S.dev.cc_major, S.dev.cc_minor);
		return 1;
	}
	/* weights that fit in L2 several times over are timed as a chain of
	 * distinct copies, the way a decode step streams its layers */
	chain = (int)std::min<size_t>(CHAIN_MAX, std::max<size_t>(1,
		(size_t)(CHAIN_L2_MULTIPLE * S.dev.l2_bytes) / std::max<size_t>(wbytes, 1)));
	CU(cudaMalloc(&x, (size_t)c->m * c->k * es));
	CU(cudaMalloc(&y, (size_t)c->m * c->n * 2));
	rc = fill_dtype(x, c->dtype, (size_t)c->m * c->k, next_seed(), msg, len);
	for (i = 0; rc == 0 && i < chain; i++) {
		if (cudaMalloc(&w[i], wbytes) != cudaSuccess)
			rc = fail(msg, len, "cannot allocate %zu bytes of weights", wbytes);
		else
			rc = fill_dtype(w[i], c->dtype, (size_t)c->n * c->k, next_seed(), msg, len);
	}
	if (rc == 0)
		rc = run_gemm_with(r, c, p, x, w, chain, y, msg, len);
	cudaFree(x);
	cudaFree(y);
	for (i = 0; i < chain; i++)
		cudaFree(w[i]);
	return rc;
}

/* Host buffer of n floats: pinned or pageable (touched, so the timing
 * does not include first-touch page faults). */
int host_alloc(float **out, size_t n, int pinned, char *msg, size_t len)
{
	if (pinned) {
		CU(cudaMallocHost((void **)out, n * sizeof(float)));
	} else {
		*out = (float *)malloc(n * sizeof(float));
		if (!*out)
			return fail(msg, len, "out of host memory for a %zu-byte buffer",
				    n * sizeof(float));
		memset(*out, 1, n * sizeof(float));
	}
	return 0;
}

void host_free(float *p, int pinned)
{
	if (pinned)
		cudaFreeHost(p);
	else
		free(p);
}

/* Host-side wall time of synchronous copies: pageable copies are staged
 * through the driver's pinned buffers, which events on one stream would
 * not see whole. */
int run_host(ck_result *r, const ck_case *c, char *msg, size_t len)
{
	size_t n = c->bytes / sizeof(float);
	float *h = nullptr, *d = nullptr;
	unsigned long long seed = next_seed();
	int h2d = c->kind == CK_H2D, rc = 0;
	std::vector<double> t;

	if (n == 0)
		return fail(msg, len, "transfer of %zu bytes is too small", c->bytes);
	if (host_alloc(&h, n, c->pinned, msg, len) < 0)
		return -1;
	if (cudaMalloc(&d, n * sizeof(float)) != cudaSuccess) {
		host_free(h, c->pinned);
		return fail(msg, len, "cannot allocate %zu bytes on the device", n * sizeof(float));
	}
	auto copy = [&]() -> int {
		cudaError_t e = h2d ? cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice)
				    : cudaMemcpy(h, d, n * sizeof(float), cudaMemcpyDeviceToHost);
		return e == cudaSuccess ? 0 : fail(msg, len, "cudaMemcpy: %s", cudaGetErrorString(e));
	};
	if (h2d) {
		for (size_t i = 0; i < n; i++)
			h[i] = urand(seed, i);
		rc = copy();
		if (rc == 0)
			rc = check_device(d, n, seed, 0, 0, 0, "host-to-device copy", msg, len);
	} else {
		rc = fill(d, n, seed, msg, len);
		if (rc == 0 && cudaStreamSynchronize(S.stream) != cudaSuccess)
			rc = fail(msg, len, "fill before device-to-host copy failed");
		if (rc == 0)
			rc = copy();
		for (size_t i = 0; rc == 0 && i < n; i += 4099)
			if (h[i] != urand(seed, i))
				rc = fail(msg, len, "device-to-host copy gave a wrong value at %zu", i);
	}
	for (int i = 0; rc == 0 && i < std::max(3, c->reps); i++) {
		double t0 = now_s();

		rc = copy();
		t.push_back(now_s() - t0);
	}
	if (rc == 0) {
		std::sort(t.begin(), t.end());
		r->reps = (int)t.size();
		r->min_s = t.front();
		r->max_s = t.back();
		r->median_s = t[t.size() / 2];
		r->bytes = (double)(n * sizeof(float));
	}
	cudaFree(d);
	host_free(h, c->pinned);
	return rc;
}

int run_p2p(ck_result *r, const ck_case *c, char *msg, size_t len)
{
	size_t n = c->bytes / sizeof(float);
	float *src = nullptr, *dst = nullptr;
	unsigned long long seed = next_seed();
	int can = 0, rc;

	if (S.dev.count < 2) {
		snprintf(msg, len, "one GPU is visible: no peer to copy to");
		return 1;
	}
	if (c->peer < 0 || c->peer >= S.dev.count || c->peer == S.index)
		return fail(msg, len, "peer device %d is not another visible GPU", c->peer);
	CU(cudaDeviceCanAccessPeer(&can, S.index, c->peer));
	if (can) {
		cudaError_t e = cudaDeviceEnablePeerAccess(c->peer, 0);

		if (e != cudaSuccess && e != cudaErrorPeerAccessAlreadyEnabled)
			return fail(msg, len, "cudaDeviceEnablePeerAccess: %s", cudaGetErrorString(e));
		cudaGetLastError();
	}
	CU(cudaMalloc(&src, n * sizeof(float)));
	CU(cudaSetDevice(c->peer));
	rc = cudaMalloc(&dst, n * sizeof(float)) == cudaSuccess ? 0
		: fail(msg, len, "cannot allocate %zu bytes on device %d", n * sizeof(float), c->peer);
	CU(cudaSetDevice(S.index));
	if (rc == 0)
		rc = fill(src, n, seed, msg, len);
	auto launch = [&](int) -> int {
		cudaError_t e = cudaMemcpyPeerAsync(dst, c->peer, src, S.index,
						    n * sizeof(float), S.stream);
		return e == cudaSuccess ? 0 : fail(msg, len, "cudaMemcpyPeerAsync: %s",
						   cudaGetErrorString(e));
	};
	if (rc == 0 && (rc = launch(0)) == 0 && cudaStreamSynchronize(S.stream) != cudaSuccess)
		rc = fail(msg, len, "peer copy failed");
	if (rc == 0) {
		/* bring the copy back and check it on this device */
		float *back = nullptr;

		if (cudaMalloc(&back, n * sizeof(float)) != cudaSuccess ||
		    cudaMemcpyPeer(back, S.index, dst, c->peer, n * sizeof(float)) != cudaSuccess)
			rc = fail(msg, len, "cannot copy the peer's buffer back to check it");
		else
			rc = check_device(back, n, seed, 0, 0, 0, "peer-to-peer copy", msg, len);
		cudaFree(back);
	}
	r->bytes = (double)(n * sizeof(float));
	if (rc == 0)
		rc = timeit(r, c, 0, 1, launch, msg, len);
	cudaFree(src);
	cudaSetDevice(c->peer);
	cudaFree(dst);
	cudaSetDevice(S.index);
	return rc;
}

} /* namespace */

extern "C" int ck_open(ck_device *dev, int index, char *msg, size_t len)
{
	cudaDeviceProp p;
	size_t free_b = 0, total_b = 0;
	int count = 0, drv = 0, rt = 0;
	cudaError_t e;

	memset(dev, 0, sizeof(*dev));
	if (S.open)
		return fail(msg, len, "a device is already open");
	CU(cudaRuntimeGetVersion(&rt));
	if (cudaDriverGetVersion(&drv) != cudaSuccess || drv == 0)
		return fail(msg, len, "no NVIDIA driver is loaded (is this a GPU machine?)");
	if (drv < rt)
		return fail(msg, len, "the driver supports CUDA %d.%d but rigplan was built with "
			    "CUDA %d.%d: update the driver or rebuild with an older toolkit",
			    drv / 1000, drv % 1000 / 10, rt / 1000, rt % 1000 / 10);
	e = cudaGetDeviceCount(&count);
	if (e != cudaSuccess || count == 0)
		return fail(msg, len, "no CUDA device is visible (%s)",
			    e != cudaSuccess ? cudaGetErrorString(e) : "none found");
	if (index < 0 || index >= count)
		return fail(msg, len, "--device %d: this machine has %d CUDA device%s (0 to %d)",
			    index, count, count == 1 ? "" : "s", count - 1);
	CU(cudaSetDevice(index));
	e = cudaFree(nullptr);    /* creates the context */
	if (e == cudaErrorDevicesUnavailable)
		return fail(msg, len, "device %d is busy: it is in exclusive mode and another "
			    "process holds it", index);
	if (e != cudaSuccess)
		return fail(msg, len, "cannot create a CUDA context on device %d: %s", index,
			    cudaGetErrorString(e));
	CU(cudaMemGetInfo(&free_b, &total_b));
	CU(cudaGetDeviceProperties(&p, index));
	snprintf(dev->name, sizeof(dev->name), "%s", p.name);
	snprintf(dev->pci_bus_id, sizeof(dev->pci_bus_id), "%08X:%02X:%02X.0",
		 p.pciDomainID, p.pciBusID, p.pciDeviceID);
	dev->index = index;
	dev->count = count;
	dev->sms = p.multiProcessorCount;
	dev->cc_major = p.major;
	dev->cc_minor = p.minor;
	dev->memory_bytes = (double)total_b;
	dev->context_bytes = (double)(total_b - free_b);
	dev->l2_bytes = (double)p.l2CacheSize;
	dev->driver_version = drv;
	dev->runtime_version = rt;
	dev->fp8 = p.major * 10 + p.minor >= 89;

	S.index = index;
	S.dev = *dev;
	S.seed = (unsigned long long)time(nullptr) ^ 0x5DEECE66Dull;
	S.flush_bytes = std::max((size_t)p.l2CacheSize * 2, (size_t)(64u << 20));
	CU(cudaStreamCreateWithFlags(&S.stream, cudaStreamNonBlocking));
	CU(cudaEventCreate(&S.e0));
	CU(cudaEventCreate(&S.e1));
	CU(cudaMalloc(&S.workspace, WORKSPACE_BYTES));
	CU(cudaMalloc(&S.flush, S.flush_bytes));
	LT(cublasLtCreate(&S.lt));
	S.open = 1;
	return 0;
}

extern "C" int ck_run(ck_result *res, const ck_case *c, char *msg, size_t len)
{
	int rc;

	memset(res, 0, sizeof(*res));
	if (!S.open)
		return fail(msg, len, "no device is open");
	switch (c->kind) {
	case CK_COPY:
	case CK_TRIAD:
		rc = run_stream(res, c, msg, len);
		break;
	case CK_GEMM:
		rc = run_gemm(res, c, msg, len);
		break;
	case CK_H2D:
	case CK_D2H:
		rc = run_host(res, c, msg, len);
		break;
	case CK_P2P:
		rc = run_p2p(res, c, msg, len);
		break;
	default:
		return fail(msg, len, "unknown case kind %d", (int)c->kind);
	}
	if (rc < 0) {
		/* leave the device usable for the next case when we can */
		cudaGetLastError();
	}
	return rc;
}

extern "C" void ck_close(void)
{
	if (!S.open)
		return;
	cublasLtDestroy(S.lt);
	cudaFree(S.flush);
	cudaFree(S.workspace);
	cudaEventDestroy(S.e0);
	cudaEventDestroy(S.e1);
	cudaStreamDestroy(S.stream);
	S = state();
}
