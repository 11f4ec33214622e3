// The 80 % interval (latency/interval.h): its coverage on the paper's rows, and its width
// ordering (calibrated < inherited correction < prior only).

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "latency/interval.h"
#include "latency/support.h"

namespace {

using latency_testing::PaperCalibration;

// Leave-one-out on data/latency/paper.csv: the fraction of measured latencies inside the 80 %
// interval around each row's leave-one-out prediction, the interval's spread being the
// board's (calibrated: its shrunk LOO residual). Goal about 80 %.
TEST(Interval, CoverageOnThePaperRows) {
  const latency::Calibration& cal = PaperCalibration();
  int inside = 0, rows = 0;
  for (const latency::RowResult& r : cal.rows) {
    if (!r.loo_ms) continue;
    const latency::BoardCoefficients& bc = cal.fitted.at(r.row.CoefficientKey());
    const double sigma = latency::IntervalLogSigma(latency::Terms{}, bc);
    const double low = *r.loo_ms * std::exp(-latency::kInterval80Z * sigma);
    const double high = *r.loo_ms * std::exp(latency::kInterval80Z * sigma);
    inside += r.row.latency_ms >= low && r.row.latency_ms <= high ? 1 : 0;
    ++rows;
  }
  std::printf("interval coverage (LOO, paper.csv): %d of %d rows = %.0f %%\n", inside, rows,
              100.0 * inside / rows);
  EXPECT_EQ(rows, 22);  // data/latency/paper.csv
  EXPECT_GE(inside, 15);  // >= 68 %: about 80 % of 22 rows, with sampling spread
  EXPECT_LE(inside, 21);
}

TEST(Interval, WiderWithoutRows) {
  latency::BoardCoefficients bc;
  latency::Terms cycles{};
  cycles[latency::kConv1x1CyclesPerMac] = 1e6;
  bc.calibration_rows = 8;
  const double calibrated = latency::IntervalLogSigma(cycles, bc);
  bc.calibration_rows = 0;
  bc.inherited = "cortex-m7 family correction";
  const double inherited = latency::IntervalLogSigma(cycles, bc);
  bc.inherited.clear();
  const double prior = latency::IntervalLogSigma(cycles, bc);
  EXPECT_DOUBLE_EQ(calibrated, latency::kDefaultResidualLogSigma);
  EXPECT_NEAR(inherited, std::hypot(0.11, 0.25), 1e-12);  // kBoardSigma
  EXPECT_NEAR(prior, std::hypot(0.11, std::hypot(1.0, 0.25)), 1e-12);  // kSharedSigma
  EXPECT_EQ(latency::IntervalText(101.24, 150.3), "80 %: 101.2\u2013150.3 ms");
}

}  // namespace
