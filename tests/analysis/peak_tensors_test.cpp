// analysis::LiveAtStep on the hand-built block of liveness_test.cpp, with its byte counts
// (architectures.md §2): 8x8x4 int8 input 256 B, expand to 16 channels 1024 B, depthwise
// 1024 B, project 256 B, add 256 B.

#include <gtest/gtest.h>

#include "analysis/peak_tensors.h"
#include "graph/builder.h"

namespace {

graph::Network TinyBlock() {
  graph::Builder b("tiny", 8, 4);
  const int x = b.input();
  int y = b.Conv(x, graph::ConvSpec{16, 1, 1});
  y = b.DepthwiseConv(y, graph::ConvSpec{16, 3, 1});
  y = b.Conv(y, graph::ConvSpec{4, 1, 1});
  y = b.Add(y, x);
  return b.Finish(y, 8);
}

TEST(PeakTensors, LargestFirstAndSummingToThePeak) {
  const graph::Network net = TinyBlock();
  const analysis::PeakActivation peak = analysis::ComputePeak(net);
  ASSERT_EQ(peak.peak_step, 1);  // the depthwise conv: input, expand out and dw out alive
  const std::vector<analysis::Interval> live = analysis::LiveAtStep(net, peak.peak_step);
  ASSERT_EQ(live.size(), 3u);
  EXPECT_EQ(live[0].bytes, 1024);
  EXPECT_EQ(live[1].bytes, 1024);
  EXPECT_LT(live[0].tensor, live[1].tensor);  // equal bytes: by tensor id
  EXPECT_EQ(live[2].bytes, 256);              // the input, alive to the add
  EXPECT_EQ(live[2].first_step, 0);
  EXPECT_EQ(live[2].last_step, 3);
  int64_t sum = 0;
  for (const analysis::Interval& in : live) sum += in.bytes;
  EXPECT_EQ(sum, peak.peak_bytes);  // 2304
}

}  // namespace
