#include "placement/schedule_modes.h"

namespace placement {

Fit PexMode::Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
                   const Deployment&) const {
  analysis::PexPlan plan = analysis::PlanPex(net);
  Fit fit = PlaceScheduled(id(), net, footprint, board,
                           WithInPlaceDepthwise(net, footprint, plan.live_bytes, 0, plan.kernel_calls));
  fit.plan = std::make_shared<PexModePlan>(std::move(plan));
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
