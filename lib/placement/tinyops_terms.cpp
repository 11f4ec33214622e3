// The TinyOps mode's latency terms (tinyops_mode.h; shared reference tinyops.md §4): per
// part max(CPU work, the DMA of the next part), plus a fixed per-part cost and the transfers
// exposed at an op's start.

#include <numeric>

#include "placement/tinyops_mode.h"

namespace placement {
namespace {

using graph::OpKind;

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

// Each part's share of the op's work: its output rows over the op's (equal shares without rows).
double Share(const tinyops::OpPlan& plan, size_t p, double out_rows) {
  return out_rows > 0 ? plan.parts[p].rows.out_rows / out_rows
                      : 1.0 / static_cast<double>(plan.parts.size());
}

// Fills `*into` (value-initialised, in place: OpTerms are about 1 KiB) with the terms of a
// partitioned op.
void PartitionedOp(const kernels::OpWork& w, const tinyops::OpPlan& plan,
                   const tinyops::OpPlan* next, bool part0_prefetched,
                   const latency::MemoryPath& path, latency::OpTerms* into) {
  latency::OpTerms& op = *into;
  op.kernel = w.kernel;
  op.compute[latency::kDispatchCycles] = 1;
  op.staged_compute = latency::ComputeWork(w);
  op.staged_memory = InPlaceWork(w, plan, path);
  op.per_stage[latency::kPartCycles] = 1;
  const double out_rows = std::accumulate(
      plan.parts.begin(), plan.parts.end(), 0.0,
      [](double sum, const tinyops::Part& p) { return sum + p.rows.out_rows; });
  const size_t n = plan.parts.size();
  op.stages.reserve(n);
  for (size_t p = 0; p < n; ++p) {
    latency::Stage s{Share(plan, p, out_rows), 0};
    if (p + 1 < n) {
      s.dma_bytes = static_cast<double>(plan.parts[p + 1].input_dma_bytes +
                                        plan.parts[p + 1].input2_dma_bytes);
    } else if (PrefetchedEarly(plan, next)) {
      s.dma_bytes = static_cast<double>(next->parts.front().input_dma_bytes);
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
}

// Price-aware overlay: a filter the plan overlays may cost more to DMA (exposed, at the DMA's
// per-byte price) than to read in place (e.g. a 1x1 conv's filter, read once), so the op also
// gets the way with the filter read in place (OpTerms::has_alternative: the terms PartitionedOp
// gives the plan without the overlay, the filter's reads spread over the parts by their shares
// and its DMA no longer exposed) and costs the cheaper at the board's coefficients. Without it
// a wider net whose filter missed the buffer got the cheaper plan and latency fell as width rose.
void AddInPlaceFilter(const kernels::OpWork& w, const tinyops::OpPlan& plan,
                      const latency::MemoryPath& path, latency::OpTerms* op) {
  op->has_alternative = true;
  latency::AddExternalReads(&op->alternative_reads,
                            static_cast<double>(kernels::CachedBytes(
                                w.weight_read_bytes, w.weight_bytes, w.weight_footprint_bytes,
                                path.dcache)),
                            path);
  op->alternative_unexposed = latency::DmaWork(static_cast<double>(plan.filter_bytes));
}

}  // namespace

std::vector<latency::OpTerms> TinyopsTerms(const std::vector<kernels::OpWork>& works,
                                           const tinyops::Plan& plan,
                                           const latency::MemoryPath& path) {
  std::vector<latency::OpTerms> out;
  out.reserve(works.size());
  bool part0_prefetched = false;  // op 0's part 0 is enqueued by Invoke and waited for
  for (size_t i = 0; i < works.size(); ++i) {
    const kernels::OpWork& w = works[i];
    const tinyops::OpPlan& op = plan.ops[i];
    const tinyops::OpPlan* next = i + 1 < plan.ops.size() ? &plan.ops[i + 1] : nullptr;
    if (op.parts.empty()) {
      out.push_back(latency::SerialOp(w, latency::ExternalWork(w, path)));
      part0_prefetched = false;  // an unpartitioned op prefetches nothing
      continue;
    }
    PartitionedOp(w, op, next, part0_prefetched, path, &out.emplace_back());
    if (op.filter_overlaid) AddInPlaceFilter(w, op, path, &out.back());
    part0_prefetched = PrefetchedEarly(op, next);
  }
  return out;
}

}  // namespace placement
