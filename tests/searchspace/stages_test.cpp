// Per-stage spaces: point strings (canonical form, bad input), the space as dimensions, and the
// MCUNet zoo nets built as points of mcunet-tinynas equal to the fixed reference nets.

#include <gtest/gtest.h>

#include <string>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "searchspace/stages.h"
#include "support/spaces.h"

namespace {

using testing_support::BuildVariant;
using testing_support::BuiltinCatalog;

// The points below are the released configs' blocks (shared reference arch_accuracy_public.csv,
// column `blocks`) in the 20-slot encoding, at the widths of search.md §2.5.
struct ZooNet {
  const char* fixed;
  const char* point;
};

const ZooNet kZoo[] = {
    {"mcunet-in0", "mcunet-tinynas-w0.6:d=3,3,2,3,2:k=5,3,3,0,7,5,5,0,7,5,0,0,3,5,3,0,3,5,0,0:"
                   "e=4,3,4,0,5,4,5,0,5,4,0,0,5,4,5,0,6,4,0,0:r=48:last=k3e6"},
    {"mcunet-in1", "mcunet-tinynas-w0.5:d=2,2,2,3,3:k=3,3,0,0,7,3,0,0,3,7,0,0,5,3,3,0,7,5,5,0:"
                   "e=4,3,0,0,3,5,0,0,5,4,0,0,4,3,4,0,5,4,4,0:r=96:last=k3e6"},
    {"mcunet-in2", "mcunet-tinynas-w0.5:d=4,3,2,3,4:k=5,7,3,5,3,7,5,0,7,5,0,0,3,5,3,0,5,5,5,3:"
                   "e=3,6,5,5,5,6,6,0,4,5,0,0,5,5,4,0,6,4,3,4:r=160:last=k5e5"},
    {"mcunet-in3", "mcunet-tinynas-w0.5:d=4,3,3,3,3:k=7,3,7,5,5,5,5,0,3,7,5,0,5,7,3,0,3,7,3,0:"
                   "e=3,5,5,4,5,5,5,0,5,6,4,0,5,5,5,0,6,5,4,0:r=176:last=k7e5"},
    {"mcunet-in4", "mcunet-tinynas-w1.0:d=3,3,3,3,3:k=7,3,5,0,7,3,7,0,7,3,7,0,3,5,5,0,7,7,5,0:"
                   "e=3,5,4,0,5,4,4,0,3,3,3,0,4,3,3,0,4,3,3,0:r=160:last=k5e4"},
};

TEST(Stages, ZooNetsAsPointsEqualTheFixedNets) {
  for (const ZooNet& zoo : kZoo) {
    SCOPED_TRACE(zoo.fixed);
    const graph::Network fixed = BuildVariant(zoo.fixed);
    const graph::Network point = BuildVariant(zoo.point);
    const analysis::Totals a = analysis::CountNetwork(fixed), b = analysis::CountNetwork(point);
    EXPECT_EQ(b.macs, a.macs);
    EXPECT_EQ(b.params, a.params);
    EXPECT_EQ(b.flash_bytes, a.flash_bytes);
    EXPECT_EQ(analysis::ComputePeak(point).peak_bytes, analysis::ComputePeak(fixed).peak_bytes);
    EXPECT_EQ(point.ops.size(), fixed.ops.size());
  }
}

TEST(Stages, PointIsCanonicalAndRoundTrips) {
  // The example point; the canonical form is the same string.
  const std::string text =
      "ofa-mbv3-w1.0:d=3,2,2,4,4:k=7,7,7,0,5,5,0,0,5,7,0,0,5,3,5,3,5,5,5,5:"
      "e=3,3,6,0,3,4,0,0,4,3,0,0,4,4,4,6,4,4,6,4:r=224";
  auto v = BuiltinCatalog().ParseVariant(text);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->name(), text);
  // Ignored slots may hold anything valid-looking; they are written 0.
  auto w = BuiltinCatalog().ParseVariant(
      "ofa-mbv3-w1.0:d=3,2,2,4,4:k=7,7,7,3,5,5,5,5,5,7,3,3,5,3,5,3,5,5,5,5:"
      "e=3,3,6,6,3,4,4,4,4,3,3,3,4,4,4,6,4,4,6,4:r=224");
  ASSERT_TRUE(w) << w.error().message;
  EXPECT_EQ(w->name(), text);
}

