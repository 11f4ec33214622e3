// The liveness rule of architectures.md §2 on a hand-built network with exact byte counts.

#include <gtest/gtest.h>

#include "analysis/liveness.h"
#include "graph/builder.h"

namespace {

using graph::ConvSpec;

// 8x8x4 input -> expand 1x1 to 16 -> depthwise 3x3 -> project to 4 -> add input -> reshape.
graph::Network TinyBlock(int activation_bits = 8) {
  graph::Builder b("tiny", 8, 4);
  const int x = b.input();
  int y = b.Conv(x, ConvSpec{16, 1, 1});
  y = b.DepthwiseConv(y, ConvSpec{16, 3, 1});
  y = b.Conv(y, ConvSpec{4, 1, 1});
  y = b.Add(y, x);
  y = b.Reshape(y, {1, 1, 256});
  return b.Finish(y, activation_bits);
}

TEST(Liveness, ResidualInputStaysAliveToTheAdd) {
  const analysis::PeakActivation peak = analysis::ComputePeak(TinyBlock());
  // input 256 B lives to the add (step 3); expand out 1024 B steps 0-1; dw out 1024 B steps
  // 1-2; project out 256 B steps 2-3; add out 256 B steps 3-4 (the reshape aliases it).
  EXPECT_EQ(peak.live_bytes, (std::vector<int64_t>{256 + 1024, 256 + 1024 + 1024,
                                                   256 + 1024 + 256, 256 + 256 + 256, 256}));
  EXPECT_EQ(peak.peak_bytes, 2304);
  EXPECT_EQ(peak.peak_step, 1);
}

TEST(Liveness, InPlaceDepthwiseSavesTheSmallerOfItsTensors) {
  // Only step 1 is a depthwise; its input (the expand output, 1024 B) is read by no later op
  // and its output (1024 B) is not the network's: it saves 1024 B, the peak drops to 1280 B.
  EXPECT_EQ(analysis::InPlaceDepthwiseSavings(TinyBlock()),
            (std::vector<int64_t>{0, 1024, 0, 0, 0}));
  // A depthwise whose input a later op still reads cannot overwrite it.
  graph::Builder b("branch", 8, 4);
  const int x = b.input();
  const int e = b.Conv(x, ConvSpec{16, 1, 1});
  const int d = b.DepthwiseConv(e, ConvSpec{16, 3, 1});
  const int y = b.Add(d, e);
  EXPECT_EQ(analysis::InPlaceDepthwiseSavings(b.Finish(y, 8)), (std::vector<int64_t>{0, 0, 0}));
}

TEST(Liveness, Int4HalvesEveryTensor) {
  EXPECT_EQ(analysis::ComputePeak(TinyBlock(4)).peak_bytes, 2304 / 2);
}

TEST(Liveness, ReshapeAliasesItsInput) {
  const auto intervals = analysis::Lifetimes(TinyBlock());
  ASSERT_EQ(intervals.size(), 5u);  // input, 3 convs, add; no buffer of its own for reshape
  EXPECT_EQ(intervals.back().last_step, 4);
}

}  // namespace
