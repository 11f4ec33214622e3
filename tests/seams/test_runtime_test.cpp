// A runtime that exists only in this test: "test-no-scratch", the CMSIS-NN kernels with every
// im2col buffer removed (as if the kernels computed windows in registers). One class plus one
// registration, evaluated end to end through explore::Sweep with SweepOptions::runtime.

#include <gtest/gtest.h>

#include "analysis/liveness.h"
#include "placement/sram_layout.h"
#include "seams/fixture.h"

namespace {

class NoScratchRuntime final : public kernels::Runtime {
 public:
  std::string_view id() const override { return "test-no-scratch"; }
  std::string_view title() const override { return "test: CMSIS-NN kernels without scratch"; }
  kernels::OpWork MeasureOp(const graph::Network& net, const graph::Op& op) const override {
    kernels::OpWork w = kernels::MeasureOp(net, op);
    w.scratch_bytes = 0;
    w.scratch_footprint_bytes = 0;
    return w;
  }
  int64_t ScratchBytes(const graph::Network&, const graph::Op&) const override { return 0; }
  kernels::RuntimeBuild build() const override { return {"tflm", "cmsis-nn"}; }
};

// The one registration.
const bool kRegistered = kernels::RegisterRuntime(std::make_unique<NoScratchRuntime>()).ok();

TEST(TestRuntime, IsFoundByIdAndUnknownIdsNameTheNearest) {
  ASSERT_TRUE(kRegistered);
  EXPECT_EQ(kernels::FindRuntime("test-no-scratch").value()->id(), "test-no-scratch");
  const auto bad = kernels::FindRuntime("tflm-cmsis");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "unknown runtime 'tflm-cmsis' (did you mean 'tflm-cmsis-nn'?) (runtimes: "
            "tflm-cmsis-nn, test-no-scratch)");
}

TEST(TestRuntime, SweptEndToEndItsSramIsTheLivenessPeak) {
  const seams_testing::Fixture f;
  const kernels::Runtime* runtime = kernels::FindRuntime("test-no-scratch").value();
  const explore::SweepResult mine = f.Sweep("f469", {"internal"}, runtime);
  const explore::SweepResult paper = f.Sweep("f469", {"internal"});
  ASSERT_EQ(mine.candidates.size(), paper.candidates.size());
  ASSERT_FALSE(mine.candidates.empty());
  int less_sram = 0;
  for (size_t i = 0; i < mine.candidates.size(); ++i) {
    const explore::Candidate& c = mine.candidates[i];
    EXPECT_EQ(c.runtime, "test-no-scratch");
    EXPECT_EQ(paper.candidates[i].runtime, "tflm-cmsis-nn");
    // The internal SRAM is the runtime's layout (placement::LayoutOf: "tflm", TFLM's greedy
    // planner + persistent tail) + the F469's 12,680 B reservation, no longer the liveness
    // peak + reservation. Without scratch the layout adds no scratch, and its head cannot be
    // below the liveness peak (the planner places every live tensor of the peak op).
    const graph::Network net = testing_support::BuildVariant(c.variant);
    const placement::SramNeed need = placement::LayoutOf(*runtime).Plan(net, *runtime);
    EXPECT_EQ(need.layout, "tflm");
    EXPECT_EQ(need.scratch_bytes, 0) << c.variant;
    EXPECT_EQ(c.sram_bytes, need.total_bytes() + 12'680) << c.variant;
    EXPECT_GE(need.arena_bytes, c.peak_activation_bytes) << c.variant;
    EXPECT_LE(c.sram_bytes, paper.candidates[i].sram_bytes) << c.variant;
    less_sram += c.sram_bytes < paper.candidates[i].sram_bytes ? 1 : 0;
    if (c.feasible && paper.candidates[i].feasible) {
      // No im2col traffic or gather: never slower than the paper's runtime.
      EXPECT_LE(*c.latency_ms, *paper.candidates[i].latency_ms) << c.variant;
    }
  }
  EXPECT_GT(less_sram, 0);
}

}  // namespace
