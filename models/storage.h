/*
 * storage.h - model load times and KV-cache offload costs.  Seconds, bytes.
 */
#ifndef RIGPLAN_MODELS_STORAGE_H
#define RIGPLAN_MODELS_STORAGE_H

#include <stddef.h>

struct storage_spec {
	double drive_read_bytes_per_s;   /* sequential read */
	double drive_write_bytes_per_s;  /* sequential write (swap out) */
	double drive_latency_s;          /* one random read */
	double ram_bytes;                /* host memory */
	double ram_reserved_bytes;       /* OS and the engine's own process */
	double h2d_bytes_per_s;          /* host to one GPU, pageable memory */
	int materialize;                 /* loader builds the whole state dict in RAM (torch.load) */
	double load_read_max;            /* the loader's own ceiling on a cold read (llama.cpp's
					  * mmap on a Mac), bytes/s; 0: the drive's */
};

struct load_result {
	double cold_s;          /* files not in the page cache */
	double warm_s;          /* a restart with the files cached */
	int cache_fits;         /* the page cache can hold the files */
	double swap_bytes;      /* spilled to swap by a materializing loader */
};

/* Loading `bytes` of weights onto `gpus` GPUs, each taking its share. */
void storage_load(struct load_result *out, const struct storage_spec *s,
		  double bytes, size_t gpus);

/* Restoring `bytes` of offloaded KV cache from the drive. */
double storage_kv_restore_s(const struct storage_spec *s, double bytes);

#endif
