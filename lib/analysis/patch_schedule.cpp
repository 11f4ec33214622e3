#include "analysis/patch_schedule.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>

#include "analysis/cost.h"
#include "analysis/liveness.h"

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

// Tile region needed of every tensor of the stage, grown backwards from the output tile.
std::vector<Region> Regions(const graph::Network& net, int split_op, int stage_output, int p) {
  std::vector<Region> need(net.tensors.size());
  const graph::Shape& s = net.tensor(stage_output).shape;
  need[static_cast<size_t>(stage_output)] = {(s.h + p - 1) / p, (s.w + p - 1) / p};
  for (int i = split_op - 1; i >= 0; --i) {
    const graph::Op& op = net.ops[static_cast<size_t>(i)];
    const Region out = need[static_cast<size_t>(op.output)];
    for (int t : op.inputs) {
      const graph::Shape& in = net.tensor(t).shape;
      Region r = out;
      if (op.kind != OpKind::kAdd && op.kind != OpKind::kPad) {
        r = {(out.h - 1) * op.stride_h + op.kernel_h, (out.w - 1) * op.stride_w + op.kernel_w};
      }
      Region& n = need[static_cast<size_t>(t)];
      n = {std::min(std::max(n.h, r.h), in.h), std::min(std::max(n.w, r.w), in.w)};
    }
  }
  return need;
}

int64_t Scaled(int64_t value, const graph::Shape& full, Region r) {
  return value * r.h * r.w / std::max<int64_t>(1, int64_t{full.h} * full.w);
}

int Nearest(const std::vector<int>& valid, int wanted) {
  return *std::min_element(valid.begin(), valid.end(), [wanted](int a, int b) {
    return std::abs(a - wanted) < std::abs(b - wanted);
  });
}

}  // namespace

std::vector<int> PatchSplitChoices(const graph::Network& net) {
  std::vector<int> out;
  for (int n = 1;; ++n) {
    const int split_op = SplitOp(net, n);
    if (split_op < 0) break;
    const int stage = StageOutput(net, split_op);
    if (stage >= 0 && net.tensor(stage).shape.h >= 2) out.push_back(n);
  }
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

util::Result<PatchPlan> PlanPatches(const graph::Network& net, PatchChoice choice) {
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
  PatchPlan plan;
  plan.choice = choice;
  plan.split_op = SplitOp(net, choice.split_units);
  plan.stage_output = StageOutput(net, plan.split_op);
  const std::vector<Region> need = Regions(net, plan.split_op, plan.stage_output, choice.patches);
  plan.input_patch_h = need[static_cast<size_t>(net.input)].h;
  plan.input_patch_w = need[static_cast<size_t>(net.input)].w;
  const int64_t p2 = int64_t{choice.patches} * choice.patches;
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const graph::Op& op = net.ops[i];
    const int64_t macs = CountOp(net, op).macs;
    plan.macs_before += macs;
    int64_t patched = macs;
    if (static_cast<int>(i) < plan.split_op) {
      patched = Scaled(macs, net.output_shape(op), need[static_cast<size_t>(op.output)]) * p2;
      plan.stage_macs_before += macs;
      plan.stage_macs += patched;
    }
    plan.op_macs.push_back(patched);
    plan.macs += patched;
  }
  const PeakActivation per_layer = ComputePeak(net);
  plan.peak_before_bytes = per_layer.peak_bytes;
  plan.live_bytes = per_layer.live_bytes;
  for (int s = 0; s < plan.split_op; ++s) plan.live_bytes[static_cast<size_t>(s)] = 0;
  for (const Interval& iv : Lifetimes(net)) {
    const bool whole = iv.tensor == plan.stage_output;
    const int first = whole ? 0 : iv.first_step;
    const int64_t bytes =
        whole ? iv.bytes : Scaled(iv.bytes, net.tensor(iv.tensor).shape, need[static_cast<size_t>(iv.tensor)]);
    for (int s = first; s <= std::min(iv.last_step, plan.split_op - 1); ++s) {
      plan.live_bytes[static_cast<size_t>(s)] += bytes;
    }
  }
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

std::optional<PatchPlan> ChoosePatches(const graph::Network& net, double max_mac_overhead,
                                       int64_t target_peak_bytes) {
  std::optional<PatchPlan> lowest, cheapest_fitting;
  for (int n : PatchSplitChoices(net)) {
    for (int p : PatchCountChoices(net, n)) {
      if (p > 8) break;
      auto plan = PlanPatches(net, {n, p});
      if (!plan) continue;
      if (plan->mac_overhead() <= max_mac_overhead &&
          (!lowest || plan->peak_bytes < lowest->peak_bytes)) {
        lowest = *plan;
      }
      if (target_peak_bytes > 0 && plan->peak_bytes <= target_peak_bytes &&
          (!cheapest_fitting || plan->macs < cheapest_fitting->macs)) {
        cheapest_fitting = *plan;
      }
    }
  }
  return cheapest_fitting ? cheapest_fitting : lowest;
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
