// The paper's Fig. 6 observation and Eq. 1-3, on numbers the toolkit computes.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "analysis/cost.h"
#include "support/spaces.h"

namespace {

using testing_support::BuildVariant;

// Paper §III-B / Fig. 6: shrinking width at fixed resolution moves MACs into depthwise convs
// (18 % -> 29 % from w1.00 to w0.30 in the paper's model); scaling resolution at fixed width
// keeps the share constant (13 %). Checked here on every scalable family.
TEST(Fig6, DepthwiseShareGrowsAsWidthShrinks) {
  for (const char* family : {"mbv3", "proxyless", "mnasnet"}) {
    SCOPED_TRACE(family);
    double previous = 0;
    for (const char* w : {"1.00", "0.75", "0.50", "0.30"}) {
      const double share =
          analysis::DepthwiseShare(BuildVariant(std::string(family) + "-w" + w + "-r160"));
      EXPECT_GT(share, previous) << "width " << w;
      previous = share;
    }
  }
}

TEST(Fig6, DepthwiseShareStaysWithinOnePointAcrossResolution) {
  for (const char* family : {"mbv3", "proxyless", "mnasnet"}) {
    for (const char* w : {"1.00", "0.50"}) {
      SCOPED_TRACE(std::string(family) + " w" + w);
      double low = 1, high = 0;
      for (int r = 96; r <= 224; r += 32) {
        const double share = analysis::DepthwiseShare(
            BuildVariant(fmt::format("{}-w{}-r{:03d}", family, w, r)));
        low = std::min(low, share);
        high = std::max(high, share);
      }
      EXPECT_LT(high - low, 0.01);
    }
  }
}

// Eq. 1-3 per block, with R the block's spatial size, E the expand ratio (expanded / Cin):
//   conv1 (expand)  = Rin^2 * E * Cin * Cin
//   depthwise       = Rout^2 * E * Cin * K^2
//   conv2 (project) = Rout^2 * E * Cin * Cout
// Their sum must equal the per-op MACs of the block's convolutions.
TEST(Equations, ClosedFormsAgreeWithPerOpSums) {
  for (const char* name : {"mbv3-w1.00-r160", "proxyless-w0.30-r144", "mnasnet-w0.50-r128",
                           "mcunet-in3"}) {
    SCOPED_TRACE(name);
    const graph::Network net = BuildVariant(name);
    std::map<int, int64_t> per_op, closed;
    for (const graph::Op& op : net.ops) {
      if (op.block < 0 || op.role != graph::OpRole::kBody) continue;
      per_op[op.block] += analysis::CountOp(net, op).macs;
      if (op.kind != graph::OpKind::kDepthwiseConv2d) continue;
      // Reconstruct the block's Cin, expanded width, K, Cout, Rin, Rout from the depthwise op.
      const int64_t expanded = net.output_shape(op).c, k = op.kernel_h;
      const int64_t r_in = net.input_shape(op).h, r_out = net.output_shape(op).h;
      // The block's convs: the one before the depthwise expands, the one after projects.
      int64_t c_in = expanded, c_out = 0;
      bool after_depthwise = false;
      for (const graph::Op& other : net.ops) {
        if (&other == &op) after_depthwise = true;
        if (other.block != op.block || other.kind != graph::OpKind::kConv2d) continue;
        if (after_depthwise) c_out = net.output_shape(other).c;
        else c_in = net.input_shape(other).c;
      }
      const int64_t conv1 = c_in == expanded ? 0 : r_in * r_in * expanded * c_in;
      closed[op.block] = conv1 + r_out * r_out * expanded * k * k + r_out * r_out * expanded * c_out;
    }
    EXPECT_EQ(per_op, closed);
  }
}

}  // namespace
