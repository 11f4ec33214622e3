// Measured accuracies and imported models' identities in the results database (schema 3).

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "accuracy/measured.h"
#include "store/database.h"
#include "store/statement.h"
#include "util/spellcheck.h"

namespace store {
namespace {

// The key a measured accuracy is stored under.
struct Key {
  std::string model, precision, task, dataset;
  auto operator<=>(const Key&) const = default;
};

Key KeyOf(const accuracy::Measurement& m, const std::string& model) {
  return {model, std::string(accuracy::PrecisionName(m.precision)), m.task, m.dataset};
}

std::string Short(const std::string& sha) { return sha.substr(0, 12); }

// False when `path` certainly holds no measured accuracies yet: an empty file, or one whose
// schema a concurrent dse is still creating (a sweep writing a new file, or a new file left
// empty by a failed create). Such a file is for the writer to initialise, not an error.
// Anything else (true) goes through Database::Open, which refuses or migrates it.
bool MayHoldMeasurements(const std::string& path) {
  sqlite3* db = nullptr;
  bool may = true;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 60000);
    Statement count(db, "SELECT count(*) FROM sqlite_master");
    if (count.ok() && count.Step() == SQLITE_ROW) may = count.Int(0) > 0;
  }
  sqlite3_close(db);
  return may;
}

}  // namespace

util::Result<std::map<std::string, std::vector<std::string>>> Database::ImportedModels() {
  Statement s(db_, "SELECT v.content_sha256, n.name FROM variants v JOIN model_names n ON "
                   "n.variant_id = v.id WHERE v.content_sha256 IS NOT NULL ORDER BY 1, 2");
  std::map<std::string, std::vector<std::string>> names_of_sha;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) names_of_sha[s.Text(0)].push_back(s.Text(1));
  if (rc != SQLITE_DONE) return util::RuntimeError(fmt::format("{}: {}", path_, ErrorText(db_)));
  return names_of_sha;
}

util::Result<std::vector<accuracy::Measurement>> Database::MeasuredAccuracies() {
  Statement s(db_, "SELECT model, top1, precision, source, task, dataset, imported_at "
                   "FROM measured_accuracy ORDER BY model, precision, task, dataset");
  std::vector<accuracy::Measurement> rows;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    accuracy::Measurement m;
    m.variant = s.Text(0);
    m.top1_pct = s.Optional<double>(1).value_or(0);
    m.precision = accuracy::ParsePrecision(s.Text(2)).value_or(accuracy::Precision::kInt8);
    m.source = s.Text(3);
    m.task = s.Text(4);
    m.dataset = s.Text(5);
    m.imported_at = s.Text(6);
    rows.push_back(std::move(m));
  }
  if (rc != SQLITE_DONE) return util::RuntimeError(fmt::format("{}: {}", path_, ErrorText(db_)));
  return rows;
}

util::Result<std::string> Database::ResolveModel(const std::string& file,
                                                 const accuracy::Measurement& m) {
  const std::string where = fmt::format("{}:{}", file, m.line);
  auto models = ImportedModels();
  if (!models) return models.error();
  if (!accuracy::IsImportedModelName(m.variant)) {
    if (m.variant.size() != 64 || m.variant.find('.') != std::string::npos) return m.variant;
    if (models->count(m.variant)) return m.variant;  // a SHA-256 of a model of this database
    return util::InputError(fmt::format("{}: no imported model with SHA-256 {} in {}", where,
                                        m.variant, path_));
  }
  std::vector<std::string> shas, names;
  for (const auto& [sha, labels] : *models) {
    for (const std::string& label : labels) {
      names.push_back(label);
      if (label == m.variant) shas.push_back(sha);
    }
  }
  if (shas.size() == 1) return shas[0];
  if (shas.empty()) {
    return util::InputError(fmt::format(
        "{}: no model '{}' in {}{} (sweep it into this database first: dse sweep --model FILE "
        "--db {})", where, m.variant, path_,
        names.empty() ? " (it holds no imported models)" : util::DidYouMean(m.variant, names),
        path_));
  }
  std::string list;
  for (const std::string& sha : shas) list += (list.empty() ? "" : ", ") + sha;
  return util::InputError(fmt::format("{}: '{}' names {} different models in {} (SHA-256 {}); "
                                      "give the SHA-256 of the one you measured",
                                      where, m.variant, shas.size(), path_, list));
}

