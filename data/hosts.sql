-- What a planned machine is built from around its GPUs: CPU platforms,
-- which platform each CPU and each server chassis's board is, the boards
-- and coolers of built machines, the layout of the cases that take a
-- board, the contents of complete systems, and the network and rack
-- power of multi-node plans.  Where each fact was read, and what could
-- not be, is in docs/sources/hosts.md.

INSERT INTO platform (id, name, vendor, socket, memory_type, max_dimms_per_channel, source, as_of) VALUES
('am5', 'AMD AM5 (Ryzen 7000/9000)', 'amd', 'AM5', 'ddr5-udimm', 2,
  'https://hardwareluxx.de/index.php/artikel/hardware/mainboards/60087-asus-rog-strix-x670e-f-gaming-wifi-im-test.html?start=1 (X670E: 2 channels, 2 DIMMs per channel)', '2026-12-06'),
('lga1700', 'Intel LGA1700 (12th-14th gen Core, DDR5 boards)', 'intel', 'LGA1700', 'ddr5-udimm', 2,
  'https://www.teamgroupinc.com/community/de/blog-detail/understanding-the-relationship-between-mb-and-memory/ (U-DIMM on Z790: two channels, 2DPC)', '2026-12-06'),
('lga4677-w790', 'Intel Xeon W-3400/W-2400 on W790', 'intel', 'LGA4677', 'ddr5-rdimm', 2,
  'https://sstc.co.jp/products/Book/Intel_Xeon_W/files/basic-html/page8.html (W-3400: 8-ch DDR5 ECC RDIMM up to 4TB at 2 DIMMs per channel)', '2026-12-06'),
('str5-wrx90', 'AMD Threadripper PRO 7000WX on WRX90', 'amd', 'sTR5', 'ddr5-rdimm', 1,
  'geizhals.de listing of the ASRock WRX90 WS EVO ("8x DDR5 DIMM, 8 Channel, RDIMM"): one DIMM per channel as WRX90 boards are built; docs/sources/hosts.md', '2026-12-06'),
('sp5', 'AMD EPYC 9004/9005 (SP5)', 'amd', 'SP5', 'ddr5-rdimm', 2,
  'https://technewsspace.com/epyc-genoa-adds-support-for-two-ddr5-modules-per-channel-up-to-6tb-of-memory-per-socket/ (AMD: 2DPC on EPYC 9004)', '2026-12-06'),
('lga4677', 'Intel 4th/5th gen Xeon Scalable (LGA4677)', 'intel', 'LGA4677', 'ddr5-rdimm', 2,
  'https://www.wwt.com/article/memory-population-guidelines-for-intel-4th-gen-xeon-scalable-processors (8 channels; a 2nd DIMM per channel at 4400 MT/s)', '2026-12-06');

-- Coolers for built machines.  Noctua rates its coolers by its own
-- NSPR scale, not in watts: max_tdp_w stays NULL.
INSERT INTO cpu_cooler (id, name, vendor, sockets, max_tdp_w, source, as_of, price_usd, price_kind, price_source, price_as_of) VALUES
('noctua-nh-d15-g2-hbc', 'Noctua NH-D15 G2 HBC', 'noctua', 'AM5,LGA1700', NULL,
  'LGA1700: actualnewsmagazine.com/le-refroidissement-de-votre-nouveau-processeur-intel-... (G2 variant with convex base for Intel 12-14th gen); AM5: svethardware.cz/.../57438; no TDP: noctua.at NSPR page', '2026-12-06',
  179.95, 'street', 'github.com/docyx/pc-part-dataset data/csv/cpu-cooler.csv line 558: "Noctua NH-D15 G2 HBC,179.95"', '2025-07-23'),
('noctua-nh-u14s-tr5-sp6', 'Noctua NH-U14S TR5-SP6', 'noctua', 'sTR5', NULL,
  'Noctua model name (TR5-SP6 = sTR5/SP6 mount); fitted on ASUS WRX90E-SAGE SE in GitHub notes (find_string id 55704518058); no TDP: https://noctua.at/en/noctua-standardised-performance-rating', '2026-12-06',
  NULL, NULL, NULL, NULL),
('noctua-nh-u14s-dx-4677', 'Noctua NH-U14S DX-4677', 'noctua', 'LGA4677', NULL,
  'https://www.noctua.at/en/products/nh-u14s-dx-4677 as linked and installed on a W790E-SAGE SE in GitHub blog (find_string id 41644124181); no TDP: Noctua NSPR page', '2026-12-06',
  NULL, NULL, NULL, NULL),
