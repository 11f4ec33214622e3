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

// `plan` (of planned.net()) with its per-op vectors and op indices in the original network's;
// a folded PAD has no MACs of its own.
analysis::PatchPlan OnOriginal(analysis::PatchPlan plan, const PlannedNet& planned) {
  plan.live_bytes = planned.ToOriginal(plan.live_bytes);
  plan.op_macs = planned.ToOriginal(plan.op_macs);
  for (size_t i = 0; i < plan.op_macs.size(); ++i) {
    if (planned.FoldedPad(static_cast<int>(i))) plan.op_macs[i] = 0;
  }
  plan.split_op = planned.FirstOriginalOp(plan.split_op);
  plan.peak_op = planned.OriginalOp(plan.peak_op);
  return plan;
}

// The plan the deployment asks for, or the one chosen for the board; the ops after the stage
// run per layer with their tensors as they live (liveness, residual inputs included) and the
// layout's in-place depthwise (MCUNetV2's own per-layer rule runs every depthwise in place and
// drops residual inputs, which the runtime's layout does not).
std::optional<analysis::PatchPlan> ChoosePlan(const graph::Network& net,
                                              const Footprint& footprint, const hw::Board& board,
                                              const Deployment& d, std::string* why) {
  const std::vector<int64_t> rest =
      WithInPlaceDepthwise(net, footprint, analysis::ComputePeak(net).live_bytes);
  if (d.patch_split_units > 0 || d.patches > 0) {
    auto chosen = analysis::PlanPatches(net, {d.patch_split_units, d.patches}, rest);
    if (chosen) return std::move(chosen).value();
    *why = chosen.error().message;
    return std::nullopt;
  }
  // What the --runtime keeps beside the tensors: its kernel scratch (TFLM: what scratch adds
  // at the unscheduled peak; tinyengine / x-cube-ai: their static buffers) and its persistent
  // data.
  const bool static_scratch = footprint.sram.layout != "tflm" && !footprint.sram.layout.empty();
  const int64_t scratch = static_scratch ? footprint.sram.scratch_bytes
                                         : footprint.arena_bytes - footprint.peak_activation_bytes;
  return analysis::ChoosePatches(net, kPatchMaxMacOverhead,
                                 board.sram.size_bytes - board.sram.reserved_bytes - scratch -
                                     footprint.sram.persistent_bytes,
                                 rest);
}

}  // namespace

Fit PatchMode::Place(const graph::Network& net, const Footprint& footprint,
                     const hw::Board& board, const Deployment& d) const {
  const PlannedNet planned(net, footprint);
  std::string why = fmt::format("{} has no stage that can run patch by patch", net.name);
  const std::optional<analysis::PatchPlan> plan = ChoosePlan(planned.net(), footprint, board, d, &why);
  if (!plan) {
    const std::vector<int64_t> live = WithInPlaceDepthwise(
        planned.net(), footprint, analysis::ComputePeak(planned.net()).live_bytes);
    Fit fit = PlaceScheduled(id(), net, footprint, board, planned.ToOriginal(live));
    fit.violations.push_back({"patch schedule", 0, 0, why});
    fit.fits = false;
    return fit;
  }
  // The patch stage: the plan's per-patch bytes (MCUNetV2's rule, in-place depthwise counted);
  // the rest: ChoosePlan's.
  Fit fit = PlaceScheduled(id(), net, footprint, board, planned.ToOriginal(plan->live_bytes));
  fit.plan = std::make_shared<PatchModePlan>(OnOriginal(*plan, planned));
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
