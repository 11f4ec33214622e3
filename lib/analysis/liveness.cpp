#include "analysis/liveness.h"

#include <algorithm>

#include "analysis/cost.h"

namespace analysis {

std::vector<Interval> Lifetimes(const graph::Network& net) {
  const int n_tensors = static_cast<int>(net.tensors.size());
  std::vector<int> owner(static_cast<size_t>(n_tensors));
  for (int t = 0; t < n_tensors; ++t) owner[static_cast<size_t>(t)] = t;
  std::vector<int> first(static_cast<size_t>(n_tensors), -1);
  std::vector<int> last(static_cast<size_t>(n_tensors), -1);
  first[static_cast<size_t>(net.input)] = 0;
  last[static_cast<size_t>(net.input)] = 0;
  const int last_step = static_cast<int>(net.ops.size()) - 1;
  for (int step = 0; step <= last_step; ++step) {
    const graph::Op& op = net.ops[static_cast<size_t>(step)];
    for (int in : op.inputs) {
      const auto root = static_cast<size_t>(owner[static_cast<size_t>(in)]);
      last[root] = std::max(last[root], step);
    }
    if (op.kind == graph::OpKind::kReshape) {
      owner[static_cast<size_t>(op.output)] = owner[static_cast<size_t>(op.inputs[0])];
      continue;
    }
    first[static_cast<size_t>(op.output)] = step;
    last[static_cast<size_t>(op.output)] = step;
  }
  const auto out_root = static_cast<size_t>(owner[static_cast<size_t>(net.output)]);
  last[out_root] = std::max(last[out_root], last_step);

  std::vector<Interval> intervals;
  for (int t = 0; t < n_tensors; ++t) {
    if (first[static_cast<size_t>(t)] < 0 || owner[static_cast<size_t>(t)] != t) continue;
    intervals.push_back({t, TensorBytes(net, t), first[static_cast<size_t>(t)],
                         last[static_cast<size_t>(t)]});
  }
  return intervals;
}

PeakActivation ComputePeak(const graph::Network& net) {
  PeakActivation result;
  result.live_bytes.assign(net.ops.size(), 0);
  for (const Interval& iv : Lifetimes(net)) {
    for (int step = iv.first_step; step <= iv.last_step; ++step) {
      result.live_bytes[static_cast<size_t>(step)] += iv.bytes;
    }
  }
  for (size_t step = 0; step < result.live_bytes.size(); ++step) {
    if (result.live_bytes[step] > result.peak_bytes) {
      result.peak_bytes = result.live_bytes[step];
      result.peak_step = static_cast<int>(step);
    }
  }
  return result;
}

std::vector<int64_t> InPlaceDepthwiseSavings(const graph::Network& net) {
  std::vector<int64_t> saved(net.ops.size(), 0);
  std::vector<Interval> by_tensor(net.tensors.size());
  for (const Interval& iv : Lifetimes(net)) by_tensor[static_cast<size_t>(iv.tensor)] = iv;
  for (size_t d = 0; d < net.ops.size(); ++d) {
    const graph::Op& op = net.ops[d];
    if (op.kind != graph::OpKind::kDepthwiseConv2d || op.output == net.output) continue;
    const Interval& in = by_tensor[static_cast<size_t>(op.inputs[0])];
    if (in.bytes == 0 || in.last_step != static_cast<int>(d)) continue;  // read later, or aliased
    saved[d] = std::min(in.bytes, TensorBytes(net, op.output));
  }
  return saved;
}

}  // namespace analysis
