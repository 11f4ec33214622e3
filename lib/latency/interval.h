#pragma once
#pragma once
// The 80 % interval of a predicted latency (issue 13 item 2). A prediction's log error is taken
// as normal with spread
//   sigma = hypot(board level, runtime level),
// the board level by how the board's coefficients were obtained:
//   - calibrated on its own rows: the fit's out-of-sample residual, the board's leave-one-out
//     log spread (BoardCoefficients::loo_log_sigma, shrunk toward kDefaultResidualLogSigma when
//     the board has few rows), else kDefaultResidualLogSigma;
//   - prior x a family or shared correction, with a measured transfer spread in the file
//     (BoardCoefficients::transfer_log_sigma, spreads.h): that spread;
//   - otherwise (a file without [spread], or priors alone) hypot(residual, sum_j share_j x
//     spread_j), share_j the fraction of the predicted cycles coefficient j carries (the op mix
//     decides which spreads matter) and spread_j what is not known of it on this board: the
//     board's own deviation CoefInfo::board_sigma under a correction, hypot(shared_sigma,
//     board_sigma) for priors alone;
// the runtime level what a data runtime's factors add (BoardCoefficients::runtime_log_sigma,
// spreads.h; 0 for tflm-cmsis-nn). The interval is latency x exp(-/+ 1.2816 sigma). Shares are
// taken in the coefficients' linearisation (the per-part max's binding side fixed), so the
// interval is cheap.

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

/// "80 %: 101.2–150.3 ms" (the provenance beside it says how the board is calibrated).
std::string IntervalText(double low_ms, double high_ms);

/// The log spread of a prediction whose cycles split over the coefficients as `cycles_per_coef`
/// (Gradient x coefficient value, summed over the ops) with `coefs`.
double IntervalLogSigma(const Terms& cycles_per_coef, const BoardCoefficients& coefs);

/// The leave-one-out log spread of a board from its rows' log(loo / measured), shrunk toward
/// kDefaultResidualLogSigma with kResidualPriorRows rows of weight.
double ShrunkResidual(const std::vector<double>& loo_log_errors);

}  // namespace latency
