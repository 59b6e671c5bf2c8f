/*
 * defaults.h - the figures about the host and the site that no catalog
 * row holds, one table with a source for each: the OS reserve and swap
 * in host memory, electricity, PUE, amortization, inlet and air rise,
 * PSU sizing for GPU transients, the host's share of the power, and the
 * household circuits a desktop tower plugs into.
 * Every layer reads them from here (bind/ for estimates, planner/ for
 * node completion, generators/ for the pods' memory), and `rigplan help`
 * prints the table.
 */
#ifndef RIGPLAN_MODELS_DEFAULTS_H
#define RIGPLAN_MODELS_DEFAULTS_H

enum host_default {
	HOST_OS_RESERVE_BYTES,      /* host memory the OS and the engine's process keep */
	HOST_SWAP_BYTES_PER_GPU,    /* host memory the engine swaps KV blocks to, per GPU */
	HOST_USD_PER_KWH,           /* electricity */
	HOST_PUE,                   /* facility power / IT power */
	HOST_YEARS,                 /* straight-line amortization */
	HOST_UTILIZATION,           /* share of the hours the deployment serves */
	HOST_INLET_C,               /* air into the node */
	HOST_GPU_PREHEAT_K,         /* air at the GPUs' heatsinks over the inlet */
	HOST_AIR_RISE_K,            /* inlet to outlet, for the airflow needed */
	HOST_THERMAL_S,             /* sustained load the GPU temperature is traced for */
	HOST_TRANSIENT_DESKTOP,     /* PSU rating per watt of GeForce/workstation TGP */
	HOST_CPU_LOAD,              /* share of CPU TDP drawn while feeding GPUs */
	HOST_DIMM_W,                /* one DDR5 RDIMM under load */
	HOST_NIC_W,                 /* one 400G NIC per data-centre GPU */
	HOST_FANS_SERVER,           /* fan power over the rest, air-cooled server */
	HOST_FANS_DESKTOP,          /* ... desktop */
	HOST_TOWER_PSUS,            /* most ATX PSUs one desktop tower mounts */
	HOST_CIRCUIT_120V_15A,      /* household outlets a tower plugs into: the */
	HOST_CIRCUIT_120V_20A,      /* most one receptacle supplies to a cord-and- */
	HOST_CIRCUIT_230V_16A,      /* plug load, watts, smallest first */
	HOST_EDGE_OS_RESERVE_BYTES, /* an edge module's unified memory the OS and CPU keep */
	HOST_EDGE_CARRIER_W,        /* an edge module's carrier board beside the module */
	HOST_SOC_SMALL_BYTES,       /* a Mac's memory up to which the GPU wires the smaller share */
	HOST_SOC_GPU_SHARE_SMALL,   /* share of a Mac's memory the GPU may wire, up to that */
	HOST_SOC_GPU_SHARE,         /* ... above it */
	HOST_MEM_READ_DESKTOP,      /* achieved / peak host memory read, dual channel */
	HOST_MEM_READ_SERVER,       /* ... many-channel server socket */
	HOST_CPU_FLOPS_PER_CYCLE,   /* per core, what a CPU computes offloaded layers at */
	HOST_H2D_PINNED,            /* pinned host-to-GPU copies / the PCIe link */
	HOST_LLAMA_UBATCH,          /* llama.cpp's physical batch, prompt tokens */
	HOST_LLAMA_OFFLOAD_MIN,     /* tokens from which ggml computes host weights on the GPU */
	HOST_METAL_MM_TOKENS,       /* tokens a Metal matrix-product tile unpacks its weights for */
	HOST_MAC_MMAP_READ,         /* llama.cpp's mmap'd load on a Mac, bytes/s, whatever the SSD */
	HOST_DEFAULT_COUNT
};

struct host_fact {
	const char *name;           /* kebab-case, as `rigplan help` prints it */
	double value;               /* SI units */
	const char *unit;           /* of value: "bytes", "USD/kWh", ... */
	const char *source;         /* where the figure comes from, or why it is assumed */
};

/* Borrowed, static; indexed by enum host_default. */
extern const struct host_fact host_facts[HOST_DEFAULT_COUNT];

/* host_facts[id].value */
double host_default(enum host_default id);

/* The smallest household circuit that carries a tower's peak of wall_w
 * watts at the wall ("120 V 15 A", "120 V 20 A", "230 V 16 A"), or NULL
 * when none does: more than one outlet.  Static. */
const char *host_circuit(double wall_w);

/* The largest household circuit's watts: the most one tower may draw. */
double host_circuit_max_w(void);

#endif
