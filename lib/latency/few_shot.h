#pragma once
// Few shots: how well a user's own board is predicted from k of its rows. For every board with
// at least `min_rows` rows, the joint fit (fit.h) is redone with the other boards' rows plus k of
// this board's, and the board's remaining rows are predicted; beside it, a MACs x k line fitted
// (relative least squares) on the same k rows. What keeps one to three rows from over-fitting is
// the joint fit's hierarchy: a board's coefficients deviate from its family's model only as far
// as their prior spreads allow, so a few rows mostly move the board's compute scale. (Fitting the
// scale alone below 4 rows was tried and measured worse on these rows: f469 k=1/3 16.1/10.3 %
// instead of 15.2/9.8 %; a 2x faster F469 build 22.6/14.1 % instead of 21.6/13.2 %.)

#include <map>
#include <string>
#include <vector>

#include "latency/coefficients.h"
#include "latency/fit.h"

namespace latency {

/// One (board, k): MAPE of the board's held-out rows over every k-subset of its rows (or
/// `max_subsets` of them, drawn deterministically), median over subsets.
struct FewShotSummary {
  std::string board;  // coefficient key
  int k = 0;
  int rows = 0;       // the board's rows
  int subsets = 0;
  double median_mape_pct = 0;
  double median_baseline_mape_pct = 0;  // MACs x k on the same k rows
  int subsets_worse_than_baseline = 0;  // subsets where the model's MAPE exceeds the line's
  // Held-out rows of every subset inside their 80 % interval (interval.h), and the intervals'
  // mean high / low; none when the table has no interval for the runtime (coverage < 0).
  double coverage_pct = -1;
  double mean_interval_ratio = 0;
};

/// Every k-subset of {0..n-1} (0 < k <= n), in lexicographic order: what the few-shot tables
/// draw their subsets from.
std::vector<std::vector<int>> KSubsets(int n, int k);
/// The median of `values` (non-empty; the mean of the middle two for an even count).
double Median(std::vector<double> values);

/// Few-shot calibration for every board of `samples` with >= `min_rows` rows and every k of
/// `ks` (k < rows). `priors` as for LeaveBoardsOut. `spreads`, per coefficient key, the
/// board-level spreads the board's intervals take (transfer and within board, estimated
/// without the board: BoardSpreadsWithout), so that the interval of a board calibrated on k
/// rows follows FewRowsLogSigma(k) (interval.h); a board not listed gets
/// kDefaultResidualLogSigma.
std::vector<FewShotSummary> FewShots(const std::vector<Sample>& samples,
                                     const CoefficientFile& priors, const std::vector<int>& ks,
                                     int max_subsets = 20, int min_rows = 6,
                                     const std::map<std::string, Spreads>& spreads = {});

}  // namespace latency
