#include <gtest/gtest.h>

#include "graph/builder.h"
#include "graph/network_memo.h"

namespace {

TEST(SamePadding, MatchesTfliteArithmetic) {
  // out = ceil(in / stride); total = max((out - 1) * stride + k - in, 0); top = floor(total/2).
  EXPECT_EQ(graph::SameOutputSize(80, 2), 40);
  EXPECT_EQ(graph::SameOutputSize(5, 2), 3);  // architectures.md §2: 80 -> 40 -> 20 -> 10 -> 5 -> 3
  EXPECT_EQ(graph::SamePaddingTotal(144, 3, 2), 1);  // even input, stride 2: pad 0 top, 1 bottom
  EXPECT_EQ(graph::SamePaddingTotal(9, 7, 2), 6);
  EXPECT_EQ(graph::SamePaddingTotal(72, 5, 1), 4);
}

TEST(Builder, ConvShapesAndPadding) {
  graph::Builder b("n", 144, 3);
  const int y = b.Conv(b.input(), graph::ConvSpec{12, 3, 2});
  const graph::Network net = b.Finish(y);
  ASSERT_EQ(net.ops.size(), 1u);
  EXPECT_EQ(net.output_shape(net.ops[0]), (graph::Shape{72, 72, 12}));
  EXPECT_EQ(net.ops[0].padding.top, 0);
  EXPECT_EQ(net.ops[0].padding.bottom, 1);
}

struct CountTag {};

TEST(MemoOnNetwork, ComputesOnceForEqualNetworksAndAgainForAnother) {
  graph::Builder b("n", 144, 3);
  const graph::Network net = b.Finish(b.Conv(b.input(), graph::ConvSpec{12, 3, 2}));
  graph::Network other = net;
  other.ops[0].stride_w = 1;  // one field differs
  int computed = 0;
  const auto ops = [&computed](const graph::Network& n) {
    ++computed;
    return n.ops.size() + static_cast<size_t>(n.ops[0].stride_w);
  };
  EXPECT_EQ(graph::MemoOnNetwork<CountTag>(net, ops), 3u);  // 1 op + stride 2
  const graph::Network copy = net;
  EXPECT_EQ(graph::MemoOnNetwork<CountTag>(copy, ops), 3u);
  EXPECT_EQ(computed, 1);  // an equal copy hits the memo
  EXPECT_EQ(graph::MemoOnNetwork<CountTag>(other, ops), 2u);  // 1 op + stride 1
  EXPECT_EQ(computed, 2);
}

}  // namespace
