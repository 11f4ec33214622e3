#pragma once
// The buffers alive at one step (`dse analyze` lists them): which tensors make up the
// peak activation memory of liveness.h.

#include <vector>

#include "analysis/liveness.h"
#include "graph/network.h"

namespace analysis {

/// The intervals of Lifetimes(net) alive at `step` (first_step <= step <= last_step), largest
/// first, ties by tensor id (so the order is stable). At PeakActivation::peak_step their bytes
/// sum to peak_bytes.
std::vector<Interval> LiveAtStep(const graph::Network& net, int step);

}  // namespace analysis
