#pragma once
// Channel-wise partial execution (Pex, Liberis & Lane, arXiv 2211.17246; reference
// memory_schedules.md §3 — a reconstruction from the abstract and operator semantics, not a
// published algorithm). In an inverted-residual block expand 1x1 -> depthwise -> project 1x1 the
// expanded tensors are computed s channel slices at a time: each slice of the expand conv's
// filters, then the depthwise conv on that slice, then the project conv accumulating the slice's
// partial sums into its whole output. Neither expanded tensor is materialised whole: while the
// block runs, its input, its output (held from the first slice) and one slice of each expanded
// tensor are live. MACs are unchanged; each of the three kernels is called s times. Blocks with
// a squeeze-excite gate are not split (the gate needs the whole depthwise output). A PAD before or
// after the depthwise (an imported graph under a runtime that keeps PAD ops, TFLM) is part of
// the block: it pads each channel alone, so it runs slice by slice like the depthwise, and the
// slices of two consecutive tensors of the chain are live at a time.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/network.h"

namespace analysis {

struct PexBlock {
  int expand_op = -1;  // the block is ops expand_op .. expand_op + ops - 1
  int ops = 3;         // 3: expand, depthwise, project; + a PAD before and/or after the depthwise
  int channels = 0;    // the expanded width
  int slices = 1;      // s, a divisor of channels
  int64_t peak_before_bytes = 0;  // max live bytes over the block's three ops, whole tensors
  int64_t peak_bytes = 0;         // the same with s slices
};

struct PexPlan {
  std::vector<PexBlock> blocks;    // every splittable block, in op order (slices 1: left whole)
  int64_t peak_before_bytes = 0;   // ComputePeak
  int64_t peak_bytes = 0;
  int peak_op = 0;
  std::vector<int64_t> live_bytes;   // per op, under the schedule
  std::vector<int> kernel_calls;     // per op: s inside a split block, else 1
  int split_blocks() const;
};

/// The schedule of `net`: each block gets the fewest slices (a divisor of its expanded width)
/// that bring it down to the peak of the ops outside split blocks, or as low as it goes.
/// Memoised per thread for the last network (graph/network_memo.h).
PexPlan PlanPex(const graph::Network& net);

/// One line: "7 of 16 blocks split (s 2-48); peak 1404928 B -> 401408 B; MACs unchanged".
std::string DescribePexPlan(const PexPlan& plan);

}  // namespace analysis
