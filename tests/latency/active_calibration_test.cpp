// Active calibration (explore/active_calibration.h): the next measurement on a board is the
// unmeasured design whose cycles rest most on the coefficients the board's rows inform least.

#include "explore/active_calibration.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "latency/support.h"

namespace {

const std::vector<explore::VariantFacts>& Grid() {
  static const std::vector<explore::VariantFacts> grid =
      explore::DefaultGridFacts(testing_support::BuiltinCatalog());
  return grid;
}

bool Informs(const explore::NextMeasurement& next, const std::string& key) {
  return std::any_of(next.top_coefficients.begin(), next.top_coefficients.end(),
                     [&](const auto& c) { return c.first == key; });
}

TEST(ActiveCalibration, NamesAnUnmeasuredDesignThatFits) {
  const hw::Board& board = latency_testing::Board("f469");
  const latency::BoardCoefficients coefs = latency::Priors(board);
  const auto next = explore::NextMeasurementFor(Grid(), board, coefs,
                                                testing_support::DefaultBudgets(), {});
  ASSERT_TRUE(next.has_value());
  EXPECT_GT(next->latency_ms, 0);
  EXPECT_LT(next->low_ms, next->latency_ms);
  EXPECT_GT(next->high_ms, next->latency_ms);
  EXPECT_GT(next->score, 0);
  // Once measured it is not named again.
  latency::Measurement done;
  done.board = "f469";
  done.variant = next->variant;
  done.mode = next->mode;
  const auto after = explore::NextMeasurementFor(Grid(), board, coefs,
                                                 testing_support::DefaultBudgets(), {done});
  ASSERT_TRUE(after.has_value());
  EXPECT_FALSE(after->variant == next->variant && after->mode == next->mode);
  EXPECT_LE(after->score, next->score);  // the best was taken: the rest scores no higher
}

// A board whose rows inform every coefficient but the 7x7 depthwise one (rows_informing 10^6
// leaves sigma_j ~ 0.001 x the prior spread): the next measurement must exercise dw7x7.
TEST(ActiveCalibration, GoesWhereTheRowsHaveNotBeen) {
  const hw::Board& board = latency_testing::Board("f746");
  latency::BoardCoefficients coefs = latency::Priors(board);
  coefs.calibration_rows = 8;
  coefs.rows_informing.fill(1'000'000);
  coefs.rows_informing[latency::kDwK7CyclesPerMac] = 0;
  const auto next = explore::NextMeasurementFor(Grid(), board, coefs,
                                                testing_support::DefaultBudgets(), {});
  ASSERT_TRUE(next.has_value());
  EXPECT_TRUE(Informs(*next, "dw_k7_cycles_per_mac")) << next->variant << " " << next->mode;
  coefs.rows_informing.fill(1'000'000);
  coefs.rows_informing[latency::kConv1x1CyclesPerMac] = 0;
  const auto conv = explore::NextMeasurementFor(Grid(), board, coefs,
                                                testing_support::DefaultBudgets(), {});
  ASSERT_TRUE(conv.has_value());
  EXPECT_TRUE(Informs(*conv, "conv1x1_cycles_per_mac")) << conv->variant << " " << conv->mode;
}

// The open spread follows the interval's few-rows rule (latency/interval.h): with the file's
// spreads (transfer 0.2, within board 0.1) the prior strength is n0 = 0.01 / 0.03 = 1/3 rows,
// so every coefficient informed by 8 rows keeps sqrt((1/3) / (1/3 + 8)) = 1/5 of its prior
// spread instead of sqrt(1 / 9) = 1/3 without them: the same design, scored 3/5 as high. The
// interval printed beside it is the calibrated board's under the rule: sigma_8 = sqrt((0.04 +
// 0.24) / 25) (spreads_test.cpp FewRowsRule), high / low exp(2 z sigma_8).
TEST(ActiveCalibration, FollowsTheIntervalsPriorStrength) {
  const hw::Board& board = latency_testing::Board("f746");
  latency::BoardCoefficients coefs = latency::Priors(board);
  coefs.calibration_rows = 8;
  coefs.rows_informing.fill(8);
  const auto without = explore::NextMeasurementFor(Grid(), board, coefs,
                                                   testing_support::DefaultBudgets(), {});
  coefs.transfer_log_sigma = 0.2;
  coefs.within_board_log_sigma = 0.1;
  const auto with = explore::NextMeasurementFor(Grid(), board, coefs,
                                                testing_support::DefaultBudgets(), {});
  ASSERT_TRUE(without.has_value() && with.has_value());
  EXPECT_EQ(with->variant, without->variant);
  EXPECT_EQ(with->mode, without->mode);
  EXPECT_NEAR(with->score / without->score, 3.0 / 5, 1e-9);
  EXPECT_NEAR(with->high_ms / with->low_ms, std::exp(2 * 1.2816 * std::sqrt(0.28 / 25)), 1e-9);
  EXPECT_NEAR(without->high_ms / without->low_ms, std::exp(2 * 1.2816 * 0.11), 1e-9);  // default
}

}  // namespace
