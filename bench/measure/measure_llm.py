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

With --fused it instead runs prefill the way vLLM and SGLang do: the
residual add fused into RMSNorm, rotary embedding, silu_and_mul as single
compiled element-wise kernels, GQA attention without repeat_interleave, and
times each part of a layer (GEMMs, attention, element-wise) on its own.

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
def stream(out):
    """Streaming bandwidth into out: a sum over 4 GiB of bf16 (read-only
    traffic) and a copy of it (bytes read and written)."""
    x = torch.empty(2 * 1024**3, device=DEV, dtype=DT).normal_()
    t = time_cuda(lambda: x.sum(dtype=torch.float32), 20)
    out["read_bytes_per_s"] = x.numel() * 2 / t
    y = torch.empty_like(x)
    t = time_cuda(lambda: y.copy_(x), 20)
    out["copy_bytes_per_s"] = 2 * x.numel() * 2 / t
    del x, y
    return out


def write_json(res, out_path):
    """res to out_path whole or not at all (a temporary file, renamed)."""
    with open(out_path + ".tmp", "w") as f:
        json.dump(res, f, indent=1)
    os.replace(out_path + ".tmp", out_path)


def micro(res, n_sm):
    out = stream({})
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
    write_json(res, out_path)
    print("wrote", out_path)


# ------------------------------------------------ fused (engine-style) prefill
# vLLM and SGLang run a prefill layer as: fused_add_rms_norm, qkv GEMM, rotary
# on q and k, the k/v written into the cache, FlashAttention/cuDNN attention
# over the cache with GQA handled inside the kernel, o GEMM, fused_add_rms_norm,
# gate_up GEMM, silu_and_mul, down GEMM.  Each element-wise step is one kernel
# here too (torch.compile'd), so its traffic is what rigplan charges for it.

def add_rms(x, residual, w):
    """vLLM's fused_add_rms_norm: x + residual rounded to the model's dtype is
    the new residual; the norm of it in fp32.  Reads x and residual, writes
    both outputs: 4 * hidden * 2 bytes a token."""
    r = x + residual
    rf = r.float()
    y = rf * torch.rsqrt(rf.pow(2).mean(-1, keepdim=True) + 1e-5) * w.float()
    return y.to(x.dtype), r


