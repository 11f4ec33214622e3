// A deployment mode that exists only in this test: "test-sram-only", the internal mode without
// the runtime's SRAM reservation and with every weight byte read from SRAM (no flash wait
// states). It is one class plus one registration (below), and it is evaluated end to end
// through explore::Sweep — the path `dse sweep` uses — with no other change anywhere.

#include <gtest/gtest.h>

#include <algorithm>

#include "placement/memory_checks.h"
#include "seams/fixture.h"

namespace {

class SramOnlyMode final : public placement::DeploymentMode {
 public:
  std::string_view id() const override { return "test-sram-only"; }
  std::string_view title() const override { return "test: weights and tensors in SRAM"; }
  placement::Fit Place(const graph::Network&, const placement::Footprint& f,
                       const hw::Board& board, const placement::Deployment&) const override {
    placement::Fit fit;
    fit.mode = std::string(id());
    // The model as deployed (Footprint::model) and the SRAM the runtime's layout needs
    // (Footprint::sram: TFLM's planned head + persistent tail), both in SRAM.
    fit.sram_bytes = f.model.total_bytes() + f.sram.total_bytes();
    fit.sram_parts = f.sram;
    placement::Require(&fit, "internal SRAM", fit.sram_bytes, board.sram.size_bytes,
                       "the model and the runtime's arena in SRAM");
    fit.fits = fit.violations.empty();
    return fit;
  }
  util::Result<std::vector<latency::OpTerms>> LatencyTerms(
      const graph::Network& net, const kernels::Runtime& runtime, const hw::Board&,
      const placement::Fit&) const override {
    std::vector<latency::OpTerms> out;
    for (const graph::Op& op : net.ops) {
      out.push_back(latency::SerialOp(runtime.MeasureOp(net, op), latency::Terms{}));
    }
    return out;
  }
};

// The one registration.
const bool kRegistered = placement::RegisterMode(std::make_unique<SramOnlyMode>()).ok();

TEST(TestMode, IsRegisteredAfterTheBuiltins) {
  ASSERT_TRUE(kRegistered);
  const std::vector<std::string> ids = placement::ModeIds();
  ASSERT_GE(ids.size(), 4u);
  EXPECT_EQ(ids[0], "internal");  // built-ins first, in the paper's order
  EXPECT_EQ(ids[1], "external");
  EXPECT_EQ(ids[2], "tinyops");
  EXPECT_NE(std::find(ids.begin(), ids.end(), "test-sram-only"), ids.end());
  // Registering the same id twice is refused.
  EXPECT_FALSE(placement::RegisterMode(std::make_unique<SramOnlyMode>()).ok());
}

TEST(TestMode, SweptEndToEndBesideTheInternalMode) {
  const seams_testing::Fixture f;
  const explore::SweepResult r = f.Sweep("h743", {"internal", "test-sram-only"});
  ASSERT_FALSE(r.candidates.empty());
  int feasible_both = 0;
  for (size_t i = 0; i + 1 < r.candidates.size(); i += 2) {
    const explore::Candidate& internal = r.candidates[i];
    const explore::Candidate& sram = r.candidates[i + 1];
    ASSERT_EQ(internal.mode, "internal");
    ASSERT_EQ(sram.mode, "test-sram-only");
    ASSERT_EQ(internal.variant, sram.variant);
    // The placement: internal SRAM = the runtime layout's need (placement::SramLayout "tflm":
    // TFLM's planned head + scratch + persistent tail, no longer the liveness arena) + the
    // board's reservation; internal flash = the model as deployed + the code reservation
    // (hwprofiles/f746.toml). The test mode holds the model + the layout's need only, so the
    // two differ by exactly the two reservations.
    const hw::Board& board = *f.boards.Find("h743");
    EXPECT_EQ(internal.sram_bytes - board.sram.reserved_bytes + internal.internal_flash_bytes -
                  board.flash.reserved_bytes,
              sram.sram_bytes)
        << sram.variant;
    if (!internal.feasible || !sram.feasible) continue;
    ++feasible_both;
    // Same compute, no flash stalls: never slower, and the energy uses the mode's power when
    // data/power/measured.csv has it (it has none for this mode: no energy).
    EXPECT_LE(*sram.latency_ms, *internal.latency_ms) << sram.variant;
    EXPECT_FALSE(sram.energy_mj.has_value());
    EXPECT_EQ(sram.latency_provenance, internal.latency_provenance);
  }
  // 16 points hold the model + TFLM's arena in the H743's 512 KiB (run of this test). The
  // F746's 320 KiB, used before the layout change, holds none once the flatbuffer and the
  // persistent tail count: hence the H743.
  EXPECT_GE(feasible_both, 10);
  // Its design space has its own fronts.
  const bool has_front = std::any_of(r.fronts.begin(), r.fronts.end(), [](const auto& m) {
    return m.design_space == "test-sram-only";
  });
  EXPECT_TRUE(has_front);
}

}  // namespace
