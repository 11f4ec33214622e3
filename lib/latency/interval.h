#pragma once
// The 80 % interval of a predicted latency (issue 13 item 2). A prediction's log error is taken
// as normal with spread
//   sigma = hypot(board level, runtime level),
// the board level by how the board's coefficients were obtained:
//   - calibrated on k rows of its own, with the file's transfer and within-board spreads
//     (spreads.h): FewRowsLogSigma(k), the posterior spread of a board scale shrunk toward its
//     family's, and, where the board's rows have leave-one-out errors (`dse calibrate`: each
//     predicted from k - 1 rows) and k >= 2 (with one row that error, predicted from none of
//     the board's rows, is the board's scale offset, which the row then calibrates; it says
//     nothing of the residual), their RMS shrunk toward FewRowsLogSigma(k - 1) with
//     kResidualPriorRows rows of weight, times FewRowsLogSigma(k) / FewRowsLogSigma(k - 1)
//     (one row more than those predictions had);
//   - calibrated, without those spreads: the leave-one-out RMS shrunk toward
//     kDefaultResidualLogSigma (kResidualPriorRows rows of weight), else that default;
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

/// The board level of a board calibrated on `rows` of its own rows. An unseen board's log error
/// is a board scale (spread tau_s) plus a residual (spread r): r the within-board spread, tau_s^2
/// = transfer^2 - r^2. k rows of residual r inform the scale as a normal prior of n0 = r^2 /
/// tau_s^2 rows would, so its posterior variance is tau_s^2 n0 / (n0 + k) and
///   FewRowsLogSigma(k)^2 = r^2 + tau_s^2 n0 / (n0 + k)
///                        = (n0 transfer^2 + k r^2) / (n0 + k),
/// a mix of the transfer and residual spreads weighted by k against the prior strength n0 (the
/// ratio the left-out boards give, not a tuned constant): transfer at k = 0, r as k grows.
/// Without both spreads (0, or transfer <= within) kDefaultResidualLogSigma.
double FewRowsLogSigma(int rows, double transfer_log_sigma, double within_log_sigma);

/// n0 of FewRowsLogSigma: the rows' worth of weight a board's family model keeps against its
/// own rows, r^2 / (transfer^2 - r^2); 0 without both spreads.
double ScalePriorRows(double transfer_log_sigma, double within_log_sigma);

}  // namespace latency
