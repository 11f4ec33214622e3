#pragma once
// The one evaluation path (design.md "Data flow"): a design point's network is built and
// analysed once (VariantFacts), then evaluated on a target — board, runtime, coefficients and
// deployment — by EvaluatePoint: the mode places it (placement::DeploymentMode), the mode's
// latency terms are evaluated with the coefficients, energy is power x latency, and the result
// is one Candidate row. Every command that reports a fit, a latency or an energy goes through
// EvaluatePoint. The network, the board and the deployment are separate const inputs; nothing
// is stored in the network.

#include <optional>
#include <string>
#include <vector>

#include "accuracy/accuracy.h"
#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "explore/candidate.h"
#include "graph/network.h"
#include "hw/board.h"
#include "kernels/runtime.h"
#include "latency/coefficients.h"
#include "latency/model.h"
#include "placement/mode.h"
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
  analysis::PeakActivation peak;  // tensor liveness (runtime-independent)
  placement::Footprint footprint;  // under the default runtime
  std::optional<accuracy::Top1> top1;  // nullopt: an imported network nobody measured
};

// Read-only models shared by every evaluation of a run.
struct Models {
  const searchspace::Catalog* catalog = nullptr;
  const accuracy::Surrogate* surrogate = nullptr;
  const std::vector<accuracy::Measurement>* measured = nullptr;
  const latency::CoefficientFile* coefficients = nullptr;
  const power::Table* power = nullptr;            // measured power (data/power/measured.csv)
  const tinyops::BudgetTable* budgets = nullptr;  // default TinyOps budgets (data/tinyops/)
};

util::Result<VariantFacts> Analyse(const searchspace::Space& space, double width, int resolution,
                                   const Models& models);

/// Analyse on `net`, already built by searchspace::Build(space, width, resolution).
VariantFacts AnalyseBuilt(const searchspace::Space& space, double width, int resolution,
                          graph::Network net, const Models& models);

/// The top-1 Analyse gives a variant of `space` with `macs` (measured, published or predicted).
std::optional<accuracy::Top1> Top1Of(const searchspace::Space& space,
                                     const searchspace::Variant& variant, int64_t macs,
                                     const Models& models);

/// The space name of imported networks in candidates and the database.
inline constexpr const char* kImportedSpace = "tflite";

/// Facts of a network that comes from no search space (an imported .tflite), named by
/// net.name. Top-1 is the measurement stored under that name at the net's weight precision
/// (int8 or int4), else unknown: the surrogate models the search-space families only, so an
/// imported network is never predicted. Fails when the net has no ops.
util::Result<VariantFacts> AnalyseNetwork(graph::Network net, const Models& models);

/// Facts of `net` without accuracy (top1 unset): counts, liveness, default-runtime footprint.
VariantFacts FactsOf(graph::Network net);

/// Where and how a point is evaluated. Pointers are borrowed and must outlive the call.
struct Target {
  const hw::Board* board = nullptr;
  const kernels::Runtime* runtime = nullptr;  // nullptr: the default runtime
  // For `board` (CoefficientsFor); nullptr: placement only, no latency or energy.
  const latency::BoardCoefficients* coefficients = nullptr;
  placement::Deployment deployment;
  const power::Table* power = nullptr;  // measured power; nullptr: none known (no energy)
};

/// A measured power and where it comes from.
struct PowerFigure {
  std::optional<double> mw;
  std::string provenance;  // "measured for this design", "board, <mode> mode", "" when none
};

/// The power measured for `design` in `mode` on `board` under `runtime` when `table` has it,
/// else the board's measured power in `mode`, else none (also when `table` is nullptr).
PowerFigure PowerFor(const power::Table* table, const hw::Board& board, std::string_view runtime,
                     const std::string& mode, const std::string& design);

struct EvaluateOptions {
  bool predict_infeasible = false;  // also predict latency when the placement does not fit
};

/// One evaluated design point: the row, the placement with its plan, and the prediction.
struct Evaluation {
  Candidate candidate;
  placement::Fit fit;
  std::optional<latency::Estimate> estimate;  // none when infeasible (unless asked) or unknown
  std::optional<util::Error> latency_error;   // why the mode could give no latency terms
  PowerFigure power;
  double clock_hz = 0;  // the board's core clock the cycles are counted in
};

/// Evaluates `facts` on `target`. Infeasible placements are results (candidate.feasible =
/// false, fail_reason set); a latency the mode cannot give is recorded in the candidate's
/// latency_provenance ("unavailable: ..."). Fails only when the deployment names an unknown
/// mode or the board has no clock.
util::Result<Evaluation> EvaluatePoint(const VariantFacts& facts, const Target& target,
                                       const EvaluateOptions& options = {});

/// The candidate EvaluatePoint gives on `target` for a design named `name` (variant `variant`,
/// top-1 `top1`) whose network has the structure of the one `cached` was evaluated for on the
/// same target under another name: `cached` with its name, variant, top-1 and energy (power is
/// looked up by name) set again. Contract: the placement and latency of target's mode do not
/// read the network's name (true of the default modes; see structure_cache.h).
Candidate Renamed(const Candidate& cached, const std::string& name,
                  const searchspace::Variant& variant, const std::optional<accuracy::Top1>& top1,
                  const Target& target);

/// EvaluatePoint in every registered mode, in registry order (target.deployment.mode is
/// ignored).
util::Result<std::vector<Evaluation>> EvaluateAllModes(const VariantFacts& facts, Target target,
                                                       const EvaluateOptions& options = {});

/// The predicted cost of every op of a feasible evaluation (`dse sweep --per-op`).
std::vector<OpCost> OpCosts(const VariantFacts& facts, const Evaluation& evaluation);

/// The footprint of `facts` under `runtime` (facts.footprint for the default runtime).
placement::Footprint FootprintFor(const VariantFacts& facts, const kernels::Runtime& runtime);

}  // namespace explore
