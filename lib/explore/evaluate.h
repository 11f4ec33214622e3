#pragma once
// Evaluating design points: a variant's network is built and analysed once (VariantFacts),
// then evaluated on every board and mode (Evaluate). The network, the board and the
// deployment are separate const inputs; nothing is stored in the network.

#include <functional>
#include <string>
#include <vector>

#include "accuracy/accuracy.h"
#include "analysis/cost.h"
#include "explore/candidate.h"
#include "explore/fronts.h"
#include "explore/search.h"
#include "graph/network.h"
#include "hw/board.h"
#include "latency/coefficients.h"
#include "placement/placement.h"
#include "searchspace/catalog.h"

namespace explore {

// What is known of a variant independently of any board.
struct VariantFacts {
  const searchspace::Space* space = nullptr;
  searchspace::Variant variant;
  graph::Network net;
  analysis::Totals totals;
  placement::Footprint footprint;
  accuracy::Top1 top1;
};

// Read-only models shared by every evaluation of a run.
struct Models {
  const searchspace::Catalog* catalog = nullptr;
  const accuracy::Surrogate* surrogate = nullptr;
  const std::vector<accuracy::Measurement>* measured = nullptr;
  const latency::CoefficientFile* coefficients = nullptr;
};

util::Result<VariantFacts> Analyse(const searchspace::Space& space, double width, int resolution,
                                   const Models& models);

// One design point. Infeasible placements are results (feasible = false, fail_reason set);
// latency and energy are predicted only for feasible points.
Candidate Evaluate(const VariantFacts& facts, const hw::Board& board,
                   const latency::BoardCoefficients& coefficients,
                   const placement::Deployment& deployment);

struct SweepOptions {
  std::vector<const searchspace::Space*> spaces;
  std::vector<const hw::Board*> boards;
  std::vector<placement::Mode> modes = {placement::Mode::kInternal, placement::Mode::kExternal,
                                        placement::Mode::kTinyops};
  int64_t budget_bytes = 0;  // 0: each board's default TinyOps budget
  bool filter_growth = true;
};

struct SweepResult {
  std::vector<Candidate> candidates;  // variant-major, then board, then mode
  std::vector<FrontMember> fronts;    // every front of every board
  int64_t points = 0;
  int64_t infeasible_points = 0;      // points feasible in no mode on any board
};

// Evaluates every grid point of the spaces on every board and mode. `progress(done, total)`
// is called after each point (may be empty).
util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                const std::function<void(int64_t, int64_t)>& progress);

}  // namespace explore
