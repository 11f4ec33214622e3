// Issue 13 "Few shots" over the project's measurements (data/latency/paper.csv and
// data/latency/public/latency.csv): every (board, runtime) with >= 6 rows calibrated on k = 1
// and k = 3 of its rows, its other rows predicted, against a MACs x k line fitted to the same
// rows (explore::FewShotTable, printed by `dse runtimes fewshot --data ... --data ...`).

#include "explore/few_shot_table.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "kernels/data_runtime.h"
#include "latency/support.h"

namespace {

using latency_testing::PublicMeasured;

TEST(FewShotTable, EveryBoardAndRuntimeWithSixRows) {
  const std::vector<explore::FewShotRow> table = explore::FewShotTable(PublicMeasured(), latency_testing::Boards());
  std::printf("%s", explore::FewShotText(table).c_str());
  // (f469, f746) x (k = 1, 3): the only (board, runtime) pairs with >= 6 rows in the two files
  // (f469 9 and f746 8 paper rows; the public data has at most 4 per pair).
  ASSERT_EQ(table.size(), 4u);
  for (const explore::FewShotRow& r : table) {
    const latency::FewShotSummary& s = r.summary;
    EXPECT_EQ(r.runtime, "tflm-cmsis-nn");
    // Never worse than the line fitted to the same rows, as medians over the subsets.
    EXPECT_LE(s.median_mape_pct, s.median_baseline_mape_pct) << s.board << " k=" << s.k;
    // Per subset: at most one subset in ten may lose to the line (with 1 row the line and the
    // model each have one free scale; a single unlucky shot can favour the line).
    EXPECT_LE(s.subsets_worse_than_baseline * 10, s.subsets) << s.board << " k=" << s.k;
    if (s.k == 3) EXPECT_LE(s.median_mape_pct, 10.0) << s.board;  // the goal
  }
}

}  // namespace
