// The accuracy surrogate against published results (data/accuracy/published.csv, each row
// with its source there) and its properties over every built-in space's default grid.
// Measured on this commit's data; the figures printed by these tests are those of the
// issue-5 report (`dse accuracy fit` prints the same).

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "accuracy/accuracy.h"
#include "support/shipped_surrogate.h"
#include "analysis/cost.h"
#include "support/spaces.h"

namespace {

using accuracy_testing::Fitted;

const std::vector<accuracy::HeldOut>& LeaveOneOut() {
  static const std::vector<accuracy::HeldOut> held_out = Fitted().LeaveOneOut();
  return held_out;
}

// Issue 5: leave-one-out MAE <= 1.0 top-1 point over the published float width x resolution
// grids: TF-slim MobileNetV1 (12 rows) and MobileNetV2 (17), MobileNetV3 paper Table 9 Large
// (10), tensorflow/tpu MnasNet-A1 (19). The worst case is printed, not bounded.
TEST(Surrogate, LeaveOneOutOverPublishedGrids) {
  double sum = 0, worst = 0;
  std::string worst_model;
  int n = 0;
  for (const accuracy::HeldOut& h : LeaveOneOut()) {
    if (!h.point.grid) continue;
    sum += std::fabs(h.error_pct());
    ++n;
    if (std::fabs(h.error_pct()) > worst) {
      worst = std::fabs(h.error_pct());
      worst_model = h.point.model;
    }
  }
  ASSERT_EQ(n, 12 + 17 + 10 + 19);  // every grid row held out once (families.toml)
  std::printf("grid leave-one-out: MAE %.3f over %d rows, worst %.2f (%s)\n", sum / n, n, worst,
              worst_model.c_str());
  EXPECT_LE(sum / n, 1.0);
}

// Issue 5: each of the paper's own int8 models (Sadiq et al. 2023, Table II, "seed authors'
// own training; standard post-training int8 quantisation") held out of the fit in turn is
// predicted within 2.5 points. Printed top-1 values are Table II's "Acc (%)" column.
TEST(Surrogate, TableTwoModelsHeldOut) {
  const std::map<std::string, double> table2 = {
      {"Proxyless-w0.10-r192", 27.01},       {"MobileNetV3-w0.25-r080", 30.00},
      {"Proxyless-w0.30-r144", 50.67},       {"MobileNetV3-w0.50-r112", 52.37},
      {"MCUNetV1-F469-int8 (Repr.)", 59.47}, {"MNASNet-w1.00-r080", 60.83},
      {"MobileNetV3-w0.75-r128", 62.58},     {"MobileNetV3-w1.00-r160", 68.19},
      {"Proxyless-w0.30-r176", 53.68},       {"MobileNetV3-w0.55-r128", 58.29},
      {"MCUNetV1-F746-int8 (Repr.)", 61.47}, {"MNASNet-w1.00-r128", 68.01},
  };
  int seen = 0;
  for (const accuracy::HeldOut& h : LeaveOneOut()) {
    const auto it = table2.find(h.point.model);
    if (it == table2.end()) continue;
    ++seen;
    EXPECT_TRUE(h.point.int8) << h.point.model;
    EXPECT_DOUBLE_EQ(h.point.top1_pct, it->second) << h.point.model;
    std::printf("Table II held out: %-28s published %.2f predicted %.2f error %+.2f\n",
                h.point.model.c_str(), it->second, h.predicted_pct, h.error_pct());
    EXPECT_LE(std::fabs(h.error_pct()), 2.5) << h.point.model;
  }
  EXPECT_EQ(seen, 12);
}

// The int8 offset is the mean drop over the 12 TFLite PTQ pairs of families.toml:
// MCUNet zoo in0..in4 1.1, 1.6, 0.6, 0.4, 0.4; mbv2-w0.35 0.7; proxyless-w0.3 0.8 (mit-han-lab/
// mcunet README) and EfficientNet-lite0..4 0.7, 0.8, 0.6, 0.8, 1.3 (tensorflow/tpu lite README):
// 9.8 / 12.
TEST(Surrogate, Int8OffsetIsMeanPtqDrop) {
  EXPECT_NEAR(Fitted().params().int8_drop_pct, 9.8 / 12, 1e-9);
  const auto fp32 = Fitted().Predict({"mbv3", 0.5, 16.3, accuracy::Precision::kFp32});
  const auto int8 = Fitted().Predict({"mbv3", 0.5, 16.3, accuracy::Precision::kInt8});
  EXPECT_NEAR(fp32.top1_pct - int8.top1_pct, 9.8 / 12, 1e-9);
}

TEST(Surrogate, FamilyWithoutDataFallsBackToSharedCeiling) {
  const auto known = Fitted().Predict({"MobileNetV2", 1.0, 300, accuracy::Precision::kFp32});
  EXPECT_FALSE(known.fallback);
  EXPECT_EQ(known.family, "MobileNetV2");
  const auto unknown = Fitted().Predict({"my-new-space", 1.0, 300, accuracy::Precision::kFp32});
  EXPECT_TRUE(unknown.fallback);
  EXPECT_EQ(unknown.family, "");
  EXPECT_GT(unknown.top1_pct, 0);
  EXPECT_LT(unknown.top1_pct, Fitted().params().shared_ceiling_pct);
}

// Family names are matched case-insensitively, and a space name finds its family.
TEST(Surrogate, FamilyLookup) {
  EXPECT_EQ(Fitted().Predict({"mobilenetv2", 1.0, 300, accuracy::Precision::kFp32}).family,
            "MobileNetV2");
  EXPECT_EQ(Fitted().Predict({"mobilenetv3-large", 1.0, 217, accuracy::Precision::kFp32}).family,
            "MobileNetV3-Large");
  EXPECT_EQ(Fitted().Predict({"mcunet-in3", 1.0, 81.8, accuracy::Precision::kFp32}).family, "mcunet");
}

// Issue 5 property: over the default grid of every built-in space, predictions lie in
// [0, 100] and do not decrease with width (resolution fixed) or resolution (width fixed).
TEST(Surrogate, GridPredictionsBoundedAndMonotone) {
  const auto& catalog = testing_support::BuiltinCatalog();
  int checked = 0;
  for (const searchspace::Space& space : catalog.spaces()) {
    SCOPED_TRACE(space.name);
    // A per-stage space (ofa-*, mcunet-tinynas) has points, not a width x resolution grid.
    if (space.staged()) continue;
    std::map<std::pair<size_t, size_t>, double> top1;
    for (size_t wi = 0; wi < space.widths.size(); ++wi) {
      for (size_t ri = 0; ri < space.resolutions.size(); ++ri) {
        const searchspace::Variant variant{space.name, space.widths[wi], space.resolutions[ri]};
        auto net = searchspace::Build(space, variant.width, variant.resolution);
        ASSERT_TRUE(net.ok()) << net.error().message;
        const int64_t macs = analysis::CountNetwork(*net).macs;
        const auto found = accuracy::Top1ForVariant(Fitted(), {}, space, variant, macs,
                                                    accuracy::Precision::kInt8);
        ASSERT_TRUE(found.has_value());
        const accuracy::Top1& t = *found;
        EXPECT_GE(t.top1_pct, 0);
        EXPECT_LE(t.top1_pct, 100);
        // Inside or outside the family's fitted rows (issue 16: labelled "extrapolated"), or a
        // fixed net's own published figure.
        EXPECT_TRUE(t.provenance == accuracy::Provenance::kPredicted ||
                    t.provenance == accuracy::Provenance::kExtrapolated ||
                    t.provenance == accuracy::Provenance::kPublished);
        EXPECT_FALSE(t.fallback) << "every built-in space has a family in families.toml";
        top1[std::make_pair(wi, ri)] = t.top1_pct;
        if (wi > 0) {
          EXPECT_GE(t.top1_pct, (top1[std::make_pair(wi - 1, ri)])) << variant.name();
        }
        if (ri > 0) {
          EXPECT_GE(t.top1_pct, (top1[std::make_pair(wi, ri - 1)])) << variant.name();
        }
        ++checked;
      }
    }
  }
  // 4 scalable spaces of 19 x 12, mbv2 (searchspaces/mbv2.toml: widths 0.35-1.00 by 0.05 = 14,
  // resolutions 96-224 by 16 = 9), 10 fixed nets; per-stage spaces are skipped above.
  EXPECT_EQ(checked, 4 * 19 * 12 + 14 * 9 + 10);
}

}  // namespace
