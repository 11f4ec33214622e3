#include "analysis/planner.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace analysis {
namespace {

bool AliveTogether(const Interval& a, const Interval& b) {
  return a.first_step <= b.last_step && b.first_step <= a.last_step;
}

int64_t ArenaBytes(const std::vector<Interval>& intervals, const std::vector<int64_t>& offsets) {
  int64_t arena = 0;
  for (size_t i = 0; i < intervals.size(); ++i) {
    arena = std::max(arena, offsets[i] + intervals[i].bytes);
  }
  return arena;
}

}  // namespace

Placement LinearPlan(const std::vector<Interval>& intervals) {
  Placement p;
  int64_t offset = 0;
  for (const Interval& iv : intervals) {
    p.offsets.push_back(offset);
    offset += iv.bytes;
  }
  p.arena_bytes = offset;
  return p;
}

Placement GreedyPlan(const std::vector<Interval>& intervals) {
  std::vector<size_t> order(intervals.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return intervals[a].bytes > intervals[b].bytes;
  });
  std::vector<int64_t> offsets(intervals.size(), -1);
  std::vector<size_t> placed;
  for (size_t i : order) {
    // Candidate offsets: 0 and the end of every placed buffer alive at the same time; the
    // lowest candidate that collides with none of them is the first gap that fits.
    std::vector<size_t> neighbours;
    std::vector<int64_t> candidates = {0};
    for (size_t j : placed) {
      if (!AliveTogether(intervals[i], intervals[j])) continue;
      neighbours.push_back(j);
      candidates.push_back(offsets[j] + intervals[j].bytes);
    }
    std::sort(candidates.begin(), candidates.end());
    for (int64_t candidate : candidates) {
      const bool collides = std::any_of(neighbours.begin(), neighbours.end(), [&](size_t j) {
        return candidate < offsets[j] + intervals[j].bytes &&
               offsets[j] < candidate + intervals[i].bytes;
      });
      if (!collides) {
        offsets[i] = candidate;
        break;
      }
    }
    placed.push_back(i);
  }
  return {offsets, ArenaBytes(intervals, offsets)};
}

Placement ImportPlan(const std::vector<Interval>& intervals, std::vector<int64_t> offsets) {
  const int64_t arena = ArenaBytes(intervals, offsets);
  return {std::move(offsets), arena};
}

bool Overlaps(const std::vector<Interval>& intervals, const Placement& placement, int* first,
              int* second) {
  for (size_t i = 0; i < intervals.size(); ++i) {
    for (size_t j = i + 1; j < intervals.size(); ++j) {
      if (!AliveTogether(intervals[i], intervals[j]) || intervals[i].bytes == 0 ||
          intervals[j].bytes == 0) {
        continue;
      }
      const int64_t a = placement.offsets[i], b = placement.offsets[j];
      if (a < b + intervals[j].bytes && b < a + intervals[i].bytes) {
        if (first) *first = static_cast<int>(i);
        if (second) *second = static_cast<int>(j);
        return true;
      }
    }
  }
  return false;
}

std::string Timeline(const std::vector<Interval>& intervals, const Placement& placement) {
  int steps = 0;
  for (const Interval& iv : intervals) steps = std::max(steps, iv.last_step + 1);
  std::string text;
  for (size_t i = 0; i < intervals.size(); ++i) {
    const Interval& iv = intervals[i];
    std::string row(static_cast<size_t>(steps), '.');
    for (int s = iv.first_step; s <= iv.last_step; ++s) row[static_cast<size_t>(s)] = '#';
    const std::string label = iv.tensor >= 0 ? fmt::format("t{:<4}", iv.tensor) : "s    ";
    text += fmt::format("{} @{:>8} {:>8} B |{}|\n", label, placement.offsets[i], iv.bytes, row);
  }
  return text;
}

util::Result<Placement> LinearPlanner::Plan(const std::vector<Interval>& intervals) const {
  return LinearPlan(intervals);
}

util::Result<Placement> LowestGapPlanner::Plan(const std::vector<Interval>& intervals) const {
  return GreedyPlan(intervals);
}

util::Result<Placement> ImportedPlanner::Plan(const std::vector<Interval>& intervals) const {
  if (offsets_.size() != intervals.size()) {
    return util::InputError(fmt::format("the imported plan has {} offsets for {} buffers",
                                        offsets_.size(), intervals.size()));
  }
  for (size_t i = 0; i < offsets_.size(); ++i) {
    if (offsets_[i] < 0) {
      return util::InputError(fmt::format("the imported plan gives buffer {} the negative "
                                          "offset {}", i, offsets_[i]));
    }
  }
  return ImportPlan(intervals, offsets_);
}

int64_t LiveBytesBound(const std::vector<Interval>& intervals) {
  int steps = 0;
  for (const Interval& iv : intervals) steps = std::max(steps, iv.last_step + 1);
  std::vector<int64_t> live(static_cast<size_t>(steps), 0);
  for (const Interval& iv : intervals) {
    for (int s = iv.first_step; s <= iv.last_step; ++s) live[static_cast<size_t>(s)] += iv.bytes;
  }
  return live.empty() ? 0 : *std::max_element(live.begin(), live.end());
}

}  // namespace analysis
