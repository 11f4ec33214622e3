// explore/front_accuracy.h and front_report.h: fronts per task and dataset, measured accuracies
// imported after a sweep, and the provenance lines of `dse pareto --csv`.

#include <gtest/gtest.h>

#include "explore/front_accuracy.h"
#include "explore/front_report.h"
#include "support/spaces.h"

namespace {

explore::Candidate Row(const std::string& variant, const std::string& space, double latency_ms,
                       std::optional<double> top1, const std::string& top1_provenance) {
  explore::Candidate c;
  c.variant = variant;
  c.space = space;
  c.board = "f469";
  c.mode = "internal";
  c.feasible = true;
  c.latency_ms = latency_ms;
  c.latency_provenance = "calibrated on 8 rows of f469";
  c.top1 = top1;
  c.top1_provenance = top1_provenance;
  return c;
}

accuracy::Measurement Measured(const std::string& variant, double top1, accuracy::Precision p,
                               const accuracy::TaskDataset& td) {
  accuracy::Measurement m;
  m.variant = variant;
  m.top1_pct = top1;
  m.precision = p;
  m.task = td.task;
  m.dataset = td.dataset;
  return m;
}

const accuracy::TaskDataset kKws{"keyword-spotting", "speech-commands"};

// A sweep's rows: a built variant (predicted 48.5), a fixed int4 net (published 63.5), an
// imported KWS model (no ImageNet top-1). Values are inputs, not model outputs.
std::vector<explore::Candidate> SweepRows() {
  return {Row("mbv3-w0.35-r128", "mbv3", 100, 48.5, "predicted"),
          Row("mcunet-in3-int4", "mcunet-in3-int4", 200, 63.5, "published"),
          Row("kws.tflite", "tflite", 30, std::nullopt, "unknown")};
}

TEST(FrontAccuracy, ImageNetMeasurementsImportedAfterTheSweepApply) {
  const std::vector<accuracy::Measurement> measured = {
      Measured("mbv3-w0.35-r128", 47.1, accuracy::Precision::kInt8, accuracy::kImageNet),
      // fp32 is not the deployed precision of mbv3 (int8): ignored.
      Measured("mcunet-in3-int4", 70.0, accuracy::Precision::kFp32, accuracy::kImageNet),
      // Another task never becomes an ImageNet top-1.
      Measured("kws.tflite", 91.2, accuracy::Precision::kInt8, kKws)};
  const auto rows = explore::WithMeasuredTop1(SweepRows(), measured, accuracy::kImageNet,
                                              testing_support::BuiltinCatalog());
  EXPECT_EQ(rows[0].top1, 47.1);
  EXPECT_EQ(rows[0].top1_provenance, "measured");
  EXPECT_EQ(rows[1].top1, 63.5);
  EXPECT_EQ(rows[1].top1_provenance, "published");
  EXPECT_FALSE(rows[2].top1.has_value());
  EXPECT_EQ(explore::MissingTop1Reason(rows, "f469", accuracy::kImageNet, "db"), std::nullopt);
}

TEST(FrontAccuracy, AnotherTaskRanksOnlyItsMeasurements) {
  const std::vector<accuracy::Measurement> measured = {
      Measured("mbv3-w0.35-r128", 47.1, accuracy::Precision::kInt8, accuracy::kImageNet),
      Measured("kws.tflite", 91.2, accuracy::Precision::kInt8, kKws)};
  const auto rows = explore::WithMeasuredTop1(SweepRows(), measured, kKws,
                                              testing_support::BuiltinCatalog());
  EXPECT_FALSE(rows[0].top1.has_value());  // its ImageNet figures are not KWS accuracies
  EXPECT_EQ(rows[0].top1_provenance, "none");
  EXPECT_FALSE(rows[1].top1.has_value());
  EXPECT_EQ(rows[2].top1, 91.2);
  EXPECT_EQ(rows[2].top1_provenance, "measured");
  const auto front = explore::Front(rows, "latency", "all");
  ASSERT_EQ(front.size(), 1u);
  EXPECT_EQ(front[0].variant, "kws.tflite");
  const auto none = explore::WithMeasuredTop1(SweepRows(), {}, kKws, testing_support::BuiltinCatalog());
  EXPECT_EQ(explore::MissingTop1Reason(none, "f469", kKws, "r.sqlite"),
            "no design on f469 has a measured keyword-spotting/speech-commands top-1 in r.sqlite; "
            "import one: dse accuracy import FILE.csv --db r.sqlite (columns "
            "variant,top1,precision,task,dataset)");
}

TEST(FrontAccuracy, TaskAndDatasetChoices) {
  auto td = explore::ChooseTaskDataset("", "");
  ASSERT_TRUE(td);
  EXPECT_EQ(explore::TaskDatasetText(*td), "classification/imagenet");
  td = explore::ChooseTaskDataset("keyword-spotting", "");
  ASSERT_TRUE(td);
  EXPECT_EQ(explore::TaskDatasetText(*td), "keyword-spotting/speech-commands");
  td = explore::ChooseTaskDataset("", "cifar10");
  ASSERT_TRUE(td);
  EXPECT_EQ(explore::TaskDatasetText(*td), "classification/cifar10");
  EXPECT_EQ(explore::ChooseTaskDataset("keyword-spoting", "").error().message,
            "--task 'keyword-spoting': unknown task (one of: classification, keyword-spotting, "
            "visual-wake-words, anomaly-detection) (did you mean 'keyword-spotting'?)");
  EXPECT_EQ(explore::ChooseTaskDataset("", "imagenett").error().message,
            "--dataset 'imagenett': unknown dataset (did you mean 'imagenet'?)");
  EXPECT_EQ(explore::ChooseTaskDataset("keyword-spotting", "imagenet").error().message,
            "--dataset 'imagenet': not a dataset of task keyword-spotting (its datasets: "
            "speech-commands)");
}

TEST(FrontReport, CsvCarriesTheRunAndEachFiguresProvenance) {
  const std::vector<explore::Candidate> rows = SweepRows();
  const auto front = explore::Front(rows, "latency", "all");
  ASSERT_EQ(front.size(), 2u);  // mbv3 (100 ms, 48.5) and mcunet-in3-int4 (200 ms, 63.5)
  explore::FrontReport r;
  r.board = "f469";
  r.db = "r.sqlite";
  r.run_id = 4;
  r.run_tool_version = "0.0.9";
  r.run_git_revision = "abc";
  r.run_started_at = "2026-01-01T00:00:00Z";
  const std::string csv = explore::FrontCsvText(r, front, rows);
  EXPECT_NE(csv.find("# dse pareto: f469 front (all designs), classification/imagenet top-1 vs "
                     "latency (ms, predicted)\n# run_id 4 of r.sqlite, written by dse 0.0.9 (git "
                     "abc) at 2026-01-01T00:00:00Z\n# printed by dse "),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("# latency_ms: calibrated on 8 rows of f469\n"
                     "# top1: predicted (row 1), published (row 2)\n"
                     "variant,mode,latency_ms,top1\n"
                     "mbv3-w0.35-r128,internal,100,48.5000\n"
                     "mcunet-in3-int4,internal,200,63.5000\n"),
            std::string::npos)
      << csv;
}

}  // namespace
