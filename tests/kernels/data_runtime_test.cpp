// Data-file runtimes (kernels/data_runtime.h): the file format, the op groups, the scaled work.

#include "kernels/data_runtime.h"

#include <gtest/gtest.h>

namespace kernels {
namespace {

constexpr const char* kValid = R"(id = "x-cube-ai-7.3"
title = "X-CUBE-AI 7.3"
source = "MLPerf Tiny v1.0"
arena_layout = "x-cube-ai"
interpreter = "x-cube-ai"
kernels = "x-cube-ai"
fitted_rows = 11

[factors]
conv1x1 = 0.5
conv = 0.6
depthwise = 0.7
fully_connected = 0.8
other = 0.9
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(DataRuntime, ReadsEveryKey) {
  auto spec = ParseRuntimeSpec("r.toml", kValid);
  ASSERT_TRUE(spec) << spec.error().message;
  EXPECT_EQ(spec->id, "x-cube-ai-7.3");
  EXPECT_EQ(spec->arena_layout, "x-cube-ai");
  EXPECT_EQ(spec->fitted_rows, 11);
  // The [factors] of kValid, in OpGroup order.
  EXPECT_EQ(spec->factors, (GroupFactors{0.5, 0.6, 0.7, 0.8, 0.9}));
  const DataRuntime runtime(*spec);
  EXPECT_EQ(runtime.arena_layout(), "x-cube-ai");
  EXPECT_EQ(runtime.coefficient_runtime(), "tflm-cmsis-nn");
}

TEST(DataRuntime, FormatReadsBack) {
  auto spec = ParseRuntimeSpec("r.toml", kValid);
  ASSERT_TRUE(spec);
  auto again = ParseRuntimeSpec("r.toml", FormatRuntimeSpec(*spec, "a comment\nof two lines"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->factors, spec->factors);
  EXPECT_EQ(again->title, spec->title);
  EXPECT_EQ(again->build, spec->build);
  EXPECT_EQ(again->build_source, "");  // none given, none written
  RuntimeSpec sourced = *spec;
  sourced.build_source = "the vendor's manual";
  again = ParseRuntimeSpec("r.toml", FormatRuntimeSpec(sourced, "c"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->build_source, "the vendor's manual");
}

// What the runtime is built from: both names required, each from its list (runtime_build.h).
TEST(DataRuntime, DeclaresItsInterpreterAndKernels) {
  auto spec = ParseRuntimeSpec("r.toml", kValid);
  ASSERT_TRUE(spec) << spec.error().message;
  EXPECT_EQ(spec->build, (RuntimeBuild{"x-cube-ai", "x-cube-ai"}));  // kValid's lines 5-6
  EXPECT_EQ(DataRuntime(*spec).build(), spec->build);
  // A missing key: at line 1 (tomlspec's rule for top-level keys), with the valid names.
  auto missing = ParseRuntimeSpec("r.toml", Replace(kValid, "interpreter = \"x-cube-ai\"\n", ""));
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find(
                "r.toml:1: missing key 'interpreter' (what runs the graph, one of: tflm, "
                "tinyengine, microtvm-aot, x-cube-ai, plumerai, hale, onnc)"),
            std::string::npos)
      << missing.error().message;
  // An unknown name: its line (kernels is line 6) and the nearest valid one.
  auto unknown = ParseRuntimeSpec("r.toml", Replace(kValid, "kernels = \"x-cube-ai\"",
                                                    "kernels = \"cmsis_nn\""));
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("r.toml:6: 'kernels' = 'cmsis_nn' is not one of: "
                                         "cmsis-nn, reference, tinyengine"),
            std::string::npos)
      << unknown.error().message;
  EXPECT_NE(unknown.error().message.find("did you mean 'cmsis-nn'?"), std::string::npos)
      << unknown.error().message;
}

TEST(RuntimeBuild, InWords) {
  EXPECT_EQ(BuildText({"tflm", "cmsis-nn"}), "the TFLM interpreter and the CMSIS-NN kernels");
  EXPECT_EQ(BuildText({"microtvm-aot", "cmsis-nn"}),
            "microTVM's AOT executor and the CMSIS-NN kernels");
  EXPECT_EQ(BuildText({"tflm", "mine"}), "the TFLM interpreter and 'mine'");  // not in the list
  EXPECT_EQ(DefaultRuntime().build(), (RuntimeBuild{"tflm", "cmsis-nn"}));
}

TEST(DataRuntime, BadFilesAreFileLineErrors) {
  auto zero = ParseRuntimeSpec("r.toml", Replace(kValid, "conv = 0.6", "conv = 0"));
  ASSERT_FALSE(zero);
  EXPECT_NE(zero.error().message.find("r.toml:11:"), std::string::npos) << zero.error().message;
  auto layout = ParseRuntimeSpec("r.toml", Replace(kValid, "\"x-cube-ai\"", "\"xcube\""));
  ASSERT_FALSE(layout);
  EXPECT_NE(layout.error().message.find("r.toml:4:"), std::string::npos)
      << layout.error().message;
  auto missing = ParseRuntimeSpec("r.toml", Replace(kValid, "other = 0.9\n", ""));
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("other"), std::string::npos) << missing.error().message;
  auto unknown = ParseRuntimeSpec("r.toml", Replace(kValid, "fitted_rows", "fited_rows"));
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("fitted_rows"), std::string::npos)
      << unknown.error().message;
}

