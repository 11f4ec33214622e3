#include "placement/schedule_modes.h"

namespace placement {
namespace {

// `plan` (of planned.net()) with its per-op vectors and op indices in the original network's.
analysis::PexPlan OnOriginal(analysis::PexPlan plan, const PlannedNet& planned) {
  plan.live_bytes = planned.ToOriginal(plan.live_bytes);
  plan.kernel_calls = planned.ToOriginal(plan.kernel_calls);
  plan.peak_op = planned.OriginalOp(plan.peak_op);
  for (analysis::PexBlock& b : plan.blocks) {
    const int last = planned.OriginalOp(b.expand_op + b.ops - 1);
    b.expand_op = planned.OriginalOp(b.expand_op);
    b.ops = last - b.expand_op + 1;  // a folded PAD inside the block counts again
  }
  return plan;
}

}  // namespace

Fit PexMode::Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
                   const Deployment&) const {
  const PlannedNet planned(net, footprint);
  const analysis::PexPlan plan = analysis::PlanPex(planned.net());
  const std::vector<int64_t> live =
      WithInPlaceDepthwise(planned.net(), footprint, plan.live_bytes, 0, plan.kernel_calls);
  Fit fit = PlaceScheduled(id(), net, footprint, board, planned.ToOriginal(live));
  fit.plan = std::make_shared<PexModePlan>(OnOriginal(plan, planned));
  return fit;
}

// MACs are unchanged; each op of a split block is called once per slice.
util::Result<std::vector<latency::OpTerms>> PexMode::LatencyTerms(
    const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
    const Fit& fit) const {
  const auto* p = dynamic_cast<const PexModePlan*>(fit.plan.get());
  return ScheduledTerms(net, runtime, board, p ? p->plan().kernel_calls : std::vector<int>{}, {});
}

}  // namespace placement
