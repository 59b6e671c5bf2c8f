/*
 * defaults.c - the host and site figures of defaults.h with their sources.
 * A figure the catalog could hold per part belongs in the catalog; these
 * are about the site or the software around the GPUs.
 */
#include <stddef.h>

#include "models/defaults.h"

const struct host_fact host_facts[HOST_DEFAULT_COUNT] = {
	[HOST_OS_RESERVE_BYTES] = { "os-reserve", 8589934592.0, "bytes",
		"assumed: 8 GiB the OS and the engine's process keep out of the page cache" },
	[HOST_SWAP_BYTES_PER_GPU] = { "swap-per-gpu", 4294967296.0, "bytes",
		"vLLM --swap-space default, 4 GiB per GPU (vllm/engine/arg_utils.py, v0.6.6)" },
	[HOST_USD_PER_KWH] = { "usd-per-kwh", 0.127, "USD/kWh",
		"US commercial average 2024, EIA Electric Power Monthly table 5.6.A" },
	[HOST_PUE] = { "pue", 1.56, "",
		"industry average, Uptime Institute Global Data Center Survey 2024" },
	[HOST_YEARS] = { "years", 3, "years",
		"assumed: 3-year straight-line amortization of the hardware" },
	[HOST_UTILIZATION] = { "utilization", 1.0, "",
		"the best case, every hour serving (estimate --utilization)" },
	[HOST_INLET_C] = { "inlet", 25, "C",
		"inside ASHRAE TC 9.9's recommended 18-27 C envelope" },
	[HOST_GPU_PREHEAT_K] = { "gpu-preheat", 9.1, "K",
		"fitted: the zero-draw die temperature of 4 H100/H200 SXM recordings "
		"(tests/data/measure, tests/data/calibration) is 32.0-35.6 C, mean 34.1 C; "
		"none recorded the room, so this assumes it was at the default inlet" },
	[HOST_AIR_RISE_K] = { "air-rise", 15, "K",
		"assumed: inlet-to-outlet rise across the node (estimate --delta-t)" },
	[HOST_THERMAL_S] = { "thermal-time", 60, "s",
		"assumed: one minute of sustained load for the GPU temperature trace" },
	[HOST_TRANSIENT_DESKTOP] = { "transient-desktop", 1.5, "x TGP",
		"PCIe CEM 5.0 lets a card draw 3x TGP for 100 us; an ATX 3.0 PSU carries "
		"200% of its rating for 100 us: a rating of 3/2 of TGP rides it through "
		"(data-centre parts are capped by firmware power brakes: 1x)" },
	[HOST_CPU_LOAD] = { "cpu-load", 0.5, "x TDP",
		"assumed: CPUs average half their TDP while feeding GPUs" },
	[HOST_DIMM_W] = { "dimm-power", 6.0, "W",
		"assumed: a DDR5 RDIMM under load draws about 6 W" },
	[HOST_NIC_W] = { "nic-power", 25.0, "W",
		"assumed, not from a datasheet: one 400G NIC per data-centre GPU" },
	[HOST_FANS_SERVER] = { "fans-server", 0.08, "x rest",
		"assumed: fans add 8% in air-cooled servers" },
	[HOST_FANS_DESKTOP] = { "fans-desktop", 0.03, "x rest",
		"assumed: fans add 3% on desktops" },
	[HOST_TOWER_PSUS] = { "tower-psus", 2, "PSUs",
		"the most any tower of data/chassis.sql mounts: the Phanteks Enthoo Pro 2's "
		"dual-PSU mount (https://phanteks.com/product/enthoo-pro-2/, 2026-11-24); "
		"each ATX PSU feeds its own devices, none redundant" },
	/* A tower plugs into one household receptacle; what it may draw
	 * there, at its peak, from the rating of the receptacle.  The
	 * largest is the most a planned tower may draw (plan
	 * --node-power-max for a dedicated circuit: a US 240 V 20 A one
	 * carries 16 A x 240 V, the same NEC table).  Sources, read
	 * 2026-12-06: the NEC table as quoted at
	 * https://forums.mikeholt.com/threads/article-210-21-b-2.2532798;
	 * Schuko's rating at https://schuko-wzv.de/technology-safety/ and
	 * its continuous-load caveat at https://www.elektrofachkraft.de/
	 * sicheres-arbeiten/der-schukostecker-und-seine-besonderheiten-adapter */
	[HOST_CIRCUIT_120V_15A] = { "circuit-120v-15a", 1440, "W",
		"US NEC table 210.21(B)(2): a 15 A receptacle on a circuit of two or more, as "
		"household ones are, supplies at most 12 A (80%) of cord-and-plug load; x 120 V" },
	[HOST_CIRCUIT_120V_20A] = { "circuit-120v-20a", 1920, "W",
		"US NEC table 210.21(B)(2): a 20 A receptacle supplies at most 16 A; x 120 V" },
	[HOST_CIRCUIT_230V_16A] = { "circuit-230v-16a", 2944, "W",
		"Schuko (CEE 7/3) sockets are rated 16 A at 230 V, 3680 W, but not for a "
		"continuous 16 A (schuko-wzv.de; elektrofachkraft.de): assumed 80% as the NEC, "
		"12.8 A x 230 V" },
	/* An edge module (Jetson) is a whole system: one memory for the OS,
	 * the CPU and the GPU, and a power mode for the whole module.
	 * Sources, read 2026-12-06: https://edgeaistack.app/engines/memory-estimator
	 * ("the OS and runtime consume ~1.5-2 GB" of an 8 GB Orin Nano);
	 * https://forums.developer.nvidia.com/t/324194 (the developer kit's
	 * input is specified per interface, not as one figure) */
	[HOST_EDGE_OS_RESERVE_BYTES] = { "edge-os-reserve", 2147483648.0, "bytes",
		"the OS, CPU and carveouts keep about 1.5-2 GB of an Orin Nano's 8 GB before "
		"inference (edgeaistack.app memory estimator); assumed: 2 GiB of any module's "
		"unified memory" },
	[HOST_EDGE_CARRIER_W] = { "edge-carrier-power", 5.0, "W",
		"assumed, not from a datasheet: a carrier board's fan, NVMe drive and idle "
		"ports beside the module, whose power mode covers its CPU, GPU and memory "
		"(NVIDIA gives the developer kits' input per interface, not as one figure)" },
	/* A Mac's GPU may wire only part of its unified memory: Metal's
	 * recommendedMaxWorkingSetSize, as llama.cpp and Ollama log it at
	 * start (read 2026-12-07): 16 GB 10922.67 MB (abetlen/llama-cpp-python
	 * issue 687) and 32 GB 21845.34 MB (ollama issue 434), 2/3; 36 GB
	 * 28991.03 MB (ollama issue 2370) and 96 GB 73728 MB (llama.cpp issue
	 * 3213), 3/4.  `sudo sysctl iogpu.wired_limit_mb` raises it until the
	 * next boot; rigplan plans on the default. */
	[HOST_SOC_SMALL_BYTES] = { "mac-gpu-small-memory", 34359738368.0, "bytes",
		"Metal's recommendedMaxWorkingSetSize is 2/3 of a Mac's memory up to 32 GB "
		"and 3/4 above (llama.cpp issue 3213, ollama issues 434 and 2370)" },
	[HOST_SOC_GPU_SHARE_SMALL] = { "mac-gpu-share-small", 2.0 / 3.0, "x memory",
		"16 GB: 10922.67 MB, 32 GB: 21845.34 MB as llama.cpp logs "
		"recommendedMaxWorkingSetSize (llama-cpp-python issue 687, ollama issue 434)" },
	[HOST_SOC_GPU_SHARE] = { "mac-gpu-share", 0.75, "x memory",
		"36 GB: 28991.03 MB, 96 GB: 73728 MB as llama.cpp logs "
		"recommendedMaxWorkingSetSize (ollama issue 2370, llama.cpp issue 3213); "
		"sysctl iogpu.wired_limit_mb raises it" },
	/*
	 * What offloaded work runs at (models/offload.c).  Host memory:
	 * llama.cpp issue 4716 (2023-12-31) decodes Mixtral Q8_0 at 3.37
	 * tok/s on a 7950X with DDR5 at 3600 MT/s, two channels (57.6 GB/s):
	 * 12.9e9 active parameters x 8.5 bits = 13.7 GB a token, 46.2 GB/s,
	 * 0.80 of the peak; ktransformers issue 587 measures 230 of the 460
	 * GB/s of one EPYC socket of 12 DDR5-4800 channels, 0.50.
	 */
	[HOST_MEM_READ_DESKTOP] = { "host-mem-read-desktop", 0.80, "x peak",
		"llama.cpp issue 4716: Mixtral Q8_0 decode at 3.37 tok/s from two DDR5-3600 "
		"channels is 46.2 of 57.6 GB/s" },
	[HOST_MEM_READ_SERVER] = { "host-mem-read-server", 0.50, "x peak",
		"ktransformers issue 587: 230 GB/s measured of 460 GB/s on one EPYC socket of "
		"12 DDR5-4800 channels" },
	[HOST_CPU_FLOPS_PER_CYCLE] = { "cpu-flops-per-cycle", 32, "FLOP",
		"assumed: two 256-bit FMA pipes a core (AVX2 x86 since Haswell and Zen 2), 8 "
		"fp32 lanes x 2 FLOPs x 2, at the base clock; AVX-512 parts may do more" },
	[HOST_H2D_PINNED] = { "h2d-pinned", 0.80, "x link",
		"measured: pinned host-to-device copies at 50.7 GB/s of the 63 GB/s of an "
		"H100's PCIe 5.0 x16 link (tests/data/measure/h100-sxm.json)" },
	[HOST_LLAMA_UBATCH] = { "llama-ubatch", 512, "tokens",
		"llama.cpp common/common.h: n_ubatch = 512, the physical batch a prompt is "
		"computed in" },
	[HOST_LLAMA_OFFLOAD_MIN] = { "llama-offload-min-batch", 32, "tokens",
		"ggml-cuda.cu: ops on host weights run on the GPU from a batch of 32 "
		"(GGML_OP_OFFLOAD_MIN_BATCH's default, llama.cpp PR 18535); smaller on the CPU" },
	[HOST_METAL_MM_TOKENS] = { "metal-mm-tokens", 32, "tokens",
		"llama.cpp ggml-metal.metal kernel_mul_mm: a threadgroup multiplies 64 weight rows "
		"by BLOCK_SIZE_N = 32 tokens, unpacking its quantized weights for each such tile" },
	/* llama.cpp maps the GGUF file and macOS faults it in page by page:
	 * the load runs at a fraction of the SSD (docs/sources/mac-ssd.json) */
	[HOST_MAC_MMAP_READ] = { "mac-mmap-read", 0.73e9, "bytes/s",
		"llama.cpp issue 9244: an M3 Max loads a model at ~730 MB/s with mmap, ~6.4 GB/s "
		"with --no-mmap; Ollama issue 5923: ~700 MB/s (M3 Max), ~920 MB/s (M2 Ultra)" },
};

/* The circuits' names, smallest first, as the notes print them. */
static const struct {
	enum host_default fact;
	const char *name;
} circuits[] = {
	{ HOST_CIRCUIT_120V_15A, "120 V 15 A" },
	{ HOST_CIRCUIT_120V_20A, "120 V 20 A" },
	{ HOST_CIRCUIT_230V_16A, "230 V 16 A" },
};

double host_default(enum host_default id)
{
	return host_facts[id].value;
}

const char *host_circuit(double wall_w)
{
	size_t i;

	for (i = 0; i < sizeof(circuits) / sizeof(circuits[0]); i++)
		if (wall_w <= host_facts[circuits[i].fact].value)
			return circuits[i].name;
	return NULL;
}

double host_circuit_max_w(void)
{
	return host_facts[circuits[sizeof(circuits) / sizeof(circuits[0]) - 1].fact].value;
}
