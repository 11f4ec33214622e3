#pragma once
// Fitting a data-file runtime (kernels/data_runtime.h) to published latencies, and leave one
// board out over the public data per runtime.
//
// A row's tflm-cmsis-nn prediction (the shipped coefficients of its board, or the family
// correction its board inherits) is split by op group: t(f) = fixed + sum_g f_g x group_g, with
// `fixed` the per-op dispatch a runtime's factors do not scale. With the runtime's prior p_g
// (kernels::RuntimePrior; p_g = 1 and no level pull without one) the fit runs in two steps:
//   level c = argmin sum_rows (log t_r(p e^c) - log measured_r)^2 + (sigma_row / spread)^2 c^2,
//   log f = argmin sum_rows (log t_r(f) - log measured_r)^2
//           + (sigma_row / spread)^2 x sum_g (log f_g - log p_g - c)^2,
// so a group that holds little of the rows' predicted time keeps the prior's shape at the level
// the rows give (without a prior: the single best factor, pull 1 row), and the level itself is
// pulled toward the prior's by the same (sigma_row / spread)^2 rows' worth of evidence. Without rows the
// factors are the prior's (Gauss-Newton in log f, 40 steps).

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "hw/catalog.h"
#include "kernels/data_runtime.h"
#include "latency/coefficients.h"
#include "latency/fit.h"
#include "latency/leave_board_out.h"
#include "searchspace/catalog.h"
#include "tinyops/budgets.h"
#include "util/result.h"

namespace explore {

/// Pull of each group's log factor toward the single best factor when the runtime has no
/// prior, in rows' worth of evidence.
inline constexpr double kFactorShrinkage = 1.0;
/// A row's log error under tflm-cmsis-nn on a board left out: the RMS of the left-out errors of
/// the public tflm-cmsis-nn rows, 0.16 (latency/README.md, "Leave one board out"). With a
/// prior's log_spread it weighs the prior against the rows: (0.16 / spread)^2 rows.
inline constexpr double kRowLogSigma = 0.16;

/// A row's tflm-cmsis-nn prediction split by op group, in ms.
struct GroupedPrediction {
  kernels::GroupFactors group_ms{};  // per group, without the dispatch
  double fixed_ms = 0;               // per-op dispatch (not scaled by a runtime's factors)
  /// fixed + sum_g factors[g] x group_ms[g].
  double Total(const kernels::GroupFactors& factors) const;
};

/// A measured row with its prediction under tflm-cmsis-nn.
struct PredictedRow {
  latency::Measurement row;
  GroupedPrediction prediction;
  double macs = 0;
  double clock_hz = 0;
  double log_sigma = 0;  // the prediction's 80 % interval spread (latency/interval.h)
};

/// Each sample (built under tflm-cmsis-nn: BuildSamples with kernels::DefaultRuntime()) predicted
/// with CoefficientsFor(its board, `coefficients`, tflm-cmsis-nn).
std::vector<PredictedRow> PredictRows(const std::vector<latency::Sample>& samples,
                                      const hw::Catalog& boards,
                                      const latency::CoefficientFile& coefficients);

struct FactorFit {
  kernels::GroupFactors factors{1, 1, 1, 1, 1};
  double single_factor = 1;  // e^c: the scale on the prior's shape (on 1 without a prior)
  int rows = 0;
  bool from_prior = false;  // no rows: the factors are the prior's
};

/// The factors that best map `rows`' predictions to their measurements (header comment), shrunk
/// toward `prior` (none: toward the single best factor). Without rows: the prior's factors, or
/// the identity (factor 1, i.e. tflm-cmsis-nn) when there is no prior.
FactorFit FitFactors(const std::vector<PredictedRow>& rows, double shrinkage = kFactorShrinkage,
                     const kernels::RuntimePrior* prior = nullptr);

/// The [prior] of the registered data runtime `runtime_id`; none for another runtime or a
/// data runtime without one.
const kernels::RuntimePrior* RegisteredPrior(const std::string& runtime_id);

/// The pull of each group's log factor toward the prior's shape, in rows' worth of evidence:
/// (kRowLogSigma / prior->log_spread)^2, the weight the prior's level gets, since log_spread is
/// the spread of each log factor (kernels/data_runtime.h); kFactorShrinkage without a prior.
double GroupPull(const kernels::RuntimePrior* prior);

/// One (runtime, board) of the leave-one-board-out table; board "all" sums a runtime.
struct RuntimeBoardOut {
  std::string runtime, board;
  int rows = 0;
  double mape_pct = 0;
  std::optional<double> baseline_mape_pct;  // none when no other board has rows
  std::string predicted_with;
  double coverage_pct = 0;  // rows whose measurement is inside their 80 % interval
  double mean_interval_ratio = 0;  // mean high / low of those intervals
};

/// A row of another runtime predicted with its board left out, with its 80 % interval
/// (runtime_interval.h).
struct RuntimeRowOut {
  std::string runtime, board;
  double predicted_ms = 0, measured_ms = 0;
  double low_ms = 0, high_ms = 0;
};

struct PublicLeaveBoardOut {
  std::vector<RuntimeBoardOut> cells;  // per runtime, per board, then the runtime's "all"
  RuntimeBoardOut tflm_overall;        // tflm-cmsis-nn rows (runtime "tflm-cmsis-nn", board "all")
  RuntimeBoardOut other_overall;       // every other runtime's rows (runtime "other")
  /// The rows of other runtimes measured on 2+ boards (runtime "other, 2+ boards"): those whose
  /// left-out rows are predicted with factors from other boards, not factor 1.
  RuntimeBoardOut other_transferred;
  std::vector<RuntimeRowOut> rows;  // every other runtime's rows, in the order of `cells`
};

/// Leave one board out: tflm-cmsis-nn rows from `tflm` (latency::LeaveBoardsOut over them);
/// every other runtime's rows of a board from factors fitted on that runtime's rows of the
/// other boards, shrunk toward its registered prior (RegisteredPrior); the prior alone when no
/// other board has rows of it (factor 1, i.e. tflm-cmsis-nn, without a prior). In the fold
/// of a board with tflm-cmsis-nn rows every row is re-predicted (PredictRows of `samples`) with
/// that fold's fit (tflm.fold_fits), so no row leans on the left-out board's calibration; other
/// folds use `rows` (the shipped coefficients). A row's 80 % interval is its prediction x
/// exp(-/+ z sigma), sigma the tflm-cmsis-nn prediction's, combined (root sum of squares) with
/// the prior's log_spread where the prior alone predicts. Beside each, MACs x k / clock with k
/// fitted (relative least squares) on the other boards' rows of the runtime, else of every
/// runtime.
PublicLeaveBoardOut LeaveBoardsOutByRuntime(const std::vector<PredictedRow>& rows,
                                            const std::vector<latency::Sample>& samples,
                                            const hw::Catalog& boards,
                                            const latency::LeaveBoardOut& tflm);

/// The table of `lobo` as text (runtime, board, rows, model MAPE, MACs x k MAPE, share of rows
/// inside their 80 % interval, what predicted).
std::string PublicLeaveBoardOutText(const PublicLeaveBoardOut& lobo);
nlohmann::json PublicLeaveBoardOutJson(const PublicLeaveBoardOut& lobo);

/// `dse runtimes list`: one line per runtime (id, fitted rows, title, source), or JSON.
std::string RuntimesListText();
nlohmann::json RuntimesListJson();

}  // namespace explore

