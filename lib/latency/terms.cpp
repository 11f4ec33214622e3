// BuildTerms: the linear terms of every op per deployment mode (model.h, steps 1-3).

#include <algorithm>
#include <numeric>

#include "latency/model.h"

namespace latency {
namespace {

using graph::OpKind;

Coef MacCoef(const OpWork& w) {
  switch (w.kernel) {
    case KernelClass::kConv1x1Fast: return kConv1x1CyclesPerMac;
    case KernelClass::kConvIm2col: return kConvIm2colCyclesPerMac;
    case KernelClass::kDw3x3Fast: return kDw3x3CyclesPerMac;
    case KernelClass::kFullyConnected: return kFcCyclesPerMac;
    default: return w.kernel_size <= 5 ? kDwK5CyclesPerMac : kDwK7CyclesPerMac;
  }
}

// Arithmetic of the whole op, without the dispatch (added once per op by the caller).
Terms ComputeWork(const OpWork& w) {
  Terms t{};
  if (w.macs > 0) t[MacCoef(w)] = static_cast<double>(w.macs - w.leftover_macs);
  t[kConv1x1LeftoverCyclesPerMac] = static_cast<double>(w.leftover_macs);
  t[kIm2colCyclesPerElement] = static_cast<double>(w.gathered_elements);
  t[kRequantCyclesPerOutput] = static_cast<double>(w.output_elements);
  const bool pool_like = w.kernel == KernelClass::kPool || w.kernel == KernelClass::kPad;
  t[pool_like ? kPoolCyclesPerElement : kElementwiseCyclesPerElement] +=
      static_cast<double>(w.other_elements);
  return t;
}

// How the CPU reaches external RAM on a board: through a D-cache of `dcache` bytes (0: none), in
// accesses of `access_bytes` (a 32-byte line fill behind a D-cache; else one word, split by the
// FMC into bus-width accesses).
struct MemoryPath {
  int64_t dcache = 0;
  double access_bytes = 4;
};

MemoryPath PathOf(const hw::Board& board) {
  MemoryPath path;
  path.dcache = board.dcache_bytes;
  const hw::ExternalMemory* ram = board.ExternalRam();
  const double bus_bytes = ram == nullptr ? 4.0 : std::max(1, ram->bus_width_bits / 8);
  path.access_bytes = board.dcache_bytes > 0 ? 32.0 : std::min(4.0, bus_bytes);
  return path;
}

// `bytes` read by the CPU from external RAM: per-byte memory time plus one crossing per access.
void AddExternalReads(Terms* t, double bytes, const MemoryPath& path) {
  (*t)[kExtReadCyclesPerByte] += bytes;
  (*t)[kExtAccessCycles] += bytes / path.access_bytes;
}

// `bytes` copied by the TinyOps DMA: byte-wide single-beat transfers, one access per byte.
Terms DmaWork(double bytes) {
  Terms t{};
  t[kDmaCyclesPerByte] = bytes;
  t[kExtAccessCycles] = bytes;
  return t;
}

double WeightFetchBytes(const OpWork& w, int64_t dcache) {
  return static_cast<double>(
      CachedBytes(w.weight_read_bytes, w.weight_bytes, w.weight_footprint_bytes, dcache) +
      w.bias_bytes + w.quant_bytes);
}

double ScratchFetchBytes(const OpWork& w, int64_t dcache) {
  return static_cast<double>(CachedBytes(w.scratch_bytes, w.scratch_footprint_bytes,
                                         w.scratch_footprint_bytes, dcache));
}

// Everything in external RAM, read by the CPU with the kernel's access pattern.
Terms ExternalWork(const OpWork& w, const MemoryPath& path) {
  const int64_t dcache = path.dcache;
  Terms t{};
  AddExternalReads(&t,
                   WeightFetchBytes(w, dcache) + ScratchFetchBytes(w, dcache) +
                       static_cast<double>(CachedBytes(w.input_read_bytes, w.input_bytes,
                                                       w.input_footprint_bytes, dcache)),
                   path);
  t[kExtWriteCyclesPerByte] = static_cast<double>(w.output_bytes);
  return t;
}

OpTerms SerialOp(const OpWork& w, const Terms& memory) {
  OpTerms op;
  op.compute = ComputeWork(w);
  op.compute[kDispatchCycles] = 1;
  op.memory = memory;
  return op;
}

void Add(Terms* into, const Terms& t, double scale) {
  for (size_t i = 0; i < into->size(); ++i) (*into)[i] += scale * t[i];
}

// Whether op i+1's part 0 is enqueued before op i's last part runs (tinyops.md §4 (d)): op i is
// partitioned, op i+1 is partitioned and single-input (ADD/MUL skip the test), and the output
// bytes of op i's parts 0..n-2 cover op i+1's part 0.
bool PrefetchedEarly(const tinyops::OpPlan& op, const tinyops::OpPlan* next) {
  if (next == nullptr || op.parts.empty() || next->parts.empty()) return false;
  const bool two_input = next->kind == OpKind::kAdd || next->kind == OpKind::kMul;
  const bool elementwise = op.kind == OpKind::kAdd || op.kind == OpKind::kMul;
  if (two_input && !elementwise) return false;
  int64_t written = 0;
  for (size_t p = 0; p + 1 < op.parts.size(); ++p) written += op.parts[p].output_bytes;
  return written >= next->parts.front().input_dma_bytes;
}

// In-place traffic of a partitioned op: filters not overlaid, scratch outside SRAM, bias and
// quant parameters not overlaid, and the outputs written straight to external RAM.
Terms InPlaceWork(const OpWork& w, const tinyops::OpPlan& plan, const MemoryPath& path) {
  const int64_t dcache = path.dcache;
  const bool conv = plan.kind == OpKind::kConv2d || plan.kind == OpKind::kDepthwiseConv2d;
  double bytes = 0;
  if (conv && !plan.filter_overlaid) {
    bytes += static_cast<double>(
        CachedBytes(w.weight_read_bytes, w.weight_bytes, w.weight_footprint_bytes, dcache));
  }
  if (conv && !plan.bias_overlaid) bytes += static_cast<double>(w.bias_bytes);
  if (conv && !plan.quant_overlaid) bytes += static_cast<double>(w.quant_bytes);
  if (!plan.scratch_in_sram) bytes += ScratchFetchBytes(w, dcache);
  Terms t{};
  AddExternalReads(&t, bytes, path);
  t[kExtWriteCyclesPerByte] = static_cast<double>(w.output_bytes);
  return t;
}

OpTerms PartitionedOp(const OpWork& w, const tinyops::OpPlan& plan, const tinyops::OpPlan* next,
                      bool part0_prefetched, const MemoryPath& path) {
  OpTerms op;
  op.compute[kDispatchCycles] = 1;
  const Terms work = ComputeWork(w);
  const Terms in_place = InPlaceWork(w, plan, path);
  const double out_rows = std::accumulate(
      plan.parts.begin(), plan.parts.end(), 0.0,
      [](double sum, const tinyops::Part& p) { return sum + p.rows.out_rows; });
  const size_t n = plan.parts.size();
  for (size_t p = 0; p < n; ++p) {
    Stage s;
    const double share = out_rows > 0 ? plan.parts[p].rows.out_rows / out_rows : 1.0 / n;
    Add(&s.compute, work, share);
    s.compute[kPartCycles] = 1;
    Add(&s.memory, in_place, share);
    if (p + 1 < n) {
      s.dma = DmaWork(static_cast<double>(plan.parts[p + 1].input_dma_bytes +
                                          plan.parts[p + 1].input2_dma_bytes));
    } else if (PrefetchedEarly(plan, next)) {
      s.dma = DmaWork(static_cast<double>(next->parts.front().input_dma_bytes));
    }
    op.stages.push_back(s);
  }
  // Exposed at the op start: quant parameters (stream 0), the overlays issued on stream 1 at
  // the end of the previous op, part 0 unless prefetched, and input 2 of a two-input part 0.
  double exposed = static_cast<double>(plan.parts.front().input2_dma_bytes);
  if (plan.quant_overlaid) exposed += static_cast<double>(plan.quant_bytes);
  if (plan.filter_overlaid) exposed += static_cast<double>(plan.filter_bytes);
  if (plan.bias_overlaid) exposed += static_cast<double>(plan.bias_bytes);
  if (!part0_prefetched) exposed += static_cast<double>(plan.parts.front().input_dma_bytes);
  op.exposed = DmaWork(exposed);
  return op;
}

std::vector<OpTerms> TinyopsTerms(const graph::Network& net, const tinyops::Plan& plan,
                                  const MemoryPath& path) {
  std::vector<OpTerms> out;
  out.reserve(net.ops.size());
  bool part0_prefetched = false;  // op 0's part 0 is enqueued by Invoke and waited for
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const OpWork w = MeasureOp(net, net.ops[i]);
    const tinyops::OpPlan& op = plan.ops[i];
    const tinyops::OpPlan* next = i + 1 < plan.ops.size() ? &plan.ops[i + 1] : nullptr;
    if (op.parts.empty()) {
      out.push_back(SerialOp(w, ExternalWork(w, path)));
      part0_prefetched = false;  // an unpartitioned op prefetches nothing
      continue;
    }
    out.push_back(PartitionedOp(w, op, next, part0_prefetched, path));
    part0_prefetched = PrefetchedEarly(op, next);
  }
  return out;
}

}  // namespace

std::vector<OpTerms> BuildTerms(const graph::Network& net, const hw::Board& board, Mode mode,
                                const tinyops::Plan* plan) {
  const MemoryPath path = PathOf(board);
  if (mode == Mode::kTinyops && plan != nullptr && plan->ops.size() == net.ops.size()) {
    return TinyopsTerms(net, *plan, path);
  }
  std::vector<OpTerms> out;
  out.reserve(net.ops.size());
  for (const graph::Op& op : net.ops) {
    const OpWork w = MeasureOp(net, op);
    Terms memory{};
    if (mode == Mode::kInternal) {
      memory[kFlashCyclesPerByte] = WeightFetchBytes(w, path.dcache);
    } else {
      memory = ExternalWork(w, path);
    }
    out.push_back(SerialOp(w, memory));
  }
  return out;
}

}  // namespace latency
