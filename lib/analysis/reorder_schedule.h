#pragma once
// Operator reordering (Liberis & Lane, arXiv 1910.05110; the exact search of eliberis/tflite-tools,
// reference memory_schedules.md §2). Working back from the network output, a working set S of
// tensors that must exist is reduced by "un-applying" the producer of one tensor t of S that no
// other tensor of S depends on: mem(S) = min over such t of max(mem(S - {t} + inputs(t)),
// bytes(S + inputs(t))), memoised on S; a set of graph inputs costs its bytes. The argmin chain,
// reversed, is the op order with the lowest peak of live bytes. Exact, exponential in the graph's
// width in the worst case (the search stops at kMaxReorderStates and keeps the file order). Only
// branching graphs gain: a chain, or MobileNet-style blocks with identity adds, has one legal order.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/network.h"

namespace analysis {

/// Working sets the search may memoise before giving up.
inline constexpr int kMaxReorderStates = 200'000;

struct ReorderPlan {
  std::vector<int> order;          // op indices of `net` in the chosen execution order
  bool changed = false;            // order differs from the file order and lowers the peak
  bool searched = true;            // false when the search gave up (order = file order)
  int states = 0;                  // working sets memoised
  int64_t peak_before_bytes = 0;   // ComputePeak in file order
  int64_t peak_bytes = 0;          // ComputePeak in the chosen order (never above before)
};

/// The best op order of `net` (the file order when nothing is lower).
ReorderPlan PlanReorder(const graph::Network& net);

/// `net` with its ops in `order` (tensor ids unchanged). Contract: `order` is a valid
/// topological order of net's ops, as PlanReorder returns.
graph::Network Reordered(const graph::Network& net, const std::vector<int>& order);

/// One line: "order unchanged: the graph is a chain (one legal order); peak 55296 B" or
/// "12 ops moved; peak 61440 B -> 49152 B".
std::string DescribeReorderPlan(const ReorderPlan& plan);

}  // namespace analysis
