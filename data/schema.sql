-- rigplan catalog schema, version 13 (2 added efficiency and link; 3 added
-- measurement, calibration and chassis_cpu; 4 added default_part; 5 made
-- engine rows releases and added engine_image, engine_model, gpu_target,
-- checkpoint and the model's architecture; 6 added platform, cpu_platform,
-- motherboard, cpu_cooler, chassis_layout, system and netpart, open
-- frames, and made chassis_cpu a chassis's platform; 7 added vision; 8 added
-- cpu_memory; 9 added engine_policy; 10 added engine_host and link.collective_s,
-- and let a model's native format be a GGUF file's; 11 added Apple silicon:
-- vendor 'apple', form factor 'soc', platform 'darwin/arm64' and
-- efficiency.dequant_ops; 12 added engine_kernel; 13 added cpu_core, a
-- CPU's cores as a device of their own; 14 added engine_allreduce, link
-- 'xgmi' and the links' one-shot all-reduce columns).
--
-- Units are SI base units throughout: bytes, bytes/s, FLOP/s (dense, never
-- the 2:4 sparsity figure), watts, hertz, seconds, US dollars.  Every row
-- names its source (a datasheet URL or document) and the date it was read
-- (as_of, ISO 8601).  A price is optional but, when present, says whether
-- it is a vendor list price, a launch MSRP or a street price, and where and
-- when it was seen.  The user overlay (user.db) is created with exactly
-- these tables, so a user row overrides a system row of the same id.
PRAGMA user_version = 14;

CREATE TABLE gpu (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (vendor IN ('nvidia', 'amd', 'intel', 'apple')),
  architecture TEXT NOT NULL CHECK (length(architecture) < 32),
  segment TEXT NOT NULL CHECK (segment IN ('datacenter', 'workstation', 'consumer', 'edge')),
  -- 'module': an edge module on its carrier board (Jetson); 'soc': a
  -- computer built around one system on a chip (an Apple silicon Mac),
  -- the row being that computer: memory_bytes its unified memory, tdp_w
  -- and idle_w the whole computer's at the wall, and no PCIe link
  form_factor TEXT NOT NULL CHECK (form_factor IN ('sxm', 'oam', 'pcie', 'module', 'soc')),
  memory_bytes INTEGER NOT NULL CHECK (memory_bytes > 0),
  memory_type TEXT NOT NULL CHECK (length(memory_type) < 32),
  memory_bandwidth_bytes_per_s REAL NOT NULL CHECK (memory_bandwidth_bytes_per_s > 0),
  -- Tensor (matrix) throughput, dense.  fp16 is with fp32 accumulate on
  -- data-centre parts; GeForce cards run fp16 at full rate only with fp16
  -- accumulate, so for them fp16_fp32acc_dense_flops records the halved
  -- rate that frameworks actually use (it is NULL where they are equal).
  fp16_dense_flops REAL CHECK (fp16_dense_flops > 0),
  bf16_dense_flops REAL CHECK (bf16_dense_flops > 0),
  fp16_fp32acc_dense_flops REAL CHECK (fp16_fp32acc_dense_flops > 0),
  fp8_dense_flops REAL CHECK (fp8_dense_flops > 0),
  int8_dense_ops REAL CHECK (int8_dense_ops > 0),
  int4_dense_ops REAL CHECK (int4_dense_ops > 0),
  fp4_dense_flops REAL CHECK (fp4_dense_flops > 0),
  fp32_flops REAL CHECK (fp32_flops > 0),  -- NULL where the vendor publishes none
  tdp_w REAL NOT NULL CHECK (tdp_w > 0),
  idle_w REAL CHECK (idle_w > 0),
  -- GPU-to-GPU link: total (both directions) bandwidth per GPU as vendors
  -- quote it; 'none' means peers talk over PCIe.
  interconnect TEXT NOT NULL CHECK (interconnect IN ('nvlink', 'nvlink-bridge', 'infinity-fabric', 'ethernet', 'none')),
  interconnect_bytes_per_s REAL CHECK (interconnect_bytes_per_s > 0),
  pcie_gen INTEGER CHECK (pcie_gen BETWEEN 3 AND 6),
  pcie_lanes INTEGER CHECK (pcie_lanes IN (4, 8, 16)),
  p2p INTEGER NOT NULL CHECK (p2p IN (0, 1)),
  slot_width INTEGER CHECK (slot_width BETWEEN 1 AND 4),
  cooling TEXT NOT NULL CHECK (cooling IN ('active', 'passive', 'liquid')),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL)),
  CHECK (form_factor = 'soc' OR (pcie_gen IS NOT NULL AND pcie_lanes IS NOT NULL))
);

