#include "power/power.h"

#include <fmt/format.h>

#include <algorithm>

#include "util/csv.h"
#include "util/file.h"
#include "util/spellcheck.h"

namespace power {
namespace {

const std::vector<std::string> kRequired = {"board", "runtime", "mode", "design", "power_mw"};
const std::vector<std::string> kOptional = {"source"};

// Checks one row's cells; returns false (with the problems in `errors`) when it is unusable.
bool ReadRow(const util::CsvTable& csv, const util::CsvRow& r,
             const std::vector<std::string>& modes, util::CsvErrors* errors, Row* row) {
  *row = {csv.Cell(r, "board"), csv.Cell(r, "runtime"), csv.Cell(r, "mode"),
          csv.Cell(r, "design"), 0, csv.Cell(r, "source"), r.line};
  bool ok = true;
  for (const char* key : {"board", "runtime"}) {
    if (csv.Cell(r, key).empty()) {
      errors->Add(r.line, fmt::format("empty {}", key));
      ok = false;
    }
  }
  if (std::find(modes.begin(), modes.end(), row->mode) == modes.end()) {
    errors->Add(r.line, fmt::format("unknown mode '{}'{}; the modes are: {}", row->mode,
                                    util::DidYouMean(row->mode, modes), fmt::join(modes, ", ")));
    ok = false;
  }
  const std::string& text = csv.Cell(r, "power_mw");
  if (!util::ParseCsvNumber(text, &row->power_mw) || row->power_mw <= 0) {
    errors->Add(r.line, fmt::format("power_mw must be a positive number of mW, found '{}'", text));
    ok = false;
  }
  return ok;
}

bool SameKey(const Row& a, const Row& b) {
  return a.board == b.board && a.runtime == b.runtime && a.mode == b.mode && a.design == b.design;
}

}  // namespace

util::Result<Table> ParseTable(const std::string& file, std::string_view text,
                               const std::vector<std::string>& modes) {
  auto csv = util::ParseCsv(file, text, kRequired, kOptional);
  if (!csv) return csv.error();
  Table table{file, {}};
  util::CsvErrors errors(file);
  for (const util::CsvRow& r : csv->rows) {
    Row row;
    if (!ReadRow(*csv, r, modes, &errors, &row)) continue;
    const auto first = std::find_if(table.rows.begin(), table.rows.end(),
                                    [&](const Row& other) { return SameKey(other, row); });
    if (first != table.rows.end()) {
      errors.Add(r.line, fmt::format("the power of {} on {} ({}, {} mode) is listed twice (first "
                                     "at line {})", row.design.empty() ? "the board" : row.design,
                                     row.board, row.runtime, row.mode, first->line));
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  if (!errors.ok()) return errors.ToError();
  return table;
}

util::Result<Table> LoadTable(const std::string& path, const std::vector<std::string>& modes) {
  auto text = util::ReadFile(path, "power file");
  if (!text) return text.error();
  return ParseTable(path, *text, modes);
}

Figure Lookup(const Table& table, std::string_view board, std::string_view runtime,
              std::string_view mode, std::string_view design) {
  const Row* board_row = nullptr;
  for (const Row& row : table.rows) {
    if (row.board != board || row.runtime != runtime || row.mode != mode) continue;
    if (!design.empty() && row.design == design) return {row.power_mw, "measured for this design"};
    if (row.design.empty()) board_row = &row;
  }
  if (board_row == nullptr) return {};
  return {board_row->power_mw, fmt::format("board, {} mode", mode)};
}

}  // namespace power
