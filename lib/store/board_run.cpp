// The newest run of a board with what a report of it needs (store::LatestBoardRun).

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/database.h"
#include "store/statement.h"
#include "util/spellcheck.h"

namespace store {
namespace {

// Why `board` has no run in `db`, for a user who gave a typo or a profile file: the nearest
// board the database holds (a profile FILE.toml compared by its stem), the boards it holds and
// what --board takes, then the sweep that would add it.
std::string NoRunText(Database& db, const std::string& path, const std::string& board) {
  std::vector<std::string> boards;
  if (auto runs = db.Runs()) {
    for (const RunInfo& r : *runs) {
      for (size_t start = 0; start <= r.boards.size();) {
        const size_t end = std::min(r.boards.find(',', start), r.boards.size());
        const std::string b = r.boards.substr(start, end - start);
        if (!b.empty() && std::find(boards.begin(), boards.end(), b) == boards.end()) boards.push_back(b);
        start = end + 1;
      }
    }
  }
  const std::string held = boards.empty() ? "" : fmt::format(
      "; it holds {} (--board takes a board's name as the sweep stored it: a profile's 'name')",
      fmt::join(boards, ", "));
  return fmt::format("{}: no run evaluated board '{}'{}{}; run 'dse sweep --board {}'", path, board,
                     util::DidYouMean(std::filesystem::path(board).stem().string(), boards), held,
                     board);
}

}  // namespace

util::Result<std::map<std::string, std::string>> Database::RunModels(int64_t run_id) {
  Statement s(db_, "SELECT DISTINCT v.name, v.content_sha256 FROM evaluations e JOIN variants v "
                   "ON v.id = e.variant_id WHERE e.run_id = ? AND v.content_sha256 IS NOT NULL");
  s.Bind(1, run_id);
  std::map<std::string, std::string> sha_of_model;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) sha_of_model[s.Text(0)] = s.Text(1);
  if (rc != SQLITE_DONE) return util::RuntimeError(fmt::format("{}: {}", path_, ErrorText(db_)));
  return sha_of_model;
}

util::Result<BoardRun> LatestBoardRun(const std::string& path, const std::string& board) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return util::InputError(
        fmt::format("{}: no such database; run 'dse sweep --board {}' first", path, board));
  }
  auto db = Database::Open(path, false);
  if (!db) return db.error();
  auto latest = (*db)->LatestRun(board);
  if (!latest) return latest.error();
  if (!*latest) {
    return util::InputError(NoRunText(**db, path, board));
  }
  BoardRun out;
  auto runs = (*db)->Runs();
  if (!runs) return runs.error();
  for (const RunInfo& r : *runs) {
    if (r.id == **latest) out.run = r;
  }
  auto rows = (*db)->Evaluations(**latest, board);
  if (!rows) return rows.error();
  out.rows = std::move(rows).value();
  auto models = (*db)->RunModels(**latest);
  if (!models) return models.error();
  out.run.model_sha256 = *models;
  auto measured = MeasuredFor(path, *models);
  if (!measured) return measured.error();
  out.measured = std::move(measured).value();
  return out;
}

}  // namespace store
