// Migration of version-1 and version-2 results databases to version 3, on real files.
//
// tests/data/schema_v1.sqlite was written by the dse of main at commit 60cd0ef (schema
// version 1), built as usual, with these two commands run from the repository root:
//   dse sweep --board f469 --board f746 --spaces none --models tests/data --per-op
//       --db tests/data/schema_v1.sqlite
//   dse sweep --board f469 --spaces mcunet-in0 mcunet-in1 mcunet-in2 mcunet-in3
//       mcunet-mbv2-w0.35-r144 --db tests/data/schema_v1.sqlite
// Run 1: the five .tflite models x two boards x three modes, with per-op costs (no top-1, so no
// Pareto rows); run 2: five fixed MCUNet nets on the F469, with top-1 and Pareto rows.
// The expected row counts below are `SELECT count(*)` of each table of that file (sqlite3).
// Tests work on copies: the committed file is never opened by the code under test.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "store/database.h"

namespace {

namespace fs = std::filesystem;

const fs::path kV1File = fs::path(DSE_SOURCE_DIR) / "tests/data/schema_v1.sqlite";

// The version-1 columns of every table (all of them: version 2 changes none, only adds
// runtime), and each table's row count in the committed file.
struct TableRows {
  const char* table;
  const char* columns;
  int64_t rows;
};
const TableRows kTables[] = {
    {"runs", "id, started_at, tool_version, git_revision, command_line, inputs_hash, boards, spaces", 2},
    {"variants", "id, name, space, width, resolution, macs, params, weight_bytes, flash_bytes, "
                 "peak_activation_bytes", 10},
    {"evaluations", "run_id, variant_id, board, mode, budget_bytes, feasible, fail_reason, "
                    "sram_bytes, internal_flash_bytes, external_bytes, latency_ms, "
                    "latency_provenance, energy_mj, top1, top1_provenance, partition_factor", 45},
    {"pareto", "run_id, board, x_objective, y_objective, design_space, variant_id, mode", 58},
    {"op_costs", "run_id, variant_id, board, mode, op_index, kind, macs, latency_ms", 882},
};

// Runs `sql` on the file through SQLite directly and returns every row, exactly: integers in
// decimal, reals in hexadecimal floating point (every bit), text as is, NULL as "NULL";
// columns joined by '|', rows by '\n'.
std::string Query(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    out = std::string("error: ") + sqlite3_errmsg(db);
  }
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (i > 0) out += '|';
      switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER: out += std::to_string(sqlite3_column_int64(stmt, i)); break;
        case SQLITE_FLOAT: {
          char text[64];
          std::snprintf(text, sizeof text, "%a", sqlite3_column_double(stmt, i));
          out += text;
          break;
        }
        case SQLITE_NULL: out += "NULL"; break;
        default: out += reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      }
    }
    out += '\n';
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// FNV-1a, 64 bits: the checksum of a table's rows as Query gives them.
uint64_t Checksum(const std::string& text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char ch : text) hash = (hash ^ ch) * 1099511628211ull;
  return hash;
}

std::string Bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class MigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dse_migration_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!immutable_.empty()) std::system(("chattr -i '" + immutable_ + "'").c_str());
    fs::remove_all(dir_);
  }
  fs::path CopyOfV1(const std::string& name) const {
    fs::copy_file(kV1File, dir_ / name);
    return dir_ / name;
  }
  fs::path dir_;
  std::string immutable_;  // a file made immutable (chattr +i) that TearDown must release
};

TEST_F(MigrationTest, CommittedFileIsVersion1) {
  const fs::path path = CopyOfV1("v1.sqlite");
  EXPECT_EQ(Query(path, "PRAGMA user_version"), "1\n");
  EXPECT_EQ(Query(path, "PRAGMA application_id"), std::to_string(store::kApplicationId) + "\n");
}

