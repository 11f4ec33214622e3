#include "store/merge.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sqlite3.h>

#include <filesystem>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "explore/fronts.h"
#include "store/database.h"
#include "store/statement.h"

namespace store {
namespace {

// A raw connection that closes itself.
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close(db); }
};

util::Status Exec(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return util::RuntimeError(fmt::format("merge: {} ({})", sqlite3_errmsg(db), sql.substr(0, 80)));
  }
  return util::Ok{};
}

// The schema version of a dse database, read without changing it.
util::Result<int64_t> VersionOf(const std::string& path) {
  if (!std::filesystem::exists(path)) return util::InputError(fmt::format("{}: no such file", path));
  Connection c;
  if (sqlite3_open_v2(path.c_str(), &c.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    return util::InputError(fmt::format("{}: cannot open: {}", path, sqlite3_errmsg(c.db)));
  }
  Statement app(c.db, "PRAGMA application_id"), version(c.db, "PRAGMA user_version");
  if (!app.ok() || app.Step() != SQLITE_ROW || app.Int(0) != kApplicationId) {
    return util::InputError(fmt::format("{}: not a dse results database", path));
  }
  version.Step();
  return version.Int(0);
}

// Column names of `schema`.`table`.
std::vector<std::string> Columns(sqlite3* db, const std::string& schema, const std::string& table) {
  std::vector<std::string> out;
  Statement s(db, fmt::format("PRAGMA {}.table_info('{}')", schema, table).c_str());
  while (s.ok() && s.Step() == SQLITE_ROW) out.push_back(s.Text(1));
  return out;
}

std::vector<std::string> Tables(sqlite3* db, const std::string& schema) {
  std::vector<std::string> out;
  Statement s(db, fmt::format("SELECT name FROM {}.sqlite_master WHERE type = 'table' AND name NOT "
                              "LIKE 'sqlite_%' ORDER BY name", schema).c_str());
  while (s.ok() && s.Step() == SQLITE_ROW) out.push_back(s.Text(0));
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Copies one attached input ("src") into main, remapping run and variant ids.
util::Status CopyInput(sqlite3* db, std::map<std::string, int64_t>* shard_runs, MergeSummary* summary) {
  const std::vector<std::string> run_columns = Columns(db, "main", "runs");
  std::vector<std::string> copied;  // run columns both have, but the id
  for (const std::string& c : Columns(db, "src", "runs")) {
    if (c != "id" && Has(run_columns, c)) copied.push_back(c);
  }
  if (auto s = Exec(db, "CREATE TEMP TABLE run_map(old INTEGER PRIMARY KEY, new INTEGER)"); !s) return s;
  Statement runs(db, "SELECT id, command_line FROM src.runs ORDER BY id");
  while (runs.ok() && runs.Step() == SQLITE_ROW) {
    ++summary->runs_read;
    const int64_t old_id = runs.Int(0);
    const std::string key = UnshardedCommand(runs.Text(1));
    int64_t new_id = 0;
    if (auto found = shard_runs->find(key); !key.empty() && found != shard_runs->end()) {
      new_id = found->second;
    } else {
      const std::string cols = fmt::format("{}", fmt::join(copied, ", "));
      if (auto s = Exec(db, fmt::format("INSERT INTO main.runs({0}) SELECT {0} FROM src.runs WHERE id = {1}",
                                        cols, old_id)); !s) return s;
      new_id = sqlite3_last_insert_rowid(db);
      ++summary->runs_written;
      // A resumed run names an earlier run of the same input, mapped already (ids ascend).
      if (Has(copied, "resumed_from")) {
        if (auto s = Exec(db, fmt::format("UPDATE main.runs SET resumed_from = (SELECT new FROM run_map "
                                          "WHERE old = resumed_from) WHERE id = {}", new_id)); !s) return s;
      }
      if (!key.empty()) {
        (*shard_runs)[key] = new_id;
        Statement set(db, "UPDATE main.runs SET command_line = ? WHERE id = ?");
        set.BindAll(key, new_id);
        set.Step();
      }
    }
    if (auto s = Exec(db, fmt::format("INSERT INTO run_map VALUES({}, {})", old_id, new_id)); !s) return s;
  }
  const std::vector<std::string> variant_columns = Columns(db, "main", "variants");
  std::vector<std::string> vcols;
  for (const std::string& c : Columns(db, "src", "variants")) {
    if (c != "id" && Has(variant_columns, c)) vcols.push_back(c);
  }
  const std::string vlist = fmt::format("{}", fmt::join(vcols, ", "));
  if (auto s = Exec(db, fmt::format("INSERT OR IGNORE INTO main.variants({0}) SELECT {0} FROM src.variants", vlist) +
                        "; CREATE TEMP TABLE variant_map(old INTEGER PRIMARY KEY, new INTEGER); INSERT INTO "
                        "variant_map SELECT s.id, m.id FROM src.variants s JOIN main.variants m ON m.name = s.name"); !s) return s;
  for (const std::string& table : Tables(db, "src")) {
    if (table == "runs" || table == "variants" || !Has(Tables(db, "main"), table)) continue;
    const std::vector<std::string> mine = Columns(db, "main", table);
    std::vector<std::string> cols, values;
    for (const std::string& c : Columns(db, "src", table)) {
      if (!Has(mine, c)) continue;
      cols.push_back(c);
      values.push_back(c == "run_id"       ? "(SELECT new FROM run_map WHERE old = t.run_id)"
                       : c == "variant_id" ? "(SELECT new FROM variant_map WHERE old = t.variant_id)"
                                           : "t." + c);
    }
    if (auto s = Exec(db, fmt::format("INSERT OR IGNORE INTO main.{}({}) SELECT {} FROM src.{} t", table,
                                      fmt::join(cols, ", "), fmt::join(values, ", "), table)); !s) return s;
  }
  return Exec(db, "DROP TABLE run_map; DROP TABLE variant_map");
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// MergeSummary::differing_options of `runs`.
std::string DifferingOptions(const std::vector<RunInfo>& runs) {
  bool differ = false;
  std::vector<std::pair<std::string, std::vector<int64_t>>> groups;  // options text, its runs
  for (const RunInfo& run : runs) {
    differ = differ || explore::OptionsDiffer(run.options, runs.front().options);
    const std::string text = explore::RunOptionsText(run.options);
    auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == text; });
    if (group == groups.end()) group = groups.insert(groups.end(), {text, {}});
    group->second.push_back(run.id);
  }
  if (!differ) return "";
  std::vector<std::string> parts;
  for (const auto& [text, ids] : groups) {
    parts.push_back(fmt::format("{} {}: {}", ids.size() == 1 ? "run" : "runs", fmt::join(ids, ", "), text));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

// Replaces every run's Pareto rows by the fronts of its evaluations.
util::Status RecomputeFronts(const std::string& path, sqlite3* raw, MergeSummary* summary) {
  auto db = Database::Open(path, false);
  if (!db) return db.error();
  auto runs = (*db)->Runs();
  if (!runs) return runs.error();
  if (auto s = Exec(raw, "BEGIN; DELETE FROM pareto"); !s) return s;
  Statement insert(raw, "INSERT INTO pareto(run_id, board, runtime, x_objective, y_objective, "
                        "design_space, variant_id, mode) VALUES(?, ?, ?, ?, ?, ?, "
                        "(SELECT id FROM variants WHERE name = ?), ?)");
  summary->differing_options = DifferingOptions(*runs);
  for (const RunInfo& run : *runs) {
    for (const std::string& board : Split(run.boards)) {
      auto rows = (*db)->Evaluations(run.id, board);
      if (!rows) return rows.error();
      summary->evaluations += static_cast<int64_t>(rows->size());
      for (const explore::FrontMember& m : explore::AllFronts(*rows)) {
        insert.Reset();
        insert.BindAll(run.id, m.board, m.runtime, m.x_objective, m.y_objective, m.design_space, m.variant,
                       m.mode);
        if (insert.Step() != SQLITE_DONE) return util::RuntimeError(fmt::format("{}: {}", path, sqlite3_errmsg(raw)));
      }
    }
  }
  return Exec(raw, "COMMIT");
}

util::Status MergeInto(const std::vector<std::string>& inputs, const std::string& tmp, MergeSummary* summary) {
  if (auto made = Database::Open(tmp, true); !made) return made.error();
  Connection c;
  if (sqlite3_open(tmp.c_str(), &c.db) != SQLITE_OK) return util::RuntimeError(tmp + ": cannot open");
  std::map<std::string, int64_t> shard_runs;
  for (const std::string& input : inputs) {
    Statement attach(c.db, "ATTACH DATABASE ? AS src");
    attach.Bind(1, input);
    if (attach.Step() != SQLITE_DONE) return util::RuntimeError(fmt::format("{}: {}", input, sqlite3_errmsg(c.db)));
    if (auto s = Exec(c.db, "BEGIN"); !s) return s;
    if (auto s = CopyInput(c.db, &shard_runs, summary); !s) return s;
    if (auto s = Exec(c.db, "COMMIT; DETACH DATABASE src"); !s) return s;
  }
  return RecomputeFronts(tmp, c.db, summary);
}

}  // namespace

std::string MergeText(const MergeSummary& s, const std::string& out) {
  return fmt::format("{} runs read, {} written ({} evaluations) to {}\n", s.runs_read,
                     s.runs_written, s.evaluations, out);
}

std::string MergeNote(const MergeSummary& s) {
  if (s.differing_options.empty()) return "";
  return "note: the runs were made with different options, which change their figures: " +
         s.differing_options;
}

std::string UnshardedCommand(const std::string& command_line) {
  std::istringstream in(command_line);
  std::vector<std::string> kept;
  bool sharded = false;
  for (std::string token; in >> token;) {
    if (token == "--shard" || token == "--db" || token == "--threads") {
      sharded = sharded || token == "--shard";
      in >> token;
      continue;
    }
    if (token == "--json" || token == "-q" || token == "--quiet") continue;  // output only
    if (token.rfind("--shard=", 0) == 0) sharded = true;
    if (token.rfind("--shard=", 0) == 0 || token.rfind("--db=", 0) == 0 || token.rfind("--threads=", 0) == 0) continue;
    kept.push_back(token);
  }
  return sharded ? fmt::format("{}", fmt::join(kept, " ")) : "";
}

util::Result<MergeSummary> Merge(const std::vector<std::string>& inputs, const std::string& out) {
  if (inputs.empty()) return util::InputError("db merge: give at least one input database");
  std::optional<int64_t> first;
  for (const std::string& input : inputs) {
    auto version = VersionOf(input);
    if (!version) return version.error();
    if (first && *version != *first) {
      return util::InputError(fmt::format("{}: schema version {}, but {} has version {}; open both with "
                                          "this dse first to bring them to version {}",
                                          input, *version, inputs[0], *first, kSchemaVersion));
    }
    if (*version != kSchemaVersion) {
      return util::InputError(fmt::format("{}: schema version {}, this dse writes version {}; open it "
                                          "with this dse first", input, *version, kSchemaVersion));
    }
    first = *version;
  }
  const std::string tmp = out + ".merging";
  std::filesystem::remove(tmp);
  MergeSummary summary;
  const util::Status merged = MergeInto(inputs, tmp, &summary);
  std::error_code ec;
  if (!merged) {
    std::filesystem::remove(tmp, ec);
    return merged.error();
  }
  for (const char* side : {"-wal", "-shm"}) std::filesystem::remove(out + side, ec);
  std::filesystem::rename(tmp, out, ec);
  if (ec) return util::RuntimeError(fmt::format("{}: cannot write: {}", out, ec.message()));
  return summary;
}

}  // namespace store
