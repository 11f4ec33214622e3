// explore/pick.h: constraints as the command line writes them and the designs `dse pick`
// chooses. Expected values follow from the literal candidates written here.

#include <gtest/gtest.h>

#include "explore/pick.h"

namespace {

explore::Candidate Cand(const std::string& variant, const std::string& mode, bool feasible,
                        std::optional<double> top1, std::optional<double> latency_ms,
                        int64_t sram_bytes) {
  explore::Candidate c;
  c.variant = variant;
  c.board = "f746";
  c.mode = mode;
  c.feasible = feasible;
  c.fail_reason = feasible ? "" : "sram: needs 400 KiB";
  c.top1 = top1;
  c.top1_provenance = "predicted";
  c.latency_ms = latency_ms;
  c.sram_bytes = sram_bytes;
  return c;
}

std::vector<explore::Candidate> Grid() {
  return {Cand("a", "internal", true, 50, 20, 200 * 1024),
          Cand("a", "tinyops", true, 50, 25, 100 * 1024),
          Cand("b", "internal", false, 60, std::nullopt, 400 * 1024),
          Cand("b", "tinyops", true, 60, 150, 250 * 1024),
          Cand("c", "external", true, 60, 90, 50 * 1024)};
}

TEST(Pick, ParsesTheCommandLineForms) {
  auto k = explore::ParsePickConstraints("0.2s", "60%", "256KiB", "tinyops");
  ASSERT_TRUE(k) << k.error().message;
  EXPECT_DOUBLE_EQ(*k->max_latency_ms, 200);  // 0.2 s = 200 ms
  EXPECT_DOUBLE_EQ(*k->min_top1_pct, 60);
  EXPECT_EQ(*k->max_sram_bytes, 262144);  // 256 x 1024
  EXPECT_EQ(k->mode, "tinyops");
  k = explore::ParsePickConstraints("200ms", "", "", "");
  ASSERT_TRUE(k);
  EXPECT_DOUBLE_EQ(*k->max_latency_ms, 200);
  EXPECT_FALSE(k->min_top1_pct);
  EXPECT_EQ(k->mode, "any");
}

TEST(Pick, RefusesMalformedConstraints) {
  EXPECT_EQ(explore::ParsePickConstraints("fast", "", "", "").error().message,
            "--max-latency: 'fast' is not a positive latency (e.g. 200ms, 0.2s or 200 for ms)");
  EXPECT_EQ(explore::ParsePickConstraints("", "160", "", "").error().message,
            "--min-top1: '160' is not a top-1 in percent from 0 to 100 (e.g. 60 or 60%)");
  EXPECT_FALSE(explore::ParsePickConstraints("", "", "1.5M", ""));
  EXPECT_FALSE(explore::ParsePickConstraints("", "", "", "tinyop"));
}

TEST(Pick, RanksByTop1ThenLatencyOneRowPerVariant) {
  const auto k = *explore::ParsePickConstraints("200", "", "", "any");
  const explore::PickAnswer r = explore::Pick(Grid(), "f746", k, 5);
  ASSERT_EQ(r.designs.size(), 3u);
  // b and c tie at 60 %: c (90 ms) before b (150 ms); a (50 %) last, in its faster mode.
  EXPECT_EQ(r.designs[0].best.variant, "c");
  EXPECT_EQ(r.designs[1].best.variant, "b");
  EXPECT_EQ(r.designs[1].best.mode, "tinyops");
  EXPECT_EQ(r.designs[1].modes.size(), 2u);  // every mode of b, the infeasible one too
  EXPECT_EQ(r.designs[2].best.mode, "internal");
}

TEST(Pick, AppliesEveryConstraint) {
  const auto k = *explore::ParsePickConstraints("100ms", "55", "128K", "any");
  const explore::PickAnswer r = explore::Pick(Grid(), "f746", k, 5);
  ASSERT_EQ(r.designs.size(), 1u);  // a is under 55 %, b over 100 ms
  EXPECT_EQ(r.designs[0].best.variant, "c");
}

TEST(Pick, NamesTheTightestConstraintAndTheClosestDesign) {
  const auto k = *explore::ParsePickConstraints("10ms", "55", "", "any");
  const explore::PickAnswer r = explore::Pick(Grid(), "f746", k, 5);
  EXPECT_TRUE(r.designs.empty());
  // 4 feasible designs; none is under 10 ms, 2 (b tinyops, c) reach 55 %. Closest by relative
  // excess: a internal (20/10 - 1 + (1 - 50/55) = 1.09) before c (90/10 - 1 = 8).
  EXPECT_EQ(r.none_reason,
            "no design on f746 satisfies --max-latency 10ms --min-top1 55 --mode any; tightest: "
            "--max-latency (0 of 4 feasible designs meet it); closest: a internal (20.0 ms, "
            "top-1 50.00% (predicted), SRAM 200 KiB)");
}

}  // namespace
