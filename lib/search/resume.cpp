#include "search/resume.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "store/database.h"

namespace search {

util::Result<std::vector<std::string>> ResumeDesigns(const std::string& db_path, int64_t run_id) {
  if (!std::filesystem::exists(db_path)) {
    return util::InputError(fmt::format("--resume {}: no database '{}'", run_id, db_path));
  }
  auto db = store::Database::Open(db_path, false);
  if (!db) return db.error();
  auto runs = (*db)->Runs();
  if (!runs) return runs.error();
  std::string ids;
  for (const store::RunInfo& run : *runs) {
    ids += (ids.empty() ? "" : ", ") + std::to_string(run.id);
    if (run.id != run_id) continue;
    std::vector<std::string> designs;
    std::set<std::string> seen;
    size_t start = 0;
    while (start <= run.boards.size()) {
      const size_t comma = std::min(run.boards.find(',', start), run.boards.size());
      auto rows = (*db)->Evaluations(run_id, run.boards.substr(start, comma - start));
      if (!rows) return rows.error();
      for (const explore::Candidate& c : *rows) {
        if (seen.insert(c.variant).second) designs.push_back(c.variant);
      }
      start = comma + 1;
    }
    return designs;
  }
  return util::InputError(fmt::format("--resume {}: '{}' has no run {} (runs: {})", run_id, db_path, run_id,
                                      ids.empty() ? "none" : ids));
}

}  // namespace search
