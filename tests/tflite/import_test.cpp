// Mapping of small synthetic TFLite models to the IR: padding arithmetic, opcodes, unsupported ops.

#include <gtest/gtest.h>

#include "analysis/cost.h"
#include "tflite/import.h"
#include "tflite/synthetic.h"

namespace {

tflite::Import MustImport(const synthetic::Model& m) {
  const std::vector<uint8_t> bytes = synthetic::Write(m);
  auto result = tflite::ImportBytes(bytes, "synthetic");
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : tflite::Import{};
}

TEST(TfliteImport, SamePaddingPutsTheOddRowAtTheBottom) {
  // 6x6 input, 3x3 window, stride 2, SAME: out 3, total padding (3-1)*2+3-6 = 1 -> top 0, bottom 1.
  const tflite::Import im = MustImport(synthetic::OneConv(6, 3, /*SAME*/ 0, 2));
  ASSERT_EQ(im.network.ops.size(), 1u);
  const graph::Op& op = im.network.ops[0];
  EXPECT_EQ(op.kind, graph::OpKind::kConv2d);
  EXPECT_EQ(op.kernel_h, 3);
  EXPECT_EQ(op.stride_h, 2);
  EXPECT_EQ(op.padding.top, 0);
  EXPECT_EQ(op.padding.bottom, 1);
  EXPECT_EQ(op.padding.left, 0);
  EXPECT_EQ(op.padding.right, 1);
  EXPECT_TRUE(op.has_bias);
  EXPECT_FALSE(op.has_batch_norm);
  EXPECT_EQ(op.activation, graph::Activation::kRelu6);
  EXPECT_EQ(analysis::CountOp(im.network, op).macs, 3 * 3 * 4 * 3 * 3 * 3);
  EXPECT_EQ(analysis::CountOp(im.network, op).weight_bytes, 108);
}

TEST(TfliteImport, SamePaddingSplitsAnEvenTotal) {
  // 5x5, 3x3, stride 2, SAME: out 3, total (3-1)*2+3-5 = 2 -> 1 and 1.
  const tflite::Import im = MustImport(synthetic::OneConv(5, 3, 0, 2));
  EXPECT_EQ(im.network.ops[0].padding.top, 1);
  EXPECT_EQ(im.network.ops[0].padding.bottom, 1);
}

TEST(TfliteImport, ValidPaddingHasNone) {
  // 6x6, 3x3, stride 2, VALID: out = (6-3+2)/2 = 2.
  const tflite::Import im = MustImport(synthetic::OneConv(6, 2, /*VALID*/ 1, 2));
  const graph::Padding& p = im.network.ops[0].padding;
  EXPECT_EQ(p.top + p.bottom + p.left + p.right, 0);
  EXPECT_EQ(im.network.output_shape(im.network.ops[0]), (graph::Shape{2, 2, 4}));
}

TEST(TfliteImport, OpcodeIsTheLargerOfTheTwoCodeFields) {
  synthetic::Model m = synthetic::OneConv(6, 3, 0, 2);
  m.ops[0].deprecated_code = 3;  // old writers: only the byte field
  m.ops[0].builtin_code = -1;
  EXPECT_EQ(MustImport(m).network.ops[0].kind, graph::OpKind::kConv2d);
  m.ops[0].deprecated_code = 0;  // hypothetical writer: only the int32 field
  m.ops[0].builtin_code = 3;
  EXPECT_EQ(MustImport(m).network.ops[0].kind, graph::OpKind::kConv2d);
}

TEST(TfliteImport, UnsupportedOpsAreKeptNamedAndCounted) {
  synthetic::Model m = synthetic::OneConv(6, 3, 0, 2);
  m.tensors.push_back({"tanh", {1, 3, 3, 4}});
  m.tensors.push_back({"gelu", {1, 3, 3, 4}});
  m.ops.push_back({28, 28, {3}, {4}});    // TANH
  m.ops.push_back({127, 150, {4}, {5}});  // GELU: past the byte field, placeholder 127
  m.outputs = {5};
  const tflite::Import im = MustImport(m);
  ASSERT_EQ(im.network.ops.size(), 3u);
  EXPECT_EQ(im.network.ops[1].kind, graph::OpKind::kUnsupported);
  EXPECT_EQ(im.network.ops[1].name, "TANH");
  EXPECT_EQ(im.network.ops[2].name, "GELU");
  ASSERT_EQ(im.unsupported.size(), 2u);
  EXPECT_EQ(im.unsupported[0].name, "TANH");
  EXPECT_EQ(im.unsupported[1].count, 1);
  EXPECT_EQ(im.unsupported_count(), 2);
  EXPECT_EQ(im.network.output, 3);
}

TEST(TfliteImport, FloatInputTensorsKeepTheirSize) {
  // A float32 input quantised to int8 by a QUANTIZE op: 4 bytes per element, not 1.
  synthetic::Model m;
  m.tensors = {{"input", {1, 4, 4, 3}, /*FLOAT32*/ 0}, {"q", {1, 4, 4, 3}}};
  m.ops = {{114, 114, {0}, {1}}};
  m.outputs = {1};
  const tflite::Import im = MustImport(m);
  EXPECT_EQ(im.network.ops[0].kind, graph::OpKind::kQuantize);
  EXPECT_EQ(analysis::TensorBytes(im.network, im.network.input), 4 * 48);
  EXPECT_EQ(analysis::TensorBytes(im.network, im.network.output), 48);
}

}  // namespace
