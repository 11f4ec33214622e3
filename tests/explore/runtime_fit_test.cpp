// Fitting a data-file runtime's group factors (explore/runtime_fit.h) on synthetic rows whose
// measurements are made from known factors.

#include "explore/runtime_fit.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace explore
