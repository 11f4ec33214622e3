// graph::FoldPads and graph::InferBlocks on hand-made networks shaped like the MCUNet zoo
// .tflite files (an explicit PAD before every strided or larger-than-1x1 convolution).

#include <gtest/gtest.h>

#include "graph/blocks.h"
#include "graph/fold_pads.h"

namespace {

using graph::OpKind;

// Appends tensors and ops by hand, the way the importer fills a Network.
struct Net {
  graph::Network net;
  Net() {
    net.name = "hand";
    net.tensors.push_back({"input", {8, 8, 4}});
  }
  int Op(OpKind kind, std::vector<int> inputs, graph::Shape out, int kernel = 1, int stride = 1,
         graph::Padding padding = {}) {
    net.tensors.push_back({"t" + std::to_string(net.tensors.size()), out});
    graph::Op op;
    op.kind = kind;
    op.inputs = std::move(inputs);
    op.output = static_cast<int>(net.tensors.size()) - 1;
    op.kernel_h = op.kernel_w = kernel;
    op.stride_h = op.stride_w = stride;
    op.padding = padding;
    net.ops.push_back(op);
    net.output = op.output;
    return op.output;
  }
};

// input 8x8x4 -PAD 1,1,1,1-> 10x10x4 -3x3 depthwise VALID-> 8x8x4 -1x1 conv-> 8x8x8, and a
// second PAD read by two ops (an ADD and a pool): that one stays.
TEST(FoldPads, APadReadByOneConvBecomesItsPadding) {
  Net n;
  const int padded = n.Op(OpKind::kPad, {0}, {10, 10, 4}, 1, 1, {1, 1, 1, 1});
  const int dw = n.Op(OpKind::kDepthwiseConv2d, {padded}, {8, 8, 4}, 3);
  const int pw = n.Op(OpKind::kConv2d, {dw}, {8, 8, 8});
  const int padded2 = n.Op(OpKind::kPad, {pw}, {10, 10, 8}, 1, 1, {1, 1, 1, 1});
  const int pool = n.Op(OpKind::kMaxPool, {padded2}, {8, 8, 8}, 3);
  n.Op(OpKind::kAdd, {padded2, padded2}, {10, 10, 8});
  (void)pool;
  const graph::FoldedPads f = graph::FoldPads(n.net);
  EXPECT_EQ(f.folded, 1);
  ASSERT_EQ(f.net.ops.size(), 5u);  // 6 ops less the first PAD
  const graph::Op& d = f.net.ops[0];
  EXPECT_EQ(d.kind, OpKind::kDepthwiseConv2d);
  EXPECT_EQ(d.inputs[0], 0);  // reads the unpadded input
  EXPECT_EQ(d.padding, (graph::Padding{1, 1, 1, 1}));
  EXPECT_EQ(f.net.output_shape(d), (graph::Shape{8, 8, 4}));  // unchanged
  EXPECT_EQ(f.net.ops[2].kind, OpKind::kPad);  // two readers: kept
  EXPECT_EQ(f.folded_op, (std::vector<int>{0, 0, 1, 2, 3, 4}));  // the PAD goes with its dw
  EXPECT_EQ(f.original_op, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(f.pad_folded, (std::vector<bool>{true, false, false, false, false, false}));
  EXPECT_EQ(f.ToOriginal(std::vector<int>{10, 11, 12, 13, 14}),
            (std::vector<int>{10, 10, 11, 12, 13, 14}));
  EXPECT_TRUE(graph::HasPad(f.net));
}

TEST(FoldPads, PadsAddToTheConvsOwnPaddingAndChannelPadsStay) {
  Net n;
  // PAD 0,1,0,1 (8 -> 9 rows) then a 3x3 stride-2 conv with SAME padding 1,1,1,1 of its own
  // (TFLite: out ceil(9 / 2) = 5, total (5 - 1) * 2 + 3 - 9 = 2, top 1): the folded conv reads
  // the 8 rows with padding 0 + 1 on top, 1 + 1 below.
  const int padded = n.Op(OpKind::kPad, {0}, {9, 9, 4}, 1, 1, {0, 1, 0, 1});
  n.Op(OpKind::kConv2d, {padded}, {5, 5, 8}, 3, 2, {1, 1, 1, 1});
  graph::FoldedPads f = graph::FoldPads(n.net);
  ASSERT_EQ(f.net.ops.size(), 1u);
  EXPECT_EQ(f.net.ops[0].padding, (graph::Padding{1, 2, 1, 2}));
  EXPECT_FALSE(graph::HasPad(f.net));
  // A PAD of the channels (8x8x4 -> 8x8x6) is not a spatial padding: not folded.
  Net c;
  const int wide = c.Op(OpKind::kPad, {0}, {8, 8, 6});
  c.Op(OpKind::kConv2d, {wide}, {8, 8, 8});
  EXPECT_EQ(graph::FoldPads(c.net).folded, 0);
  // A network without PAD comes back equal, identity maps.
  Net plain;
  plain.Op(OpKind::kConv2d, {0}, {8, 8, 8});
  f = graph::FoldPads(plain.net);
  EXPECT_EQ(f.net, plain.net);
  EXPECT_EQ(f.folded_op, (std::vector<int>{0}));
}

// The zoo files' shape: PAD, stem 3x3 s2; block 0 without expand (PAD, depthwise, project);
// block 1 with a zero PAD before its expand, a PAD before and after its depthwise and a residual
// ADD; a 1x1 head and a pool.
TEST(InferBlocks, InvertedResidualsWithPadsAndAddsGetTheirIndex) {
  Net n;
  int x = n.Op(OpKind::kPad, {0}, {9, 9, 4}, 1, 1, {0, 1, 0, 1});     // op 0, stem
  x = n.Op(OpKind::kConv2d, {x}, {4, 4, 8}, 3, 2);                       // op 1, stem
  n.net.ops.back().role = graph::OpRole::kStem;
  x = n.Op(OpKind::kPad, {x}, {6, 6, 8}, 1, 1, {1, 1, 1, 1});            // op 2, block 0
  x = n.Op(OpKind::kDepthwiseConv2d, {x}, {4, 4, 8}, 3);                 // op 3
  const int in1 = n.Op(OpKind::kConv2d, {x}, {4, 4, 8});                 // op 4 project
  x = n.Op(OpKind::kPad, {in1}, {4, 4, 8});                              // op 5 zero PAD, block 1
  x = n.Op(OpKind::kConv2d, {x}, {4, 4, 24});                            // op 6 expand
  x = n.Op(OpKind::kPad, {x}, {6, 6, 24}, 1, 1, {1, 1, 1, 1});           // op 7
  x = n.Op(OpKind::kDepthwiseConv2d, {x}, {4, 4, 24}, 3);                // op 8
  x = n.Op(OpKind::kPad, {x}, {4, 4, 24});                               // op 9 zero PAD
  x = n.Op(OpKind::kConv2d, {x}, {4, 4, 8});                             // op 10 project
  x = n.Op(OpKind::kAdd, {x, in1}, {4, 4, 8});                           // op 11 residual
  x = n.Op(OpKind::kConv2d, {x}, {4, 4, 16});                            // op 12 head
  n.Op(OpKind::kAveragePool, {x}, {1, 1, 16}, 4);                        // op 13
  int blocks = 0;
  const graph::Network net = graph::InferBlocks(n.net, &blocks);
  EXPECT_EQ(blocks, 2);
  std::vector<int> got;
  for (const graph::Op& op : net.ops) got.push_back(op.block);
  // Block 0's project output is read by block 1's PAD and its ADD: that ADD is block 1's.
  EXPECT_EQ(got, (std::vector<int>{-1, -1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, -1, -1}));
  // A network that has blocks already (a built one) is left as it is.
  graph::Network built = n.net;
  built.ops[3].block = 7;
  EXPECT_EQ(graph::InferBlocks(built), built);
}

}  // namespace