TEST(Stages, BadPointsNameTheNearestValidPoint) {
  auto short_k = BuiltinCatalog().ParseVariant(
      "ofa-mbv3-w1.0:d=3,2,2,4,4:k=7,7,7,0,5,5,0,0,5,7,0,0,5,3,5,3,5,5,5:"
      "e=3,3,6,0,3,4,0,0,4,3,0,0,4,4,4,6,4,4,6,4:r=224");
  ASSERT_FALSE(short_k);
  EXPECT_NE(short_k.error().message.find("'k=' has 19 values; a point has 20 kernel slots"),
            std::string::npos) << short_k.error().message;
  EXPECT_NE(short_k.error().message.find("k=7,7,7,0,5,5,0,0,5,7,0,0,5,3,5,3,5,5,5,3"),
            std::string::npos) << short_k.error().message;
  auto bad_k = BuiltinCatalog().ParseVariant(
      "ofa-mbv3-w1.0:d=3,2,2,4,4:k=7,7,4,0,5,5,0,0,5,7,0,0,5,3,5,3,5,5,5,5:"
      "e=3,3,6,0,3,4,0,0,4,3,0,0,4,4,4,6,4,4,6,4:r=220");
  ASSERT_FALSE(bad_k);
  EXPECT_NE(bad_k.error().message.find("slot 3 (stage 1) kernel 4 is not one of [3, 5, 7]; the "
                                       "nearest valid point is ofa-mbv3-w1.0:d=3,2,2,4,4:k=7,7,3,"),
            std::string::npos) << bad_k.error().message;
  auto no_last = BuiltinCatalog().ParseVariant(
      "ofa-proxyless-w1.3:d=2,2,2,2,2:k=3,3,0,0,3,3,0,0,3,3,0,0,3,3,0,0,3,3,0,0:"
      "e=3,3,0,0,3,3,0,0,3,3,0,0,3,3,0,0,3,3,0,0:r=224");
  ASSERT_FALSE(no_last);
  EXPECT_NE(no_last.error().message.find("'last=kKeE' (the final block) is missing"),
            std::string::npos) << no_last.error().message;
}

TEST(Stages, DimensionsMapToPointsAndBack) {
  const searchspace::Space& space = *BuiltinCatalog().Find("ofa-proxyless-w1.3");
  const auto dims = searchspace::Dimensions(space);
  ASSERT_EQ(dims.size(), 5u + 20 + 20 + 1 + 2);  // d1-d5, k1-k20, e1-e20, r, last_k, last_e
  EXPECT_EQ(dims[0].name, "d1");
  EXPECT_EQ(dims[45].name, "r");
  EXPECT_EQ(dims[45].choices.size(), 25u);  // 128..224 step 4
  std::vector<int> index(dims.size(), 1);
  const searchspace::Point p = searchspace::FromChoices(space, space.width, index);
  EXPECT_EQ(p.ToString(),
            "ofa-proxyless-w1.3:d=3,3,3,3,3:k=5,5,5,0,5,5,5,0,5,5,5,0,5,5,5,0,5,5,5,0:"
            "e=4,4,4,0,4,4,4,0,4,4,4,0,4,4,4,0,4,4,4,0:r=132:last=k5e4");
  std::vector<int> back = searchspace::ToChoices(p);
  for (int slot : {3, 7, 11, 15, 19}) back[5 + slot] = back[25 + slot] = 1;  // ignored slots
  EXPECT_EQ(back, index);
}

}  // namespace