-- ARCTIC's SP5 tower cooler, used on an H13SSL-N build: its copied spec
-- states no wattage; its only prices seen are in EUR and PLN, not entered
('arctic-freezer-4u-sp5', 'ARCTIC Freezer 4U-SP5', 'arctic', 'SP5', NULL,
  'github.com/d893a/local-ml-models local_ml_hardware_alternatives.md ("Compatibility: AMD SP5, server rack unit 4U and up"); docs/sources/cpu-server-parts.json', '2026-12-07',
  NULL, NULL, NULL, NULL);

-- Motherboards for built machines.  No source read here gives the slot
-- positions of the two desktop boards (docs/sources/hosts.md); the WRX90
-- board's seven x16 slots on a seven-position board are one per position.
INSERT INTO motherboard (id, name, vendor, platform, form_factor, sockets, dimm_slots, gpu_slots, gpu_slot_positions, source, as_of,
  price_usd, price_kind, price_source, price_as_of) VALUES
('asus-proart-x870e-creator-wifi', 'ASUS ProArt X870E-Creator WiFi', 'asus', 'am5', 'atx', 1, 4, 2, NULL,
  'https://www.nexthardware.com/recensioni/asus-proart-x870e-creator-wifi-1718/4 (two PCIe 5.0 x16 slots wired to the CPU; 4 DIMM; ATX)', '2026-12-06',
  517.99, 'street', 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Asus ProArt X870E-CREATOR WIFI, $517.99)', '2025-07-23'),
('asus-proart-z790-creator-wifi', 'ASUS ProArt Z790-Creator WiFi', 'asus', 'lga1700', 'atx', 1, 4, 2, NULL,
  'ASUS spec as copied in github.com/proposals-app/proposalsapp docs/hardware.md (ATX; 4 DIMM; PCIe 5.0 x16 + x16 at x8/x8 from the CPU)', '2026-12-06',
  693.83, 'street', 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Asus ProArt Z790-CREATOR WIFI, $693.83)', '2025-07-23'),
-- A single-socket SP5 board, for a CPU that runs a model alone
-- (docs/sources/cpu-server-parts.json; slot positions not sourced)
('supermicro-h13ssl-n', 'Supermicro H13SSL-N', 'supermicro', 'sp5', 'atx', 1, 12, 3, NULL,
  'Supermicro spec as copied in github.com/d893a/local-ml-models local_ml_hardware_alternatives.md ("Form Factor: ATX", "Single Socket SP5", "12 DIMM slots", "3 PCIe 5.0 x16")', '2026-12-07',
  659, 'street', 'https://pastebin.com/64ERmKgf (a builder''s parts list citing Newegg N82E16813183819: $659)', '2025-01-29'),
('asrock-wrx90-ws-evo', 'ASRock WRX90 WS EVO', 'asrock', 'str5-wrx90', 'ssi-eeb', 1, 8, 7, '1,2,3,4,5,6,7',
  'geizhals.de listing as indexed on GitHub: "E-ATX (SSI EEB)", "8x DDR5 DIMM, 8 Channel, RDIMM", "7x PCIe 5.0 x16 (6x x16, 1x x8)"', '2026-12-06',
  NULL, NULL, NULL, NULL);

