#!/usr/bin/env python3
"""Independent reference counts for the golden numbers in tflite_models_test.cpp.

A throwaway-style flatbuffer walk written separately from lib/tflite (no flatbuffers package):
it reads subgraph 0 of a .tflite file and prints, per model, the op count per builtin, the MACs
and int8 weight elements of CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED (taken from the
filter tensor's shape and the output tensor's shape), and the peak activation bytes under the
liveness rule of lib/analysis/liveness.h (a tensor lives from its producer to its last consumer,
RESHAPE aliases its input, the graph output lives to the end), at 1 byte per int8 element.

Usage: python3 tests/tflite/reference_counts.py FILE.tflite...
"""
import struct
import sys

NAMES = {0: "ADD", 1: "AVERAGE_POOL_2D", 2: "CONCATENATION", 3: "CONV_2D", 4: "DEPTHWISE_CONV_2D",
         6: "DEQUANTIZE", 9: "FULLY_CONNECTED", 17: "MAX_POOL_2D", 18: "MUL", 22: "RESHAPE",
         25: "SOFTMAX", 34: "PAD", 40: "MEAN", 114: "QUANTIZE", 117: "HARD_SWISH"}
TYPE_BYTES = {0: 4, 2: 4, 3: 1, 4: 8, 7: 2, 9: 1}


class Table:
    def __init__(self, buf, pos):
        self.buf, self.pos = buf, pos
        vt = pos - struct.unpack_from("<i", buf, pos)[0]
        self.vt_len = struct.unpack_from("<H", buf, vt)[0]
        self.vt = vt

    def field(self, i):
        if 4 + 2 * i >= self.vt_len:
            return 0
        return struct.unpack_from("<H", self.buf, self.vt + 4 + 2 * i)[0]

    def scalar(self, i, fmt, default=0):
        off = self.field(i)
        return struct.unpack_from("<" + fmt, self.buf, self.pos + off)[0] if off else default

    def ref(self, i):
        off = self.field(i)
        if not off:
            return None
        p = self.pos + off
        return p + struct.unpack_from("<I", self.buf, p)[0]

    def table(self, i):
        p = self.ref(i)
        return Table(self.buf, p) if p is not None else None

    def vector(self, i, fmt=None):
        p = self.ref(i)
        if p is None:
            return []
        n = struct.unpack_from("<I", self.buf, p)[0]
        if fmt:
            size = struct.calcsize("<" + fmt)
            return [struct.unpack_from("<" + fmt, self.buf, p + 4 + k * size)[0] for k in range(n)]
        out = []
        for k in range(n):
            q = p + 4 + 4 * k
            out.append(Table(self.buf, q + struct.unpack_from("<I", self.buf, q)[0]))
        return out


def analyse(path):
    buf = open(path, "rb").read()
    model = Table(buf, struct.unpack_from("<I", buf, 0)[0])
    codes = [max(c.scalar(0, "b"), c.scalar(3, "i")) for c in model.vector(1)]
    sub = model.vector(2)[0]
    tensors = [(t.vector(0, "i"), t.scalar(1, "b")) for t in sub.vector(0)]
    graph_in, graph_out = sub.vector(1, "i"), sub.vector(2, "i")
    ops = [(codes[o.scalar(0, "I")], o.vector(1, "i"), o.vector(2, "i")) for o in sub.vector(3)]

    def elements(shape):
        n = 1
        for d in shape:
            n *= d
        return n

    counts, macs, weights = {}, 0, 0
    for code, ins, outs in ops:
        counts[NAMES.get(code, str(code))] = counts.get(NAMES.get(code, str(code)), 0) + 1
        if code in (3, 4, 9):
            filt = tensors[ins[1]][0]
            out = elements(tensors[outs[0]][0])
            weights += elements(filt)
            if code == 3:    # filter [Cout, kh, kw, Cin]
                macs += out * filt[1] * filt[2] * filt[3]
            elif code == 4:  # filter [1, kh, kw, Cout]
                macs += out * filt[1] * filt[2]
            else:            # filter [out, in]
                macs += elements(filt)
    # Liveness: owner folds RESHAPE outputs into their input's buffer.
    owner = list(range(len(tensors)))
    first, last = {}, {}
    for t in graph_in:
        first[t] = last[t] = 0
    for step, (code, ins, outs) in enumerate(ops):
        for t in ins:
            if t in first or owner[t] in first:
                last[owner[t]] = max(last.get(owner[t], 0), step)
        if code == 22:
            owner[outs[0]] = owner[ins[0]]
            continue
        first[outs[0]] = last[outs[0]] = step
    for t in graph_out:
        last[owner[t]] = len(ops) - 1
    live = [0] * len(ops)
    for t in first:
        size = elements(tensors[t][0]) * TYPE_BYTES.get(tensors[t][1], 1)
        for s in range(first[t], last[t] + 1):
            live[s] += size
    peak = max(live)
    print(f"{path}: ops={len(ops)} {dict(sorted(counts.items()))}")
    print(f"  macs={macs} weight_bytes={weights} peak_activation_bytes={peak} at op {live.index(peak)}")
    print(f"  input types={[tensors[t][1] for t in graph_in]} output types={[tensors[t][1] for t in graph_out]}")


for p in sys.argv[1:]:
    analyse(p)
