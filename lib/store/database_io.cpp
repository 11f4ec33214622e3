// Writing a run and reading evaluations back.

#include <sqlite3.h>

#include <map>

#include <fmt/format.h>

#include "explore/fields.h"
#include "store/database.h"
#include "store/statement.h"

namespace store {
namespace {

// What went wrong inside the run's transaction: "REASON while DOING"; WriteRun names the file.
util::Error WriteError(sqlite3* db, const std::string& doing) {
  return util::RuntimeError(fmt::format("{} while {}", ErrorText(db), doing));
}

// The candidate's columns, from its field table: `scope`'s field names joined by ", ".
std::string Columns(explore::FieldScope scope) {
  std::string columns;
  for (const explore::Field& f : explore::CandidateFields()) {
    if (f.scope != scope) continue;
    if (!columns.empty()) columns += ", ";
    columns += f.name;
  }
  return columns;
}

// "INSERT INTO table(leading, <scope's fields>) VALUES (?,...)".
std::string InsertSql(const std::string& table, const std::string& leading, int leading_count,
                      explore::FieldScope scope) {
  int count = leading_count;
  for (const explore::Field& f : explore::CandidateFields()) count += f.scope == scope ? 1 : 0;
  std::string marks = "?";
  for (int i = 1; i < count; ++i) marks += ",?";
  return fmt::format("INSERT INTO {}({}, {}) VALUES ({})", table, leading, Columns(scope), marks);
}

// Binds `scope`'s fields of `e` from parameter `first` on.
void BindFields(Statement& s, int first, explore::FieldScope scope, const EvaluationRow& e) {
  int i = first;
  for (const explore::Field& f : explore::CandidateFields()) {
    if (f.scope == scope) s.Bind(i++, f.get(e));
  }
}

// Returns the id of the variant row, inserting it on first sight. Counts of a variant are
// facts of its definition, so an identity seen before keeps its row: an imported model's
// SHA-256 (`sha256`, its names kept in model_names), a built variant's name.
util::Result<int64_t> VariantId(sqlite3* db, const EvaluationRow& e, const std::string* sha256,
                                std::map<std::string, int64_t>& cache) {
  if (auto it = cache.find(e.variant); it != cache.end()) return it->second;
  static const std::string sql =
      InsertSql("variants", "content_sha256, name", 2, explore::FieldScope::kVariant) +
      " ON CONFLICT DO NOTHING";
  Statement insert(db, sql.c_str());
  insert.Bind(1, sha256 ? std::optional<std::string>(*sha256) : std::nullopt);
  insert.Bind(2, e.variant);
  BindFields(insert, 3, explore::FieldScope::kVariant, e);
  if (insert.Step() != SQLITE_DONE) return WriteError(db, "inserting variant " + e.variant);
  Statement select(db, sha256 ? "SELECT id FROM variants WHERE content_sha256 = ?"
                              : "SELECT id FROM variants WHERE name = ? AND content_sha256 IS NULL");
  select.Bind(1, sha256 ? *sha256 : e.variant);
  if (select.Step() != SQLITE_ROW) return util::RuntimeError("variant row vanished: " + e.variant);
  const int64_t id = select.Int(0);
  if (sha256) {
    Statement name(db, "INSERT OR IGNORE INTO model_names(variant_id, name) VALUES (?, ?)");
    name.Bind(1, id);
    name.Bind(2, e.variant);
    if (name.Step() != SQLITE_DONE) return WriteError(db, "naming model " + e.variant);
  }
  return cache[e.variant] = id;
}

int64_t InsertRun(sqlite3* db, const RunInfo& run) {
  Statement s(db, "INSERT INTO runs(started_at, tool_version, git_revision, command_line, "
                  "inputs_hash, boards, spaces, tinyops_config, filter_growth) VALUES (?,?,?,?,?,?,?,?,?)");
  s.BindAll(run.started_at, run.tool_version, run.git_revision, run.command_line, run.inputs_hash,
            run.boards, run.spaces, run.options.tinyops_config, run.options.filter_growth);
  return s.Step() == SQLITE_DONE ? sqlite3_last_insert_rowid(db) : -1;
}

util::Status WriteEvaluations(sqlite3* db, int64_t run_id, const std::vector<EvaluationRow>& rows,
                              const std::map<std::string, std::string>& model_sha256,
                              std::map<std::string, int64_t>& variant_ids) {
  static const std::string sql =
      InsertSql("evaluations", "run_id, variant_id", 2, explore::FieldScope::kEvaluation);
  Statement eval(db, sql.c_str());
  for (const EvaluationRow& e : rows) {
    const auto sha = model_sha256.find(e.variant);
    auto id = VariantId(db, e, sha == model_sha256.end() ? nullptr : &sha->second, variant_ids);
    if (!id) return id.error();
    eval.Reset();
    eval.Bind(1, run_id);
    eval.Bind(2, *id);
    BindFields(eval, 3, explore::FieldScope::kEvaluation, e);
    if (eval.Step() != SQLITE_DONE) {
      return WriteError(db, "inserting an evaluation of " + e.variant);
    }
  }
  return util::Ok{};
}

util::Status WritePareto(sqlite3* db, int64_t run_id, const std::vector<ParetoRow>& rows,
                         const std::map<std::string, int64_t>& variant_ids) {
  Statement front(db, "INSERT INTO pareto(run_id, board, runtime, x_objective, y_objective, "
                      "design_space, variant_id, mode) VALUES (?,?,?,?,?,?,?,?)");
  for (const ParetoRow& p : rows) {
    front.Reset();
    front.BindAll(run_id, p.board, p.runtime, p.x_objective, p.y_objective, p.design_space,
                  variant_ids.at(p.variant), p.mode);
    if (front.Step() != SQLITE_DONE) return WriteError(db, "inserting a Pareto row");
  }
  return util::Ok{};
}

util::Status WriteOpCosts(sqlite3* db, int64_t run_id, const std::vector<OpCostRow>& rows,
                          const std::map<std::string, int64_t>& variant_ids) {
  Statement ops(db, "INSERT INTO op_costs(run_id, variant_id, board, runtime, mode, op_index, "
                    "kind, macs, latency_ms) VALUES (?,?,?,?,?,?,?,?,?)");
  for (const OpCostRow& o : rows) {
    ops.Reset();
    ops.BindAll(run_id, variant_ids.at(o.variant), o.board, o.runtime, o.mode, o.op_index, o.kind, o.macs,
                o.latency_ms);
    if (ops.Step() != SQLITE_DONE) return WriteError(db, "inserting an op cost");
  }
  return util::Ok{};
}

}  // namespace

util::Result<int64_t> Database::WriteRun(RunInfo run, const std::vector<EvaluationRow>& evaluations,
                                         const std::vector<ParetoRow>& pareto,
                                         const std::vector<OpCostRow>& op_costs) {
  if (auto s = Exec("BEGIN IMMEDIATE"); !s) return s.error();
  // Rolls back unless COMMIT succeeds: a failed write (a full disk, a file-size limit) leaves
  // no partial run. SQLite may have rolled back already; a second ROLLBACK is harmless.
  struct Guard {
    sqlite3* db;
    bool done = false;
    ~Guard() { if (!done) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr); }
  } guard{db_};
  const auto failed = [this](const util::Error& error) {
    return util::RuntimeError(fmt::format("{}: cannot write the run: {}; rolled back, earlier "
                                          "runs are untouched", path_, error.message));
  };
  const int64_t run_id = InsertRun(db_, run);
  if (run_id < 0) return failed(WriteError(db_, "inserting the run"));
  std::map<std::string, int64_t> variant_ids;
  util::Status status = WriteEvaluations(db_, run_id, evaluations, run.model_sha256, variant_ids);
  if (status) status = WritePareto(db_, run_id, pareto, variant_ids);
  if (status) status = WriteOpCosts(db_, run_id, op_costs, variant_ids);
  if (!status) return failed(status.error());
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return failed(WriteError(db_, "committing"));
  }
  guard.done = true;
  return run_id;
}