-- The cases that take a board: expansion slots as the chassis row's own
-- source gives them (the Define 7 XL: hardwareluxx.de's review), board
-- form factors as their makers list them; docs/sources/hosts.md.
INSERT INTO chassis_layout (id, expansion_slots, board_form_factors, risers, source, as_of) VALUES
('corsair-7000d-airflow', 8, 'atx,e-atx', 0, 'https://www.corsair.com/us/en/p/pc-cases/cc-9011218-ww/7000d-airflow-full-tower-atx-pc-case-black-cc-9011218-ww (8 expansion slots; Mini-ITX to E-ATX)', '2026-12-06'),
('fractal-meshify-2-xl', 9, 'atx,e-atx,ssi-eeb', 0, 'https://www.fractal-design.com/products/cases/meshify/meshify-2-xl/ (9 expansion slots; up to SSI-EEB)', '2026-12-06'),
('phanteks-enthoo-pro-2', 8, 'atx,e-atx,ssi-eeb', 0, 'https://phanteks.com/product/enthoo-pro-2/ (8 expansion slots; up to SSI-EEB)', '2026-12-06'),
('fractal-define-7-xl', 9, 'atx,e-atx,ssi-eeb', 0, 'https://hardwareluxx.de/ Define 7 / 7 XL test p.3 ("beim Define 7 XL ... neun horizontale und drei vertikale Slots"); up to SSI-EEB (Fractal)', '2026-12-06');

-- The socket is on the same product page as the rest of each CPU's row.
INSERT INTO cpu_platform (id, platform, source, as_of) VALUES
('epyc-9654', 'sp5', 'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9654.html (CPU socket: SP5)', '2026-12-06'),
('epyc-9554', 'sp5', 'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9554.html (CPU socket: SP5)', '2026-12-06'),
('epyc-9354', 'sp5', 'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9354.html (CPU socket: SP5)', '2026-12-06'),
('epyc-9124', 'sp5', 'https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9124.html (CPU socket: SP5)', '2026-12-06'),
('epyc-9655', 'sp5', 'https://www.amd.com/en/products/processors/server/epyc/9005-series/amd-epyc-9655.html (CPU socket: SP5)', '2026-12-06'),
('xeon-platinum-8480plus', 'lga4677', 'https://www.intel.com/content/www/us/en/products/sku/231746/ (Sockets Supported: FCLGA4677)', '2026-12-06'),
('xeon-platinum-8468', 'lga4677', 'https://www.intel.com/content/www/us/en/products/sku/231735/ (Sockets Supported: FCLGA4677)', '2026-12-06'),
('xeon-gold-6448y', 'lga4677', 'https://www.intel.com/content/www/us/en/products/sku/232384/ (Sockets Supported: FCLGA4677)', '2026-12-06'),
('xeon-w9-3495x', 'lga4677-w790', 'https://www.intel.com/content/www/us/en/products/sku/233420/ (Sockets Supported: FCLGA4677; chipset W790)', '2026-12-06'),
('threadripper-pro-7995wx', 'str5-wrx90', 'https://www.amd.com/en/products/processors/workstations/ryzen-threadripper/7000-wx-series/amd-ryzen-threadripper-pro-7995wx.html (sTR5, WRX90)', '2026-12-06'),
('ryzen-9-7950x', 'am5', 'https://www.amd.com/en/products/processors/desktops/ryzen/7000-series/amd-ryzen-9-7950x.html (CPU socket: AM5)', '2026-12-06'),
('core-i9-14900k', 'lga1700', 'https://www.intel.com/content/www/us/en/products/sku/236773/ (Sockets Supported: FCLGA1700)', '2026-12-06');

-- The board each barebones server ships with.  DIMM slots: two sockets of
-- eight channels at the platform's two DIMMs per channel where the maker
-- says 32; docs/sources/hosts.md.
INSERT INTO chassis_cpu (id, platform, dimm_slots, source, as_of) VALUES
('dell-poweredge-xe9680', 'lga4677', 32, 'dual 4th/5th Gen Intel Xeon Scalable, 32 DDR5 DIMM slots: https://www.dell.com/en-us/shop/ipovw/poweredge-xe9680 (technical guide)', '2026-12-06'),
('supermicro-sys-821ge-tnhr', 'lga4677', 32, 'Dual Socket E (LGA-4677), 32 DIMM slots: https://www.supermicro.com/en/products/system/gpu/8u/sys-821ge-tnhr', '2026-12-06'),
('supermicro-sys-421ge-tnrt', 'lga4677', 32, 'Dual Socket E (LGA-4677), up to 32 DIMMs: https://www.supermicro.com/en/products/system/gpu/4u/sys-421ge-tnrt', '2026-12-06'),
('supermicro-sys-741ge-tnrt', 'lga4677', 16, 'Dual Socket E (LGA-4677), board X13DEG-QT, 16 DIMMs (FD.io CSIT testbed): https://www.supermicro.com/en/products/system/gpu/tower/sys-741ge-tnrt', '2026-12-06');

-- A complete system: the DGX H100 datasheet's contents.  NVIDIA names no
-- drive model: the catalog's 3.84 TB U.2 Gen4 NVMe row stands for its
-- eight data drives.  The 8480C has the 8480+'s cores and clocks (56,
-- 2.0/3.8 GHz, as the datasheet gives), so that row stands for it.
INSERT INTO system (id, cpu, cpus, ram_bytes, dimms, ssd, ssds, nic_ports, nic_gbps, source, as_of) VALUES
('nvidia-dgx-h100', 'xeon-platinum-8480plus', 2, 2*1099511627776, 32, 'samsung-pm9a3-3.84tb', 8, 8, 400,
  'https://docs.nvidia.com/dgx-basepod/reference-architecture-infrastructure-foundation-enterprise-ai/latest/core-components.html (2x 8480C, 2 TB, 8x 3.84 TB U.2, 8x CX-7 400G)', '2026-12-06');

