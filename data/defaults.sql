-- The host around the GPUs when the user names no part (schema.sql,
-- default_part): the reference build of each segment.  The parts' own
-- figures and prices are sourced in their tables; these rows say why
-- each is the one assumed.
INSERT INTO default_part (id, segment, kind, part, source, as_of) VALUES
('server-cpu', 'server', 'cpu', 'epyc-9554', 'assumed: two of a 64-core EPYC 9004 per server, the class of host CPU an 8-GPU HGX/PCIe server ships with (cpus.sql)', '2026-12-06'),
('server-ssd', 'server', 'ssd', 'micron-7450-pro-3.84tb', 'assumed: a data-centre PCIe 4.0 NVMe drive of the size 8-GPU servers boot and hold weights on (ssds.sql)', '2026-12-06'),
('server-psu', 'server', 'psu', 'supermicro-pws-2k04a-1r', 'assumed: a 2 kW 230 V redundant server PSU, the unit GPU servers of this class take (psus.sql)', '2026-12-06'),
('desktop-cpu', 'desktop', 'cpu', 'ryzen-9-7950x', 'assumed: a 16-core desktop CPU of the AM5 platform (cpus.sql)', '2026-12-06'),
('desktop-ssd', 'desktop', 'ssd', 'samsung-990-pro-2tb', 'assumed: a PCIe 4.0 consumer NVMe drive (ssds.sql)', '2026-12-06'),
('desktop-psu', 'desktop', 'psu', 'corsair-hx1500i', 'assumed: a 1500 W ATX PSU that carries one or two high-end cards (psus.sql)', '2026-12-06');
