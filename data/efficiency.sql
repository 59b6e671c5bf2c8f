-- Efficiencies: how close each GPU family comes to its datasheet, fitted
-- to measurements (models/spec.h, struct gpu_eff, says what each column
-- means).  Rows for a GPU id are measured on that GPU by
-- bench/measure/measure_llm.py; architecture rows are defaults for GPUs
-- with no row of their own.  Only Hopper is measured so far: the others
-- carry the H100 figures with wider error bands until calibrated, and
-- tests/unit/t_reference.c reports how far they are from published
-- benchmarks.
--  * bw: large decode GEMVs stream at 0.885 (H100) and 0.915 (H200) of the
--    datasheet bandwidth, fitted over 29 and 31 decode steps.
--  * gemm: sustained bf16 GEMMs at the 700 W cap (clocks drop to ~1.5 GHz
--    in long prefills); fp8 scaled by the burst fp8/bf16 ratio measured.
--    0.64 on both, fitted to the 18 prefills longer than the launch floor
--    with the layers' element-wise kernels charged apart, by the token
--    (models/perf.c act_layer_bytes): 0.60 and 0.62 before, when the GEMM
--    share absorbed them.  The architecture rows carry it.
--  * power_mem, power_comp: power_fit (models/power.c), weighted least
--    squares over every recorded draw the cap did not hold: the decode and
--    prefill power samples of tests/data/measure and the soaks of
--    tests/data/calibration (10 points per GPU; capped ones are predicted
--    at TDP).  H100: 0.691, 1.426, rms 1.9%, worst 3.4%; H200: 0.806, 1.228,
--    rms 1.7%, worst 2.7% (tests/unit/t_measure refits and compares).
--    power_comp above 1: the tensor rate is the one sustained at the cap,
--    so a GEMM at full clocks would want more than the cap gives.
--  * thermal_r, thermal_tau: thermal_fit (models/thermal.c) on the heat-up
--    trace of tests/data/measure: the steady line from the idle capture
--    (H100 37.5 C at 120 W, H200 39.0 C at 124 W) to the load's settled
--    last 10 s (64.1 C at 698 W, 62.1 C at 694 W), tau by a first-order
--    replay of the trace (H100 4.98 s, 4.4 K rms: the die steps within a
--    sample and its heatsink drifts for tens of seconds; H200's best lies
--    below the 0.1 s sampling, so its 0.3 s stays).  The zero-draw
--    intercept, the air at the GPU, was 32.0 and 34.0 C; the calibration
--    runs check the rows at 0.3 K (t_measure).  Slowdown from
--    nvidia-smi's T.Limit (85 C on both).
--  * context_bytes: device memory a PyTorch process holds before its first
--    allocation (552 MB on both).
--  * err_*: the model's extreme relative errors against the measured rows,
--    expressed as the band the truth lies in around a prediction.
INSERT INTO efficiency (id, name, scope, bw, kernel_s, layer_s, step_s, launch_layer_s, gemm, gemm_fp8,
  attn_prefill, roofline_p, power_mem, power_comp, thermal_r_k_per_w, thermal_tau_s, temp_slowdown_c,
  context_bytes, err_decode_lo, err_decode_hi, err_prefill_lo, err_prefill_hi, source, as_of) VALUES
('h100-sxm', 'H100 SXM, measured', 'gpu', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, 0.0461, 4.98, 85, 552402944, -0.064, 0.082, -0.058, 0.107,
  'fit to tests/data/measure/h100-sxm.json (bench/measure/measure_llm.py, 2026-11-24); power and thermal refitted with tests/data/calibration/h100-sxm', '2026-11-24'),
('h200-sxm', 'H200 SXM, measured', 'gpu', 0.915, 4e-06, 3e-05, 0.00058, 0.00035, 0.64, 0.58, 0.45, 3, 0.806, 1.228, 0.0404, 0.3, 85, 552402944, -0.043, 0.043, -0.07, 0.083,
  'fit to tests/data/measure/h200-sxm.json (bench/measure/measure_llm.py, 2026-11-24); power and thermal refitted with tests/data/calibration/h200-sxm', '2026-11-24'),
