// The results database: round trip, stamps, refusal of foreign and newer files, atomic runs,
// two writers into one file.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "store/database.h"

namespace {

namespace fs = std::filesystem;

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dse_store_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

store::EvaluationRow Row(const std::string& variant, const std::string& mode, double top1) {
  store::EvaluationRow e;
  e.variant = variant;
  e.space = "mbv3";
  e.width = 0.5;
  e.resolution = 112;
  e.macs = 16278696;
  e.board = "f469";
  e.mode = mode;
  e.feasible = mode != "internal";
  e.fail_reason = e.feasible ? "" : "sram: needs 300000 B, has 258000 B";
  e.latency_ms = 674.0;
  e.latency_provenance = "calibrated";
  e.top1 = top1;
  e.top1_provenance = "predicted";
  e.partition_factor = mode == "tinyops" ? std::optional<int>(3) : std::nullopt;
  return e;
}

store::RunInfo SampleRun() { return {0, "2026-11-21T00:00:00Z", "0.1.0", "abc", "dse sweep", "h", "f469", "mbv3"}; }

TEST_F(DatabaseTest, RoundTrip) {
  auto db = store::Database::Open(Path("r.sqlite"), true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  const std::vector<store::EvaluationRow> rows = {Row("mbv3-w0.50-r112", "internal", 52.4),
                                                  Row("mbv3-w0.50-r112", "tinyops", 52.4)};
  const std::vector<store::ParetoRow> front = {{"f469", "latency", "top1", "tinyops", "mbv3-w0.50-r112", "tinyops"}};
  auto run = (*db)->WriteRun(SampleRun(), rows, front, {});
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(*(*db)->LatestRun("f469").value(), *run);
  EXPECT_FALSE((*db)->LatestRun("f746").value().has_value());
  const auto back = (*db)->Evaluations(*run, "f469").value();
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].mode, "internal");
  EXPECT_FALSE(back[0].feasible);
  EXPECT_EQ(back[0].fail_reason, "sram: needs 300000 B, has 258000 B");
  EXPECT_FALSE(back[0].partition_factor.has_value());
  EXPECT_EQ(back[1].partition_factor, 3);
  EXPECT_DOUBLE_EQ(*back[1].top1, 52.4);
  EXPECT_EQ(back[1].macs, 16278696);
  EXPECT_EQ(back[1].runtime, "tflm-cmsis-nn");  // Row() leaves Candidate's default
}

