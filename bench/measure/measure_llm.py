#!/usr/bin/env python3
"""Measure what rigplan's analytic model assumes, on a real GPU.

Runs Llama-shaped decoder layers with random weights in PyTorch:
  * decode steps captured as CUDA graphs, with a split-KV (FlashDecoding-
    style) attention kernel written in Triton, so that the KV cache is
    streamed the way vLLM, SGLang and TensorRT-LLM stream it;
  * prefill forwards with FlashAttention/cuDNN causal attention (SDPA);
  * micro benchmarks: streaming read bandwidth, GEMV/GEMM over layer shapes,
    fp8 GEMM, host-to-device copies, CUDA context size;
  * nvidia-smi power/clock/temperature samples while each load runs, and a
    heat-up trace for the thermal time constant.

Writes one JSON document (argv[1]); rigplan's tests read it from
tests/data/measure/.  Nothing here changes clocks or power limits.
"""
import json
import math
import os
import subprocess
import sys
import threading
import time

import torch
import torch.nn.functional as F
import triton
import triton.language as tl

DEV = torch.device("cuda")
DT = torch.bfloat16


# --------------------------------------------------------------- attention
@triton.jit
def _splitkv_partial(Q, K, V, O, LSE, seq_len, split_len,
                     sqb, sqh, skb, skh, skn, sob, soh, sos, slb, slh,
                     sm_scale,
                     G: tl.constexpr, GP: tl.constexpr, D: tl.constexpr,
                     BLOCK_N: tl.constexpr):
    b = tl.program_id(0)
    kvh = tl.program_id(1)
    s = tl.program_id(2)
    offs_g = tl.arange(0, GP)
    offs_d = tl.arange(0, D)
    offs_n = tl.arange(0, BLOCK_N)
    gmask = offs_g < G
    q = tl.load(Q + b * sqb + (kvh * G + offs_g)[:, None] * sqh + offs_d[None, :],
                mask=gmask[:, None], other=0.0)
    start = s * split_len
    end = tl.minimum(start + split_len, seq_len)
    m = tl.full([GP], float("-inf"), tl.float32)
    lsum = tl.zeros([GP], tl.float32)
    acc = tl.zeros([GP, D], tl.float32)
    kbase = K + b * skb + kvh * skh
    vbase = V + b * skb + kvh * skh
    for n0 in range(start, end, BLOCK_N):
        n = n0 + offs_n
        nmask = n < end
        k = tl.load(kbase + n[:, None] * skn + offs_d[None, :], mask=nmask[:, None], other=0.0)
        qk = tl.dot(q, tl.trans(k)) * sm_scale
        qk = tl.where(nmask[None, :], qk, float("-inf"))
        m_new = tl.maximum(m, tl.max(qk, 1))
        p = tl.exp(qk - m_new[:, None])
        alpha = tl.exp(m - m_new)
        lsum = lsum * alpha + tl.sum(p, 1)
        v = tl.load(vbase + n[:, None] * skn + offs_d[None, :], mask=nmask[:, None], other=0.0)
        acc = acc * alpha[:, None] + tl.dot(p.to(v.dtype), v)
        m = m_new
    ok = lsum > 0
    out = acc / tl.where(ok, lsum, 1.0)[:, None]
    lse = tl.where(ok, m + tl.log(tl.where(ok, lsum, 1.0)), float("-inf"))
    hq = kvh * G + offs_g
    tl.store(O + b * sob + hq[:, None] * soh + s * sos + offs_d[None, :], out, mask=gmask[:, None])
    tl.store(LSE + b * slb + hq * slh + s, lse, mask=gmask)


