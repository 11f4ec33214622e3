// The schema's candidate columns are the field table's (explore/fields.h): same names, order,
// types and nullability, in the variants table, the evaluations table and evaluation_view.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "explore/fields.h"
#include "store/database.h"

namespace {

namespace fs = std::filesystem;

// "name TYPE NOTNULL" per column of `table` (a table or view), from PRAGMA table_info.
std::vector<std::string> Columns(const fs::path& path, const std::string& table) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, ("PRAGMA table_info(" + table + ")").c_str(), -1, &stmt, nullptr);
  std::vector<std::string> out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1))) + " " +
                  reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2)) +
                  (sqlite3_column_int(stmt, 3) ? " NOT NULL" : ""));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::string Declared(const explore::Field& f, bool with_null) {
  const char* type = f.kind == explore::FieldKind::kReal   ? "REAL"
                     : f.kind == explore::FieldKind::kText ? "TEXT"
                                                           : "INTEGER";  // integer, bool
  return std::string(f.name) + " " + type + (with_null && !f.optional ? " NOT NULL" : "");
}

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("dse_schema_test_" + std::to_string(getpid()) + ".sqlite");
    fs::remove(path_);
    ASSERT_TRUE(store::Database::Open(path_.string(), true).ok());
  }
  void TearDown() override { fs::remove(path_); }
  fs::path path_;
};

TEST_F(SchemaTest, VariantsColumnsAreTheVariantFields) {
  std::vector<std::string> want = {"id INTEGER", "name TEXT NOT NULL"};
  for (const explore::Field& f : explore::CandidateFields()) {
    if (f.scope == explore::FieldScope::kVariant) want.push_back(Declared(f, true));
  }
  want.push_back("content_sha256 TEXT");  // schema 3: an imported model's identity (last)
  EXPECT_EQ(Columns(path_, "variants"), want);
}

TEST_F(SchemaTest, EvaluationsColumnsAreTheEvaluationFields) {
  std::vector<std::string> want = {"run_id INTEGER NOT NULL", "variant_id INTEGER NOT NULL"};
  for (const explore::Field& f : explore::CandidateFields()) {
    if (f.scope == explore::FieldScope::kEvaluation) want.push_back(Declared(f, true));
  }
  EXPECT_EQ(Columns(path_, "evaluations"), want);
}

// A view's columns carry no NOT NULL; its types are those of the underlying columns.
TEST_F(SchemaTest, ViewColumnsAreEveryField) {
  std::vector<std::string> want = {"run_id INTEGER"};
  for (const explore::Field& f : explore::CandidateFields()) want.push_back(Declared(f, false));
  EXPECT_EQ(Columns(path_, "evaluation_view"), want);
}

}  // namespace
