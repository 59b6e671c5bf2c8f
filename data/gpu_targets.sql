-- GPU compile targets: CUDA compute capability, AMD gfx name or Gaudi
-- generation, and the platform images must be built for (collected
-- 2026-12-06; sources per row).
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('h100-sxm', '9.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('h100-pcie', '9.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('h100-nvl', '9.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('h200-sxm', '9.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('h200-nvl', '9.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('b200', '10.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('a100-sxm-80gb', '8.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('a100-sxm-40gb', '8.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('a100-pcie-80gb', '8.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('a100-pcie-40gb', '8.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('l40s', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('l40', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('l4', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('a10', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('a10g', '8.6', 'linux/amd64', 'https://github.com/facebookincubator/AITemplate/pull/279', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('a30', '8.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('t4', '7.5', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('v100-sxm2-32gb', '7.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-legacy-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('v100-pcie-32gb', '7.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-legacy-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-6000-ada', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-a6000', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-pro-6000-blackwell', '12.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-3060-12gb', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-3080', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-3090', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-3090-ti', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4060-ti-16gb', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4070-ti-super', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4080-super', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4090', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-5060-ti-16gb', '12.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-5070-ti', '12.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-5080', '12.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-5090', '12.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('mi300x', 'gfx942', 'linux/amd64', 'https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('mi325x', 'gfx942', 'linux/amd64', 'https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('mi250x', 'gfx90a', 'linux/amd64', 'https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rx-7900-xtx', 'gfx1100', 'linux/amd64', 'https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('gaudi2', 'gaudi2', 'linux/amd64', 'https://docs.habana.ai/en/latest/Support_Matrix/Support_Matrix.html', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('gaudi3', 'gaudi3', 'linux/amd64', 'https://docs.habana.ai/en/latest/Support_Matrix/Support_Matrix.html', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('jetson-agx-orin-64gb', '8.7', 'linux/arm64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('jetson-orin-nano-8gb', '8.7', 'linux/arm64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('a40', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-pro-5000-blackwell', '12.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-3060-ti', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-3070', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4060', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4070', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4070-ti', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4080', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-5070', '12.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-06');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-pro-4000-blackwell', '12.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-07');
-- Apple silicon: llama.cpp's Metal backend, built into its macOS release
-- archives and Ollama's macOS build (docs/sources/macos-engines.md).
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('apple-m1-max-32c-64gb', 'metal', 'darwin/arm64', 'https://github.com/ggml-org/llama.cpp/blob/b5849/docs/build.md (Metal is enabled by default on macOS)', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('apple-m1-ultra-64c-128gb', 'metal', 'darwin/arm64', 'https://github.com/ggml-org/llama.cpp/blob/b5849/docs/build.md (Metal is enabled by default on macOS)', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('apple-m2-max-38c-96gb', 'metal', 'darwin/arm64', 'https://github.com/ggml-org/llama.cpp/blob/b5849/docs/build.md (Metal is enabled by default on macOS)', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('apple-m2-ultra-76c-192gb', 'metal', 'darwin/arm64', 'https://github.com/ggml-org/llama.cpp/blob/b5849/docs/build.md (Metal is enabled by default on macOS)', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('apple-m3-max-40c-64gb', 'metal', 'darwin/arm64', 'https://github.com/ggml-org/llama.cpp/blob/b5849/docs/build.md (Metal is enabled by default on macOS)', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('apple-m3-ultra-80c-512gb', 'metal', 'darwin/arm64', 'https://github.com/ggml-org/llama.cpp/blob/b5849/docs/build.md (Metal is enabled by default on macOS)', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('apple-m3-ultra-60c-96gb', 'metal', 'darwin/arm64', 'https://github.com/ggml-org/llama.cpp/blob/b5849/docs/build.md (Metal is enabled by default on macOS)', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('apple-m4-max-40c-128gb', 'metal', 'darwin/arm64', 'https://github.com/ggml-org/llama.cpp/blob/b5849/docs/build.md (Metal is enabled by default on macOS)', '2026-12-07');
-- 2026-12-07, third batch: CUDA capabilities from NVIDIA's CUDA GPUs page
-- (GB200 runs beside a Grace CPU: arm64 hosts), gfx950 from ROCm's GPU specs.
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('gb200', '10.0', 'linux/arm64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('b300', '10.3', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('mi355x', 'gfx950', 'linux/amd64', 'https://rocm.docs.amd.com/en/7.13.0-preview/reference/gpu-specs.html', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-4090-d', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('h20', '9.0', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-07');
-- 2026-12-07, fourth batch (NVIDIA's CUDA GPUs page)
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-a5000', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('rtx-3080-ti', '8.6', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('l20', '8.9', 'linux/amd64', 'https://developer.nvidia.com/cuda-gpus', '2026-12-07');
INSERT INTO gpu_target (id, target, platform, source, as_of) VALUES ('dgx-spark', '12.1', 'linux/arm64', 'https://developer.nvidia.com/cuda-gpus (GB10: compute capability 12.1; its Grace CPU is Arm)', '2026-12-07');
