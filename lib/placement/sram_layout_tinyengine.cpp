// "tinyengine": TinyEngine's memory schedule (reference memory_schedules.md §4; MCUNet
// arXiv 2007.10319 §3.2, mit-han-lab/tinyengine code_generator).
//  0. PAD folded: TinyEngine's converter folds a PAD op into the next conv's padding (its
//     TfliteConvertor makes no layer of a PAD; the consumer pads in its im2col / padded
//     one-channel buffer), so the padded tensor never exists (graph::FoldPads, folds_pads()).
//     This matters for imported files: the MCUNet zoo .tflite files carry an explicit PAD
//     before every conv (even a zero one).
//  1. Lifetimes: a tensor lives from the op that first touches it to its last reader
//     (analysis::Lifetimes: RESHAPE an alias, no 16-B rounding; TinyEngine's half-open
//     [first, last + 1) is the closed [first, last] used here).
//  2. In-place depthwise: a DEPTHWISE_CONV_2D that is the last reader of its input writes its
//     output over that input (one channel at a time through a one-channel temp buffer), so the
//     output needs no buffer of its own while the op runs: its life starts at the next op.
//     After a stride-2 op the output is its own, smaller size (TinyEngine: ceil(size / 4)).
//  3. Placement: size-descending, lowest-address first fit (analysis::GreedyPlan).
//  4. Scratch = the largest im2col buffer of any op + the largest kernel buffer of any op (the
//     maxima, not per-op sums): im2col = 2 x 2 x kh x kw x Cin for a conv (two int16 columns),
//     2 x (H + pads) x (W + pads) for an in-place depthwise (the padded one-channel buffer),
//     2 x kh x kw x Cin for another depthwise; kernel buffer = 2 x weights of a conv with a
//     kernel larger than 1 x 1.
//  5. Persistent: 0 (generated code: no interpreter tables; its state is the board's reserve).
// Limits: the stride-2 shrink keeps the output's own size rather than TinyEngine's exact
// ceil(size / 4) of the input buffer, and the output may be placed apart from the input after
// the op (TinyEngine keeps the address); the runtime's own "runtime" buffers beyond im2col and
// kernel buffers are not modelled.

#include <algorithm>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "analysis/planner.h"
#include "graph/fold_pads.h"
#include "placement/sram_layout.h"

namespace placement {
namespace {

using graph::OpKind;

// Interval index of each tensor's buffer (aliases fold into their source), -1 when none.
std::vector<int> BufferOf(const graph::Network& net, const std::vector<analysis::Interval>& ivs) {
  std::vector<int> owner(net.tensors.size(), -1);
  for (size_t i = 0; i < ivs.size(); ++i) owner[static_cast<size_t>(ivs[i].tensor)] = static_cast<int>(i);
  for (const graph::Op& op : net.ops) {
    if (op.kind == OpKind::kReshape) {
      owner[static_cast<size_t>(op.output)] = owner[static_cast<size_t>(op.inputs[0])];
    }
  }
  return owner;
}

// Step 2: marks in-place depthwise ops and moves their outputs' first step past them.
std::vector<bool> MakeDepthwiseInPlace(const graph::Network& net,
                                       std::vector<analysis::Interval>* ivs) {
  const std::vector<int> buffer = BufferOf(net, *ivs);
  std::vector<bool> in_place(net.ops.size(), false);
  for (size_t d = 0; d < net.ops.size(); ++d) {
    const graph::Op& op = net.ops[d];
    if (op.kind != OpKind::kDepthwiseConv2d) continue;
    const int in = buffer[static_cast<size_t>(op.inputs[0])];
    const int out = buffer[static_cast<size_t>(op.output)];
    if (in < 0 || out < 0) continue;
    analysis::Interval& o = (*ivs)[static_cast<size_t>(out)];
    if ((*ivs)[static_cast<size_t>(in)].last_step != static_cast<int>(d) ||
        o.last_step <= static_cast<int>(d)) {
      continue;  // the input is read later, or the output is the network's last tensor
    }
    o.first_step = static_cast<int>(d) + 1;
    in_place[d] = true;
  }
  return in_place;
}

int64_t Im2colBytes(const graph::Network& net, const graph::Op& op, bool in_place) {
  const graph::Shape& in = net.input_shape(op);
  const int64_t window = int64_t{op.kernel_h} * op.kernel_w;
  if (op.kind == OpKind::kConv2d) return 2 * 2 * window * in.c;
  if (op.kind != OpKind::kDepthwiseConv2d) return 0;
  if (!in_place) return 2 * window * in.c;
  return 2 * int64_t{in.h + op.padding.top + op.padding.bottom} *
         (in.w + op.padding.left + op.padding.right);
}

int64_t KernelBufferBytes(const graph::Network& net, const graph::Op& op) {
  if (op.kind != OpKind::kConv2d || (op.kernel_h == 1 && op.kernel_w == 1)) return 0;
  return 2 * int64_t{op.kernel_h} * op.kernel_w * net.input_shape(op).c * net.output_shape(op).c;
}

class TinyEngineLayout final : public SramLayout {
 public:
  std::string_view id() const override { return "tinyengine"; }
  bool in_place_depthwise() const override { return true; }
  bool folds_pads() const override { return true; }
  std::string_view title() const override {
    return "TinyEngine: in-place depthwise, first-fit placement, max im2col + max kernel buffer";
  }
  SramNeed Plan(const graph::Network& net, const kernels::Runtime&) const override {
    if (!graph::HasPad(net)) return PlanFolded(net);
    // Memoised: the schedule modes plan on the same folded network (PlannedNet).
    const graph::FoldedPads& folded = graph::FoldedPadsOf(net);
    SramNeed need = PlanFolded(folded.net);
    need.peak_op = folded.original_op[static_cast<size_t>(need.peak_op)];
    return need;
  }
  std::optional<RuntimeCode> code() const override { return TinyEngineCode(); }

 private:
  // Steps 1-5 on `net` with its PADs folded (step 0).
  SramNeed PlanFolded(const graph::Network& net) const {
    std::vector<analysis::Interval> ivs = analysis::Lifetimes(net);
    const std::vector<bool> in_place = MakeDepthwiseInPlace(net, &ivs);
    const analysis::Placement plan = analysis::GreedyPlan(ivs);
    SramNeed need;
    need.layout = std::string(id());
    need.arena_bytes = plan.arena_bytes;
    int64_t im2col = 0, kernel = 0, top = -1;
    for (size_t i = 0; i < net.ops.size(); ++i) {
      im2col = std::max(im2col, Im2colBytes(net, net.ops[i], in_place[i]));
      kernel = std::max(kernel, KernelBufferBytes(net, net.ops[i]));
    }
    for (size_t i = 0; i < ivs.size(); ++i) {
      if (plan.offsets[i] + ivs[i].bytes > top) {
        top = plan.offsets[i] + ivs[i].bytes;
        need.peak_op = ivs[i].first_step;
      }
    }
    need.scratch_bytes = im2col + kernel;
    return need;
  }
};

}  // namespace

std::unique_ptr<SramLayout> MakeTinyEngineLayout() { return std::make_unique<TinyEngineLayout>(); }

}  // namespace placement
