#!/usr/bin/env python3
"""write-gguf.py OUT SPEC.json: a GGUF file's header (no tensor data),
from a JSON spec: {"version": 3, "kv": [[key, type, value], ...],
"tensors": [[name, [dims...], ggml_type], ...], "truncate": N}.
Types as GGUF numbers them: 4 u32, 5 i32, 8 string, 9 array (value
[elem_type, [values...]]), 10 u64.  For tests of rigplan's reader
(bind/gguf.c): the layout is ggml's docs/gguf.md."""
import json, struct, sys

def s(b):
    b = b.encode() if isinstance(b, str) else b
    return struct.pack("<Q", len(b)) + b

def val(t, v):
    if t in (0, 1): return struct.pack("<B" if t == 0 else "<b", v)
    if t in (2, 3): return struct.pack("<H" if t == 2 else "<h", v)
    if t in (4, 5): return struct.pack("<I" if t == 4 else "<i", v)
    if t == 6: return struct.pack("<f", v)
    if t == 7: return struct.pack("<B", v)
    if t == 8: return s(v)
    if t == 9:
        et, items = v
        return struct.pack("<IQ", et, len(items)) + b"".join(val(et, x) for x in items)
    if t in (10, 11): return struct.pack("<Q" if t == 10 else "<q", v)
    if t == 12: return struct.pack("<d", v)
    raise SystemExit("unknown type %r" % t)

spec = json.load(open(sys.argv[2]))
out = b"GGUF" + struct.pack("<IQQ", spec.get("version", 3), len(spec["tensors"]), len(spec["kv"]))
for k, t, v in spec["kv"]:
    out += s(k) + struct.pack("<I", t) + val(t, v)
off = 0
for name, dims, t in spec["tensors"]:
    out += s(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
    out += struct.pack("<IQ", t, off)
    off += 1
if "truncate" in spec:
    out = out[:spec["truncate"]]
open(sys.argv[1], "wb").write(out)