-- Network parts and PDUs; their quotes are in docs/sources/hosts.md.
INSERT INTO netpart (id, name, vendor, kind, fabric, speed_gbps, ports, power_w, capacity_w, source, as_of,
  price_usd, price_kind, price_source, price_as_of) VALUES
('nvidia-cx7-mcx75310aas-neat', 'NVIDIA ConnectX-7 MCX75310AAS-NEAT, 1x OSFP NDR 400Gb/s / 400GbE, PCIe 5.0 x16', 'nvidia', 'nic', 'infiniband', 400, 1, NULL, NULL,
  'https://docs.nvidia.com/networking/display/ConnectX7VPI/Introduction (single-port OSFP: NDR 400Gb/s and 400GbE); OPN per CX-7 FW release notes', '2026-12-06', NULL, NULL, NULL, NULL),
('nvidia-cx6-mcx613106a-vdat', 'NVIDIA ConnectX-6 EN MCX613106A-VDAT, 2x QSFP56 200GbE, PCIe 4.0 x16', 'nvidia', 'nic', 'ethernet', 200, 2, NULL, NULL,
  'https://docs.nvidia.com/networking/display/ConnectX6EN/Introduction (MCX613106A-VDAT: dual-port QSFP56, Ethernet 10/25/40/50/100/200 Gb/s)', '2026-12-06', NULL, NULL, NULL, NULL),
('nvidia-qm9700', 'NVIDIA Quantum-2 QM9700 (MQM9700-NS2F), 32 OSFP cages = 64 NDR 400Gb/s ports, 1U', 'nvidia', 'switch', 'infiniband', 400, 64, 1720, NULL,
  'https://docs.nvidia.com/networking/display/QM97X0PUB/Interfaces (2 ports per OSFP); 1720 W max w/ active cables relayed from networking-docs.nvidia.com/qm97x0hw/specifications', '2026-12-06', NULL, NULL, NULL, NULL),
('nvidia-sn5600', 'NVIDIA Spectrum-4 SN5600, 64x OSFP 800GbE (128x 400GbE), 2U', 'nvidia', 'switch', 'ethernet', 800, 64, 940, NULL,
  'https://docs.nvidia.com/networking/display/sn5000/data+interfaces (SN5600 64 ports 800GbE); 940 W typical, passive, relayed from networking-docs.nvidia.com/sn5000hw/Specifications', '2026-12-06', NULL, NULL, NULL, NULL),
('nvidia-mcp7y00-n002', 'NVIDIA MCP7Y00-N002 passive DAC splitter, 800G twin-port OSFP to 2x 400G OSFP, 2 m', 'nvidia', 'cable', 'infiniband', 400, 2, NULL, NULL,
  'https://docs.nvidia.com/networking/display/mcp7y00nxxx800pub/ordering+information (MCP7Y00-N002: IB twin port NDR 800Gb/s to 2x400Gb/s, OSFP to 2xOSFP, 2m)', '2026-12-06', NULL, NULL, NULL, NULL),
('nvidia-mcp1650-v0xxeyy', 'NVIDIA MCP1650-V0xxEyy passive DAC, 200GbE QSFP56 to QSFP56 (e.g. -V002E26)', 'nvidia', 'cable', 'ethernet', 200, 1, 0.1, NULL,
  'https://docs.nvidia.com/networking/display/MCP1650V0xxEyySpec/Specifications (200GbE QSFP56 DAC; power consumption max 0.1 W)', '2026-12-06', NULL, NULL, NULL, NULL),
('eaton-g3-updu-cbl350-l6-30p', 'Eaton G3 Universal PDU EMAGU23X-3 + CBL350-10 cord (L6-30P, 208 V 1-ph 30 A)', 'eaton', 'pdu', NULL, NULL, NULL, NULL, 5000,
  'StorageReview, Eaton G3 Universal PDU review (input cord table: CBL350-10 L6-30P, 30A/24A derated, 208V single, 5.0kVA); read via a French copy, see notes', '2026-12-06', NULL, NULL, NULL, NULL),
('eaton-g3-updu-cbl356-460p9w', 'Eaton G3 Universal PDU EMAGU23X-3 + CBL356-10 cord (IEC 460P9W, 208 V 3-ph delta 60 A)', 'eaton', 'pdu', NULL, NULL, NULL, NULL, 17300,
  'StorageReview, Eaton G3 Universal PDU review (input cord table: CBL356-10 460P9W, 60A/48A derated, 208V delta 3-ph, 17.3kVA); read via a French copy, see notes', '2026-12-06', NULL, NULL, NULL, NULL);
