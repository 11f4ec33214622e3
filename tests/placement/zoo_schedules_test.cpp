// The memory-saving schedules (placement/schedule_modes.h) on the imported MCUNet zoo .tflite
// files (data/models/, reference models/README.md), whose graphs carry an explicit PAD before
// every convolution and no block indices. Skipped when data/models/ does not hold the files.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "analysis/patch_schedule.h"
#include "analysis/pex_schedule.h"
#include "graph/fold_pads.h"
#include "hw/catalog.h"
#include "placement/schedule_modes.h"
#include "support/model_files.h"
#include "tflite/model.h"

namespace {

using testing_support::ImportShippedModel;
using testing_support::ModelsDir;

const hw::Board& F469() {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  return *catalog.Find("f469");
}

// The internal SRAM (runtime reserve included) of `net` in `mode` under `layout`.
int64_t SramBytes(const graph::Network& net, const char* layout, const char* mode) {
  const auto runtime = placement::WithLayout(kernels::DefaultRuntime(), layout);
  const placement::Footprint f = placement::Measure(net, *runtime);
  return placement::Check(net, f, F469(), {mode, 0, true}).value().sram_bytes;
}

// mcunet-vww0 under TinyEngine on F469 (dse analyze data/models/mcunet-vww0.tflite --per-op for
// the shapes; the F469 profile's [sram] reserved_bytes = 12,680 B of runtime state).
// With the PADs folded and depthwise in place, the liveness peak is block 1's expand conv,
// 32x32x8 in + 32x32x48 out = 8,192 + 49,152 = 57,344 B; the static buffers are the 5x5
// depthwise's padded one-channel buffer 2 x 36 x 36 = 2,592 B + the stem's kernel buffer
// 2 x 3 x 3 x 3 x 16 = 864 B = 3,456 B.
//   internal: first fit reaches the liveness peak: 57,344 + 3,456 + 12,680 = 73,480 B.
//   reorder:  a chain has one order: the same 73,480 B (before PAD folding: 127,496 B, the
//             36x36x48 PAD output beside its input).
//   pex:      the ops outside blocks peak at block 0's depthwise (no expand), 32x32x16 in + out
//             = 32,768 B; block 1 in 3 slices (48 / 3): in 8,192 + out 16x16x16 = 4,096 + a
//             slice of each expanded tensor 49,152 / 3 + 12,288 / 3 = 20,480 -> 32,768 B:
//             32,768 + 3,456 + 12,680 = 48,904 B (before: no block found, 127,496 B).
TEST(ZooSchedules, Vww0UnderTinyEngineFoldsPadsInEverySchedule) {
  ASSERT_TRUE(std::filesystem::exists(ModelsDir() + "mcunet-vww0.tflite")) << "data/models/";
  const graph::Network net = ImportShippedModel("mcunet-vww0.tflite");
  EXPECT_EQ(SramBytes(net, "tinyengine", "internal"), 73'480);
  EXPECT_EQ(SramBytes(net, "tinyengine", "reorder"), 73'480);
  EXPECT_EQ(SramBytes(net, "tinyengine", "pex"), 48'904);
  // x-cube-ai: the same plan plus its fitted 26,385 B.
  EXPECT_EQ(SramBytes(net, "x-cube-ai", "pex"), 48'904 + placement::kXCubeAiFittedBytes);
}

// Under TFLM the PADs stay ops: a Pex block of the zoo files is expand, PAD, depthwise, PAD,
// project (ops 7-11 of mcunet-vww0: 32x32x8 -> 32x32x48 -> 36x36x48 -> 16x16x48 -> 16x16x48 ->
// 16x16x16), and both PADs run slice by slice with the depthwise.
TEST(ZooSchedules, PexTakesPadsInsideBlocksUnderTflm) {
  ASSERT_TRUE(std::filesystem::exists(ModelsDir() + "mcunet-vww0.tflite")) << "data/models/";
  const graph::Network net = ImportShippedModel("mcunet-vww0.tflite");
  const analysis::PexPlan plan = analysis::PlanPex(net);
  ASSERT_FALSE(plan.blocks.empty());
  EXPECT_EQ(plan.blocks[0].expand_op, 7);
  EXPECT_EQ(plan.blocks[0].ops, 5);
  ASSERT_GT(plan.split_blocks(), 0);
  for (int op = 7; op <= 11; ++op) {
    EXPECT_EQ(plan.kernel_calls[static_cast<size_t>(op)], plan.blocks[0].slices);
  }
  EXPECT_LT(SramBytes(net, "tflm", "pex"), SramBytes(net, "tflm", "internal"));
}

// Patch splits exist on imported files (blocks inferred by the importer), and a PAD shifts the
// halo by its padding. mcunet-vww0, n = 2 (stem + block 0, ops 0-5: PAD 1,1 64 -> 66, stem 3x3
// s2 -> 32, PAD 1,1 -> 34, 3x3 depthwise -> 32, zero PAD, 1x1 project), p = 2 tiles of 16 rows
// of the 32x32x8 stage output. Rows of the input, backwards: tile 0: depthwise [0, 18) of the
// padded 34 -> PAD -1: [-1, 17) -> [0, 17) of the stem output -> stem [0, 35) of the padded 66
// -> PAD -1: [0, 34); tile 1: [16, 34) -> [15, 33) -> [15, 32) -> [30, 65) -> [29, 64): 35 rows.
// The network with its PADs folded into the convs' padding needs the same rows and MACs.
TEST(ZooSchedules, PatchSplitsImportedFilesAndPadsShiftTheHalo) {
  ASSERT_TRUE(std::filesystem::exists(ModelsDir() + "mcunet-vww0.tflite")) << "data/models/";
  const graph::Network net = ImportShippedModel("mcunet-vww0.tflite");
  ASSERT_FALSE(analysis::PatchSplitChoices(net).empty());
  const analysis::PatchPlan kept = analysis::PlanPatches(net, {2, 2}).value();
  const analysis::PatchPlan folded =
      analysis::PlanPatches(graph::FoldPads(net).net, {2, 2}).value();
  EXPECT_EQ(kept.split_op, 6);
  EXPECT_EQ(kept.input_patch_h, 35);
  EXPECT_EQ(folded.input_patch_h, 35);
  EXPECT_EQ(kept.input_patch_w, 35);
  EXPECT_EQ(kept.macs, folded.macs);
  EXPECT_GT(kept.macs, kept.macs_before);  // the halo is recomputed
  // The patch mode under TinyEngine plans on the folded network and maps its plan back: the
  // zero PAD before block 1's expand (op 6) is folded into that conv, so it runs after the split
  // with it, and the stage keeps the folded plan's MACs.
  const auto runtime = placement::WithLayout(kernels::DefaultRuntime(), "tinyengine");
  const placement::Footprint f = placement::Measure(net, *runtime);
  placement::Deployment d{"patch", 0, true};
  d.patch_split_units = 2;
  d.patches = 2;
  const placement::Fit fit = placement::Check(net, f, F469(), d).value();
  const auto* plan = dynamic_cast<const placement::PatchModePlan*>(fit.plan.get());
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->plan().split_op, 6);
  EXPECT_EQ(plan->plan().op_macs.size(), net.ops.size());
  EXPECT_EQ(plan->plan().op_macs[0], 0);  // the stem's PAD, folded into the stem
  EXPECT_EQ(plan->plan().macs, kept.macs);
  const auto terms = placement::FindMode("patch").value()->LatencyTerms(net, *runtime, F469(), fit);
  ASSERT_TRUE(terms.ok());
  EXPECT_EQ(terms.value()[5].compute[latency::kDispatchCycles], 4);  // block 0's project, 2x2
  EXPECT_EQ(terms.value()[6].compute[latency::kDispatchCycles], 1);
}

// The table of the issue: predicted internal SRAM of the ten zoo files per layout and schedule
// on F469. Under a layout that folds PADs (tinyengine, x-cube-ai) no schedule of these chains
// needs more than plain internal: reorder keeps the one order (its liveness peak is a lower
// bound of the first-fit arena) and pex only lowers live bytes.
TEST(ZooSchedules, TableOfTheTenZooFiles) {
  const char* files[] = {"mcunet-in0.tflite", "mcunet-in1.tflite", "mcunet-in2.tflite",
                         "mcunet-in3.tflite", "mcunet-in4.tflite", "mcunet-vww0.tflite",
                         "mcunet-vww1.tflite", "mcunet-vww2.tflite",
                         "mcunet-mbv2-w0.35-r144.tflite", "mcunet-proxyless-w0.3-r176.tflite"};
  ASSERT_TRUE(std::filesystem::exists(ModelsDir() + files[0])) << "data/models/";
  const char* modes[] = {"internal", "reorder", "patch", "pex"};
  for (const char* file : files) {
    SCOPED_TRACE(file);
    const graph::Network net = ImportShippedModel(file);
    std::printf("%-34s", file);
    for (const char* layout : {"tflm", "tinyengine", "x-cube-ai"}) {
      int64_t bytes[4];
      for (int m = 0; m < 4; ++m) bytes[m] = SramBytes(net, layout, modes[m]);
      std::printf(" | %7lld %7lld %7lld %7lld", static_cast<long long>(bytes[0]),
                  static_cast<long long>(bytes[1]), static_cast<long long>(bytes[2]),
                  static_cast<long long>(bytes[3]));
      if (std::string(layout) == "tflm") continue;
      EXPECT_LE(bytes[1], bytes[0]) << layout << " reorder";
      EXPECT_LE(bytes[3], bytes[0]) << layout << " pex";
    }
    std::printf("\n");
  }
}

}  // namespace
