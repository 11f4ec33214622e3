#pragma once
// The memory-saving schedules as deployment modes (issue 14 item 2; reference
// memory_schedules.md §2, §3, §5). Each places the network as the internal mode does — weights
// in internal flash, tensors in internal SRAM — but runs it under a schedule with a lower peak:
//  * patch:   MCUNetV2 patch-based inference of the first stage (analysis/patch_schedule.h);
//             latency: each patch-stage op's terms scaled by its halo-recompute MAC ratio, and
//             called p² times;
//  * reorder: the op order with the lowest peak (analysis/reorder_schedule.h); latency as
//             internal (the same ops run);
//  * pex:     channel-wise partial execution of inverted-residual blocks
//             (analysis/pex_schedule.h); latency as internal plus one kernel call per slice.
// They are opt-in: FindMode and `--modes` know them, the default design spaces (ModeIds) do not,
// so the default sweeps, fronts and goldens stay those of internal/external/tinyops.
// The SRAM under a schedule takes its scratch and persistent parts from the --runtime the
// footprint was measured with (Footprint::op_scratch_bytes, Footprint::sram): max over ops of
// (live bytes under the schedule + the op's kernel scratch) for TFLM; the schedule's peak + the
// layout's static im2col/kernel buffers for tinyengine and x-cube-ai. Under a layout that runs
// depthwise convolutions in place (tinyengine, x-cube-ai) the schedule's live bytes are taken
// with that rule too (WithInPlaceDepthwise): the patch stage already counts it (MCUNetV2's
// rule), so it applies to the ops after the split, which the patch mode takes as they live
// (liveness, residual inputs included) when it chooses and places its plan; pex divides a
// sliced depthwise's saving by its slices; reorder applies it in the chosen order. Under a
// layout that folds PAD ops into their convolutions (tinyengine, x-cube-ai) every schedule
// plans on the folded network (PlannedNet).

#include <string>
#include <vector>

#include "analysis/patch_schedule.h"
#include "analysis/pex_schedule.h"
#include "analysis/reorder_schedule.h"
#include "graph/fold_pads.h"
#include "placement/mode.h"

namespace placement {

/// Largest MAC overhead the patch mode accepts when it chooses n and p itself (MCUNetV2 reports
/// +3..17 % for its nets at the chosen pairs, §5.2).
inline constexpr double kPatchMaxMacOverhead = 0.20;

template <typename P>
class SchedulePlan final : public ModePlan {
 public:
  explicit SchedulePlan(P plan) : plan_(std::move(plan)) {}
  const P& plan() const { return plan_; }

 private:
  P plan_;
};
using PatchModePlan = SchedulePlan<analysis::PatchPlan>;
using ReorderModePlan = SchedulePlan<analysis::ReorderPlan>;
using PexModePlan = SchedulePlan<analysis::PexPlan>;

/// The ids of the opt-in modes, in registration order ("patch", "reorder", "pex").
std::vector<std::string> OptInModeIds();

/// What the schedule of `fit` changed, one line ("" for a Fit of another mode).
std::string DescribeSchedule(const Fit& fit);

class PatchMode final : public DeploymentMode {
 public:
  std::string_view id() const override { return "patch"; }
  std::string_view title() const override {
    return "internal, first stage run patch by patch (MCUNetV2; halo recomputed)";
  }
  Fit Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
            const Deployment& deployment) const override;
  util::Result<std::vector<latency::OpTerms>> LatencyTerms(const graph::Network& net,
                                                           const kernels::Runtime& runtime,
                                                           const hw::Board& board,
                                                           const Fit& fit) const override;
};

class ReorderMode final : public DeploymentMode {
 public:
  std::string_view id() const override { return "reorder"; }
  std::string_view title() const override {
    return "internal, ops in the order with the lowest peak (tflite-tools search)";
  }
  Fit Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
            const Deployment& deployment) const override;
  util::Result<std::vector<latency::OpTerms>> LatencyTerms(const graph::Network& net,
                                                           const kernels::Runtime& runtime,
                                                           const hw::Board& board,
                                                           const Fit& fit) const override;
};

