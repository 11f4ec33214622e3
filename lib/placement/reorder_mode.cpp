#include "graph/network_memo.h"
#include "placement/schedule_modes.h"

namespace placement {
namespace {

// The plan and the live bytes per op in its order; they depend on the network only, so they
// are memoised for the next call with an equal network (the sweep's next board).
struct Reordering {
  analysis::ReorderPlan plan;
  std::vector<int64_t> live_bytes;
};
struct ReorderTag {};

Reordering ReorderingOf(const graph::Network& net) {
  Reordering r{analysis::PlanReorder(net), {}};
  r.live_bytes = analysis::ComputePeak(analysis::Reordered(net, r.plan.order)).live_bytes;
  return r;
}

}  // namespace

Fit ReorderMode::Place(const graph::Network& net, const Footprint& footprint,
                       const hw::Board& board, const Deployment&) const {
  const Reordering& r = graph::MemoOnNetwork<ReorderTag>(net, ReorderingOf);
  Fit fit = PlaceScheduled(id(), net, footprint, board, r.live_bytes);
  fit.plan = std::make_shared<ReorderModePlan>(r.plan);
  return fit;
}

// The same ops run, in another order: the internal mode's terms.
util::Result<std::vector<latency::OpTerms>> ReorderMode::LatencyTerms(
    const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
    const Fit&) const {
  return ScheduledTerms(net, runtime, board, {}, {});
}

}  // namespace placement
