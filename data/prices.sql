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