// Every column of the candidate survives a write and a read (the field table drives both),
// runtime included; two runtimes of one (variant, board, mode) are two rows.
TEST_F(DatabaseTest, RoundTripsEveryFieldAndRuntime) {
  auto db = store::Database::Open(Path("f.sqlite"), true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  store::EvaluationRow a = Row("mbv3-w0.50-r112", "tinyops", 52.4);
  a.params = 1234567;
  a.weight_bytes = 1200000;
  a.flash_bytes = 1250000;
  a.peak_activation_bytes = 150528;
  a.budget_bytes = 262144;
  a.sram_bytes = 250000;
  a.internal_flash_bytes = 90000;
  a.external_bytes = 1400000;
  a.energy_mj = 0.125;
  store::EvaluationRow b = a;
  b.runtime = "other-runtime";
  b.latency_ms = 512.5;
  b.energy_mj.reset();
  auto run = (*db)->WriteRun(SampleRun(), {a, b}, {}, {});
  ASSERT_TRUE(run.ok()) << run.error().message;
  const auto back = (*db)->Evaluations(*run, "f469").value();
  ASSERT_EQ(back.size(), 2u);  // ordered by variant, runtime, mode
  EXPECT_EQ(back[0].runtime, "other-runtime");
  EXPECT_EQ(back[1].runtime, "tflm-cmsis-nn");
  EXPECT_EQ(back[1].params, 1234567);
  EXPECT_EQ(back[1].weight_bytes, 1200000);
  EXPECT_EQ(back[1].flash_bytes, 1250000);
  EXPECT_EQ(back[1].peak_activation_bytes, 150528);
  EXPECT_EQ(back[1].budget_bytes, 262144);
  EXPECT_EQ(back[1].sram_bytes, 250000);
  EXPECT_EQ(back[1].internal_flash_bytes, 90000);
  EXPECT_EQ(back[1].external_bytes, 1400000);
  EXPECT_DOUBLE_EQ(*back[1].energy_mj, 0.125);
  EXPECT_DOUBLE_EQ(*back[0].latency_ms, 512.5);
  EXPECT_FALSE(back[0].energy_mj.has_value());
  EXPECT_TRUE(back[1].feasible);
  EXPECT_EQ(back[1].space, "mbv3");
  EXPECT_DOUBLE_EQ(back[1].width, 0.5);
  EXPECT_EQ(back[1].resolution, 112);
}

// runs.tinyops_config and runs.filter_growth hold the run's options; a run without them (as a
// caller that sets none) reads back unset, NULL in the file.
TEST_F(DatabaseTest, RecordsTheRunsOptions) {
  auto db = store::Database::Open(Path("o.sqlite"), true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  store::RunInfo firmware = SampleRun();
  firmware.options = {"firmware", false};
  ASSERT_TRUE((*db)->WriteRun(firmware, {Row("mbv3-w0.50-r112", "tinyops", 52.4)}, {}, {}).ok());
  ASSERT_TRUE((*db)->WriteRun(SampleRun(), {}, {}, {}).ok());
  const std::vector<store::RunInfo> runs = (*db)->Runs().value();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].options.tinyops_config, "firmware");
  EXPECT_EQ(runs[0].options.filter_growth, false);
  EXPECT_FALSE(runs[1].options.tinyops_config.has_value());
  EXPECT_FALSE(runs[1].options.filter_growth.has_value());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(Path("o.sqlite").c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(raw, "SELECT ifnull(tinyops_config, 'NULL') || ':' || ifnull(filter_growth, 'NULL') "
                          "FROM runs ORDER BY id", -1, &s, nullptr);
  std::vector<std::string> stored;
  while (sqlite3_step(s) == SQLITE_ROW) stored.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(raw);
  EXPECT_EQ(stored, (std::vector<std::string>{"firmware:0", "NULL:NULL"}));
}

// A file written before the columns existed (they are dropped here) gets them on open, its runs
// unset (not recorded), and then records a new run's options.
TEST_F(DatabaseTest, AddsTheOptionColumnsToAnOlderFile) {
  {
    auto db = store::Database::Open(Path("old.sqlite"), true);
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_TRUE((*db)->WriteRun(SampleRun(), {Row("mbv3-w0.50-r112", "tinyops", 52.4)}, {}, {}).ok());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(Path("old.sqlite").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "ALTER TABLE runs DROP COLUMN tinyops_config; "
                              "ALTER TABLE runs DROP COLUMN filter_growth", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto db = store::Database::Open(Path("old.sqlite"), false);
  ASSERT_TRUE(db.ok()) << db.error().message;
  store::RunInfo fastest = SampleRun();
  fastest.options = {"fastest", true};
  ASSERT_TRUE((*db)->WriteRun(fastest, {}, {}, {}).ok());
  const std::vector<store::RunInfo> runs = (*db)->Runs().value();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].options, explore::RunOptions{});
  EXPECT_EQ(runs[1].options, (explore::RunOptions{"fastest", true}));
  EXPECT_EQ((*db)->Evaluations(runs[0].id, "f469").value().size(), 1u);  // the old run's row kept
}

// The store validates nothing about mode names: modes come from a registry in code.
TEST_F(DatabaseTest, AcceptsAnyModeName) {
  auto db = store::Database::Open(Path("m.sqlite"), true);
  ASSERT_TRUE(db.ok());
  auto run = (*db)->WriteRun(SampleRun(), {Row("mbv3-w0.50-r112", "patch-based", 50)}, {}, {});
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ((*db)->Evaluations(*run, "f469").value().at(0).mode, "patch-based");
}

TEST_F(DatabaseTest, RefusesForeignFile) {
  sqlite3* raw = nullptr;
  sqlite3_open(Path("foreign.sqlite").c_str(), &raw);
  sqlite3_exec(raw, "CREATE TABLE t(x); PRAGMA application_id=7;", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  auto db = store::Database::Open(Path("foreign.sqlite"), true);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().message, Path("foreign.sqlite") +
            ": not a dse results database (application_id 0x7, expected 0x44534531); refusing to touch it");
}

TEST_F(DatabaseTest, RefusesNewerSchema) {
  { auto db = store::Database::Open(Path("n.sqlite"), true); ASSERT_TRUE(db.ok()); }
  sqlite3* raw = nullptr;
  sqlite3_open(Path("n.sqlite").c_str(), &raw);
  sqlite3_exec(raw, "PRAGMA user_version=9;", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  auto db = store::Database::Open(Path("n.sqlite"), true);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().message, Path("n.sqlite") +
            ": written by a newer dse (schema version 9; this build reads up to 3); refusing to touch it");
}

TEST_F(DatabaseTest, RefusesNonSqliteFile) {
  std::ofstream(Path("text.sqlite")) << "hello, this is not a database\n";
  auto db = store::Database::Open(Path("text.sqlite"), true);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().message.find("not a dse results database"), std::string::npos);
}

TEST_F(DatabaseTest, FailedRunLeavesNothing) {
  auto db = store::Database::Open(Path("a.sqlite"), true);
  ASSERT_TRUE(db.ok());
  // The second row repeats the first's key (run, variant, board, runtime, mode): the whole run
  // must roll back.
  const auto row = Row("mbv3-w0.50-r112", "internal", 50);
  auto run = (*db)->WriteRun(SampleRun(), {row, row}, {}, {});
  EXPECT_FALSE(run.ok());
  EXPECT_TRUE((*db)->Runs().value().empty());
  EXPECT_FALSE((*db)->LatestRun("f469").value().has_value());
}

TEST_F(DatabaseTest, TwoWritersBothLand) {
  { auto db = store::Database::Open(Path("c.sqlite"), true); ASSERT_TRUE(db.ok()); }
  auto write = [&](const std::string& variant) {
    auto db = store::Database::Open(Path("c.sqlite"), true);
    ASSERT_TRUE(db.ok());
    for (int i = 0; i < 20; ++i) {
      ASSERT_TRUE((*db)->WriteRun(SampleRun(), {Row(variant, "tinyops", 50)}, {}, {}).ok());
    }
  };
  std::thread a(write, "mbv3-w0.50-r112"), b(write, "mbv3-w0.75-r128");
  a.join();
  b.join();
  auto db = store::Database::Open(Path("c.sqlite"), false);
  EXPECT_EQ((*db)->Runs().value().size(), 40u);
}

}  // namespace
