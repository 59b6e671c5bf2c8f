#!/usr/bin/env python3
"""Collect the SGLang cookbook's serving benchmarks into rigplan's reference
format (tests/data/reference/serving.json).

Each cookbook page that benchmarks a model prints `sglang.bench_serving`
results after the command that produced them.  This reads the pages at one
commit of a local clone (git objects only: `git show COMMIT:PATH`), pairs
each result block with the launch command, the benchmark command and the
"Hardware:" line above it, and writes one experiment per block with every
figure the block prints.  Which catalog model, GPU and precision a page
means is stated below, page by page, with the reason.

usage: sglang_cookbook.py REPO_GIT_DIR COMMIT > serving-sglang-cookbook.json
"""
import json
import re
import subprocess
import sys

# page -> what the page ran, in catalog terms.  `gpu`: the page names the
# card without its memory or form factor where marked; rigplan's choice
# and why is in `assumed`.
PAGES = {
    "docs/autoregressive/Llama/Llama3.1.md": {
        "model": "llama-3.1-70b", "gpu": "a100-sxm-80gb", "precision": "bf16",
        "assumed": "the page says 'NVIDIA A100 GPU (8x)': SXM 80 GB assumed (8-GPU "
                   "boards are SXM; the 80 GB part is the one cloud 8x nodes carry); "
                   "BF16 from the checkpoint (no quantization flag)",
    },
    "docs/autoregressive/Qwen/Qwen3.md": {
        "model": "qwen3-235b-a22b", "gpu": "b200", "precision": "bf16",
        "assumed": "Qwen3-235B-A22B-Instruct-2507 has the base model's shapes; "
                   "BF16 from the checkpoint (no quantization flag)",
    },
    "docs/autoregressive/DeepSeek/DeepSeek-R1.md": {
        "model": "deepseek-v3", "gpu": "b200", "precision": "fp8",
        "assumed": "DeepSeek-R1-0528 has DeepSeek-V3's shapes; the checkpoint is "
                   "FP8 (block-scaled), served as stored",
    },
    "docs/autoregressive/DeepSeek/DeepSeek-V3_1.md": {
        "model": "deepseek-v3", "gpu": "mi300x", "precision": "fp8",
        "assumed": "DeepSeek-V3.1(-Terminus) has DeepSeek-V3's shapes; the checkpoint "
                   "is FP8 (block-scaled), served as stored",
    },
}

METRICS = {
    "Successful requests": "completed",
    "Benchmark duration (s)": "duration_s",
    "Total input tokens": "total_input_tokens",
    "Total generated tokens": "total_output_tokens",
    "Request throughput (req/s)": "request_throughput",
    "Output token throughput (tok/s)": "output_throughput",
    "Concurrency": "mean_concurrency",
    "Mean E2E Latency (ms)": "e2e_mean_ms",
    "Median E2E Latency (ms)": "e2e_median_ms",
    "Mean TTFT (ms)": "ttft_mean_ms",
    "Median TTFT (ms)": "ttft_median_ms",
    "P99 TTFT (ms)": "ttft_p99_ms",
    "Mean TPOT (ms)": "tpot_mean_ms",
    "Median TPOT (ms)": "tpot_median_ms",
    "P99 TPOT (ms)": "tpot_p99_ms",
    "Mean ITL (ms)": "itl_mean_ms",
    "Median ITL (ms)": "itl_median_ms",
    "P99 ITL (ms)": "itl_p99_ms",
}


def flag(cmd, name):
    m = re.search(r"--%s[ =]+(\S+)" % re.escape(name), cmd)
    return m.group(1) if m else None


def blocks(text):
    """(hardware line, launch command, benchmark command, result lines)."""
    hardware = launch = bench = None
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"\s*-?\s*Hardware:", line):
            hardware = line.split(":", 1)[1].strip()
        fence = re.match(r"(`{3,})", line)
        if fence:
            # a fence closes only on a bare run of as many backticks
            # (the pages nest ``` inside ````)
            j = i + 1
            body = []
            while j < len(lines) and lines[j].strip() != fence.group(1):
                body.append(lines[j])
                j += 1
            cmd = " ".join(l.rstrip("\\").strip() for l in body)
            if "Serving Benchmark Result" in cmd:
                yield hardware, launch, bench, body
            elif "--num-prompts" in cmd or "--dataset-name" in cmd:
                bench = cmd
            elif "--tp" in cmd or "launch_server" in cmd or "sglang serve" in cmd:
                launch = cmd
            i = j
        i += 1


def main():
    repo, commit = sys.argv[1], sys.argv[2]
    out = []
    for path, page in PAGES.items():
        text = subprocess.run(["git", "--git-dir", repo, "show", "%s:%s" % (commit, path)],
                              check=True, capture_output=True, text=True).stdout
        version = re.search(r"sglang version:\s*(\S+)", text)
        for hardware, launch, bench, body in blocks(text):
            figures = {}
            for line in body:
                m = re.match(r"(.+?):\s+([-0-9.]+)\s*$", line)
                if m and m.group(1).strip() in METRICS:
                    figures[METRICS[m.group(1).strip()]] = float(m.group(2))
            conc = int(flag(bench, "max-concurrency"))
            inl, outl = int(flag(bench, "random-input-len")), int(flag(bench, "random-output-len"))
            exp = {
                "id": "sglcb-%s-%s-%dx%d-c%d" % (page["model"], page["gpu"], inl, outl, conc),
                "source": "https://github.com/sgl-project/sgl-cookbook/blob/%s/%s" % (commit, path),
                "read": "2026-12-07",
                "engine": "sglang",
                "engine_version": version.group(1) if version else None,
                "hardware": hardware,
                "launch": launch,
                "benchmark": bench,
                "model": page["model"], "gpu": page["gpu"], "precision": page["precision"],
                "gpus": int(flag(launch, "tp") or 1), "tp": int(flag(launch, "tp") or 1),
                "assumed": page["assumed"],
                "dataset": flag(bench, "dataset-name"),
                "random_input_len": inl, "random_output_len": outl,
                "random_range_ratio": float(flag(bench, "random-range-ratio") or 0.0),
                "num_prompts": int(flag(bench, "num-prompts")),
                "concurrency": conc,
                "measured": figures,
            }
            out.append(exp)
    doc = {
        "about": "Published serving benchmarks under load, one experiment per "
                 "sglang.bench_serving result block of the SGLang cookbook (sgl-project/"
                 "sgl-cookbook at commit %s), collected by bench/reference/"
                 "sglang_cookbook.py.  Each keeps the page's launch and benchmark "
                 "commands and every figure its block prints; tests/unit/t_serving "
                 "replays each in rigplan's simulator.  The random dataset draws "
                 "prompt and output lengths uniformly from 1 to the --random-*-len "
                 "maximum (random-range-ratio 0, the default), with EOS ignored, so "
                 "the replay draws uniformly from 1 with the mean of the block's own "
                 "token totals." % commit,
        "experiments": out,
    }
    json.dump(doc, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
