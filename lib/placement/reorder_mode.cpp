#include <algorithm>

#include "graph/network_memo.h"
#include "placement/schedule_modes.h"

namespace placement {
namespace {

// The plan and the live bytes per op in its order; they depend on the network only, so they
// are memoised for the next call with an equal network (the sweep's next board).
struct Reordering {
  analysis::ReorderPlan plan;
  graph::Network reordered;  // the ops in the plan's order
  std::vector<int64_t> live_bytes;
};
struct ReorderTag {};

Reordering ReorderingOf(const graph::Network& net) {
  Reordering r{analysis::PlanReorder(net), {}, {}};
  r.reordered = analysis::Reordered(net, r.plan.order);
  r.live_bytes = analysis::ComputePeak(r.reordered).live_bytes;
  return r;
}

}  // namespace

Fit ReorderMode::Place(const graph::Network& net, const Footprint& footprint,
                       const hw::Board& board, const Deployment&) const {
  const PlannedNet planned(net, footprint);
  const Reordering& r = graph::MemoOnNetwork<ReorderTag>(planned.net(), ReorderingOf);
  // Live bytes and each op's scratch in the plan's order (the scratch of the op of `net` that
  // each planned op is).
  Footprint in_order = footprint;
  const size_t measured = footprint.op_scratch_bytes.size();  // 0 for a footprint without them
  in_order.op_scratch_bytes.resize(std::min(measured, r.plan.order.size()));
  for (size_t i = 0; i < r.plan.order.size() && i < measured; ++i) {
    const auto from = static_cast<size_t>(planned.OriginalOp(r.plan.order[i]));
    in_order.op_scratch_bytes[i] = from < measured ? footprint.op_scratch_bytes[from] : 0;
  }
  Fit fit = PlaceScheduled(id(), r.reordered, in_order, board,
                           WithInPlaceDepthwise(r.reordered, footprint, r.live_bytes));
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