class SplitKV:
    """Decode attention over a [B, kvh, Lmax, D] cache, split along L."""

    def __init__(self, batch, heads, kv_heads, head_dim, seq_len, n_sm):
        self.G = heads // kv_heads
        self.GP = max(16, triton.next_power_of_2(self.G))
        self.block_n = 64
        # enough programs to fill the GPU twice over, splits of >= 256 tokens
        want = max(1, math.ceil(2 * n_sm / (batch * kv_heads)))
        splits = max(1, min(want, math.ceil(seq_len / 256)))
        self.split_len = math.ceil(seq_len / splits / self.block_n) * self.block_n
        self.splits = math.ceil(seq_len / self.split_len)
        self.o = torch.empty(batch, heads, self.splits, head_dim, device=DEV, dtype=torch.float32)
        self.lse = torch.empty(batch, heads, self.splits, device=DEV, dtype=torch.float32)
        self.shape = (batch, heads, kv_heads, head_dim, seq_len)

    def __call__(self, q, kc, vc):
        b, h, kvh, d, L = self.shape
        _splitkv_partial[(b, kvh, self.splits)](
            q, kc, vc, self.o, self.lse, L, self.split_len,
            q.stride(0), q.stride(1), kc.stride(0), kc.stride(1), kc.stride(2),
            self.o.stride(0), self.o.stride(1), self.o.stride(2),
            self.lse.stride(0), self.lse.stride(1),
            1.0 / math.sqrt(d), G=self.G, GP=self.GP, D=d, BLOCK_N=self.block_n,
            num_warps=4, num_stages=2)
        w = torch.softmax(self.lse, dim=-1)
        return (w.unsqueeze(-1) * self.o).sum(-2).to(q.dtype)


def check_attention():
    """The split-KV kernel against SDPA on a small random case."""
    B, H, KVH, D, L = 3, 32, 8, 128, 1000
    q = torch.randn(B, H, D, device=DEV, dtype=DT)
    kc = torch.randn(B, KVH, L, D, device=DEV, dtype=DT)
    vc = torch.randn(B, KVH, L, D, device=DEV, dtype=DT)
    att = SplitKV(B, H, KVH, D, L, 132)
    got = att(q, kc, vc).float()
    rep = H // KVH
    ref = F.scaled_dot_product_attention(
        q.unsqueeze(2), kc.repeat_interleave(rep, 1), vc.repeat_interleave(rep, 1)).squeeze(2).float()
    return float((got - ref).abs().max())


# ------------------------------------------------------------------- model
class Shape:
    def __init__(self, name, layers, hidden, inter, heads, kv_heads, head_dim, vocab):
        self.name, self.layers, self.hidden, self.inter = name, layers, hidden, inter
        self.heads, self.kv_heads, self.head_dim, self.vocab = heads, kv_heads, head_dim, vocab

    def as_dict(self):
        return dict(self.__dict__)


class Weights:
    def __init__(self, s):
        h, i, hd = s.hidden, s.inter, s.head_dim
        qkv = (s.heads + 2 * s.kv_heads) * hd
        self.layers = []
        for _ in range(s.layers):
            self.layers.append(dict(
                ln1=torch.ones(h, device=DEV, dtype=DT),
                wqkv=torch.randn(qkv, h, device=DEV, dtype=DT) * 0.02,
                wo=torch.randn(h, s.heads * hd, device=DEV, dtype=DT) * 0.02,
                ln2=torch.ones(h, device=DEV, dtype=DT),
                wgu=torch.randn(2 * i, h, device=DEV, dtype=DT) * 0.02,
                wd=torch.randn(h, i, device=DEV, dtype=DT) * 0.02))
        self.emb = torch.randn(s.vocab, h, device=DEV, dtype=DT) * 0.02
        self.lnf = torch.ones(h, device=DEV, dtype=DT)
        self.head = torch.randn(s.vocab, h, device=DEV, dtype=DT) * 0.02


def rms(x, w):
    return F.rms_norm(x, (x.shape[-1],), w, 1e-5)


