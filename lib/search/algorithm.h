#pragma once
// search::Algorithm — the registered search algorithms ("random", "nsga2", "aging-evolution"),
// each a factory of an explore::Strategy (ask/tell) over a Problem. Every strategy built here:
//  * proposes distinct points of the problem's shard only, at most `evaluations` of them;
//  * never loops unboundedly: a proposal that repeats a point is re-drawn at most
//    kRedrawAttempts times, then the next unseen point after it (by id) is taken;
//  * works in batches (Ready()), so the caller may evaluate a batch in parallel, and proposes
//    the same points for a seed however the batch is evaluated;
//  * ranks points by constrained domination (problem.h), never rejecting one.

#include <cstdint>
#include <memory>
#include <random>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "explore/search.h"
#include "search/problem.h"
#include "util/registry.h"

namespace search {

inline constexpr int kRedrawAttempts = 16;

class Algorithm {
 public:
  virtual ~Algorithm() = default;
  virtual std::string_view id() const = 0;
  virtual std::string_view description() const = 0;
  /// A strategy proposing at most `evaluations` points of `problem` (borrowed; must outlive it).
  virtual std::unique_ptr<explore::Strategy> Make(const Problem& problem, int64_t evaluations,
                                                  uint64_t seed) const = 0;
};

/// Every registered algorithm (random, nsga2, aging-evolution).
const util::Registry<Algorithm>& Algorithms();

// The shared part of the strategies: the budget, the seen points, their scores, the random
// source, and the bounded draw of an unseen point.
class StrategyBase : public explore::Strategy {
 public:
  StrategyBase(const Problem& problem, int64_t evaluations, uint64_t seed);
  std::optional<int64_t> Next() final;
  void Report(int64_t id, const explore::PointResult& result) final;
  int64_t Ready() const final;
  /// Resumes a search: `ids` (distinct points of the shard) are proposed first, on top of the
  /// budget, and join the population like any proposal once reported. Call before Next().
  void Resume(const std::vector<int64_t>& ids);

 protected:
  /// Proposes a point (any id; repaired into the shard and made unseen by the base).
  virtual int64_t Propose() = 0;
  /// Called once a batch's every point is reported.
  virtual void BatchDone() {}
  /// How many points the current batch holds.
  virtual int64_t BatchSize() const = 0;
  /// Starts a new batch (after BatchDone()).
  const Problem& problem() const { return problem_; }
  const Score& ScoreOf(int64_t id) const { return scores_.at(id); }
  /// The ids reported in the batch just finished, in proposal order.
  const std::vector<int64_t>& batch() const { return batch_; }
  int64_t RandomId();
  /// The k-th of n points of a Latin hypercube sample drawn once per n: along every dimension
  /// the n points fall into n equal strata of its choices, one each (spreads a first
  /// population over the whole range of every dimension).
  int64_t LatinId(int64_t k, int64_t n);
  Genome Mutate(Genome g);
  Genome Crossover(const Genome& a, const Genome& b);
  std::mt19937_64& rng() { return rng_; }
  int64_t reported() const { return reported_; }

 private:
  std::optional<int64_t> Unseen(int64_t id);

  const Problem& problem_;
  int64_t budget_;
  std::mt19937_64 rng_;
  std::unordered_set<int64_t> seen_;
  std::unordered_map<int64_t, Score> scores_;
  std::vector<int64_t> batch_;
  std::vector<std::vector<int64_t>> latin_;  // per dimension, the stratum of each of n points
  std::vector<int64_t> resumed_;  // resumed points not yet proposed, last first
  int64_t asked_in_batch_ = 0;
  int64_t proposed_ = 0;
  int64_t reported_ = 0;
  bool exhausted_ = false;
};

/// Sorts `ids` into fronts by constrained domination (fast non-dominated sort); returns the
/// front index of each id, 0 best, in the order of `ids`.
std::vector<int> FrontRanks(const std::vector<const Score*>& scores);

}  // namespace search
