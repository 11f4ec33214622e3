// Writing a run and reading evaluations back.

#include <sqlite3.h>

#include <map>

#include <fmt/format.h>

#include "store/database.h"
#include "store/statement.h"

namespace store {
namespace {

// What went wrong inside the run's transaction: "REASON while DOING"; WriteRun names the file.
util::Error WriteError(sqlite3* db, const std::string& doing) {
  return util::RuntimeError(fmt::format("{} while {}", ErrorText(db), doing));
}

// Returns the id of the variant row, inserting it on first sight. Counts of a variant are
// facts of its definition, so a name seen before keeps its row.
util::Result<int64_t> VariantId(sqlite3* db, const EvaluationRow& e,
                                std::map<std::string, int64_t>& cache) {
  if (auto it = cache.find(e.variant); it != cache.end()) return it->second;
  Statement insert(db,
                   "INSERT INTO variants(name, space, width, resolution, macs, params, "
                   "weight_bytes, flash_bytes, peak_activation_bytes) VALUES (?,?,?,?,?,?,?,?,?) "
                   "ON CONFLICT(name) DO NOTHING");
  insert.Bind(1, e.variant);
  insert.Bind(2, e.space);
  insert.Bind(3, e.width);
  insert.Bind(4, e.resolution);
  insert.Bind(5, e.macs);
  insert.Bind(6, e.params);
  insert.Bind(7, e.weight_bytes);
  insert.Bind(8, e.flash_bytes);
  insert.Bind(9, e.peak_activation_bytes);
  if (insert.Step() != SQLITE_DONE) return WriteError(db, "inserting variant " + e.variant);
  Statement select(db, "SELECT id FROM variants WHERE name = ?");
  select.Bind(1, e.variant);
  if (select.Step() != SQLITE_ROW) return util::RuntimeError("variant row vanished: " + e.variant);
  return cache[e.variant] = select.Int(0);
}

int64_t InsertRun(sqlite3* db, const RunInfo& run) {
  Statement s(db, "INSERT INTO runs(started_at, tool_version, git_revision, command_line, "
                  "inputs_hash, boards, spaces) VALUES (?,?,?,?,?,?,?)");
  s.Bind(1, run.started_at);
  s.Bind(2, run.tool_version);
  s.Bind(3, run.git_revision);
  s.Bind(4, run.command_line);
  s.Bind(5, run.inputs_hash);
  s.Bind(6, run.boards);
  s.Bind(7, run.spaces);
  return s.Step() == SQLITE_DONE ? sqlite3_last_insert_rowid(db) : -1;
}

bool InsertEvaluation(Statement& s, int64_t run_id, int64_t variant_id, const EvaluationRow& e) {
  s.Reset();
  s.Bind(1, run_id);
  s.Bind(2, variant_id);
  s.Bind(3, e.board);
  s.Bind(4, e.mode);
  s.Bind(5, e.budget_bytes);
  s.Bind(6, e.feasible ? 1 : 0);
  s.Bind(7, e.fail_reason);
  s.Bind(8, e.sram_bytes);
  s.Bind(9, e.internal_flash_bytes);
  s.Bind(10, e.external_bytes);
  s.Bind(11, e.latency_ms);
  s.Bind(12, e.latency_provenance);
  s.Bind(13, e.energy_mj);
  s.Bind(14, e.top1);
  s.Bind(15, e.top1_provenance);
  s.Bind(16, e.partition_factor);
  return s.Step() == SQLITE_DONE;
}

util::Status WriteEvaluations(sqlite3* db, int64_t run_id, const std::vector<EvaluationRow>& rows,
                              std::map<std::string, int64_t>& variant_ids) {
  Statement eval(db, "INSERT INTO evaluations VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const EvaluationRow& e : rows) {
    auto id = VariantId(db, e, variant_ids);
    if (!id) return id.error();
    if (!InsertEvaluation(eval, run_id, *id, e)) {
      return WriteError(db, "inserting an evaluation of " + e.variant);
    }
  }
  return util::Ok{};
}

util::Status WritePareto(sqlite3* db, int64_t run_id, const std::vector<ParetoRow>& rows,
                         const std::map<std::string, int64_t>& variant_ids) {
  Statement front(db, "INSERT INTO pareto VALUES (?,?,?,?,?,?,?)");
  for (const ParetoRow& p : rows) {
    front.Reset();
    front.Bind(1, run_id);
    front.Bind(2, p.board);
    front.Bind(3, p.x_objective);
    front.Bind(4, p.y_objective);
    front.Bind(5, p.design_space);
    front.Bind(6, variant_ids.at(p.variant));
    front.Bind(7, p.mode);
    if (front.Step() != SQLITE_DONE) return WriteError(db, "inserting a Pareto row");
  }
  return util::Ok{};
}

util::Status WriteOpCosts(sqlite3* db, int64_t run_id, const std::vector<OpCostRow>& rows,
                          const std::map<std::string, int64_t>& variant_ids) {
  Statement ops(db, "INSERT INTO op_costs VALUES (?,?,?,?,?,?,?,?)");
  for (const OpCostRow& o : rows) {
    ops.Reset();
    ops.Bind(1, run_id);
    ops.Bind(2, variant_ids.at(o.variant));
    ops.Bind(3, o.board);
    ops.Bind(4, o.mode);
    ops.Bind(5, o.op_index);
    ops.Bind(6, o.kind);
    ops.Bind(7, o.macs);
    ops.Bind(8, o.latency_ms);
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
  util::Status status = WriteEvaluations(db_, run_id, evaluations, variant_ids);
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
  Statement s(db_,
              "SELECT variant, space, width, resolution, macs, params, flash_bytes, "
              "peak_activation_bytes, board, mode, budget_bytes, feasible, fail_reason, sram_bytes, "
              "internal_flash_bytes, external_bytes, latency_ms, latency_provenance, energy_mj, "
              "top1, top1_provenance, partition_factor FROM evaluation_view "
              "WHERE run_id = ? AND board = ? ORDER BY variant, mode");
  s.Bind(1, run_id);
  s.Bind(2, board);
  std::vector<EvaluationRow> rows;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    EvaluationRow e;
    e.variant = s.Text(0);
    e.space = s.Text(1);
    e.width = s.Real(2);
    e.resolution = static_cast<int>(s.Int(3));
    e.macs = s.Int(4);
    e.params = s.Int(5);
    e.flash_bytes = s.Int(6);
    e.peak_activation_bytes = s.Int(7);
    e.board = s.Text(8);
    e.mode = s.Text(9);
    e.budget_bytes = s.Optional<int64_t>(10);
    e.feasible = s.Int(11) != 0;
    e.fail_reason = s.Text(12);
    e.sram_bytes = s.Int(13);
    e.internal_flash_bytes = s.Int(14);
    e.external_bytes = s.Int(15);
    e.latency_ms = s.Optional<double>(16);
    e.latency_provenance = s.Text(17);
    e.energy_mj = s.Optional<double>(18);
    e.top1 = s.Optional<double>(19);
    e.top1_provenance = s.Text(20);
    e.partition_factor = s.Optional<int>(21);
    rows.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return util::RuntimeError(fmt::format("{}: {}", path_, sqlite3_errmsg(db_)));
  return rows;
}

util::Result<std::vector<RunInfo>> Database::Runs() {
  Statement s(db_, "SELECT id, started_at, tool_version, git_revision, command_line, inputs_hash, "
                   "boards, spaces FROM runs ORDER BY id");
  std::vector<RunInfo> runs;
  while (s.Step() == SQLITE_ROW) {
    runs.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6), s.Text(7)});
  }
  return runs;
}

}  // namespace store
