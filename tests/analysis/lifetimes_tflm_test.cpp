// TFLM lifetimes (reference memory_schedules.md §1.1) and the TFLM arena (§1.3) on a
// hand-built network whose buffers and plan are worked out by hand below.

#include <gtest/gtest.h>

#include "analysis/arena.h"
#include "analysis/lifetimes_tflm.h"
#include "analysis/liveness.h"
#include "analysis/planner_tflm.h"
#include "graph/builder.h"

namespace {

using analysis::Interval;
using graph::ConvSpec;

// 8x8x4 input -> expand 1x1 to 16 -> depthwise 3x3 -> project to 4 -> add input -> reshape.
graph::Network TinyBlock() {
  graph::Builder b("tiny", 8, 4);
  const int x = b.input();
  int y = b.Conv(x, ConvSpec{16, 1, 1});
  y = b.DepthwiseConv(y, ConvSpec{16, 3, 1});
  y = b.Conv(y, ConvSpec{4, 1, 1});
  y = b.Add(y, x);
  y = b.Reshape(y, {1, 1, 256});
  return b.Finish(y, 8);
}

bool Same(const Interval& a, const Interval& b) {
  return a.tensor == b.tensor && a.bytes == b.bytes && a.first_step == b.first_step &&
         a.last_step == b.last_step;
}

TEST(TflmLifetimes, ScopesInputDiesAtLastReaderReshapeCopies) {
  auto r = analysis::TflmLifetimes(TinyBlock(), {10, 0, 100, 0, 0});
  ASSERT_TRUE(r.ok());
  const analysis::TflmBuffers& b = r.value();
  // §1.1: input scope 0 to its last reader (the add, op 3 = scope 4); op i's output from
  // scope i + 1 to its last reader; the reshape (op 4) has its own buffer, to N = 5; scratch
  // [i + 1, i + 1] after the tensors, sizes rounded up to 16 (10 -> 16, 100 -> 112).
  const std::vector<Interval> expected = {{0, 256, 0, 4},  {1, 1024, 1, 2}, {2, 1024, 2, 3},
                                          {3, 256, 3, 4},  {4, 256, 4, 5},  {5, 256, 5, 5},
                                          {-1, 16, 1, 1}, {-1, 112, 3, 3}};
  ASSERT_EQ(b.intervals.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_TRUE(Same(b.intervals[i], expected[i]));
  }
  EXPECT_EQ(b.tensor_buffers, 6);
  EXPECT_EQ(b.scratch_op, (std::vector<int>{0, 2}));
  // liveness.h keeps its own rule: the reshape aliases, so one interval fewer.
  EXPECT_EQ(analysis::Lifetimes(TinyBlock()).size(), 5u);
}

TEST(TflmLifetimes, FileTensorOrderSetsTheAddOrder) {
  auto r = analysis::TflmLifetimes(TinyBlock(), {}, {7, 3, 9, 1, 4, 12});
  ASSERT_TRUE(r.ok());
  std::vector<int> tensors;
  for (const Interval& iv : r.value().intervals) tensors.push_back(iv.tensor);
  EXPECT_EQ(tensors, (std::vector<int>{3, 1, 4, 0, 2, 5}));
}

TEST(TflmLifetimes, BadArgumentsAreErrors) {
  auto a = analysis::TflmLifetimes(TinyBlock(), {1, 2});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message, "2 scratch sizes for 5 ops");
  auto b = analysis::TflmLifetimes(TinyBlock(), {}, {0, 1, 2, 3, 4, 4});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().message, "the file tensor indices repeat a tensor");
}

TEST(TflmArena, HeadByHandAndTailByRule) {
  auto r = analysis::ComputeTflmArena(TinyBlock(), {10, 0, 100, 0, 0},
                                      analysis::TflmArenaOptions{{}, 10});
  ASSERT_TRUE(r.ok());
  const analysis::TflmArena& a = r.value();
  // By hand (§1.2): order t2, t1 (1024, ties reversed), t5, t4, t3, t0 (256), s(112), s(16).
  // t2 @0; t1 @1024; t5 @0 (alive alone); t4 @256; t3 @1024; t0 @2048 (above t1 and t3);
  // scratch 112 @1280 (gap below t0); scratch 16 @0 (gap below t1 at scope 1).
  EXPECT_EQ(a.placement.offsets,
            (std::vector<int64_t>{2048, 1024, 0, 1024, 256, 0, 0, 1280}));
  EXPECT_EQ(a.head_bytes, 2304);         // t0 + t1 + t2 alive at scope 2
  EXPECT_EQ(a.lower_bound_bytes, 2304);  // the same scope
  // Tail (arena.h step 2): 10 tensors x 12 + 5 ops x 32 + (16 + 16 + 4) channels x 8.
  EXPECT_EQ(a.tail.eval_tensor_bytes, 120);
  EXPECT_EQ(a.tail.node_bytes, 160);
  EXPECT_EQ(a.tail.per_channel_bytes, 288);
  EXPECT_EQ(a.tail_bytes, 568);
  EXPECT_EQ(a.total_bytes, 2304 + 568);
  EXPECT_FALSE(analysis::Overlaps(a.buffers.intervals, a.placement));
}

}  // namespace
