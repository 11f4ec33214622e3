#pragma once
// A memo of evaluations by network structure, for sweeps and searches over dense grids: widths
// that round to the same channel counts build the same network under another name (mbv3 at
// widths 0.101 and 0.102 differ only in their names), and placement, footprint and latency
// never read a network's name. A point whose structure was evaluated before reuses those
// candidates with its own name-dependent fields set again (explore::Renamed: name, width,
// top-1, power and energy found by name), so every row is what EvaluatePoint gives it.

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/cost.h"
#include "explore/candidate.h"
#include "graph/network.h"

namespace explore {

/// Everything of `net` but its name, as an exact key: two networks with equal keys have the
/// same tensors, ops (with their names), bits and file size.
std::string StructureKey(const graph::Network& net);

/// What is kept of one structure's first evaluation.
struct StructureEvaluations {
  analysis::Totals totals;
  std::vector<Candidate> candidates;  // in the caller's (board, mode) order
};

/// Thread-safe map from StructureKey to the structure's evaluations. It keeps at most
/// `capacity` structures (later ones are evaluated afresh each time, so memory stays bounded).
class StructureCache {
 public:
  explicit StructureCache(size_t capacity) : capacity_(capacity) {}
  /// nullptr when `key` was not stored.
  std::shared_ptr<const StructureEvaluations> Find(const std::string& key) const;
  /// Keeps the first value stored under `key`.
  void Insert(const std::string& key, StructureEvaluations value);
  /// Whether lookups are still worth their cost: false once kProbeLookups lookups found
  /// nothing (a grid without repeated structures, e.g. the default sweep).
  bool Useful() const { return hits_ > 0 || lookups_ < kProbeLookups; }

 private:
  static constexpr int64_t kProbeLookups = 256;
  mutable std::atomic<int64_t> lookups_{0};
  mutable std::atomic<int64_t> hits_{0};
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const StructureEvaluations>> map_;
  size_t capacity_;
};

}  // namespace explore
