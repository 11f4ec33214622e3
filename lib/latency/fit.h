#pragma once
// Calibration: fits each board's coefficients to its measured rows and reports how well the
// model predicts them, in sample and leave-one-out, next to a MACs-only linear baseline.
//
// Fit (per board, with Eigen): each coefficient is its prior times exp(u); minimise
//   sum_rows ((predicted - measured) / measured / kRowSigma)^2 + sum_coefs (u / kPriorSigma)^2,
// a ridge regression in log space around the priors, by damped Gauss-Newton (the per-part
// max() of the tinyops mode is re-linearised each step). Coefficients stay positive by
// construction. A coefficient that contributes < 1 % of every row's prediction is not fitted:
// it keeps its prior, and the report says so. With few rows the ridge keeps the fit near the
// priors; leave-one-out (rows of the same board/variant/mode left out together) is the honest
// error.
// Baseline: latency = k x MACs, k fitted per board and mode (per board when a mode has no
// other row), in relative least squares.

#include <optional>
#include <string>
#include <vector>

#include "latency/coefficients.h"
#include "latency/measurements.h"
#include "latency/model.h"

namespace latency {

inline constexpr double kRowSigma = 0.05;   // relative error expected of a model row
inline constexpr double kPriorSigma = 1.0;  // log-space spread of a prior (factor e at 1 sigma)

/// One measured row with what the model needs to predict it.
struct Sample {
  Measurement row;
  std::vector<OpTerms> terms;  // BuildTerms of the row's network, board and mode
  double clock_hz = 0;
  double macs = 0;             // this toolkit's count of the row's network
};

struct RowResult {
  Measurement row;
  double macs = 0;
  double predicted_ms = 0;  // fitted on all rows
  std::optional<double> loo_ms;            // fitted without the row's group; none if no rows left
  std::optional<double> baseline_ms;
  std::optional<double> baseline_loo_ms;
};

/// Mean absolute percentage errors of one group of rows (a board and mode, a board, or all).
struct ErrorSummary {
  std::string board;  // "" = all boards
  std::string mode;   // "" = all modes
  int rows = 0;
  double mape_pct = 0;
  std::optional<double> loo_mape_pct;  // none when no row of the group has a LOO prediction
  std::optional<double> baseline_mape_pct;
  std::optional<double> baseline_loo_mape_pct;
};

struct Calibration {
  std::vector<RowResult> rows;
  std::vector<ErrorSummary> summaries;  // per board and mode, then per board, then overall
  CoefficientFile fitted;               // one entry per board with rows
  std::vector<std::string> notes;       // coefficients kept at their prior, per board
};

/// Fits one board's coefficients to `samples` (all of that board), starting from `priors`.
BoardCoefficients FitBoard(const std::vector<const Sample*>& samples,
                           const BoardCoefficients& priors);

/// Predicted latency of one sample with `coefs`.
double PredictMs(const Sample& sample, const CoefValues& coefs);

/// Fits every board that has rows, with in-sample, leave-one-out and baseline errors.
/// `priors` holds one entry per board named by the samples; `sources` names the data files.
Calibration Calibrate(const std::vector<Sample>& samples, const CoefficientFile& priors,
                      const std::string& sources);

}  // namespace latency
