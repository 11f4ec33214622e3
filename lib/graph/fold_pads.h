#pragma once
// graph::FoldPads — a PAD op folded into the convolution that reads it, as the code-generating
// runtimes run it: TinyEngine's converter makes no layer of a PAD and pads in the consumer's
// im2col / padded one-channel buffer; X-CUBE-AI documents the folding of PAD into a following
// convolution. The padded tensor then never exists in SRAM.
//  1. A PAD folds when its output is read by exactly one op, that op is a CONV_2D or
//     DEPTHWISE_CONV_2D reading it as its data input, the PAD pads H and W only (its output
//     keeps the channel count) and its output is not the network's output.
//  2. The consumer then reads the PAD's input, with the PAD's rows and columns added to its own
//     padding; its output shape, and so its MACs, are unchanged.
//  3. The folded PAD op is removed; its output tensor stays in `tensors` unread (no op writes
//     it, so it has no lifetime). Every other op is kept, in order.
// Used for memory only (placement::SramLayout::folds_pads): latency keeps the graph as given,
// since the runtimes' latency factors were fitted on graphs with their PAD ops.

#include <vector>

#include "graph/network.h"

namespace graph {

struct FoldedPads {
  Network net;                    // the network with foldable PADs folded
  std::vector<int> folded_op;     // per op of the original: its op in `net` (a folded PAD:
                                  // its consumer's)
  std::vector<int> original_op;   // per op of `net`: its index in the original
  std::vector<bool> pad_folded;   // per op of the original: true for a folded PAD
  int folded = 0;                 // PADs folded

  /// `per_op` (one value per op of `net`) spread over the original's ops: a folded PAD takes
  /// its consumer's value (it runs inside that op).
  template <typename T>
  std::vector<T> ToOriginal(const std::vector<T>& per_op) const {
    std::vector<T> out;
    out.reserve(folded_op.size());
    for (int f : folded_op) out.push_back(per_op[static_cast<size_t>(f)]);
    return out;
  }
};

/// `net` with every PAD that step 1 allows folded into its consumer. A network without PAD
/// comes back equal, with identity maps.
FoldedPads FoldPads(const Network& net);

/// FoldPads(net), computed once per run of equal networks on this thread (network_memo.h): the
/// SRAM layouts that fold PADs and the schedule modes that plan on the folded network share it.
/// The reference is valid until the next call with another network on this thread.
const FoldedPads& FoldedPadsOf(const Network& net);

/// True when `net` has a PAD op.
bool HasPad(const Network& net);

}  // namespace graph
