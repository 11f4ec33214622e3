#pragma once
// store — the results database (SQLite).
//
// One file holds many runs. Every run row records the tool version, git revision, command line
// and a hash of its inputs; its evaluations, per-op costs and Pareto memberships reference it.
// All writes of a run happen in one transaction, so a run is either wholly there or absent
// (SIGINT, SIGKILL, a full disk). The file is stamped with application_id and user_version:
// a file that is not ours, or newer than this build, is refused, never modified; an older one
// is migrated forward on open, in one transaction, keeping every row. WAL mode lets
// readers work while a sweep writes; a busy timeout lets two sweeps into one file both land.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "explore/candidate.h"
#include "explore/fronts.h"
#include "util/result.h"

struct sqlite3;

namespace store {

inline constexpr int32_t kApplicationId = 0x44534531;  // "DSE1"
inline constexpr int kSchemaVersion = 2;

struct RunInfo {
  int64_t id = 0;  // set by WriteRun
  std::string started_at;  // ISO 8601 UTC
  std::string tool_version;
  std::string git_revision;
  std::string command_line;
  std::string inputs_hash;  // hash of every input file the run read
  std::string boards;       // comma-separated
  std::string spaces;       // comma-separated
};

// One (variant, board, runtime, mode) design point, as the sweep produced it. Its columns are
// explore::CandidateFields() (explore/fields.h).
using EvaluationRow = explore::Candidate;

// Pareto membership of one evaluation, per board, objective pair and design space.
using ParetoRow = explore::FrontMember;

// Predicted cost of one op of one evaluation.
using OpCostRow = explore::OpCost;

class Database {
 public:
  /// Opens (creating when absent and `create`) and checks the stamp. Refuses a file that is not
  /// a dse database or has a newer schema, naming both versions, and leaves it untouched. A
  /// version-1 file is migrated to version 2 (every row kept, runtime 'tflm-cmsis-nn') when it
  /// is writable; a read-only one is refused with a message naming both versions.
  static util::Result<std::unique_ptr<Database>> Open(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Writes a run and everything it produced in one transaction; returns the run id.
  util::Result<int64_t> WriteRun(RunInfo run, const std::vector<EvaluationRow>& evaluations,
                                 const std::vector<ParetoRow>& pareto,
                                 const std::vector<OpCostRow>& op_costs);

  // The newest run that evaluated `board`, or nullopt.
  util::Result<std::optional<int64_t>> LatestRun(const std::string& board);
  /// Every evaluation of `board` in the run, every runtime, ordered by variant, runtime, mode.
  util::Result<std::vector<EvaluationRow>> Evaluations(int64_t run_id, const std::string& board);
  util::Result<std::vector<RunInfo>> Runs();

  const std::string& path() const { return path_; }
  /// The schema version the file had before Open() migrated it; nullopt when it was current
  /// (or new). For the app's note "migrated from schema version 1 to 2".
  std::optional<int> migrated_from() const { return migrated_from_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  util::Status Exec(const std::string& sql);
  util::Status CheckStamp(bool fresh);
  util::Status MigrateFrom1();
  /// Adds every column of explore::CandidateFields() an existing file's variants or
  /// evaluations table lacks (ALTER TABLE ... ADD COLUMN) and rebuilds evaluation_view, in one
  /// transaction; no schema version change (columns.cpp). A read-only file that lacks columns
  /// is refused.
  util::Status AddMissingColumns();

  sqlite3* db_;
  std::string path_;
  std::optional<int> migrated_from_;
};

}  // namespace store