def rope_qk(qkv, cos, sin, nq, nkv, d):
    """Neox-style rotary (Llama's) on the q and k slices of the qkv GEMM's
    output; cos/sin are [T, d/2] fp32, one row a token.  Reads q and k, writes
    them roped: [T, nq, d] and [T, nkv, d]."""
    t = qkv.shape[0]
    c, s = cos[:, None, :], sin[:, None, :]

    def rot(x):
        x1, x2 = x[..., : d // 2].float(), x[..., d // 2:].float()
        return torch.cat([x1 * c - x2 * s, x2 * c + x1 * s], dim=-1).to(qkv.dtype)
    return (rot(qkv[:, : nq * d].view(t, nq, d)),
            rot(qkv[:, nq * d:(nq + nkv) * d].view(t, nkv, d)))


def silu_and_mul(gu):
    """silu(gate) * up on the [T, 2I] gate_up output: reads 2I, writes I."""
    g, u = gu.chunk(2, dim=-1)
    return (F.silu(g.float()) * u.float()).to(gu.dtype)


def rope_ref(x, cos, sin):
    """Textbook rotate_half form (HF Llama), to check rope_qk against."""
    c, s = torch.cat([cos, cos], -1)[:, None, :], torch.cat([sin, sin], -1)[:, None, :]
    x1, x2 = x.chunk(2, dim=-1)
    return x * c + torch.cat([-x2, x1], dim=-1) * s


def rope_tables(B, S, d, theta=500000.0):
    """cos/sin per token ([B*S, d/2] fp32), positions 0..S-1 in each sequence.
    Computed once per shape, as engines keep a cos_sin_cache."""
    inv = 1.0 / theta ** (torch.arange(0, d, 2, device=DEV, dtype=torch.float32) / d)
    ang = torch.arange(S, device=DEV, dtype=torch.float32)[:, None] * inv[None, :]
    return ang.cos().repeat(B, 1).contiguous(), ang.sin().repeat(B, 1).contiguous()


def compiled_kernels():
    """One compiled graph per function and shape (dynamic=False): each is a
    single fused kernel, or two for rope (q and k), as in the engines."""
    cfg = torch._dynamo.config
    # every (function, token count) pair recompiles; don't fall back to eager
    for k in ("cache_size_limit", "recompile_limit", "accumulated_cache_size_limit",
              "accumulated_recompile_limit"):
        if hasattr(cfg, k):
            setattr(cfg, k, max(getattr(cfg, k), 512))
    c = lambda f: torch.compile(f, fullgraph=True, dynamic=False)  # noqa: E731
    return dict(add_rms=c(add_rms), rope=c(rope_qk), silu_mul=c(silu_and_mul))


def sdpa_backends():
    from torch.nn.attention import SDPBackend
    return [SDPBackend.CUDNN_ATTENTION, SDPBackend.FLASH_ATTENTION]


def attend(q, k, v, gqa):
    """Causal attention, q [B, H, S, D], k/v [B, KVH, S, D] (views of the
    cache).  Only cuDNN and FlashAttention may run: the math and
    memory-efficient fallbacks are not what engines use.  With gqa False the
    backends refused enable_gqa and k/v are repeated (meta says so)."""
    from torch.nn.attention import sdpa_kernel
    with sdpa_kernel(sdpa_backends()):
        if gqa:
            return F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
        rep = q.shape[1] // k.shape[1]
        return F.scaled_dot_product_attention(q, k.repeat_interleave(rep, 1),
                                              v.repeat_interleave(rep, 1), is_causal=True)


def fused_layer(s, L, K, x, res, cos, sin, kc, vc, B, S, gqa):
    """One decoder layer.  x is the previous layer's down-projection output
    (not yet added), res the residual stream; res None: layer 0, where the
    embedding is the residual and is only normed (vLLM does the same).
    The cache is [B, S, KVH, D]: the token-major layout of engines' caches,
    and the one the qkv output is already in."""
    T, hd, H, KVH = B * S, s.head_dim, s.heads, s.kv_heads
    if res is None:
        res, y = x, rms(x, L["ln1"])
    else:
        y, res = K["add_rms"](x, res, L["ln1"])
    qkv = F.linear(y, L["wqkv"])
    q, k = K["rope"](qkv, cos, sin, H, KVH, hd)
    # reshape_and_cache: k (roped) and v into the cache, one copy each
    kc[:, :S] = k.view(B, S, KVH, hd)
    vc[:, :S] = qkv[:, (H + KVH) * hd:].view(B, S, KVH, hd)
    a = attend(q.view(B, S, H, hd).transpose(1, 2), kc[:, :S].transpose(1, 2),
               vc[:, :S].transpose(1, 2), gqa)
    x = F.linear(a.transpose(1, 2).reshape(T, H * hd), L["wo"])
    y, res = K["add_rms"](x, res, L["ln2"])
    x = F.linear(K["silu_mul"](F.linear(y, L["wgu"])), L["wd"])
    return x, res


def prefill_fused(s, W, K, tok, cos, sin, kcache, vcache, gqa):
    B, S = tok.shape
    x = F.embedding(tok, W.emb).view(B * S, -1)
    res = None
    for li, L in enumerate(W.layers):
        x, res = fused_layer(s, L, K, x, res, cos, sin, kcache[li], vcache[li], B, S, gqa)
    # the final norm over all tokens, logits for the last (as vLLM does)
    y, _ = K["add_rms"](x, res, W.lnf)
    return F.linear(y.view(B, S, -1)[:, -1], W.head)


def fused_caches(s, B, S):
    return ([torch.empty(B, S, s.kv_heads, s.head_dim, device=DEV, dtype=DT) for _ in range(s.layers)],
            [torch.empty(B, S, s.kv_heads, s.head_dim, device=DEV, dtype=DT) for _ in range(s.layers)])


def sdpa_probe(s, B=1, S=2048):
    """Which backends take enable_gqa alone, and which kernels run when cuDNN
    and FlashAttention are both allowed (names from the profiler)."""
    from torch.nn.attention import SDPBackend, sdpa_kernel
    hd = s.head_dim
    q = torch.randn(B, S, s.heads, hd, device=DEV, dtype=DT).transpose(1, 2)
    kv = torch.randn(B, S, s.kv_heads, hd, device=DEV, dtype=DT).transpose(1, 2)
    out = {}
    for name, be in (("cudnn", SDPBackend.CUDNN_ATTENTION), ("flash", SDPBackend.FLASH_ATTENTION),
                     ("efficient", SDPBackend.EFFICIENT_ATTENTION)):
        try:
            with sdpa_kernel([be]):
                F.scaled_dot_product_attention(q, kv, kv, is_causal=True, enable_gqa=True)
            torch.cuda.synchronize()
            out[name + "_gqa"] = "ok"
        except Exception as e:  # noqa: BLE001 - record why
            out[name + "_gqa"] = str(e).strip().splitlines()[0][:200] if str(e).strip() else repr(e)
    gqa = out["cudnn_gqa"] == "ok" or out["flash_gqa"] == "ok"
    a = attend(q, kv, kv, gqa)
    # whether the output is already token-major, so the o GEMM's input is a view
    out["out_token_major"] = bool(a.transpose(1, 2).is_contiguous())
    out["kernels"] = attention_kernels(lambda: attend(q, kv, kv, gqa))
    return gqa, out


def attention_kernels(fn):
    try:
        with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CUDA]) as prof:
            fn()
            torch.cuda.synchronize()
        names = set()
        for e in prof.key_averages():
            dt = getattr(e, "device_time_total", None)
            if dt is None:
                dt = getattr(e, "cuda_time_total", 0)
            if dt > 0 and not e.key.startswith("aten::"):
                names.add(e.key[:120])
        return sorted(names)
    except Exception as e:  # noqa: BLE001 - the profiler is a nicety here
        return ["profiler failed: " + str(e)[:100]]


