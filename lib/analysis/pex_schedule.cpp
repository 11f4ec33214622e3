#include "analysis/pex_schedule.h"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/liveness.h"
#include "graph/network_memo.h"

namespace analysis {
namespace {

using graph::OpKind;

int ConsumerCount(const graph::Network& net, int tensor) {
  int n = 0;
  for (const graph::Op& op : net.ops) n += static_cast<int>(std::count(op.inputs.begin(), op.inputs.end(), tensor));
  return n;
}

bool IsPointwise(const graph::Op& op) {
  return op.kind == OpKind::kConv2d && op.kernel_h == 1 && op.kernel_w == 1 &&
         op.stride_h == 1 && op.stride_w == 1;
}

// True when ops i, i+1, i+2 are expand 1x1 -> depthwise -> project 1x1 with private
// intermediate tensors.
bool IsBlock(const graph::Network& net, size_t i) {
  if (i + 2 >= net.ops.size()) return false;
  const graph::Op& e = net.ops[i];
  const graph::Op& d = net.ops[i + 1];
  const graph::Op& p = net.ops[i + 2];
  return IsPointwise(e) && d.kind == OpKind::kDepthwiseConv2d && IsPointwise(p) &&
         d.inputs.size() == 1 && d.inputs[0] == e.output && p.inputs.size() == 1 &&
         p.inputs[0] == d.output && ConsumerCount(net, e.output) == 1 &&
         ConsumerCount(net, d.output) == 1;
}

// Live bytes at every step of the block with `slices`: the slices interleave (expand slice,
// depthwise slice, project accumulation), so the block input, the whole project output and one
// slice of each expanded tensor coexist with whatever else is live at the expand step.
int64_t BlockPeak(const std::vector<int64_t>& live, const graph::Network& net,
                  const std::vector<int64_t>& bytes, size_t i, int slices) {
  const int64_t e = bytes[static_cast<size_t>(net.ops[i].output)];
  const int64_t d = bytes[static_cast<size_t>(net.ops[i + 1].output)];
  const int64_t out = bytes[static_cast<size_t>(net.ops[i + 2].output)];
  const auto slice = [slices](int64_t b) { return (b + slices - 1) / slices; };
  return live[i] - e + slice(e) + slice(d) + out;
}

}  // namespace

int PexPlan::split_blocks() const {
  return static_cast<int>(std::count_if(blocks.begin(), blocks.end(),
                                        [](const PexBlock& b) { return b.slices > 1; }));
}

namespace {

PexPlan PlanPexOnce(const graph::Network& net) {
  PexPlan plan;
  const PeakActivation peak = ComputePeak(net);
  plan.peak_before_bytes = peak.peak_bytes;
  plan.live_bytes = peak.live_bytes;
  plan.kernel_calls.assign(net.ops.size(), 1);
  std::vector<int64_t> bytes(net.tensors.size(), 0);
  for (const Interval& iv : Lifetimes(net)) bytes[static_cast<size_t>(iv.tensor)] = iv.bytes;
  std::vector<bool> in_block(net.ops.size(), false);
  for (size_t i = 0; i < net.ops.size(); ++i) {
    if (!IsBlock(net, i)) continue;
    PexBlock b;
    b.expand_op = static_cast<int>(i);
    b.channels = net.output_shape(net.ops[i]).c;
    b.peak_before_bytes = std::max({peak.live_bytes[i], peak.live_bytes[i + 1], peak.live_bytes[i + 2]});
    plan.blocks.push_back(b);
    in_block[i] = in_block[i + 1] = in_block[i + 2] = true;
    i += 2;
  }
  int64_t floor_bytes = 0;  // the peak the rest of the net imposes anyway
  for (size_t i = 0; i < net.ops.size(); ++i) {
    if (!in_block[i]) floor_bytes = std::max(floor_bytes, peak.live_bytes[i]);
  }
  for (PexBlock& b : plan.blocks) {
    const auto i = static_cast<size_t>(b.expand_op);
    b.peak_bytes = b.peak_before_bytes;
    for (int s = 2; s <= b.channels && b.peak_bytes > floor_bytes; ++s) {
      if (b.channels % s != 0) continue;
      const int64_t at = BlockPeak(peak.live_bytes, net, bytes, i, s);
      if (at >= b.peak_bytes) continue;
      b.slices = s;
      b.peak_bytes = at;
    }
    if (b.slices == 1) continue;
    for (size_t k = i; k < i + 3; ++k) plan.live_bytes[k] = b.peak_bytes;
    for (size_t k = i; k < i + 3; ++k) plan.kernel_calls[k] = b.slices;
  }
  for (size_t s = 0; s < plan.live_bytes.size(); ++s) {
    if (plan.live_bytes[s] > plan.peak_bytes) {
      plan.peak_bytes = plan.live_bytes[s];
      plan.peak_op = static_cast<int>(s);
    }
  }
  return plan;
}

struct PexTag {};

}  // namespace

// The plan depends on the network only: memoised for the next call with an equal network.
PexPlan PlanPex(const graph::Network& net) {
  return graph::MemoOnNetwork<PexTag>(net, PlanPexOnce);
}

std::string DescribePexPlan(const PexPlan& plan) {
  int lo = 0, hi = 0;
  for (const PexBlock& b : plan.blocks) {
    if (b.slices == 1) continue;
    lo = lo == 0 ? b.slices : std::min(lo, b.slices);
    hi = std::max(hi, b.slices);
  }
  return fmt::format("{} of {} inverted-residual blocks split by channel (slices {}-{}); peak {} B "
                     "-> {} B; MACs unchanged, kernel calls x slices",
                     plan.split_blocks(), plan.blocks.size(), lo, hi, plan.peak_before_bytes,
                     plan.peak_bytes);
}

}  // namespace analysis
