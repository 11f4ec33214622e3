#pragma once
// Tensor lifetimes and peak activation memory (reference: architectures.md §2).
//
// A tensor lives from the step of its producer (the input image: step 0) to the step of its
// last consumer; the network output lives to the last step. RESHAPE is an alias: its output
// shares its input's buffer, which then lives until the alias's last consumer. Adds are not in
// place. Peak = max over steps of the bytes of all tensors alive at that step. This pass only
// produces intervals; memory planners (planner.h) place them.

#include <cstdint>
#include <vector>

#include "graph/network.h"

namespace analysis {

// One buffer to place: `bytes` needed from first_step to last_step inclusive.
struct Interval {
  int tensor = -1;  // the tensor owning the buffer (aliases fold into their source)
  int64_t bytes = 0;
  int first_step = 0;
  int last_step = 0;
};

// One interval per buffer, in tensor order.
std::vector<Interval> Lifetimes(const graph::Network& net);

struct PeakActivation {
  int64_t peak_bytes = 0;
  int peak_step = 0;                  // op index where the peak is reached
  std::vector<int64_t> live_bytes;    // per op: bytes alive while it runs
};

PeakActivation ComputePeak(const graph::Network& net);

/// Per op of `net` in its order: the bytes a runtime that runs depthwise convolutions in place
/// (TinyEngine's rule, reference memory_schedules.md §4) saves while that op runs, the smaller
/// of its input and output, for a depthwise op whose input no later op reads and whose output
/// is not the network's output; 0 for every other op. Subtracted from ComputePeak's live bytes
/// it gives the live bytes under in-place depthwise.
std::vector<int64_t> InPlaceDepthwiseSavings(const graph::Network& net);

}  // namespace analysis
