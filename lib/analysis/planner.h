#pragma once
// Memory planners: place lifetime intervals (liveness.h, lifetimes_tflm.h) in one arena.
//
// The planner sees only (bytes, first_step, last_step) intervals, never ops or tensors, so the
// lifetime rule and the placement policy change independently (like tflite-micro's
// MicroMemoryPlanner: intervals in, offsets and arena size out). Siblings behind MemoryPlanner:
//  * LinearPlanner (LinearPlan): every buffer at its own offset, no reuse — the upper bound.
//    1. Walk the intervals in order. 2. Offset = running sum of the sizes before it.
//    Arena = sum of all sizes. Limit: none (it never reuses, so it is never wrong, only big).
//  * LowestGapPlanner (GreedyPlan): dse's own greedy.
//    1. Order the buffers by size, descending (std::stable_sort: ties keep interval order).
//    2. For each, the candidate offsets are 0 and the end of every placed buffer alive at the
//       same time. 3. Take the lowest candidate that collides with none of those buffers.
//    Limits: a heuristic; the arena is at least the liveness peak (ComputePeak) and often
//    equal, but the problem is NP-hard and no optimality is guaranteed. Each buffer lands where
//    TFLM's walk (planner_tflm.h) would put it; the two differ only in the order of equal
//    sizes (here add order, in TFLM reverse add order), which can change the arena.
//  * TflmGreedyPlanner (planner_tflm.h): TFLM's GreedyMemoryPlanner reproduced exactly.
//  * ImportedPlanner (ImportPlan): offsets computed elsewhere (a vendor tool, an offline plan),
//    taken as they are; check them with Overlaps().

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/liveness.h"
#include "util/result.h"

namespace analysis {

struct Placement {
  std::vector<int64_t> offsets;  // one per interval, bytes from the arena start
  int64_t arena_bytes = 0;       // max over intervals of offset + bytes
};

Placement LinearPlan(const std::vector<Interval>& intervals);
Placement GreedyPlan(const std::vector<Interval>& intervals);

// Wraps given offsets as a placement (arena = max offset + bytes).
Placement ImportPlan(const std::vector<Interval>& intervals, std::vector<int64_t> offsets);

// True when two buffers alive at the same step share any byte. `first`/`second` get their
// indices when given.
bool Overlaps(const std::vector<Interval>& intervals, const Placement& placement,
              int* first = nullptr, int* second = nullptr);

// One text row per buffer: '#' where it is alive, with its offset and size; for --explain.
// A buffer with no tensor (tensor < 0, e.g. a kernel scratch buffer) is labelled "s".
std::string Timeline(const std::vector<Interval>& intervals, const Placement& placement);

/// A memory planner: intervals in, one offset per interval and the arena size out. Planners
/// never see ops or tensors; lifetimes are computed elsewhere (liveness.h, lifetimes_tflm.h).
class MemoryPlanner {
 public:
  virtual ~MemoryPlanner() = default;
  /// A short stable id ("linear", "lowest-gap", "tflm-greedy", "imported").
  virtual std::string_view name() const = 0;
  /// Places `intervals` (offsets in interval order). An InputError when the planner cannot
  /// place them (an imported plan of the wrong length); never when it merely places badly.
  virtual util::Result<Placement> Plan(const std::vector<Interval>& intervals) const = 0;
};

/// No reuse: LinearPlan.
class LinearPlanner : public MemoryPlanner {
 public:
  std::string_view name() const override { return "linear"; }
  util::Result<Placement> Plan(const std::vector<Interval>& intervals) const override;
};

/// dse's own greedy: GreedyPlan (lowest collision-free offset, largest first).
class LowestGapPlanner : public MemoryPlanner {
 public:
  std::string_view name() const override { return "lowest-gap"; }
  util::Result<Placement> Plan(const std::vector<Interval>& intervals) const override;
};

/// A plan made elsewhere: one offset per interval, taken as given (ImportPlan). Plan fails
/// when the offset count differs from the interval count or an offset is negative; it does
/// not check overlaps (call Overlaps()).
class ImportedPlanner : public MemoryPlanner {
 public:
  explicit ImportedPlanner(std::vector<int64_t> offsets) : offsets_(std::move(offsets)) {}
  std::string_view name() const override { return "imported"; }
  util::Result<Placement> Plan(const std::vector<Interval>& intervals) const override;

 private:
  std::vector<int64_t> offsets_;
};

/// The lower bound of every planner: max over steps of the bytes of the intervals alive at
/// that step (0 for no intervals).
int64_t LiveBytesBound(const std::vector<Interval>& intervals);

}  // namespace analysis
