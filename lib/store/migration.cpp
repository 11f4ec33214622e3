// Migrating an older results database to the current schema, in one transaction.

#include <sqlite3.h>

#include <vector>

#include <fmt/format.h>

#include "store/database.h"
#include "store/schema.sql.h"
#include "store/schema_v3.sql.h"
#include "store/statement.h"

namespace store {
namespace {

// The SQL steps that take a file of schema version `from` to kSchemaVersion, in order.
std::vector<const char*> StepsFrom(int from) {
  std::vector<const char*> steps;
  if (from <= 1) {  // 1 -> 2: evaluations, pareto and op_costs gain the runtime
    steps.insert(steps.end(), {kMigrateV1SetAside, kSchemaV2Results, kMigrateV1Copy});
  }
  if (from <= 2) {  // 2 -> 3: variants keyed by content; model names and measured accuracy
    steps.insert(steps.end(), {kMigrateV2SetAside, kSchemaV3Variants, kMigrateV2Copy,
                               kSchemaV3Tables});
  }
  steps.push_back(kEvaluationView);
  return steps;
}

}  // namespace

util::Status Database::MigrateFrom(int from) {
  if (auto s = Exec("BEGIN IMMEDIATE"); !s) return s;
  // Rolls back unless COMMIT succeeds: a failed migration leaves the old file as it was.
  struct Guard {
    sqlite3* db;
    bool done = false;
    ~Guard() { if (!done) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr); }
  } guard{db_};
  // The reason is SQLite's, with the system's reason for an I/O error (a full disk).
  const auto failed = [this, from](const std::string& reason) {
    return util::RuntimeError(fmt::format(
        "{}: {} (while migrating schema version {} to {}; rolled back, the file is unchanged)",
        path_, reason, from, kSchemaVersion));
  };
  // A concurrent dse may have migrated the file since its stamp was read: read it again under
  // the write lock.
  int64_t user_version = -1;
  {
    Statement version(db_, "PRAGMA user_version");
    if (version.Step() == SQLITE_ROW) user_version = version.Int(0);
  }
  if (user_version == kSchemaVersion) {
    guard.done = true;
    return Exec("COMMIT");
  }
  if (user_version != from) return failed("cannot read the file's stamp");
  std::vector<const char*> steps = StepsFrom(from);
  const std::string set_version = fmt::format("PRAGMA user_version={}", kSchemaVersion);
  steps.push_back(set_version.c_str());
  steps.push_back("COMMIT");
  for (const char* step : steps) {
    if (sqlite3_exec(db_, step, nullptr, nullptr, nullptr) != SQLITE_OK) {
      const std::string reason = ErrorText(db_);
      sqlite3_exec(db_, "PRAGMA legacy_alter_table=OFF", nullptr, nullptr, nullptr);
      return failed(reason);
    }
  }
  guard.done = true;
  migrated_from_ = from;
  return util::Ok{};
}

}  // namespace store
