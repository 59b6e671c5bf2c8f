-- CPUs (AMD and Intel product pages): PCIe lanes per socket, memory
-- channels per socket, TDP (Intel: processor base power); prices are the
-- vendors' recommended customer / 1ku list prices at launch.
INSERT INTO cpu (id, name, vendor, segment, cores, threads, base_hz, boost_hz, pcie_gen, pcie_lanes, memory_type,
  memory_channels, max_sockets, tdp_w, source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
('epyc-9654', 'AMD EPYC 9654', 'amd', 'server', 96, 192, 2.4e9, 3.7e9, 5, 128, 'DDR5', 12, 2, 360,
  'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9654.html', '2026-11-24', 11805, 'list', 'AMD launch price list, November 2022', '2022-11-10'),
('epyc-9554', 'AMD EPYC 9554', 'amd', 'server', 64, 128, 3.1e9, 3.75e9, 5, 128, 'DDR5', 12, 2, 360,
  'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9554.html', '2026-11-24', 9087, 'list', 'AMD launch price list, November 2022', '2022-11-10'),
('epyc-9354', 'AMD EPYC 9354', 'amd', 'server', 32, 64, 3.25e9, 3.8e9, 5, 128, 'DDR5', 12, 2, 280,
  'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9354.html', '2026-11-24', 3420, 'list', 'AMD launch price list, November 2022', '2022-11-10'),
('epyc-9124', 'AMD EPYC 9124', 'amd', 'server', 16, 32, 3.0e9, 3.7e9, 5, 128, 'DDR5', 12, 2, 200,
  'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9124.html', '2026-11-24', 1083, 'list', 'AMD launch price list, November 2022', '2022-11-10'),
('epyc-9655', 'AMD EPYC 9655', 'amd', 'server', 96, 192, 2.6e9, 4.5e9, 5, 128, 'DDR5', 12, 2, 400,
  'https://www.amd.com/en/products/processors/server/epyc/9005-series/amd-epyc-9655.html', '2026-11-24', NULL, NULL, NULL, NULL),
('xeon-platinum-8480plus', 'Intel Xeon Platinum 8480+', 'intel', 'server', 56, 112, 2.0e9, 3.8e9, 5, 80, 'DDR5', 8, 8, 350,
  'https://www.intel.com/content/www/us/en/products/sku/231746/intel-xeon-platinum-8480-processor-105m-cache-2-00-ghz/specifications.html', '2026-11-24', 10710, 'list', 'Intel ARK recommended customer price', '2026-11-24'),
('xeon-platinum-8468', 'Intel Xeon Platinum 8468', 'intel', 'server', 48, 96, 2.1e9, 3.8e9, 5, 80, 'DDR5', 8, 2, 350,
  'https://www.intel.com/content/www/us/en/products/sku/231735/intel-xeon-platinum-8468-processor-105m-cache-2-10-ghz/specifications.html', '2026-11-24', 7214, 'list', 'Intel ARK recommended customer price', '2026-11-24'),
('xeon-gold-6448y', 'Intel Xeon Gold 6448Y', 'intel', 'server', 32, 64, 2.1e9, 4.1e9, 5, 80, 'DDR5', 8, 2, 225,
  'https://www.intel.com/content/www/us/en/products/sku/232384/intel-xeon-gold-6448y-processor-60m-cache-2-10-ghz/specifications.html', '2026-11-24', 3583, 'list', 'Intel ARK recommended customer price', '2026-11-24'),
('xeon-w9-3495x', 'Intel Xeon w9-3495X', 'intel', 'workstation', 56, 112, 1.9e9, 4.8e9, 5, 112, 'DDR5', 8, 1, 350,
  'https://www.intel.com/content/www/us/en/products/sku/233420/intel-xeon-w93495x-processor-105m-cache-1-90-ghz/specifications.html', '2026-11-24', 5889, 'list', 'Intel ARK recommended customer price', '2026-11-24'),
('threadripper-pro-7995wx', 'AMD Ryzen Threadripper PRO 7995WX', 'amd', 'workstation', 96, 192, 2.5e9, 5.1e9, 5, 128, 'DDR5', 8, 1, 350,
  'https://www.amd.com/en/products/processors/workstations/ryzen-threadripper/7000-wx-series/amd-ryzen-threadripper-pro-7995wx.html', '2026-11-24', 9999, 'msrp', 'AMD launch announcement, October 2023', '2023-10-19'),
('ryzen-9-7950x', 'AMD Ryzen 9 7950X', 'amd', 'desktop', 16, 32, 4.5e9, 5.7e9, 5, 24, 'DDR5', 2, 1, 170,
  'https://www.amd.com/en/products/processors/desktops/ryzen/7000-series/amd-ryzen-9-7950x.html (24 usable PCIe 5.0 lanes)', '2026-11-24', 699, 'msrp', 'AMD launch announcement, August 2022', '2022-08-29'),
('core-i9-14900k', 'Intel Core i9-14900K', 'intel', 'desktop', 24, 32, 3.2e9, 6.0e9, 5, 20, 'DDR5', 2, 1, 125,
  'https://www.intel.com/content/www/us/en/products/sku/236773/intel-core-i9-processor-14900k-36m-cache-up-to-6-00-ghz/specifications.html (16 PCIe 5.0 + 4 PCIe 4.0)', '2026-11-24', 589, 'list', 'Intel ARK recommended customer price', '2026-11-24');

-- The fastest memory each CPU runs, one DIMM per channel.  AMD's and
-- Intel's own spec tables as copied in July 2023 into
-- felixsteinke/cpu-spec-dataset (AMD's CSV export; Intel's from
-- ark.intel.com), which the search tools hold where amd.com and ark do
-- not; desktop parts from reviews quoting the vendor's figure.  No source
-- read gave the Threadripper PRO 7995WX's or the EPYC 9655's: they have
-- no row, so rigplan prices no offload on them.
INSERT INTO cpu_memory (id, memory_mts, source, as_of) VALUES
('epyc-9654', 4800, 'https://github.com/felixsteinke/cpu-spec-dataset/blob/4c08d8873c33a2d1054a40ae305eec22073463a7/dataset/amd-cpus.csv ("Up to 4800MHz",DDR5,12,"460.80 GB/s")', '2026-12-07'),
('epyc-9554', 4800, 'https://github.com/felixsteinke/cpu-spec-dataset/blob/4c08d8873c33a2d1054a40ae305eec22073463a7/dataset/amd-cpus.csv ("Up to 4800MHz",DDR5,12,"460.80 GB/s")', '2026-12-07'),
('epyc-9354', 4800, 'https://github.com/felixsteinke/cpu-spec-dataset/blob/4c08d8873c33a2d1054a40ae305eec22073463a7/dataset/amd-cpus.csv ("Up to 4800MHz",DDR5,12,"460.80 GB/s")', '2026-12-07'),
('epyc-9124', 4800, 'https://github.com/felixsteinke/cpu-spec-dataset/blob/4c08d8873c33a2d1054a40ae305eec22073463a7/dataset/amd-cpus.csv ("Up to 4800MHz",DDR5,12,"460.80 GB/s")', '2026-12-07'),
('xeon-platinum-8480plus', 4800, 'https://github.com/felixsteinke/cpu-spec-dataset/blob/4c08d8873c33a2d1054a40ae305eec22073463a7/dataset/intel-cpus.csv (ark: Up to DDR5 4800 MT/s 1DPC)', '2026-12-07'),
('xeon-platinum-8468', 4800, 'https://github.com/felixsteinke/cpu-spec-dataset/blob/4c08d8873c33a2d1054a40ae305eec22073463a7/dataset/intel-cpus.csv (ark: Up to DDR5 4800 MT/s 1DPC)', '2026-12-07'),
('xeon-gold-6448y', 4800, 'https://github.com/felixsteinke/cpu-spec-dataset/blob/4c08d8873c33a2d1054a40ae305eec22073463a7/dataset/intel-cpus.csv (ark: Up to DDR5 4800 MT/s 1DPC)', '2026-12-07'),
('xeon-w9-3495x', 4800, 'https://github.com/felixsteinke/cpu-spec-dataset/blob/4c08d8873c33a2d1054a40ae305eec22073463a7/dataset/intel-cpus.csv (ark: DDR5-4800)', '2026-12-07'),
('ryzen-9-7950x', 5200, 'https://web-autoai.com/articles/amd-ryzen-9-7950x-16-core-32-thread-high-end-cpu ("AM5 socket, DDR5-5200 memory support"); Apacer via hardwaretimes.com', '2026-12-07'),
('core-i9-14900k', 5600, 'https://ocinside.de/test/intel_core_i9_14900k_d/3 ("RAM Taktung bis DDR5-5600"); PC Gamer review spec table', '2026-12-07'),
-- EPYC 9005: SUSE's tuning guide, written with AMD, gives DDR5-6000 at
-- launch (later sources say up to 6400; the lower is the rated one read)
('epyc-9655', 6000, 'https://github.com/SUSE/suse-best-practices/blob/49f214aa300514d2e2148b15d76c95f500346a45/xml/MAIN-SBP-AMD-EPYC-5-SLES15SP6.xml ("maximum supported speed expected to be DDR5-6000")', '2026-12-07');

-- A CPU's cores as a device of their own (schema.sql, cpu_core): the int8
-- operations a core issues a cycle in llama.cpp's quantized dot products,
-- which are 256-bit VPDPBUSD on every x86 core with VNNI, AVX-512 ones
-- included (ggml-cpu/arch/x86/quants.c at b10573: _mm256_dpbusd_epi32),
-- 32 int8 multiply-adds, 64 operations, on each of the two pipes that
-- take integer vector multiplies (Zen 4: FP0 and FP3; Zen 5: "VNNIs execute
-- in the first two pipes", LLVM's scheduling models after AMD's
-- optimization guides); one an instruction a pipe a cycle is assumed (the
-- guides' latency tables were not readable).  Zen 5's 512-bit datapath
-- does not widen 256-bit instructions: the same 128.  Only CPUs whose
-- microarchitecture has a fitted efficiency row are here
-- (docs/sources/cpu-cores.json).
INSERT INTO cpu_core (id, microarchitecture, int8_ops_per_cycle, source, as_of) VALUES
('ryzen-9-7950x', 'zen4', 128, 'LLVM X86ScheduleZnver4.td (Zn4FPVMul01: FP0, FP3) x 64-op 256-bit VPDPBUSD of llama.cpp b10573 ggml-cpu/arch/x86/quants.c', '2026-12-07'),
('threadripper-pro-7995wx', 'zen4', 128, 'LLVM X86ScheduleZnver4.td (Zn4FPVMul01: FP0, FP3) x 64-op 256-bit VPDPBUSD of llama.cpp b10573 ggml-cpu/arch/x86/quants.c', '2026-12-07'),
('epyc-9654', 'zen4', 128, 'LLVM X86ScheduleZnver4.td (Zn4FPVMul01: FP0, FP3) x 64-op 256-bit VPDPBUSD of llama.cpp b10573 ggml-cpu/arch/x86/quants.c', '2026-12-07'),
('epyc-9554', 'zen4', 128, 'LLVM X86ScheduleZnver4.td (Zn4FPVMul01: FP0, FP3) x 64-op 256-bit VPDPBUSD of llama.cpp b10573 ggml-cpu/arch/x86/quants.c', '2026-12-07'),
('epyc-9354', 'zen4', 128, 'LLVM X86ScheduleZnver4.td (Zn4FPVMul01: FP0, FP3) x 64-op 256-bit VPDPBUSD of llama.cpp b10573 ggml-cpu/arch/x86/quants.c', '2026-12-07'),
('epyc-9124', 'zen4', 128, 'LLVM X86ScheduleZnver4.td (Zn4FPVMul01: FP0, FP3) x 64-op 256-bit VPDPBUSD of llama.cpp b10573 ggml-cpu/arch/x86/quants.c', '2026-12-07'),
('epyc-9655', 'zen5', 128, 'LLVM X86ScheduleZnver5.td ("VNNIs execute in the first two pipes") x 64-op 256-bit VPDPBUSD of llama.cpp b10573 ggml-cpu/arch/x86/quants.c', '2026-12-07');
