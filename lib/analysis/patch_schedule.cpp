#include "analysis/patch_schedule.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "graph/network_memo.h"

namespace analysis {
namespace {

using graph::OpKind;

struct Region {
  int h = 0;
  int w = 0;
};

// The first op index not in the patch stage of `split_units`: the stem (ops before the first
// block) plus blocks 0 .. split_units - 2. -1 when the net has fewer units.
int SplitOp(const graph::Network& net, int split_units) {
  const int last_block = split_units - 2;
  int max_block = -1;
  for (const graph::Op& op : net.ops) max_block = std::max(max_block, op.block);
  if (split_units < 1 || last_block > max_block) return -1;
  bool seen_block = false;
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const graph::Op& op = net.ops[i];
    if (op.block >= 0) seen_block = true;
    const bool in_stage = op.block >= 0 ? op.block <= last_block : !seen_block;
    if (!in_stage) return i == 0 ? -1 : static_cast<int>(i);
  }
  return -1;
}

bool Patchable(const graph::Network& net, const graph::Op& op) {
  switch (op.kind) {
    case OpKind::kConv2d:
    case OpKind::kDepthwiseConv2d:
    case OpKind::kAdd:
    case OpKind::kPad:
      return true;
    case OpKind::kAveragePool:
    case OpKind::kMaxPool:
      return net.output_shape(op).h > 1;  // windowed, not global
    default:
      return false;
  }
}

// The one tensor ops [0, split_op) hand to the rest; -1 when there is not exactly one or an op
// of the stage cannot run on a tile.
int StageOutput(const graph::Network& net, int split_op) {
  std::vector<bool> in_stage(net.tensors.size(), false);
  for (int i = 0; i < split_op; ++i) {
    if (!Patchable(net, net.ops[static_cast<size_t>(i)])) return -1;
    in_stage[static_cast<size_t>(net.ops[static_cast<size_t>(i)].output)] = true;
  }
  int out = -1;
  for (size_t i = static_cast<size_t>(split_op); i < net.ops.size(); ++i) {
    for (int t : net.ops[i].inputs) {
      if (t == net.input) return -1;  // the image itself crosses the split
      if (!in_stage[static_cast<size_t>(t)]) continue;
      if (out >= 0 && out != t) return -1;
      out = t;
    }
  }
  return out;
}

// Rows (or columns) [lo, hi) one tile needs of a tensor.
struct Span {
  int lo = 0, hi = 0;
};

// Per tensor: the largest tile span and the sum of the spans over tiles, along one axis.
struct AxisSize {
  std::vector<int> max, sum;
};

// Along one axis (`rows`: H, else W), per tile the span of every stage tensor, grown backwards
// from the tile of the stage output through each windowed op (its padding, stride and kernel)
// and each PAD op (shifted by its top / left padding: the padded rows are made, not read) and
// clipped to the tensor: border tiles need no halo beyond the image. Returns per tensor the
// largest span and the sum of the spans over the p tiles (0 for a tensor not in `stage`, the
// tensors ops [0, split_op) read or write).
AxisSize Sizes(const graph::Network& net, int split_op, int stage_output, const std::vector<int>& stage,
               int p, bool rows) {
  const auto extent = [rows](const graph::Shape& s) { return rows ? s.h : s.w; };
  const size_t nt = net.tensors.size();
  const int full = extent(net.tensor(stage_output).shape);
  const int tile = (full + p - 1) / p;
  AxisSize a{std::vector<int>(nt, 0), std::vector<int>(nt, 0)};
  std::vector<Span> need(nt);
  for (int i = 0; i < p; ++i) {
    for (int t : stage) need[static_cast<size_t>(t)] = Span{0, -1};
    need[static_cast<size_t>(stage_output)] = {std::min(i * tile, full), std::min((i + 1) * tile, full)};
    for (int k = split_op - 1; k >= 0; --k) {
      const graph::Op& op = net.ops[static_cast<size_t>(k)];
      const Span out = need[static_cast<size_t>(op.output)];
      if (out.hi <= out.lo) continue;
      for (int t : op.inputs) {
        Span r = out;
        const int pad = rows ? op.padding.top : op.padding.left;
        if (op.kind == OpKind::kPad) {
          r = {out.lo - pad, out.hi - pad};  // output row y is input row y - top
        } else if (op.kind != OpKind::kAdd) {
          const int stride = rows ? op.stride_h : op.stride_w;
          const int kernel = rows ? op.kernel_h : op.kernel_w;
          r = {out.lo * stride - pad, (out.hi - 1) * stride - pad + kernel};
        }
        r = {std::max(r.lo, 0), std::min(r.hi, extent(net.tensor(t).shape))};
        Span& n = need[static_cast<size_t>(t)];
        n = n.hi < n.lo ? r : Span{std::min(n.lo, r.lo), std::max(n.hi, r.hi)};
      }
    }
    for (int s : stage) {
      const auto t = static_cast<size_t>(s);
      const int len = std::max(0, need[t].hi - need[t].lo);
      a.max[t] = std::max(a.max[t], len);
      a.sum[t] += len;
    }
  }
  return a;
}

int64_t Scaled(int64_t value, const graph::Shape& full, Region r) {
  return value * r.h * r.w / std::max<int64_t>(1, int64_t{full.h} * full.w);
}

// MCUNetV2's analytic memory of one op (§4 "Memory profiling"): its inputs + its output; a
// depthwise conv runs in place (TinyEngine), so only the larger of its input and output counts.
int64_t OpBytes(const graph::Op& op, const std::vector<int64_t>& bytes) {
  const int64_t out = bytes[static_cast<size_t>(op.output)];
  if (op.kind == OpKind::kReshape) return out;
  if (op.kind == OpKind::kDepthwiseConv2d) {
    return std::max(bytes[static_cast<size_t>(op.inputs[0])], out);
  }
  int64_t total = out;
  for (size_t i = 0; i < op.inputs.size(); ++i) {
    const bool repeated =
        std::find(op.inputs.begin(), op.inputs.begin() + static_cast<long>(i), op.inputs[i]) !=
        op.inputs.begin() + static_cast<long>(i);
    if (!repeated) total += bytes[static_cast<size_t>(op.inputs[i])];
  }
  return total;
}

int Nearest(const std::vector<int>& valid, int wanted) {
  return *std::min_element(valid.begin(), valid.end(), [wanted](int a, int b) {
    return std::abs(a - wanted) < std::abs(b - wanted);
  });
}

}  // namespace