CREATE TABLE model (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  family TEXT NOT NULL CHECK (length(family) < 32),
  hf_repo TEXT NOT NULL CHECK (length(hf_repo) < 96),
  -- config.json's architectures[0] and model_type: what engines load by
  architecture TEXT NOT NULL CHECK (length(architecture) BETWEEN 1 AND 63),
  model_type TEXT NOT NULL CHECK (length(model_type) BETWEEN 1 AND 31),
  layers INTEGER NOT NULL CHECK (layers > 0),
  hidden INTEGER NOT NULL CHECK (hidden > 0),
  intermediate INTEGER NOT NULL CHECK (intermediate > 0),
  heads INTEGER NOT NULL CHECK (heads > 0),
  kv_heads INTEGER NOT NULL CHECK (kv_heads > 0 AND kv_heads <= heads),
  head_dim INTEGER NOT NULL CHECK (head_dim > 0),
  vocab INTEGER NOT NULL CHECK (vocab > 0),
  tied_embeddings INTEGER NOT NULL CHECK (tied_embeddings IN (0, 1)),
  max_context INTEGER NOT NULL CHECK (max_context > 0),
  attention TEXT NOT NULL CHECK (attention IN ('mha', 'gqa', 'mqa', 'mla')),
  -- Sliding-window attention: window size in tokens and how many of the
  -- layers use it (the rest attend to the full context).
  sliding_window INTEGER CHECK (sliding_window > 0),
  sliding_layers INTEGER CHECK (sliding_layers >= 0),
  -- Mixture of experts (0 experts: dense).  moe_intermediate is one
  -- expert's FFN width; moe_dense_layers leading layers use a dense FFN.
  moe_experts INTEGER NOT NULL DEFAULT 0 CHECK (moe_experts >= 0),
  moe_top_k INTEGER NOT NULL DEFAULT 0 CHECK (moe_top_k >= 0 AND moe_top_k <= moe_experts),
  moe_shared_experts INTEGER NOT NULL DEFAULT 0 CHECK (moe_shared_experts >= 0),
  moe_intermediate INTEGER CHECK (moe_intermediate > 0),
  moe_dense_layers INTEGER NOT NULL DEFAULT 0 CHECK (moe_dense_layers >= 0),
  -- Multi-head latent attention (DeepSeek): the KV cache holds
  -- kv_lora_rank + qk_rope_head_dim values per token per layer.
  kv_lora_rank INTEGER CHECK (kv_lora_rank > 0),
  q_lora_rank INTEGER CHECK (q_lora_rank > 0),
  qk_rope_head_dim INTEGER CHECK (qk_rope_head_dim > 0),
  qk_nope_head_dim INTEGER CHECK (qk_nope_head_dim > 0),
  v_head_dim INTEGER CHECK (v_head_dim > 0),
  params_total REAL NOT NULL CHECK (params_total > 0),
  params_active REAL NOT NULL CHECK (params_active > 0 AND params_active <= params_total),
  native_dtype TEXT NOT NULL CHECK (native_dtype IN ('bf16', 'fp16', 'fp8', 'mxfp4') OR
                                    native_dtype GLOB 'gguf-[a-z0-9_]*'),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

CREATE TABLE ssd (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (length(vendor) < 32),
  interface TEXT NOT NULL CHECK (interface IN ('nvme', 'sata')),
  pcie_gen INTEGER CHECK (pcie_gen BETWEEN 3 AND 6),
  form_factor TEXT NOT NULL CHECK (form_factor IN ('m.2', 'u.2', 'u.3', 'e1.s', 'e3.s', '2.5in')),
  capacity_bytes INTEGER NOT NULL CHECK (capacity_bytes > 0),
  seq_read_bytes_per_s REAL NOT NULL CHECK (seq_read_bytes_per_s > 0),
  seq_write_bytes_per_s REAL NOT NULL CHECK (seq_write_bytes_per_s > 0),
  rand_read_iops REAL NOT NULL CHECK (rand_read_iops > 0),
  read_latency_s REAL CHECK (read_latency_s > 0),
  active_w REAL CHECK (active_w > 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL)),
  CHECK ((interface = 'nvme') = (pcie_gen IS NOT NULL))
);

CREATE TABLE psu (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (length(vendor) < 32),
  form_factor TEXT NOT NULL CHECK (form_factor IN ('atx', 'sfx', 'crps', 'server')),
  rated_w REAL NOT NULL CHECK (rated_w > 0),
  efficiency_level TEXT NOT NULL CHECK (efficiency_level IN ('white', 'bronze', 'silver', 'gold', 'platinum', 'titanium')),
  hot_swap INTEGER NOT NULL CHECK (hot_swap IN (0, 1)),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL))
);

-- 80 PLUS minimum efficiency by level at a fraction of rated load.
-- variant: '115v-internal' (ATX desktop), '230v-internal-redundant'
-- (data-centre redundant supplies).
CREATE TABLE psu_efficiency (
  level TEXT NOT NULL CHECK (level IN ('white', 'bronze', 'silver', 'gold', 'platinum', 'titanium')),
  variant TEXT NOT NULL CHECK (variant IN ('115v-internal', '230v-internal-redundant')),
  load_fraction REAL NOT NULL CHECK (load_fraction > 0 AND load_fraction <= 1),
  efficiency REAL NOT NULL CHECK (efficiency > 0.5 AND efficiency < 1),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  PRIMARY KEY (level, variant, load_fraction)
);

CREATE TABLE chassis (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (length(vendor) < 32),
  kind TEXT NOT NULL CHECK (kind IN ('tower', 'open', 'rack')),
  rack_units INTEGER CHECK (rack_units BETWEEN 1 AND 10),
  gpu_slots INTEGER NOT NULL CHECK (gpu_slots BETWEEN 1 AND 16),
  gpu_form_factor TEXT NOT NULL CHECK (gpu_form_factor IN ('pcie', 'sxm', 'oam')),
  max_gpu_width INTEGER CHECK (max_gpu_width BETWEEN 1 AND 4),
  cpu_sockets INTEGER NOT NULL CHECK (cpu_sockets BETWEEN 1 AND 4),
  psu_bays INTEGER NOT NULL CHECK (psu_bays BETWEEN 1 AND 12),
  psu_redundancy TEXT NOT NULL CHECK (psu_redundancy IN ('none', 'n+1', 'n+2', 'n+n')),
  psu_w REAL CHECK (psu_w > 0),
  max_power_w REAL CHECK (max_power_w > 0),
  airflow_cfm REAL CHECK (airflow_cfm > 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL)),
  CHECK ((kind = 'rack') = (rack_units IS NOT NULL))
);

