#pragma once
// search::Run — `dse search` as a library call: a registered algorithm proposes points of one
// space (search::Problem over the space's named dimensions), explore::Sweep evaluates them on
// the board(s) and modes (in parallel threads), and the outcome is the run's candidates and 2-D
// fronts (like a sweep: written to the database by the caller), the search's own
// n-objective constrained front, and its statistics.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accuracy/point_predictor.h"
#include "explore/sweep.h"
#include "search/algorithm.h"
#include "search/problem.h"

namespace search {

/// What the command line asked for, unvalidated.
struct Request {
  std::string space;
  std::string objectives = "top1,latency";
  std::vector<std::string> constraints{};
  int64_t evaluations = 1000;
  std::string algorithm = "nsga2";
  uint64_t seed = 1;
  std::string shard{};  // "k/N" or empty
  int threads = 0;    // 0: the hardware's concurrency
  bool keep_all = false;
  /// Hypervolume reference point in the objectives' units (top-1 %, ms, mJ, bytes, MACs);
  /// empty: the front's nadir moved out by a tenth of the front's range on each objective.
  std::vector<double> reference{};
  /// Where data/accuracy/arch_accuracy_public.csv lies (the data root): needed by per-stage
  /// spaces, whose top-1 comes from accuracy::PointPredictor.
  std::string data_root{};
  /// --resume: the designs of the run resumed (ResumeDesigns); they are re-evaluated first
  /// (with the accuracies measured since, the predictor refitted on them) and seed the
  /// strategy, which then proposes `evaluations` new points.
  std::vector<std::string> resume{};
  std::optional<int64_t> resumed_from{};  // --resume's run id (shown as resumed_from)
  /// --dominate: reference designs (variant, fixed net or point names) the front is compared
  /// with (dominate.h); needs the objectives top1 and latency.
  std::vector<std::string> dominate{};
};

/// A validated search. `sweep` carries the boards, runtime and modes; Plan fills its space,
/// shard, threads and keep_all.
struct Plan {
  Problem problem;
  const Algorithm* algorithm = nullptr;
  explore::SweepOptions sweep;
  int64_t evaluations = 0;
  uint64_t seed = 0;
  std::vector<double> reference{};
  /// Per-stage spaces: the space searched and its predictor (nullptr for uniform families).
  const searchspace::Space* staged = nullptr;
  std::shared_ptr<const accuracy::PointPredictor> predictor{};
  std::vector<int64_t> resume_ids{};  // the resumed designs that are points of this space
  int64_t resume_skipped = 0;         // resumed designs that are not
  std::optional<int64_t> resumed_from{};  // Request::resumed_from
  std::vector<std::string> dominate{};  // validated reference designs
};

/// The dimensions of a space: a uniform family's width x resolution (ids as
/// explore::PointSpace numbers them for that one space), or a per-stage space's
/// StageDimensions (stage_space.h).
std::vector<Dimension> DimensionsOf(const searchspace::Space& space);

/// Validates `request` (space in `catalog`, objectives, constraints, algorithm, shard,
/// evaluations >= 1): input errors name the nearest valid choice.
util::Result<Plan> MakePlan(const Request& request, const searchspace::Catalog& catalog,
                            explore::SweepOptions sweep);

/// The id of `design` (a variant or point name) in `plan`'s space; nullopt when it is not one
/// of its points (another space, width or grid).
std::optional<int64_t> IdOfDesign(const Plan& plan, const searchspace::Catalog& catalog,
                                  const std::string& design);

struct FrontPoint {
  int64_t id = 0;
  std::string variant;
  std::vector<double> values;  // per objective, in its unit (top-1 %, ms, ...)
  std::string top1_provenance = "predicted";  // the deployment's: predicted, extrapolated, published, measured
  std::string board, mode;     // the deployment whose figures these are (each constraint met by it)
};

struct Outcome {
  explore::SweepResult sweep;
  /// The non-dominated deployments (point, board, mode) meeting every constraint, by id.
  std::vector<FrontPoint> front;
  int64_t evaluations = 0;        // distinct points evaluated
  double seconds = 0;
  double evaluations_per_second = 0;
  std::vector<double> reference;  // the hypervolume's reference point (objective units)
  double hypervolume = 0;         // in the product of the objectives' units
  /// Set when no evaluated point meets every constraint: names the tightest constraint and
  /// the closest design (the caller exits 4).
  std::optional<std::string> unsatisfiable;
  /// Per-stage spaces: the predictor the run used (refitted on the measured designs).
  std::shared_ptr<const accuracy::PointPredictor> predictor{};
  int64_t resumed = 0;  // designs of the resumed run re-evaluated first
};

/// Runs the search; `progress(done, total)` after each point (total: the budget).
util::Result<Outcome> Run(const Plan& plan, const explore::Models& models,
                          const explore::Progress& progress);

/// The statistics and front as JSON text (`dse search --json`), and as a short text report.
std::string OutcomeJson(const Plan& plan, const Outcome& outcome, int64_t run_id);
std::string OutcomeText(const Plan& plan, const Outcome& outcome, int64_t run_id, const std::string& db);

}  // namespace search