namespace {

// A valid split: n, the first op after the patch stage and the tensor the stage hands on.
struct Split {
  int units = 0;
  int split_op = 0;
  int stage_output = -1;
  std::vector<int> stage;  // the tensors ops [0, split_op) read or write, ascending
  bool square = false;     // H and W alike in every stage tensor and op: the W spans are the H spans
};

bool Square(const graph::Network& net, int split_op, const std::vector<int>& stage) {
  for (int t : stage) {
    if (net.tensor(t).shape.h != net.tensor(t).shape.w) return false;
  }
  for (int i = 0; i < split_op; ++i) {
    const graph::Op& op = net.ops[static_cast<size_t>(i)];
    if (op.kernel_h != op.kernel_w || op.stride_h != op.stride_w ||
        op.padding.top != op.padding.left) {
      return false;
    }
  }
  return true;
}

std::vector<int> StageTensors(const graph::Network& net, int split_op) {
  std::vector<int> out;
  for (int i = 0; i < split_op; ++i) {
    const graph::Op& op = net.ops[static_cast<size_t>(i)];
    out.push_back(op.output);
    out.insert(out.end(), op.inputs.begin(), op.inputs.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<Split> Splits(const graph::Network& net) {
  std::vector<Split> out;
  for (int n = 1;; ++n) {
    const int split_op = SplitOp(net, n);
    if (split_op < 0) break;
    const int stage = StageOutput(net, split_op);
    if (stage >= 0 && net.tensor(stage).shape.h >= 2) {
      std::vector<int> tensors = StageTensors(net, split_op);
      const bool square = Square(net, split_op, tensors);
      out.push_back({n, split_op, stage, std::move(tensors), square});
    }
  }
  return out;
}

// What every plan of one network shares, computed once: per op its MACs and per-layer bytes,
// per tensor its whole bytes.
struct NetFacts {
  std::vector<int64_t> op_macs, per_layer, whole;
  int64_t macs = 0;
  int64_t peak_before_bytes = 0;
  explicit NetFacts(const graph::Network& net) {
    for (size_t t = 0; t < net.tensors.size(); ++t) {
      whole.push_back(TensorBytes(net, static_cast<int>(t)));
    }
    for (const graph::Op& op : net.ops) {
      op_macs.push_back(CountOp(net, op).macs);
      macs += op_macs.back();
      per_layer.push_back(OpBytes(op, whole));
    }
    if (!per_layer.empty()) peak_before_bytes = *std::max_element(per_layer.begin(), per_layer.end());
  }
};

// The plan of a valid split and patch count; `rest_live` (empty: MCUNetV2's per-layer rule)
// gives the live bytes of the ops after the stage.
PatchPlan PlanAt(const graph::Network& net, const NetFacts& facts, const Split& split, int patches,
                 const std::vector<int64_t>& rest_live) {
  PatchPlan plan;
  plan.choice = {split.units, patches};
  plan.split_op = split.split_op;
  plan.stage_output = split.stage_output;
  const size_t nt = net.tensors.size();
  const AxisSize hs = Sizes(net, plan.split_op, plan.stage_output, split.stage, patches, true);
  const AxisSize ws = split.square
                          ? hs : Sizes(net, plan.split_op, plan.stage_output, split.stage, patches, false);
  plan.input_patch_h = hs.max[static_cast<size_t>(net.input)];
  plan.input_patch_w = ws.max[static_cast<size_t>(net.input)];
  plan.macs_before = facts.macs;
  plan.op_macs = facts.op_macs;
  plan.macs = facts.macs;
  for (size_t i = 0; i < static_cast<size_t>(plan.split_op); ++i) {
    const graph::Op& op = net.ops[i];
    const auto o = static_cast<size_t>(op.output);
    const int64_t patched = Scaled(facts.op_macs[i], net.output_shape(op), {hs.sum[o], ws.sum[o]});
    plan.stage_macs_before += facts.op_macs[i];
    plan.stage_macs += patched;
    plan.macs += patched - facts.op_macs[i];
    plan.op_macs[i] = patched;
  }
  std::vector<int64_t> tile(nt, 0);  // only the stage's tensors are read
  for (int s : split.stage) {
    const auto t = static_cast<size_t>(s);
    tile[t] = static_cast<int>(t) == plan.stage_output
                  ? facts.whole[t]
                  : Scaled(facts.whole[t], net.tensor(static_cast<int>(t)).shape, {hs.max[t], ws.max[t]});
  }
  plan.live_bytes = facts.per_layer;
  for (size_t s = 0; s < static_cast<size_t>(plan.split_op); ++s) {
    plan.live_bytes[s] = OpBytes(net.ops[s], tile);
    if (net.ops[s].output != plan.stage_output) {
      plan.live_bytes[s] += facts.whole[static_cast<size_t>(plan.stage_output)];
    }
  }
  for (size_t s = static_cast<size_t>(plan.split_op); s < rest_live.size(); ++s) {
    plan.live_bytes[s] = rest_live[s];
  }
  plan.peak_before_bytes = facts.peak_before_bytes;
  for (size_t s = 0; s < plan.live_bytes.size(); ++s) {
    int64_t& part = static_cast<int>(s) < plan.split_op ? plan.stage_peak_bytes : plan.rest_peak_bytes;
    part = std::max(part, plan.live_bytes[s]);
    if (plan.live_bytes[s] > plan.peak_bytes) {
      plan.peak_bytes = plan.live_bytes[s];
      plan.peak_op = static_cast<int>(s);
    }
  }
  return plan;
}

}  // namespace

std::vector<int> PatchSplitChoices(const graph::Network& net) {
  std::vector<int> out;
  for (const Split& s : Splits(net)) out.push_back(s.units);
  return out;
}

std::vector<int> PatchCountChoices(const graph::Network& net, int split_units) {
  std::vector<int> out;
  const int split_op = SplitOp(net, split_units);
  if (split_op < 0) return out;
  const int stage = StageOutput(net, split_op);
  if (stage < 0) return out;
  for (int p = 2; p <= net.tensor(stage).shape.h; ++p) out.push_back(p);
  return out;
}

util::Result<PatchPlan> PlanPatches(const graph::Network& net, PatchChoice choice,
                                    const std::vector<int64_t>& rest_live_bytes) {
  const std::vector<int> splits = PatchSplitChoices(net);
  if (splits.empty()) {
    return util::InputError(fmt::format("--split: {} has no stage that can run patch by patch",
                                        net.name));
  }
  if (std::find(splits.begin(), splits.end(), choice.split_units) == splits.end()) {
    return util::InputError(fmt::format(
        "--split {}: {} cannot split there (nearest valid split: {}; valid: {})",
        choice.split_units, net.name, Nearest(splits, choice.split_units), fmt::join(splits, ", ")));
  }
  const std::vector<int> counts = PatchCountChoices(net, choice.split_units);
  if (std::find(counts.begin(), counts.end(), choice.patches) == counts.end()) {
    return util::InputError(fmt::format(
        "--patches {}: the stage output of split {} has {} rows (nearest valid patch count: {}; "
        "valid: 2..{})", choice.patches, choice.split_units, counts.back(),
        Nearest(counts, choice.patches), counts.back()));
  }
  const int split_op = SplitOp(net, choice.split_units);
  const int stage = StageOutput(net, split_op);
  std::vector<int> tensors = StageTensors(net, split_op);
  const bool square = Square(net, split_op, tensors);
  return PlanAt(net, NetFacts(net), {choice.split_units, split_op, stage, std::move(tensors), square},
                choice.patches, rest_live_bytes);
}

namespace {

// What ChoosePatches weighs of one (n, p <= 8) plan.
struct Candidate {
  size_t split = 0;  // index into PatchSpace::splits
  int patches = 0;
  int64_t peak_bytes = 0;        // under MCUNetV2's per-layer rule for the rest
  int64_t stage_peak_bytes = 0;
  int64_t macs = 0;
  double mac_overhead = 0;
};

// Every (n, p <= 8) of a network in ascending order, with what its plans share.
struct PatchSpace {
  std::vector<Split> splits;
  std::optional<NetFacts> facts;
  std::vector<Candidate> candidates;
};

PatchSpace SpaceOf(const graph::Network& net) {
  PatchSpace space;
  space.splits = Splits(net);
  if (space.splits.empty()) return space;
  space.facts.emplace(net);
  for (size_t s = 0; s < space.splits.size(); ++s) {
    const int max_p = std::min(8, net.tensor(space.splits[s].stage_output).shape.h);
    for (int p = 2; p <= max_p; ++p) {
      const PatchPlan plan = PlanAt(net, *space.facts, space.splits[s], p, {});
      space.candidates.push_back(
          {s, p, plan.peak_bytes, plan.stage_peak_bytes, plan.macs, plan.mac_overhead()});
    }
  }
  return space;
}

struct PatchSpaceTag {};

}  // namespace

// Every (n, p <= 8) in ascending order, keeping the first of equal candidates. The candidates
// depend on the network only: they are memoised for the next call with an equal network (the
// sweep's next board).
std::optional<PatchPlan> ChoosePatches(const graph::Network& net, double max_mac_overhead,
                                       int64_t target_peak_bytes,
                                       const std::vector<int64_t>& rest_live_bytes) {
  const PatchSpace& space = graph::MemoOnNetwork<PatchSpaceTag>(net, SpaceOf);
  // The rest's peak from each op on, when the caller gives the rest's live bytes.
  std::vector<int64_t> rest_from(rest_live_bytes.size() + 1, 0);
  for (size_t i = rest_live_bytes.size(); i-- > 0;) {
    rest_from[i] = std::max(rest_from[i + 1], rest_live_bytes[i]);
  }
  const auto peak_of = [&](const Candidate& c) {
    if (rest_live_bytes.empty()) return c.peak_bytes;
    const auto split = static_cast<size_t>(space.splits[c.split].split_op);
    return std::max(c.stage_peak_bytes, rest_from[std::min(split, rest_live_bytes.size())]);
  };
  const Candidate* lowest = nullptr;
  int64_t lowest_peak = 0;
  const Candidate* cheapest_fitting = nullptr;
  for (const Candidate& c : space.candidates) {
    const int64_t peak = peak_of(c);
    if (c.mac_overhead <= max_mac_overhead && (!lowest || peak < lowest_peak)) {
      lowest = &c;
      lowest_peak = peak;
    }
    if (target_peak_bytes > 0 && peak <= target_peak_bytes &&
        (!cheapest_fitting || c.macs < cheapest_fitting->macs)) {
      cheapest_fitting = &c;
    }
  }
  const Candidate* chosen = cheapest_fitting ? cheapest_fitting : lowest;
  if (chosen == nullptr) return std::nullopt;
  return PlanAt(net, *space.facts, space.splits[chosen->split], chosen->patches, rest_live_bytes);
}

std::string DescribePatchPlan(const PatchPlan& plan) {
  return fmt::format(
      "split n {} (ops 0-{} per patch), {}x{} patches of {}x{} px; peak {} B -> {} B (patch stage "
      "{} B, rest {} B); MACs {} -> {} ({:+.1f} %, patch stage {} -> {})",
      plan.choice.split_units, plan.split_op - 1, plan.choice.patches, plan.choice.patches,
      plan.input_patch_h, plan.input_patch_w, plan.peak_before_bytes, plan.peak_bytes,
      plan.stage_peak_bytes, plan.rest_peak_bytes, plan.macs_before, plan.macs,
      100 * plan.mac_overhead(), plan.stage_macs_before, plan.stage_macs);
}

}  // namespace analysis