def decode_step(s, W, att, tok, pos, kcache, vcache):
    B = tok.shape[0]
    x = F.embedding(tok, W.emb)
    for li, L in enumerate(W.layers):
        y = rms(x, L["ln1"])
        qkv = F.linear(y, L["wqkv"])
        q, k, v = qkv.split([s.heads * s.head_dim, s.kv_heads * s.head_dim,
                             s.kv_heads * s.head_dim], dim=-1)
        kc, vc = kcache[li], vcache[li]
        kc[:, :, pos] = k.view(B, s.kv_heads, s.head_dim)
        vc[:, :, pos] = v.view(B, s.kv_heads, s.head_dim)
        a = att(q.view(B, s.heads, s.head_dim), kc, vc)
        x = x + F.linear(a.reshape(B, -1), L["wo"])
        y = rms(x, L["ln2"])
        g, u = F.linear(y, L["wgu"]).chunk(2, dim=-1)
        x = x + F.linear(F.silu(g) * u, L["wd"])
    return F.linear(rms(x, W.lnf), W.head)


def prefill(s, W, tok, kcache, vcache):
    B, S = tok.shape
    x = F.embedding(tok, W.emb).view(B * S, -1)
    rep = s.heads // s.kv_heads
    for li, L in enumerate(W.layers):
        y = rms(x, L["ln1"])
        qkv = F.linear(y, L["wqkv"])
        q, k, v = qkv.split([s.heads * s.head_dim, s.kv_heads * s.head_dim,
                             s.kv_heads * s.head_dim], dim=-1)
        q = q.view(B, S, s.heads, s.head_dim).transpose(1, 2)
        k = k.view(B, S, s.kv_heads, s.head_dim).transpose(1, 2)
        v = v.view(B, S, s.kv_heads, s.head_dim).transpose(1, 2)
        kcache[li][:, :, :S] = k
        vcache[li][:, :, :S] = v
        a = F.scaled_dot_product_attention(q, k.repeat_interleave(rep, 1),
                                           v.repeat_interleave(rep, 1), is_causal=True)
        x = x + F.linear(a.transpose(1, 2).reshape(B * S, -1), L["wo"])
        y = rms(x, L["ln2"])
        g, u = F.linear(y, L["wgu"]).chunk(2, dim=-1)
        x = x + F.linear(F.silu(g) * u, L["wd"])
    last = x.view(B, S, -1)[:, -1]
    return F.linear(rms(last, W.lnf), W.head)


# ----------------------------------------------------------------- timing
def time_cuda(fn, iters, warmup=3):
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    e0, e1 = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    e0.record()
    for _ in range(iters):
        fn()
    e1.record()
    torch.cuda.synchronize()
    return e0.elapsed_time(e1) / 1e3 / iters


def iters_for(est_s, budget_s=0.4, lo=5, hi=200):
    return int(max(lo, min(hi, budget_s / max(est_s, 1e-6))))


def graph_of(fn):
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for _ in range(2):
            fn()
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        fn()
    return g


