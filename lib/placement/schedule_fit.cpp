// What the schedule modes share: internal placement under a schedule's live bytes, the
// internal mode's latency terms adjusted per op, and the one-line description of a plan.

#include <algorithm>

#include "analysis/liveness.h"
#include "placement/memory_checks.h"
#include "placement/sram_layout.h"
#include "placement/schedule_modes.h"

namespace placement {
namespace {

// The runtime's scratch of op `i` as the footprint measured it; the default runtime's rules
// for a footprint built without them.
int64_t OpScratch(const graph::Network& net, const Footprint& footprint, size_t i) {
  if (i < footprint.op_scratch_bytes.size()) return footprint.op_scratch_bytes[i];
  return kernels::DefaultRuntime().ScratchBytes(net, net.ops[i]);
}

}  // namespace

PlannedNet::PlannedNet(const graph::Network& net, const Footprint& footprint) : net_(&net) {
  const auto layout = FindSramLayout(footprint.sram.layout);
  if (!layout.ok() || !layout.value()->folds_pads() || !graph::HasPad(net)) return;
  folded_ = &graph::FoldedPadsOf(net);  // the fold the layout's Plan already made
}

int PlannedNet::OriginalOp(int op) const {
  if (!folded_) return op;
  const auto k = static_cast<size_t>(op);
  return k < folded_->original_op.size() ? folded_->original_op[k]
                                         : static_cast<int>(folded_->folded_op.size());
}

int PlannedNet::FirstOriginalOp(int op) const {
  if (!folded_) return op;
  for (size_t i = 0; i < folded_->folded_op.size(); ++i) {
    if (folded_->folded_op[i] >= op) return static_cast<int>(i);
  }
  return static_cast<int>(folded_->folded_op.size());
}

bool PlannedNet::FoldedPad(int original_op) const {
  return folded_ && folded_->pad_folded[static_cast<size_t>(original_op)];
}

Fit PlaceScheduled(std::string_view mode, const graph::Network& net, const Footprint& footprint,
                   const hw::Board& board, const std::vector<int64_t>& live_bytes) {
  Footprint scheduled = footprint;
  scheduled.peak_activation_bytes = 0;
  scheduled.arena_bytes = 0;
  for (size_t i = 0; i < net.ops.size() && i < live_bytes.size(); ++i) {
    scheduled.peak_activation_bytes = std::max(scheduled.peak_activation_bytes, live_bytes[i]);
    const int64_t need = live_bytes[i] + OpScratch(net, footprint, i);
    if (need > scheduled.arena_bytes) {
      scheduled.arena_bytes = need;
      scheduled.arena_peak_op = static_cast<int>(i);
    }
  }
  // CheckInternal takes the SRAM from the layout's figures (Footprint::sram), which the
  // runtime's planner computed for the unscheduled network. Under a schedule the tensors are
  // the schedule's live bytes instead: the arena is its peak; the scratch is what the
  // runtime's per-op kernel scratch adds on top of it (TFLM: scratch buffers live for their op
  // only) or, for a layout whose scratch buffers are static (tinyengine, x-cube-ai: the largest
  // im2col + kernel buffer, whatever the op order), the layout's own scratch; the runtime's
  // persistent data is unchanged.
  const bool static_scratch = footprint.sram.layout != "tflm" && !footprint.sram.layout.empty();
  scheduled.sram.layout = std::string(mode);
  scheduled.sram.arena_bytes = scheduled.peak_activation_bytes;
  scheduled.sram.scratch_bytes = static_scratch
                                     ? footprint.sram.scratch_bytes
                                     : scheduled.arena_bytes - scheduled.peak_activation_bytes;
  scheduled.sram.peak_op = scheduled.arena_peak_op;
  Fit fit;
  fit.mode = std::string(mode);
  CheckInternal(scheduled, board, &fit);
  fit.fits = fit.violations.empty();
  return fit;
}

std::vector<int64_t> WithInPlaceDepthwise(const graph::Network& net, const Footprint& footprint,
                                          std::vector<int64_t> live_bytes, int from_op,
                                          const std::vector<int>& slices) {
  const auto layout = FindSramLayout(footprint.sram.layout);
  if (!layout.ok() || !layout.value()->in_place_depthwise()) return live_bytes;
  const std::vector<int64_t> saved = analysis::InPlaceDepthwiseSavings(net);
  for (size_t i = static_cast<size_t>(std::max(0, from_op)); i < saved.size() && i < live_bytes.size(); ++i) {
    const int64_t divisor = i < slices.size() ? std::max(1, slices[i]) : 1;
    live_bytes[i] -= saved[i] / divisor;
  }
  return live_bytes;
}

std::vector<latency::OpTerms> ScheduledTerms(const graph::Network& net,
                                             const kernels::Runtime& runtime,
                                             const hw::Board& board, const std::vector<int>& calls,
                                             const std::vector<double>& work_scale) {
  const latency::MemoryPath path = latency::PathOf(board);
  std::vector<latency::OpTerms> out;
  out.reserve(net.ops.size());
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const kernels::OpWork w = runtime.MeasureOp(net, net.ops[i]);
    latency::OpTerms t = latency::SerialOp(w, latency::FlashWork(w, path));
    if (i < work_scale.size() && work_scale[i] != 1.0) {
      latency::Terms compute{}, memory{};
      latency::AddScaled(&compute, t.compute, work_scale[i]);
      latency::AddScaled(&memory, t.memory, work_scale[i]);
      t.compute = compute;
      t.memory = memory;
    }
    t.compute[latency::kDispatchCycles] = i < calls.size() ? calls[i] : 1;
    out.push_back(std::move(t));
  }
  return out;
}

std::string DescribeSchedule(const Fit& fit) {
  if (const auto* p = dynamic_cast<const PatchModePlan*>(fit.plan.get())) {
    return analysis::DescribePatchPlan(p->plan());
  }
  if (const auto* p = dynamic_cast<const ReorderModePlan*>(fit.plan.get())) {
    return analysis::DescribeReorderPlan(p->plan());
  }
  if (const auto* p = dynamic_cast<const PexModePlan*>(fit.plan.get())) {
    return analysis::DescribePexPlan(p->plan());
  }
  return "";
}

}  // namespace placement
