#pragma once
// Sweeps: a Strategy proposes design points of a list of spaces; each is analysed once and
// evaluated by EvaluatePoint on every board, runtime and mode; the strategy hears how it did;
// imported networks follow; the fronts of every board close the run.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "explore/evaluate.h"
#include "explore/fronts.h"
#include "explore/provenance.h"
#include "explore/search.h"

namespace explore {

struct SweepOptions {
  std::vector<const searchspace::Space*> spaces;
  std::vector<const graph::Network*> networks;  // imported, evaluated after the grid points
  std::vector<const hw::Board*> boards;
  const kernels::Runtime* runtime = nullptr;     // nullptr: the default runtime
  std::vector<std::string> modes = placement::ModeIds();  // registered mode ids
  int64_t budget_bytes = 0;  // 0: each board's default TinyOps budget
  bool filter_growth = true;
  placement::Configuration configuration = placement::Configuration::kFastest;
  bool per_op = false;       // also keep the predicted cost of every op (SweepResult::op_costs)
  // Shard k/N of the grid (GridStrategy): ids with id % N == k - 1; imported networks go to
  // shard 1 only, so the shards of a sweep partition it.
  int shard_index = 1;
  int shard_count = 1;
  int threads = 1;           // points of a batch (Strategy::Ready) evaluated in parallel
  // false: keep only the candidates on some front of their board (pruned as the run goes, so
  // memory stays bounded); the fronts are the same either way.
  bool keep_all = true;
  // When set, a proposed id is analysed by this instead of PointSpace(spaces) (a search over a
  // per-stage space numbers its own points); called from several threads at once.
  std::function<util::Result<VariantFacts>(int64_t id)> analyse{};
};

struct SweepResult {
  std::vector<Candidate> candidates;  // point-major, then board, then mode
  std::vector<FrontMember> fronts;    // every front of every board
  std::vector<OpCost> op_costs;       // per op of every feasible evaluation, when per_op
  int64_t points = 0;                 // points proposed plus imported networks
  int64_t infeasible_points = 0;      // points feasible in no mode on any board
  RunOptions options;                 // the options that shaped the figures, as the run records them
};

using Progress = std::function<void(int64_t done, int64_t total)>;

/// Evaluates the points `strategy` proposes over PointSpace(options.spaces), then every
/// imported network, on every board and mode. `progress(done, total)` is called after each
/// point (may be empty); `total` counts the whole point space.
util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                Strategy* strategy, const Progress& progress);

/// The same with a GridStrategy: every point of every space.
util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                const Progress& progress);

}  // namespace explore
