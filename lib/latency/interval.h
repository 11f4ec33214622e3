#pragma once
// The 80 % interval of a predicted latency (issue 13 item 2). A prediction's log error is taken
// as normal with spread
//   sigma^2 = residual^2 + (sum_j share_j x spread_j)^2,
// where share_j is the fraction of the predicted cycles that coefficient j carries (the op mix
// decides which spreads matter) and spread_j what is not known of coefficient j on this board:
//   - calibrated on its own rows: 0 (the coefficients are the board's; what is left is the
//     fit's out-of-sample residual, the leave-one-out log spread of the board's rows);
//   - prior x a family or shared correction: the board's own deviation, CoefInfo::board_sigma;
//   - prior only: the prior's shared correction and the board's deviation,
//     hypot(shared_sigma, board_sigma).
// residual is the board's leave-one-out log spread (BoardCoefficients::loo_log_sigma, shrunk
// toward kDefaultResidualLogSigma when the board has few rows), else kDefaultResidualLogSigma.
// The interval is latency x exp(-/+ 1.2816 sigma). Shares are taken in the coefficients'
// linearisation (the per-part max's binding side fixed), so the interval is cheap.

#include <string>
#include <vector>

#include "latency/coefficients.h"
#include "latency/terms.h"

namespace latency {

/// z of a two-sided 80 % normal interval.
inline constexpr double kInterval80Z = 1.2816;
/// Out-of-sample log spread assumed where no leave-one-out residual is known: the paper rows'
/// leave-one-out MAPE of 8.9 % (lib/latency/README.md) as a log spread, 8.9 % x sqrt(pi/2).
inline constexpr double kDefaultResidualLogSigma = 0.11;
/// Rows' worth of weight the default residual keeps against a board's own LOO spread.
inline constexpr double kResidualPriorRows = 3;

/// "80 %: 101.2–150.3 ms, calibrated on 8 rows" or "80 %: 40.1–310.0 ms, prior only".
std::string IntervalText(double low_ms, double high_ms, int calibration_rows);

/// The log spread of a prediction whose cycles split over the coefficients as `cycles_per_coef`
/// (Gradient x coefficient value, summed over the ops) with `coefs`.
double IntervalLogSigma(const Terms& cycles_per_coef, const BoardCoefficients& coefs);

/// The leave-one-out log spread of a board from its rows' log(loo / measured), shrunk toward
/// kDefaultResidualLogSigma with kResidualPriorRows rows of weight.
double ShrunkResidual(const std::vector<double>& loo_log_errors);

}  // namespace latency
