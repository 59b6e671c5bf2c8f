-- GPUs and accelerators.  Figures from each vendor's datasheet or
-- whitepaper (source column), read on as_of.  Conventions:
--  * memory_bytes: marketed "GB" of HBM/GDDR/LPDDR is binary (80 GB =
--    80 GiB); nvidia-smi confirms it (H100 SXM reports 81559 MiB usable of
--    81920, tests/data/nvsmi/h100-sxm.xml).
--  * Tensor throughput is dense (the datasheets' sparsity figures halved).
--  * GeForce cards: fp16_dense_flops is the fp16-accumulate rate; bf16 and
--    fp16 with fp32 accumulate (what PyTorch and vLLM use) run at half of
--    it, and fp8_dense_flops is likewise the fp32-accumulate rate.
--  * Edge modules (segment 'edge', form_factor 'module': Jetson) are whole
--    systems: memory_bytes is the one memory the OS, the CPU and the GPU
--    share, and tdp_w the module's top power mode (nvpmodel MAXN: AGX Orin
--    64GB modes 15-60 W, Orin Nano 8GB Super 7-25 W, per the sources), which
--    covers its CPU, GPU and memory.  rigplan gives the model that memory
--    less an OS reserve, adds the carrier board's power, counts no PSU and
--    never splits a model across modules (models/defaults.c, bind/deploy.c).
--  * Where a vendor publishes only a per-SM rate (GeForce tensor figures
--    absent from a datasheet), the value is SMs x boost clock x the per-SM
--    rate of the architecture whitepaper, and the source says "derived".
--  * idle_w of H100/H200 SXM: measured by rigplan (nvidia-smi average
--    power at idle, P0, persistence on) in tests/data/nvsmi/.
INSERT INTO gpu (id, name, vendor, architecture, segment, form_factor, memory_bytes, memory_type,
  memory_bandwidth_bytes_per_s, fp16_dense_flops, bf16_dense_flops, fp16_fp32acc_dense_flops,
  fp8_dense_flops, int8_dense_ops, int4_dense_ops, fp4_dense_flops, fp32_flops, tdp_w, idle_w,
  interconnect, interconnect_bytes_per_s, pcie_gen, pcie_lanes, p2p, slot_width, cooling,
  source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
-- NVIDIA data centre
('h100-sxm', 'NVIDIA H100 SXM5 80GB', 'nvidia', 'hopper', 'datacenter', 'sxm', 80*1073741824, 'HBM3',
  3.35e12, 989.4e12, 989.4e12, NULL, 1978.9e12, 1978.9e12, NULL, NULL, 66.9e12, 700, 127,
  'nvlink', 900e9, 5, 16, 1, NULL, 'passive',
  'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet (H100 datasheet); idle: tests/data/nvsmi/h100-sxm.xml', '2026-11-24',
  NULL, NULL, NULL, NULL),
('h100-pcie', 'NVIDIA H100 PCIe 80GB', 'nvidia', 'hopper', 'datacenter', 'pcie', 80*1073741824, 'HBM2e',
  2.0e12, 756e12, 756e12, NULL, 1513e12, 1513e12, NULL, NULL, 51e12, 350, NULL,
  'nvlink-bridge', 600e9, 5, 16, 1, 2, 'passive',
  'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet (H100 datasheet; PB-11133-001 product brief)', '2026-11-24',
  NULL, NULL, NULL, NULL),
('h100-nvl', 'NVIDIA H100 NVL 94GB', 'nvidia', 'hopper', 'datacenter', 'pcie', 94*1073741824, 'HBM3',
  3.9e12, 835e12, 835e12, NULL, 1670.5e12, 1670.5e12, NULL, NULL, 60e12, 400, NULL,
  'nvlink-bridge', 600e9, 5, 16, 1, 2, 'passive',
  'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet (H100 NVL column)', '2026-11-24',
  NULL, NULL, NULL, NULL),
('h200-sxm', 'NVIDIA H200 SXM 141GB', 'nvidia', 'hopper', 'datacenter', 'sxm', 141*1073741824, 'HBM3e',
  4.8e12, 989.4e12, 989.4e12, NULL, 1978.9e12, 1978.9e12, NULL, NULL, 66.9e12, 700, 126,
  'nvlink', 900e9, 5, 16, 1, NULL, 'passive',
  'https://www.nvidia.com/en-us/data-center/h200/ (H200 datasheet); idle: tests/data/nvsmi/h200-sxm.xml', '2026-11-24',
  NULL, NULL, NULL, NULL),
('h200-nvl', 'NVIDIA H200 NVL 141GB', 'nvidia', 'hopper', 'datacenter', 'pcie', 141*1073741824, 'HBM3e',
  4.8e12, 835e12, 835e12, NULL, 1670.5e12, 1670.5e12, NULL, NULL, 60e12, 600, NULL,
  'nvlink-bridge', 900e9, 5, 16, 1, 2, 'passive',
  'https://www.nvidia.com/en-us/data-center/h200/ (H200 NVL column)', '2026-11-24',
  NULL, NULL, NULL, NULL),
('b200', 'NVIDIA B200 (HGX, 1000 W)', 'nvidia', 'blackwell', 'datacenter', 'sxm', 180*1073741824, 'HBM3e',
  8.0e12, 2250e12, 2250e12, NULL, 4500e12, 4500e12, NULL, 9000e12, 75e12, 1000, NULL,
  'nvlink', 1800e9, 6, 16, 1, NULL, 'passive',
  'https://www.nvidia.com/en-us/data-center/hgx/ (HGX B200 per-GPU figures); https://glennklockwood.com/garden/processors/B200', '2026-11-24',
  NULL, NULL, NULL, NULL),
('a100-sxm-80gb', 'NVIDIA A100 SXM4 80GB', 'nvidia', 'ampere', 'datacenter', 'sxm', 80*1073741824, 'HBM2e',
  2.039e12, 312e12, 312e12, NULL, NULL, 624e12, 1248e12, NULL, 19.5e12, 400, NULL,
  'nvlink', 600e9, 4, 16, 1, NULL, 'passive',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('a100-sxm-40gb', 'NVIDIA A100 SXM4 40GB', 'nvidia', 'ampere', 'datacenter', 'sxm', 40*1073741824, 'HBM2',
  1.555e12, 312e12, 312e12, NULL, NULL, 624e12, 1248e12, NULL, 19.5e12, 400, NULL,
  'nvlink', 600e9, 4, 16, 1, NULL, 'passive',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('a100-pcie-80gb', 'NVIDIA A100 PCIe 80GB', 'nvidia', 'ampere', 'datacenter', 'pcie', 80*1073741824, 'HBM2e',
  1.935e12, 312e12, 312e12, NULL, NULL, 624e12, 1248e12, NULL, 19.5e12, 300, NULL,
  'nvlink-bridge', 600e9, 4, 16, 1, 2, 'passive',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('a100-pcie-40gb', 'NVIDIA A100 PCIe 40GB', 'nvidia', 'ampere', 'datacenter', 'pcie', 40*1073741824, 'HBM2',
  1.555e12, 312e12, 312e12, NULL, NULL, 624e12, 1248e12, NULL, 19.5e12, 250, NULL,
  'nvlink-bridge', 600e9, 4, 16, 1, 2, 'passive',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/a100-80gb-datasheet-update-nvidia-us-1521051-r2-web.pdf (A100 40GB PCIe column)', '2026-11-24',
  NULL, NULL, NULL, NULL),
('l40s', 'NVIDIA L40S', 'nvidia', 'ada', 'datacenter', 'pcie', 48*1073741824, 'GDDR6',
  864e9, 362.05e12, 362.05e12, NULL, 733e12, 733e12, 733e12, NULL, 91.6e12, 350, NULL,
  'none', NULL, 4, 16, 1, 2, 'passive',
  'https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413', '2026-11-24',
  NULL, NULL, NULL, NULL),
('l40', 'NVIDIA L40', 'nvidia', 'ada', 'datacenter', 'pcie', 48*1073741824, 'GDDR6',
  864e9, 181.05e12, 181.05e12, NULL, 362e12, 362e12, 724e12, NULL, 90.5e12, 300, NULL,
  'none', NULL, 4, 16, 1, 2, 'passive',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/support-guide/NVIDIA-L40-Datasheet-January-2023.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('l4', 'NVIDIA L4', 'nvidia', 'ada', 'datacenter', 'pcie', 24*1073741824, 'GDDR6',
  300e9, 121e12, 121e12, NULL, 242.5e12, 242.5e12, NULL, NULL, 30.3e12, 72, NULL,
  'none', NULL, 4, 16, 1, 1, 'passive',
  'https://www.nvidia.com/en-us/data-center/l4/ (L4 datasheet)', '2026-11-24',
  NULL, NULL, NULL, NULL),
('a10', 'NVIDIA A10', 'nvidia', 'ampere', 'datacenter', 'pcie', 24*1073741824, 'GDDR6',
  600e9, 125e12, 125e12, NULL, NULL, 250e12, 500e12, NULL, 31.2e12, 150, NULL,
  'none', NULL, 4, 16, 1, 1, 'passive',
  'https://www.nvidia.com/en-us/data-center/products/a10-gpu/ (A10 datasheet)', '2026-11-24',
  NULL, NULL, NULL, NULL),
('a10g', 'NVIDIA A10G (AWS G5)', 'nvidia', 'ampere', 'datacenter', 'pcie', 24*1073741824, 'GDDR6',
  600e9, 70e12, 70e12, NULL, NULL, 140e12, NULL, NULL, 31.52e12, 300, NULL,
  'none', NULL, 4, 16, 1, 1, 'passive',
  'https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/ (NVIDIA publishes no A10G datasheet)', '2026-11-24',
  NULL, NULL, NULL, NULL),
('a30', 'NVIDIA A30', 'nvidia', 'ampere', 'datacenter', 'pcie', 24*1073741824, 'HBM2',
  933e9, 165e12, 165e12, NULL, NULL, 330e12, 661e12, NULL, 10.3e12, 165, NULL,
  'nvlink-bridge', 200e9, 4, 16, 1, 2, 'passive',
  'https://www.nvidia.com/en-us/data-center/products/a30-gpu/ (A30 datasheet)', '2026-11-24',
  NULL, NULL, NULL, NULL),
('t4', 'NVIDIA T4', 'nvidia', 'turing', 'datacenter', 'pcie', 16*1073741824, 'GDDR6',
  320e9, 65e12, NULL, NULL, NULL, 130e12, 260e12, NULL, 8.1e12, 70, NULL,
  'none', NULL, 3, 16, 1, 1, 'passive',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/tesla-t4/t4-tensor-core-datasheet-951643.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('v100-sxm2-32gb', 'NVIDIA V100 SXM2 32GB', 'nvidia', 'volta', 'datacenter', 'sxm', 32*1073741824, 'HBM2',
  900e9, 125e12, NULL, NULL, NULL, NULL, NULL, NULL, 15.7e12, 300, NULL,
  'nvlink', 300e9, 3, 16, 1, NULL, 'passive',
  'https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('v100-pcie-32gb', 'NVIDIA V100 PCIe 32GB', 'nvidia', 'volta', 'datacenter', 'pcie', 32*1073741824, 'HBM2',
  900e9, 112e12, NULL, NULL, NULL, NULL, NULL, NULL, 14e12, 250, NULL,
  'none', NULL, 3, 16, 1, 2, 'passive',
  'https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
-- NVIDIA workstation
('rtx-6000-ada', 'NVIDIA RTX 6000 Ada Generation', 'nvidia', 'ada', 'workstation', 'pcie', 48*1073741824, 'GDDR6',
  960e9, 364.25e12, 364.25e12, NULL, 728.5e12, 728.5e12, NULL, NULL, 91.1e12, 300, NULL,
  'none', NULL, 4, 16, 1, 2, 'active',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/rtx-6000/proviz-print-rtx6000-datasheet-web-2504660.pdf', '2026-11-24',
  6800, 'msrp', 'NVIDIA launch announcement, September 2022', '2022-09-20'),
('rtx-a6000', 'NVIDIA RTX A6000', 'nvidia', 'ampere', 'workstation', 'pcie', 48*1073741824, 'GDDR6',
  768e9, 154.8e12, 154.8e12, NULL, NULL, 309.7e12, 619.4e12, NULL, 38.7e12, 300, NULL,
  'nvlink-bridge', 112.5e9, 4, 16, 1, 2, 'active',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/quadro-product-literature/proviz-print-nvidia-rtx-a6000-datasheet-us-nvidia-1454980-r9-web%20(1).pdf; GA102 whitepaper', '2026-11-24',
  4650, 'msrp', 'NVIDIA launch announcement, October 2020', '2020-10-05'),
('rtx-pro-6000-blackwell', 'NVIDIA RTX PRO 6000 Blackwell Workstation Edition', 'nvidia', 'blackwell', 'workstation', 'pcie', 96*1073741824, 'GDDR7',
  1792e9, 500e12, 500e12, NULL, 1000e12, 1000e12, NULL, 2000e12, 125e12, 600, NULL,
  'none', NULL, 5, 16, 1, 2, 'active',
  'https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-6000/ (4000 AI TOPS FP4 sparse; fp8/bf16 derived at 1/2 and 1/4)', '2026-11-24',
  8565, 'msrp', 'https://www.newgearhub.com/review/nvidia-gtc-2026-blackwell-gpus-pro-workstations', '2026-04-06'),
-- NVIDIA GeForce (tensor rates: SMs x boost x per-SM rate of the Ampere,
-- Ada and Blackwell whitepapers, 1024 fp16 FLOP/clock/SM dense for all three)
('rtx-3060-12gb', 'NVIDIA GeForce RTX 3060 12GB', 'nvidia', 'ampere', 'consumer', 'pcie', 12*1073741824, 'GDDR6',
  360e9, 51.0e12, 25.5e12, 25.5e12, NULL, 102e12, 204e12, NULL, 12.74e12, 170, NULL,
  'none', NULL, 4, 16, 0, 2, 'active',
  'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3060-3060ti/ (28 SMs, 1.777 GHz; tensor derived, GA10x whitepaper)', '2026-11-24',
  329, 'msrp', 'NVIDIA GeForce RTX 3060 launch, January 2021', '2021-01-12'),
('rtx-3080', 'NVIDIA GeForce RTX 3080 10GB', 'nvidia', 'ampere', 'consumer', 'pcie', 10*1073741824, 'GDDR6X',
  760e9, 119e12, 59.5e12, 59.5e12, NULL, 238e12, 476e12, NULL, 29.8e12, 320, NULL,
  'none', NULL, 4, 16, 0, 2, 'active',
  'https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf (RTX 3080 column)', '2026-11-24',
  699, 'msrp', 'NVIDIA GeForce RTX 30 series launch, September 2020', '2020-09-01'),
('rtx-3090', 'NVIDIA GeForce RTX 3090', 'nvidia', 'ampere', 'consumer', 'pcie', 24*1073741824, 'GDDR6X',
  936e9, 142e12, 71e12, 71e12, NULL, 284e12, 568e12, NULL, 35.6e12, 350, NULL,
  'nvlink-bridge', 112.5e9, 4, 16, 1, 3, 'active',
  'https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf (RTX 3090 column)', '2026-11-24',
  1499, 'msrp', 'NVIDIA GeForce RTX 30 series launch, September 2020', '2020-09-01'),
('rtx-3090-ti', 'NVIDIA GeForce RTX 3090 Ti', 'nvidia', 'ampere', 'consumer', 'pcie', 24*1073741824, 'GDDR6X',
  1008e9, 160e12, 80e12, 80e12, NULL, 320e12, 640e12, NULL, 40e12, 450, NULL,
  'nvlink-bridge', 112.5e9, 4, 16, 1, 3, 'active',
  'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3090-3090ti/ (84 SMs, 1.86 GHz; tensor derived, GA10x whitepaper)', '2026-11-24',
  1999, 'msrp', 'NVIDIA GeForce RTX 3090 Ti launch, March 2022', '2022-03-29'),
('rtx-4060-ti-16gb', 'NVIDIA GeForce RTX 4060 Ti 16GB', 'nvidia', 'ada', 'consumer', 'pcie', 16*1073741824, 'GDDR6',
  288e9, 88.3e12, 44.1e12, 44.1e12, 88.3e12, 176.6e12, 353.2e12, NULL, 22.06e12, 165, NULL,
  'none', NULL, 4, 8, 0, 2, 'active',
  'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4060-4060ti/ (34 SMs, 2.535 GHz; tensor derived, Ada whitepaper)', '2026-11-24',
  499, 'msrp', 'NVIDIA GeForce RTX 4060 Ti 16GB launch, July 2023', '2023-07-18'),
('rtx-4070-ti-super', 'NVIDIA GeForce RTX 4070 Ti SUPER', 'nvidia', 'ada', 'consumer', 'pcie', 16*1073741824, 'GDDR6X',
  672e9, 176.4e12, 88.2e12, 88.2e12, 176.4e12, 352.8e12, 705.6e12, NULL, 44.1e12, 285, NULL,
  'none', NULL, 4, 16, 0, 2, 'active',
  'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4070-family/ (66 SMs, 2.61 GHz; tensor derived, Ada whitepaper)', '2026-11-24',
  799, 'msrp', 'NVIDIA GeForce RTX 40 SUPER launch, January 2024', '2024-01-08'),
('rtx-4080-super', 'NVIDIA GeForce RTX 4080 SUPER', 'nvidia', 'ada', 'consumer', 'pcie', 16*1073741824, 'GDDR6X',
  736e9, 208.9e12, 104.4e12, 104.4e12, 208.9e12, 417.8e12, 835.6e12, NULL, 52.2e12, 320, NULL,
  'none', NULL, 4, 16, 0, 3, 'active',
  'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4080-family/ (80 SMs, 2.55 GHz; tensor derived, Ada whitepaper)', '2026-11-24',
  999, 'msrp', 'NVIDIA GeForce RTX 40 SUPER launch, January 2024', '2024-01-08'),
('rtx-4090', 'NVIDIA GeForce RTX 4090', 'nvidia', 'ada', 'consumer', 'pcie', 24*1073741824, 'GDDR6X',
  1008e9, 330.3e12, 165.2e12, 165.2e12, 330.3e12, 660.6e12, 1321.2e12, NULL, 82.6e12, 450, NULL,
  'none', NULL, 4, 16, 0, 3, 'active',
  'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf (RTX 4090 column)', '2026-11-24',
  1599, 'msrp', 'NVIDIA GeForce RTX 4090 launch, September 2022', '2022-09-20'),
('rtx-5060-ti-16gb', 'NVIDIA GeForce RTX 5060 Ti 16GB', 'nvidia', 'blackwell', 'consumer', 'pcie', 16*1073741824, 'GDDR7',
  448e9, 94.8e12, 47.4e12, 47.4e12, 94.8e12, 189.6e12, NULL, 379.2e12, 23.7e12, 180, NULL,
  'none', NULL, 5, 8, 0, 2, 'active',
  'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5060-family/ (36 SMs, 2.572 GHz; tensor derived, RTX Blackwell whitepaper)', '2026-11-24',
  429, 'msrp', 'NVIDIA GeForce RTX 5060 Ti launch, April 2025', '2025-04-15'),
('rtx-5070-ti', 'NVIDIA GeForce RTX 5070 Ti', 'nvidia', 'blackwell', 'consumer', 'pcie', 16*1073741824, 'GDDR7',
  896e9, 175.8e12, 87.9e12, 87.9e12, 175.8e12, 351.5e12, NULL, 703e12, 43.9e12, 300, NULL,
  'none', NULL, 5, 16, 0, 2, 'active',
  'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5070-family/ (70 SMs, 2.452 GHz; tensor derived, RTX Blackwell whitepaper)', '2026-11-24',
  749, 'msrp', 'NVIDIA GeForce RTX 50 series announcement, CES January 2025', '2025-01-06'),
('rtx-5080', 'NVIDIA GeForce RTX 5080', 'nvidia', 'blackwell', 'consumer', 'pcie', 16*1073741824, 'GDDR7',
  960e9, 225.4e12, 112.7e12, 112.7e12, 225.4e12, 450.8e12, NULL, 900e12, 56.3e12, 360, NULL,
  'none', NULL, 5, 16, 0, 2, 'active',
  'https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf (RTX 5080 column)', '2026-11-24',
  999, 'msrp', 'NVIDIA GeForce RTX 50 series announcement, CES January 2025', '2025-01-06'),
('rtx-5090', 'NVIDIA GeForce RTX 5090', 'nvidia', 'blackwell', 'consumer', 'pcie', 32*1073741824, 'GDDR7',
  1792e9, 419e12, 209.5e12, 209.5e12, 419e12, 838e12, NULL, 1676e12, 104.8e12, 575, NULL,
  'none', NULL, 5, 16, 0, 2, 'active',
  'https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf (RTX 5090 column)', '2026-11-24',
  1999, 'msrp', 'NVIDIA GeForce RTX 50 series announcement, CES January 2025', '2025-01-06'),
-- AMD
('mi300x', 'AMD Instinct MI300X', 'amd', 'cdna3', 'datacenter', 'oam', 192*1073741824, 'HBM3',
  5.3e12, 1307.4e12, 1307.4e12, NULL, 2614.9e12, 2614.9e12, NULL, NULL, 163.4e12, 750, NULL,
  'infinity-fabric', 896e9, 5, 16, 1, NULL, 'passive',
  'https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('mi325x', 'AMD Instinct MI325X', 'amd', 'cdna3', 'datacenter', 'oam', 256*1073741824, 'HBM3E',
  6.0e12, 1307.4e12, 1307.4e12, NULL, 2614.9e12, 2614.9e12, NULL, NULL, 163.4e12, 1000, NULL,
  'infinity-fabric', 896e9, 5, 16, 1, NULL, 'passive',
  'https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/product-briefs/instinct-mi325x-datasheet.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('mi250x', 'AMD Instinct MI250X (two GCDs)', 'amd', 'cdna2', 'datacenter', 'oam', 128*1073741824, 'HBM2e',
  3.2768e12, 383e12, 383e12, NULL, NULL, 383e12, NULL, NULL, 47.9e12, 560, NULL,
  'infinity-fabric', 800e9, 4, 16, 1, NULL, 'passive',
  'https://www.amd.com/content/dam/amd/en/documents/instinct-business-docs/product-briefs/instinct-mi250x-brochure.pdf', '2026-11-24',
  NULL, NULL, NULL, NULL),
('rx-7900-xtx', 'AMD Radeon RX 7900 XTX', 'amd', 'rdna3', 'consumer', 'pcie', 24*1073741824, 'GDDR6',
  960e9, 122.8e12, 122.8e12, NULL, NULL, NULL, NULL, NULL, 61.4e12, 355, NULL,
  'none', NULL, 4, 16, 0, 3, 'active',
  'https://www.amd.com/en/products/graphics/desktops/radeon/7000-series/amd-radeon-rx-7900xtx.html', '2026-11-24',
  999, 'msrp', 'AMD Radeon RX 7900 series announcement, November 2022', '2022-11-03'),
-- Intel
('gaudi2', 'Intel Gaudi 2 (OAM)', 'intel', 'gaudi2', 'datacenter', 'oam', 96*1073741824, 'HBM2e',
  2.46e12, NULL, 432e12, NULL, 865e12, NULL, NULL, NULL, NULL, 600, NULL,
  'ethernet', 600e9, 4, 16, 1, NULL, 'passive',
  'Intel, Gaudi 3 AI Accelerator: Architected for Gen AI Training and Inference, Hot Chips 2024 (Gaudi 2 column); FP8: Intel Vision 2024', '2026-11-24',
  NULL, NULL, NULL, NULL),
('gaudi3', 'Intel Gaudi 3 (OAM, air-cooled)', 'intel', 'gaudi3', 'datacenter', 'oam', 128*1073741824, 'HBM2e',
  3.67e12, NULL, 1835e12, NULL, 1835e12, NULL, NULL, NULL, NULL, 900, NULL,
  'ethernet', 1200e9, 5, 16, 1, NULL, 'passive',
  'Intel, Gaudi 3 AI Accelerator: Architected for Gen AI Training and Inference, Hot Chips 2024', '2026-11-24',
  NULL, NULL, NULL, NULL),
-- Edge
('jetson-agx-orin-64gb', 'NVIDIA Jetson AGX Orin 64GB', 'nvidia', 'ampere', 'edge', 'module', 64*1073741824, 'LPDDR5',
  204.8e9, 42.5e12, 42.5e12, NULL, NULL, 85e12, NULL, NULL, 5.3e12, 60, NULL,
  'none', NULL, 4, 8, 0, NULL, 'active',
  'https://www.nvidia.com/content/dam/en-zz/Solutions/gtcf21/jetson-orin/nvidia-jetson-agx-orin-technical-brief.pdf (GPU 170 sparse INT8 TOPS; memory shared with the CPU)', '2026-11-24',
  1999, 'msrp', 'NVIDIA Jetson AGX Orin 64GB developer kit', '2023-03-21'),
('jetson-orin-nano-8gb', 'NVIDIA Jetson Orin Nano 8GB (Super)', 'nvidia', 'ampere', 'edge', 'module', 8*1073741824, 'LPDDR5',
  102e9, 16.75e12, 16.75e12, NULL, NULL, 33.5e12, NULL, NULL, 2.09e12, 25, NULL,
  'none', NULL, 3, 4, 0, NULL, 'active',
  'https://developer.nvidia.com/blog/nvidia-jetson-orin-nano-developer-kit-gets-a-super-boost/ (67 sparse INT8 TOPS; memory shared with the CPU)', '2026-11-24',
  249, 'msrp', 'NVIDIA Jetson Orin Nano Super developer kit, December 2024', '2024-12-17');

-- Names people type and names tools print (nvidia-smi product_name).
INSERT INTO alias (kind, alias, id) VALUES
('gpu', 'H100', 'h100-sxm'), ('gpu', 'NVIDIA H100 80GB HBM3', 'h100-sxm'), ('gpu', 'H100 SXM', 'h100-sxm'),
('gpu', 'NVIDIA H100 PCIe', 'h100-pcie'), ('gpu', 'NVIDIA H100 NVL', 'h100-nvl'),
('gpu', 'H200', 'h200-sxm'), ('gpu', 'NVIDIA H200', 'h200-sxm'), ('gpu', 'NVIDIA H200 NVL', 'h200-nvl'),
('gpu', 'B200', 'b200'), ('gpu', 'NVIDIA B200', 'b200'),
('gpu', 'A100', 'a100-sxm-80gb'), ('gpu', 'NVIDIA A100-SXM4-80GB', 'a100-sxm-80gb'),
('gpu', 'NVIDIA A100-SXM4-40GB', 'a100-sxm-40gb'), ('gpu', 'NVIDIA A100 80GB PCIe', 'a100-pcie-80gb'),
('gpu', 'NVIDIA A100-PCIE-40GB', 'a100-pcie-40gb'),
('gpu', 'NVIDIA L40S', 'l40s'), ('gpu', 'NVIDIA L40', 'l40'), ('gpu', 'NVIDIA L4', 'l4'),
('gpu', 'NVIDIA A10', 'a10'), ('gpu', 'NVIDIA A10G', 'a10g'), ('gpu', 'NVIDIA A30', 'a30'),
('gpu', 'Tesla T4', 't4'), ('gpu', 'V100', 'v100-sxm2-32gb'), ('gpu', 'Tesla V100-SXM2-32GB', 'v100-sxm2-32gb'),
('gpu', 'Tesla V100-PCIE-32GB', 'v100-pcie-32gb'),
('gpu', 'NVIDIA RTX 6000 Ada Generation', 'rtx-6000-ada'), ('gpu', 'NVIDIA RTX A6000', 'rtx-a6000'),
('gpu', 'NVIDIA RTX PRO 6000 Blackwell Workstation Edition', 'rtx-pro-6000-blackwell'),
('gpu', 'RTX PRO 6000', 'rtx-pro-6000-blackwell'),
('gpu', 'NVIDIA RTX PRO 4000 Blackwell', 'rtx-pro-4000-blackwell'),
('gpu', 'NVIDIA GeForce RTX 3060', 'rtx-3060-12gb'), ('gpu', 'RTX 3060', 'rtx-3060-12gb'),
('gpu', 'MI300X', 'mi300x'), ('gpu', 'AMD Instinct MI300X', 'mi300x'),
('gpu', '7900 XTX', 'rx-7900-xtx'),
('gpu', 'Gaudi 2', 'gaudi2'), ('gpu', 'Gaudi 3', 'gaudi3'),
('gpu', 'Jetson AGX Orin', 'jetson-agx-orin-64gb'), ('gpu', 'Jetson Orin Nano', 'jetson-orin-nano-8gb'),
('gpu', 'Orin (nvgpu)', 'jetson-agx-orin-64gb');

-- Added 2026-12-06 (issue 20): cards people own and ask about, among them the
-- seed's RTX 4070.  The GeForce figures are NVIDIA's launch tables as the press
-- reproduced them (source column) with tensor rates derived as above; the A40
-- its datasheet table as a reseller reproduced it; the RTX PRO 5000 NVIDIA's
-- announced figures.  Slot widths: the Founders Edition's (3060 Ti and 3070 two
-- slots, 4080 three as the 4080 SUPER row); the 4070 Ti has none, and three is
-- its partner cards' common width.  docs/sources/gpus-2026-12.md says what
-- each rests on.
INSERT INTO gpu (id, name, vendor, architecture, segment, form_factor, memory_bytes, memory_type,
  memory_bandwidth_bytes_per_s, fp16_dense_flops, bf16_dense_flops, fp16_fp32acc_dense_flops,
  fp8_dense_flops, int8_dense_ops, int4_dense_ops, fp4_dense_flops, fp32_flops, tdp_w, idle_w,
  interconnect, interconnect_bytes_per_s, pcie_gen, pcie_lanes, p2p, slot_width, cooling,
  source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
('a40', 'NVIDIA A40', 'nvidia', 'ampere', 'datacenter', 'pcie', 48*1073741824, 'GDDR6',
  696e9, 149.7e12, 149.7e12, NULL, NULL, 299.3e12, 598.7e12, NULL, 37.4e12, 300, NULL,
  'nvlink-bridge', 112.5e9, 4, 16, 1, 2, 'passive',
  'NVIDIA A40 datasheet table as reproduced at https://www.ecer.com/corp/details-uuuedqa-p1bsay9-multi-display-setups-supported-by-48gb-gddr6-ecc-memory-nvidia-a40-gpu-and-vga-outputs.html', '2026-12-06',
  NULL, NULL, NULL, NULL),
('rtx-pro-5000-blackwell', 'NVIDIA RTX PRO 5000 Blackwell (48GB)', 'nvidia', 'blackwell', 'workstation', 'pcie', 48*1073741824, 'GDDR7',
  1344e9, 258e12, 258e12, NULL, 516e12, 516e12, NULL, 1032e12, 65e12, 300, NULL,
  'none', NULL, 5, 16, 1, 2, 'active',
  'https://www.svethardware.cz/nvidia-uvedla-72gb-verzi-karty-rtx-pro-5000/62241 (NVIDIA figures: 2064 AI TOPS FP4 sparse, 65 TFLOPS FP32; fp8/bf16 derived at 1/2 and 1/4)', '2026-12-06',
  NULL, NULL, NULL, NULL),
('rtx-3060-ti', 'NVIDIA GeForce RTX 3060 Ti', 'nvidia', 'ampere', 'consumer', 'pcie', 8*1073741824, 'GDDR6',
  448e9, 64.8e12, 32.4e12, 32.4e12, NULL, 129.6e12, 259.2e12, NULL, 16.2e12, 200, NULL,
  'none', NULL, 4, 16, 0, 2, 'active',
  'https://www.scan.co.uk/tekspek/gpu-graphics/nvidia-geforce-rtx-3060ti (38 SMs, 1.665 GHz, 448 GB/s); TDP https://chipversus.com/hardware/gpu/geforce-rtx-3060-ti; tensor derived', '2026-12-06',
  NULL, NULL, NULL, NULL),
('rtx-3070', 'NVIDIA GeForce RTX 3070', 'nvidia', 'ampere', 'consumer', 'pcie', 8*1073741824, 'GDDR6',
  448e9, 81.3e12, 40.6e12, 40.6e12, NULL, 162.5e12, 325.0e12, NULL, 20.31e12, 220, NULL,
  'none', NULL, 4, 16, 0, 2, 'active',
  'https://www.scan.co.uk/tekspek/gpu-graphics/nvidia-geforce-rtx-3060ti (RTX 3070 column: 46 SMs, 1.725 GHz, 448 GB/s); 220 W https://fudzilla.net/news/graphics/51457; tensor derived', '2026-12-06',
  NULL, NULL, NULL, NULL),
('rtx-4060', 'NVIDIA GeForce RTX 4060', 'nvidia', 'ada', 'consumer', 'pcie', 8*1073741824, 'GDDR6',
  272e9, 60.5e12, 30.2e12, 30.2e12, 60.5e12, 120.9e12, 241.8e12, NULL, 15.11e12, 115, NULL,
  'none', NULL, 4, 8, 0, 2, 'active',
  'https://fpsbench.com/compare/gpu/nvidia-geforce-rtx-4060-vs-nvidia-t600 and https://cputronic.com/gpu/nvidia-geforce-rtx-4060 (24 SMs, 2.46 GHz, PCIe 4.0 x8; spec databases); tensor derived', '2026-12-06',
  NULL, NULL, NULL, NULL),
('rtx-4070', 'NVIDIA GeForce RTX 4070', 'nvidia', 'ada', 'consumer', 'pcie', 12*1073741824, 'GDDR6X',
  504e9, 116.6e12, 58.3e12, 58.3e12, 116.6e12, 233.2e12, 466.3e12, NULL, 29.15e12, 200, NULL,
  'none', NULL, 4, 16, 0, 2, 'active',
  'https://www.club386.com/complete-geforce-rtx-4070-specifications-reveal-a-frugal-599-gpu/ (NVIDIA slide: 46 SMs, 2.475 GHz, 504 GB/s, 200 W); tensor derived', '2026-12-06',
  NULL, NULL, NULL, NULL),
('rtx-4070-ti', 'NVIDIA GeForce RTX 4070 Ti', 'nvidia', 'ada', 'consumer', 'pcie', 12*1073741824, 'GDDR6X',
  504e9, 160.4e12, 80.2e12, 80.2e12, 160.4e12, 320.7e12, 641.4e12, NULL, 40.09e12, 285, NULL,
  'none', NULL, 4, 16, 0, 3, 'active',
  'https://www.club386.com/complete-geforce-rtx-4070-specifications-reveal-a-frugal-599-gpu/ (RTX 4070 Ti column: 60 SMs, 2.61 GHz, 504 GB/s, 285 W); tensor derived', '2026-12-06',
  NULL, NULL, NULL, NULL),
('rtx-4080', 'NVIDIA GeForce RTX 4080 16GB', 'nvidia', 'ada', 'consumer', 'pcie', 16*1073741824, 'GDDR6X',
  716.8e9, 195.0e12, 97.5e12, 97.5e12, 195.0e12, 389.9e12, 779.8e12, NULL, 48.74e12, 320, NULL,
  'none', NULL, 4, 16, 0, 3, 'active',
  'https://www.club386.com/complete-geforce-rtx-4070-specifications-reveal-a-frugal-599-gpu/ (RTX 4080 column: 76 SMs, 2.505 GHz, 22.4 Gbps x 256-bit, 320 W); tensor derived', '2026-12-06',
  NULL, NULL, NULL, NULL),
('rtx-5070', 'NVIDIA GeForce RTX 5070', 'nvidia', 'blackwell', 'consumer', 'pcie', 12*1073741824, 'GDDR7',
  672e9, 123.4e12, 61.7e12, 61.7e12, 123.4e12, 246.7e12, NULL, 493.5e12, 30.84e12, 250, NULL,
  'none', NULL, 5, 16, 0, 2, 'active',
  'https://www.tweaktown.com/news/102469/ (NVIDIA CES specs: 6144 cores, 2.51 GHz, 988 AI TOPS); 48 SMs, 672 GB/s, 250 W https://fpsbench.com/compare/gpu/intel-iris-xe-max-graphics-vs-nvidia-geforce-rtx-5070; derived', '2026-12-06',
  NULL, NULL, NULL, NULL);

-- 2026-12-07 (docs/sources/gpus-2026-12.md, second batch): spec databases
-- and vendor-slide coverage; tensor rates derived as above; no sourced prices.
INSERT INTO gpu (id, name, vendor, architecture, segment, form_factor, memory_bytes, memory_type,
  memory_bandwidth_bytes_per_s, fp16_dense_flops, bf16_dense_flops, fp16_fp32acc_dense_flops,
  fp8_dense_flops, int8_dense_ops, int4_dense_ops, fp4_dense_flops, fp32_flops, tdp_w, idle_w,
  interconnect, interconnect_bytes_per_s, pcie_gen, pcie_lanes, p2p, slot_width, cooling,
  source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
('rtx-pro-4000-blackwell', 'NVIDIA RTX PRO 4000 Blackwell', 'nvidia', 'blackwell', 'workstation', 'pcie', 24*1073741824, 'GDDR7',
  672e9, 187.6e12, 187.6e12, NULL, 375.2e12, 375.2e12, NULL, 750.3e12, 46.9e12, 140, NULL,
  'none', NULL, 5, 16, 1, 1, 'active',
  'https://technical.city/en/video/RTX-PRO-4000-Blackwell-vs-RTX-PRO-5000-72-GB-Blackwell (70 SMs, 2.617 GHz, 140 W, 1-slot); 672 GB/s cputronic.com; tensor derived', '2026-12-07',
  NULL, NULL, NULL, NULL);

-- 2026-12-07 (issue 20): Apple silicon Macs (docs/sources/apple-silicon.json).
-- A row is the computer (form factor 'soc', schema.sql): memory_bytes its
-- unified memory (Apple's "GB" binary: Metal reports 3/4 of 196608 MiB for
-- 192 GB, llama.cpp logs), tdp_w and idle_w the whole Mac at the wall from
-- Apple's "power consumption and thermal output" pages, whose maximum is
-- measured on the configuration the source names.  Apple publishes no
-- GPU throughput for these chips: fp32_flops is derived as GPU cores x 128
-- FP32 ALUs x 2 x the GPU clock (ALU count and the M1/M2 clocks measured
-- by Philip Turner's metal-benchmarks; M3/M4 clocks from hmc-tech.com's
-- spec pages), and fp16 runs at the fp32 rate (metal-benchmarks' table).
-- Metal has no bf16, fp8 or int8 matrix units on these GPUs: llama.cpp
-- unpacks its formats to fp16 (models/fmt.c), so those rates are NULL.
INSERT INTO gpu (id, name, vendor, architecture, segment, form_factor, memory_bytes, memory_type,
  memory_bandwidth_bytes_per_s, fp16_dense_flops, bf16_dense_flops, fp16_fp32acc_dense_flops,
  fp8_dense_flops, int8_dense_ops, int4_dense_ops, fp4_dense_flops, fp32_flops, tdp_w, idle_w,
  interconnect, interconnect_bytes_per_s, pcie_gen, pcie_lanes, p2p, slot_width, cooling,
  source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
('apple-m1-max-32c-64gb', 'Apple Mac Studio (2022), M1 Max 32-core GPU, 64 GB', 'apple', 'apple-m1', 'workstation', 'soc', 64*1073741824, 'LPDDR5',
  400e9, 10.62e12, NULL, NULL, NULL, NULL, NULL, NULL, 10.62e12, 115, 11,
  'none', NULL, NULL, NULL, 0, NULL, 'active',
  'Apple via mybroadband.co.za 418862 (400 GB/s, 64 GB); 32 x 128 x 2 x 1.296 GHz (metal-benchmarks); power: support.apple.com/102027 (measured with 32 GB)', '2026-12-07',
  NULL, NULL, NULL, NULL),
('apple-m1-ultra-64c-128gb', 'Apple Mac Studio (2022), M1 Ultra 64-core GPU, 128 GB', 'apple', 'apple-m1', 'workstation', 'soc', 128*1073741824, 'LPDDR5',
  800e9, 21.23e12, NULL, NULL, NULL, NULL, NULL, NULL, 21.23e12, 215, 13,
  'none', NULL, NULL, NULL, 0, NULL, 'active',
  'macrumors.com 2022/03/08 m1-ultra (64-core GPU, 128 GB, 800 GB/s); 64 x 128 x 2 x 1.296 GHz (metal-benchmarks); power: support.apple.com/102027 (measured with the 48-core GPU, 64 GB)', '2026-12-07',
  5799, 'list', 'techradar.com: the $7,999 maximum less the 8 TB drive''s $2,200 (Apple US price list, March 2022)', '2022-03-08'),
('apple-m2-max-38c-96gb', 'Apple Mac Studio (2023), M2 Max 38-core GPU, 96 GB', 'apple', 'apple-m2', 'workstation', 'soc', 96*1073741824, 'LPDDR5',
  400e9, 13.6e12, NULL, NULL, NULL, NULL, NULL, NULL, 13.6e12, 145, 9,
  'none', NULL, NULL, NULL, 0, NULL, 'active',
  'Apple via iphoneincanada.ca (38-core GPU, 96 GB, 400 GB/s); 38 x 128 x 2 x 1.398 GHz (metal-benchmarks); power: support.apple.com/102027 (measured with the 30-core GPU, 32 GB)', '2026-12-07',
  NULL, NULL, NULL, NULL),
('apple-m2-ultra-76c-192gb', 'Apple Mac Studio (2023), M2 Ultra 76-core GPU, 192 GB', 'apple', 'apple-m2', 'workstation', 'soc', 192*1073741824, 'LPDDR5',
  800e9, 27.2e12, NULL, NULL, NULL, NULL, NULL, NULL, 27.2e12, 295, 10,
  'none', NULL, NULL, NULL, 0, NULL, 'active',
  'https://www.apple.com/newsroom/2023/06/apple-introduces-m2-ultra/ (192 GB, 800 GB/s); 76 x 128 x 2 x 1.398 GHz (metal-benchmarks M2 clock); power: support.apple.com/102027', '2026-12-07',
  6599, 'list', 'Apple: $3,999 base + $1,000 (76-core GPU) + $1,600 (192 GB); androidauthority.com m2-ultra launch, $8,799 maximum', '2023-06-05'),
('apple-m3-max-40c-64gb', 'Apple MacBook Pro 16-inch (2023), M3 Max 40-core GPU, 64 GB', 'apple', 'apple-m3', 'consumer', 'soc', 64*1073741824, 'LPDDR5',
  400e9, 14.32e12, NULL, NULL, NULL, NULL, NULL, NULL, 14.32e12, 140, NULL,
  'none', NULL, NULL, NULL, 0, NULL, 'active',
  'macmegasite.com 2024/10/30 (M3 Max 40-core GPU, 400 GB/s); 40 x 128 x 2 x 1.398 GHz (hmc-tech.com M3 Max); tdp: the 140 W USB-C adapter it ships with', '2026-12-07',
  NULL, NULL, NULL, NULL),
('apple-m3-ultra-80c-512gb', 'Apple Mac Studio (2025), M3 Ultra 80-core GPU, 512 GB', 'apple', 'apple-m3', 'workstation', 'soc', 512*1073741824, 'LPDDR5',
  819e9, 28.63e12, NULL, NULL, NULL, NULL, NULL, NULL, 28.63e12, 270, 9,
  'none', NULL, NULL, NULL, 0, NULL, 'active',
  'Macworld via english.worldmagazine.it 431260 (80-core GPU, 512 GB, 819 GB/s); 80 x 128 x 2 x 1.398 GHz (hmc-tech.com M3 Max clock); power: rlindsey2/sunkcost citing support.apple.com/102027', '2026-12-07',
  9499, 'list', 'rlindsey2/sunkcost data/hardware.json 660d14ed (Apple US configuration price)', '2025-03-05'),
('apple-m3-ultra-60c-96gb', 'Apple Mac Studio (2025), M3 Ultra 60-core GPU, 96 GB', 'apple', 'apple-m3', 'workstation', 'soc', 96*1073741824, 'LPDDR5',
  819e9, 21.47e12, NULL, NULL, NULL, NULL, NULL, NULL, 21.47e12, 270, 9,
  'none', NULL, NULL, NULL, 0, NULL, 'active',
  'Macworld via english.worldmagazine.it 431260 (base M3 Ultra: 28-core CPU, 60-core GPU, 96 GB; 819 GB/s); 60 x 128 x 2 x 1.398 GHz (hmc-tech.com M3 clock); power: the 80-core 512 GB configuration, the one Apple measured', '2026-12-07',
  3999, 'list', 'Macworld via english.worldmagazine.it 431260 (base Mac Studio M3 Ultra $3,999; docs/sources/apple-silicon.json)', '2025-03-05'),
('apple-m4-max-40c-128gb', 'Apple Mac Studio (2025), M4 Max 40-core GPU, 128 GB', 'apple', 'apple-m4', 'workstation', 'soc', 128*1073741824, 'LPDDR5X',
  546e9, 17.18e12, NULL, NULL, NULL, NULL, NULL, NULL, 17.18e12, 145, 6,
  'none', NULL, NULL, NULL, 0, NULL, 'active',
  'macrumors.com 2024/10/30 apple-announces-m4-max-chip (40-core GPU, 128 GB, 546 GB/s); 40 x 128 x 2 x 1.678 GHz (hmc-tech.com M4 Max); power: rlindsey2/sunkcost citing support.apple.com/102027', '2026-12-07',
  3499, 'list', 'rlindsey2/sunkcost data/hardware.json 660d14ed (Apple US configuration price)', '2025-03-05');
INSERT INTO alias (kind, alias, id) VALUES
('gpu', 'M1 Max', 'apple-m1-max-32c-64gb'), ('gpu', 'M1 Ultra', 'apple-m1-ultra-64c-128gb'),
('gpu', 'M2 Max', 'apple-m2-max-38c-96gb'), ('gpu', 'M2 Ultra', 'apple-m2-ultra-76c-192gb'),
('gpu', 'M3 Max', 'apple-m3-max-40c-64gb'), ('gpu', 'M3 Ultra', 'apple-m3-ultra-80c-512gb'),
('gpu', 'M4 Max', 'apple-m4-max-40c-128gb'), ('gpu', 'Apple M2 Ultra', 'apple-m2-ultra-76c-192gb');

-- 2026-12-07 (docs/sources/gpus-2026-12-c.json, third batch): the GB200 and
-- B300 per-GPU columns of NVIDIA's NVL72 page and Blackwell Ultra datasheet
-- (sparse figures halved), the MI355X from AMD's per-CU rates x 256 CUs x
-- 2.4 GHz, the RTX 4090 D from NVIDIA's China launch as the press copied
-- it, the H20 from secondary sources (marked so).  The RTX A5000 and RTX
-- 3080 Ti wait for a sourced slot width.  H20's bf16 is its read fp16 rate
-- (Hopper runs both at one rate).  No sourced prices.
INSERT INTO gpu (id, name, vendor, architecture, segment, form_factor, memory_bytes, memory_type,
  memory_bandwidth_bytes_per_s, fp16_dense_flops, bf16_dense_flops, fp16_fp32acc_dense_flops,
  fp8_dense_flops, int8_dense_ops, int4_dense_ops, fp4_dense_flops, fp32_flops, tdp_w, idle_w,
  interconnect, interconnect_bytes_per_s, pcie_gen, pcie_lanes, p2p, slot_width, cooling,
  source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
('gb200', 'NVIDIA GB200 (one Blackwell GPU of a GB200 NVL72)', 'nvidia', 'blackwell', 'datacenter', 'sxm', 186*1073741824, 'HBM3e',
  8.0e12, 2500e12, 2500e12, NULL, 5000e12, 5000e12, NULL, 10000e12, 80e12, 1200, NULL,
  'nvlink', 1800e9, 5, 16, 1, NULL, 'liquid',
  'https://www.nvidia.com/en-us/data-center/gb200-nvl72/ (per-GPU table, sparse halved; rack totals checked against the Blackwell technical brief v2.1)', '2026-12-07',
  NULL, NULL, NULL, NULL),
('b300', 'NVIDIA B300 (HGX B300, Blackwell Ultra)', 'nvidia', 'blackwell', 'datacenter', 'sxm', 270*1073741824, 'HBM3e',
  7.7e12, 2250e12, 2250e12, NULL, 4500e12, 153.5e12, NULL, 14000e12, 75e12, 1100, NULL,
  'nvlink', 1800e9, 6, 16, 1, NULL, 'passive',
  'https://resources.nvidia.com/en-us-blackwell-architecture/blackwell-ultra-datasheet (HGX B300 per GPU, sparse halved; int8 0.31 POPS sparse); Blackwell technical brief v2.1 table 3', '2026-12-07',
  NULL, NULL, NULL, NULL),
('mi355x', 'AMD Instinct MI355X', 'amd', 'cdna4', 'datacenter', 'oam', 288*1073741824, 'HBM3E',
  8.0e12, 2516.6e12, 2516.6e12, NULL, 5033.2e12, 5033.2e12, NULL, 10066.3e12, 157.3e12, 1400, NULL,
  'infinity-fabric', 1075.2e9, 5, 16, 1, NULL, 'liquid',
  'AMD MI355X brochure and CDNA 4 whitepaper per-CU rates via the gfx950 guide: 256 CUs x 2.4 GHz x 4096 (16-bit), 8192 (fp8), 16384 (fp4); derived; 288 GB, 8 TB/s, 1400 W (tomshardware)', '2026-12-07',
  NULL, NULL, NULL, NULL),
('rtx-4090-d', 'NVIDIA GeForce RTX 4090 D', 'nvidia', 'ada', 'consumer', 'pcie', 24*1073741824, 'GDDR6X',
  1008e9, 294.2e12, 147.1e12, 147.1e12, 294.2e12, 588.3e12, NULL, NULL, 73.54e12, 425, NULL,
  'none', NULL, 4, 16, 0, 3, 'active',
  'NVIDIA China launch via svethardware.cz 60269 and evertiq 54972 (114 SMs, 2.52 GHz, 24 GB, 1008 GB/s, 425 W); tensor derived by the GeForce rule; PCIe and slots as the RTX 4090', '2026-12-07',
  NULL, NULL, NULL, NULL),
('h20', 'NVIDIA H20 96GB', 'nvidia', 'hopper', 'datacenter', 'sxm', 96*1073741824, 'HBM3',
  4.0e12, 148e12, 148e12, NULL, 296e12, 296e12, NULL, NULL, 44e12, 400, NULL,
  'nvlink', 900e9, 5, 16, 1, NULL, 'passive',
  'secondary sources only (China part): zangshuxian.com 674733024499207168 (FP16 148 TFLOPS dense, INT8 296, FP32 44, 4.0 TB/s), willitrunai.com h20-96gb (96 GB HBM3, NVLink 900 GB/s, 400 W)', '2026-12-07',
  NULL, NULL, NULL, NULL);
INSERT INTO alias (kind, alias, id) VALUES
('gpu', 'GB200', 'gb200'), ('gpu', 'B300', 'b300'), ('gpu', 'MI355X', 'mi355x'),
('gpu', 'AMD Instinct MI355X', 'mi355x'),
('gpu', 'RTX 4090 D', 'rtx-4090-d'), ('gpu', 'NVIDIA GeForce RTX 4090 D', 'rtx-4090-d'),
('gpu', 'H20', 'h20'), ('gpu', 'NVIDIA H20', 'h20');

-- 2026-12-07 (docs/sources/gpus-2026-12-e.json, fourth batch).  The RTX
-- A5000 from NVIDIA's datasheet table as copied (its one tensor figure,
-- 222.2, is the sparse fp16 one: halved; bf16, int8 and int4 at the A40
-- brief's ratios to fp16); the RTX 3080 Ti's tensor rates derived by the
-- GeForce rule (80 SMs x 512 fp16 FMA x 2 x 1.665 GHz, fp32-accumulate and
-- bf16 at half), its x16 link and fans those of every GA102 GeForce card
-- (the rtx-3080 and rtx-3090 rows), its width unsourced (NULL: taken as
-- three slots in a tower); the L20 from NVIDIA's listing as Tom's Hardware
-- reproduced it (dense: an L20 user measures 105-115 TFLOPS of fp16 GEMM),
-- no NVLink and passive cooling as the L40 it is cut from (PCIe 4.0 x16
-- board: 1cnz.cn 2353773), its price Hugging Face's hardware page's.
INSERT INTO gpu (id, name, vendor, architecture, segment, form_factor, memory_bytes, memory_type,
  memory_bandwidth_bytes_per_s, fp16_dense_flops, bf16_dense_flops, fp16_fp32acc_dense_flops,
  fp8_dense_flops, int8_dense_ops, int4_dense_ops, fp4_dense_flops, fp32_flops, tdp_w, idle_w,
  interconnect, interconnect_bytes_per_s, pcie_gen, pcie_lanes, p2p, slot_width, cooling,
  source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
('rtx-a5000', 'NVIDIA RTX A5000', 'nvidia', 'ampere', 'workstation', 'pcie', 24*1073741824, 'GDDR6',
  768e9, 111.1e12, 111.1e12, NULL, NULL, 222.2e12, 444.4e12, NULL, 27.8e12, 230, NULL,
  'nvlink-bridge', 112.5e9, 4, 16, 1, 2, 'active',
  'NVIDIA RTX A5000 datasheet table as copied at github.com/Shivashish-Spheron/crossposting (24 GB, 768 GB/s, 27.8 TFLOPS, 230 W, dual slot; tensor 222.2 sparse, halved)', '2026-12-07',
  1856.29, 'street', 'https://github.com/United-Compute/gpu-price-tracker (NVIDIA RTX A5000, 2025-07-29: 1856.29)', '2025-07-29'),
('rtx-3080-ti', 'NVIDIA GeForce RTX 3080 Ti', 'nvidia', 'ampere', 'consumer', 'pcie', 12*1073741824, 'GDDR6X',
  912e9, 136.4e12, 68.2e12, 68.2e12, NULL, 272.8e12, 545.6e12, NULL, 34.1e12, 350, NULL,
  'none', NULL, 4, 16, 0, NULL, 'active',
  'HKEPC 20389 (GA102-225, 80 SMs; MSRP) and the RTX 30 spec table of github.com/stillwater-sc/KPU-Simulator (912 GB/s, 34.1 TFLOPS, 273 INT8 TOPS); tensor derived; 350 W', '2026-12-07',
  1199, 'msrp', 'NVIDIA GeForce RTX 3080 Ti launch as HKEPC 20389 reports it ("US$1,199")', '2021-06-03'),
('l20', 'NVIDIA L20 48GB', 'nvidia', 'ada', 'datacenter', 'pcie', 48*1073741824, 'GDDR6',
  864e9, 119.5e12, 119.5e12, NULL, 239e12, 239e12, NULL, NULL, 59.8e12, 275, NULL,
  'none', NULL, 4, 16, 1, 2, 'passive',
  'https://www.tomshardware.com/pc-components/gpus/new-nvidia-ai-gpus-designed-to-get-around-us-export-restrictions (NVIDIA listing: 48 GB, 864 GB/s, FP16 119.5, FP8 239); 275 W, dual slot: technical.city', '2026-12-07',
  5000, 'msrp', 'https://huggingface.co/hardware/l20 ("MSRP $5.0k")', '2026-12-07');
INSERT INTO alias (kind, alias, id) VALUES
('gpu', 'RTX A5000', 'rtx-a5000'), ('gpu', 'NVIDIA RTX A5000', 'rtx-a5000'),
('gpu', 'RTX 3080 Ti', 'rtx-3080-ti'), ('gpu', 'NVIDIA GeForce RTX 3080 Ti', 'rtx-3080-ti'),
('gpu', 'L20', 'l20'), ('gpu', 'NVIDIA L20', 'l20');

-- The DGX Spark: a computer built around NVIDIA's GB10 (form factor 'soc',
-- as a Mac: the row is the computer, memory its unified LPDDR5X, tdp_w its
-- 240 W USB-C supply's rating, an upper bound on the wall, idle_w a
-- reported wall reading).  NVIDIA publishes one compute figure, 1 PFLOP of
-- FP4 with sparsity: dense fp4 500 TFLOPS, and fp8 and fp16 at 1/2 and
-- 1/4 of it, the ratio of every Blackwell tensor core (the b200 and b300
-- rows); fp32 from Hot Chips as the press reported it.  Linux and CUDA:
-- containers reach its GPU (gpu_target 12.1, linux/arm64).
INSERT INTO gpu (id, name, vendor, architecture, segment, form_factor, memory_bytes, memory_type,
  memory_bandwidth_bytes_per_s, fp16_dense_flops, bf16_dense_flops, fp16_fp32acc_dense_flops,
  fp8_dense_flops, int8_dense_ops, int4_dense_ops, fp4_dense_flops, fp32_flops, tdp_w, idle_w,
  interconnect, interconnect_bytes_per_s, pcie_gen, pcie_lanes, p2p, slot_width, cooling,
  source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
('dgx-spark', 'NVIDIA DGX Spark (GB10, 128 GB)', 'nvidia', 'blackwell', 'workstation', 'soc', 128*1073741824, 'LPDDR5X',
  273e9, 125e12, 125e12, NULL, 250e12, NULL, NULL, 500e12, 31e12, 240, 25,
  'ethernet', 25e9, NULL, NULL, 0, NULL, 'active',
  'https://www.chargerlab.com/teardown-of-nvidia-dgx-spark-4tb/ (128 GB, 273 GB/s, 240 W supply, ConnectX-7 200 Gb/s); 1 PFLOP FP4 sparse: ai-infrastructure.net/dgx-spark; idle: tectack.org 2026/02', '2026-12-07',
  3999, 'list', 'https://bay41.com/posts/dgx-spark-review (Founders Edition, October 2025: $3,999)', '2025-10-31');
INSERT INTO alias (kind, alias, id) VALUES
-- nvidia-smi names the GPU "NVIDIA GB10" (GitHub notes of Spark owners):
-- the longest NVIDIA alias is the product label, so no other starts so
('gpu', 'DGX Spark', 'dgx-spark'), ('gpu', 'GB10', 'dgx-spark'), ('gpu', 'NVIDIA GB10', 'dgx-spark');
