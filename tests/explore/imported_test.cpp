// Imported .tflite models through the explore entry points: AnalyseNetwork, Evaluate and Sweep
// put them beside the search-space variants, with top-1 unknown unless measured.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accuracy/measured.h"
#include "explore/evaluate.h"
#include "explore/sweep.h"
#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "tflite/import.h"

namespace {

const std::string kRoot = DSE_SOURCE_DIR;

// A model of tests/data named by its file name, as `dse sweep --models` names it.
graph::Network Imported(const std::string& file) {
  auto im = tflite::ImportFile(kRoot + "/tests/data/" + file);
  EXPECT_TRUE(im.ok()) << im.error().message;
  graph::Network net = std::move(im).value().network;
  net.name = file;
  return net;
}

struct Fixture {
  hw::Catalog boards = hw::Catalog::LoadDirectory(kRoot + "/hwprofiles").value();
  latency::CoefficientFile coefficients =
      latency::LoadCoefficients(kRoot + "/data/latency/coefficients.toml").value();
  std::vector<accuracy::Measurement> measured;
  explore::Models models() const { return {nullptr, nullptr, &measured, &coefficients}; }
  hw::Board board(const std::string& name) const { return boards.Resolve(name).value(); }
};

TEST(Imported, AnalyseNetworkWithoutMeasurementHasNoTop1) {
  const Fixture f;
  auto facts = explore::AnalyseNetwork(Imported("proxyless-w0.30-r144_int8.tflite"), f.models());
  ASSERT_TRUE(facts.ok()) << facts.error().message;
  EXPECT_EQ(facts->space, nullptr);
  EXPECT_EQ(facts->variant.space, explore::kImportedSpace);
  EXPECT_EQ(facts->variant.resolution, 144);
  EXPECT_EQ(facts->totals.macs, analysis::CountNetwork(facts->net).macs);
  EXPECT_FALSE(facts->top1.has_value());
}

TEST(Imported, AnalyseNetworkTakesTheMeasurementStoredUnderTheFileName) {
  Fixture f;
  f.measured = {{"proxyless-w0.30-r144_int8.tflite", 51.5, accuracy::Precision::kInt8, "lab"},
                {"proxyless-w0.30-r144", 40.0, accuracy::Precision::kInt8, ""}};
  auto facts = explore::AnalyseNetwork(Imported("proxyless-w0.30-r144_int8.tflite"), f.models());
  ASSERT_TRUE(facts.ok());
  ASSERT_TRUE(facts->top1.has_value());
  EXPECT_DOUBLE_EQ(facts->top1->top1_pct, 51.5);
  EXPECT_EQ(facts->top1->provenance, accuracy::Provenance::kMeasured);
}

TEST(Imported, AnalyseNetworkRejectsAnEmptyNetwork) {
  const Fixture f;
  graph::Network empty;
  empty.name = "empty.tflite";
  auto facts = explore::AnalyseNetwork(empty, f.models());
  ASSERT_FALSE(facts.ok());
  EXPECT_EQ(facts.error().message, "empty.tflite: the network has no ops");
}

// One design point through explore::EvaluatePoint, the path every command uses.
explore::Candidate EvaluateOn(const explore::VariantFacts& facts, const hw::Board& board,
                              const latency::CoefficientFile& file,
                              const placement::Deployment& deployment) {
  const latency::BoardCoefficients coefs = latency::CoefficientsFor(board, file);
  return explore::EvaluatePoint(facts, {&board, nullptr, &coefs, deployment}).value().candidate;
}

TEST(Imported, R144OnF469PartitionsLikeTheFirmwareWithPredictedLatency) {
  const Fixture f;
  const hw::Board f469 = f.board("f469");
  auto facts = explore::AnalyseNetwork(Imported("proxyless-w0.30-r144_int8.tflite"), f.models());
  ASSERT_TRUE(facts.ok());
  // data/tinyops/budgets.csv: f469,258000, the firmware's budget; above the 249,464 B the
  // profile leaves to a network (262,144 - 12,680), so it is the board's most (MaxBudgetBytes).
  const tinyops::BudgetTable budgets{"budgets.csv", {{"f469", 258'000, "", 2}}};
  const explore::Candidate c =
      EvaluateOn(*facts, f469, f.coefficients, {"tinyops", 258'000, true, &budgets});
  EXPECT_EQ(c.variant, "proxyless-w0.30-r144_int8.tflite");
  EXPECT_EQ(c.space, "tflite");
  EXPECT_TRUE(c.feasible) << c.fail_reason;
  EXPECT_EQ(c.partition_factor, 3);
  EXPECT_EQ(c.budget_bytes, 258'000);
  ASSERT_TRUE(c.latency_ms.has_value());
  EXPECT_GT(*c.latency_ms, 0);
  EXPECT_FALSE(c.latency_provenance.empty());
  EXPECT_FALSE(c.top1.has_value());
  EXPECT_EQ(c.top1_provenance, "unknown");
}

TEST(Imported, SweepEvaluatesNetworksOnEveryBoardAndModeAndFrontsOnlyMeasuredOnes) {
  Fixture f;
  f.measured = {{"mlperf-tiny-kws-dscnn_int8.tflite", 91.0, accuracy::Precision::kInt8, ""}};
  const hw::Board f746 = f.board("f746");
  const graph::Network kws = Imported("mlperf-tiny-kws-dscnn_int8.tflite");
  const graph::Network vww = Imported("mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite");
  explore::SweepOptions options;
  options.networks = {&kws, &vww};
  options.boards = {&f746};
  auto result = explore::Sweep(options, f.models(), {});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->points, 2);
  ASSERT_EQ(result->candidates.size(), 6u);  // 2 models x 1 board x 3 modes, model-major
  EXPECT_EQ(result->candidates[0].variant, "mlperf-tiny-kws-dscnn_int8.tflite");
  EXPECT_EQ(result->candidates[3].variant, "mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite");
  for (const explore::Candidate& c : result->candidates) {
    EXPECT_EQ(c.top1.has_value(), c.variant == "mlperf-tiny-kws-dscnn_int8.tflite") << c.variant;
  }
  ASSERT_FALSE(result->fronts.empty());
  for (const explore::FrontMember& m : result->fronts) {
    EXPECT_EQ(m.variant, "mlperf-tiny-kws-dscnn_int8.tflite");
  }
}

TEST(Imported, MeasurementsNameImportedModelsByFileName) {
  EXPECT_TRUE(accuracy::IsImportedModelName("kws_ref_model.tflite"));
  EXPECT_FALSE(accuracy::IsImportedModelName(".tflite"));
  EXPECT_FALSE(accuracy::IsImportedModelName("models/kws.tflite"));
  EXPECT_FALSE(accuracy::IsImportedModelName("mbv3-w0.75-r128"));
  const searchspace::Catalog none;
  auto rows = accuracy::ParseMeasurements(
      "m.csv", "variant,top1,precision,task,dataset\nkws_ref_model.tflite,91.5,int8,classification,imagenet\n", none);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].variant, "kws_ref_model.tflite");
  auto typo = accuracy::ParseMeasurements("m.csv", "variant,top1,precision,task,dataset\nkws.tflit,91,int8,classification,imagenet\n",
                                          none);
  EXPECT_FALSE(typo.ok());
}

}  // namespace
