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
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "explore/candidate.h"
#include "accuracy/measured.h"
#include "explore/fronts.h"
#include "explore/provenance.h"
#include "util/result.h"

struct sqlite3;

namespace store {

inline constexpr int32_t kApplicationId = 0x44534531;  // "DSE1"
inline constexpr int kSchemaVersion = 3;
/// The database commands use when --db is not given.
inline constexpr const char* kDefaultPath = "results/dse.sqlite";

struct RunInfo {
  int64_t id = 0;  // set by WriteRun
  std::string started_at;  // ISO 8601 UTC
  std::string tool_version;
  std::string git_revision;
  std::string command_line;
  std::string inputs_hash;  // hash of every input file the run read
  std::string boards;       // comma-separated
  std::string spaces;       // comma-separated
  /// Imported models of the run: model (file) name -> SHA-256 of its file
  /// (explore::ModelIdentities). Their variants rows are keyed by the SHA-256, so a different
  /// file of the same name gets its own row and the same file under another name shares one.
  std::map<std::string, std::string> model_sha256;
  /// runs.tinyops_config and runs.filter_growth: the options that changed the run's figures
  /// (columns added on open, columns.cpp; NULL, so unset, in a run written before them).
  explore::RunOptions options;
};

/// What an accuracy import did: rows written (new or replaced), of them replaced, and rows
/// already stored with the same value and source (left as they were).
struct ImportCount {
  size_t written = 0;
  size_t replaced = 0;
  size_t unchanged = 0;
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
  /// is writable; a read-only one is refused with a message naming both versions. Versions 1
  /// and 2 migrate to 3 the same way (variants keep their ids and names, content_sha256 NULL).
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

  /// Imported models of this database: SHA-256 -> every name it was swept under, sorted.
  util::Result<std::map<std::string, std::vector<std::string>>> ImportedModels();

  /// The imported models the run evaluated: name (as in its evaluations) -> SHA-256.
  util::Result<std::map<std::string, std::string>> RunModels(int64_t run_id);

  /// Every measured accuracy, `variant` being the model's identity (a built variant's
  /// canonical name, an imported model's SHA-256).
  util::Result<std::vector<accuracy::Measurement>> MeasuredAccuracies();

  /// Stores measured accuracies read from `file` (accuracy::ParseMeasurements), in one
  /// transaction, stamped `imported_at`. An imported model's name or SHA-256 must name one
  /// model of this database. Input errors, every one as "file:line: ...", nothing written: a
  /// model not in the database (with the nearest name), a name of two different models, two
  /// rows of one model (two names of the same file) for one precision, task and dataset, and
  /// a different value for a stored key without `replace`. The same value again is left as
  /// it was (counted unchanged).
  util::Result<ImportCount> ImportAccuracies(const std::string& file,
                                             const std::vector<accuracy::Measurement>& rows,
                                             const std::string& imported_at, bool replace);

  const std::string& path() const { return path_; }
  /// The schema version the file had before Open() migrated it; nullopt when it was current
  /// (or new). For the app's note "migrated from schema version 1 to 2".
  std::optional<int> migrated_from() const { return migrated_from_; }

  /// Records in runs.resumed_from that run `run_id` resumed run `resumed_from` (dse search
  /// --resume); the column is added on open (columns.cpp), NULL for every other run.
  util::Status SetResumedFrom(int64_t run_id, int64_t resumed_from);

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  util::Status Exec(const std::string& sql);
  util::Status CheckStamp(bool fresh);
  util::Status MigrateFrom(int from);  // migration.cpp
  // The identity an import row's model is stored under; an input error naming the row.
  util::Result<std::string> ResolveModel(const std::string& file, const accuracy::Measurement& m);
  /// Adds every column of explore::CandidateFields() an existing file's variants or
  /// evaluations table lacks (ALTER TABLE ... ADD COLUMN) and rebuilds evaluation_view, and the
  /// runs columns added since version 3 (resumed_from, tinyops_config, filter_growth; NULL in
  /// the runs there), in one transaction; no schema version change (columns.cpp). A read-only
  /// file that lacks columns is refused.
  util::Status AddMissingColumns();
  /// The ALTER TABLE statements adding the field columns the file lacks, then the rebuilt
  /// evaluation_view; empty when none is missing. Reads the schema; writes nothing.
  std::string MissingColumnsSql();

  sqlite3* db_;
  std::string path_;
  std::optional<int> migrated_from_;
};

/// Imports `rows` of `file` into the database at `db_path` (Database::ImportAccuracies),
/// creating it when absent; a database this call created is removed again when the import
/// fails, so a failed import writes nothing.
util::Result<ImportCount> ImportAccuracyFile(const std::string& db_path, const std::string& file,
                                             const std::vector<accuracy::Measurement>& rows,
                                             bool replace, const std::string& imported_at);

/// "imported 2 measured accuracies from FILE into DB (1 replaced); 1 already there, unchanged".
std::string ImportText(const ImportCount& count, const std::string& file,
                       const std::string& db_path);

/// The newest run of a board and what a report of it reads: the run's row (with its imported
/// models), its evaluations of the board (Database::Evaluations) and the measured accuracies
/// of its models stored in the file now (MeasuredFor; imported after the run too).
struct BoardRun {
  RunInfo run;
  std::vector<EvaluationRow> rows;
  std::vector<accuracy::Measurement> measured;
};

/// LatestBoardRun of the database at `path`, opened read-only. Input errors: no such file
/// ("DB: no such database; run 'dse sweep --board B' first"), no run of `board`.
util::Result<BoardRun> LatestBoardRun(const std::string& path, const std::string& board);

/// The measured accuracies a command evaluating built variants and the imported models
/// `sha_of_model` (model name -> SHA-256) uses, from the database at `path` (none when the
/// file does not exist): built variants' rows as stored, imported models' rows renamed to the
/// model's name in this command, other imported models' rows left out.
util::Result<std::vector<accuracy::Measurement>> MeasuredFor(
    const std::string& path, const std::map<std::string, std::string>& sha_of_model);

}  // namespace store
