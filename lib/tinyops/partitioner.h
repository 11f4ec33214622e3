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
//
// Static configurations (the F4 "static" build, tinyops.md §0, §2.1, which takes the partition
// factor and every buffer size as compile-time macros chosen per model, as `dse deploy` writes
// them): RunStatic builds the plan of a given factor and input-buffer size, and Alternatives
// (configurations.cpp) lists the ones worth pricing against the firmware's own (Run). The
// buffer arithmetic of a static configuration (PF p, input buffers T):
//  - S = the largest input-1 part at p, as in step 1b; the buffers of step 1c, except that the
//    two input buffers (TENSOR_BUFFER_SIZE, §2.1 buffers 1-2) hold T >= S + 32 each;
//  - SRAM = 32 + sum(buffer + 32) (§1.7) = SramBytes(S, RF, Bmax) + 2 (T - S - 32);
//  - the patched CMSIS-NN kernels put an op's im2col scratch of X bytes (2*kx*ky*C for a
//    non-3x3 depthwise, 4*kx*ky*Cin for a conv that is not 1x1 fast) in buffer 4 iff
//    X < TENSOR_BUFFER_SIZE (§3), so T = X + 1 is the smallest T that moves it into SRAM;
//    buffer 4, max(S, RF) + 32, already holds it (X <= RF);
//  - filter growth (step 3) gives buffer 3 what is left: budget - SRAM, less by 2 (T - S - 32).

#include <cstdint>
#include <vector>

#include "graph/network.h"
#include "tinyops/plan.h"

namespace tinyops {

struct Options {
  int64_t budget_bytes = 0;  // SRAM for the seven buffers and their gaps; must be > 0
  bool filter_growth = true;
};

/// A static configuration: the partition factor and the input buffers' size that the F4 build
/// fixes per model (PARTITION_FACTOR, TENSOR_BUFFER_SIZE); the other buffers follow as in Run.
struct StaticConfig {
  int partition_factor = 2;        // 2 .. kMaxPartitionFactor
  int64_t input_buffer_bytes = 0;  // each input buffer, its +32 included; <= S + 32: S + 32
  bool operator==(const StaticConfig&) const = default;
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

  /// The plan of the static configuration `config` (Plan::firmware_rule = false): fits exactly
  /// when its SRAM is within the budget (a Shortfall says by how much otherwise).
  Plan RunStatic(const graph::Network& net, const StaticConfig& config) const;

  /// The static configurations other than `firmware`'s (a fitting plan from Run on `net`)
  /// worth pricing against it, in increasing partition factor; empty when `firmware` does not
  /// fit. Each fits the budget. Every input-buffer level (none, or just above each distinct
  /// im2col scratch) is walked from the firmware's factor up to 223; a configuration is kept
  /// when it overlays more filters or holds more scratch in SRAM than every configuration kept
  /// at a lower or equal factor (its state is otherwise no better and it has at least as many
  /// parts). configurations.cpp.
  std::vector<StaticConfig> Alternatives(const graph::Network& net, const Plan& firmware) const;

  /// S at every factor from `first_factor` (>= 2) up, in order, until it reaches its value at
  /// 223 (S never grows with the factor, so every later factor has that S too).
  std::vector<int64_t> PartBytesByFactor(const graph::Network& net, int first_factor) const;

  /// Steps 1a-1d only: cheap, allocation-light, same PF and S as Run().
  SearchResult Search(const graph::Network& net) const;

  const Options& options() const { return options_; }

 private:
  Options options_;
};

/// SRAM of the seven buffers for the given S, RF and Bmax: 32 + sum of (buffer + 32) (§1.7).
int64_t SramBytes(int64_t s_bytes, int64_t rf_bytes, int64_t bmax_bytes);

}  // namespace tinyops
