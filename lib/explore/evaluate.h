#pragma once
// Evaluating design points: a variant's network is built and analysed once (VariantFacts),
// then evaluated on every board and mode (Evaluate). The network, the board and the
// deployment are separate const inputs; nothing is stored in the network.

#include <functional>
#include <optional>
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
#include "power/power.h"
#include "tinyops/budgets.h"
#include "searchspace/catalog.h"

namespace explore {

// What is known of a variant independently of any board.
struct VariantFacts {
  const searchspace::Space* space = nullptr;  // nullptr for an imported network
  searchspace::Variant variant;  // an imported network: space "tflite", width 1, its input height
  graph::Network net;
  analysis::Totals totals;
  placement::Footprint footprint;
  std::optional<accuracy::Top1> top1;  // nullopt: an imported network nobody measured
};

// Read-only models shared by every evaluation of a run.
struct Models {
  const searchspace::Catalog* catalog = nullptr;
  const accuracy::Surrogate* surrogate = nullptr;
  const std::vector<accuracy::Measurement>* measured = nullptr;
  const latency::CoefficientFile* coefficients = nullptr;
  const power::Table* power = nullptr;  // measured power (data/power/measured.csv)
  const tinyops::BudgetTable* budgets = nullptr;  // default TinyOps budgets (data/tinyops/)
};

util::Result<VariantFacts> Analyse(const searchspace::Space& space, double width, int resolution,
                                   const Models& models);

/// The space name of imported networks in candidates and the database.
inline constexpr const char* kImportedSpace = "tflite";

/// Facts of a network that comes from no search space (an imported .tflite), named by
/// net.name. Top-1 is the measurement stored under that name at the net's weight precision
/// (int8 or int4), else unknown: the surrogate models the search-space families only, so an
/// imported network is never predicted. Fails when the net has no ops.
util::Result<VariantFacts> AnalyseNetwork(graph::Network net, const Models& models);

// One design point. Infeasible placements are results (feasible = false, fail_reason set);
// latency and energy are predicted only for feasible points. When `op_costs` is given, the
// predicted latency of every op of a feasible point is appended to it.
Candidate Evaluate(const VariantFacts& facts, const hw::Board& board,
                   const latency::BoardCoefficients& coefficients,
                   const placement::Deployment& deployment,
                   std::vector<OpCost>* op_costs = nullptr);

struct SweepOptions {
  std::vector<const searchspace::Space*> spaces;
  std::vector<const graph::Network*> networks;  // imported, evaluated after the grid points
  std::vector<const hw::Board*> boards;
  std::vector<placement::Mode> modes = {placement::Mode::kInternal, placement::Mode::kExternal,
                                        placement::Mode::kTinyops};
  int64_t budget_bytes = 0;  // 0: each board's default TinyOps budget
  bool filter_growth = true;
  bool per_op = false;       // also keep the predicted cost of every op (SweepResult::op_costs)
};

struct SweepResult {
  std::vector<Candidate> candidates;  // variant-major, then board, then mode
  std::vector<FrontMember> fronts;    // every front of every board
  std::vector<OpCost> op_costs;       // per op of every feasible evaluation, when per_op
  int64_t points = 0;                 // grid points plus imported networks
  int64_t infeasible_points = 0;      // points feasible in no mode on any board
};

// Evaluates every grid point of the spaces, then every imported network, on every board and
// mode. `progress(done, total)` is called after each point (may be empty).
util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                const std::function<void(int64_t, int64_t)>& progress);

}  // namespace explore