TEST_F(MigrationTest, KeepsEveryRowAndAddsTheRuntime) {
  const fs::path path = CopyOfV1("v1.sqlite");
  std::vector<std::string> before;
  for (const TableRows& t : kTables) {
    EXPECT_EQ(Query(path, fmt::format("SELECT count(*) FROM {}", t.table)), fmt::format("{}\n", t.rows)) << t.table;
    before.push_back(Query(path, fmt::format("SELECT {0} FROM {1} ORDER BY {0}", t.columns, t.table)));
  }
  {
    auto db = store::Database::Open(path.string(), false);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ((*db)->migrated_from(), 1);
  }
  EXPECT_EQ(Query(path, "PRAGMA user_version"), "3\n");
  EXPECT_EQ(Query(path, "PRAGMA integrity_check"), "ok\n");
  for (size_t i = 0; i < std::size(kTables); ++i) {
    const TableRows& t = kTables[i];
    EXPECT_EQ(Query(path, fmt::format("SELECT count(*) FROM {}", t.table)), fmt::format("{}\n", t.rows)) << t.table;
    const std::string after = Query(path, fmt::format("SELECT {0} FROM {1} ORDER BY {0}", t.columns, t.table));
    EXPECT_EQ(Checksum(after), Checksum(before[i])) << t.table;
    EXPECT_EQ(after, before[i]) << t.table;
  }
  // Every row of the tables that gained the column has the one runtime version 1 knew.
  EXPECT_EQ(Query(path, "SELECT count(*) FROM evaluations WHERE runtime = 'tflm-cmsis-nn'"), "45\n");
  EXPECT_EQ(Query(path, "SELECT count(*) FROM pareto WHERE runtime = 'tflm-cmsis-nn'"), "58\n");
  EXPECT_EQ(Query(path, "SELECT count(*) FROM op_costs WHERE runtime = 'tflm-cmsis-nn'"), "882\n");
}

// A migrated file has exactly the schema a new file gets: tables, indexes, view, their SQL.
TEST_F(MigrationTest, MigratedSchemaEqualsFreshSchema) {
  const fs::path path = CopyOfV1("v1.sqlite");
  ASSERT_TRUE(store::Database::Open(path.string(), false).ok());
  ASSERT_TRUE(store::Database::Open((dir_ / "fresh.sqlite").string(), true).ok());
  const std::string schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";
  EXPECT_EQ(Query(path, schema), Query(dir_ / "fresh.sqlite", schema));
  EXPECT_EQ(Query(path, "PRAGMA user_version"), Query(dir_ / "fresh.sqlite", "PRAGMA user_version"));
}

// After the migration the file reads and writes like any version-2 file, once migrated only.
TEST_F(MigrationTest, MigratedFileReadsAndWrites) {
  const fs::path path = CopyOfV1("v1.sqlite");
  ASSERT_TRUE(store::Database::Open(path.string(), false).ok());
  auto db = store::Database::Open(path.string(), true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_FALSE((*db)->migrated_from().has_value());
  EXPECT_EQ((*db)->LatestRun("f469").value(), 2);  // run 2 swept only the F469
  EXPECT_EQ((*db)->LatestRun("f746").value(), 1);
  const auto rows = (*db)->Evaluations(2, "f469").value();
  ASSERT_EQ(rows.size(), 15u);  // five nets x three modes
  // The first row in (variant, runtime, mode) order; figures from sqlite3 on the v1 file.
  EXPECT_EQ(rows[0].variant, "mcunet-in0");
  EXPECT_EQ(rows[0].mode, "external");
  EXPECT_EQ(rows[2].mode, "tinyops");
  EXPECT_EQ(rows[2].runtime, "tflm-cmsis-nn");
  EXPECT_EQ(rows[2].partition_factor, 2);
  EXPECT_EQ(rows[2].budget_bytes, 258000);
  EXPECT_NEAR(*rows[2].latency_ms, 334.313692715222, 1e-9);
  EXPECT_NEAR(*rows[2].top1, 41.8198744103677, 1e-9);
  store::RunInfo run{0, "2026-11-30T00:00:00Z", "0.1.0", "abc", "dse sweep", "h", "f469", "tflite"};
  auto id = (*db)->WriteRun(run, rows, {}, {});
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(*id, 3);
  EXPECT_EQ((*db)->Evaluations(3, "f469").value().size(), 15u);
}

// A version-1 file the migration cannot complete (stamped as ours, a table missing) is rolled
// back: an error naming the file and the versions, and the file as it was.
TEST_F(MigrationTest, FailedMigrationLeavesTheFile) {
  const fs::path path = CopyOfV1("broken.sqlite");
  Query(path, "DROP TABLE op_costs");
  const std::string bytes = Bytes(path);
  auto db = store::Database::Open(path.string(), false);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().message, path.string() +
            ": no such table: op_costs (while migrating schema version 1 to 3; rolled back, the "
            "file is unchanged)");
  EXPECT_EQ(Query(path, "PRAGMA user_version"), "1\n");
  EXPECT_TRUE(Bytes(path) == bytes);
}

