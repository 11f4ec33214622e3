// The partitioner's fast search (early exit, failing op first, the no-factor-fits shortcut)
// must choose exactly what the firmware's plain loop chooses (tinyops.md §1.1): for PF = 2..223,
// split every op, take S, size the buffers, stop at the first PF that fits. The plain loop is
// written out here as the reference and run over every other width of the default grid at several budgets.

#include <gtest/gtest.h>

#include <algorithm>

#include "support/spaces.h"
#include "tinyops/kernels.h"
#include "tinyops/partitioner.h"

namespace {

// S at `pf` with no shortcut: the largest input-1 part over every partitioned op.
int64_t PlainS(const graph::Network& net, int pf) {
  int64_t s = 0;
  std::vector<tinyops::RowPart> parts;
  for (const graph::Op& op : net.ops) {
    const graph::Shape& in = net.input_shape(op);
    const tinyops::Window w{in.h, op.kernel_h, op.stride_h, op.padding.top, net.output_shape(op).h};
    switch (op.kind) {
      case graph::OpKind::kConv2d:
      case graph::OpKind::kDepthwiseConv2d: tinyops::SplitConv(w, pf, &parts); break;
      case graph::OpKind::kAveragePool: tinyops::SplitPool(w, pf, &parts); break;
      case graph::OpKind::kAdd:
      case graph::OpKind::kMul:
      case graph::OpKind::kHardSwish: tinyops::SplitRows(in.h, 0, 0, pf, &parts); break;
      case graph::OpKind::kPad:
        tinyops::SplitRows(in.h, op.padding.top, op.padding.bottom, pf, &parts);
        break;
      default: continue;
    }
    for (const tinyops::RowPart& p : parts) {
      s = std::max(s, (int64_t{p.in_rows()} * in.w * in.c * net.activation_bits + 7) / 8);
    }
  }
  return s;
}

tinyops::SearchResult PlainSearch(const graph::Network& net, int64_t budget) {
  int64_t rf = 0;
  int64_t bmax = 0;
  for (const graph::Op& op : net.ops) {
    rf = std::max(rf, tinyops::ReceptiveFieldBytes(net, op));
    bmax = std::max(bmax, 4 * int64_t{tinyops::ConvOutChannels(net, op)});
  }
  for (int pf = 2; pf <= tinyops::kMaxPartitionFactor; ++pf) {
    const int64_t s = PlainS(net, pf);
    const int64_t sram = tinyops::SramBytes(s, rf, bmax);
    if (sram <= budget) return {true, pf, s, sram};
  }
  return {};
}

TEST(SearchEquivalence, FastSearchMatchesThePlainLoop) {
  // Budgets: F469 258,000 and 256 KiB, F7 319,900, the L552 choice 188,828, and a tight 100,000.
  const int64_t budgets[] = {258'000, 262'144, 319'900, 188'828, 100'000};
  int compared = 0;
  for (const searchspace::Space& space : testing_support::BuiltinCatalog().spaces()) {
    // Fixed nets have no grid, and per-stage spaces (mcunet-tinynas-w1.0) are built from a
    // point, not a width and resolution: searchspace::Build refuses them (an error value).
    if (space.fixed || space.staged()) continue;
    for (size_t wi = 0; wi < space.widths.size(); wi += 2) {
      for (size_t ri = 0; ri < space.resolutions.size(); ++ri) {
        const auto built = searchspace::Build(space, space.widths[wi], space.resolutions[ri]);
        ASSERT_TRUE(built.ok()) << space.name << ": " << (built.ok() ? "" : built.error().message);
        const graph::Network& net = built.value();
        for (int64_t budget : budgets) {
          const tinyops::SearchResult fast = tinyops::Partitioner({budget, true}).Search(net);
          const tinyops::SearchResult plain = PlainSearch(net, budget);
          ASSERT_EQ(fast.fits, plain.fits) << net.name << " at " << budget;
          ASSERT_EQ(fast.partition_factor, plain.partition_factor) << net.name << " at " << budget;
          ASSERT_EQ(fast.max_partition_bytes, plain.max_partition_bytes) << net.name;
          ASSERT_EQ(fast.sram_bytes, plain.sram_bytes) << net.name;
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 500);
}

}  // namespace
