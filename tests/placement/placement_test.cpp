// Fit per deployment mode against the paper's deployments (seed Table II/III, boards.md §6):
// each (model, board, mode) the paper ran must fit; mbv3-w1.00-r160 (4.2 MB) cannot be internal.

#include <gtest/gtest.h>

#include "hw/catalog.h"
#include "placement/mode.h"
#include "placement/tinyops_mode.h"
#include "support/deployment_data.h"
#include "support/spaces.h"

namespace {

// The deployment modes are registry ids.
namespace Mode {
inline const std::string kInternal = "internal", kExternal = "external", kTinyops = "tinyops";
}

placement::Footprint MeasureDefault(const graph::Network& net) {
  return placement::Measure(net, kernels::DefaultRuntime());
}

placement::Fit CheckDefault(const graph::Network& net, const hw::Board& board,
                            const placement::Deployment& deployment) {
  placement::Deployment with_budgets = deployment;
  with_budgets.default_budgets = &testing_support::DefaultBudgets();  // the shipped defaults
  return placement::Check(net, MeasureDefault(net), board, with_budgets).value();
}

const hw::Board& Board(const std::string& name) {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  return *catalog.Find(name);
}

placement::Fit FitOf(const std::string& variant, const std::string& board,
                     const std::string& mode) {
  return CheckDefault(testing_support::BuildVariant(variant), Board(board), {mode, 0, true});
}

TEST(Placement, TableThreeDeploymentsFitInEveryMode) {
  // Seed Table III: the same model on Int / Ext / TinyOps per board.
  const std::pair<const char*, const char*> runs[] = {
      {"proxyless-w0.10-r192", "l552"},
      {"proxyless-w0.30-r144", "f469"},
      {"proxyless-w0.30-r176", "f746"},
  };
  for (const auto& [variant, board] : runs) {
    for (const std::string& mode : {Mode::kInternal, Mode::kExternal, Mode::kTinyops}) {
      SCOPED_TRACE(std::string(variant) + " on " + board + " " + mode);
      const placement::Fit fit = FitOf(variant, board, mode);
      EXPECT_TRUE(fit.fits);
      EXPECT_TRUE(fit.violations.empty());
    }
  }
}

TEST(Placement, TableTwoTinyopsModelsFit) {
  // Seed Table II TinyOps rows.
  const std::pair<const char*, const char*> runs[] = {
      {"mbv3-w0.50-r112", "f469"}, {"mnasnet-w1.00-r080", "f469"}, {"mbv3-w0.75-r128", "f469"},
      {"mbv3-w1.00-r160", "f469"}, {"mbv3-w0.55-r128", "f746"},    {"mnasnet-w1.00-r128", "f746"},
      {"mbv3-w1.00-r160", "f746"}, {"mbv3-w0.25-r080", "l552"},
  };
  for (const auto& [variant, board] : runs) {
    SCOPED_TRACE(std::string(variant) + " on " + board);
    EXPECT_TRUE(FitOf(variant, board, Mode::kTinyops).fits);
  }
}

TEST(Placement, LargeModelFailsInternalFlashByItsExcess) {
  // mbv3-w1.00-r160 needs 4.2 MB of storage (paper §V): internal flash (1 MB) cannot hold it.
  const graph::Network net = testing_support::BuildVariant("mbv3-w1.00-r160");
  const placement::Footprint footprint = MeasureDefault(net);
  const placement::Fit fit = CheckDefault(net, Board("f469"), {Mode::kInternal, 0, true});
  EXPECT_FALSE(fit.fits);
  ASSERT_FALSE(fit.violations.empty());
  EXPECT_EQ(fit.violations[0].constraint, "internal flash");
  // The model as deployed (weights + flatbuffer overhead, issue 14 item 6) + 102,400 B of code.
  const int64_t model = footprint.model.total_bytes();
  EXPECT_GT(model, footprint.weight_bytes);
  EXPECT_EQ(fit.violations[0].needed_bytes, model + 102'400);
  EXPECT_EQ(fit.violations[0].available_bytes, 1'048'576);
  EXPECT_EQ(fit.violations[0].excess_bytes(), model + 102'400 - 1'048'576);
}

TEST(Placement, H743EvalRunsTheLargeModelWithTinyops) {
  const placement::Fit fit = FitOf("mbv3-w1.00-r160", "h743", Mode::kTinyops);
  EXPECT_TRUE(fit.fits);
  ASSERT_NE(placement::TinyopsPlan(fit), nullptr);
  EXPECT_EQ(fit.external_name, "sdram");
}

TEST(Placement, TinyopsBudgetOverrideAndShortfall) {
  const graph::Network net = testing_support::BuildVariant("proxyless-w0.30-r144");
  const placement::Fit fit = CheckDefault(net, Board("f469"), {Mode::kTinyops, 60'000, true});
  EXPECT_FALSE(fit.fits);
  ASSERT_EQ(fit.violations.size(), 1u);
  EXPECT_EQ(fit.violations[0].constraint, "TinyOps SRAM budget");
  EXPECT_EQ(fit.violations[0].available_bytes, 60'000);
  EXPECT_EQ(fit.violations[0].needed_bytes, 94'672);  // see tinyops partitioner_test
}

TEST(Placement, BudgetAboveSramIsAViolation) {
  const graph::Network net = testing_support::BuildVariant("proxyless-w0.30-r144");
  const placement::Fit fit = CheckDefault(net, Board("f469"), {Mode::kTinyops, 400'000, true});
  EXPECT_FALSE(fit.fits);
  ASSERT_FALSE(fit.violations.empty());
  EXPECT_EQ(fit.violations[0].constraint, "internal SRAM");
}

TEST(Placement, ModeNames) {
  EXPECT_EQ(placement::FindMode("tinyops").value()->id(), Mode::kTinyops);
  auto bad = placement::FindMode("tinyop");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "unknown deployment mode 'tinyop' (did you mean 'tinyops'?) (modes: internal, "
            "external, tinyops; opt-in: patch, reorder, pex)");
}

}  // namespace
