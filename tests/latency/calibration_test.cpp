// Calibration on the shipped measurements (data/latency/paper.csv, seed paper Tables II/III).

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "latency/support.h"

namespace {

using latency_testing::PaperCalibration;

TEST(Calibration, PrintsEveryRow) {
  const latency::Calibration& cal = PaperCalibration();
  ASSERT_EQ(cal.rows.size(), 22u);
  for (const auto& r : cal.rows) {
    std::printf("%-5s %-22s %-9s meas %7.0f pred %7.0f loo %7.0f base %7.0f baseloo %7.0f\n",
                r.row.board.c_str(), r.row.variant.c_str(),
                std::string(latency::ModeName(r.row.mode)).c_str(), r.row.latency_ms,
                r.predicted_ms, r.loo_ms.value_or(-1), r.baseline_ms.value_or(-1),
                r.baseline_loo_ms.value_or(-1));
  }
  for (const auto& s : cal.summaries) {
    std::printf("%-5s %-9s n=%2d in %5.1f%% loo %5.1f%% base %5.1f%% baseloo %5.1f%%\n",
                s.board.c_str(), s.mode.c_str(), s.rows, s.mape_pct, s.loo_mape_pct.value_or(-1),
                s.baseline_mape_pct.value_or(-1), s.baseline_loo_mape_pct.value_or(-1));
  }
  for (const auto& [board, bc] : cal.fitted) {
    for (int j = 0; j < latency::kNumCoefs; ++j) {
      std::printf("%s %-32s prior %10.4g fit %10.4g rows %d\n", board.c_str(),
                  std::string(latency::CoefTable()[j].key).c_str(), bc.prior[j], bc.value[j],
                  bc.rows_informing[j]);
    }
  }
}

}  // namespace