('hopper', 'Hopper default (H100 SXM values)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.15, 0.15, -0.15, 0.15,
  'carried from the h100-sxm fit (tests/data/measure/h100-sxm.json); bands widened to 15%', '2026-11-24'),
('blackwell', 'Blackwell default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24'),
-- Ampere's gemm: the A100 SXM's, fitted (below); the rest is the H100's.
('ampere', 'Ampere default (gemm fitted)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.767, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.28, -0.25, 0.28,
  'gemm: the a100-sxm-80gb row''s fit (t_reference fit_one); the rest carries the h100-sxm fit; bands 25%, +28% for llama.cpp''s fit (engines.sql engine_kernel)', '2026-12-07'),
-- The A100 SXM 80GB's own row, its two shares fitted by GSL (Brent's
-- method, tests/unit/t_reference fit_one) to published A100 runs
-- (tests/data/reference/public.json):
--  * bw: vLLM's batch-1 generate() calls on one A100 (Qwen2.5's speed
--    benchmark, vLLM 0.6.3: 7B, 14B and 32B, 2048 tokens each): 0.722 of
--    the 2.039 TB/s (the H100 streams 0.885), rms log error 0.032, each
--    row left out within 5%; held out, the same benchmark's 72B on two
--    and four A100s lands within 0.5%.  With the H100's 0.885 all six
--    were 16-22% fast.
--  * gemm: the three TensorRT-LLM runs that prefill bounds (the TTFT of
--    a 2048-token prompt on one and four A100s, the static batch of
--    2048-token prompts with 128-token outputs), with that bw: 0.767, rms
--    0.085 (0.716 before the layers' element-wise kernels were charged
--    apart).
-- The rest carries the H100's; bands Ampere's.
('a100-sxm-80gb', 'A100 SXM 80GB (decode bandwidth and gemm fitted)', 'gpu', 0.722, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.767, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.28, -0.25, 0.28,
  'bw fit to the vLLM batch-1 A100 rows, gemm to the prefill-bound TensorRT-LLM A100 rows of tests/data/reference/public.json (t_reference fit_one); the rest carries the h100-sxm fit', '2026-12-07'),
('ada', 'Ada Lovelace default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.36, 0.25, -0.36, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%, -36% for llama.cpp''s fit (engines.sql engine_kernel); checked against tests/data/reference', '2026-12-07'),
('turing', 'Turing default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24'),
('volta', 'Volta default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24'),
('cdna3', 'CDNA 3 default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24'),
('cdna4', 'CDNA 4 default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24'),
('cdna2', 'CDNA 2 default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24'),
('rdna3', 'RDNA 3 default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24'),
('gaudi2', 'Gaudi 2 default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24'),
('gaudi3', 'Gaudi 3 default (not measured)', 'architecture', 0.885, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.64, 0.55, 0.5, 4, 0.691, 1.426, NULL, 4.98, 85, 552402944, -0.25, 0.25, -0.25, 0.25,
  'not measured: carries the h100-sxm fit (tests/data/measure); bands 25%; checked against tests/data/reference', '2026-11-24');

-- Collective links.  No multi-GPU machine was lent on 2026-11-24, so these
-- are not yet measured: bandwidth fractions follow NCCL's bus-bandwidth
-- figures as NVIDIA's nccl-tests documentation defines them, latencies are
-- per ring step; err is the band the model carries for communication.
-- NVLink's latency is published: nccl-tests' ring all-reduce of 8-128 B on
-- 2..8 GPUs of a DGX A100 took 10.0, 13.76, 16.88, 20.8, 25.2, 29.5 and
-- 33.7 us; least squares over the 2(n-1) hops gives 6.05 us a collective
-- plus 1.975 us a hop, within 6% of every point (3 us a hop, assumed
-- before, gave 42 us on 8 GPUs).
-- Apple silicon (Metal, llama.cpp and Ollama): bw, gemm, dequant_ops and
-- the roofline's p fitted by GSL (tests/unit/t_reference fit_apple) to the
-- llama-bench rows of tests/data/reference/public.json, together with
-- MLX's own kernel figures (engines.sql, engine_kernel) on its rows; the
-- per-layer and per-step costs carry the H100's; no CUDA context
-- (context_bytes 0).  Bands: the fit's.
INSERT INTO efficiency (id, name, scope, bw, kernel_s, layer_s, step_s, launch_layer_s, gemm, gemm_fp8,
  attn_prefill, roofline_p, power_mem, power_comp, thermal_r_k_per_w, thermal_tau_s, temp_slowdown_c,
  context_bytes, err_decode_lo, err_decode_hi, err_prefill_lo, err_prefill_hi, source, as_of, dequant_ops) VALUES
