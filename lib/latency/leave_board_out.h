#pragma once
// Leave one board out: how well the model predicts a board nobody has measured. For each board
// with rows, the joint fit (fit.h) is redone without any of that board's rows and its rows are
// predicted the way CoefficientsFor predicts an unmeasured board: its priors times the
// correction of its core family (the shared one when no other board of the family has rows).
// Beside it, the priors alone and a clock-scaled baseline: latency = k x MACs / clock, k in
// cycles per MAC fitted (relative least squares) on the other boards' rows of the same mode
// (all their rows when none has that mode).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "latency/coefficients.h"
#include "latency/fit.h"

namespace latency {

/// One row predicted with its board left out of the fit.
struct BoardOutRow {
  Measurement row;
  double predicted_ms = 0;  // priors x inherited correction, fitted without the board
  double prior_ms = 0;      // priors alone
  std::optional<double> baseline_ms;  // none when no other board has rows
  double low_ms = 0, high_ms = 0;     // the 80 % interval of predicted_ms (interval.h)
  bool Covered() const { return row.latency_ms >= low_ms && row.latency_ms <= high_ms; }
};

/// MAPE of one left-out board (or of every row: board "all").
struct BoardOutSummary {
  std::string board;
  std::string provenance;  // what the board's rows were predicted with; "" for "all"
  int rows = 0;
  double mape_pct = 0;
  double prior_mape_pct = 0;
  std::optional<double> baseline_mape_pct;
  double coverage_pct = 0;  // rows whose measurement is inside their 80 % interval
  double mean_interval_ratio = 0;  // mean high / low of those intervals
};

struct LeaveBoardOut {
  std::vector<BoardOutRow> rows;
  std::vector<BoardOutSummary> boards;  // per board with rows, by name
  BoardOutSummary overall;              // every row, board "all"
  /// Per left-out board, the joint fit without its rows: what every board is predicted with
  /// in that fold (the left-out board inherits its family's correction from it), with the
  /// transfer spread of the other boards' left-out rows as its spreads (spreads.h).
  std::map<std::string, CoefficientFile> fold_fits;
};

/// The board-level spreads (spreads.h) of the left-out rows of every board but `left_out` (""
/// = every board): transfer, their RMS; within board, their spread around each board's mean.
Spreads BoardSpreadsWithout(const LeaveBoardOut& lobo, const std::string& left_out);

/// Leave-one-board-out over every board of `samples`; `priors` holds the Priors() of every
/// (board, runtime) the samples name, keyed by CoefficientKey (explore::PriorsOf). One joint
/// refit per board.
LeaveBoardOut LeaveBoardsOut(const std::vector<Sample>& samples, const CoefficientFile& priors);

}  // namespace latency
