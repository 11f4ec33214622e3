// dse deploy's files (lib/deploy): the TinyOps header's macros are the partition plan's figures,
// the TFLM header's arena is the fit's, the memory map places every item in a region.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "deploy/artefacts.h"
#include "deploy/memory_map.h"
#include "deploy/request.h"
#include "explore/evaluate.h"
#include "hw/catalog.h"
#include "kernels/data_runtime.h"
#include "placement/tinyops_mode.h"
#include "support/deployment_data.h"
#include "support/spaces.h"

namespace {

const hw::Board& Board(const std::string& name) {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  return *catalog.Find(name);
}

struct Placed {
  graph::Network net;
  placement::Footprint footprint;
  placement::Fit fit;
};

Placed Place(const std::string& variant, const std::string& board, placement::Deployment d) {
  Placed p{testing_support::BuildVariant(variant), {}, {}};
  p.footprint = placement::Measure(p.net, kernels::DefaultRuntime());
  d.default_budgets = &testing_support::DefaultBudgets();
  p.fit = placement::Check(p.net, p.footprint, Board(board), d).value();
  return p;
}

bool Has(const std::string& text, const std::string& line) {
  return text.find(line) != std::string::npos;
}

TEST(Deploy, TinyopsHeaderCarriesThePlansPartitionFactorAndBuffers) {
  // tinyops.md §1 [pub]: the F4 header entry "proxyless-w0.30-r144: PARTITION_FACTOR 3,
  // TENSOR_BUFFER 50112" — the plan's S; each buffer of the plan is the macro + 32.
  const Placed p = Place("proxyless-w0.30-r144", "f469", {"tinyops", 0, true});
  const tinyops::Plan& plan = *placement::TinyopsPlan(p.fit);
  ASSERT_TRUE(plan.fits);
  const std::string h = deploy::ConfigHeader(p.net, Board("f469"), p.footprint, p.fit);
  EXPECT_TRUE(Has(h, "#define PARTITION_FACTOR                    3")) << h;
  EXPECT_TRUE(Has(h, "#define TENSOR_BUFFER_SIZE              50112")) << h;
  const auto macro = [&](const char* name, int64_t value) {
    return Has(h, fmt::format("#define {:<28} {:>8}", name, value));
  };
  using tinyops::Buffer;
  EXPECT_TRUE(macro("INPUT2_TENSOR_BUFFER_0_SIZE", plan.buffer(Buffer::kFilter) - 32)) << h;
  EXPECT_TRUE(macro("INPUT2_TENSOR_BUFFER_1_SIZE", plan.buffer(Buffer::kIm2col) - 32)) << h;
  EXPECT_TRUE(macro("BIAS_TENSOR_BUFFER_SIZE", plan.buffer(Buffer::kBias) - 32)) << h;
  EXPECT_TRUE(macro("QUANT_PARAMS_BUFFER_SIZE", plan.buffer(Buffer::kQuantShift) - 160)) << h;
}

TEST(Deploy, TflmHeaderGivesTheArenaAndTheMapPlacesIt) {
  // The internal SRAM is the runtime's layout (placement::SramLayout "tflm"): TFLM's arena holds
  // the planned head (tensors + scratch) and the persistent tail, so TENSOR_ARENA_SIZE is
  // their sum, not the liveness arena. mcunet-in4 no longer fits the H743 internally under that
  // layout (532,132 B of SRAM > 524,288 B, and 2,152,252 B of flash > 2 MiB: `dse fit
  // mcunet-in4 --board h743`); mcunet-in3 does: head 371,712 B + scratch 0 + tail 73,136 B =
  // 444,848 B, more than the 128 KiB DTCM and less than the 512 KiB AXI SRAM.
  const Placed p = Place("mcunet-in3", "h743", {"internal", 0, true});
  ASSERT_TRUE(p.fit.fits);
  ASSERT_TRUE(p.fit.sram_parts.has_value());
  const hw::Board& h743 = Board("h743");
  const int64_t arena = p.fit.sram_bytes - h743.sram.reserved_bytes;
  EXPECT_EQ(arena, p.fit.sram_parts->total_bytes());
  EXPECT_EQ(p.fit.sram_parts->layout, "tflm");
  EXPECT_EQ(arena, 371'712 + 73'136);  // `dse fit mcunet-in3 --board h743`, SRAM by the tflm layout
  EXPECT_GT(arena, 128 * 1024);        // larger than the DTCM: only the AXI SRAM holds it
  const std::string h = deploy::ConfigHeader(p.net, h743, p.footprint, p.fit);
  EXPECT_TRUE(Has(h, fmt::format("#define {:<28} {:>8}", "TENSOR_ARENA_SIZE", arena))) << h;
  const deploy::MemoryMap map = deploy::MapMemory(p.net, p.footprint, h743, p.fit);
  EXPECT_TRUE(map.unplaced.empty());
  for (const deploy::MapEntry& e : map.entries) {
    if (e.what.rfind("tensor arena", 0) == 0) {
      EXPECT_EQ(e.region, "axi_sram");  // the only region that holds it whole (boards.md §4)
      EXPECT_EQ(e.start, 0x2400'0000);
    }
    if (e.what.rfind("runtime state", 0) == 0) {
      EXPECT_EQ(e.region, "dtcm");
    }
  }
  EXPECT_TRUE(Has(deploy::LinkerFragment(map), "> DSE_AXI_SRAM"));
}

TEST(Deploy, PatchOptionsAreCheckedBeforeAnythingIsPlaced) {
  const graph::Network net = testing_support::BuildVariant("mbv2-w1.00-r224");
  placement::Deployment d{"internal", 0, true};
  d.patches = 4;
  d.patch_split_units = 5;
  auto wrong_mode = deploy::CheckScheduleOptions(net, d);
  ASSERT_FALSE(wrong_mode);
  EXPECT_EQ(wrong_mode.error().message, "--split applies to --mode patch only (given --mode internal)");
  d.mode = "patch";
  EXPECT_TRUE(deploy::CheckScheduleOptions(net, d));
  d.patches = 0;
  EXPECT_EQ(deploy::CheckScheduleOptions(net, d).error().message,
            "--split needs --patches (e.g. --patches 4)");
}

}  // namespace

namespace {

// The paper's TinyOps designs on the F469 (seed Table II): filter growth gives the seven
// buffers the whole 258,000 B budget less the 32 B of the usage formula and 32 B of paint per
// buffer (tinyops.md §1.7): 258,000 - 32 - 7 x 32 = 257,744 B of the 262,144 B SRAM, so the 12,680 B runtime state no longer fits beside them and goes to the SDRAM, as
// the TinyOps firmware keeps TFLM's graph data there; nothing is left unplaced (before, the
// runtime state went first and the buffers were "not placed").
TEST(Deploy, TinyopsBuffersTakeTheSramBeforeTheRuntimeState) {
  for (const char* variant : {"mbv3-w1.00-r160", "proxyless-w0.30-r144"}) {
    SCOPED_TRACE(variant);
    const Placed p = Place(variant, "f469", {"tinyops", 0, true});
    const deploy::MemoryMap map = deploy::MapMemory(p.net, p.footprint, Board("f469"), p.fit);
    EXPECT_TRUE(map.unplaced.empty()) << deploy::MapText(map);
    int64_t buffers_bytes = 0;
    for (const deploy::MapEntry& e : map.entries) {
      if (e.section == ".tinyops_arena") {
        EXPECT_EQ(e.region, "sram");
        buffers_bytes += e.size_bytes;
      }
      if (e.section == ".runtime_state") EXPECT_EQ(e.region, "sdram");
    }
    EXPECT_EQ(buffers_bytes, 257744);
  }
}

}  // namespace

namespace {

// The mode show and analyze predict in without --mode (deploy::ChoosePredictionMode), under
// the shipped runtimes (data/runtimes/). No coefficients: ChooseDeployMode ranks by registry
// order (internal, external, tinyops, then the schedules), so the figures below are fits only.
explore::Target PredictionTarget(const std::string& runtime_id, const std::string& board) {
  EXPECT_TRUE(kernels::RegisterRuntimeDirectory(std::string(DSE_SOURCE_DIR) + "/data/runtimes"));
  explore::Target t;
  t.board = &Board(board);
  t.runtime = kernels::FindRuntime(runtime_id).value();
  t.deployment = {"tinyops", 0, true, &testing_support::DefaultBudgets()};
  return t;
}

// TFLM + CMSIS-NN runs TinyOps: the board's default stands, and nothing is said.
TEST(ChoosePredictionMode, TheDefaultStandsWhereTheRuntimeRunsIt) {
  const explore::VariantFacts facts = explore::FactsOf(testing_support::BuildVariant("mbv3-w0.50-r128"));
  const deploy::ModeChoice c =
      deploy::ChoosePredictionMode(facts, PredictionTarget("tflm-cmsis-nn", "f469")).value();
  EXPECT_EQ(c.mode, "tinyops");
  EXPECT_EQ(c.reason, "");
}

// TinyEngine cannot run TinyOps. mbv3-w0.50-r128 needs 1,447,229 B of internal flash on the
// F469 (1,048,576 B; to-fit-json-memory in tests/cli/cases/runtime_tinyops.sh), so internal
// does not fit and external, the next in registry order, is the mode dse deploy takes.
TEST(ChoosePredictionMode, ARuntimeThatCannotRunTheDefaultTakesDeploysPick) {
  const explore::VariantFacts facts = explore::FactsOf(testing_support::BuildVariant("mbv3-w0.50-r128"));
  const explore::Target target = PredictionTarget("tinyengine", "f469");
  const deploy::ModeChoice c = deploy::ChoosePredictionMode(facts, target).value();
  EXPECT_EQ(c.mode, "external");
  EXPECT_EQ(c.mode, deploy::ChooseDeployMode(facts, target).value().mode);
  EXPECT_TRUE(Has(c.reason, "note: --mode not given: the tinyops mode cannot run (runtime: TinyOps "
                            "patches the TFLM interpreter and the CMSIS-NN kernels; tinyengine runs "
                            "TinyEngine's generated code and TinyEngine's kernels), so latency is in "
                            "'external'")) << c.reason;
}

// mbv3-w2.00-r224 has 13,416,000 B of model: more than the F469's 8 MiB of SDRAM and of QSPI
// flash, so no mode fits; the default stands (predicted as if it could run) and that is said.
TEST(ChoosePredictionMode, NoModeFitsKeepsTheDefault) {
  const explore::VariantFacts facts = explore::FactsOf(testing_support::BuildVariant("mbv3-w2.00-r224"));
  const deploy::ModeChoice c =
      deploy::ChoosePredictionMode(facts, PredictionTarget("tinyengine", "f469")).value();
  EXPECT_EQ(c.mode, "tinyops");
  EXPECT_TRUE(Has(c.reason, "note: --mode not given: mbv3-w2.00-r224 fits f469 in no mode (internal "
                            "does not fit, external does not fit, tinyops does not fit")) << c.reason;
}

}  // namespace
