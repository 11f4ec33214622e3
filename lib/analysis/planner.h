#pragma once
// Memory planners: place lifetime intervals (liveness.h) in one arena.
//
// The planner sees only (bytes, first_step, last_step) intervals, never ops or tensors, so the
// lifetime rule and the placement policy change independently. Two implementations:
//  * LinearPlan: every buffer at its own offset, no reuse — the upper bound.
//  * GreedyPlan: the tflite-micro approach. Buffers are taken largest first; each goes at the
//    lowest offset where it overlaps (in both time and address) no buffer already placed.
//    It is a heuristic: the arena is at least the liveness peak (ComputePeak) and often equal,
//    but the problem is NP-hard and no optimality is guaranteed.
// An imported plan (offsets from elsewhere, e.g. a vendor tool) is checked with Overlaps().

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/liveness.h"

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
std::string Timeline(const std::vector<Interval>& intervals, const Placement& placement);

}  // namespace analysis
