#pragma once
// Calibration: fits each board's coefficients to its measured rows and reports how well the
// model predicts them, in sample and leave-one-out, next to a MACs-only linear baseline.
//
// Fit (all boards jointly, with Eigen): each coefficient is
//   c[b][j] = prior[b][j] * exp(s[j] + a[b] * compute(j) + e[b][j]),
// with s[j] a correction of prior j shared by every board (the priors' derivations are the
// same for all boards), a[b] one scale of board b's compute coefficients (core and bus
// differences the family priors miss) and e[b][j] a board's own deviation. Minimised:
//   sum_rows ((predicted - measured) / measured / kRowSigma)^2
//   + (s / kSharedSigma)^2 + (a / kBoardScaleSigma)^2 + (e / kBoardSigma)^2
//   + the Fig. 5b ordering hinges,
// a ridge in log space that pulls each board toward the shared value, so a board with few
// rows borrows the kernel-class ratios and memory corrections of the others. The per-byte
// external-RAM and DMA costs, whose priors come from the memories' timing registers, get
// narrower spreads (kTimingSharedSigma, kTimingBoardSigma) than the per-access crossing, which
// no document gives; lib/latency/README.md lists how the LOO error moves with these spreads. The ordering
// hinge penalises, on every board, any of conv1x1 -> dw3x3 -> dw5 -> dw7 cycles/MAC rising by
// less than kOrderMargin (log) with spread kOrderSigma: the paper's Fig. 5b ranking is a
// constraint, not a hope. Solved by Levenberg-Marquardt (the per-part max() of the tinyops
// mode and the hinges are re-linearised each step). Coefficients stay positive by
// construction. A coefficient that contributes < 1 % of every row of a board has no e[b][j]
// (it is prior x shared correction there), and one that no row of any board depends on keeps
// its prior; the report says so. Leave-one-out refits everything without the rows of one
// board/variant/mode group: the honest error.
// Baseline: latency = k x MACs, k fitted per board and mode (per board when a mode has no
// other row), in relative least squares.

#include <optional>
#include <string>
#include <vector>

#include "latency/coefficients.h"
#include "latency/measurements.h"
#include "latency/model.h"

namespace latency {

inline constexpr double kRowSigma = 0.05;         // relative error expected of a model row
inline constexpr double kBoardScaleSigma = 0.5;   // log spread of a board's compute scale
inline constexpr double kOrderMargin = 0.10;      // Fig. 5b: each class >= 10 % more per MAC
inline constexpr double kOrderSigma = 0.01;       // hinge spread: near-hard constraint

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

/// Fits every board of `priors` jointly to `samples` (boards without samples get their
/// priors times the shared corrections, calibration_rows 0). One entry per board of `priors`;
/// data_sources is left to the caller.
CoefficientFile FitBoards(const std::vector<const Sample*>& samples,
                          const CoefficientFile& priors);

/// Predicted latency of one sample with `coefs`.
double PredictMs(const Sample& sample, const CoefValues& coefs);

/// Fits every board that has rows, with in-sample, leave-one-out and baseline errors.
/// `priors` holds one entry per board named by the samples; `sources` names the data files.
Calibration Calibrate(const std::vector<Sample>& samples, const CoefficientFile& priors,
                      const std::string& sources);

}  // namespace latency