('apple-m1', 'Apple M1 family (fitted)', 'architecture', 0.8215, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.7341, NULL, 0.5, 1.509, 0.691, 1.426, NULL, 4.98, 85, 0, -0.26, 0.42, -0.26, 0.42,
  'fit to the Apple llama-bench and MLX rows of tests/data/reference/public.json (t_reference fit_apple)', '2026-12-07', 14.31),
('apple-m2', 'Apple M2 family (fitted)', 'architecture', 0.8215, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.7341, NULL, 0.5, 1.509, 0.691, 1.426, NULL, 4.98, 85, 0, -0.26, 0.42, -0.26, 0.42,
  'fit to the Apple llama-bench and MLX rows of tests/data/reference/public.json (t_reference fit_apple)', '2026-12-07', 14.31),
('apple-m3', 'Apple M3 family (fitted)', 'architecture', 0.8215, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.7341, NULL, 0.5, 1.509, 0.691, 1.426, NULL, 4.98, 85, 0, -0.26, 0.42, -0.26, 0.42,
  'fit to the Apple llama-bench and MLX rows of tests/data/reference/public.json (t_reference fit_apple)', '2026-12-07', 14.31),
('apple-m4', 'Apple M4 family (fitted)', 'architecture', 0.8215, 4e-06, 3.6e-05, 0.00042, 0.00035, 0.7341, NULL, 0.5, 1.509, 0.691, 1.426, NULL, 4.98, 85, 0, -0.26, 0.42, -0.26, 0.42,
  'fit to the Apple llama-bench and MLX rows of tests/data/reference/public.json (t_reference fit_apple)', '2026-12-07', 14.31);

