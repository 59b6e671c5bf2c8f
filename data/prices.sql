-- Prices of data-centre parts.  NVIDIA and AMD publish no list prices for
-- data-centre GPUs or HGX/DGX systems; these are street prices as market
-- reports quote them, each with its page and the date it was read.  Where
-- a page gives a range, the value is its midpoint and price_source says
-- so.  A user's own quote replaces any of them:
--   rigplan catalog set-price gpu h100-sxm 24500 --source "quote 2026-11"
-- Parts with no sourced price stay NULL: the planner lists them in the
-- bill of materials as unpriced rather than guessing.

-- GPUs
UPDATE gpu SET price_usd = 28000, price_kind = 'street', price_as_of = '2026-11-24',
  price_source = 'https://siliconanalysts.com/analysis/nvidia-b200-blackwell-cost-breakdown (est. sell price ~$28,000)'
  WHERE id = 'h100-sxm';
UPDATE gpu SET price_usd = 40000, price_kind = 'street', price_as_of = '2026-11-24',
  price_source = 'https://siliconanalysts.com/analysis/nvidia-b200-blackwell-cost-breakdown (est. sell price ~$40,000)'
  WHERE id = 'b200';
UPDATE gpu SET price_usd = 30000, price_kind = 'street', price_as_of = '2026-11-24',
  price_source = 'https://awesomeagents.ai/hardware/nvidia-h200 (midpoint of $25,000-$35,000)'
  WHERE id = 'h200-sxm';
UPDATE gpu SET price_usd = 11500, price_kind = 'street', price_as_of = '2026-11-24',
  price_source = 'https://www.aitooldiscovery.com/ai-infra/nvidia-a100-specs-price (new A100 80GB, midpoint of $8,000-$15,000)'
  WHERE id IN ('a100-sxm-80gb', 'a100-pcie-80gb');
UPDATE gpu SET price_usd = 8500, price_kind = 'street', price_as_of = '2026-11-24',
  price_source = 'https://datastorage.com/gpu/nvidia-l40s/ (on-premise module, midpoint of ~$7k-$10k)'
  WHERE id = 'l40s';
UPDATE gpu SET price_usd = 2500, price_kind = 'street', price_as_of = '2026-11-24',
  price_source = 'https://www.runlocalai.co/hardware/nvidia-l4 ($2,500 retail)'
  WHERE id = 'l4';
UPDATE gpu SET price_usd = 1880, price_kind = 'msrp', price_as_of = '2026-11-24',
  price_source = 'https://chipversus.com/hardware/gpu/l4 (value table: Tesla T4 MSRP $1880)'
  WHERE id = 't4';
UPDATE gpu SET price_usd = 2500, price_kind = 'msrp', price_as_of = '2026-11-24',
  price_source = 'https://chipversus.com/hardware/gpu/l4 (value table: A10G MSRP $2500)'
  WHERE id = 'a10g';

-- The DGX H100 platform without its GPUs: SemiAnalysis's ~$270,000 sale
-- price for the whole system (as Epoch AI's training-cost notebook quotes
-- it) less 8 x $28,000 for the H100s priced above.
UPDATE chassis SET price_usd = 46000, price_kind = 'street', price_as_of = '2026-11-24',
  price_source = 'https://github.com/epoch-research/training-cost-trends (DGX H100 ~$270,000) less 8 GPUs at $28,000'
  WHERE id = 'nvidia-dgx-h100';

-- Consumer drives, power supplies and cases: PCPartPicker's lowest US
-- retail price on 2025-07-23, as the public scrape in
-- github.com/docyx/pc-part-dataset (data/csv, "Last updated: July 23,
-- 2025") records it.  Only rows whose name, revision and capacity match
-- the catalog's part are used; a listing with no price (the RM1000x
-- (2021), the FOCUS GX-850 ATX 3.0) or two listings of one name at
-- different prices (the HX1200i) leaves the part unpriced.
UPDATE ssd SET price_usd = 149.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Samsung 990 Pro, 2000 GB, $149.99)'
  WHERE id = 'samsung-990-pro-2tb';
UPDATE ssd SET price_usd = 140, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Samsung 980 Pro, 1000 GB, $140)'
  WHERE id = 'samsung-980-pro-1tb';
UPDATE ssd SET price_usd = 134, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Samsung 970 Evo Plus, 1000 GB, $134)'
  WHERE id = 'samsung-970-evo-plus-1tb';
UPDATE ssd SET price_usd = 229.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Samsung 9100 PRO, 2000 GB, $229.99)'
  WHERE id = 'samsung-9100-pro-2tb';
UPDATE ssd SET price_usd = 154.54, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Western Digital WD_Black SN850X, 2000 GB, $154.54)'
  WHERE id = 'wd-black-sn850x-2tb';
UPDATE ssd SET price_usd = 64.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Western Digital Blue SN580, 1000 GB, $64.99)'
  WHERE id = 'wd-blue-sn580-1tb';
