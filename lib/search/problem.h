#pragma once
// search::Problem — what a search optimises, independently of the algorithm: the point space
// as named dimensions with finite choice sets (a point is one choice index per dimension,
// numbered mixed-radix, first dimension outermost), the objectives (all turned into minimised
// values) and the constraints. Points are compared by constrained domination (Deb 2000): a
// point meeting every constraint beats one that does not; two that do not are ordered by total
// violation; two that do by Pareto domination. So no algorithm ever needs a rejection loop.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "explore/search.h"
#include "util/result.h"

namespace search {

/// One dimension: its name and how many choices it has (>= 1).
struct Dimension {
  std::string name;
  int64_t choices = 1;
};

/// A point as one choice index per dimension.
using Genome = std::vector<int64_t>;

/// The space: dimensions, and optionally a shard k/N — only points whose id % N == k - 1.
class Space {
 public:
  explicit Space(std::vector<Dimension> dimensions, int shard_index = 1, int shard_count = 1);
  const std::vector<Dimension>& dimensions() const { return dimensions_; }
  int64_t size() const { return size_; }  // every point, shard or not
  int64_t Id(const Genome& g) const;
  Genome At(int64_t id) const;
  /// Whether `id` belongs to this shard.
  bool InShard(int64_t id) const { return id % shard_count_ == shard_index_ - 1; }
  /// The points of this shard (size / N, rounded either way).
  int64_t shard_size() const;
  /// The first id of this shard at or after `id`, wrapping around.
  int64_t Repair(int64_t id) const;

 private:
  std::vector<Dimension> dimensions_;
  int64_t size_ = 1;
  int shard_index_ = 1, shard_count_ = 1;
};

/// --shard k/N: 1 <= k <= N. Input error otherwise.
util::Result<std::pair<int, int>> ParseShard(const std::string& text);

enum class Metric { kTop1, kLatency, kEnergy, kSram, kMacs };

/// The value of `metric` for a point (top-1 in %, latency ms, energy mJ, SRAM bytes, MACs);
/// nullopt when unknown (an infeasible point has no latency).
std::optional<double> MetricValue(const explore::PointResult& r, Metric metric);
const char* MetricName(Metric metric);

/// --objectives top1,latency[,energy,sram,macs]: at least two, no repeats. Input error naming
/// the nearest metric otherwise.
util::Result<std::vector<Metric>> ParseObjectives(const std::string& text);

/// One constraint, e.g. 'latency<=500ms', 'sram<=256KiB', 'top1>=70'.
struct Constraint {
  Metric metric = Metric::kLatency;
  bool at_most = true;  // <= (else >=)
  double bound = 0;     // in the metric's unit (ms, mJ, bytes, %, MACs)
  std::string text;     // as written
};

/// Parses one --constraint: METRIC<=VALUE[unit] or METRIC>=VALUE[unit]; units ms, s (latency),
/// mJ, J (energy), B, KiB/K, MiB/M (sram), % (top1), M, G (macs). Input error otherwise.
util::Result<Constraint> ParseConstraint(const std::string& text);

/// How one point scores: its minimised objective values and its constraint violation (0 when it
/// meets every constraint; a point feasible in no mode has violation >= 1000).
struct Score {
  std::vector<double> objectives;
  double violation = 0;
  bool ok() const { return violation == 0; }
};

class Problem {
 public:
  Problem(Space space, std::vector<Metric> objectives, std::vector<Constraint> constraints);
  const Space& space() const { return space_; }
  const std::vector<Metric>& objectives() const { return objectives_; }
  const std::vector<Constraint>& constraints() const { return constraints_; }
  Score Evaluate(const explore::PointResult& r) const;
  /// Relative violation of one constraint (0 when met, 1 when the value is unknown).
  double Violation(const explore::PointResult& r, const Constraint& c) const;

 private:
  Space space_;
  std::vector<Metric> objectives_;
  std::vector<Constraint> constraints_;
};

/// Pareto domination of minimised vectors: a <= b everywhere and < somewhere.
bool Dominates(const std::vector<double>& a, const std::vector<double>& b);
/// Constrained domination (see the file comment).
bool ConstrainedDominates(const Score& a, const Score& b);

}  // namespace search
