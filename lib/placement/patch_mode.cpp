#include <fmt/format.h>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "placement/schedule_modes.h"

namespace placement {
namespace {

const analysis::PatchPlan* PatchPlanOf(const Fit& fit) {
  const auto* p = dynamic_cast<const PatchModePlan*>(fit.plan.get());
  return p == nullptr ? nullptr : &p->plan();
}

}  // namespace

Fit PatchMode::Place(const graph::Network& net, const Footprint& footprint,
                     const hw::Board& board, const Deployment& d) const {
  std::optional<analysis::PatchPlan> plan;
  std::string why = fmt::format("{} has no stage that can run patch by patch", net.name);
  if (d.patch_split_units > 0 || d.patches > 0) {
    auto chosen = analysis::PlanPatches(net, {d.patch_split_units, d.patches});
    if (chosen) plan = std::move(chosen).value();
    else why = chosen.error().message;
  } else {
    // What the --runtime keeps beside the tensors: its kernel scratch (TFLM: what scratch adds
    // at the unscheduled peak; tinyengine / x-cube-ai: their static buffers) and its
    // persistent data.
    const bool static_scratch = footprint.sram.layout != "tflm" && !footprint.sram.layout.empty();
    const int64_t scratch = static_scratch
                                ? footprint.sram.scratch_bytes
                                : footprint.arena_bytes - footprint.peak_activation_bytes;
    plan = analysis::ChoosePatches(net, kPatchMaxMacOverhead,
                                   board.sram.size_bytes - board.sram.reserved_bytes - scratch -
                                       footprint.sram.persistent_bytes);
  }
  if (!plan) {
    Fit fit = PlaceScheduled(id(), net, footprint, board,
                             WithInPlaceDepthwise(net, footprint, analysis::ComputePeak(net).live_bytes));
    fit.violations.push_back({"patch schedule", 0, 0, why});
    fit.fits = false;
    return fit;
  }
  // The patch stage's live bytes count in-place depthwise already (MCUNetV2's rule).
  Fit fit = PlaceScheduled(id(), net, footprint, board,
                           WithInPlaceDepthwise(net, footprint, plan->live_bytes, plan->split_op));
  fit.plan = std::make_shared<PatchModePlan>(std::move(*plan));
  return fit;
}

util::Result<std::vector<latency::OpTerms>> PatchMode::LatencyTerms(
    const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
    const Fit& fit) const {
  const analysis::PatchPlan* plan = PatchPlanOf(fit);
  if (plan == nullptr) return ScheduledTerms(net, runtime, board, {}, {});
  std::vector<int> calls(net.ops.size(), 1);
  std::vector<double> scale(net.ops.size(), 1.0);
  const int p2 = plan->choice.patches * plan->choice.patches;
  for (int i = 0; i < plan->split_op; ++i) {
    const auto k = static_cast<size_t>(i);
    calls[k] = p2;
    const int64_t before = analysis::CountOp(net, net.ops[k]).macs;
    if (before > 0) scale[k] = static_cast<double>(plan->op_macs[k]) / static_cast<double>(before);
  }
  return ScheduledTerms(net, runtime, board, calls, scale);
}

}  // namespace placement
