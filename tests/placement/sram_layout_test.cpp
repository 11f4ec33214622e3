// Internal SRAM as each runtime lays it out (placement/sram_layout.h), against TFLM's own
// planner expectations (reference memory_schedules.md §1.5) and TinyEngine's rules (§4).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "analysis/arena.h"
#include "placement/footprint.h"
#include "placement/sram_layout.h"
#include "support/spaces.h"
#include "tflite/import.h"

namespace {

using graph::OpKind;

// A runtime with the default runtime's kernels and another layout: how a data-file runtime
// (tinyengine, x-cube-ai) reaches the layouts before one is registered.
class LayoutRuntime final : public kernels::Runtime {
 public:
  explicit LayoutRuntime(std::string layout, bool scratch = true)
      : layout_(std::move(layout)), scratch_(scratch) {}
  std::string_view id() const override { return "test-layout"; }
  std::string_view title() const override { return "test runtime"; }
  kernels::OpWork MeasureOp(const graph::Network& net, const graph::Op& op) const override {
    return kernels::DefaultRuntime().MeasureOp(net, op);
  }
  int64_t ScratchBytes(const graph::Network& net, const graph::Op& op) const override {
    return scratch_ ? kernels::DefaultRuntime().ScratchBytes(net, op) : 0;
  }
  std::string_view arena_layout() const override { return layout_; }
  kernels::RuntimeBuild build() const override { return {"tflm", "cmsis-nn"}; }

 private:
  std::string layout_;
  bool scratch_;
};

placement::SramNeed PlanWith(const graph::Network& net, const std::string& layout,
                             bool scratch = true) {
  const LayoutRuntime runtime(layout, scratch);
  return placement::LayoutOf(runtime).Plan(net, runtime);
}

// TFLM's test_conv_model (memory_arena_threshold_test.cc; §1.5: 15 tensors, 7 ops QUANTIZE,
// CONV x2, MAXPOOL, RESHAPE, FC, DEQUANTIZE; head 7,744 = 14x14x16 + 12x12x32, conv2's input
// and output). Shapes not given by §1.5 are the ones consistent with those figures: a float
// 28x28x1 input, conv1 3x3 stride 2 to 14x14x16, conv2 3x3 VALID to 12x12x32, 2x2 max pool,
// a 10-way FC and its float output.
graph::Network ConvModel() {
  graph::Network net;
  net.name = "test_conv_model";
  auto add = [&](const char* name, graph::Shape s, int bits = 0) {
    net.tensors.push_back({name, s, bits});
    return static_cast<int>(net.tensors.size()) - 1;
  };
  const int in = add("input", {28, 28, 1}, 32);
  const int q = add("quantized", {28, 28, 1});
  const int c1 = add("conv1", {14, 14, 16});
  const int c2 = add("conv2", {12, 12, 32});
  const int mp = add("pool", {6, 6, 32});
  const int rs = add("flat", {1, 1, 1152});
  const int fc = add("logits", {1, 1, 10});
  const int out = add("output", {1, 1, 10}, 32);
  auto op = [&](OpKind kind, int from, int to, int k = 1, int s = 1) {
    graph::Op o;
    o.kind = kind;
    o.inputs = {from};
    o.output = to;
    o.kernel_h = o.kernel_w = k;
    o.stride_h = o.stride_w = s;
    o.has_bias = kind == OpKind::kConv2d || kind == OpKind::kFullyConnected;
    net.ops.push_back(o);
  };
  op(OpKind::kQuantize, in, q);
  op(OpKind::kConv2d, q, c1, 3, 2);
  op(OpKind::kConv2d, c1, c2, 3);
  op(OpKind::kMaxPool, c2, mp, 2, 2);
  op(OpKind::kReshape, mp, rs);
  op(OpKind::kFullyConnected, rs, fc);
  op(OpKind::kDequantize, fc, out);
  net.input = in;
  net.output = out;
  return net;
}

TEST(SramLayouts, RegistryListsTheThreeLayouts) {
  EXPECT_EQ(placement::SramLayoutIds(),
            (std::vector<std::string>{"tflm", "tinyengine", "x-cube-ai"}));
  auto unknown = placement::FindSramLayout("tinyengin");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("did you mean 'tinyengine'"), std::string::npos)
      << unknown.error().message;
  // An unregistered layout name falls back to TFLM's.
  EXPECT_EQ(placement::LayoutOf(LayoutRuntime("nope")).id(), "tflm");
  EXPECT_EQ(placement::LayoutOf(kernels::DefaultRuntime()).id(), "tflm");
}

TEST(SramLayouts, TflmConvModelHeadIs7744) {
  // Reference kernels (no scratch), as TFLM's threshold test runs.
  const placement::SramNeed need = PlanWith(ConvModel(), "tflm", false);
  EXPECT_EQ(need.layout, "tflm");
  EXPECT_EQ(need.arena_bytes, 7744);  // §1.5: 14*14*16 + 12*12*32 = 3,136 + 4,608
  EXPECT_EQ(need.scratch_bytes, 0);
  EXPECT_EQ(need.peak_op, 2);  // conv2 (its output is the head's top buffer)
  // Tail by arena.h's rules: 14 tensors (8 activations + 2 x (filter, bias) of the convs + FC
  // filter and bias) x 12 B + 7 ops x 32 B + 8 B x (16 + 32 + 10) output channels = 856 B
  // (a lower estimate: TFLM's doc example prints 1,824 B on x86-64).
  EXPECT_EQ(need.persistent_bytes, 14 * 12 + 7 * 32 + 8 * 58);
}

