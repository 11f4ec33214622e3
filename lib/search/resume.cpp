#include "search/resume.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "store/database.h"

namespace search {

namespace {

// The run `run_id` of `db`; an input error naming the runs it holds.
util::Result<store::RunInfo> FindRun(store::Database& db, const std::string& db_path, int64_t run_id) {
  auto runs = db.Runs();
  if (!runs) return runs.error();
  std::string ids;
  for (const store::RunInfo& run : *runs) {
    if (run.id == run_id) return run;
    ids += (ids.empty() ? "" : ", ") + std::to_string(run.id);
  }
  return util::InputError(fmt::format("--resume {}: '{}' has no run {} (runs: {})", run_id, db_path, run_id,
                                      ids.empty() ? "none" : ids));
}

// ResumeDesigns, and the run's row in `run_out`.
util::Result<std::vector<std::string>> DesignsOf(const std::string& db_path, int64_t run_id,
                                                 store::RunInfo* run_out) {
  if (!std::filesystem::exists(db_path)) {
    return util::InputError(fmt::format("--resume {}: no database '{}'", run_id, db_path));
  }
  auto db = store::Database::Open(db_path, false);
  if (!db) return db.error();
  auto run = FindRun(**db, db_path, run_id);
  if (!run) return run.error();
  std::vector<std::string> designs;
  std::set<std::string> seen;
  for (size_t start = 0; start <= run->boards.size();) {
    const size_t comma = std::min(run->boards.find(',', start), run->boards.size());
    auto rows = (*db)->Evaluations(run_id, run->boards.substr(start, comma - start));
    if (!rows) return rows.error();
    for (const explore::Candidate& c : *rows) {
      if (seen.insert(c.variant).second) designs.push_back(c.variant);
    }
    start = comma + 1;
  }
  *run_out = *run;
  return designs;
}

}  // namespace

util::Result<std::vector<std::string>> ResumeDesigns(const std::string& db_path, int64_t run_id) {
  store::RunInfo run;
  return DesignsOf(db_path, run_id, &run);
}

util::Result<std::string> Resume(const std::string& db_path, int64_t run_id,
                                 const explore::RunOptions& now, Request* request) {
  store::RunInfo run;
  auto designs = DesignsOf(db_path, run_id, &run);
  if (!designs) return designs.error();
  request->resume = std::move(designs).value();
  request->resumed_from = run_id;
  if (!explore::OptionsDiffer(run.options, now)) return std::string();
  return fmt::format("note: run {} was made with {}; this search runs with {}: its designs are "
                     "re-evaluated with this search's options, so their figures may differ from "
                     "run {}'s", run_id, explore::RunOptionsText(run.options),
                     explore::RunOptionsText(now), run_id);
}

}  // namespace search
