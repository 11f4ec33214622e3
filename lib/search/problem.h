#pragma once
// search::Problem — what a search optimises, independently of the algorithm: the point space
// as named dimensions with finite choice sets (a point is one choice index per dimension,
// numbered mixed-radix, first dimension outermost), the objectives (all turned into minimised
// values) and the constraints. Points are compared by constrained domination (Deb 2000): a
// point meeting every constraint beats one that does not; two that do not are ordered by total
// violation; two that do by Pareto domination. So no algorithm ever needs a rejection loop.

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "explore/search.h"
#include "util/result.h"

namespace search {

/// One dimension: its name and how many choices it has (>= 1). A gated dimension counts only
/// when its gate dimension's choice switches it on (a slot past its stage's depth): otherwise
/// its choice is a don't-care, written 0 (Space::Canonical), so it never makes a duplicate.
struct Dimension {
  std::string name;
  int64_t choices = 1;
  int gate = -1;                 // index of the gating dimension; -1: always counts
  std::vector<bool> active_when{};  // per choice of the gate: whether this dimension counts
};

/// A point as one choice index per dimension.
using Genome = std::vector<int64_t>;

/// The space: dimensions, and optionally a shard k/N.
///  * Ungated spaces number points mixed-radix (first dimension outermost); shard k/N keeps the
///    ids with id % N == k - 1.
///  * Gated spaces (per-stage spaces; 3^45 genomes overflow 64 bits) number points in the order
///    they are first met (Id() registers a canonical genome; the registry is shared by copies
///    and guarded by a mutex); shard k/N keeps the genomes whose hash % N == k - 1. size() is
///    then saturated at kMaxGatedSize.
class Space {
 public:
  static constexpr int64_t kMaxGatedSize = int64_t{1} << 62;
  explicit Space(std::vector<Dimension> dimensions, int shard_index = 1, int shard_count = 1);
  const std::vector<Dimension>& dimensions() const { return dimensions_; }
  int64_t size() const { return size_; }  // every point, shard or not
  bool gated() const { return registry_ != nullptr; }
  /// `g` with every dimension that does not count set to 0.
  Genome Canonical(Genome g) const;
  /// The id of Canonical(g) (gated spaces: registered on first use).
  int64_t Id(const Genome& g) const;
  Genome At(int64_t id) const;
  /// Whether `id` belongs to this shard.
  bool InShard(int64_t id) const;
  /// The points of this shard (size / N, rounded either way).
  int64_t shard_size() const;
  /// The first id of this shard at or after `id` (gated: the id itself or a successor's),
  /// wrapping around.
  int64_t Repair(int64_t id) const;
  /// The next point of this shard after `id`, wrapping around (gated: the next canonical
  /// genome in mixed-radix order over the dimensions that count).
  int64_t Successor(int64_t id) const;
  /// A point drawn uniformly: an id (ungated), or each dimension's choice (gated).
  int64_t Random(std::mt19937_64& rng) const;

 private:
  struct Registry;
  bool Counts(const Genome& g, size_t dimension) const;
  bool GenomeInShard(const Genome& g) const;
  Genome Increment(Genome g) const;

  std::vector<Dimension> dimensions_;
  int64_t size_ = 1;
  int shard_index_ = 1, shard_count_ = 1;
  std::shared_ptr<Registry> registry_;  // gated spaces only
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