TEST_F(MigrationTest, RefusesNewerFileUntouched) {
  const fs::path path = CopyOfV1("newer.sqlite");
  Query(path, "PRAGMA user_version=4");
  const std::string bytes = Bytes(path);
  auto db = store::Database::Open(path.string(), true);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().message, path.string() +
            ": written by a newer dse (schema version 4; this build reads up to 3); refusing to "
            "touch it");
  EXPECT_TRUE(Bytes(path) == bytes);
  EXPECT_FALSE(fs::exists(path.string() + "-wal"));
}

// A version-1 file that cannot be written is refused, naming both versions. As root chmod does
// not stop writes, so the file is made immutable (chattr +i), or the case is skipped.
TEST_F(MigrationTest, RefusesReadOnlyVersion1File) {
  const fs::path path = CopyOfV1("ro.sqlite");
  const std::string bytes = Bytes(path);
  if (geteuid() != 0) {
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  } else if (std::system(("chattr +i '" + path.string() + "' 2>/dev/null").c_str()) == 0) {
    immutable_ = path.string();
  } else {
    GTEST_SKIP() << "running as root and 'chattr +i' is not permitted here";
  }
  auto db = store::Database::Open(path.string(), false);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().message, path.string() +
            ": schema version 1 must be migrated to version 3 by this dse, but the file is "
            "read-only; make it writable (or work on a writable copy) and run again");
  EXPECT_TRUE(Bytes(path) == bytes);
}

// --- Version 2 to 3 ---------------------------------------------------------------------
// tests/data/schema_v2.sqlite was written by the dse of main at commit 5344de5 (schema
// version 2), built as usual, with these two commands run from the repository root:
//   dse sweep --board f469 --spaces none --models tests/data --per-op
//       --db tests/data/schema_v2.sqlite
//   dse sweep --board f469 --spaces mcunet-in0 mcunet-in1 --db tests/data/schema_v2.sqlite
// Run 1: the five .tflite models x three modes on the F469, with per-op costs; run 2: two fixed
// MCUNet nets, with top-1 and Pareto rows. Counts: `SELECT count(*)` of each table (sqlite3).
const fs::path kV2File = fs::path(DSE_SOURCE_DIR) / "tests/data/schema_v2.sqlite";

// Every version-2 column of every table (version 3 only adds content_sha256 to variants).
const TableRows kV2Tables[] = {
    {"runs", "id, started_at, tool_version, git_revision, command_line, inputs_hash, boards, spaces", 2},
    {"variants", "id, name, space, width, resolution, macs, params, weight_bytes, flash_bytes, "
                 "peak_activation_bytes", 7},
    {"evaluations", "run_id, variant_id, board, runtime, mode, budget_bytes, feasible, "
                    "fail_reason, sram_bytes, internal_flash_bytes, external_bytes, latency_ms, "
                    "latency_provenance, energy_mj, top1, top1_provenance, partition_factor", 21},
    {"pareto", "run_id, board, runtime, x_objective, y_objective, design_space, variant_id, mode", 28},
    {"op_costs", "run_id, variant_id, board, runtime, mode, op_index, kind, macs, latency_ms", 441},
};

TEST_F(MigrationTest, CommittedV2FileIsVersion2) {
  fs::copy_file(kV2File, dir_ / "v2.sqlite");
  EXPECT_EQ(Query(dir_ / "v2.sqlite", "PRAGMA user_version"), "2\n");
}