def check_fused(s, W, K, gqa, B=2, S=256):
    """The fused forward against prefill() on the same weights.  prefill() has
    no rotary, so the fused one runs here with identity tables (cos 1, sin
    0); rope_qk is checked on its own against the rotate_half form."""
    T, hd = B * S, s.head_dim
    tok = torch.randint(0, s.vocab, (B, S), device=DEV)
    kc = [torch.empty(B, s.kv_heads, S, hd, device=DEV, dtype=DT) for _ in range(s.layers)]
    vc = [torch.empty(B, s.kv_heads, S, hd, device=DEV, dtype=DT) for _ in range(s.layers)]
    ref = prefill(s, W, tok, kc, vc).float()
    fkc, fvc = fused_caches(s, B, S)
    one = torch.ones(T, hd // 2, device=DEV)
    got = prefill_fused(s, W, K, tok, one, one * 0, fkc, fvc, gqa).float()
    out = dict(shape=[B, S], logits_max_abs_err=float((got - ref).abs().max()),
               logits_max_abs=float(ref.abs().max()),
               logits_rel_err=float((got - ref).norm() / ref.norm()),
               kcache_last_max_abs_err=float((fkc[-1].transpose(1, 2) - kc[-1]).abs().max()))
    qkv = torch.randn(T, (s.heads + 2 * s.kv_heads) * hd, device=DEV, dtype=DT)
    cos, sin = rope_tables(B, S, hd)
    q, k = K["rope"](qkv, cos, sin, s.heads, s.kv_heads, hd)
    qr = rope_ref(qkv[:, : s.heads * hd].view(T, s.heads, hd).float(), cos, sin)
    kr = rope_ref(qkv[:, s.heads * hd:(s.heads + s.kv_heads) * hd].view(T, s.kv_heads, hd).float(), cos, sin)
    out["rope_max_abs_err"] = max(float((q.float() - qr).abs().max()), float((k.float() - kr).abs().max()))
    # bf16 tolerance: a relative error of a few 1e-3 over 32 layers of rounding
    out["ok"] = out["logits_rel_err"] < 2e-2 and out["rope_max_abs_err"] < 5e-2
    return out


def time_median(fn, budget_s=0.3, lo=5, hi=50, warmup=2):
    """Median over repeats, each timed with its own pair of CUDA events."""
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    t0 = time.time()
    fn()
    torch.cuda.synchronize()
    reps = int(max(lo, min(hi, budget_s / max(time.time() - t0, 1e-6))))
    ev = [(torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)) for _ in range(reps)]
    for e0, e1 in ev:
        e0.record()
        fn()
        e1.record()
    torch.cuda.synchronize()
    ts = sorted(e0.elapsed_time(e1) for e0, e1 in ev)
    return ts[len(ts) // 2] / 1e3


def graphed(fn):
    """fn captured as a CUDA graph (no host launch gaps between the small
    element-wise kernels), or fn itself where capture fails."""
    try:
        g = graph_of(fn)
        torch.cuda.synchronize()
        return g.replay, g, None
    except Exception as e:  # noqa: BLE001 - time it uncaptured, say why
        torch.cuda.synchronize()
        return fn, None, str(e).strip().splitlines()[0][:200] if str(e).strip() else repr(e)


def n_sets(set_bytes, layers, spill=256 * 1024**2):
    """Distinct input sets to rotate among so that one pass over the layers
    reads several times L2 (50-60 MB): activations never stay in L2 between
    layers, as weights don't."""
    return max(1, min(layers, math.ceil(spill / max(set_bytes, 1))))


def ew_bytes(s, T):
    """Element-wise bytes a layer, as rigplan charges them: two add_rms (read
    x and residual, write normed and residual), rope (read and write q and k,
    plus the fp32 cos/sin rows), silu_and_mul (read 2I, write I)."""
    h, hd, I = s.hidden, s.head_dim, s.inter
    return T * (2 * 4 * h * 2 + 2 * (s.heads + s.kv_heads) * hd * 2 + hd * 4 + 3 * I * 2)


def fused_parts(s, W, K, B, S, gqa):
    """Each part of a layer alone, over all layers' weights, per layer."""
    T, h, I, hd, H, KVH = B * S, s.hidden, s.inter, s.head_dim, s.heads, s.kv_heads
    nl = s.layers
    cos, sin = rope_tables(B, S, hd)
    rows = []

    def mk(*shape):
        return torch.randn(*shape, device=DEV, dtype=DT)

    def part(name, fn, nbytes, sets, extra=None):
        fn()  # compiles, if anything is new
        torch.cuda.synchronize()
        run, g, err = graphed(fn)
        t = time_median(run, budget_s=0.2) / nl
        row = dict(model=s.name, batch=B, input_len=S, part=name, time_s=t, bytes=nbytes,
                   sets=sets, graphed=g is not None)
        if err:
            row["graph_error"] = err
        if extra:
            row.update(extra)
        rows.append(row)
        gbs = f" {nbytes / t / 1e9:.0f} GB/s" if nbytes else ""
        print(f"  part {s.name} B={B} S={S} {name}: {t*1e6:.1f} us/layer{gbs}", flush=True)
        del g

    # the four GEMMs; each input its own tensor, as in the layer
    n = n_sets(T * (2 * h + H * hd + I) * 2, nl)
    ins = [(mk(T, h), mk(T, H * hd), mk(T, h), mk(T, I)) for _ in range(n)]

    def gemm():
        for li, L in enumerate(W.layers):
            y, a, y2, m = ins[li % n]
            F.linear(y, L["wqkv"])
            F.linear(a, L["wo"])
            F.linear(y2, L["wgu"])
            F.linear(m, L["wd"])
    part("gemm", gemm, None, n)
    del ins

    # attention over cache-layout k/v, q token-major as rope writes it
    n = n_sets(T * (H + 2 * KVH) * hd * 2, nl)
    ins = [(mk(B, S, H, hd), mk(B, S, KVH, hd), mk(B, S, KVH, hd)) for _ in range(n)]

    def attention():
        for li in range(nl):
            q, k, v = ins[li % n]
            attend(q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2), gqa)
    q0, k0, v0 = ins[0]
    kern = attention_kernels(lambda: attend(q0.transpose(1, 2), k0.transpose(1, 2), v0.transpose(1, 2), gqa))
    part("attention", attention, None, n, dict(kernels=kern))
    del ins

    # the element-wise kernels: add_rms, rope, add_rms, silu_and_mul
    n = n_sets(T * (4 * h + (H + 2 * KVH) * hd + 2 * I) * 2, nl)
    ins = [(mk(T, h), mk(T, h), mk(T, (H + 2 * KVH) * hd), mk(T, h), mk(T, h), mk(T, 2 * I))
           for _ in range(n)]

    def elementwise():
        for li, L in enumerate(W.layers):
            x1, r1, qkv, x2, r2, gu = ins[li % n]
            K["add_rms"](x1, r1, L["ln1"])
            K["rope"](qkv, cos, sin, H, KVH, hd)
            K["add_rms"](x2, r2, L["ln2"])
            K["silu_mul"](gu)
    part("elementwise", elementwise, ew_bytes(s, T), n)
    del ins

    # the cache write (reshape_and_cache): not in rigplan's element-wise
    # charge above, timed so the layer's remainder is accounted for
    n = n_sets(T * 4 * KVH * hd * 2, nl)
    ins = [(mk(T, KVH, hd), mk(T, (H + 2 * KVH) * hd), mk(B, S, KVH, hd), mk(B, S, KVH, hd))
           for _ in range(n)]

    def kv_write():
        for li in range(nl):
            k, qkv, kc, vc = ins[li % n]
            kc[:, :S] = k.view(B, S, KVH, hd)
            vc[:, :S] = qkv[:, (H + KVH) * hd:].view(B, S, KVH, hd)
    part("kv_write", kv_write, T * 4 * KVH * hd * 2, n)
    del ins

    # the whole layer, chained through the layers as in the forward
    kc, vc = fused_caches(s, B, S)
    x0, r0 = mk(T, h), mk(T, h)

    def layer():
        x, res = x0, r0
        for li, L in enumerate(W.layers):
            x, res = fused_layer(s, L, K, x, res, cos, sin, kc[li], vc[li], B, S, gqa)
    part("layer", layer, None, 1)
    return rows