CREATE TABLE cpu (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (vendor IN ('intel', 'amd', 'nvidia', 'ampere')),
  segment TEXT NOT NULL CHECK (segment IN ('server', 'workstation', 'desktop')),
  cores INTEGER NOT NULL CHECK (cores > 0),
  threads INTEGER NOT NULL CHECK (threads >= cores),
  base_hz REAL NOT NULL CHECK (base_hz > 0),
  boost_hz REAL CHECK (boost_hz > 0),
  pcie_gen INTEGER NOT NULL CHECK (pcie_gen BETWEEN 3 AND 6),
  pcie_lanes INTEGER NOT NULL CHECK (pcie_lanes > 0),
  memory_type TEXT NOT NULL CHECK (length(memory_type) < 16),
  memory_channels INTEGER NOT NULL CHECK (memory_channels > 0),
  max_sockets INTEGER NOT NULL CHECK (max_sockets BETWEEN 1 AND 8),
  tdp_w REAL NOT NULL CHECK (tdp_w > 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL))
);

CREATE TABLE memory (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (length(vendor) < 32),
  type TEXT NOT NULL CHECK (type IN ('ddr4-rdimm', 'ddr5-rdimm', 'ddr4-udimm', 'ddr5-udimm')),
  capacity_bytes INTEGER NOT NULL CHECK (capacity_bytes > 0),
  speed_mts INTEGER NOT NULL CHECK (speed_mts > 0),
  ecc INTEGER NOT NULL CHECK (ecc IN (0, 1)),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL))
);

