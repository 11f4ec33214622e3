#pragma once
// The spreads of the 80 % interval per level of the coefficient hierarchy (issue 13 item 2;
// interval.h combines them). Each is a root mean square of log(predicted / measured) over rows
// predicted out of sample the way the level predicts, so an interval of +/- 1.2816 of it holds
// about 80 % of such rows:
//  - transfer: a board without rows of its own (priors x its family's or the shared
//    correction), from the left-out boards' tflm-cmsis-nn rows of leave one board out;
//  - within board: the same left-out errors around each board's own mean (pooled, N - B
//    degrees of freedom): what is left once a board's scale is known. With the transfer spread
//    it splits an unseen board's error into a board scale and a residual, which gives the
//    spread of a board calibrated on few rows (interval.h, FewRowsLogSigma);
//  - runtime: what a data runtime's factors add when they are carried to a board they were not
//    fitted on: the runtime's rows predicted with their board left out, the transfer part
//    taken off in quadrature (sqrt(mean(e^2) - transfer^2)); the runtime's own where it is
//    measured on 2+ boards (shrunk toward the pooled one with kRuntimeSpreadPriorRows rows of
//    weight), else the one pooled over the runtimes measured on 2+ boards;
//  - unseen runtime: a runtime with no rows (predicted with factor 1): the RMS of the log
//    single factors (FitFactors) of the runtimes that have rows.
// The shipped values are estimated on every row (`dse runtimes lobo ... --write-spreads`) and
// stored as the [spread] table of coefficients.toml (`version = 1`); a file without the table
// (written before it existed) keeps the CoefInfo spreads of interval.h. In leave one board out
// each left-out board's spreads are estimated from the other boards' left-out rows only, so its
// own errors never widen its interval.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace latency {

/// The [spread] table's version this build reads and writes.
inline constexpr int kSpreadsVersion = 1;
/// Rows' worth of weight the pooled runtime spread keeps against a runtime's own rows.
inline constexpr double kRuntimeSpreadPriorRows = 4;

struct Spreads {
  int version = 0;                        // 0: no [spread] table in the file
  std::string data_sources;               // the measurement files they were estimated on
  double transfer_log_sigma = 0;          // a board without rows
  double within_board_log_sigma = 0;      // left-out errors around their board's mean; 0 = none
  double runtime_pooled_log_sigma = 0;    // a runtime's factors carried to another board, pooled
  double unseen_runtime_log_sigma = 0;    // a runtime without rows (factor 1)
  std::map<std::string, double> runtime_log_sigma;  // per runtime with rows (own or pooled)

  /// The spread runtime `id` adds: 0 for the paper's runtime (tflm-cmsis-nn) or without a
  /// table, runtime_log_sigma[id] when listed, else unseen_runtime_log_sigma.
  double RuntimeLogSigma(std::string_view id) const;
};

/// The key of the table in coefficients.toml.
inline constexpr std::string_view kSpreadsTable = "spread";

/// sqrt((prior_rows x prior^2 + sum e^2) / (prior_rows + n)) of log errors e: their RMS,
/// shrunk toward `prior_log_sigma` (nothing but the RMS with prior_rows 0); 0 with neither.
double LogSpread(const std::vector<double>& log_errors, double prior_log_sigma = 0,
                 double prior_rows = 0);

/// The spread rows add beyond a known part: sqrt(max(0, (prior_rows x prior^2 +
/// sum (e^2 - known^2)) / (prior_rows + n))) (the runtime level: e the rows' left-out log
/// errors, known their board level's spread).
double ExtraLogSpread(const std::vector<double>& log_errors, double known_log_sigma,
                      double prior_log_sigma = 0, double prior_rows = 0);

/// The pooled spread of log errors around their group's mean: sqrt(sum_g sum_i (e_gi -
/// mean_g)^2 / (N - G)) over the groups with rows (N rows, G groups); 0 when N <= G.
double WithinGroupLogSpread(const std::vector<std::vector<double>>& log_errors_by_group);

/// TOML text of the [spread] table; "" when spreads.version is 0.
std::string FormatSpreads(const Spreads& spreads);

/// `coefficients_text` (a coefficients.toml, FormatCoefficients) with its [spread] table, which
/// is always the last, replaced by FormatSpreads(spreads); the rest of the text is kept as is.
std::string WithSpreads(const std::string& coefficients_text, const Spreads& spreads);

}  // namespace latency