class PowerSampler:
    """nvidia-smi samples every 100 ms in a thread; phases mark windows."""

    FIELDS = "timestamp,power.draw,power.draw.instant,clocks.sm,clocks.mem,temperature.gpu,utilization.gpu"

    def __init__(self):
        self.proc = subprocess.Popen(
            ["nvidia-smi", "--query-gpu=" + self.FIELDS, "--format=csv,noheader,nounits", "-lms", "100"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.samples = []
        self.t = threading.Thread(target=self._read, daemon=True)
        self.t.start()

    def _read(self):
        for line in self.proc.stdout:
            parts = [p.strip() for p in line.split(",")]
            if len(parts) < 7:
                continue
            def num(v):
                try:
                    return float(v)
                except ValueError:
                    return None
            self.samples.append(dict(t=time.time(), power_w=num(parts[1]), power_inst_w=num(parts[2]),
                                     sm_mhz=num(parts[3]), mem_mhz=num(parts[4]),
                                     temp_c=num(parts[5]), util=num(parts[6])))

    def window(self, t0, t1):
        return [s for s in self.samples if t0 <= s["t"] <= t1]

    def stop(self):
        self.proc.terminate()


def summarize(samples, skip_s=1.0):
    if not samples:
        return None
    t0 = samples[0]["t"] + skip_s
    ss = [s for s in samples if s["t"] >= t0] or samples
    def mean(k):
        v = [s[k] for s in ss if s[k] is not None]
        return sum(v) / len(v) if v else None
    return dict(n=len(ss), power_w=mean("power_w"), power_inst_w=mean("power_inst_w"),
                sm_mhz=mean("sm_mhz"), temp_c=mean("temp_c"), util=mean("util"))


def sustain(fn, seconds):
    t0 = time.time()
    n = 0
    while time.time() - t0 < seconds:
        fn()
        n += 1
        if n % 4 == 0:
            torch.cuda.synchronize()
    torch.cuda.synchronize()
    return t0, time.time()


# ------------------------------------------------------------------ phases
def micro(res, n_sm):
    out = {}
    # streaming read: a sum over 4 GiB of bf16 (read-only traffic)
    x = torch.empty(2 * 1024**3, device=DEV, dtype=DT).normal_()
    t = time_cuda(lambda: x.sum(dtype=torch.float32), 20)
    out["read_bytes_per_s"] = x.numel() * 2 / t
    y = torch.empty_like(x)
    t = time_cuda(lambda: y.copy_(x), 20)
    out["copy_bytes_per_s"] = 2 * x.numel() * 2 / t
    del x, y
    # GEMV/GEMM over weight sizes: time vs bytes for M = 1, and GEMMs vs M
    gemv = []
    for (n, k) in [(1024, 1024), (4096, 1024), (4096, 4096), (6144, 4096), (28672, 4096),
                   (4096, 14336), (10240, 8192), (57344, 8192), (8192, 28672), (128256, 4096)]:
        w = torch.randn(n, k, device=DEV, dtype=DT)
        a = torch.randn(1, k, device=DEV, dtype=DT)
        g = graph_of(lambda: F.linear(a, w))
        t = time_cuda(g.replay, iters_for(n * k * 2 / 2.5e12 + 5e-6))
        gemv.append(dict(n=n, k=k, bytes=n * k * 2, time_s=t))
        del w
    out["gemv"] = gemv
    gemm = []
    for (n, k) in [(6144, 4096), (28672, 4096), (4096, 14336), (57344, 8192), (8192, 28672)]:
        w = torch.randn(n, k, device=DEV, dtype=DT)
        for m in [1, 4, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384]:
            a = torch.randn(m, k, device=DEV, dtype=DT)
            est = max(n * k * 2 / 2.5e12, 2 * m * n * k / 6e14)
            t = time_cuda(lambda: F.linear(a, w), iters_for(est))
            gemm.append(dict(m=m, n=n, k=k, time_s=t, flops=2.0 * m * n * k))
        del w
    out["gemm_bf16"] = gemm
    # fp8 GEMM (per-tensor scales), large shapes
    fp8 = []
    try:
        for (m, n, k) in [(8192, 8192, 8192), (4096, 28672, 8192), (16384, 6144, 4096)]:
            a = torch.randn(m, k, device=DEV).to(torch.float8_e4m3fn)
            b = torch.randn(n, k, device=DEV).to(torch.float8_e4m3fn).t()
            one = torch.tensor(1.0, device=DEV)
            t = time_cuda(lambda: torch._scaled_mm(a, b, scale_a=one, scale_b=one, out_dtype=DT), 20)
            fp8.append(dict(m=m, n=n, k=k, time_s=t, flops=2.0 * m * n * k))
    except Exception as e:  # noqa: BLE001 - record why, keep measuring
        fp8.append(dict(error=str(e)[:200]))
    out["gemm_fp8"] = fp8
    # host to device
    h2d = {}
    for pinned in (True, False):
        hb = torch.empty(1024**3, dtype=torch.uint8, pin_memory=pinned)
        db = torch.empty(1024**3, dtype=torch.uint8, device=DEV)
        t = time_cuda(lambda: db.copy_(hb, non_blocking=pinned), 5, warmup=1)
        h2d["pinned" if pinned else "pageable"] = hb.numel() / t
        del hb, db
    out["h2d_bytes_per_s"] = h2d
    res["micro"] = out


def decode_grid(res, s, W, n_sm, kv_budget_bytes, grid, sampler, power_points):
    rows = []
    kv_tok = 2 * s.layers * s.kv_heads * s.head_dim * 2
    for (B, L) in grid:
        if B * L * kv_tok > kv_budget_bytes:
            continue
        kcache = [torch.randn(B, s.kv_heads, L, s.head_dim, device=DEV, dtype=DT) for _ in range(s.layers)]
        vcache = [torch.randn(B, s.kv_heads, L, s.head_dim, device=DEV, dtype=DT) for _ in range(s.layers)]
        att = SplitKV(B, s.heads, s.kv_heads, s.head_dim, L, n_sm)
        tok = torch.randint(0, s.vocab, (B,), device=DEV)
        pos = L - 1
        g = graph_of(lambda: decode_step(s, W, att, tok, pos, kcache, vcache))
        t = time_cuda(g.replay, iters_for(0.003, 0.5))
        row = dict(model=s.name, batch=B, context=L, time_s=t, splits=att.splits)
        if (B, L) in power_points:
            t0, t1 = sustain(g.replay, 6.0)
            row["power"] = summarize(sampler.window(t0, t1))
        rows.append(row)
        print(f"decode {s.name} B={B} L={L}: {t*1e3:.3f} ms", flush=True)
        del g, kcache, vcache
        torch.cuda.empty_cache()
    res.setdefault("decode", []).extend(rows)


def prefill_grid(res, s, W, grid, sampler, power_points):
    rows = []
    for (B, S) in grid:
        kcache = [torch.empty(B, s.kv_heads, S, s.head_dim, device=DEV, dtype=DT) for _ in range(s.layers)]
        vcache = [torch.empty(B, s.kv_heads, S, s.head_dim, device=DEV, dtype=DT) for _ in range(s.layers)]
        tok = torch.randint(0, s.vocab, (B, S), device=DEV)
        fn = lambda: prefill(s, W, tok, kcache, vcache)  # noqa: E731
        t = time_cuda(fn, iters_for(2 * B * S * s.layers * 12 * s.hidden**2 / 6e14, 0.6, lo=3))
        row = dict(model=s.name, batch=B, input_len=S, time_s=t)
        if (B, S) in power_points:
            t0, t1 = sustain(fn, 6.0)
            row["power"] = summarize(sampler.window(t0, t1))
        rows.append(row)
        print(f"prefill {s.name} B={B} S={S}: {t*1e3:.3f} ms", flush=True)
        del kcache, vcache
        torch.cuda.empty_cache()
    res.setdefault("prefill", []).extend(rows)


def small(res, out_path, n_sm):
    """Small models (Llama 3.2 1B and 3B, whole), decode and prefill only:
    what the per-step and per-layer costs fitted on 8B-70B predict for
    them (issue 19)."""
    sampler = PowerSampler()
    time.sleep(3)
    t = time.time()
    time.sleep(4)
    res["idle"] = summarize(sampler.window(t, time.time()), 0)
    kv_budget = 40 * 1024**3
    for s in (Shape("llama-3.2-1b", 16, 2048, 8192, 32, 8, 64, 128256),
              Shape("llama-3.2-3b", 28, 3072, 8192, 24, 8, 128, 128256)):
        W = Weights(s)
        grid = [(b, l) for b in (1, 8, 32, 128, 256) for l in (128, 1024, 4096)]
        decode_grid(res, s, W, n_sm, kv_budget, grid, sampler, set())
        prefill_grid(res, s, W, [(1, 128), (1, 512), (1, 2048), (1, 8192), (4, 2048)], sampler,
                     set())
        del W
        torch.cuda.empty_cache()
    sampler.stop()
    with open(out_path + ".tmp", "w") as f:
        json.dump(res, f, indent=1)
    os.replace(out_path + ".tmp", out_path)
    print("wrote", out_path)


def main():
    out_path = sys.argv[1]
    quick = "--quick" in sys.argv
    res = {"meta": {}}
    torch.cuda.init()
    free0, total = torch.cuda.mem_get_info()
    p = torch.cuda.get_device_properties(0)
    n_sm = p.multi_processor_count
    smi = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version,power.limit,memory.used,memory.total",
                          "--format=csv,noheader,nounits"], capture_output=True, text=True).stdout.strip()
    res["meta"] = dict(device=p.name, sms=n_sm, torch=torch.__version__, triton=triton.__version__,
                       cuda=torch.version.cuda, nvidia_smi=smi, total_bytes=total,
                       free_after_context_bytes=free0, date=time.strftime("%Y-%m-%d"))
    res["meta"]["attention_max_abs_err"] = check_attention()
    if "--small" in sys.argv:
        return small(res, out_path, n_sm)
    sampler = PowerSampler()
    time.sleep(3)
    t = time.time()
    time.sleep(4)
    res["idle"] = summarize(sampler.window(t, time.time()), 0)
    micro(res, n_sm)
    print("micro done", flush=True)

    big = total > 100 * 1024**3
    kv_budget = (80 if big else 40) * 1024**3
    s8 = Shape("llama-3.1-8b", 32, 4096, 14336, 32, 8, 128, 128256)
    W = Weights(s8)
    grid = [(b, l) for b in (1, 8, 32, 64, 128, 256) for l in (128, 1024, 4096, 16384)]
    if quick:
        grid = [(1, 128), (64, 1024)]
    decode_grid(res, s8, W, n_sm, kv_budget, grid, sampler, {(1, 1024), (64, 1024), (256, 1024)})
    pgrid = [(1, 128), (1, 512), (1, 2048), (1, 8192), (1, 16384), (4, 2048), (16, 512)]
    if quick:
        pgrid = [(1, 512)]
    prefill_grid(res, s8, W, pgrid, sampler, {(1, 8192)})
    del W
    torch.cuda.empty_cache()

    s70 = Shape("llama-3.1-70b-16l", 16, 8192, 28672, 64, 8, 128, 128256)
    W = Weights(s70)
    grid = [(b, l) for b in (1, 16, 64, 256) for l in (128, 2048, 8192)]
    if quick:
        grid = [(1, 128)]
    decode_grid(res, s70, W, n_sm, kv_budget, grid, sampler, {(1, 2048)})
    pgrid = [(1, 512), (1, 4096), (2, 8192)] if not quick else [(1, 512)]
    prefill_grid(res, s70, W, pgrid, sampler, set())
    # heat-up: sustained prefill for the thermal time constant
    if not quick:
        time.sleep(8)
        t0 = time.time()
        tok = torch.randint(0, s70.vocab, (1, 4096), device=DEV)
        kc = [torch.empty(1, 8, 4096, 128, device=DEV, dtype=DT) for _ in range(s70.layers)]
        vc = [torch.empty(1, 8, 4096, 128, device=DEV, dtype=DT) for _ in range(s70.layers)]
        sustain(lambda: prefill(s70, W, tok, kc, vc), 40.0)
        t1 = time.time()
        time.sleep(20)
        res["heat_trace"] = [dict(t=s["t"] - t0, power_w=s["power_w"], temp_c=s["temp_c"], sm_mhz=s["sm_mhz"])
                             for s in sampler.window(t0 - 5, time.time())]
        res["heat_trace_load_end_s"] = t1 - t0
    sampler.stop()
    with open(out_path + ".tmp", "w") as f:
        json.dump(res, f, indent=1)
    os.replace(out_path + ".tmp", out_path)
    print("wrote", out_path)


if __name__ == "__main__":
    main()
