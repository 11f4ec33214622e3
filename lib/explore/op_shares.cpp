#include "explore/op_shares.h"

#include <algorithm>
#include <map>

#include "analysis/cost.h"

namespace explore {

std::vector<ClassLatencyShare> LatencyShares(const graph::Network& net,
                                             const latency::Estimate& estimate) {
  std::map<std::string, double> cycles;
  double total_cycles = 0;
  for (const latency::OpLatency& op : estimate.ops) {
    cycles[analysis::OpClass(net.ops[static_cast<size_t>(op.op)])] += op.total_cycles;
    total_cycles += op.total_cycles;
  }
  std::vector<ClassLatencyShare> shares;
  for (const auto& [op_class, c] : cycles) {
    shares.push_back({op_class, c, total_cycles > 0 ? c / total_cycles : 0});
  }
  std::stable_sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) {
    return a.latency_cycles > b.latency_cycles;
  });
  return shares;
}

int OpClassRank(const std::string& op_class) {
  static const std::vector<std::string> kOrder = {"stem",  "conv1x1", "conv_kxk", "dw3x3", "dw5x5",
                                                  "dw7x7", "se",      "fc",       "other"};
  const auto it = std::find(kOrder.begin(), kOrder.end(), op_class);
  // Ranks are even; any other depthwise kernel gets the odd rank after dw7x7's.
  if (it != kOrder.end()) return 2 * static_cast<int>(it - kOrder.begin());
  return op_class.rfind("dw", 0) == 0 ? 11 : 2 * static_cast<int>(kOrder.size());
}

}  // namespace explore
