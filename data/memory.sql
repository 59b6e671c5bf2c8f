-- Memory modules (manufacturer part pages).
INSERT INTO memory (id, name, vendor, type, capacity_bytes, speed_mts, ecc, source, as_of,
  price_usd, price_kind, price_source, price_as_of) VALUES
('ddr5-4800-rdimm-32gb', 'Micron 32GB DDR5-4800 RDIMM (MTC20F2085S1RC48BA1)', 'micron', 'ddr5-rdimm', 32*1073741824, 4800, 1,
  'https://www.micron.com/products/memory/dram-modules/rdimm/part-catalog/mtc20f2085s1rc48ba1', '2026-11-24', NULL, NULL, NULL, NULL),
('ddr5-4800-rdimm-64gb', 'Micron 64GB DDR5-4800 RDIMM (MTC40F2046S1RC48BA1)', 'micron', 'ddr5-rdimm', 64*1073741824, 4800, 1,
  'https://www.micron.com/products/memory/dram-modules/rdimm/part-catalog/mtc40f2046s1rc48ba1', '2026-11-24', NULL, NULL, NULL, NULL),
('ddr5-5600-rdimm-64gb', 'Samsung 64GB DDR5-5600 RDIMM (M321R8GA0PB0-CWM)', 'samsung', 'ddr5-rdimm', 64*1073741824, 5600, 1,
  'https://semiconductor.samsung.com/dram/module/rdimm/m321r8ga0pb0-cwm/', '2026-11-24', NULL, NULL, NULL, NULL),
('ddr4-3200-rdimm-64gb', 'Samsung 64GB DDR4-3200 RDIMM (M393A8G40AB2-CWE)', 'samsung', 'ddr4-rdimm', 64*1073741824, 3200, 1,
  'https://semiconductor.samsung.com/dram/module/rdimm/m393a8g40ab2-cwe/', '2026-11-24', NULL, NULL, NULL, NULL),
('ddr5-5600-udimm-32gb', 'Kingston FURY Beast 32GB DDR5-5600 (KF556C40BB-32)', 'kingston', 'ddr5-udimm', 32*1073741824, 5600, 0,
  'https://www.kingston.com/en/memory/gaming/kingston-fury-beast-ddr5-memory', '2026-11-24', NULL, NULL, NULL, NULL),
('ddr4-3200-udimm-32gb', 'Crucial 32GB DDR4-3200 UDIMM (CT32G4DFD832A)', 'crucial', 'ddr4-udimm', 32*1073741824, 3200, 0,
  'https://www.crucial.com/memory/ddr4/ct32g4dfd832a', '2026-11-24', NULL, NULL, NULL, NULL),
-- A module PCPartPicker lists singly with a price: its part number, speed,
-- module count and size from the same listing.
('ddr5-4800-udimm-16gb', 'Crucial 16GB DDR5-4800 UDIMM (CT16G48C40U5)', 'crucial', 'ddr5-udimm', 16*1073741824, 4800, 0,
  'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Crucial CT16G48C40U5, DDR5-4800, 1 x 16 GB, CL40)', '2025-07-23',
  38.86, 'street', 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Crucial CT16G48C40U5 16 GB, $38.86)', '2025-07-23');
