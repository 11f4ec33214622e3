// The partitioner on whole networks against the configurations the firmware itself holds
// (shared reference tinyops.md §1.6, §2.1) and the paper's Fig. 9 statement.

#include <gtest/gtest.h>

#include "support/spaces.h"
#include "tinyops/partitioner.h"

namespace {

using testing_support::BuildVariant;
using tinyops::Buffer;

tinyops::Plan Partition(const std::string& variant, int64_t budget, bool growth = true) {
  return tinyops::Partitioner({budget, growth}).Run(BuildVariant(variant));
}

TEST(Partitioner, ProxylessW030R144At258000) {
  // tinyops.md §1.6: budget 258,000 B -> PF 3, S = 50,112 B, the F4 header entry
  // "proxyless-w0.30-r144: PARTITION_FACTOR 3, TENSOR_BUFFER 50112".
  const tinyops::Plan plan = Partition("proxyless-w0.30-r144", 258'000);
  EXPECT_TRUE(plan.fits);
  EXPECT_EQ(plan.partition_factor, 3);
  EXPECT_EQ(plan.max_partition_bytes, 50'112);
  EXPECT_EQ(plan.buffer(Buffer::kInputPing), 50'112 + 32);
}

TEST(Partitioner, ProxylessOnlyTheLargeDepthwiseKeepsThreeParts) {
  // tinyops.md §1.6: "only the 5x5 s2 depthwise on 72x72x24 keeps 3 parts, all other ops 2
  // (or 1 when k >= H)".
  const graph::Network net = BuildVariant("proxyless-w0.30-r144");
  const tinyops::Plan plan = tinyops::Partitioner({258'000, true}).Run(net);
  int three_part_ops = 0;
  for (const tinyops::OpPlan& op : plan.ops) {
    if (op.rule == tinyops::SplitRule::kNone) continue;
    const graph::Op& g = net.ops[static_cast<size_t>(op.op)];
    if (op.parts.size() == 3) {
      ++three_part_ops;
      EXPECT_EQ(g.kind, graph::OpKind::kDepthwiseConv2d);
      EXPECT_EQ(g.kernel_h, 5);
      EXPECT_EQ(g.stride_h, 2);
      EXPECT_EQ(net.input_shape(g), (graph::Shape{72, 72, 24}));
    } else {
      EXPECT_LE(op.parts.size(), 2u) << "op " << op.op;
    }
  }
  EXPECT_EQ(three_part_ops, 1);
}

TEST(Partitioner, Mbv3W100R160At256KiB) {
  // tinyops.md §1.6 and §2.1: 262,144 B -> PF 8, S = 56,320 B (committed F4 config: PF 8,
  // TENSOR_BUFFER 56,352 = S + 32).
  const tinyops::Plan plan = Partition("mbv3-w1.00-r160", 262'144);
  EXPECT_TRUE(plan.fits);
  EXPECT_EQ(plan.partition_factor, 8);
  EXPECT_EQ(plan.max_partition_bytes, 56'320);
  EXPECT_EQ(plan.buffer(Buffer::kInputPing), 56'352);
  // tinyops.md §2.1: F4 BIAS 5,120 = Bmax (4 x 1280 output channels).
  EXPECT_EQ(plan.max_bias_bytes, 5'120);
}

TEST(Partitioner, Mbv3W100R160AtF7Budget) {
  // tinyops.md §1.6: PF 7 at F7's PLATFORM_AVAILABLE_SRAM 319,900 B.
  const tinyops::Plan plan = Partition("mbv3-w1.00-r160", 319'900);
  EXPECT_TRUE(plan.fits);
  EXPECT_EQ(plan.partition_factor, 7);
}

TEST(Partitioner, Fig9Mbv3W100R160FitsBothBudgets) {
  // Paper Fig. 9 / §V (boards.md §6): mbv3-w1.00-r160 (4.2 MB storage) runs in 256 KB (F469)
  // and 320 KB (F746) budgets.
  for (int64_t budget : {int64_t{256 * 1024}, int64_t{320 * 1024}}) {
    SCOPED_TRACE(budget);
    const tinyops::Plan plan = Partition("mbv3-w1.00-r160", budget);
    EXPECT_TRUE(plan.fits);
    EXPECT_LE(plan.sram_bytes, budget);
  }
}

TEST(Partitioner, SramIsThirtyTwoPlusBuffersWithGaps) {
  // tinyops.md §1.7: usage = 32 + sum over the 7 buffers of (size + 32); without growth.
  const tinyops::Plan plan = Partition("proxyless-w0.30-r144", 258'000, false);
  int64_t usage = 32;
  for (int64_t b : plan.buffer_bytes) usage += b + 32;
  EXPECT_EQ(plan.sram_bytes, usage);
  EXPECT_EQ(plan.filter_growth_bytes, 0);
  EXPECT_EQ(plan.buffer(Buffer::kQuantShift), plan.max_bias_bytes + 32 + 128);
}

TEST(Partitioner, FilterGrowthUsesTheWholeBudget) {
  // Paper §IV / tinyops.md §3: all unused budget goes to the filter buffer (F4 rows sum to
  // exactly 258,000 B).
  const tinyops::Plan off = Partition("proxyless-w0.30-r144", 258'000, false);
  const tinyops::Plan on = Partition("proxyless-w0.30-r144", 258'000, true);
  EXPECT_EQ(on.sram_bytes, 258'000);
  EXPECT_EQ(on.buffer(Buffer::kFilter), off.buffer(Buffer::kFilter) + 258'000 - off.sram_bytes);
  EXPECT_EQ(on.partition_factor, off.partition_factor);
}

TEST(Partitioner, SearchAgreesWithRun) {
  const graph::Network net = BuildVariant("mbv3-w1.00-r160");
  const tinyops::Partitioner partitioner({262'144, true});
  const tinyops::SearchResult found = partitioner.Search(net);
  EXPECT_TRUE(found.fits);
  EXPECT_EQ(found.partition_factor, 8);
  EXPECT_EQ(found.max_partition_bytes, 56'320);
}

TEST(Partitioner, TinyBudgetNamesTheOpAndItsSmallestPart) {
  // Hand-derived from tinyops.md §1.3/§2.1: the 7x7 s2 depthwise on 9x9x192 (SAME top pad 3)
  // cannot be split: part 0 = 1 seed row + one 2-row chunk, whose window ends at row 2 + 7 >= 9,
  // so it copies all 9 rows = 9 x 9 x 192 = 15,552 B at every PF. With RF = 2 x 7 x 7 x 360 =
  // 35,280 (7x7 depthwise at 360 channels) and Bmax = 4 x 1000 = 4,000 (classifier):
  // SRAM = 32 + 3 x (15,584 + 32) + (35,312 + 32) + (4,032 + 32) + 2 x (4,160 + 32) = 94,672.
  const tinyops::Plan plan = Partition("proxyless-w0.30-r144", 60'000);
  EXPECT_FALSE(plan.fits);
  ASSERT_TRUE(plan.shortfall.has_value());
  EXPECT_EQ(plan.shortfall->smallest_part_rows, 9);
  EXPECT_EQ(plan.shortfall->smallest_part_bytes, 15'552);
  EXPECT_EQ(plan.shortfall->smallest_sram_bytes, 94'672);
  EXPECT_EQ(plan.shortfall->reason,
            "op 56 'depthwise_conv2d_56' (depthwise_conv2d, input 9x9x192) cannot be split below "
            "9 rows = 15552 B; the smallest plan (partition factor 223) needs 94672 B of SRAM, "
            "the budget is 60000 B");
}

TEST(Partitioner, BudgetBelowTheFixedBuffersSaysSo) {
  // The im2col, bias and quant buffers alone: 32 + 3 x 64 + (35,312 + 32) + (4,032 + 32) +
  // 2 x (4,160 + 32) = 48,016 B > 10,000 B.
  const tinyops::Plan plan = Partition("proxyless-w0.30-r144", 10'000);
  EXPECT_FALSE(plan.fits);
  ASSERT_TRUE(plan.shortfall.has_value());
  EXPECT_NE(plan.shortfall->reason.find("the im2col, bias and quantisation buffers alone need "
                                        "48016 B (im2col 35280 B for op 59"),
            std::string::npos);
}

}  // namespace

// Static configurations (partitioner.h "Static configurations"; tinyops.md §0, §2.1, §3).

TEST(PartitionerStatic, TheFirmwaresFactorAndBuffersGiveTheFirmwaresPlan) {
  // RunStatic at Run's factor with input buffers S + 32 is Run's plan, flagged as static.
  const graph::Network net = BuildVariant("proxyless-w0.30-r144");
  const tinyops::Partitioner partitioner({258'000, true});
  const tinyops::Plan firmware = partitioner.Run(net);
  const tinyops::Plan same = partitioner.RunStatic(net, {3, 50'112 + 32});
  EXPECT_TRUE(firmware.firmware_rule);
  EXPECT_FALSE(same.firmware_rule);
  EXPECT_TRUE(same.fits);
  EXPECT_EQ(same.partition_factor, 3);
  EXPECT_EQ(same.buffer_bytes, firmware.buffer_bytes);
  EXPECT_EQ(same.sram_bytes, firmware.sram_bytes);
  EXPECT_EQ(same.dma_bytes, firmware.dma_bytes);
  EXPECT_EQ(same.input_buffer_raise_bytes, 0);
}

TEST(PartitionerStatic, RaisedInputBuffersCostTwiceTheirRaiseAndMoveTheScratch) {
  // proxyless-w1.00-r112 at 300,000 B: the firmware's first fit is PF 4 with S = 51,072 B and
  // 17,792 B of filter growth (Run; `dse partition proxyless-w1.00-r112 --board u585 --budget
  // 300000` shows them). Op 56, a 7x7 depthwise on 7x7x576, has an im2col scratch of
  // X = 2*7*7*576 = 56,448 B (§3), not below TENSOR_BUFFER_SIZE = S + 32 = 51,104, so it is in
  // external RAM. Input buffers raised to X + 1 = 56,449, the smallest that puts it below:
  // both input buffers grow by r = 56,449 - 51,104 = 5,345 B, the SRAM by 2r = 10,690 B
  // (§1.7), within the growth, and the filter buffer shrinks by 2r.
  const graph::Network net = BuildVariant("proxyless-w1.00-r112");
  const tinyops::Plan firmware = Partition("proxyless-w1.00-r112", 300'000);
  const tinyops::Plan plain = Partition("proxyless-w1.00-r112", 300'000, false);
  ASSERT_EQ(firmware.partition_factor, 4);
  ASSERT_EQ(firmware.max_partition_bytes, 51'072);
  const tinyops::OpPlan& op56 = firmware.ops[56];
  EXPECT_EQ(op56.scratch_bytes, 56'448);
  EXPECT_FALSE(op56.scratch_in_sram);
  const tinyops::StaticConfig config{4, 56'449};
  const tinyops::Plan grown = tinyops::Partitioner({300'000, true}).RunStatic(net, config);
  const tinyops::Plan kept = tinyops::Partitioner({300'000, false}).RunStatic(net, config);
  ASSERT_TRUE(grown.fits);
  EXPECT_EQ(grown.input_buffer_raise_bytes, 5'345);
  EXPECT_EQ(grown.buffer(Buffer::kInputPing), 56'449);
  EXPECT_EQ(grown.buffer(Buffer::kInputPong), 56'449);
  EXPECT_EQ(kept.sram_bytes, plain.sram_bytes + 10'690);
  EXPECT_EQ(grown.sram_bytes, 300'000);
  EXPECT_EQ(grown.buffer(Buffer::kFilter), firmware.buffer(Buffer::kFilter) - 10'690);
  EXPECT_TRUE(grown.ops[56].scratch_in_sram);
  // One byte less and the test X < TENSOR_BUFFER_SIZE fails again.
  const tinyops::Plan short_by_one =
      tinyops::Partitioner({300'000, true}).RunStatic(net, {4, 56'448});
  EXPECT_FALSE(short_by_one.ops[56].scratch_in_sram);
}

TEST(PartitionerStatic, AConfigurationOverTheBudgetDoesNotFit) {
  // PF 2 needs a larger S than PF 3, the firmware's first fit: over the 258,000 B budget.
  const tinyops::Plan plan = tinyops::Partitioner({258'000, true})
                                 .RunStatic(BuildVariant("proxyless-w0.30-r144"), {2, 0});
  EXPECT_FALSE(plan.fits);
  ASSERT_TRUE(plan.shortfall.has_value());
  EXPECT_GT(plan.sram_bytes, 258'000);
}

TEST(PartitionerStatic, AlternativesFitAndEachReachesANewState) {
  // Every alternative fits the budget, none is the firmware's own (factor, input buffers), and
  // their factors do not fall (configurations.cpp walks the factors upward).
  // mbv3-w1.00-r208 at 258,000 B: the firmware's first fit is PF 13 (tests/latency/
  // monotone_test.cpp), and higher factors overlay more filters.
  const graph::Network net = BuildVariant("mbv3-w1.00-r208");
  const tinyops::Partitioner partitioner({258'000, true});
  const tinyops::Plan firmware = partitioner.Run(net);
  ASSERT_TRUE(firmware.fits);
  const std::vector<tinyops::StaticConfig> alternatives = partitioner.Alternatives(net, firmware);
  ASSERT_FALSE(alternatives.empty());
  int previous = firmware.partition_factor;
  for (const tinyops::StaticConfig& c : alternatives) {
    SCOPED_TRACE(c.partition_factor);
    EXPECT_GE(c.partition_factor, previous);
    previous = c.partition_factor;
    const tinyops::Plan plan = partitioner.RunStatic(net, c);
    EXPECT_TRUE(plan.fits);
    EXPECT_LE(plan.sram_bytes, 258'000);
    EXPECT_FALSE(c.partition_factor == firmware.partition_factor &&
                 plan.buffer(Buffer::kInputPing) == firmware.buffer(Buffer::kInputPing));
  }
}