constexpr const char* kPrior = R"(
[prior]
conv1x1 = 5.0
conv = 5.0
depthwise = 5.0
fully_connected = 4.5
other = 2.0
log_spread = 0.5
source = "instruction count"
)";

TEST(DataRuntime, ReadsThePriorAndWritesItBack) {
  EXPECT_FALSE(ParseRuntimeSpec("r.toml", kValid)->prior);  // optional
  auto spec = ParseRuntimeSpec("r.toml", std::string(kValid) + kPrior);
  ASSERT_TRUE(spec) << spec.error().message;
  ASSERT_TRUE(spec->prior);
  EXPECT_EQ(spec->prior->factors, (GroupFactors{5.0, 5.0, 5.0, 4.5, 2.0}));  // kPrior's
  EXPECT_EQ(spec->prior->log_spread, 0.5);
  EXPECT_EQ(spec->prior->source, "instruction count");
  auto again = ParseRuntimeSpec("r.toml", FormatRuntimeSpec(*spec, "c"));
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_TRUE(again->prior);
  EXPECT_EQ(again->prior->factors, spec->prior->factors);
  EXPECT_EQ(again->prior->source, spec->prior->source);
}

TEST(DataRuntime, BadPriorsAreFileLineErrors) {
  const std::string text = std::string(kValid) + kPrior;  // kValid has 14 lines, [prior] is line 16
  // A non-positive factor: its line (conv = is line 18) and the valid range.
  auto zero = ParseRuntimeSpec("r.toml", Replace(text, "conv = 5.0", "conv = -1"));
  ASSERT_FALSE(zero);
  EXPECT_NE(zero.error().message.find("r.toml:18:"), std::string::npos) << zero.error().message;
  EXPECT_NE(zero.error().message.find("between 0.001 and 100"), std::string::npos)
      << zero.error().message;
  // An unknown group: its line, the nearest group and every valid group.
  auto unknown = ParseRuntimeSpec("r.toml", Replace(text, "depthwise = 5.0", "dw = 5.0"));
  ASSERT_FALSE(unknown);
  const std::string& m = unknown.error().message;
  EXPECT_NE(m.find("r.toml:19:"), std::string::npos) << m;
  EXPECT_NE(m.find("unknown key 'dw'"), std::string::npos) << m;
  EXPECT_NE(m.find("conv1x1, conv, depthwise, fully_connected, other"), std::string::npos) << m;
  // A missing group and a spread out of range.
  EXPECT_FALSE(ParseRuntimeSpec("r.toml", Replace(text, "other = 2.0\n", "")));
  EXPECT_FALSE(ParseRuntimeSpec("r.toml", Replace(text, "log_spread = 0.5", "log_spread = 0")));
}

TEST(DataRuntime, GroupsOfKernelClasses) {
  EXPECT_EQ(GroupOf(KernelClass::kConv1x1Fast), OpGroup::kConv1x1);
  EXPECT_EQ(GroupOf(KernelClass::kConvIm2col), OpGroup::kConv);
  EXPECT_EQ(GroupOf(KernelClass::kDw3x3Fast), OpGroup::kDepthwise);
  EXPECT_EQ(GroupOf(KernelClass::kDwOpt), OpGroup::kDepthwise);
  EXPECT_EQ(GroupOf(KernelClass::kDwGeneric), OpGroup::kDepthwise);
  EXPECT_EQ(GroupOf(KernelClass::kFullyConnected), OpGroup::kFullyConnected);
  EXPECT_EQ(GroupOf(KernelClass::kPool), OpGroup::kOther);
  EXPECT_EQ(OpGroupName(OpGroup::kFullyConnected), "fully_connected");
}

TEST(DataRuntime, ScalesCountsNotSizes) {
  OpWork w;
  w.macs = 1000;
  w.output_elements = 10;
  w.weight_read_bytes = 400;
  w.weight_bytes = 100;
  w.weight_footprint_bytes = 64;
  const OpWork s = ScaleWork(w, 0.5);
  EXPECT_EQ(s.macs, 500);            // 1000 x 0.5
  EXPECT_EQ(s.output_elements, 5);   // 10 x 0.5
  EXPECT_EQ(s.weight_read_bytes, 200);
  EXPECT_EQ(s.weight_bytes, 100);    // a size: unchanged
  EXPECT_EQ(s.weight_footprint_bytes, 64);
}

}  // namespace
}  // namespace kernels
