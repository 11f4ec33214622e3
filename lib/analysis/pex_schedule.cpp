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

// The number of ops of the block that starts at op i: 3 for expand 1x1 -> depthwise -> project
// 1x1, up to 5 with a PAD after the expand and after the depthwise (a runtime that keeps PAD
// ops; the MCUNet zoo files pad before every conv: a PAD pads each channel alone, so it slices
// like the depthwise); 0 when op i starts no block. Each op
// after the expand reads only the op before it, whose output no other op reads.
int BlockOps(const graph::Network& net, size_t i) {
  const auto pad_at = [&net](size_t k) { return k < net.ops.size() && net.ops[k].kind == OpKind::kPad; };
  if (!IsPointwise(net.ops[i])) return 0;
  const size_t d = pad_at(i + 1) ? i + 2 : i + 1;
  const size_t p = pad_at(d + 1) ? d + 2 : d + 1;
  if (p >= net.ops.size()) return 0;
  if (net.ops[d].kind != OpKind::kDepthwiseConv2d || !IsPointwise(net.ops[p])) return 0;
  for (size_t k = i + 1; k <= p; ++k) {
    const int previous = net.ops[k - 1].output;
    if (net.ops[k].inputs.empty() || net.ops[k].inputs[0] != previous ||
        ConsumerCount(net, previous) != 1 ||
        (net.ops[k].kind != OpKind::kPad && net.ops[k].inputs.size() != 1)) {
      return 0;
    }
  }
  return static_cast<int>(p + 1 - i);
}

// Live bytes at every step of the block of `ops` ops from op i with `slices`: the slices
// interleave (expand slice, [pad slice,] depthwise slice, project accumulation), so the block
// input, the whole project output and the slices of two consecutive expanded tensors coexist
// with whatever else is live at the expand step.
int64_t BlockPeak(const std::vector<int64_t>& live, const graph::Network& net,
                  const std::vector<int64_t>& bytes, size_t i, int ops, int slices) {
  const auto out_bytes = [&](size_t k) { return bytes[static_cast<size_t>(net.ops[k].output)]; };
  const auto slice = [slices](int64_t b) { return (b + slices - 1) / slices; };
  const size_t project = i + static_cast<size_t>(ops) - 1;
  int64_t pair = 0;
  for (size_t k = i; k + 1 < project; ++k) {
    pair = std::max(pair, slice(out_bytes(k)) + slice(out_bytes(k + 1)));
  }
  return live[i] - out_bytes(i) + pair + out_bytes(project);
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
    const int ops = BlockOps(net, i);
    if (ops == 0) continue;
    PexBlock b;
    b.expand_op = static_cast<int>(i);
    b.ops = ops;
    b.channels = net.output_shape(net.ops[i]).c;
    for (size_t k = i; k < i + static_cast<size_t>(ops); ++k) {
      b.peak_before_bytes = std::max(b.peak_before_bytes, peak.live_bytes[k]);
      in_block[k] = true;
    }
    plan.blocks.push_back(b);
    i += static_cast<size_t>(ops) - 1;
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
      const int64_t at = BlockPeak(peak.live_bytes, net, bytes, i, b.ops, s);
      if (at >= b.peak_bytes) continue;
      b.slices = s;
      b.peak_bytes = at;
    }
    if (b.slices == 1) continue;
    for (size_t k = i; k < i + static_cast<size_t>(b.ops); ++k) {
      plan.live_bytes[k] = b.peak_bytes;
      plan.kernel_calls[k] = b.slices;
    }
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