UPDATE ssd SET price_usd = 199.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Crucial T705, 2000 GB, $199.99)'
  WHERE id = 'crucial-t705-2tb';
UPDATE ssd SET price_usd = 113.95, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Crucial P3 Plus, 2000 GB, $113.95)'
  WHERE id = 'crucial-p3-plus-2tb';
UPDATE ssd SET price_usd = 92.9, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Samsung 870 Evo, 1000 GB, $92.90)'
  WHERE id = 'samsung-870-evo-1tb';
UPDATE ssd SET price_usd = 149.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Crucial MX500, 1000 GB, $149.99)'
  WHERE id = 'crucial-mx500-1tb';

UPDATE psu SET price_usd = 609.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Corsair AX1600i, 1600 W, $609.99)'
  WHERE id = 'corsair-ax1600i';
UPDATE psu SET price_usd = 198.98, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Corsair RM850x (2021), 850 W, $198.98)'
  WHERE id = 'corsair-rm850x';
UPDATE psu SET price_usd = 478.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Corsair HX1500i (2022), 1500 W, $478.99)'
  WHERE id = 'corsair-hx1500i';
UPDATE psu SET price_usd = 449.9, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: be quiet! Dark Power Pro 13, 1600 W, $449.90)'
  WHERE id = 'bequiet-dark-power-pro-13-1600';
UPDATE psu SET price_usd = 550.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: SeaSonic PRIME TX-1600 ATX 3.1, 1600 W, $550.99)'
  WHERE id = 'seasonic-prime-tx-1600';

UPDATE chassis SET price_usd = 289.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Corsair 7000D AIRFLOW, black, $289.99)'
  WHERE id = 'corsair-7000d-airflow';
UPDATE chassis SET price_usd = 219.99, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset (PCPartPicker 2025-07-23: Fractal Design Meshify 2 XL, black, tinted glass, $219.99)'
  WHERE id = 'fractal-meshify-2-xl';

-- Launch MSRPs (GeForce only; NVIDIA/AMD publish no data-centre or
-- workstation list prices that were found).  price_as_of is the launch or
-- announcement date the source gives.
UPDATE gpu SET price_usd = 599, price_kind = 'msrp', price_as_of = '2023-04-12',
  price_source = 'https://www.club386.com/complete-geforce-rtx-4070-specifications-reveal-a-frugal-599-gpu/ (launch MSRP $599, on sale April 12, 2023)'
  WHERE id = 'rtx-4070';
UPDATE gpu SET price_usd = 799, price_kind = 'msrp', price_as_of = '2023-01-03',
  price_source = 'https://www.club386.com/complete-geforce-rtx-4070-specifications-reveal-a-frugal-599-gpu/ (table: RTX 4070 Ti launch MSRP $799, Jan 2023)'
  WHERE id = 'rtx-4070-ti';
UPDATE gpu SET price_usd = 1199, price_kind = 'msrp', price_as_of = '2022-09-20',
  price_source = 'https://www.club386.com/complete-geforce-rtx-4070-specifications-reveal-a-frugal-599-gpu/ (table: RTX 4080 launch MSRP $1,199)'
  WHERE id = 'rtx-4080';
UPDATE gpu SET price_usd = 299, price_kind = 'msrp', price_as_of = '2023-06-29',
  price_source = 'https://samacharcentral.com/the-launch-of-nvidias-rtx-4060-could-happen-earlier-than-anticipated/ ($299); https://chipversus.com/hardware/gpu/geforce-rtx-3060-ti (RTX 4060 MSRP $299)'
  WHERE id = 'rtx-4060';
UPDATE gpu SET price_usd = 399, price_kind = 'msrp', price_as_of = '2020-12-01',
  price_source = 'https://www.scan.co.uk/tekspek/gpu-graphics/nvidia-geforce-rtx-3060ti ("starting at just $399"); https://chipversus.com/hardware/gpu/geforce-rtx-3060-ti'
  WHERE id = 'rtx-3060-ti';
UPDATE gpu SET price_usd = 499, price_kind = 'msrp', price_as_of = '2020-09-01',
  price_source = 'https://fudzilla.net/news/graphics/51457-nvidia-rtx-30-series-specifications-are-now-official (RTX 3070 "starting at $499")'
  WHERE id = 'rtx-3070';
UPDATE gpu SET price_usd = 549, price_kind = 'msrp', price_as_of = '2025-01-06',
  price_source = 'https://technologistmag.com/nvidia-rtx-50-series-gpus-everything-we-know-so-far/amp (RTX 5070: $549, CES 2025)'
  WHERE id = 'rtx-5070';