-- Serving engines, one row per release (id 'vllm@0.11.0'): what that
-- version loads and how it spreads a model, and its scheduler defaults.
-- A family's default is its newest release.  pp: pipeline parallelism
-- served; multinode: how one replica spans nodes ('ray' for vLLM,
-- 'native' flags for SGLang, 'mpi' for TensorRT-LLM); ep: expert
-- parallelism for mixtures of experts.
CREATE TABLE engine (
  id TEXT PRIMARY KEY CHECK (id = family || '@' || version),
  family TEXT NOT NULL CHECK (length(family) BETWEEN 1 AND 31 AND family NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 31 AND version NOT GLOB '*[^a-z0-9.]*'),
  released TEXT NOT NULL CHECK (released GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  health_path TEXT NOT NULL CHECK (health_path GLOB '/*' AND length(health_path) < 64),
  weight_formats TEXT NOT NULL CHECK (length(weight_formats) < 160),
  -- weight formats the release makes itself as it loads the model's 16-bit
  -- checkpoint (vLLM --quantization fp8: online dynamic quantization), so
  -- they need no checkpoint of their own
  online_formats TEXT NOT NULL DEFAULT '' CHECK (length(online_formats) < 64),
  kv_formats TEXT NOT NULL CHECK (length(kv_formats) < 64),
  default_kv_format TEXT NOT NULL CHECK (length(default_kv_format) < 16),
  pp INTEGER NOT NULL CHECK (pp IN (0, 1)),
  multinode TEXT NOT NULL CHECK (multinode IN ('none', 'ray', 'native', 'mpi')),
  ep INTEGER NOT NULL CHECK (ep IN (0, 1)),
  gpu_memory_utilization REAL CHECK (gpu_memory_utilization > 0 AND gpu_memory_utilization <= 1),
  max_num_seqs INTEGER CHECK (max_num_seqs > 0),
  max_num_batched_tokens INTEGER CHECK (max_num_batched_tokens > 0),
  kv_block_tokens INTEGER CHECK (kv_block_tokens > 0),
  -- defaults the server picks instead on a GPU of at least large_gpu_bytes
  -- whose id does not match large_gpu_except (a GLOB): vLLM's OpenAI
  -- server takes 1024 sequences and 8192-token steps on GPUs of 70 GiB and
  -- more, A100s excepted (arg_utils.py, default max_num_seqs and
  -- max_num_batched_tokens by usage context)
  large_gpu_bytes INTEGER CHECK (large_gpu_bytes > 0),
  large_gpu_except TEXT CHECK (length(large_gpu_except) < 32),
  large_max_num_seqs INTEGER CHECK (large_max_num_seqs > 0),
  large_max_num_batched_tokens INTEGER CHECK (large_max_num_batched_tokens > 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- A release's container images: one per platform and GPU toolkit, with
-- the GPU targets its kernels are built for (CUDA compute capabilities
-- '8.0,8.9,9.0', AMD 'gfx942', 'gaudi2').  A GPU runs an image when a
-- target has the GPU's major version and a minor no higher than its own.
-- On 'darwin/arm64' no container reaches the GPU (Apple's Metal has no
-- container runtime): `image` is the release's own archive, the URL it is
-- downloaded from, or for a Python package "pypi:" and its pinned
-- requirements separated by spaces, and the server runs natively ('metal'
-- target).
CREATE TABLE engine_image (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 127),
  engine TEXT NOT NULL CHECK (length(engine) BETWEEN 1 AND 63),
  image TEXT NOT NULL CHECK (length(image) BETWEEN 3 AND 127 AND image GLOB '*:*'
                             AND image NOT GLOB '*:latest'),
  platform TEXT NOT NULL CHECK (platform IN ('linux/amd64', 'linux/arm64', 'darwin/arm64')),
  targets TEXT NOT NULL CHECK (length(targets) BETWEEN 1 AND 159),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- How an engine family admits requests when the KV cache runs short (id:
-- the family): 'preempt' admits what fits now and preempts a running
-- request when the cache fills (vLLM, recompute); 'reserve' admits a
-- request only with blocks for its prompt and its whole output, and never
-- pauses one (TensorRT-LLM's GUARANTEED_NO_EVICT).  A family without a
-- row preempts.
CREATE TABLE engine_policy (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 31 AND id NOT GLOB '*[^a-z0-9.-]*'),
  admission TEXT NOT NULL CHECK (admission IN ('preempt', 'reserve')),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- What an engine family's host side adds to a request (id: the family).
-- prefill_launch_layer_s: the host time to launch one decoder layer of a
-- forward pass that runs outside CUDA graphs (an eager prefill), which
-- the GPU waits for when its own work is shorter; NULL: the GPU's
-- efficiency row (a bare PyTorch loop).  request_s: the front end's
-- time per request before the scheduler sees it (HTTP, chat template,
-- tokenizing) and after (detokenizing, streaming).  A family without a
-- row takes the GPU's launch cost and no front-end time.
CREATE TABLE engine_host (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 31 AND id NOT GLOB '*[^a-z0-9.-]*'),
  prefill_launch_layer_s REAL CHECK (prefill_launch_layer_s > 0 AND prefill_launch_layer_s < 0.01),
  request_s REAL NOT NULL CHECK (request_s >= 0 AND request_s < 1),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- The model architectures (config.json's architectures[0]) an engine
-- family loads, from the release `since` on.  No row: it does not.
CREATE TABLE engine_model (
  id TEXT PRIMARY KEY CHECK (id = family || '/' || architecture),
  family TEXT NOT NULL CHECK (length(family) BETWEEN 1 AND 31),
  architecture TEXT NOT NULL CHECK (length(architecture) BETWEEN 1 AND 63),
  since TEXT NOT NULL CHECK (length(since) BETWEEN 1 AND 31 AND since NOT GLOB '*[^a-z0-9.]*'),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- What a GPU's kernels are compiled for (id: the GPU) and the platform
-- of the host it sits in.
-- What a model's own project says an engine family must run it with:
-- the release it needs at least and the server flags it is started with
-- (words separated by single spaces, none containing a space), e.g.
-- Open-AutoGLM's multimodal settings for AutoGLM-Phone-9B on vLLM.
-- A vision-language model's vision tower (id: the model) and how its
-- processor turns an image into tokens: `depth` blocks of width `hidden`
-- with `heads` heads and a SwiGLU MLP of width `mlp`; a patch merger of
-- width `out_hidden` (the language model's) with a SwiGLU of `merger`;
-- images cut into patch x patch pixels, merge x merge patches per token,
-- resized to between min_pixels and max_pixels (counted over
-- temporal_patch frames, as the processor counts them).
CREATE TABLE vision (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  depth INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 256),
  hidden INTEGER NOT NULL CHECK (hidden BETWEEN 1 AND 65536),
  heads INTEGER NOT NULL CHECK (heads BETWEEN 1 AND 1024),
  mlp INTEGER NOT NULL CHECK (mlp BETWEEN 1 AND 262144),
  out_hidden INTEGER NOT NULL CHECK (out_hidden BETWEEN 1 AND 65536),
  merger INTEGER NOT NULL CHECK (merger BETWEEN 1 AND 262144),
  patch_size INTEGER NOT NULL CHECK (patch_size BETWEEN 1 AND 128),
  merge_size INTEGER NOT NULL CHECK (merge_size BETWEEN 1 AND 8),
  temporal_patch INTEGER NOT NULL CHECK (temporal_patch BETWEEN 1 AND 8),
  min_pixels INTEGER NOT NULL CHECK (min_pixels > 0),
  max_pixels INTEGER NOT NULL CHECK (max_pixels >= min_pixels),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  -- added in version 13, last so an older overlay's rows keep theirs: how
  -- the processor makes an image the tower's input (NULL: GLM-4V's
  -- smart-resize within min/max pixels; 'fixed': one square of image_size,
  -- Gemma 3; 'tiles': a grid of at most max_tiles tiles of image_size and a
  -- global one, Llama 4), and the MLP's matrices (NULL: 3, SwiGLU; 2: GELU)
  processor TEXT CHECK (processor IN ('fixed', 'tiles')),
  image_size INTEGER CHECK (image_size BETWEEN 14 AND 8192),
  max_tiles INTEGER CHECK (max_tiles BETWEEN 1 AND 64),
  mlp_matrices INTEGER CHECK (mlp_matrices IN (2, 3)),
  CHECK ((processor IS NULL) = (image_size IS NULL)),
  CHECK ((processor = 'tiles') = (max_tiles IS NOT NULL))
);

CREATE TABLE model_serving (
  id TEXT PRIMARY KEY CHECK (id = model || '/' || family),
  model TEXT NOT NULL CHECK (length(model) BETWEEN 1 AND 63),
  family TEXT NOT NULL CHECK (length(family) BETWEEN 1 AND 31),
  since TEXT NOT NULL CHECK (length(since) BETWEEN 1 AND 31 AND since NOT GLOB '*[^a-z0-9.]*'),
  flags TEXT NOT NULL CHECK (length(flags) BETWEEN 2 AND 399 AND flags GLOB '-*'
                             AND flags NOT GLOB '*[^ -~]*' AND flags NOT GLOB '*  *'
                             AND flags NOT GLOB '* ' AND flags NOT GLOB '*[''\`$]*'),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);
CREATE TABLE gpu_target (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63),
  target TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 15),
  platform TEXT NOT NULL CHECK (platform IN ('linux/amd64', 'linux/arm64', 'darwin/arm64')),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- Where a model's weights in a format are published: a Hugging Face
-- repository, for GGUF the file in it (the first shard of a split one)
-- and the Ollama library tag of the same quantization.  bytes: what is
-- downloaded, where the repository states it.  A model's own format
-- (native_dtype, or fp16 of a 16-bit model) is its hf_repo without a row.
CREATE TABLE checkpoint (
  id TEXT PRIMARY KEY CHECK (id = model || '.' || format),
  model TEXT NOT NULL CHECK (length(model) BETWEEN 1 AND 63),
  format TEXT NOT NULL CHECK (length(format) BETWEEN 1 AND 31),
  repo TEXT NOT NULL CHECK (length(repo) BETWEEN 3 AND 95 AND repo GLOB '?*/?*'
                            AND repo NOT GLOB '*[^A-Za-z0-9._/-]*'),
  file TEXT CHECK (length(file) BETWEEN 1 AND 127 AND file NOT GLOB '*[^A-Za-z0-9._-]*'),
  bytes INTEGER CHECK (bytes > 0),
  ollama TEXT CHECK (length(ollama) BETWEEN 1 AND 95 AND ollama NOT GLOB '*[^A-Za-z0-9._:/-]*'),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- Other names a user may type or a tool may print (nvidia-smi's
-- product_name), matched case-insensitively.
CREATE TABLE alias (
  kind TEXT NOT NULL CHECK (kind IN ('gpu', 'model', 'ssd', 'psu', 'chassis', 'cpu', 'memory', 'engine', 'checkpoint')),
  alias TEXT NOT NULL COLLATE NOCASE CHECK (length(alias) BETWEEN 1 AND 95),
  id TEXT NOT NULL,
  PRIMARY KEY (kind, alias)
);

-- GPUs the user owns, as `catalog import-nvsmi --save` stored them in
-- overlays before the option was removed (nothing ever read them; `plan
-- --owned FILE` reads the nvidia-smi file itself).  Nothing writes or
-- reads it now; it stays so that those overlays remain rigplan's.
CREATE TABLE inventory (
  uuid TEXT PRIMARY KEY CHECK (length(uuid) BETWEEN 1 AND 63),
  gpu_id TEXT,
  product_name TEXT NOT NULL CHECK (length(product_name) < 96),
  memory_bytes INTEGER NOT NULL CHECK (memory_bytes > 0),
  power_limit_w REAL CHECK (power_limit_w > 0),
  pcie_gen INTEGER,
  pcie_lanes INTEGER,
  driver_version TEXT CHECK (length(driver_version) < 32),
  cuda_version TEXT CHECK (length(cuda_version) < 16),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 255),
  as_of TEXT NOT NULL
);

-- How close a GPU family comes to its datasheet, and its fixed costs:
-- the parameters of models/ (see models/spec.h, struct gpu_eff).  id is a
-- GPU id (measured on that GPU) or an architecture (the family default);
-- a GPU row wins over its architecture's.  `rigplan calibrate` writes GPU
-- rows into the overlay.
CREATE TABLE efficiency (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  scope TEXT NOT NULL CHECK (scope IN ('gpu', 'architecture')),
  bw REAL NOT NULL CHECK (bw > 0 AND bw <= 1),
  kernel_s REAL NOT NULL CHECK (kernel_s >= 0 AND kernel_s < 0.01),
  layer_s REAL NOT NULL CHECK (layer_s >= 0 AND layer_s < 0.01),
  step_s REAL NOT NULL CHECK (step_s >= 0 AND step_s < 0.1),
  launch_layer_s REAL NOT NULL CHECK (launch_layer_s >= 0 AND launch_layer_s < 0.01),
  gemm REAL NOT NULL CHECK (gemm > 0 AND gemm <= 1),
  gemm_fp8 REAL CHECK (gemm_fp8 > 0 AND gemm_fp8 <= 1),
  attn_prefill REAL NOT NULL CHECK (attn_prefill > 0 AND attn_prefill <= 1),
  roofline_p REAL NOT NULL CHECK (roofline_p >= 1 AND roofline_p <= 50),
  power_mem REAL NOT NULL CHECK (power_mem >= 0 AND power_mem <= 2),
  power_comp REAL NOT NULL CHECK (power_comp >= 0 AND power_comp <= 2),
  -- NULL: derived at the design point, (temp_slowdown_c - 35 C) / TDP
  thermal_r_k_per_w REAL CHECK (thermal_r_k_per_w > 0),
  thermal_tau_s REAL NOT NULL CHECK (thermal_tau_s > 0),
  temp_slowdown_c REAL NOT NULL CHECK (temp_slowdown_c BETWEEN 50 AND 120),
  context_bytes REAL NOT NULL CHECK (context_bytes >= 0),
  -- relative error bands of the model against measurements in each regime
  err_decode_lo REAL NOT NULL CHECK (err_decode_lo <= 0 AND err_decode_lo > -1),
  err_decode_hi REAL NOT NULL CHECK (err_decode_hi >= 0),
  err_prefill_lo REAL NOT NULL CHECK (err_prefill_lo <= 0 AND err_prefill_lo > -1),
  err_prefill_hi REAL NOT NULL CHECK (err_prefill_hi >= 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  -- ALU operations per weight that a matrix-vector product of a block-
  -- quantized (GGUF) weight spends unpacking it, at the GPU's 16-bit rate;
  -- NULL: hidden under the memory time (added in version 11, last so an
  -- older overlay's rows keep their columns)
  dequant_ops REAL CHECK (dequant_ops >= 0 AND dequant_ops < 1000)
);

-- How an engine family's own kernels run on a GPU architecture where they
-- differ from the architecture's efficiency row, fitted to that engine's
-- published runs: the ALU operations per weight its quantized
-- matrix-vector kernels spend unpacking (efficiency.dequant_ops) and the
-- share of the 16-bit rate its prompts' matrix products reach
-- (efficiency.gemm).  NULL, or no row: the architecture's figure.
-- (Added in version 12.)
CREATE TABLE engine_kernel (
  id TEXT PRIMARY KEY CHECK (id = family || '/' || architecture),
  family TEXT NOT NULL CHECK (length(family) BETWEEN 1 AND 31),
  architecture TEXT NOT NULL CHECK (length(architecture) BETWEEN 1 AND 31),
  dequant_ops REAL CHECK (dequant_ops >= 0 AND dequant_ops < 1000),
  gemm REAL CHECK (gemm > 0 AND gemm <= 1),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- GPU-to-GPU links as collectives achieve them: per direction bandwidth
-- as a fraction of the link's raw rate, and latency per ring hop.
-- 'xgmi': AMD Instinct's Infinity Fabric, every GPU of a board wired to
-- every other.
CREATE TABLE link (
  id TEXT PRIMARY KEY CHECK (id IN ('nvlink', 'pcie-p2p', 'pcie-host', 'infiniband', 'roce', 'xgmi')),
  name TEXT NOT NULL CHECK (length(name) < 96),
  efficiency REAL NOT NULL CHECK (efficiency > 0 AND efficiency <= 1),
  latency_s REAL NOT NULL CHECK (latency_s > 0 AND latency_s < 0.01),
  -- a collective's fixed cost on top of latency_s per hop (the library's
  -- launch and handshake); 0 where none was measured
  collective_s REAL NOT NULL CHECK (collective_s >= 0 AND collective_s < 0.001),
  -- per GPU, per direction, for network links (NIC line rate)
  bytes_per_s REAL CHECK (bytes_per_s > 0),
  err REAL NOT NULL CHECK (err >= 0 AND err < 1),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  -- the engines' own all-reduce kernel over this link (engine_allreduce):
  -- one stage's fixed cost (the two-shot kernel runs two), and the bytes a
  -- GPU pulls from its peers per second in it.  NULL: the kernel does not
  -- run over this link (a ring does)
  oneshot_s REAL CHECK (oneshot_s > 0 AND oneshot_s < 0.001),
  oneshot_bytes_per_s REAL CHECK (oneshot_bytes_per_s > 0),
  -- what an all-reduce inside a forward step waits on top of the kernel
  -- alone (the slowest GPU's arrival), whichever kernel runs; NULL: 0
  sync_s REAL CHECK (sync_s >= 0 AND sync_s < 0.001),
  CHECK ((oneshot_s IS NULL) = (oneshot_bytes_per_s IS NULL))
);

-- How an engine family all-reduces the activations of tensor-parallel
-- GPUs (id: the family): a message under max_bytes, among world sizes
-- of `world_sizes` (GPU counts separated by spaces) on a link with a
-- one-shot kernel (link.oneshot_s) joining every GPU to every other, or
-- two GPUs over any such link, goes through the engine's own kernel: one
-- stage (each GPU reads every peer's whole buffer) below oneshot_bytes_4
-- on up to four GPUs and below oneshot_bytes_8 on up to eight, else two
-- (reduce-scatter, all-gather).  Everything else goes through NCCL's
-- ring.  rocm_since: the first release whose kernel runs on AMD Instinct
-- GPUs too (NULL: none does).  A family without a row rings every message.
CREATE TABLE engine_allreduce (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 31 AND id NOT GLOB '*[^a-z0-9.-]*'),
  max_bytes INTEGER NOT NULL CHECK (max_bytes > 0 AND max_bytes <= 1073741824),
  oneshot_bytes_4 INTEGER NOT NULL CHECK (oneshot_bytes_4 >= 0 AND oneshot_bytes_4 <= max_bytes),
  oneshot_bytes_8 INTEGER NOT NULL CHECK (oneshot_bytes_8 >= 0 AND oneshot_bytes_8 <= max_bytes),
  world_sizes TEXT NOT NULL CHECK (length(world_sizes) BETWEEN 1 AND 31 AND
                                   world_sizes NOT GLOB '*[^0-9 ]*'),
  rocm_since TEXT CHECK (length(rocm_since) BETWEEN 1 AND 31 AND rocm_since NOT GLOB '*[^a-z0-9.]*'),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- What was measured on real GPUs, for `rigplan validate`: the system
-- catalog carries end-to-end decode and prefill times (data/
-- measurements.sql), `rigplan calibrate` adds its kernel measurements to
-- the overlay.  workload and metric say what the value is:
--   idle/power_w; copy, triad/bytes_per_s (size_bytes per array);
--   gemm/time_s (dtype, m x n x k: Y = X W^T, X m x k); gemm/power_w
--   (held back to back); h2d, d2h, p2p/bytes_per_s (size_bytes, pinned);
--   decode/time_s (model, layers run, batch, context tokens);
--   prefill/time_s (model, layers, batch, input_len).
CREATE TABLE measurement (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 127 AND id NOT GLOB '*[^a-z0-9./_-]*'),
  gpu_id TEXT NOT NULL CHECK (length(gpu_id) BETWEEN 1 AND 63),
  workload TEXT NOT NULL CHECK (workload IN ('idle', 'copy', 'triad', 'gemm', 'h2d', 'd2h', 'p2p', 'decode', 'prefill')),
  metric TEXT NOT NULL CHECK (metric IN ('time_s', 'bytes_per_s', 'power_w')),
  dtype TEXT CHECK (dtype IN ('bf16', 'fp16', 'fp8')),
  m INTEGER CHECK (m > 0), n INTEGER CHECK (n > 0), k INTEGER CHECK (k > 0),
  size_bytes INTEGER CHECK (size_bytes > 0),
  pinned INTEGER CHECK (pinned IN (0, 1)),
  model_id TEXT CHECK (length(model_id) < 64),
  layers INTEGER CHECK (layers > 0),
  batch INTEGER CHECK (batch > 0),
  context INTEGER CHECK (context > 0),
  input_len INTEGER CHECK (input_len > 0),
  value REAL NOT NULL CHECK (value > 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- Calibration runs (overlay only): the latest per GPU, with the fitted
-- parameters as JSON so a later rigplan can show what was fitted from what.
CREATE TABLE calibration (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  device_name TEXT NOT NULL CHECK (length(device_name) < 256),
  driver_version TEXT CHECK (length(driver_version) < 32),
  cuda_version TEXT CHECK (length(cuda_version) < 32),
  host TEXT NOT NULL CHECK (length(host) < 64),
  quick INTEGER NOT NULL CHECK (quick IN (0, 1)),
  cases INTEGER NOT NULL CHECK (cases >= 0),
  samples INTEGER NOT NULL CHECK (samples >= 0),
  fit TEXT NOT NULL CHECK (json_valid(fit)),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- A CPU platform: the socket and the memory modules its boards take, and
-- how many DIMMs a channel may carry.  Channels and PCIe lanes are each
-- CPU's own (cpu.memory_channels, cpu.pcie_lanes: the datasheet's).
CREATE TABLE platform (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (vendor IN ('intel', 'amd')),
  socket TEXT NOT NULL CHECK (length(socket) BETWEEN 1 AND 15),
  memory_type TEXT NOT NULL CHECK (memory_type IN ('ddr4-rdimm', 'ddr5-rdimm', 'ddr4-udimm', 'ddr5-udimm')),
  max_dimms_per_channel INTEGER NOT NULL CHECK (max_dimms_per_channel BETWEEN 1 AND 2),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- The fastest memory a CPU runs (id: the CPU), one DIMM per channel: with
-- its memory_channels, the host's memory bandwidth, which prices what an
-- engine keeps in host memory (layers on the CPU, a KV cache there).  A
-- CPU without a row is never planned with offload: its rate is unknown.
CREATE TABLE cpu_memory (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  memory_mts INTEGER NOT NULL CHECK (memory_mts BETWEEN 400 AND 20000),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- What a CPU's cores compute when they run a model themselves, with no GPU
-- (id: the CPU): its microarchitecture, whose efficiency row (id = the
-- microarchitecture, scope 'architecture') holds the share of the peak
-- llama.cpp reaches, and the int8 operations one core issues a cycle in
-- its widest dot-product instruction (AVX-512 VNNI, AVX-VNNI, or AVX2's
-- multiply-add pairs: lanes x 4 bytes x 2 x pipes), per SKU: some server
-- SKUs of one microarchitecture have one 512-bit FMA unit, others two.  A
-- CPU without a row is never a device of its own.
CREATE TABLE cpu_core (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  microarchitecture TEXT NOT NULL CHECK (length(microarchitecture) BETWEEN 1 AND 31),
  int8_ops_per_cycle REAL NOT NULL CHECK (int8_ops_per_cycle > 0 AND int8_ops_per_cycle <= 1024),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- The platform each CPU goes in (id: the CPU).  A CPU without a row is
-- never put in a planned machine: its socket is unknown.
CREATE TABLE cpu_platform (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  platform TEXT NOT NULL CHECK (length(platform) BETWEEN 1 AND 63),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- The board a server chassis ships with (id: the chassis): its platform
-- and DIMM slots.  Such a chassis (a barebones server) comes with its
-- board, CPU heatsinks, fans and PSUs; the planner adds CPUs, memory and
-- drives of that platform.
CREATE TABLE chassis_cpu (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  platform TEXT NOT NULL CHECK (length(platform) BETWEEN 1 AND 63),
  dimm_slots INTEGER NOT NULL CHECK (dimm_slots BETWEEN 1 AND 64),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- A case that takes a motherboard (id: the chassis, a tower or an open
-- frame): its rear expansion slots and the board form factors it mounts
-- (comma-separated).  risers: the GPUs stand apart on riser cables (an
-- open frame), so a card's width never blocks the next slot.
CREATE TABLE chassis_layout (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  expansion_slots INTEGER NOT NULL CHECK (expansion_slots BETWEEN 1 AND 16),
  board_form_factors TEXT NOT NULL CHECK (length(board_form_factors) BETWEEN 3 AND 63),
  risers INTEGER NOT NULL CHECK (risers IN (0, 1)),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- Motherboards for built machines.  gpu_slots: the x16-length slots wired
-- from the CPU that take a GPU.  gpu_slot_positions: where they are, the
-- expansion-slot positions (1 nearest the CPU), ascending, comma-separated
-- (a card of width w in position p covers positions p to p + w - 1); NULL
-- when no source gives them: such a board is planned with one card of
-- any width, or all its slots with cards no wider than two.
CREATE TABLE motherboard (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (length(vendor) < 32),
  platform TEXT NOT NULL CHECK (length(platform) BETWEEN 1 AND 63),
  form_factor TEXT NOT NULL CHECK (form_factor IN ('atx', 'e-atx', 'eeb', 'ceb', 'ssi-eeb')),
  sockets INTEGER NOT NULL CHECK (sockets BETWEEN 1 AND 2),
  dimm_slots INTEGER NOT NULL CHECK (dimm_slots BETWEEN 1 AND 32),
  gpu_slots INTEGER NOT NULL CHECK (gpu_slots BETWEEN 1 AND 16),
  gpu_slot_positions TEXT CHECK (length(gpu_slot_positions) BETWEEN 1 AND 47
                                 AND gpu_slot_positions NOT GLOB '*[^0-9,]*'),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL))
);

-- CPU coolers for built machines: the sockets each mounts on
-- (comma-separated, as platform.socket) and the heat it is rated for
-- (NULL: the maker states none, as Noctua does; planned on its socket
-- alone, after rated ones, and the bill says so).
CREATE TABLE cpu_cooler (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (length(vendor) < 32),
  sockets TEXT NOT NULL CHECK (length(sockets) BETWEEN 1 AND 63),
  max_tdp_w REAL CHECK (max_tdp_w > 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL))
);

-- A complete system (id: the chassis, e.g. a DGX): the CPUs, memory,
-- drives and network ports it ships with, so nothing of these is added
-- to its bill, and its power is the system's own (chassis.max_power_w).
-- cpu: the catalog row of its CPU model; ssd: of its data drives.
CREATE TABLE system (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  cpu TEXT NOT NULL CHECK (length(cpu) BETWEEN 1 AND 63),
  cpus INTEGER NOT NULL CHECK (cpus BETWEEN 1 AND 8),
  ram_bytes INTEGER NOT NULL CHECK (ram_bytes > 0),
  dimms INTEGER NOT NULL CHECK (dimms BETWEEN 1 AND 64),
  ssd TEXT NOT NULL CHECK (length(ssd) BETWEEN 1 AND 63),
  ssds INTEGER NOT NULL CHECK (ssds BETWEEN 1 AND 32),
  nic_ports INTEGER NOT NULL CHECK (nic_ports BETWEEN 0 AND 32),
  nic_gbps REAL CHECK (nic_gbps > 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);

-- Network and rack-power parts for machines that work together: NICs,
-- switches and cables (speed per port, ports per unit), and PDUs (the
-- output each is rated for).
CREATE TABLE netpart (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 63 AND id NOT GLOB '*[^a-z0-9.-]*'),
  name TEXT NOT NULL CHECK (length(name) < 96),
  vendor TEXT NOT NULL CHECK (length(vendor) < 32),
  kind TEXT NOT NULL CHECK (kind IN ('nic', 'switch', 'cable', 'pdu')),
  fabric TEXT CHECK (fabric IN ('infiniband', 'ethernet')),
  speed_gbps REAL CHECK (speed_gbps > 0),
  ports INTEGER CHECK (ports BETWEEN 1 AND 256),
  power_w REAL CHECK (power_w > 0),
  capacity_w REAL CHECK (capacity_w > 0),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  price_usd REAL CHECK (price_usd > 0),
  price_kind TEXT CHECK (price_kind IN ('list', 'msrp', 'street')),
  price_source TEXT CHECK (length(price_source) < 256),
  price_as_of TEXT CHECK (price_as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK ((price_usd IS NULL) = (price_kind IS NULL) AND (price_usd IS NULL) = (price_source IS NULL)
         AND (price_usd IS NULL) = (price_as_of IS NULL)),
  CHECK ((kind = 'pdu') = (capacity_w IS NOT NULL) AND (kind = 'pdu') = (fabric IS NULL)
         AND (kind = 'pdu') = (speed_gbps IS NULL))
);

-- The host parts a deployment gets when the user names none (estimate,
-- simulate, capacity; the planner chooses its own), per segment of the
-- GPU: 'server' for data-centre parts, 'desktop' for GeForce and
-- workstation cards.  id is '<segment>-<kind>', so a user row overrides
-- the system's.  part is an id of that kind's table.
CREATE TABLE default_part (
  id TEXT PRIMARY KEY CHECK (id = segment || '-' || kind),
  segment TEXT NOT NULL CHECK (segment IN ('server', 'desktop')),
  kind TEXT NOT NULL CHECK (kind IN ('cpu', 'ssd', 'psu')),
  part TEXT NOT NULL CHECK (length(part) BETWEEN 1 AND 63 AND part NOT GLOB '*[^a-z0-9.-]*'),
  source TEXT NOT NULL CHECK (length(source) BETWEEN 8 AND 255),
  as_of TEXT NOT NULL CHECK (as_of GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);
