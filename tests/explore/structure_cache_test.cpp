// explore::StructureKey and the sweep's StructureCache: networks that differ only in their name
// share a key, any other difference gives another key, and a sweep whose second point reuses the
// first's evaluations gives the rows EvaluatePoint gives that point on its own.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accuracy/accuracy.h"
#include "explore/evaluate.h"
#include "explore/structure_cache.h"
#include "explore/sweep.h"
#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "support/shipped_inputs.h"

namespace {

using Fixture = testing_support::ShippedInputs;

TEST(StructureKey, LeavesOutTheNameOnly) {
  const Fixture f;
  const graph::Network net = searchspace::Build(*f.catalog.Find("mbv3"), 0.5, 160).value();
  graph::Network renamed = net;
  renamed.name = "another-name";
  EXPECT_EQ(explore::StructureKey(net), explore::StructureKey(renamed));
  graph::Network wider = net;
  wider.tensors[3].shape.c += 4;
  EXPECT_NE(explore::StructureKey(net), explore::StructureKey(wider));
  graph::Network op_renamed = net;
  op_renamed.ops[2].name = "conv2d_x";
  EXPECT_NE(explore::StructureKey(net), explore::StructureKey(op_renamed));
  graph::Network strided = net;
  strided.ops[0].stride_h = 1;
  EXPECT_NE(explore::StructureKey(net), explore::StructureKey(strided));
}

TEST(StructureCache, ReusedRowsEqualEvaluatePointOnTheirOwn) {
  Fixture f;
  // mbv3 (ceil4 widths) at 0.501 and 0.502: every channel count rounds alike (checked below),
  // so the second point reuses the first's evaluations under its own name and width.
  searchspace::Space space = *f.catalog.Find("mbv3");
  space.name = "mbv3-pair";
  space.widths = {0.501, 0.502};
  space.resolutions = {160};
  ASSERT_EQ(explore::StructureKey(searchspace::Build(space, 0.501, 160).value()),
            explore::StructureKey(searchspace::Build(space, 0.502, 160).value()));
  explore::SweepOptions options;
  options.spaces = {&space};
  for (const hw::Board& b : f.boards.boards()) {
    if (b.name == "f746") options.boards = {&b};
  }
  ASSERT_EQ(options.boards.size(), 1u);
  const explore::Models models = f.ModelsOver();
  const explore::SweepResult swept = explore::Sweep(options, models, {}).value();
  ASSERT_EQ(swept.candidates.size(), 2 * placement::ModeIds().size());
  const latency::BoardCoefficients coefficients =
      latency::CoefficientsFor(*options.boards[0], f.coefficients, "tflm-cmsis-nn");
  size_t row = 0;
  for (double width : space.widths) {
    const explore::VariantFacts facts = explore::Analyse(space, width, 160, models).value();
    for (const std::string& mode : placement::ModeIds()) {
      const explore::Target target{options.boards[0], nullptr, &coefficients,
                                   {mode, 0, true, &f.budgets}, &f.power};
      // The expected row: EvaluatePoint on the point alone (no cache involved).
      const explore::Candidate want = explore::EvaluatePoint(facts, target).value().candidate;
      const explore::Candidate& got = swept.candidates[row++];
      EXPECT_EQ(got.variant, want.variant);
      EXPECT_EQ(got.width, want.width);
      EXPECT_EQ(got.mode, want.mode);
      EXPECT_EQ(got.feasible, want.feasible);
      EXPECT_EQ(got.fail_reason, want.fail_reason);
      EXPECT_EQ(got.macs, want.macs);
      EXPECT_EQ(got.sram_bytes, want.sram_bytes);
      EXPECT_EQ(got.latency_ms, want.latency_ms);
      EXPECT_EQ(got.latency_ms_high, want.latency_ms_high);
      EXPECT_EQ(got.energy_mj, want.energy_mj);
      EXPECT_EQ(got.energy_mj_low, want.energy_mj_low);
      EXPECT_EQ(got.top1, want.top1);
      EXPECT_EQ(got.top1_provenance, want.top1_provenance);
    }
  }
}

}  // namespace