class PexMode final : public DeploymentMode {
 public:
  std::string_view id() const override { return "pex"; }
  std::string_view title() const override {
    return "internal, inverted-residual blocks run channel slice by slice (Pex)";
  }
  Fit Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
            const Deployment& deployment) const override;
  util::Result<std::vector<latency::OpTerms>> LatencyTerms(const graph::Network& net,
                                                           const kernels::Runtime& runtime,
                                                           const hw::Board& board,
                                                           const Fit& fit) const override;
};


/// The network a schedule plans its memory on, and the way back to `net`'s op indices: `net`
/// itself, or `net` with its PADs folded (graph/fold_pads.h) when `footprint`'s layout folds
/// them (SramLayout::folds_pads: tinyengine, x-cube-ai) and `net` has one. The folded network
/// is memoised per thread for the last network (graph::FoldedPadsOf, shared with the layouts'
/// Plan); a PlannedNet is valid until PADs are folded for another network on this thread (the
/// next PlannedNet, or a folding layout planning another network). The plans it yields are mapped back (ToOriginal, OriginalOp) so that
/// the Fit, its plan and the latency terms speak of `net`'s ops: latency keeps the PAD ops
/// (the runtimes' latency factors were fitted on graphs with them), a folded PAD taking its
/// consumer's kernel calls.
class PlannedNet {
 public:
  PlannedNet(const graph::Network& net, const Footprint& footprint);
  const graph::Network& net() const { return folded_ ? folded_->net : *net_; }
  /// One value per op of net(), spread over `net`'s ops (a folded PAD takes its consumer's).
  template <typename T>
  std::vector<T> ToOriginal(const std::vector<T>& per_op) const {
    return folded_ ? folded_->ToOriginal(per_op) : per_op;
  }
  /// The index in `net` of op `op` of net(); net().ops.size() gives `net`'s op count.
  int OriginalOp(int op) const;
  /// The first op of `net` that runs as op `op` of net() or later (a PAD folded into op `op`
  /// comes before it): where a split of net() before `op` falls in `net`.
  int FirstOriginalOp(int op) const;
  /// True when op `original_op` of `net` is a PAD folded into its consumer.
  bool FoldedPad(int original_op) const;

 private:
  const graph::Network* net_;
  const graph::FoldedPads* folded_ = nullptr;
};

/// Internal-mode placement of `footprint` with its activations as `live_bytes` per op (the
/// schedule's), the arena recomputed with each op's scratch. The SRAM parts (Fit::sram_parts,
/// layout = `mode`) are the schedule's peak as arena, what scratch adds, and the runtime
/// layout's persistent data of `footprint`; plus the board's reserve. Shared by the schedule
/// modes.
Fit PlaceScheduled(std::string_view mode, const graph::Network& net, const Footprint& footprint,
                   const hw::Board& board, const std::vector<int64_t>& live_bytes);

/// `live_bytes` (per op of `net`, in its order) less what `footprint`'s runtime layout saves by
/// running depthwise convolutions in place (SramLayout::in_place_depthwise,
/// analysis::InPlaceDepthwiseSavings), from op `from_op` on, a sliced op's saving divided by its
/// `slices[i]` (empty: 1); unchanged under a layout without in-place depthwise.
std::vector<int64_t> WithInPlaceDepthwise(const graph::Network& net, const Footprint& footprint,
                                          std::vector<int64_t> live_bytes, int from_op = 0,
                                          const std::vector<int>& slices = {});

/// The internal mode's terms of every op, with `calls[i]` dispatches and its work scaled by
/// `work_scale[i]` (empty vectors: 1 each).
std::vector<latency::OpTerms> ScheduledTerms(const graph::Network& net,
                                             const kernels::Runtime& runtime,
                                             const hw::Board& board, const std::vector<int>& calls,
                                             const std::vector<double>& work_scale);

}  // namespace placement