def fused(res, out_path):
    """--fused: engine-style prefill of 8B and the 70B 16-layer slice, each
    shape timed whole and by parts; eager prefill() rerun alongside."""
    meta = res["meta"]
    t_start = time.time()

    # streaming bandwidth, as micro() measures it: the element-wise ceiling
    res["micro"] = stream({})
    torch.cuda.empty_cache()
    print(f"copy {res['micro']['copy_bytes_per_s']/1e12:.3f} TB/s", flush=True)

    K = compiled_kernels()
    s8 = Shape("llama-3.1-8b", 32, 4096, 14336, 32, 8, 128, 128256)
    s70 = Shape("llama-3.1-70b-16l", 16, 8192, 28672, 64, 8, 128, 128256)
    gqa, probe = sdpa_probe(s8)
    meta["fused"] = dict(
        sdpa_allowed=["CUDNN_ATTENTION", "FLASH_ATTENTION"], gqa_native=gqa, sdpa_probe=probe,
        note=("enable_gqa, no repeat_interleave" if gqa else
              "cuDNN and FlashAttention refused enable_gqa: k/v repeated with repeat_interleave"),
        compile="torch.compile(fullgraph=True, dynamic=False) per function and shape; "
                "add_rms, rope_qk, silu_and_mul; warmed before timing",
        timing="prefill_fused.time_s: CUDA-graph replays (time_cuda mean); time_s_nograph: "
               "launched from Python. parts: all layers in one CUDA graph, median of replays / layers",
        ew_bytes="per layer: T*(2*4*hidden*2 + 2*(heads+kv_heads)*head_dim*2 + head_dim*4 + 3*inter*2)")
    print("sdpa", gqa, probe, flush=True)
    res["prefill_eager"], res["prefill_fused"], res["parts"] = [], [], []
    grids = ((s8, [(1, 128), (1, 512), (1, 2048), (1, 8192), (1, 16384), (4, 2048), (16, 512)]),
             (s70, [(1, 512), (1, 4096), (2, 8192)]))
    for s, grid in grids:
        W = Weights(s)
        if s is s8:
            meta["fused"]["check"] = check_fused(s, W, K, gqa)
            print("check", meta["fused"]["check"], flush=True)
            torch.cuda.empty_cache()
        # the eager baseline on this very card, for a like-for-like ratio
        tmp = {}
        prefill_grid(tmp, s, W, grid, None, set())
        res["prefill_eager"].extend(tmp["prefill"])
        write_json(res, out_path)
        for (B, S) in grid:
            kc, vc = fused_caches(s, B, S)
            tok = torch.randint(0, s.vocab, (B, S), device=DEV)
            cos, sin = rope_tables(B, S, s.head_dim)
            fn = lambda: prefill_fused(s, W, K, tok, cos, sin, kc, vc, gqa)  # noqa: E731
            t0 = time.time()
            fn()  # compiles for this token count; not timed
            torch.cuda.synchronize()
            first_s = time.time() - t0
            est = 2 * B * S * s.layers * 12 * s.hidden**2 / 6e14
            # shorter budgets than prefill_grid: the lease is short, the medians steady
            t_ng = time_cuda(fn, iters_for(est, 0.4, lo=3))
            run, g, err = graphed(fn)
            t = time_cuda(run, iters_for(est, 0.4, lo=3))
            row = dict(model=s.name, batch=B, input_len=S, time_s=t, time_s_nograph=t_ng,
                       graphed=g is not None, first_call_s=first_s)
            if err:
                row["graph_error"] = err
            res["prefill_fused"].append(row)
            print(f"prefill_fused {s.name} B={B} S={S}: {t*1e3:.3f} ms (no graph {t_ng*1e3:.3f})",
                  flush=True)
            del g, run, kc, vc
            torch.cuda.empty_cache()
            res["parts"].extend(fused_parts(s, W, K, B, S, gqa))
            torch.cuda.empty_cache()
            meta["fused"]["elapsed_s"] = time.time() - t_start
            write_json(res, out_path)
        del W
        torch.cuda.empty_cache()
    write_json(res, out_path)
    print("wrote", out_path, f"in {time.time() - t_start:.0f} s", flush=True)


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
    if "--fused" in sys.argv:
        return fused(res, out_path)
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
    write_json(res, out_path)
    print("wrote", out_path)


if __name__ == "__main__":
    main()
