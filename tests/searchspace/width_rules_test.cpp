// Scaled channel widths against the tables of shared reference architectures.md §4.5, which
// were produced by the authors' rules (ceil4 confirmed layer by layer on the deployed TinyOps
// proxyless-w0.30-r144 TFLite).

#include <gtest/gtest.h>

#include <vector>

#include "graph/network.h"
#include "support/spaces.h"

namespace {

// Output channels of each block's project conv (the last conv of each block), in order.
std::vector<int> BlockOutputs(const graph::Network& net) {
  std::vector<int> outs;
  int block = -1;
  for (const graph::Op& op : net.ops) {
    if (op.block < 0 || op.role != graph::OpRole::kBody) continue;
    if (op.kind != graph::OpKind::kConv2d) continue;
    if (op.block != block) outs.push_back(0), block = op.block;
    outs.back() = net.output_shape(op).c;
  }
  return outs;
}

std::vector<int> DepthwiseWidths(const graph::Network& net) {
  std::vector<int> widths;
  for (const graph::Op& op : net.ops) {
    if (op.kind == graph::OpKind::kDepthwiseConv2d && op.role == graph::OpRole::kBody) {
      widths.push_back(net.output_shape(op).c);
    }
  }
  return widths;
}

TEST(WidthRules, Mbv3Ceil4AtW055) {
  // §4.5 "scaled TinyOps mbv3 (ceil4)", row w = 0.55.
  const graph::Network net = testing_support::BuildVariant("mbv3-w0.55-r128");
  EXPECT_EQ(net.output_shape(net.ops[0]).c, 12);
  EXPECT_EQ(BlockOutputs(net),
            (std::vector<int>{12, 16, 16, 24, 24, 24, 44, 44, 44, 44, 64, 64, 88, 88, 88}));
  EXPECT_EQ(DepthwiseWidths(net),
            (std::vector<int>{12, 48, 48, 48, 72, 72, 144, 220, 101, 101, 264, 384, 384, 528, 528}));
}

TEST(WidthRules, ProxylessCeil4AtW030) {
  // §4.5 "scaled ProxylessNAS-Mobile (ceil4)", row w = 0.30; head 384.
  const graph::Network net = testing_support::BuildVariant("proxyless-w0.30-r144");
  EXPECT_EQ(net.output_shape(net.ops[0]).c, 12);
  EXPECT_EQ(BlockOutputs(net), (std::vector<int>{8, 12, 12, 12, 12, 12, 12, 24, 24, 24, 24, 32,
                                                 32, 32, 32, 60, 60, 60, 60, 96}));
  EXPECT_EQ(DepthwiseWidths(net),
            (std::vector<int>{12, 24, 36, 36, 36, 36, 36, 72, 72, 72, 72, 144, 96, 96, 96, 192,
                              360, 180, 180, 360}));
}

TEST(WidthRules, TorchvisionMobileNetV3AtW010) {
  // §4.5 "torchvision MobileNetV3-Large scaled widths", row w = 0.10: expanded widths
  // 8 8 8 8 16 16 24 24 24 24 48 64 64 96 96 (blocks 2-4 lose their expand conv).
  const graph::Network net = testing_support::BuildVariant("mobilenetv3-large-w0.10-r224");
  EXPECT_EQ(DepthwiseWidths(net),
            (std::vector<int>{8, 8, 8, 8, 16, 16, 24, 24, 24, 24, 48, 64, 64, 96, 96}));
  EXPECT_EQ(BlockOutputs(net),
            (std::vector<int>{8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 16, 16, 16, 16, 16}));
}

TEST(WidthRules, MnasnetMd8AtW035) {
  // §4.5 "torchvision MNASNet depths", alpha = 0.35: stem 16, sep 8, stages 8 16 32 32 64 112.
  const graph::Network net = testing_support::BuildVariant("mnasnet-w0.35-r224");
  EXPECT_EQ(net.output_shape(net.ops[0]).c, 16);
  const std::vector<int> outs = BlockOutputs(net);
  ASSERT_EQ(outs.size(), 17u);  // 1 + 3 + 3 + 3 + 2 + 4 + 1 blocks
  EXPECT_EQ(outs[0], 8);
  EXPECT_EQ(outs[3], 8);
  EXPECT_EQ(outs[6], 16);
  EXPECT_EQ(outs[9], 32);
  EXPECT_EQ(outs[11], 32);
  EXPECT_EQ(outs[15], 64);
  EXPECT_EQ(outs[16], 112);
}

TEST(WidthRules, ScaleWidthEdgeCases) {
  using searchspace::ScaleWidth;
  using searchspace::WidthRule;
  // architectures.md §4.4: 0.55 * 400 = 220.00000000000003 must stay 220 under ceil4.
  EXPECT_EQ(ScaleWidth(400, 0.55, WidthRule::kCeil4), 220);
  EXPECT_EQ(ScaleWidth(16, 0.10, WidthRule::kCeil4), 4);
  EXPECT_EQ(ScaleWidth(192, 0.30, WidthRule::kCeil8), 64);  // 57.6 -> 64 (§4.3)
  EXPECT_EQ(ScaleWidth(192, 0.30, WidthRule::kMd8), 56);    // 57.6 -> 56 (§4.3)
  EXPECT_EQ(ScaleWidth(16, 0.10, WidthRule::kMd8), 8);      // minimum 8
}

TEST(Grid, DefaultGridIs19By12) {
  // Paper §III: width 0.10-1.00 step 0.05 (19 values), resolution 48-224 step 16 (12 values).
  const searchspace::Space* mbv3 = testing_support::BuiltinCatalog().Find("mbv3");
  ASSERT_NE(mbv3, nullptr);
  EXPECT_EQ(mbv3->widths.size(), 19u);
  EXPECT_DOUBLE_EQ(mbv3->widths.front(), 0.10);
  EXPECT_DOUBLE_EQ(mbv3->widths.back(), 1.00);
  EXPECT_EQ(mbv3->resolutions, (std::vector<int>{48, 64, 80, 96, 112, 128, 144, 160, 176, 192,
                                                 208, 224}));
}

TEST(Variants, NamesRoundTrip) {
  const auto& catalog = testing_support::BuiltinCatalog();
  const auto v = catalog.ParseVariant("mnasnet-w1.00-r080");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->space, "mnasnet");
  EXPECT_DOUBLE_EQ(v->width, 1.0);
  EXPECT_EQ(v->resolution, 80);
  EXPECT_EQ(v->name(), "mnasnet-w1.00-r080");
  EXPECT_EQ(catalog.ParseVariant("mcunet-in3")->resolution, 176);
}

}  // namespace
