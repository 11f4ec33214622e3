#pragma once
// explore op shares — where a network's predicted latency goes, per op class (paper Fig. 6,
// right), to set beside analysis::MacShares (Fig. 6, left). Classes are analysis::OpClass.

#include <string>
#include <vector>

#include "graph/network.h"
#include "latency/model.h"

namespace explore {

struct ClassLatencyShare {
  std::string op_class;       // analysis::OpClass of the ops summed
  double latency_cycles = 0;  // predicted cycles of those ops
  double share = 0;           // latency_cycles / the estimate's total cycles, 0..1
};

/// Predicted latency per op class of `estimate` (latency::Predict on `net`), largest first.
/// Ops of every class are summed, non-MAC ops included (pools, adds, reshapes: "other").
/// Shares are 0 when the estimate's total is 0.
std::vector<ClassLatencyShare> LatencyShares(const graph::Network& net,
                                             const latency::Estimate& estimate);

/// The display order of op classes, first at the bottom of a stacked bar: the stem, the
/// convolutions, depthwise by kernel size, squeeze-excite, the classifier, then the rest.
int OpClassRank(const std::string& op_class);

}  // namespace explore