-- 2026-12-07 (docs/sources/prices-2026-12-07.json): Amazon.com prices as
-- Keepa recorded them in public GPU price trackers (the seller and whether new
-- or refurbished unstated: an end-of-life V100 is likely refurbished), market
-- reports' ranges at their midpoints, and Intel's Gaudi 3 kit price.
UPDATE gpu SET price_usd = 25249.95, price_kind = 'street', price_as_of = '2025-07-04',
  price_source = 'https://github.com/United-Compute/gpu-price-tracker/blob/352e5cc7dc4f4cbfb41f4d3d8af8ad417cfc4719/data/NVIDIA_H100_PCIe_80_GB.json (Amazon via Keepa)'
  WHERE id = 'h100-pcie';
UPDATE gpu SET price_usd = 7099, price_kind = 'street', price_as_of = '2025-07-21',
  price_source = 'https://github.com/United-Compute/gpu-price-tracker/blob/02db5b7f8b1990e0cee494976ee60841e395d10b/data/NVIDIA_A100_40GB_PCle.json (Amazon via Keepa)'
  WHERE id = 'a100-pcie-40gb';
UPDATE gpu SET price_usd = 5809, price_kind = 'street', price_as_of = '2025-06-09',
  price_source = 'https://github.com/United-Compute/gpu-price-tracker/blob/5d244adef4da6cc78f886f31d2069ab141bc8e8e/data/NVIDIA_A40_PCIe.json (Amazon via Keepa)'
  WHERE id = 'a40';
UPDATE gpu SET price_usd = 6999, price_kind = 'street', price_as_of = '2025-02-08',
  price_source = 'https://github.com/yachty66/gpu-price-tracker/blob/466efb54900c5bdc936694424121d6f4c3ae8fdd/data/NVIDIA_L40.json (Amazon via Keepa)'
  WHERE id = 'l40';
UPDATE gpu SET price_usd = 4789.95, price_kind = 'street', price_as_of = '2025-05-06',
  price_source = 'https://github.com/yachty66/gpu-price-tracker/blob/4a6ffea1f4fdccbb6739f878f8f40d892e3c81ad/data/NVIDIA_A30_PCIe.json (Amazon via Keepa)'
  WHERE id = 'a30';
UPDATE gpu SET price_usd = 2592, price_kind = 'street', price_as_of = '2025-07-20',
  price_source = 'https://github.com/United-Compute/gpu-price-tracker/blob/0942c059f81c3ed9b7bb34a70b46c31c2a19276c/data/NVIDIA_Tesla_V100_SXM2_32_GB.json (Amazon via Keepa; likely refurbished)'
  WHERE id = 'v100-sxm2-32gb';
UPDATE gpu SET price_usd = 13500, price_kind = 'street', price_as_of = '2024-02-01',
  price_source = 'https://dunyanews.tv/amp/english/788751.php (Reuters: $12,000-$15,000 a card; midpoint)'
  WHERE id = 'h20';
UPDATE gpu SET price_usd = 12500, price_kind = 'street', price_as_of = '2024-02-01',
  price_source = 'https://www.svethardware.cz/ai-akceleratory-nvidia-h100-pry-stoji-2krat-mozna-az-6krat-vice-nez-amd-mi300/60384 (Citigroup estimate $10k-$15k; midpoint)'
  WHERE id = 'mi300x';
UPDATE gpu SET price_usd = 23000, price_kind = 'street', price_as_of = '2025-09-01',
  price_source = 'https://moneycheck.com/amd-stock-why-this-analyst-still-loves-amd-despite-price-cut (HSBC estimated average selling price $23,000)'
  WHERE id = 'mi355x';
UPDATE gpu SET price_usd = 15625, price_kind = 'list', price_as_of = '2024-06-01',
  price_source = 'https://y-ic.de/news/intel-officially-launches-gaudi3-ai-chip-slower-than-nvidia-h100,but-at-a-lower-cost.html ($125,000 for a kit of eight; one eighth)'
  WHERE id = 'gaudi3';
UPDATE chassis SET price_usd = 139.99, price_kind = 'street', price_as_of = '2024-05-14',
  price_source = 'https://github.com/docyx/pc-part-dataset/blob/f810caf26b91bbbfe44a544396c7c24735f74b74/data/csv/case.csv (PCPartPicker)'
  WHERE id = 'phanteks-enthoo-pro-2';

-- Memory modules (docs/sources/cpu-server-parts.json).  PCPartPicker names
-- no part number: the Kingston row is its only 1 x 32 GB DDR5-5600 CL40
-- black FURY Beast without RGB, which is KF556C40BB-32's description.
UPDATE memory SET price_usd = 100.43, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset data/csv/memory.csv (PCPartPicker: "Kingston FURY Beast 32 GB,100.43", 1 x 32 GB DDR5-5600 CL40)'
  WHERE id = 'ddr5-5600-udimm-32gb';
UPDATE memory SET price_usd = 97.98, price_kind = 'street', price_as_of = '2025-07-23',
  price_source = 'https://github.com/docyx/pc-part-dataset data/csv/memory.csv (PCPartPicker: "Crucial CT32G4DFD832A 32 GB,97.98")'
  WHERE id = 'ddr4-3200-udimm-32gb';
