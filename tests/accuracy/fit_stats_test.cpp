// accuracy::ComputeFitStats on the surrogate fitted to this commit's data/accuracy/. Expected
// values: the figures `dse accuracy fit` printed before the statistics moved into lib/
// (two decimals, hence the 0.005 tolerance; the grid MAE to three), which the README quotes
// ("leave-one-out MAE 0.48 ... worst 2.39, MobileNetV1 0.25/160"). One hand-made case checks
// the arithmetic exactly.

#include <gtest/gtest.h>

#include <cmath>

#include "accuracy/accuracy.h"
#include "support/shipped_surrogate.h"
#include "accuracy/fit_stats.h"

namespace {

using accuracy_testing::Fitted;

int FamilyIndex(const std::string& name) {
  const auto& families = Fitted().families().families;
  for (size_t i = 0; i < families.size(); ++i) {
    if (families[i].name == name) return static_cast<int>(i);
  }
  ADD_FAILURE() << "no family " << name;
  return -1;
}

TEST(FitStats, PublishedGridLeaveOneOut) {
  const accuracy::FitStats stats = accuracy::ComputeFitStats(Fitted(), Fitted().LeaveOneOut());
  EXPECT_EQ(stats.grid_rows, 58);  // 12 + 17 + 10 + 19 grid rows (families.toml)
  EXPECT_NEAR(stats.grid_loo_mae_pct, 0.476, 0.0005);
  EXPECT_NEAR(stats.grid_loo_worst_pct, 2.39, 0.005);
}

TEST(FitStats, PerFamily) {
  const accuracy::FitStats stats = accuracy::ComputeFitStats(Fitted(), Fitted().LeaveOneOut());
  EXPECT_EQ(stats.per_family.size(), 8u);  // every family of families.toml has rows
  const accuracy::FamilyFitStats& v1 = stats.per_family.at(FamilyIndex("MobileNetV1"));
  EXPECT_EQ(v1.rows, 12);
  EXPECT_NEAR(v1.fit_mae_pct, 0.50, 0.005);
  EXPECT_NEAR(v1.loo_mae_pct, 0.66, 0.005);
  EXPECT_NEAR(v1.loo_worst_pct, 2.39, 0.005);
  EXPECT_EQ(v1.loo_worst_model, "MobileNet_v1_0.25_160");
  const accuracy::FamilyFitStats& mcunet = stats.per_family.at(FamilyIndex("mcunet"));
  EXPECT_EQ(mcunet.rows, 7);
  EXPECT_NEAR(mcunet.loo_mae_pct, 2.36, 0.005);
  EXPECT_EQ(mcunet.loo_worst_model, "mcunet-in4");
}

// Two held-out rows of one family, worked by hand from the literal errors.
TEST(FitStats, Arithmetic) {
  std::vector<accuracy::HeldOut> held_out(2);
  for (accuracy::HeldOut& h : held_out) h.point = Fitted().points().front();
  held_out[0].point.model = "first";
  held_out[0].point.grid = true;
  held_out[0].predicted_pct = held_out[0].point.top1_pct + 1.5;  // error +1.5
  held_out[1].point.model = "second";
  held_out[1].point.grid = false;
  held_out[1].predicted_pct = held_out[1].point.top1_pct - 1.5;  // error -1.5: ties go last
  const accuracy::FitStats stats = accuracy::ComputeFitStats(Fitted(), held_out);
  ASSERT_EQ(stats.per_family.size(), 1u);
  const accuracy::FamilyFitStats& f = stats.per_family.begin()->second;
  EXPECT_EQ(f.rows, 2);
  EXPECT_DOUBLE_EQ(f.loo_mae_pct, 1.5);
  EXPECT_DOUBLE_EQ(f.loo_worst_pct, 1.5);
  EXPECT_EQ(f.loo_worst_model, "second");
  const double fitted_error = std::fabs(Fitted().FittedPct(held_out[0].point) -
                                        held_out[0].point.top1_pct);
  EXPECT_DOUBLE_EQ(f.fit_mae_pct, fitted_error);  // the same point twice
  EXPECT_EQ(stats.grid_rows, 1);
  EXPECT_DOUBLE_EQ(stats.grid_loo_mae_pct, 1.5);
  EXPECT_DOUBLE_EQ(accuracy::ComputeFitStats(Fitted(), {}).grid_loo_mae_pct, 0);
}

}  // namespace
