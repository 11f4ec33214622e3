// The 80 % interval of a predicted latency (interval.h).

#include "latency/interval.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace latency {

namespace {

// sqrt((prior_rows x prior^2 + rows x rms^2) / (prior_rows + rows)).
double Shrunk(double rms, int rows, double prior, double prior_rows) {
  return std::sqrt((prior_rows * prior * prior + rows * rms * rms) / (prior_rows + rows));
}

// The board level of a board calibrated on its own rows (interval.h).
double CalibratedLogSigma(const BoardCoefficients& c) {
  const int k = c.calibration_rows;
  if (ScalePriorRows(c.transfer_log_sigma, c.within_board_log_sigma) <= 0) {
    return c.loo_log_sigma > 0
               ? Shrunk(c.loo_log_sigma, k, kDefaultResidualLogSigma, kResidualPriorRows)
               : kDefaultResidualLogSigma;
  }
  const double now = FewRowsLogSigma(k, c.transfer_log_sigma, c.within_board_log_sigma);
  // With one row its leave-one-out error was predicted from none of the board's rows: it tells
  // the board's scale (which the row now calibrates), not its residual.
  if (c.loo_log_sigma <= 0 || k < 2) return now;
  const double before = FewRowsLogSigma(k - 1, c.transfer_log_sigma, c.within_board_log_sigma);
  return Shrunk(c.loo_log_sigma, k, before, kResidualPriorRows) * now / before;
}

}  // namespace

double ScalePriorRows(double transfer_log_sigma, double within_log_sigma) {
  const double scale_sq = transfer_log_sigma * transfer_log_sigma -
                          within_log_sigma * within_log_sigma;
  return within_log_sigma > 0 && scale_sq > 0 ? within_log_sigma * within_log_sigma / scale_sq
                                              : 0;
}

double FewRowsLogSigma(int rows, double transfer_log_sigma, double within_log_sigma) {
  const double n0 = ScalePriorRows(transfer_log_sigma, within_log_sigma);
  if (n0 <= 0) return kDefaultResidualLogSigma;
  const double k = std::max(0, rows);
  return std::sqrt((n0 * transfer_log_sigma * transfer_log_sigma +
                    k * within_log_sigma * within_log_sigma) / (n0 + k));
}

double IntervalLogSigma(const Terms& cycles_per_coef, const BoardCoefficients& coefs) {
  const double residual = kDefaultResidualLogSigma;
  double board = coefs.calibration_rows > 0 ? CalibratedLogSigma(coefs) : residual;
  if (coefs.calibration_rows == 0 && coefs.transfer_log_sigma > 0 && !coefs.inherited.empty()) {
    board = coefs.transfer_log_sigma;  // measured spread of boards predicted without rows
  } else if (coefs.calibration_rows == 0) {
    double total = 0;
    for (double c : cycles_per_coef) total += c;
    double spread = 0;
    for (int j = 0; total > 0 && j < kNumCoefs; ++j) {
      const CoefInfo& info = CoefTable()[j];
      const double s = coefs.inherited.empty() ? std::hypot(info.shared_sigma, info.board_sigma)
                                               : info.board_sigma;
      spread += cycles_per_coef[j] / total * s;
    }
    board = std::hypot(residual, spread);
  }
  return std::hypot(board, coefs.runtime_log_sigma);
}

std::string IntervalText(double low_ms, double high_ms) {
  return fmt::format("80 %: {:.1f}–{:.1f} ms", low_ms, high_ms);
}

}  // namespace latency