-- One-shot all-reduce kernels (engine_allreduce says which engine runs
-- them, on which messages): one stage's fixed cost and what a GPU pulls
-- from its peers a second, from published tables of the kernel alone:
-- NVLink, vLLM PR 24111 (H100, under CUDA graphs; the table's GPU heading
-- precedes the TP=4 rows): one stage 7 us at 0.5 MB on 2 GPUs, 10, 15
-- and 22 us at 0.5, 1 and 2 MB on 4, so 375 GB/s over 3 peers and 5.7 us;
-- Infinity Fabric, vLLM PR 39080 (MI355X, 8 GPUs): 6.3 us at 24 KiB to
-- 10.0 us at 192 KiB, 318 GB/s and 5.8 us.  (SGLang PR 2904's eager H100
-- table, 3.7-5.9 us for small messages, agrees on the fixed cost.)
-- sync_s: inside a forward step an all-reduce, ring or one-shot, also
-- waits for the slowest GPU to arrive; fitted by GSL (tests/unit/
-- t_reference fit_allreduce) to the published batch-1 decodes on 2 to 8
-- GPUs over the link (DeepSeek's held out: its MLA layers run kernels the
-- per-layer cost does not count): NVLink 13.33 us over 7 (rms 2.7%, each
-- left out within 5%), Infinity Fabric 7.98 us over 3 (rms 4.5%, within 9%).
-- Infinity Fabric's ring (messages over 8 MiB) carries NVLink's figures:
-- no RCCL small-message latency was found.
INSERT INTO link (id, name, efficiency, latency_s, collective_s, bytes_per_s, err, source, as_of, oneshot_s, oneshot_bytes_per_s, sync_s) VALUES
('nvlink', 'NVLink / NVSwitch', 0.80, 1.975e-6, 6.05e-6, NULL, 0.30, 'ring: nccl-tests all-reduce on 2-8 A100s (NVIDIA/nccl-tests issue 123); one-shot: vllm-project/vllm PR 24111; sync: t_reference fit_allreduce; efficiency assumed', '2026-12-07', 5.7e-6, 375e9, 13.33e-6),
('pcie-p2p', 'PCIe peer-to-peer', 0.80, 5e-6, 0, NULL, 0.30, 'assumed (not measured): PCIe payload efficiency ~80% of raw (TLP overheads), https://github.com/NVIDIA/nccl-tests', '2026-11-24', NULL, NULL, NULL),
('pcie-host', 'PCIe through host memory (no P2P)', 0.40, 10e-6, 0, NULL, 0.40, 'assumed (not measured): two PCIe crossings per transfer, each ~80% efficient', '2026-11-24', NULL, NULL, NULL),
('infiniband', 'InfiniBand NDR 400 Gb/s per GPU', 0.85, 5e-6, 0, 50e9, 0.30, 'https://www.nvidia.com/en-us/networking/infiniband/qm9700/ (400 Gb/s ports); efficiency assumed', '2026-11-24', NULL, NULL, NULL),
('roce', 'RoCE 400 GbE per GPU', 0.80, 8e-6, 0, 50e9, 0.30, 'https://www.nvidia.com/en-us/networking/ethernet-adapters/ (ConnectX-7 400GbE); efficiency assumed', '2026-11-24', NULL, NULL, NULL),
('xgmi', 'AMD Infinity Fabric (xGMI), every GPU to every other', 0.80, 1.975e-6, 6.05e-6, NULL, 0.30, 'ring: NVLink''s figures carried; one-shot: vllm-project/vllm PR 39080 (MI355X, 8 GPUs); sync: t_reference fit_allreduce; efficiency assumed', '2026-12-07', 5.8e-6, 318e9, 7.98e-6);

-- CPUs running a model alone (bind/cpu_device.c): llama.cpp's share of
-- one socket's DRAM bandwidth in decode, of the cores' fp32 FMA peak in
-- prompts (attention too), its unpacking operations per quantized weight
-- and the roofline's p, fitted by GSL (tests/unit/t_reference fit_cpu) to
-- the CPU llama-bench rows of tests/data/reference/public.json; Zen 4 and
-- Zen 5 share the fit.  Per-layer and per-step costs are not resolved by
-- those rows (0); no device context (0).  Power: the CPU at its TDP in
-- either regime (not measured).  Tjmax 95 C.  Bands: the fit's.
INSERT INTO efficiency (id, name, scope, bw, kernel_s, layer_s, step_s, launch_layer_s, gemm, gemm_fp8,
  attn_prefill, roofline_p, power_mem, power_comp, thermal_r_k_per_w, thermal_tau_s, temp_slowdown_c,
  context_bytes, err_decode_lo, err_decode_hi, err_prefill_lo, err_prefill_hi, source, as_of, dequant_ops) VALUES
('zen4', 'AMD Zen 4 cores, llama.cpp CPU (fitted)', 'architecture', 0.7667, 0, 0, 0, 0, 0.2085, NULL, 0.2085, 1.0, 1, 1, NULL, 60, 95, 0, -0.30, 0.30, -0.30, 0.30,
  'fit to the CPU llama-bench rows of tests/data/reference/public.json (t_reference fit_cpu)', '2026-12-07', 8.83),
('zen5', 'AMD Zen 5 cores, llama.cpp CPU (fitted)', 'architecture', 0.7667, 0, 0, 0, 0, 0.2085, NULL, 0.2085, 1.0, 1, 1, NULL, 60, 95, 0, -0.30, 0.30, -0.30, 0.30,
  'fit to the CPU llama-bench rows of tests/data/reference/public.json (t_reference fit_cpu)', '2026-12-07', 8.83);
