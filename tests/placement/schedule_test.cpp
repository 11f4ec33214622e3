// The memory-saving schedules (placement/schedule_modes.h) against the published anchors of
// reference memory_schedules.md: MCUNetV2's MobileNetV2 r224 patch figures (§5.2), the reordering
// expectation that chains do not change (§2), Pex's bounds (§3).

#include <gtest/gtest.h>

#include <tuple>

#include <algorithm>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "hw/catalog.h"
#include "placement/schedule_modes.h"
#include "support/spaces.h"

namespace {

const graph::Network& Mbv2() {
  static const graph::Network net = testing_support::BuildVariant("mbv2-w1.00-r224");
  return net;
}

TEST(PatchSchedule, MobileNetV2PerLayerPeakIsBlockTwoExpand) {
  // dse's liveness (no in-place ops): block 2's stride-2 depthwise, 112²·96 + 56²·96 B.
  EXPECT_EQ(analysis::ComputePeak(Mbv2()).peak_bytes, 1'505'280);
  // §5.2 [pub]: 1372 kB = 1,404,928 B = 112²·16 + 112²·96 (block 2's expand conv in + out): the
  // rule with TinyEngine's in-place depthwise, the patch plan's "before".
  EXPECT_EQ(analysis::PlanPatches(Mbv2(), {5, 4})->peak_before_bytes, 1'404'928);
  // MbV2 per-layer total 300M MACs (§5.2: 330M / 1.10), the usual 300.8M of Sandler et al.
  EXPECT_NEAR(static_cast<double>(analysis::CountNetwork(Mbv2()).macs), 300e6, 0.02 * 300e6);
}

TEST(PatchSchedule, MobileNetV2FourByFourPatchesAfterFiveBlocks) {
  const auto plan = analysis::PlanPatches(Mbv2(), {5, 4});
  ASSERT_TRUE(plan) << plan.error().message;
  // §5.1 [derived, = Table 1's 75² patch]: g = 7 -> 15 -> 17 -> 35 -> 37 -> 75.
  EXPECT_EQ(plan->input_patch_h, 75);
  EXPECT_EQ(plan->input_patch_w, 75);
  EXPECT_EQ(plan->peak_before_bytes, 1'404'928);
  // Table 1 [pub]: 172 kB (= 176,128 B) per patch, within 5 %. dse: the rest's per-layer peak
  // 28²·32 + 28²·192 = 175,616 B (block 5's expand) is above the patch stage's
  // 35²·16 + 35²·96 + 28²·32 = 162,288 B.
  EXPECT_EQ(plan->stage_peak_bytes, 162'288);
  EXPECT_EQ(plan->rest_peak_bytes, 175'616);
  EXPECT_EQ(plan->peak_bytes, 175'616);
  EXPECT_NEAR(static_cast<double>(plan->peak_bytes), 176'128.0, 0.05 * 176'128);
  // Table 1 [pub]: +10 % MACs overall (330M vs 300M), patch stage 130M, within 5 %.
  EXPECT_NEAR(plan->mac_overhead(), 0.10, 0.05 * 0.10 + 0.005);
  // Patch stage 130M [pub]; dse 119.2M (-8 %): border tiles are clipped at the image (no halo
  // beyond it), which MCUNetV2 may not do.
  EXPECT_NEAR(static_cast<double>(plan->stage_macs), 130e6, 0.10 * 130e6);
}

TEST(PatchSchedule, BadChoicesNameTheOptionAndTheNearestValidOne) {
  const auto split = analysis::PlanPatches(Mbv2(), {99, 4});
  ASSERT_FALSE(split);
  EXPECT_NE(split.error().message.find("--split 99"), std::string::npos) << split.error().message;
  EXPECT_NE(split.error().message.find("nearest valid split"), std::string::npos);
  const auto patches = analysis::PlanPatches(Mbv2(), {5, 40});
  ASSERT_FALSE(patches);
  // The stage output of n 5 is 28 x 28: at most 28 patches per side.
  EXPECT_NE(patches.error().message.find("nearest valid patch count: 28"), std::string::npos)
      << patches.error().message;
}

TEST(ReorderSchedule, ChainsKeepTheirOrderAndPeak) {
  // §2: reordering must leave chain-like models unchanged and never exceed the file order.
  const analysis::ReorderPlan plan = analysis::PlanReorder(Mbv2());
  EXPECT_TRUE(plan.searched);
  EXPECT_FALSE(plan.changed);
  EXPECT_EQ(plan.peak_bytes, 1'505'280);
  EXPECT_NE(analysis::DescribeReorderPlan(plan).find("order unchanged"), std::string::npos);
}

TEST(ReorderSchedule, TwoBranchesRunOneAfterTheOther) {
  // in (10 B) feeds two branches, each a 1000 B tensor reduced to 10 B; an add joins them.
  // File order a1, b1, a2, b2, add holds a1 and b1 together: 10 + 1000 + 1000 = 2010 B.
  // Best order a1, a2, b1, b2, add: at most in + a2 + b1 = 1020 B (hand count of lifetimes).
  graph::Network net;
  net.name = "branches";
  net.tensors = {{"in", {1, 1, 10}},  {"a1", {1, 1, 1000}}, {"b1", {1, 1, 1000}},
                 {"a2", {1, 1, 10}},  {"b2", {1, 1, 10}},   {"out", {1, 1, 10}}};
  auto op = [](std::vector<int> in, int out) {
    graph::Op o;
    o.inputs = std::move(in);
    o.output = out;
    return o;
  };
  graph::Op add = op({3, 4}, 5);
  add.kind = graph::OpKind::kAdd;
  net.ops = {op({0}, 1), op({0}, 2), op({1}, 3), op({2}, 4), add};
  net.input = 0;
  net.output = 5;
  const analysis::ReorderPlan plan = analysis::PlanReorder(net);
  EXPECT_EQ(plan.peak_before_bytes, 2010);
  EXPECT_EQ(plan.peak_bytes, 1020);
  EXPECT_TRUE(plan.changed);
  // Ties go to the first tensor un-applied: branch b runs first, then a (ops 1, 3, 0, 2, 4).
  EXPECT_EQ(plan.order, (std::vector<int>{1, 3, 0, 2, 4}));
}

TEST(PexSchedule, BlocksStayBetweenInPlusOutAndTheirWholePeak) {
  // §3: Pex's peak must be >= in + out of each block and <= the per-layer (TFLM-like) head.
  const analysis::PexPlan plan = analysis::PlanPex(Mbv2());
  EXPECT_EQ(plan.peak_before_bytes, 1'505'280);
  EXPECT_LT(plan.peak_bytes, plan.peak_before_bytes);
  // The stem (224²·3 + 112²·32 = 551,936 B) and block 1's depthwise without expand
  // (112²·32 · 2 = 802,816 B) are not split: the schedule cannot go below them.
  EXPECT_GE(plan.peak_bytes, 802'816);
  EXPECT_GT(plan.split_blocks(), 0);
  for (const analysis::PexBlock& b : plan.blocks) {
    EXPECT_LE(b.peak_bytes, b.peak_before_bytes);
  }
}

TEST(ScheduleModes, OptInModesAreFoundButNotInTheDefaultSpaces) {
  const std::vector<std::string> ids = placement::ModeIds();
  EXPECT_EQ(ids, (std::vector<std::string>{"internal", "external", "tinyops"}));
  EXPECT_EQ(placement::OptInModeIds(), (std::vector<std::string>{"patch", "reorder", "pex"}));
  for (const char* id : {"patch", "reorder", "pex"}) EXPECT_TRUE(placement::FindMode(id));
}

TEST(ScheduleModes, PatchModePlacesMobileNetV2OnH743AndCostsTheHalo) {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  const hw::Board& board = *catalog.Find("h743");
  const graph::Network& net = Mbv2();
  const placement::Footprint f = placement::Measure(net, kernels::DefaultRuntime());
  placement::Deployment d{"patch", 0, true};
  d.patch_split_units = 5;
  d.patches = 4;
  const placement::Fit fit = placement::Check(net, f, board, d).value();
  EXPECT_NE(placement::DescribeSchedule(fit).find("4x4 patches of 75x75 px"), std::string::npos)
      << placement::DescribeSchedule(fit);
  const placement::Fit internal = placement::Check(net, f, board, {"internal", 0, true}).value();
  EXPECT_LT(fit.sram_bytes, internal.sram_bytes - 1'000'000);
  const auto mode = placement::FindMode("patch").value();
  const auto terms = mode->LatencyTerms(net, kernels::DefaultRuntime(), board, fit).value();
  EXPECT_EQ(terms.front().compute[latency::kDispatchCycles], 16);  // the stem runs 4x4 times
  EXPECT_EQ(terms.back().compute[latency::kDispatchCycles], 1);
}

// Issue 14 item 5: a schedule takes its scratch and persistent parts from the --runtime, and
// runs depthwise convolutions in place where the runtime does.
TEST(ScheduleModes, ScheduleSramFollowsTheRuntimesLayout) {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  const hw::Board& board = *catalog.Find("h743");
  const graph::Network net = testing_support::BuildVariant("mcunet-in2");
  const auto tinyengine = placement::WithLayout(kernels::DefaultRuntime(), "tinyengine");
  const placement::Footprint tflm_f = placement::Measure(net, kernels::DefaultRuntime());
  const placement::Footprint te_f = placement::Measure(net, *tinyengine);
  ASSERT_EQ(te_f.sram.layout, "tinyengine");
  // mode, TFLM arena, TinyEngine arena.
  const std::tuple<const char*, int64_t, int64_t> cases[] = {{"reorder", 332'800, 204'800},
                                                             {"pex", 204'800, 204'800}};
  for (const auto& [mode, tflm_arena, te_arena] : cases) {
    SCOPED_TRACE(mode);
    const placement::Fit tflm = placement::Check(net, tflm_f, board, {mode, 0, true}).value();
    const placement::Fit te = placement::Check(net, te_f, board, {mode, 0, true}).value();
    ASSERT_TRUE(tflm.sram_parts && te.sram_parts);
    // The same schedule, with TinyEngine's in-place depthwise on top (dse show mcunet-in2
    // --per-op). mcunet-in2 is a chain, so reorder keeps the file order: TFLM's peak is op 7, a
    // 7x7 depthwise 40x40x96 -> 40x40x96 beside the 40x40x16 residual, 153,600 x 2 + 25,600 =
    // 332,800 B; in place it needs 179,200 B, so the peak moves to op 3 (80x80x8 + 80x80x24 =
    // 51,200 + 153,600) and op 8 (153,600 + 2 x 25,600): 204,800 B. Pex slices the blocks
    // down to that same 204,800 B of ops 3 and 8 under both runtimes.
    EXPECT_EQ(tflm.sram_parts->arena_bytes, tflm_arena);
    EXPECT_EQ(te.sram_parts->arena_bytes, te_arena);
    // ... TFLM's per-op scratch and persistent tail, TinyEngine's static buffers and no tail.
    EXPECT_EQ(tflm.sram_parts->persistent_bytes, tflm_f.sram.persistent_bytes);
    EXPECT_GT(tflm.sram_parts->persistent_bytes, 0);
    EXPECT_EQ(te.sram_parts->persistent_bytes, 0);
    EXPECT_EQ(te.sram_parts->scratch_bytes, te_f.sram.scratch_bytes);
  }
}

}  // namespace
