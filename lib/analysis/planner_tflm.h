#pragma once
// TFLM's GreedyMemoryPlanner reproduced exactly (reference: memory_schedules.md §1.2;
// tflite-micro memory_planner/greedy_memory_planner.cc).
//
// Input: intervals as TFLM's CreatePlan hands them to the planner, i.e. in add order (tensor
// index, then scratch requests) with sizes already rounded up to 16 B (lifetimes_tflm.h does
// both; the planner itself takes sizes as given, as TFLM's does, so its unit tests can use
// 10-byte buffers). Steps:
//  1. Offline-planned buffers (offset >= 0 in `offline_offsets`) keep their offsets and are
//     placed first, in add order.
//  2. The online buffers are ordered by size only, descending, by a stable sort of an array
//     filled from its tail: ties are therefore taken in *reverse* add order (the last added
//     of two equal buffers is placed first). First use does not enter the key.
//  3. The first buffer in that order goes to offset 0 (or its offline offset).
//  4. Each next buffer walks the already-placed buffers in offset order, skipping those whose
//     lifetime [first, last] does not overlap its own (closed intervals). It keeps
//     candidate = max end (offset + bytes) of the overlapping buffers seen so far and stops at
//     the first overlapping buffer whose offset - candidate >= its size (a big-enough gap);
//     with no such buffer it goes after the last overlapping one (candidate as it stands).
//  5. The buffer is inserted into the offset-ordered list after every entry with
//     offset <= candidate (before the first placed one when it is lower than the list head).
//  6. Arena = max over buffers of offset + bytes (GetMaximumMemorySize).
// Step 4 finds the lowest offset free of every time-overlapping placed buffer (the buffers
// below the candidate all end at or before it; the next one starts a big-enough gap above),
// the same slot as GreedyPlan; the two planners differ in the tie order of step 2 only.
// Limits: a heuristic, not optimal (the problem is NP-complete); the result can exceed the
// live-bytes bound (LiveBytesBound), e.g. 73,728 B against 55,296 B on the MLPerf VWW model
// (tests/tflite/arena_tflm_test.cpp; §1.5's 64,512 B assumes ties in add order; the published
// minimum arenas of VWW and person_detect bracket the VWW head at 72,704-74,752 B, see there).

#include <cstdint>
#include <vector>

#include "analysis/planner.h"

namespace analysis {

/// Marks an online (planner-placed) buffer in `offline_offsets`, as TFLM's kOnlinePlannedBuffer.
inline constexpr int64_t kOnlinePlanned = -1;

/// The order in which TflmGreedyPlan places the buffers (steps 1-2): interval indices.
std::vector<int> TflmPlacementOrder(const std::vector<Interval>& intervals,
                                    const std::vector<int64_t>& offline_offsets = {});

/// TFLM's greedy plan (steps 1-6). `offline_offsets` is empty (all online) or one entry per
/// interval (kOnlinePlanned or a fixed offset). Offsets are returned in interval order.
Placement TflmGreedyPlan(const std::vector<Interval>& intervals,
                         const std::vector<int64_t>& offline_offsets = {});

/// TflmGreedyPlan behind the MemoryPlanner interface. Plan fails when `offline_offsets` is
/// non-empty and its length differs from the interval count.
class TflmGreedyPlanner : public MemoryPlanner {
 public:
  TflmGreedyPlanner() = default;
  explicit TflmGreedyPlanner(std::vector<int64_t> offline_offsets)
      : offline_offsets_(std::move(offline_offsets)) {}
  std::string_view name() const override { return "tflm-greedy"; }
  util::Result<Placement> Plan(const std::vector<Interval>& intervals) const override;

 private:
  std::vector<int64_t> offline_offsets_;
};

}  // namespace analysis
