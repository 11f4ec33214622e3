// Columns added since a file was written (database.h AddMissingColumns): a field added to
// explore::CandidateFields() becomes a column of an existing file on open, with no schema
// version change. Types and nullability follow the field table, as in a fresh file; a
// required column gets the empty value of its kind for the rows already there.

#include <sqlite3.h>

#include <fmt/format.h>

#include <set>

#include "explore/fields.h"
#include "store/database.h"
#include "store/statement.h"

namespace store {
namespace {

std::set<std::string> ColumnsOf(sqlite3* db, const std::string& table) {
  std::set<std::string> out;
  Statement s(db, fmt::format("PRAGMA table_info({})", table).c_str());
  while (s.Step() == SQLITE_ROW) out.insert(s.Text(1));
  return out;
}

std::string Declaration(const explore::Field& f) {
  const bool text = f.kind == explore::FieldKind::kText;
  const char* type = f.kind == explore::FieldKind::kReal ? "REAL" : text ? "TEXT" : "INTEGER";
  if (f.optional) return fmt::format("{} {}", f.name, type);
  return fmt::format("{} {} NOT NULL DEFAULT {}", f.name, type, text ? "''" : "0");
}

// "ALTER TABLE ... ADD COLUMN ...;" for every field of `scope` that `table` lacks.
std::string MissingColumnsSql(sqlite3* db, const std::string& table, explore::FieldScope scope) {
  const std::set<std::string> have = ColumnsOf(db, table);
  std::string sql;
  for (const explore::Field& f : explore::CandidateFields()) {
    if (f.scope != scope || have.count(std::string(f.name)) > 0) continue;
    sql += fmt::format("ALTER TABLE {} ADD COLUMN {};\n", table, Declaration(f));
  }
  return sql;
}

// evaluation_view over every field, in the field table's order (schema.sql.h's view).
std::string ViewSql() {
  std::string columns = "e.run_id";
  for (const explore::Field& f : explore::CandidateFields()) {
    if (f.scope == explore::FieldScope::kVariantName) {
      columns += fmt::format(", v.name AS {}", f.name);
    } else {
      columns += fmt::format(", {}.{}", f.scope == explore::FieldScope::kVariant ? "v" : "e", f.name);
    }
  }
  return fmt::format("DROP VIEW IF EXISTS evaluation_view;\nCREATE VIEW evaluation_view AS SELECT "
                     "{} FROM evaluations e JOIN variants v ON v.id = e.variant_id;\n", columns);
}

}  // namespace

std::string Database::MissingColumnsSql() {
  const std::string sql = store::MissingColumnsSql(db_, "variants", explore::FieldScope::kVariant) +
                          store::MissingColumnsSql(db_, "evaluations", explore::FieldScope::kEvaluation);
  // Run columns added since version 3, NULL in the rows already there: resumed_from, the run a
  // `dse search --resume` continued (NULL otherwise); tinyops_config and filter_growth, the
  // options that changed the run's figures (explore::RunOptions; NULL: not recorded).
  const std::set<std::string> have = ColumnsOf(db_, "runs");
  std::string runs;
  for (const char* column : {"resumed_from INTEGER", "tinyops_config TEXT", "filter_growth INTEGER"}) {
    const std::string name = std::string(column).substr(0, std::string(column).find(' '));
    if (have.count(name) == 0) runs += fmt::format("ALTER TABLE runs ADD COLUMN {};\n", column);
  }
  return sql.empty() ? runs : runs + sql + ViewSql();
}

util::Status Database::SetResumedFrom(int64_t run_id, int64_t resumed_from) {
  Statement s(db_, "UPDATE runs SET resumed_from = ? WHERE id = ?");
  s.Bind(1, resumed_from);
  s.Bind(2, run_id);
  if (s.Step() != SQLITE_DONE) {
    return util::RuntimeError(fmt::format("{}: {} (while recording run {}'s resumed_from)", path_, ErrorText(db_), run_id));
  }
  return util::Ok{};
}

util::Status Database::AddMissingColumns() {
  const auto missing = [this] { return MissingColumnsSql(); };
  if (missing().empty()) return util::Ok{};
  if (sqlite3_db_readonly(db_, "main") == 1) {
    return util::InputError(fmt::format(
        "{}: the file lacks columns this dse writes and must add them, but it is read-only; "
        "make it writable (or work on a writable copy) and run again", path_));
  }
  if (auto s = Exec("BEGIN IMMEDIATE"); !s) return s;
  // Read again under the write lock: a concurrent dse may have added them meanwhile.
  const std::string sql = missing();
  if (sql.empty()) return Exec("COMMIT");
  if (sqlite3_exec(db_, (sql + "COMMIT;").c_str(), nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    util::Error error = util::RuntimeError(fmt::format(
        "{}: {} (while adding columns; rolled back, the file is unchanged)", path_,
        ErrorText(db_)));
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
  }
  return util::Ok{};
}

}  // namespace store
