// Few shots on the shipped rows (data/latency/paper.csv, seed paper Tables II/III): a board
// calibrated with k = 1 or 3 of its own rows, its other rows predicted, against a MACs x k line
// fitted to the same rows. Boards with >= 6 rows: f469 (9 rows), f746 (8 rows).

#include <gtest/gtest.h>

#include <cstdio>

#include "latency/few_shot.h"
#include "latency/support.h"

namespace {

latency::CoefficientFile PaperPriors() {
  latency::CoefficientFile priors;
  for (const auto& s : latency_testing::PaperSamples()) {
    priors[s.row.board] = latency::Priors(latency_testing::Board(s.row.board));
  }
  return priors;
}

TEST(FewShots, PaperBoardsNeverWorseThanAMacsLine) {
  const auto table = latency::FewShots(latency_testing::PaperSamples(), PaperPriors(), {1, 3});
  ASSERT_EQ(table.size(), 4u);  // (f469, f746) x (k = 1, 3)
  for (const latency::FewShotSummary& s : table) {
    std::printf("%-5s k=%d rows=%d subsets=%d  model %5.1f %%  MACs x k %5.1f %%  worse in %d\n",
                s.board.c_str(), s.k, s.rows, s.subsets, s.median_mape_pct,
                s.median_baseline_mape_pct, s.subsets_worse_than_baseline);
    EXPECT_LE(s.median_mape_pct, s.median_baseline_mape_pct) << s.board << " k=" << s.k;
    EXPECT_EQ(s.subsets_worse_than_baseline, 0) << s.board << " k=" << s.k;
  }
  // Measured when written: f469 k=1 15.2 %, k=3 9.8 %; f746 k=1 7.0 %, k=3 4.3 % (medians).
  EXPECT_LE(table[1].median_mape_pct, 10.0);  // f469, k = 3: the goal, <= 10 %
  EXPECT_LE(table[3].median_mape_pct, 10.0);  // f746, k = 3
}

// The case of issue 13: a second firmware build of the F469, twice as fast as the paper's (its
// rows are the F469's Table II/III rows with half the latency), calibrated with a few of its own
// rows beside the shipped boards. Before few-shot shrinkage its k = 1 and k = 3 fits lost to a
// MACs x k line (24 / 15.5 % vs 13.9 / 11.9 % MAPE, issue 13).
TEST(FewShots, FasterBuildOfAShippedBoard) {
  std::vector<latency::Sample> samples = latency_testing::PaperSamples();
  latency::CoefficientFile priors = PaperPriors();
  for (const latency::Sample& s : latency_testing::PaperSamples()) {
    if (s.row.board != "f469") continue;
    latency::Sample fast = s;
    fast.row.board = "f469-fast";
    fast.row.latency_ms = s.row.latency_ms / 2;
    samples.push_back(fast);
  }
  priors["f469-fast"] = latency::Priors(latency_testing::Board("f469"));
  const auto table = latency::FewShots(samples, priors, {1, 3});
  int checked = 0;
  for (const latency::FewShotSummary& s : table) {
    if (s.board != "f469-fast") continue;
    ++checked;
    std::printf("%-9s k=%d subsets=%d  model %5.1f %%  MACs x k %5.1f %%  worse in %d\n",
                s.board.c_str(), s.k, s.subsets, s.median_mape_pct, s.median_baseline_mape_pct,
                s.subsets_worse_than_baseline);
    EXPECT_LE(s.median_mape_pct, s.median_baseline_mape_pct) << "k=" << s.k;
  }
  EXPECT_EQ(checked, 2);
}

}  // namespace
