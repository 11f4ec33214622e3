#pragma once
// tinyops::Partitioner — the TinyOps firmware's partitioning (F7 "dynamic" variant, shared
// reference tinyops.md §1-§3), re-implemented to predict what the firmware would choose.
//
// Algorithm (as PartitionOp in overlay_fw.cc does it):
//  1. For partition factor PF = 2, 3, ..., 223 (PF 1 is never tried):
//     a. split every supported op along H with PF (split.h: CONV_2D and DEPTHWISE_CONV_2D,
//        AVERAGE_POOL_2D, PAD, ADD, MUL, HARD_SWISH; any other op runs unpartitioned);
//     b. S = the largest input-1 part in bytes over all ops and parts;
//     c. size the seven buffers (plan.h Buffer) from S, RF and Bmax; SRAM = 32 + sum(buffer + 32);
//     d. stop at the first PF whose SRAM <= budget.
//  2. Per-op reduction: every op that does not have exactly 2 parts is re-split with
//     j = 2, 3, ..., PF and keeps the first j whose largest part <= S. Buffers keep their sizes.
//  3. Filter growth (the paper's improvement, on by default): the unused budget is added to the
//     filter buffer, so SRAM = budget.
//  4. Overlays (§3): a conv's filter is DMA'd into SRAM iff its bytes < the filter buffer, its
//     bias and quant parameters iff 4*Cout < their buffers; im2col uses the im2col buffer iff
//     the kernel's scratch < the input buffer (TENSOR_BUFFER_SIZE = S + 32), else the external
//     arena. Outputs are never overlaid.
//
// Limits: the firmware's uint8 partition records (H <= 255) and op-count limits (140 on F7)
// are not checked; MUL is assumed to have equal input shapes, as the firmware does (a plan
// warns where a graph broadcasts); the im2col test uses the dynamic S + 32, as the F4 build
// does (the F7 build compares with a stale static 49,184, tinyops.md §9).
//
// The search stops splitting a PF as soon as one op's part exceeds the largest S the budget
// allows, which returns the same PF as the firmware's full pass.

#include <cstdint>

#include "graph/network.h"
#include "tinyops/plan.h"

namespace tinyops {

struct Options {
  int64_t budget_bytes = 0;  // SRAM for the seven buffers and their gaps; must be > 0
  bool filter_growth = true;
};

/// The outcome of the partition-factor search alone (no parts stored): for sweeps.
struct SearchResult {
  bool fits = false;
  int partition_factor = 0;         // first PF that fits; 0 when none does
  int64_t max_partition_bytes = 0;  // S at that PF; 0 when none fits
  int64_t sram_bytes = 0;           // before filter growth; 0 when none fits
};

class Partitioner {
 public:
  explicit Partitioner(Options options) : options_(options) {}

  /// The full plan for `net`. A budget no plan fits gives fits = false and a Shortfall naming
  /// the limiting op; the plan then describes the smallest plan (PF 223).
  Plan Run(const graph::Network& net) const;

  /// Steps 1a-1d only: cheap, allocation-light, same PF and S as Run().
  SearchResult Search(const graph::Network& net) const;

  const Options& options() const { return options_; }

 private:
  Options options_;
};

/// SRAM of the seven buffers for the given S, RF and Bmax: 32 + sum of (buffer + 32) (§1.7).
int64_t SramBytes(int64_t s_bytes, int64_t rf_bytes, int64_t bmax_bytes);

}  // namespace tinyops
