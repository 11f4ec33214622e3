#pragma once
// Design points and search strategies (style rule 6: ask/tell, like timeloop's
// SearchAlgorithm; the strategy never calls a model). A design point is an integer id over
// named dimensions — today "space", "width" and "resolution", each an index into a list of
// spaces or into a space's grid — numbered space by space, width-major, so any point of a run
// can be rebuilt from its id.

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "searchspace/space.h"

namespace explore {

/// One coordinate of a point: the dimension's name, the index of the choice, and its value.
struct Coordinate {
  std::string dimension;  // "space", "width", "resolution"
  int64_t index = 0;
  std::string value;      // e.g. "mbv3", "0.75", "128"
};

struct DesignPoint {
  const searchspace::Space* space = nullptr;
  double width = 1;
  int resolution = 0;
  std::vector<Coordinate> coordinates;  // one per dimension, in PointSpace::Dimensions() order
};

// The grid points of a list of spaces, numbered 0..size()-1 space by space.
class PointSpace {
 public:
  explicit PointSpace(std::vector<const searchspace::Space*> spaces);
  int64_t size() const { return total_; }
  /// The dimensions' names, outermost first.
  static std::vector<std::string> Dimensions() { return {"space", "width", "resolution"}; }
  DesignPoint At(int64_t id) const;  // contract: 0 <= id < size()

 private:
  std::vector<const searchspace::Space*> spaces_;
  std::vector<int64_t> first_id_;  // first id of each space
  int64_t total_ = 0;
};

/// How a point did: its status over every (board, runtime, mode) it was evaluated in, and the
/// best objective values among its feasible evaluations (none when unknown).
struct PointResult {
  int evaluations = 0;
  int feasible_evaluations = 0;
  bool feasible() const { return feasible_evaluations > 0; }
  std::string fail_reason;           // the first evaluation's, when none is feasible
  int64_t macs = 0;
  std::optional<double> top1_pct;
  std::optional<double> latency_ms;  // lowest over feasible evaluations
  std::optional<double> energy_mj;   // lowest over feasible evaluations
  std::optional<int64_t> sram_bytes; // lowest over feasible evaluations
};

// Ask/tell interface: Next() proposes a point (nullopt when done); Report() tells how it did.
class Strategy {
 public:
  virtual ~Strategy() = default;
  virtual std::optional<int64_t> Next() = 0;
  virtual void Report(int64_t id, const PointResult& result) = 0;
  /// How many more points Next() can propose before it needs a Report (a batch: the caller may
  /// evaluate that many in parallel). Proposals never depend on how the batch is split.
  virtual int64_t Ready() const { return INT64_MAX; }
  /// Points reported infeasible so far.
  int64_t infeasible_points() const { return infeasible_; }

 protected:
  void Count(const PointResult& result) { infeasible_ += result.feasible() ? 0 : 1; }

 private:
  int64_t infeasible_ = 0;
};

// Exhaustive: every point once, in id order; with a shard k/N only the ids with
// id % N == k - 1 (the shards of one grid partition it).
class GridStrategy : public Strategy {
 public:
  explicit GridStrategy(int64_t size, int shard_index = 1, int shard_count = 1)
      : size_(size), next_(shard_index - 1), step_(shard_count) {}
  std::optional<int64_t> Next() override;
  void Report(int64_t id, const PointResult& result) override;

 private:
  int64_t size_;
  int64_t next_ = 0;
  int64_t step_ = 1;
};

// `count` distinct points drawn uniformly (all of them when count >= size), deterministic for
// a seed.
class RandomStrategy : public Strategy {
 public:
  RandomStrategy(int64_t size, int64_t count, uint64_t seed);
  std::optional<int64_t> Next() override;
  void Report(int64_t id, const PointResult& result) override;

 private:
  std::vector<int64_t> order_;
  size_t next_ = 0;
};

}  // namespace explore
