// The spreads of the 80 % interval per level of the hierarchy (latency/spreads.h): their
// estimation on synthetic errors with a known answer, their use by the interval, and the
// [spread] table of coefficients.toml.

#include "latency/spreads.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "latency/coefficients.h"
#include "latency/interval.h"

namespace {

// x with Phi(x) = p, by bisection on 0.5 erfc(-x / sqrt 2) (the standard normal CDF).
double NormalQuantile(double p) {
  double lo = -10, hi = 10;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// Errors drawn as the 1000 evenly spaced quantiles of a normal of log spread 0.2: their RMS is
// 0.2 (to the discretisation, < 0.5 %), and +/- 1.2816 x that RMS holds 80 % of them.
TEST(Spreads, RecoversTheSpreadOfNormalErrors) {
  const double sigma = 0.2;
  std::vector<double> errors;
  for (int i = 0; i < 1000; ++i) errors.push_back(sigma * NormalQuantile((i + 0.5) / 1000));
  const double spread = latency::LogSpread(errors);
  EXPECT_NEAR(spread, sigma, 0.001);
  int inside = 0;
  for (double e : errors) inside += std::abs(e) <= latency::kInterval80Z * spread ? 1 : 0;
  EXPECT_NEAR(inside / 1000.0, 0.80, 0.005);
  // The same errors on top of a known part of 0.15: the extra is sqrt(0.25^2 - 0.15^2) = 0.2.
  std::vector<double> total;
  for (double e : errors) total.push_back(e * 0.25 / sigma);
  EXPECT_NEAR(latency::ExtraLogSpread(total, 0.15), 0.2, 0.001);
}

// Hand derivations of the shrinkage and of the floor at zero.
TEST(Spreads, ShrinkageAndFloor) {
  // sqrt((0.01 + 0.01 + 0.04 + 0.04) / 4) = sqrt(0.025)
  EXPECT_NEAR(latency::LogSpread({0.1, -0.1, 0.2, -0.2}), std::sqrt(0.025), 1e-12);
  // One row's worth of a 0.3 prior: sqrt((0.09 + 0.1) / 5) = sqrt(0.038)
  EXPECT_NEAR(latency::LogSpread({0.1, -0.1, 0.2, -0.2}, 0.3, 1), std::sqrt(0.038), 1e-12);
  EXPECT_DOUBLE_EQ(latency::LogSpread({}), 0);
  EXPECT_NEAR(latency::LogSpread({}, 0.3, 4), 0.3, 1e-12);
  // Rows better than the known part alone add nothing: sqrt(max(0, 0.05^2 - 0.1^2)) = 0.
  EXPECT_DOUBLE_EQ(latency::ExtraLogSpread({0.05, -0.05}, 0.1), 0);
  // sqrt((4 x 0.2^2 + 2 x (0.3^2 - 0.1^2)) / 6) = sqrt((0.16 + 0.16) / 6)
  EXPECT_NEAR(latency::ExtraLogSpread({0.3, -0.3}, 0.1, 0.2, 4), std::sqrt(0.32 / 6), 1e-12);
}

TEST(Spreads, PerRuntimeAndInTheInterval) {
  latency::Spreads s;
  s.runtime_log_sigma["hale-1.0"] = 0.12;
  s.unseen_runtime_log_sigma = 0.9;
  EXPECT_DOUBLE_EQ(s.RuntimeLogSigma("hale-1.0"), 0);  // version 0: no table, nothing added
  s.version = latency::kSpreadsVersion;
  s.transfer_log_sigma = 0.16;
  EXPECT_DOUBLE_EQ(s.RuntimeLogSigma("tflm-cmsis-nn"), 0);
  EXPECT_DOUBLE_EQ(s.RuntimeLogSigma("hale-1.0"), 0.12);
  EXPECT_DOUBLE_EQ(s.RuntimeLogSigma("onnc"), 0.9);  // no rows: the unseen runtime's

  latency::BoardCoefficients bc;  // a board without rows under a correction
  bc.inherited = "cortex-m7 family correction";
  bc.transfer_log_sigma = s.transfer_log_sigma;
  latency::Terms cycles{};
  cycles[latency::kConv1x1CyclesPerMac] = 1e6;
  EXPECT_DOUBLE_EQ(latency::IntervalLogSigma(cycles, bc), 0.16);
  bc.runtime_log_sigma = 0.12;
  EXPECT_NEAR(latency::IntervalLogSigma(cycles, bc), 0.2, 1e-12);  // hypot(0.16, 0.12)
  bc.calibration_rows = 8;  // calibrated: the default residual 0.11, not the transfer
  EXPECT_NEAR(latency::IntervalLogSigma(cycles, bc), std::hypot(0.11, 0.12), 1e-12);
}

// Hand derivations: group {0.1, 0.3} has mean 0.2 and squared deviations 0.01 + 0.01; the
// single row of {-0.2} none; 3 rows in 2 groups leave 1 degree of freedom: sqrt(0.02 / 1).
TEST(Spreads, WithinGroup) {
  EXPECT_NEAR(latency::WithinGroupLogSpread({{0.1, 0.3}, {-0.2}}), std::sqrt(0.02), 1e-12);
  EXPECT_DOUBLE_EQ(latency::WithinGroupLogSpread({{0.1}, {-0.2}, {}}), 0);  // N <= G
}

// The board level of a board calibrated on k rows (interval.h FewRowsLogSigma), transfer 0.2
// and within board 0.1: tau_s^2 = 0.04 - 0.01 = 0.03, n0 = 0.01 / 0.03 = 1/3, so
// sigma_k^2 = (0.04 / 3 + 0.01 k) / (1/3 + k) = (0.04 + 0.03 k) / (1 + 3 k):
// k = 0: 0.04 (the transfer); k = 1: 0.07 / 4 = 0.0175; k = 3: 0.13 / 10 = 0.013.
TEST(Spreads, FewRowsRule) {
  EXPECT_NEAR(latency::ScalePriorRows(0.2, 0.1), 1.0 / 3, 1e-12);
  EXPECT_NEAR(latency::FewRowsLogSigma(0, 0.2, 0.1), 0.2, 1e-12);
  EXPECT_NEAR(latency::FewRowsLogSigma(1, 0.2, 0.1), std::sqrt(0.0175), 1e-12);
  EXPECT_NEAR(latency::FewRowsLogSigma(3, 0.2, 0.1), std::sqrt(0.013), 1e-12);
  EXPECT_NEAR(latency::FewRowsLogSigma(100000, 0.2, 0.1), 0.1, 1e-5);
  EXPECT_DOUBLE_EQ(latency::FewRowsLogSigma(1, 0.1, 0.2), 0.11);  // transfer <= within: default

  latency::BoardCoefficients bc;  // a board calibrated on 1 row, as the spreads are read
  bc.calibration_rows = 1;
  bc.transfer_log_sigma = 0.2;
  bc.within_board_log_sigma = 0.1;
  latency::Terms cycles{};
  cycles[latency::kConv1x1CyclesPerMac] = 1e6;
  EXPECT_NEAR(latency::IntervalLogSigma(cycles, bc), std::sqrt(0.0175), 1e-12);  // a few-shot fit
  // `dse calibrate` on 1 row: its leave-one-out error (0.3, predicted from none of the board's
  // rows) is the board's scale offset, which the row calibrates: sigma_1 still.
  bc.loo_log_sigma = 0.3;
  EXPECT_NEAR(latency::IntervalLogSigma(cycles, bc), std::sqrt(0.0175), 1e-12);
  // On 2 rows with leave-one-out RMS 0.3 (each predicted from 1 row): shrunk toward sigma_1
  // with 3 rows of weight, sqrt((3 x 0.0175 + 2 x 0.09) / 5) = sqrt(0.0465), times sigma_2 /
  // sigma_1, sigma_2^2 = (0.04 + 0.06) / 7.
  bc.calibration_rows = 2;
  EXPECT_NEAR(latency::IntervalLogSigma(cycles, bc), std::sqrt(0.0465 * (0.1 / 7) / 0.0175), 1e-12);
  // Without the spreads (a file before them): shrunk toward the default 0.11 instead,
  // sqrt((3 x 0.0121 + 2 x 0.09) / 5).
  bc.transfer_log_sigma = bc.within_board_log_sigma = 0;
  EXPECT_NEAR(latency::IntervalLogSigma(cycles, bc), std::sqrt((3 * 0.0121 + 0.18) / 5), 1e-12);
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = (std::filesystem::temp_directory_path() /
                                 (std::to_string(::getpid()) + "_" + name)).string();
  std::ofstream(path) << text;
  return path;
}

TEST(Spreads, TableRoundTripAndVersion) {
  latency::CoefficientFile file;
  file.spreads.version = latency::kSpreadsVersion;
  file.spreads.data_sources = "a.csv, b.csv";
  file.spreads.transfer_log_sigma = 0.1625;
  file.spreads.within_board_log_sigma = 0.1125;
  file.spreads.runtime_pooled_log_sigma = 0.125;
  file.spreads.unseen_runtime_log_sigma = 0.875;
  file.spreads.runtime_log_sigma["x-cube-ai-7.1"] = 0.0625;
  const std::string text = latency::FormatCoefficients(file);
  EXPECT_NE(text.find("--data a.csv --data b.csv --write-spreads"), std::string::npos) << text;
  auto read = latency::LoadCoefficients(WriteTemp("spreads_test.toml", text));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->spreads.version, 1);
  EXPECT_DOUBLE_EQ(read->spreads.transfer_log_sigma, 0.1625);
  EXPECT_DOUBLE_EQ(read->spreads.within_board_log_sigma, 0.1125);
  EXPECT_DOUBLE_EQ(read->spreads.runtime_pooled_log_sigma, 0.125);
  EXPECT_DOUBLE_EQ(read->spreads.unseen_runtime_log_sigma, 0.875);
  EXPECT_DOUBLE_EQ(read->spreads.RuntimeLogSigma("x-cube-ai-7.1"), 0.0625);

  const std::string path =
      WriteTemp("spreads_v2_test.toml", "[spread]\nversion = 2\ntransfer_log_sigma = 0.1\n");
  auto v2 = latency::LoadCoefficients(path);
  ASSERT_FALSE(v2.ok());
  EXPECT_NE(v2.error().message.find(path + ":2:"), std::string::npos) << v2.error().message;
  EXPECT_NE(v2.error().message.find("version 2"), std::string::npos) << v2.error().message;
}

}  // namespace