namespace explore {

/// `dse runtimes fit`: the file spec of the registered data runtime `runtime_id` with its factors
/// refitted (FitFactors) to the rows of `rows` that measured it. Input errors: the runtime is
/// not a data-file runtime, or no row measured it.
util::Result<kernels::RuntimeSpec> RefitRuntime(const std::vector<PredictedRow>& rows,
                                                const std::string& runtime_id);

/// The comment `dse runtimes fit` writes at the top of a fitted file: how it was produced.
std::string RefitComment(const kernels::RuntimeSpec& spec, const FactorFit& fit,
                         const std::string& data_sources);

/// The rows of measurement files built under tflm-cmsis-nn and predicted (PredictRows): what
/// `dse runtimes fit` and `dse runtimes lobo` work on.
struct MeasuredRows {
  std::vector<latency::Sample> samples;
  std::vector<PredictedRow> rows;
  std::string sources;  // the files, relative to the data directory
};

/// Loads `files` (model-file variants from <data_dir>/data/models) and predicts every row with
/// `coefficients`. Errors are the files' ("file:line: ...").
util::Result<MeasuredRows> LoadMeasuredRows(const std::vector<std::string>& files,
                                            const hw::Catalog& boards,
                                            const searchspace::Catalog& spaces,
                                            const tinyops::BudgetTable& budgets,
                                            const latency::CoefficientFile& coefficients,
                                            const std::string& data_dir);

/// RefitRuntime + FormatRuntimeSpec with RefitComment: the text of the refitted file.
util::Result<std::string> RefitRuntimeText(const MeasuredRows& measured,
                                           const std::string& runtime_id);

/// `dse runtimes lobo`: LeaveBoardsOutByRuntime over `measured` (tflm-cmsis-nn rows through
/// latency::LeaveBoardsOut), as text or JSON.
std::string LeaveBoardsOutReport(const MeasuredRows& measured, const hw::Catalog& boards,
                                 bool json);

}  // namespace explore
