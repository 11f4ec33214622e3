// The TinyOps mode's latency terms (tinyops_mode.h; shared reference tinyops.md §4): per
// part max(CPU work, the DMA of the next part), plus a fixed per-part cost and the transfers
// exposed at an op's start.

#include <numeric>

#include "placement/tinyops_mode.h"

namespace placement {
namespace {

using graph::OpKind;

// Spare stage vectors of this thread (RecycleStages), at most kSpareStages of them.
constexpr size_t kSpareStages = 256;
thread_local std::vector<std::vector<latency::Stage>> t_spare_stages;

// An empty stage vector with room for `n` stages, a spare one when there is.
std::vector<latency::Stage> EmptyStages(size_t n) {
  std::vector<latency::Stage> stages;
  if (!t_spare_stages.empty()) {
    stages = std::move(t_spare_stages.back());
    t_spare_stages.pop_back();
    stages.clear();
  }
  stages.reserve(n);
  return stages;
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
latency::Terms InPlaceWork(const kernels::OpWork& w, const tinyops::OpPlan& plan,
                           const latency::MemoryPath& path) {
  const int64_t dcache = path.dcache;
  const bool conv = plan.kind == OpKind::kConv2d || plan.kind == OpKind::kDepthwiseConv2d;
  double bytes = 0;
  if (conv && !plan.filter_overlaid) {
    bytes += static_cast<double>(kernels::CachedBytes(w.weight_read_bytes, w.weight_bytes,
                                                      w.weight_footprint_bytes, dcache));
  }
  if (conv && !plan.bias_overlaid) bytes += static_cast<double>(w.bias_bytes);
  if (conv && !plan.quant_overlaid) bytes += static_cast<double>(w.quant_bytes);
  latency::Terms t{};
  latency::AddExternalReads(&t, bytes, path);
  if (!plan.scratch_in_sram) latency::AddExternalScratch(&t, w, path);
  t[latency::kExtWriteCyclesPerByte] += static_cast<double>(w.output_bytes);
  return t;
}

latency::OpTerms PartitionedOp(const kernels::OpWork& w, const tinyops::OpPlan& plan,
                               const tinyops::OpPlan* next, bool part0_prefetched,
                               const latency::MemoryPath& path) {
  latency::OpTerms op;
  op.kernel = w.kernel;
  op.compute[latency::kDispatchCycles] = 1;
  const latency::Terms work = latency::ComputeWork(w);
  const latency::Terms in_place = InPlaceWork(w, plan, path);
  const double out_rows = std::accumulate(
      plan.parts.begin(), plan.parts.end(), 0.0,
      [](double sum, const tinyops::Part& p) { return sum + p.rows.out_rows; });
  const size_t n = plan.parts.size();
  op.stages = EmptyStages(n);
  for (size_t p = 0; p < n; ++p) {
    latency::Stage s;
    const double share = out_rows > 0 ? plan.parts[p].rows.out_rows / out_rows : 1.0 / n;
    latency::AddScaled(&s.compute, work, share);
    s.compute[latency::kPartCycles] = 1;
    latency::AddScaled(&s.memory, in_place, share);
    if (p + 1 < n) {
      s.dma = latency::DmaWork(static_cast<double>(plan.parts[p + 1].input_dma_bytes +
                                          plan.parts[p + 1].input2_dma_bytes));
    } else if (PrefetchedEarly(plan, next)) {
      s.dma = latency::DmaWork(static_cast<double>(next->parts.front().input_dma_bytes));
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
  op.exposed = latency::DmaWork(exposed);
  return op;
}

// Price-aware overlay: a filter the plan overlays may cost more to DMA (exposed, at the DMA's
// per-byte price) than to read in place (e.g. a 1x1 conv's filter, read once), so the op also
// gets the way with the filter read in place (OpTerms::has_alternative: the terms PartitionedOp
// gives the plan without the overlay, the filter's reads spread over the parts by output rows
// and its DMA no longer exposed) and costs the cheaper at the board's coefficients. Without it a wider net
// whose filter missed the buffer got the cheaper plan and latency fell as width rose.
void AddInPlaceFilter(const kernels::OpWork& w, const tinyops::OpPlan& plan,
                      const latency::MemoryPath& path, latency::OpTerms* op) {
  op->has_alternative = true;
  latency::AddExternalReads(&op->alternative_reads,
                            static_cast<double>(kernels::CachedBytes(
                                w.weight_read_bytes, w.weight_bytes, w.weight_footprint_bytes,
                                path.dcache)),
                            path);
  op->alternative_unexposed = latency::DmaWork(static_cast<double>(plan.filter_bytes));
  const double out_rows = std::accumulate(
      plan.parts.begin(), plan.parts.end(), 0.0,
      [](double sum, const tinyops::Part& p) { return sum + p.rows.out_rows; });
  const size_t n = plan.parts.size();
  for (size_t p = 0; p < n; ++p) {
    op->stages[p].alternative_share =
        out_rows > 0 ? plan.parts[p].rows.out_rows / out_rows : 1.0 / static_cast<double>(n);
  }
}

}  // namespace

std::vector<latency::OpTerms> TinyopsTerms(const graph::Network& net,
                                           const kernels::Runtime& runtime,
                                           const tinyops::Plan& plan,
                                           const latency::MemoryPath& path) {
  std::vector<latency::OpTerms> out;
  out.reserve(net.ops.size());
  bool part0_prefetched = false;  // op 0's part 0 is enqueued by Invoke and waited for
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const kernels::OpWork w = runtime.MeasureOp(net, net.ops[i]);
    const tinyops::OpPlan& op = plan.ops[i];
    const tinyops::OpPlan* next = i + 1 < plan.ops.size() ? &plan.ops[i + 1] : nullptr;
    if (op.parts.empty()) {
      out.push_back(latency::SerialOp(w, latency::ExternalWork(w, path)));
      part0_prefetched = false;  // an unpartitioned op prefetches nothing
      continue;
    }
    out.push_back(PartitionedOp(w, op, next, part0_prefetched, path));
    if (op.filter_overlaid) AddInPlaceFilter(w, op, path, &out.back());
    part0_prefetched = PrefetchedEarly(op, next);
  }
  return out;
}

void RecycleStages(std::vector<latency::OpTerms>* terms) {
  for (latency::OpTerms& op : *terms) {
    if (op.stages.capacity() == 0 || t_spare_stages.size() >= kSpareStages) continue;
    t_spare_stages.push_back(std::move(op.stages));
    op.stages = {};
  }
}

}  // namespace placement
