// The 80 % interval of a predicted latency (interval.h).

#include "latency/interval.h"

#include <fmt/format.h>

#include <cmath>

namespace latency {

double IntervalLogSigma(const Terms& cycles_per_coef, const BoardCoefficients& coefs) {
  const double residual = coefs.loo_log_sigma > 0 ? coefs.loo_log_sigma
                                                  : kDefaultResidualLogSigma;
  double board = residual;  // calibrated on its own rows
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

double ShrunkResidual(const std::vector<double>& loo_log_errors) {
  double sum_sq = kResidualPriorRows * kDefaultResidualLogSigma * kDefaultResidualLogSigma;
  for (double e : loo_log_errors) sum_sq += e * e;
  return std::sqrt(sum_sq / (kResidualPriorRows + static_cast<double>(loo_log_errors.size())));
}

}  // namespace latency
