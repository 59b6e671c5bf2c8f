-- Chassis and GPU servers (manufacturer pages).  gpu_slots counts GPUs of
-- max_gpu_width slots; for towers it is the expansion slots divided by that
-- width (the motherboard may allow fewer).  max_power_w is the vendor's
-- stated maximum system draw where one is published.  An SXM or OAM
-- platform's name lists the GPU models its baseboard takes ("HGX
-- H100/H200"); the planner pairs GPUs with platforms by that list.
INSERT INTO chassis (id, name, vendor, kind, rack_units, gpu_slots, gpu_form_factor, max_gpu_width, cpu_sockets,
  psu_bays, psu_redundancy, psu_w, max_power_w, airflow_cfm, source, as_of,
  price_usd, price_kind, price_source, price_as_of) VALUES
('nvidia-dgx-h100', 'NVIDIA DGX H100', 'nvidia', 'rack', 8, 8, 'sxm', NULL, 2, 6, 'n+2', 3300, 10200, NULL,
  'https://resources.nvidia.com/en-us-dgx-systems/ai-enterprise-dgx (DGX H100 datasheet; user guide: 6 PSUs, 4 needed)', '2026-11-24', NULL, NULL, NULL, NULL),
('supermicro-sys-821ge-tnhr', 'Supermicro SYS-821GE-TNHR (HGX H100/H200 8-GPU)', 'supermicro', 'rack', 8, 8, 'sxm', NULL, 2, 6, 'n+n', 3000, NULL, NULL,
  'https://www.supermicro.com/en/products/system/gpu/8u/sys-821ge-tnhr', '2026-11-24', NULL, NULL, NULL, NULL),
('dell-poweredge-xe9680', 'Dell PowerEdge XE9680 (HGX H100/H200 8-GPU)', 'dell', 'rack', 6, 8, 'sxm', NULL, 2, 6, 'n+n', 2800, NULL, NULL,
  'https://www.dell.com/en-us/shop/ipovw/poweredge-xe9680 (technical guide)', '2026-11-24', NULL, NULL, NULL, NULL),
('supermicro-sys-421ge-tnrt', 'Supermicro SYS-421GE-TNRT (10x PCIe GPU)', 'supermicro', 'rack', 4, 10, 'pcie', 2, 2, 4, 'n+n', 2700, NULL, NULL,
  'https://www.supermicro.com/en/products/system/gpu/4u/sys-421ge-tnrt', '2026-11-24', NULL, NULL, NULL, NULL),
('supermicro-sys-741ge-tnrt', 'Supermicro SYS-741GE-TNRT (tower, 4x GPU)', 'supermicro', 'tower', NULL, 4, 'pcie', 2, 2, 2, 'n+n', 2000, NULL, NULL,
  'https://www.supermicro.com/en/products/system/gpu/tower/sys-741ge-tnrt', '2026-11-24', NULL, NULL, NULL, NULL),
('corsair-7000d-airflow', 'Corsair 7000D AIRFLOW', 'corsair', 'tower', NULL, 4, 'pcie', 2, 1, 1, 'none', NULL, NULL, NULL,
  'https://www.corsair.com/us/en/p/pc-cases/cc-9011218-ww/7000d-airflow-full-tower-atx-pc-case-black-cc-9011218-ww (8 expansion slots)', '2026-11-24', NULL, NULL, NULL, NULL),
('fractal-meshify-2-xl', 'Fractal Design Meshify 2 XL', 'fractal design', 'tower', NULL, 4, 'pcie', 2, 1, 1, 'none', NULL, NULL, NULL,
  'https://www.fractal-design.com/products/cases/meshify/meshify-2-xl/ (9 expansion slots)', '2026-11-24', NULL, NULL, NULL, NULL),
('phanteks-enthoo-pro-2', 'Phanteks Enthoo Pro 2', 'phanteks', 'tower', NULL, 4, 'pcie', 2, 1, 2, 'none', NULL, NULL, NULL,
  'https://phanteks.com/product/enthoo-pro-2/ (8 expansion slots; dual-PSU mount)', '2026-11-24', NULL, NULL, NULL, NULL),
('fractal-define-7-xl', 'Fractal Design Define 7 XL', 'fractal design', 'tower', NULL, 4, 'pcie', 2, 1, 1, 'none', NULL, NULL, NULL,
  'https://hardwareluxx.de/index.php/artikel/hardware/mainboards/52338 (Define 7 XL: nine horizontal and three vertical expansion slots)', '2026-12-06',
  224.99, 'street', 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Fractal Design Define 7 XL, black, $224.99)', '2025-07-23');
