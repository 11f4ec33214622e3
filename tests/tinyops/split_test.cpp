// The H-split rules of the TinyOps firmware on their own (shared reference tinyops.md §1.3, §1.4,
// §1.2). Expected parts: the worked examples of tinyops.md §1.3 ("Derived examples", written as
// [start,end) -> outputs).

#include <gtest/gtest.h>

#include <numeric>

#include "tinyops/split.h"

namespace {

using tinyops::RowPart;
using tinyops::Window;

struct Expect {
  int begin, end, outputs;
};

// Splits with SplitConv and compares input ranges and output counts; outputs must tile [0, Ho).
void ExpectConv(const Window& w, int pf, const std::vector<Expect>& expected) {
  std::vector<RowPart> parts;
  tinyops::SplitConv(w, pf, &parts);
  ASSERT_EQ(parts.size(), expected.size());
  int out_begin = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(parts[i].in_begin_row, expected[i].begin);
    EXPECT_EQ(parts[i].in_end_row, expected[i].end);
    EXPECT_EQ(parts[i].out_rows, expected[i].outputs);
    EXPECT_EQ(parts[i].out_begin_row, out_begin);
    out_begin += parts[i].out_rows;
  }
  EXPECT_EQ(out_begin, w.out_h);
}

// Window{H, k, s, top pad, Ho}; Ho = ceil(H / s) and the top pad = floor(total / 2) under SAME.
TEST(SplitConv, H72K3S1P1Pf4) {
  // tinyops.md §1.3: H72 k3 s1 p1 PF4 -> [0,20)->19, [18,38)->18, [36,56)->18, [54,72)->17
  ExpectConv({72, 3, 1, 1, 72}, 4, {{0, 20, 19}, {18, 38, 18}, {36, 56, 18}, {54, 72, 17}});
}

TEST(SplitConv, H72K1S1Pf4NoHalo) {
  // tinyops.md §1.3: H72 k1 s1 PF4 -> four 18-row parts, no halo
  ExpectConv({72, 1, 1, 0, 72}, 4, {{0, 18, 18}, {18, 36, 18}, {36, 54, 18}, {54, 72, 18}});
}

TEST(SplitConv, H72K5S2P1Pf3) {
  // tinyops.md §1.3: H72 k5 s2 p1 PF3 -> [0,29)->13, [25,52)->12, [49,72)->11
  ExpectConv({72, 5, 2, 1, 36}, 3, {{0, 29, 13}, {25, 52, 12}, {49, 72, 11}});
}

TEST(SplitConv, H144K3S2P0Pf3) {
  // tinyops.md §1.3: H144 k3 s2 p0 PF3 -> [0,49)->24, [48,97)->24, [96,144)->24
  ExpectConv({144, 3, 2, 0, 72}, 3, {{0, 49, 24}, {48, 97, 24}, {96, 144, 24}});
}

TEST(SplitConv, H9K7S2P3Pf2) {
  // tinyops.md §1.3: H9 k7 s2 p3 PF2 -> [0,9)->4, [5,9)->1
  ExpectConv({9, 7, 2, 3, 5}, 2, {{0, 9, 4}, {5, 9, 1}});
}

TEST(SplitConv, H7K3S1P1Pf4GivesThreeParts) {
  // tinyops.md §1.3: H7 k3 s1 p1 PF4 -> only 3 parts (the 4th has no output rows left)
  std::vector<RowPart> parts;
  tinyops::SplitConv({7, 3, 1, 1, 7}, 4, &parts);
  EXPECT_EQ(parts.size(), 3u);
}

TEST(SplitConv, KernelAtLeastHeightIsOnePart) {
  // tinyops.md §1.3 step 1: k >= H -> one part with all rows and all outputs.
  ExpectConv({5, 7, 1, 3, 5}, 4, {{0, 5, 5}});
}

TEST(SplitConv, TopPadOnlyOnFirstPart) {
  std::vector<RowPart> parts;
  tinyops::SplitConv({72, 3, 1, 1, 72}, 4, &parts);
  EXPECT_EQ(parts[0].pad_top, 1);
  for (size_t i = 1; i < parts.size(); ++i) EXPECT_EQ(parts[i].pad_top, 0);
}

TEST(SplitPool, GlobalPoolIsOnePart) {
  // tinyops.md §1.4: global pools (k = H, s = H) give one part.
  std::vector<RowPart> parts;
  tinyops::SplitPool({5, 5, 5, 0, 1}, 8, &parts);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0], (RowPart{0, 5, 0, 1, 0, 0}));
}

TEST(SplitRows, RoundRobinEarlierPartsGetExtraRows) {
  // tinyops.md §1.2: 1-row round robin; 10 rows over 4 parts -> 3, 3, 2, 2, no halo.
  std::vector<RowPart> parts;
  tinyops::SplitRows(10, 0, 0, 4, &parts);
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0], (RowPart{0, 3, 0, 3, 0, 0}));
  EXPECT_EQ(parts[1], (RowPart{3, 6, 3, 3, 0, 0}));
  EXPECT_EQ(parts[3], (RowPart{8, 10, 8, 2, 0, 0}));
}

TEST(SplitRows, PadGoesToFirstAndLastPart) {
  // tinyops.md §1.2: PAD puts the top pad on the first part, the bottom pad on the last.
  std::vector<RowPart> parts;
  tinyops::SplitRows(6, 1, 2, 3, &parts);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].out_rows, 3);
  EXPECT_EQ(parts[1].out_rows, 2);
  EXPECT_EQ(parts[2].out_rows, 4);
}

TEST(SplitRows, NeverMorePartsThanRows) {
  std::vector<RowPart> parts;
  tinyops::SplitRows(2, 0, 0, 8, &parts);
  EXPECT_EQ(parts.size(), 2u);
}

}  // namespace
