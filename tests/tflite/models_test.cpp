// Golden tests on real int8 TFLite models (tests/data/README.md says where each comes from).

#include <gtest/gtest.h>

#include <map>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "support/spaces.h"
#include "tflite/import.h"

namespace {

tflite::Import Load(const std::string& file) {
  auto result = tflite::ImportFile(std::string(DSE_SOURCE_DIR) + "/tests/data/" + file);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : tflite::Import{};
}

std::map<std::string, int> KindCounts(const graph::Network& net) {
  std::map<std::string, int> counts;
  for (const graph::Op& op : net.ops) ++counts[std::string(graph::OpKindName(op.kind))];
  return counts;
}

TEST(TfliteModels, ProxylessR144OpCounts) {
  const tflite::Import im = Load("proxyless-w0.30-r144_int8.tflite");
  EXPECT_EQ(im.network.ops.size(), 77u);
  const std::map<std::string, int> expected = {{"conv2d", 42}, {"depthwise_conv2d", 20},
                                               {"add", 13}, {"average_pool", 1}, {"reshape", 1}};
  EXPECT_EQ(KindCounts(im.network), expected);
  EXPECT_EQ(im.unsupported_count(), 0);
  EXPECT_EQ(im.network.input_shape(im.network.ops[0]), (graph::Shape{144, 144, 3}));
}

// The imported firmware model and the search space's proxyless-w0.30-r144 must be the same
// network op by op: kind, window, padding, shapes, MACs and weight elements (the TFLite file
// has batch norm folded, so parameters are compared as weight element counts).
TEST(TfliteModels, ProxylessR144MatchesTheSearchSpaceLayerByLayer) {
  const tflite::Import im = Load("proxyless-w0.30-r144_int8.tflite");
  const graph::Network built = testing_support::BuildVariant("proxyless-w0.30-r144");
  const graph::Network& net = im.network;
  ASSERT_EQ(net.ops.size(), built.ops.size());
  for (size_t i = 0; i < net.ops.size(); ++i) {
    SCOPED_TRACE("op " + std::to_string(i));
    const graph::Op& a = net.ops[i];
    const graph::Op& b = built.ops[i];
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.kernel_h, b.kernel_h);
    EXPECT_EQ(a.kernel_w, b.kernel_w);
    EXPECT_EQ(a.stride_h, b.stride_h);
    EXPECT_EQ(a.padding.top, b.padding.top);
    EXPECT_EQ(a.padding.bottom, b.padding.bottom);
    EXPECT_EQ(net.input_shape(a), built.input_shape(b));
    EXPECT_EQ(net.output_shape(a), built.output_shape(b));
    EXPECT_EQ(analysis::CountOp(net, a).macs, analysis::CountOp(built, b).macs);
    EXPECT_EQ(analysis::CountOp(net, a).weight_bytes, analysis::CountOp(built, b).weight_bytes);
  }
  const analysis::Totals imported = analysis::CountNetwork(net);
  const analysis::Totals reference = analysis::CountNetwork(built);
  EXPECT_EQ(imported.macs, reference.macs);
  EXPECT_EQ(imported.weight_bytes, reference.weight_bytes);
  EXPECT_EQ(analysis::ComputePeak(net).peak_bytes, analysis::ComputePeak(built).peak_bytes);
}

struct Golden {
  std::string file;
  size_t ops;
  std::map<std::string, int> kinds;
  int64_t macs;
  int64_t weight_bytes;
  int64_t peak_activation_bytes;
};

// Expected numbers from tests/tflite/reference_counts.py (an independent Python walk of the
// flatbuffer: MACs and weight elements from the filter and output tensor shapes, peak under
// the liveness rule of analysis/liveness.h at 1 byte per int8 element), run on these files on
// 2025-11-21; the hand checks beside them confirm the largest terms.
const Golden kGolden[] = {
    // ResNet-8: 32x32x3 -> 3 stacks (16, 32, 64 ch). Peak at op 2: two 32x32x16 tensors
    // (the block input kept for the residual and the conv output) + the next = 3 * 16384.
    {"mlperf-tiny-ic-resnet8_int8.tflite", 16,
     {{"conv2d", 9}, {"add", 3}, {"average_pool", 1}, {"fully_connected", 1}, {"reshape", 1},
      {"softmax", 1}},
     12'501'632, 77'360, 49'152},
    // MobileNetV1-0.25 at 96x96: stem 48x48x8, first pointwise 48x48x16; peak at op 2 =
    // 48*48*8 + 48*48*16 = 18432 + 36864 = 55296.
    {"mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite", 31,
     {{"conv2d", 14}, {"depthwise_conv2d", 13}, {"average_pool", 1}, {"fully_connected", 1},
      {"reshape", 1}, {"softmax", 1}},
     7'489'664, 208'112, 55'296},
    // DS-CNN: 49x10x1 input, 10x4 stride-2 conv to 25x5x64; peak at op 1 = 2 * 25*5*64 = 16000.
    {"mlperf-tiny-kws-dscnn_int8.tflite", 13,
     {{"conv2d", 5}, {"depthwise_conv2d", 4}, {"average_pool", 1}, {"fully_connected", 1},
      {"reshape", 1}, {"softmax", 1}},
     2'656'768, 22'016, 16'000},
    // FC autoencoder 640-128-128-128-128-8-128-128-128-128-640: MACs = weights =
    // 2*640*128 + 6*128*128 + 2*128*8 = 264192; peak at op 0 = 640 + 128.
    {"mlperf-tiny-ad-fcautoencoder_int8.tflite", 10, {{"fully_connected", 10}},
     264'192, 264'192, 768},
};

TEST(TfliteModels, MlperfTinyReferenceModels) {
  for (const Golden& g : kGolden) {
    SCOPED_TRACE(g.file);
    const tflite::Import im = Load(g.file);
    EXPECT_EQ(im.network.ops.size(), g.ops);
    EXPECT_EQ(KindCounts(im.network), g.kinds);
    EXPECT_EQ(im.unsupported_count(), 0);
    const analysis::Totals totals = analysis::CountNetwork(im.network);
    EXPECT_EQ(totals.macs, g.macs);
    EXPECT_EQ(totals.weight_bytes, g.weight_bytes);
    EXPECT_EQ(analysis::ComputePeak(im.network).peak_bytes, g.peak_activation_bytes);
  }
}

}  // namespace
