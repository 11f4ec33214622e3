#include "analysis/planner_tflm.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace analysis {
namespace {

bool Online(const std::vector<int64_t>& offline_offsets, size_t i) {
  return offline_offsets.empty() || offline_offsets[i] == kOnlinePlanned;
}

bool OverlapInTime(const Interval& a, const Interval& b) {
  return a.first_step <= b.last_step && b.first_step <= a.last_step;
}

struct Entry {
  int64_t offset = 0;
  int buffer = 0;
};

// Step 4: the offset TFLM's walk gives `wanted` among the placed buffers (offset-ordered).
int64_t WalkForGap(const std::vector<Interval>& intervals, const std::vector<Entry>& placed,
                   const Interval& wanted) {
  int64_t candidate = 0;
  for (const Entry& e : placed) {
    const Interval& other = intervals[static_cast<size_t>(e.buffer)];
    if (!OverlapInTime(other, wanted)) continue;
    if (e.offset - candidate >= wanted.bytes) break;  // a big-enough gap below this buffer
    candidate = std::max(candidate, e.offset + other.bytes);
  }
  return candidate;
}

// Step 5: after every entry with offset <= candidate; before the head when lower than it.
// `placed` stays sorted by offset (TFLM's linked list, here a vector), so that is its upper
// bound.
void Insert(std::vector<Entry>& placed, Entry entry) {
  const auto at = std::upper_bound(placed.begin(), placed.end(), entry.offset,
                                   [](int64_t offset, const Entry& e) { return offset < e.offset; });
  placed.insert(at, entry);
}

}  // namespace

std::vector<int> TflmPlacementOrder(const std::vector<Interval>& intervals,
                                    const std::vector<int64_t>& offline_offsets) {
  std::vector<int> offline, online;
  for (size_t i = 0; i < intervals.size(); ++i) {
    (Online(offline_offsets, i) ? online : offline).push_back(static_cast<int>(i));
  }
  // TFLM fills the online part of its sort array from the tail, then sorts it stably.
  std::reverse(online.begin(), online.end());
  std::stable_sort(online.begin(), online.end(), [&](int a, int b) {
    return intervals[static_cast<size_t>(a)].bytes > intervals[static_cast<size_t>(b)].bytes;
  });
  offline.insert(offline.end(), online.begin(), online.end());
  return offline;
}

Placement TflmGreedyPlan(const std::vector<Interval>& intervals,
                         const std::vector<int64_t>& offline_offsets) {
  Placement plan;
  plan.offsets.assign(intervals.size(), 0);
  std::vector<Entry> placed;  // offset order, as TFLM's buffers_sorted_by_offset_
  placed.reserve(intervals.size());
  for (int id : TflmPlacementOrder(intervals, offline_offsets)) {
    const auto i = static_cast<size_t>(id);
    const int64_t offset = !Online(offline_offsets, i) ? offline_offsets[i]
                           : placed.empty()           ? 0
                                                      : WalkForGap(intervals, placed, intervals[i]);
    plan.offsets[i] = offset;
    Insert(placed, {offset, id});
    plan.arena_bytes = std::max(plan.arena_bytes, offset + intervals[i].bytes);
  }
  return plan;
}

util::Result<Placement> TflmGreedyPlanner::Plan(const std::vector<Interval>& intervals) const {
  if (!offline_offsets_.empty() && offline_offsets_.size() != intervals.size()) {
    return util::InputError(fmt::format("the offline plan has {} offsets for {} buffers",
                                        offline_offsets_.size(), intervals.size()));
  }
  return TflmGreedyPlan(intervals, offline_offsets_);
}

}  // namespace analysis
