// "tflm": the TFLM arena exactly (reference memory_schedules.md §1; analysis/arena.h).
//  1. Buffers as TFLM hands them to its planner (analysis::TflmLifetimes: every activation
//     tensor in IR order, RESHAPE a copy, sizes rounded to 16 B, then one buffer per op whose
//     kernel requests scratch, alive for that op only).
//  2. Placed by TFLM's GreedyMemoryPlanner (analysis::TflmGreedyPlan, ties included).
//  3. arena = the head planned without scratch; scratch = the head with the runtime's scratch
//     requests minus that (what scratch adds: often 0, the scratch fits a gap); persistent =
//     the tail by arena.h's rules (eval tensors, node structs, per-channel quantisation), a
//     lower estimate (82 % of person_detect's published tail).
// The runtime's code and interpreter state are the board's reserves, not part of this need.

#include <algorithm>

#include "analysis/arena.h"
#include "placement/sram_layout.h"

namespace placement {
namespace {

// The op at which the head peaks: within the life of the buffer ending highest, the scope
// with the most live bytes (scope s runs op s - 1).
int PeakOp(const analysis::TflmArena& arena) {
  const std::vector<analysis::Interval>& buffers = arena.buffers.intervals;
  int64_t top = -1;
  size_t top_buffer = 0;
  int last_scope = 0;
  for (size_t i = 0; i < buffers.size(); ++i) {
    last_scope = std::max(last_scope, buffers[i].last_step);
    if (arena.placement.offsets[i] + buffers[i].bytes > top) {
      top = arena.placement.offsets[i] + buffers[i].bytes;
      top_buffer = i;
    }
  }
  std::vector<int64_t> live(static_cast<size_t>(last_scope) + 1, 0);
  for (const analysis::Interval& b : buffers) {
    for (int s = b.first_step; s <= b.last_step; ++s) live[static_cast<size_t>(s)] += b.bytes;
  }
  int best = buffers.empty() ? 1 : buffers[top_buffer].first_step;
  for (int s = best; !buffers.empty() && s <= buffers[top_buffer].last_step; ++s) {
    if (live[static_cast<size_t>(s)] > live[static_cast<size_t>(best)]) best = s;
  }
  return std::max(best - 1, 0);
}

class TflmLayout final : public SramLayout {
 public:
  std::string_view id() const override { return "tflm"; }
  std::string_view title() const override {
    return "TFLM arena: TFLM lifetimes, GreedyMemoryPlanner, 16-B alignment, persistent tail";
  }
  SramNeed Plan(const graph::Network& net, const kernels::Runtime& runtime) const override {
    std::vector<int64_t> scratch;
    scratch.reserve(net.ops.size());
    for (const graph::Op& op : net.ops) scratch.push_back(runtime.ScratchBytes(net, op));
    SramNeed need;
    need.layout = std::string(id());
    auto plain = analysis::ComputeTflmArena(net);
    auto with_scratch = analysis::ComputeTflmArena(net, scratch);
    if (!plain || !with_scratch) return need;  // not reachable: the arguments are well formed
    need.arena_bytes = plain.value().head_bytes;
    need.scratch_bytes = with_scratch.value().head_bytes - need.arena_bytes;
    need.persistent_bytes = with_scratch.value().tail_bytes;
    need.peak_op = PeakOp(with_scratch.value());
    return need;
  }
};

}  // namespace

std::unique_ptr<SramLayout> MakeTflmLayout() { return std::make_unique<TflmLayout>(); }

}  // namespace placement
