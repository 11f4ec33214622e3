// Property over the whole default grid (issue 3 "Must show"): for every grid variant of every
// scalable family on every built-in board, the TinyOps plan either fits (buffers sum to no more
// than the budget) or is a "does not fit" naming the op and its smallest possible part. Every
// plan also tiles each partitioned op's output rows exactly and covers its input rows.

#include <gtest/gtest.h>

#include "hw/catalog.h"
#include "placement/mode.h"
#include "placement/tinyops_mode.h"
#include "support/deployment_data.h"
#include "support/spaces.h"

namespace {

const hw::Catalog& Boards() {
  static const hw::Catalog catalog =
      hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  return catalog;
}

// Parts of one op: output rows tile [0, Ho), input ranges start at 0, end at H, leave no gap.
void ExpectPartsTile(const graph::Network& net, const tinyops::OpPlan& op) {
  const graph::Op& g = net.ops[static_cast<size_t>(op.op)];
  int out_rows = 0;
  int covered_to = 0;
  for (const tinyops::Part& part : op.parts) {
    ASSERT_GE(part.rows.out_rows, 1) << net.name << " op " << op.op;
    ASSERT_EQ(part.rows.out_begin_row, out_rows) << net.name << " op " << op.op;
    ASSERT_LE(part.rows.in_begin_row, covered_to) << net.name << " op " << op.op;
    out_rows += part.rows.out_rows;
    covered_to = std::max(covered_to, part.rows.in_end_row);
  }
  ASSERT_EQ(out_rows, net.output_shape(g).h) << net.name << " op " << op.op;
  ASSERT_EQ(covered_to, net.input_shape(g).h) << net.name << " op " << op.op;
}

void ExpectPlanValid(const graph::Network& net, const tinyops::Plan& plan) {
  int64_t buffers = 32;
  for (int64_t b : plan.buffer_bytes) buffers += b + 32;
  EXPECT_EQ(buffers, plan.sram_bytes) << net.name;
  if (plan.fits) {
    EXPECT_LE(plan.sram_bytes, plan.budget_bytes) << net.name;
    EXPECT_FALSE(plan.shortfall.has_value());
  } else {
    ASSERT_TRUE(plan.shortfall.has_value()) << net.name;
    EXPECT_GT(plan.sram_bytes, plan.budget_bytes) << net.name;
    EXPECT_GE(plan.shortfall->op, 0);
    EXPECT_GT(plan.shortfall->smallest_part_bytes, 0);
    EXPECT_NE(plan.shortfall->reason.find(plan.shortfall->op_name), std::string::npos);
  }
  for (const tinyops::OpPlan& op : plan.ops) {
    if (op.rule != tinyops::SplitRule::kNone) ExpectPartsTile(net, op);
    if (plan.fits && op.rule != tinyops::SplitRule::kNone) {
      EXPECT_LE(op.max_part_bytes, plan.max_partition_bytes);
    }
  }
}

TEST(GridProperty, EveryVariantOnEveryBoardFitsOrSaysWhy) {
  int plans = 0;
  int fitting = 0;
  for (const searchspace::Space& space : testing_support::BuiltinCatalog().spaces()) {
    // Fixed nets have no grid, and per-stage spaces (mcunet-tinynas-w1.0) are built from a
    // point, not a width and resolution: searchspace::Build refuses them (an error value).
    if (space.fixed || space.staged()) continue;
    for (double w : space.widths) {
      for (int r : space.resolutions) {
        const auto built = searchspace::Build(space, w, r);
        ASSERT_TRUE(built.ok()) << space.name << " w" << w << " r" << r << ": "
                                << (built.ok() ? "" : built.error().message);
        const graph::Network& net = built.value();
        const placement::Footprint footprint = placement::Measure(net, kernels::DefaultRuntime());
        for (const hw::Board& board : Boards().boards()) {
          const auto checked = placement::Check(
              net, footprint, board, {"tinyops", 0, true, &testing_support::DefaultBudgets()});
          ASSERT_TRUE(checked.ok()) << net.name << " on " << board.name << ": "
                                    << (checked.ok() ? "" : checked.error().message);
          const placement::Fit& fit = checked.value();
          const tinyops::Plan* plan = placement::TinyopsPlan(fit);
          ASSERT_NE(plan, nullptr);
          ExpectPlanValid(net, *plan);
          ++plans;
          fitting += plan->fits ? 1 : 0;
          if (::testing::Test::HasFatalFailure()) return;
        }
      }
    }
  }
  EXPECT_GT(plans, 3000);  // grid families x widths x resolutions x the boards of hwprofiles/
  EXPECT_GT(fitting, plans / 2);
  RecordProperty("plans", plans);
  RecordProperty("fitting", fitting);
}

}  // namespace