TEST(SramLayouts, TflmConvModelWithCmsisScratch) {
  // conv2 3x3x16 requests 2 * align4(144) * 2 = 576 B (§1.3 table); conv1 3x3x1 2*12*2 = 48.
  // Both scratch buffers share their op's scope with its input and output: conv2's 576 B sit
  // on top of 7,744 (the head's only gap at scope 3 is none), so scratch adds 576 B.
  const placement::SramNeed need = PlanWith(ConvModel(), "tflm", true);
  EXPECT_EQ(need.arena_bytes, 7744);
  EXPECT_EQ(need.scratch_bytes, 576);
}

graph::Network Import(const std::string& file) {
  const std::string path = std::string(DSE_SOURCE_DIR) + "/tests/data/" + file;
  auto bytes = tflite::ReadFileBytes(path);
  EXPECT_TRUE(bytes.ok()) << path;
  auto im = tflite::ImportBytes(bytes.value(), file);
  EXPECT_TRUE(im.ok());
  return std::move(im).value().network;
}

TEST(SramLayouts, TflmMlperfTinyHeads) {
  // §1.5 "TFLM head for the MLPerf Tiny reference .tflite files", through the tflm layout with
  // the default runtime's CMSIS-NN scratch: arena = the head without scratch, scratch = what
  // the scratch buffers add. VWW: 73,728, not §1.5's 64,512: TFLM fills its sort array from
  // the tail (greedy_memory_planner.cc idx_from_tail), so equal sizes are placed in reverse
  // add order; §1.5's re-implementation kept add order (tests/tflite/arena_tflm_test.cpp
  // checks both figures).
  struct Row {
    const char* file;
    int64_t arena, scratch;
  };
  const Row rows[] = {{"mlperf-tiny-ic-resnet8_int8.tflite", 49152, 576},  // 49,728 with scratch
                      {"mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite", 73728, 0},
                      {"mlperf-tiny-kws-dscnn_int8.tflite", 16000, 0},
                      {"mlperf-tiny-ad-fcautoencoder_int8.tflite", 768, 0}};
  for (const Row& r : rows) {
    SCOPED_TRACE(r.file);
    const placement::SramNeed need = PlanWith(Import(r.file), "tflm");
    EXPECT_EQ(need.arena_bytes, r.arena);
    EXPECT_EQ(need.scratch_bytes, r.scratch);
  }
}

// conv 3x3 s1 (8x8x3 -> 8x8x16) -> depthwise 3x3 s1 -> pointwise 1x1 to 8x8x4.
graph::Network DepthwiseChain() {
  graph::Network net;
  net.name = "dw-chain";
  net.tensors = {{"in", {8, 8, 3}}, {"a", {8, 8, 16}}, {"b", {8, 8, 16}}, {"c", {8, 8, 4}}};
  graph::Op conv;
  conv.kind = OpKind::kConv2d;
  conv.inputs = {0};
  conv.output = 1;
  conv.kernel_h = conv.kernel_w = 3;
  conv.padding = {1, 1, 1, 1};
  graph::Op dw = conv;
  dw.kind = OpKind::kDepthwiseConv2d;
  dw.inputs = {1};
  dw.output = 2;
  graph::Op pw;
  pw.inputs = {2};
  pw.output = 3;
  net.ops = {conv, dw, pw};
  net.input = 0;
  net.output = 3;
  return net;
}

TEST(SramLayouts, TinyEngineDepthwiseInPlace) {
  const placement::SramNeed need = PlanWith(DepthwiseChain(), "tinyengine");
  EXPECT_EQ(need.layout, "tinyengine");
  // Tensors: in 192 B, a and b 1,024 B, c 256 B. In place, b has no buffer of its own while
  // the depthwise runs: 192 + 1,024 = 1,216 at op 0, a alone at op 1, b + c = 1,280 at op 2.
  EXPECT_EQ(need.arena_bytes, 1280);
  EXPECT_EQ(need.peak_op, 2);
  // im2col: conv 2*2*9*3 = 108; in-place depthwise 2*(8+2)*(8+2) = 200; pointwise 2*2*1*16 =
  // 64 -> max 200. Kernel buffer: the 3x3 conv's 2 * 9*3*16 = 864.
  EXPECT_EQ(need.scratch_bytes, 200 + 864);
  EXPECT_EQ(need.persistent_bytes, 0);
  // TFLM on the same chain: a and b both live at the depthwise: 2,048 B.
  const placement::SramNeed tflm = PlanWith(DepthwiseChain(), "tflm", false);
  EXPECT_EQ(tflm.arena_bytes, 2048);
}

TEST(SramLayouts, TinyEngineBeatsTflmOnAnInvertedResidualNet) {
  // mcunet-in2 as dse builds it: in-place depthwise drops the expanded pair to one tensor.
  const graph::Network net = testing_support::BuildVariant("mcunet-in2");
  const placement::SramNeed te = PlanWith(net, "tinyengine");
  const placement::SramNeed tflm = PlanWith(net, "tflm");
  const placement::SramNeed xc = PlanWith(net, "x-cube-ai");
  EXPECT_LT(te.arena_bytes, tflm.arena_bytes);
  EXPECT_LE(xc.arena_bytes, tflm.arena_bytes);
}

TEST(SramLayouts, MeasureUsesTheRuntimesLayout) {
  const graph::Network net = DepthwiseChain();
  const placement::Footprint te = placement::Measure(net, LayoutRuntime("tinyengine"));
  EXPECT_EQ(te.sram.layout, "tinyengine");
  EXPECT_EQ(te.sram.total_bytes(), 1280 + 200 + 864);
  const placement::Footprint tflm = placement::Measure(net, kernels::DefaultRuntime());
  EXPECT_EQ(tflm.sram.layout, "tflm");
}

}  // namespace
