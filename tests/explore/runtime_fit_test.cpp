// Fitting a data-file runtime's group factors (explore/runtime_fit.h) on synthetic rows whose
// measurements are made from known factors.

#include "explore/runtime_fit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace explore {
namespace {

PredictedRow Row(kernels::GroupFactors group_ms, double fixed_ms, double measured_ms) {
  PredictedRow r;
  r.prediction.group_ms = group_ms;
  r.prediction.fixed_ms = fixed_ms;
  r.row.latency_ms = measured_ms;
  r.row.runtime = "x";
  return r;
}

// Rows measured exactly as fixed + sum_g truth[g] x group_ms[g].
std::vector<PredictedRow> Exact(const kernels::GroupFactors& truth) {
  const std::vector<kernels::GroupFactors> mixes = {
      {10, 5, 2, 1, 1}, {2, 20, 1, 1, 2}, {1, 2, 30, 2, 1}, {3, 1, 2, 40, 1}, {1, 1, 1, 2, 20},
      {5, 5, 5, 5, 5}};
  std::vector<PredictedRow> rows;
  for (const auto& mix : mixes) {
    PredictedRow r = Row(mix, 0.5, 0);
    r.row.latency_ms = r.prediction.Total(truth);
    rows.push_back(r);
  }
  return rows;
}

TEST(RuntimeFit, RecoversExactFactorsWithoutShrinkage) {
  const kernels::GroupFactors truth = {0.5, 0.8, 0.3, 1.2, 2.0};
  const FactorFit fit = FitFactors(Exact(truth), 0.0);
  EXPECT_EQ(fit.rows, 6);
  for (int g = 0; g < kernels::kNumOpGroups; ++g) EXPECT_NEAR(fit.factors[g], truth[g], 1e-6);
}

TEST(RuntimeFit, OneFactorForEveryGroupWhenTheDataSaySo) {
  // Every group 0.6 slower-than-nothing: the single factor is 0.6 and shrinkage changes nothing.
  const FactorFit fit = FitFactors(Exact({0.6, 0.6, 0.6, 0.6, 0.6}));
  EXPECT_NEAR(fit.single_factor, 0.6, 1e-9);
  for (double f : fit.factors) EXPECT_NEAR(f, 0.6, 1e-6);
}

TEST(RuntimeFit, AGroupWithoutTimeStaysAtTheSingleFactor) {
  // Only fully connected time (an FC autoencoder): depthwise has no evidence and keeps the
  // single factor, 2 x 10 / 10 = 2 (measured 20.5 = 0.5 fixed + 2 x 10).
  const std::vector<PredictedRow> rows = {Row({0, 0, 0, 10, 0}, 0.5, 20.5)};
  const FactorFit fit = FitFactors(rows);
  EXPECT_NEAR(fit.single_factor, 2.0, 1e-9);
  EXPECT_NEAR(fit.factors[2], 2.0, 1e-9);
  EXPECT_NEAR(fit.factors[3], 2.0, 1e-6);
}

TEST(RuntimeFit, NoRowsIsTheIdentity) {
  const FactorFit fit = FitFactors({});
  EXPECT_EQ(fit.rows, 0);
  for (double f : fit.factors) EXPECT_EQ(f, 1.0);
}

TEST(RuntimeFit, NoRowsWithAPriorIsThePrior) {
  kernels::RuntimePrior prior{{5.0, 5.0, 5.0, 4.5, 2.0}, 0.5, "hand"};
  const FactorFit fit = FitFactors({}, kFactorShrinkage, &prior);
  EXPECT_TRUE(fit.from_prior);
  EXPECT_EQ(fit.factors, prior.factors);
  EXPECT_FALSE(FitFactors({}).from_prior);  // no prior: factor 1 (the identity test above)
}

TEST(RuntimeFit, AGroupWithoutTimeKeepsThePriorsShapeAtTheRowsLevel) {
  // One row with fully connected time only, measured 20.5 = 0.5 fixed + 2 x 10: the level on
  // the prior's shape is x2 (FC prior 1 -> 2), so depthwise, without evidence, goes from its
  // prior 2 to 2 x 2 = 4 (without a prior it stays at the single factor 2, test above). The
  // level pull (0.16 / 3)^2 = 0.0028 rows moves log 2 by 0.0028 x 0.69 / (0.976^2 + 0.0028) =
  // 0.002 toward the prior's level, i.e. 4 -> 3.992.
  kernels::RuntimePrior prior{{4.0, 4.0, 2.0, 1.0, 1.0}, 3.0, "hand"};
  const FactorFit fit = FitFactors({Row({0, 0, 0, 10, 0}, 0.5, 20.5)}, kFactorShrinkage, &prior);
  EXPECT_FALSE(fit.from_prior);
  EXPECT_NEAR(fit.single_factor, 1.996, 0.001);
  EXPECT_NEAR(fit.factors[2], 3.992, 0.002);
  EXPECT_NEAR(fit.factors[0], 7.984, 0.004);  // conv1x1: prior 4 x the level
  EXPECT_NEAR(fit.factors[3], 2.0, 0.01);     // fully connected: the row's own factor
}

TEST(RuntimeFit, AFoldWithoutRowsOfTheRuntimeIsPredictedWithItsPrior) {
  // A runtime read from a file with a [prior], measured on one board only: leaving that board
  // out leaves no row of it, so its rows are predicted with the prior's factors.
  constexpr const char* kText = R"(id = "test-prior-runtime"
title = "t"
source = "s"
arena_layout = "tflm"
interpreter = "tflm"
kernels = "cmsis-nn"

[factors]
conv1x1 = 9
conv = 9
depthwise = 9
fully_connected = 9
other = 9

[prior]
conv1x1 = 2.0
conv = 1.0
depthwise = 3.0
fully_connected = 1.0
other = 1.0
log_spread = 0.4
source = "hand"
)";
  auto spec = kernels::ParseRuntimeSpec("test-prior-runtime.toml", kText);
  ASSERT_TRUE(spec) << spec.error().message;
  ASSERT_TRUE(kernels::RegisterRuntime(std::make_unique<kernels::DataRuntime>(*spec)).ok());
  ASSERT_NE(RegisteredPrior("test-prior-runtime"), nullptr);
  // Row 1: 1 + 2 x 10 (conv1x1) = 21 predicted, 35 measured: |21 - 35| / 35 = 40 %.
  // Row 2: 1 + 3 x 10 (depthwise) = 31 predicted, 31 measured: 0 %. MAPE 20 %.
  std::vector<PredictedRow> rows = {Row({10, 0, 0, 0, 0}, 1, 35), Row({0, 0, 10, 0, 0}, 1, 31)};
  for (PredictedRow& r : rows) {
    r.row.runtime = "test-prior-runtime";
    r.row.board = "b";
    r.log_sigma = 0.3;
    r.macs = 1e6;
    r.clock_hz = 1e8;
  }
  const PublicLeaveBoardOut lobo = LeaveBoardsOutByRuntime(rows, {}, hw::Catalog{}, {});
  const auto cell = std::find_if(lobo.cells.begin(), lobo.cells.end(), [](const auto& c) {
    return c.runtime == "test-prior-runtime" && c.board == "b";
  });
  ASSERT_NE(cell, lobo.cells.end());
  EXPECT_EQ(cell->rows, 2);
  EXPECT_NEAR(cell->mape_pct, 20.0, 1e-9);
  EXPECT_EQ(cell->predicted_with, "prior (no other board has rows of this runtime)");
  EXPECT_FALSE(cell->baseline_mape_pct);  // no other board: no MACs x k line
  // Interval: sigma = hypot(0.3, 0.4) = 0.5, 21 x exp(1.2816 x 0.5) = 39.9 >= 35, so row 1 is
  // inside (with the prediction's 0.3 alone, 21 x exp(0.384) = 30.8 < 35: outside); row 2 too.
  EXPECT_DOUBLE_EQ(cell->coverage_pct, 100.0);
}

}  // namespace
}  // namespace explore
