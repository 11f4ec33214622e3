#pragma once
// Patch-based inference (MCUNetV2, Lin et al. 2021; reference memory_schedules.md §5): the first
// stage of a network — the stem and its first blocks — runs patch by patch. The stage output is
// cut into p x p non-overlapping tiles; each tile needs an input region grown backwards through
// every windowed op (stride 1: g + k - 1; stride 2: (g - 1) * 2 + k), so neighbouring tiles
// overlap and their halo is computed again. Memory: the stage-output buffer is held whole from
// op 0 and filled tile by tile; every other tensor of the stage exists at its tile's size; the
// rest of the network runs per layer. Peak = max(per-patch peak + stage buffer, per-layer peak
// of the rest) under MCUNetV2's analytic rule (§4 "Memory profiling"): an op needs its inputs +
// its output, a depthwise conv runs in place (TinyEngine) so only the larger of the two counts,
// tensors kept for a later residual add are not counted — the rule behind its 1372 kB for
// MobileNetV2. The full input image is not counted either (a tile of it is decoded at a time).
// Border tiles need no halo beyond the image: their spans are clipped (padding), so the MACs
// are the sum over tiles of each op's clipped output area. The patch mode therefore models a
// TinyEngine-style runtime, optimistic for TFLM. MACs: each stage op's MACs per output pixel times
// its tile area times p².

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/network.h"
#include "util/result.h"

namespace analysis {

/// A patch schedule's two knobs, MCUNetV2's n and p.
struct PatchChoice {
  int split_units = 0;  // n: the stem plus the first n - 1 blocks run per patch (n >= 1)
  int patches = 0;      // p: p x p tiles of the stage output (p >= 2)
};

struct PatchPlan {
  PatchChoice choice;
  int split_op = 0;                // ops [0, split_op) run per patch
  int stage_output = -1;           // tensor id of the stage output (held whole)
  int input_patch_h = 0;           // the input tile (75 x 75 for MbV2 r224, n = 5, p = 4)
  int input_patch_w = 0;
  int64_t peak_before_bytes = 0;   // per-layer peak of the whole net, in-place depthwise
  int64_t stage_peak_bytes = 0;    // per-patch peak + the stage buffer
  int64_t rest_peak_bytes = 0;     // per-layer peak over ops [split_op, end)
  int64_t peak_bytes = 0;          // max(stage, rest)
  int peak_op = 0;
  int64_t macs_before = 0;         // whole net, per layer
  int64_t macs = 0;                // whole net with the halo recomputation
  int64_t stage_macs_before = 0;
  int64_t stage_macs = 0;
  std::vector<int64_t> live_bytes;  // per op, under the schedule
  std::vector<int64_t> op_macs;     // per op, under the schedule
  double mac_overhead() const {
    return macs_before ? static_cast<double>(macs - macs_before) / macs_before : 0;
  }
};

/// The split choices `net` can take: n such that the stem and the first n - 1 blocks hold only
/// windowed or elementwise ops and hand exactly one tensor to the rest. Ascending.
std::vector<int> PatchSplitChoices(const graph::Network& net);
/// The patch counts a split can take: 2 .. the stage output's height.
std::vector<int> PatchCountChoices(const graph::Network& net, int split_units);

/// The plan for `choice`; a split or patch count `net` cannot take is an input error naming the
/// option (--split, --patches) and the nearest valid choice. `rest_live_bytes` (per op of `net`;
/// empty: MCUNetV2's per-layer rule) are the live bytes of the ops after the stage as a runtime
/// lays them out (placement's patch mode: its layout's liveness), which then make the plan's
/// live bytes and peak there.
util::Result<PatchPlan> PlanPatches(const graph::Network& net, PatchChoice choice,
                                    const std::vector<int64_t>& rest_live_bytes = {});

/// The plan chosen per design: among every (n, p <= 8) the lowest peak whose MAC overhead is at
/// most `max_mac_overhead`; with `target_peak_bytes` > 0, the least MAC overhead whose peak is at
/// most the target when one exists. nullopt when `net` has no valid split. The (n, p) candidates
/// are computed once per network and thread (graph/network_memo.h): the next call with an equal
/// network, e.g. the sweep's next board, only selects.
/// `rest_live_bytes` as for PlanPatches: the peaks compared are then max(stage, those of the
/// ops after the split).
std::optional<PatchPlan> ChoosePatches(const graph::Network& net, double max_mac_overhead,
                                       int64_t target_peak_bytes,
                                       const std::vector<int64_t>& rest_live_bytes = {});

/// One line: "n 5, 4x4 patches of 75x75 px; peak 1404928 B -> 175616 B; MACs +10.2 %".
std::string DescribePatchPlan(const PatchPlan& plan);

}  // namespace analysis
