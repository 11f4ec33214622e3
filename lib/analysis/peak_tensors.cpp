#include "analysis/peak_tensors.h"

#include <algorithm>

namespace analysis {

std::vector<Interval> LiveAtStep(const graph::Network& net, int step) {
  std::vector<Interval> live;
  for (const Interval& in : Lifetimes(net)) {
    if (in.first_step <= step && step <= in.last_step) live.push_back(in);
  }
  std::sort(live.begin(), live.end(), [](const Interval& a, const Interval& b) {
    return a.bytes != b.bytes ? a.bytes > b.bytes : a.tensor < b.tensor;
  });
  return live;
}

}  // namespace analysis