util::Result<ImportCount> Database::ImportAccuracies(const std::string& file,
                                                     const std::vector<accuracy::Measurement>& rows,
                                                     const std::string& imported_at, bool replace) {
  if (auto s = Exec("BEGIN IMMEDIATE"); !s) return s.error();
  // Rolls back unless COMMIT succeeds: an import is wholly there or absent.
  struct Guard {
    sqlite3* db;
    bool done = false;
    ~Guard() { if (!done) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr); }
  } guard{db_};
  std::vector<std::string> problems;
  std::map<Key, const accuracy::Measurement*> seen;
  std::vector<std::pair<Key, const accuracy::Measurement*>> writes;
  ImportCount count;
  for (const accuracy::Measurement& m : rows) {
    auto model = ResolveModel(file, m);
    if (!model) {
      if (model.error().kind != util::Error::Kind::kInput) return model.error();
      problems.push_back(model.error().message);
      continue;
    }
    const Key key = KeyOf(m, *model);
    if (const auto [it, added] = seen.emplace(key, &m); !added) {
      problems.push_back(fmt::format(
          "{}:{}: '{}' is the model of line {} ('{}'{}): one {} {}/{} top-1 per model", file,
          m.line, m.variant, it->second->line, it->second->variant,
          *model == m.variant ? "" : ", SHA-256 " + Short(*model), key.precision, key.task,
          key.dataset));
      continue;
    }
    Statement old(db_, "SELECT top1, source, file, imported_at FROM measured_accuracy WHERE "
                       "model = ? AND precision = ? AND task = ? AND dataset = ?");
    old.BindAll(key.model, key.precision, key.task, key.dataset);
    if (old.Step() == SQLITE_ROW) {
      if (old.Optional<double>(0) == m.top1_pct && old.Text(1) == m.source) {
        ++count.unchanged;
        continue;
      }
      if (!replace) {
        problems.push_back(fmt::format(
            "{}:{}: '{}' already has a measured {} {}/{} top-1 of {:g}% in {} (from {}, "
            "imported {}); give --replace to overwrite it", file, m.line, m.variant,
            key.precision, key.task, key.dataset, old.Optional<double>(0).value_or(0), path_,
            old.Text(2), old.Text(3)));
        continue;
      }
      ++count.replaced;
    }
    writes.emplace_back(key, &m);
  }
  if (!problems.empty()) {
    std::string text;
    for (const std::string& p : problems) text += (text.empty() ? "" : "\n") + p;
    return util::InputError(text + "\nnothing imported");
  }
  Statement put(db_, "INSERT OR REPLACE INTO measured_accuracy (model, label, precision, task, "
                     "dataset, top1, source, file, imported_at) VALUES (?,?,?,?,?,?,?,?,?)");
  for (const auto& [key, m] : writes) {
    put.Reset();
    put.BindAll(key.model, m->variant, key.precision, key.task, key.dataset, m->top1_pct, m->source, file,
                imported_at);
    if (put.Step() != SQLITE_DONE) {
      return util::RuntimeError(fmt::format("{}: cannot store the accuracies: {}; rolled back",
                                            path_, ErrorText(db_)));
    }
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return util::RuntimeError(fmt::format("{}: cannot commit the accuracies: {}; rolled back",
                                          path_, ErrorText(db_)));
  }
  guard.done = true;
  count.written = writes.size();
  return count;
}

util::Result<std::vector<accuracy::Measurement>> MeasuredFor(
    const std::string& path, const std::map<std::string, std::string>& sha_of_model) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) || !MayHoldMeasurements(path)) {
    return std::vector<accuracy::Measurement>{};
  }
  auto db = Database::Open(path, false);
  if (!db) return db.error();
  auto rows = (*db)->MeasuredAccuracies();
  if (!rows) return rows.error();
  std::map<std::string, std::string> model_of_sha;
  for (const auto& [name, sha] : sha_of_model) model_of_sha[sha] = name;
  std::vector<accuracy::Measurement> out;
  for (accuracy::Measurement& m : rows.value()) {
    const bool imported = m.variant.size() == 64 && m.variant.find('-') == std::string::npos;
    if (imported) {
      const auto it = model_of_sha.find(m.variant);
      if (it == model_of_sha.end()) continue;  // a model this command does not evaluate
      m.variant = it->second;
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace store

namespace store {

util::Result<ImportCount> ImportAccuracyFile(const std::string& db_path, const std::string& file,
                                             const std::vector<accuracy::Measurement>& rows,
                                             bool replace, const std::string& imported_at) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool existed = fs::exists(db_path, ec);
  if (!existed && fs::path(db_path).has_parent_path()) {
    fs::create_directories(fs::path(db_path).parent_path(), ec);
  }
  util::Result<ImportCount> count = util::RuntimeError("not run");
  {
    auto db = Database::Open(db_path, true);
    if (!db) return db.error();
    count = (*db)->ImportAccuracies(file, rows, imported_at, replace);
  }
  // A database this import created and could not fill is removed: nothing written.
  if (!count && !existed) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix, ec);
  }
  return count;
}

std::string ImportText(const ImportCount& count, const std::string& file,
                       const std::string& db_path) {
  std::string text = fmt::format("imported {} measured accurac{} from {} into {}", count.written,
                                 count.written == 1 ? "y" : "ies", file, db_path);
  if (count.replaced > 0) text += fmt::format(" ({} replaced)", count.replaced);
  if (count.unchanged > 0) text += fmt::format("; {} already there, unchanged", count.unchanged);
  return text;
}

}  // namespace store
