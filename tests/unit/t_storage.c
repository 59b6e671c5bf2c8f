/*
 * t_storage.c - storage.c: cold and warm load times of the weights, each against a case worked by hand in
 * the comment above it.
 */
#include "tests/testlib.h"
#include "models/storage.h"
#include "util/err.h"
#include "util/units.h"

#include <math.h>
#include <string.h>

/*
 * 100 GB of weights from a 7 GB/s drive (0.1 ms to first byte) onto 2
 * GPUs taking 10 GB/s each: the drive is the bottleneck, 1e-4 + 100 / 7 =
 * 14.2858 s cold; warm from the page cache 100 / 20 = 5 s (128 GiB of RAM,
 * 8 reserved, holds it).  One GPU taking 5 GB/s: that link limits, 20 s.
 * 64 GiB of RAM with a materializing loader: 100e9 - 56 GiB = 39.87 GB
 * spill, written at 6 GB/s and read at 7: +6.645 + 5.696 = +12.341 s.
 * A 1 GB KV restore: 1e-4 + 1 / 7 = 0.142957 s.
 */
static void load_times(void)
{
	struct storage_spec s = { 7e9, 6e9, 1e-4, 128 * UNIT_GIB, 8 * UNIT_GIB, 10e9, 0, 0 };
	struct load_result r;
	double spill = 100e9 - 56 * UNIT_GIB;

	storage_load(&r, &s, 100e9, 2);
	test_rel(r.cold_s, 1e-4 + 100.0 / 7, 1e-12, "cold %.4f s (worked 14.2858)", r.cold_s);
	test_rel(r.warm_s, 5, 1e-12, "warm 5 s");
	test_ok(r.cache_fits && r.swap_bytes == 0, "page cache holds it, no swap");
	s.h2d_bytes_per_s = 5e9;
	storage_load(&r, &s, 100e9, 1);
	test_rel(r.cold_s, 1e-4 + 20, 1e-12, "one slow link: 20 s");
	s.h2d_bytes_per_s = 10e9;
	s.ram_bytes = 64 * UNIT_GIB;
	s.materialize = 1;
	storage_load(&r, &s, 100e9, 2);
	test_rel(r.swap_bytes, spill, 1e-12, "%.2f GB to swap (worked 39.87)", r.swap_bytes / 1e9);
	test_rel(r.cold_s, 1e-4 + 100.0 / 7 + spill / 6e9 + spill / 7e9, 1e-12,
		 "cold with swap %.3f s (worked 26.627)", r.cold_s);
	test_ok(!r.cache_fits && r.warm_s == r.cold_s, "no page cache: warm = cold");
	test_rel(storage_kv_restore_s(&s, 1e9), 0.142957, 1e-5, "1 GB KV restore 0.142957 s");
	/* a loader that maps the file and pages it in at 0.73 GB/s (llama.cpp
	 * on a Mac): 40 GB in 1e-4 + 40 / 0.73 = 54.795 s cold, whatever the
	 * 7 GB/s drive; warm from the page cache, and a KV restore (a plain
	 * read), as before */
	s.materialize = 0;
	s.ram_bytes = 192 * UNIT_GIB;
	s.load_read_max = 0.73e9;
	storage_load(&r, &s, 40e9, 1);
	test_rel(r.cold_s, 1e-4 + 40 / 0.73, 1e-12, "mmap'd on a Mac: cold %.3f s (worked 54.795)",
		 r.cold_s);
	test_rel(r.warm_s, 4, 1e-12, "... warm from the page cache, 4 s");
	test_rel(storage_kv_restore_s(&s, 1e9), 0.142957, 1e-5, "... a KV restore reads the drive");
}

int main(void)
{
	load_times();
	return test_done();
}
