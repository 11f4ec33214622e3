#include "placement/schedule_modes.h"

namespace placement {

Fit ReorderMode::Place(const graph::Network& net, const Footprint& footprint,
                       const hw::Board& board, const Deployment&) const {
  analysis::ReorderPlan plan = analysis::PlanReorder(net);
  Fit fit = PlaceScheduled(id(), net, footprint, board,
                           analysis::ComputePeak(analysis::Reordered(net, plan.order)).live_bytes);
  fit.plan = std::make_shared<ReorderModePlan>(std::move(plan));
  return fit;
}

// The same ops run, in another order: the internal mode's terms.
util::Result<std::vector<latency::OpTerms>> ReorderMode::LatencyTerms(
    const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
    const Fit&) const {
  return ScheduledTerms(net, runtime, board, {}, {});
}

}  // namespace placement
