/*
 * storage.c - load and restore times.
 *
 * Cold: the files stream from the drive once, bounded by its sequential
 * read (or the loader's own ceiling: llama.cpp maps the file, which a Mac
 * pages in at a fraction of its SSD) or by the host-to-GPU copies (all
 * GPUs load their shards at once), whichever is slower.  Warm: the page cache serves the files, so only the
 * host-to-GPU copies count, unless RAM cannot hold them: then the cache
 * evicts as it reads and a restart is a cold load again.  A loader that
 * materializes the whole state dict in RAM first (torch.load without mmap)
 * spills what exceeds free RAM to swap: written once and read back once.
 */
#include <math.h>

#include "models/storage.h"

void storage_load(struct load_result *out, const struct storage_spec *s,
		  double bytes, size_t gpus)
{
	double h2d = s->h2d_bytes_per_s * (double)gpus;
	double free_ram = fmax(0, s->ram_bytes - s->ram_reserved_bytes);
	double read = s->load_read_max > 0 ? fmin(s->drive_read_bytes_per_s, s->load_read_max) :
		      s->drive_read_bytes_per_s;

	out->cache_fits = bytes <= free_ram;
	out->cold_s = s->drive_latency_s + bytes / fmin(read, h2d);
	out->warm_s = out->cache_fits ? bytes / h2d : out->cold_s;
	out->swap_bytes = s->materialize ? fmax(0, bytes - free_ram) : 0;
	if (out->swap_bytes > 0) {
		double spill = out->swap_bytes / s->drive_write_bytes_per_s +
			       out->swap_bytes / s->drive_read_bytes_per_s;

		out->cold_s += spill;
		out->warm_s += spill;
	}
}

double storage_kv_restore_s(const struct storage_spec *s, double bytes)
{
	return s->drive_latency_s + bytes / s->drive_read_bytes_per_s;
}
