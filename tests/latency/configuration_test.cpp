// placement::Configuration through explore::EvaluatePoint: the fastest static TinyOps
// configuration against the firmware's own, on a design where they differ.

#include <gtest/gtest.h>

#include <string>

#include "explore/evaluate.h"
#include "latency/support.h"
#include "placement/tinyops_mode.h"

namespace {

explore::Evaluation EvaluateOnF469(const std::string& variant,
                                   placement::Configuration configuration) {
  static const latency::CoefficientFile shipped = [] {
    auto loaded = latency::LoadCoefficients(std::string(DSE_SOURCE_DIR) +
                                            "/data/latency/coefficients.toml");
    EXPECT_TRUE(loaded.ok());
    return loaded.ok() ? std::move(loaded).value() : latency::CoefficientFile{};
  }();
  const hw::Board& board = *latency_testing::Boards().Find("f469");
  const latency::BoardCoefficients coefs = latency::CoefficientsFor(board, shipped);
  const explore::Target target{
      &board, nullptr, &coefs,
      {"tinyops", 0, true, &testing_support::DefaultBudgets(), 0, 0, configuration}, nullptr};
  auto e = explore::EvaluatePoint(explore::FactsOf(testing_support::BuildVariant(variant)), target);
  EXPECT_TRUE(e.ok());
  return std::move(e).value();
}

TEST(TinyopsConfiguration, FastestBeatsTheFirmwaresFirstFitOnMbv3W100R208) {
  // The firmware's rule (tinyops.md §1.1): the first factor that fits the f469's 258,000 B
  // budget, PF 13 (tests/latency/monotone_test.cpp). A higher factor leaves more of the
  // budget to the filter buffer (filter growth), so more filters are overlaid: PF 18 is the
  // fastest configuration Partitioner::Alternatives offers (measured 2026-12-01 with
  // data/latency/coefficients.toml: 6189.8 ms predicted at PF 13, 5563.8 ms at PF 18).
  const explore::Evaluation firmware =
      EvaluateOnF469("mbv3-w1.00-r208", placement::Configuration::kFirmware);
  const explore::Evaluation fastest =
      EvaluateOnF469("mbv3-w1.00-r208", placement::Configuration::kFastest);
  ASSERT_TRUE(firmware.candidate.latency_ms && fastest.candidate.latency_ms);
  EXPECT_EQ(firmware.candidate.partition_factor, 13);
  EXPECT_EQ(fastest.candidate.partition_factor, 18);
  EXPECT_NEAR(*firmware.candidate.latency_ms, 6189.8, 0.1);
  EXPECT_NEAR(*fastest.candidate.latency_ms, 5563.8, 0.1);
  EXPECT_TRUE(placement::TinyopsPlan(firmware.fit)->firmware_rule);
  EXPECT_FALSE(placement::TinyopsPlan(fastest.fit)->firmware_rule);
  EXPECT_EQ(firmware.fit.configuration, "");
  EXPECT_EQ(fastest.fit.configuration,
            "PF 18 (fastest predicted of 2 configurations; the firmware's first fit: PF 13, "
            "6189.8 ms predicted)");
}

TEST(TinyopsConfiguration, TheFirmwaresPlanWinsTiesAndNeedsNoAlternative) {
  // mbv3-w1.00-r224 on the f469: the firmware's first fit, PF 19, already overlays what any
  // higher factor would (Alternatives offers none), so both configurations give its plan.
  const explore::Evaluation firmware =
      EvaluateOnF469("mbv3-w1.00-r224", placement::Configuration::kFirmware);
  const explore::Evaluation fastest =
      EvaluateOnF469("mbv3-w1.00-r224", placement::Configuration::kFastest);
  EXPECT_EQ(fastest.candidate.partition_factor, 19);
  EXPECT_EQ(firmware.candidate.partition_factor, 19);
  EXPECT_EQ(fastest.candidate.latency_ms, firmware.candidate.latency_ms);
  EXPECT_TRUE(placement::TinyopsPlan(fastest.fit)->firmware_rule);
}

}  // namespace