util::Result<std::optional<int64_t>> Database::LatestRun(const std::string& board) {
  Statement s(db_, "SELECT max(run_id) FROM evaluations WHERE board = ?");
  s.Bind(1, board);
  if (s.Step() != SQLITE_ROW) return util::RuntimeError(fmt::format("{}: {}", path_, sqlite3_errmsg(db_)));
  return s.Optional<int64_t>(0);
}

util::Result<std::vector<EvaluationRow>> Database::Evaluations(int64_t run_id, const std::string& board) {
  const std::vector<explore::Field>& fields = explore::CandidateFields();
  std::string columns;
  for (const explore::Field& f : fields) {
    if (!columns.empty()) columns += ", ";
    columns += f.name;
  }
  const std::string sql = fmt::format("SELECT {} FROM evaluation_view WHERE run_id = ? AND board = ? "
                                      "ORDER BY variant, runtime, mode", columns);
  Statement s(db_, sql.c_str());
  s.Bind(1, run_id);
  s.Bind(2, board);
  std::vector<EvaluationRow> rows;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    EvaluationRow e;
    for (size_t i = 0; i < fields.size(); ++i) {
      fields[i].set(e, s.Value(static_cast<int>(i), fields[i].kind));
    }
    rows.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return util::RuntimeError(fmt::format("{}: {}", path_, sqlite3_errmsg(db_)));
  return rows;
}

util::Result<std::vector<RunInfo>> Database::Runs() {
  Statement s(db_, "SELECT id, started_at, tool_version, git_revision, command_line, inputs_hash, "
                   "boards, spaces, tinyops_config, filter_growth FROM runs ORDER BY id");
  std::vector<RunInfo> runs;
  while (s.Step() == SQLITE_ROW) {
    runs.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6), s.Text(7)});
    runs.back().options = {s.IsNull(8) ? std::nullopt : std::optional(s.Text(8)), s.Optional<bool>(9)};
  }
  return runs;
}

}  // namespace store