TEST_F(MigrationTest, Version2KeepsEveryRow) {
  const fs::path path = dir_ / "v2.sqlite";
  fs::copy_file(kV2File, path);
  std::vector<std::string> before;
  for (const TableRows& t : kV2Tables) {
    EXPECT_EQ(Query(path, fmt::format("SELECT count(*) FROM {}", t.table)), fmt::format("{}\n", t.rows)) << t.table;
    before.push_back(Query(path, fmt::format("SELECT {0} FROM {1} ORDER BY {0}", t.columns, t.table)));
  }
  {
    auto db = store::Database::Open(path.string(), false);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ((*db)->migrated_from(), 2);
  }
  EXPECT_EQ(Query(path, "PRAGMA user_version"), "3\n");
  EXPECT_EQ(Query(path, "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(Query(path, "PRAGMA foreign_key_check"), "");
  for (size_t i = 0; i < std::size(kV2Tables); ++i) {
    const TableRows& t = kV2Tables[i];
    EXPECT_EQ(Query(path, fmt::format("SELECT count(*) FROM {}", t.table)), fmt::format("{}\n", t.rows)) << t.table;
    const std::string after = Query(path, fmt::format("SELECT {0} FROM {1} ORDER BY {0}", t.columns, t.table));
    EXPECT_EQ(Checksum(after), Checksum(before[i])) << t.table;
    EXPECT_EQ(after, before[i]) << t.table;
  }
  // Checksums of the unchanged columns, computed by this test's Checksum on the v2 file.
  EXPECT_EQ(fmt::format("{:016x}", Checksum(before[1])), "5f1c40424e99fe33");
  EXPECT_EQ(fmt::format("{:016x}", Checksum(before[2])), "13786fc26f0bc3e0");
  // A version-2 file knows no content: every variant keeps its name as identity.
  EXPECT_EQ(Query(path, "SELECT count(*) FROM variants WHERE content_sha256 IS NULL"),
            fmt::format("{}\n", kV2Tables[1].rows));
  EXPECT_EQ(Query(path, "SELECT count(*) FROM model_names"), "0\n");
  EXPECT_EQ(Query(path, "SELECT count(*) FROM measured_accuracy"), "0\n");
}

TEST_F(MigrationTest, Version2MigratedSchemaEqualsFreshSchema) {
  const fs::path path = dir_ / "v2.sqlite";
  fs::copy_file(kV2File, path);
  ASSERT_TRUE(store::Database::Open(path.string(), false).ok());
  ASSERT_TRUE(store::Database::Open((dir_ / "fresh.sqlite").string(), true).ok());
  const std::string schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";
  EXPECT_EQ(Query(path, schema), Query(dir_ / "fresh.sqlite", schema));
}

// After the migration, a model of an old run swept again by content gets a row of its own:
// the old run's evaluations still join the old row (finding 1 of issue 16).
TEST_F(MigrationTest, Version2ThenContentKeyedModel) {
  const fs::path path = dir_ / "v2.sqlite";
  fs::copy_file(kV2File, path);
  auto db = store::Database::Open(path.string(), true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  const std::string kws = "mlperf-tiny-kws-dscnn_int8.tflite";
  auto rows = (*db)->Evaluations(1, "f469").value();
  std::vector<store::EvaluationRow> kws_rows;
  for (const auto& r : rows) if (r.variant == kws) kws_rows.push_back(r);
  ASSERT_EQ(kws_rows.size(), 3u);  // three modes
  const int64_t old_macs = kws_rows[0].macs;
  for (auto& r : kws_rows) r.macs = 7489664;  // another model of the same name
  store::RunInfo run{0, "2026-11-30T00:00:00Z", "0.1.0", "abc", "dse sweep", "h", "f469", "tflite",
                     {{kws, std::string(64, 'a')}}};
  auto id = (*db)->WriteRun(run, kws_rows, {}, {});
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ((*db)->Evaluations(*id, "f469").value()[0].macs, 7489664);
  // Held in a variable: a range-for over value() of a temporary Result would dangle.
  const auto old_rows = (*db)->Evaluations(1, "f469").value();
  for (const auto& r : old_rows) {
    if (r.variant == kws) EXPECT_EQ(r.macs, old_macs);
  }
  EXPECT_EQ(Query(path, "SELECT count(*) FROM variants WHERE name = '" + kws + "'"), "2\n");
  EXPECT_EQ(Query(path, "SELECT name FROM model_names"), kws + "\n");
}

}  // namespace
