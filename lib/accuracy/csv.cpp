#include "accuracy/csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "util/spellcheck.h"

namespace accuracy {
namespace {

// Splits one physical line into cells. Quoted cells may hold commas and "" escapes; a
// quote left open at the end of the line is an error (multi-line cells are not supported).
bool SplitLine(const std::string& line, std::vector<CsvCell>* cells, int* bad_column) {
  cells->clear();
  size_t i = 0;
  while (true) {
    CsvCell cell;
    cell.column = static_cast<int>(i) + 1;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) {
          *bad_column = cell.column;
          return false;
        }
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell.text += line[i++];
      }
      // Text between the closing quote and the next comma is kept, as spreadsheets do.
      while (i < line.size() && line[i] != ',') cell.text += line[i++];
    } else {
      while (i < line.size() && line[i] != ',') cell.text += line[i++];
    }
    cells->push_back(std::move(cell));
    if (i >= line.size()) return true;
    ++i;  // the comma
  }
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool Skipped(const std::string& line) {
  const size_t first = line.find_first_not_of(" \t");
  return first == std::string::npos || line[first] == '#';
}

}  // namespace

util::Result<CsvTable> ParseCsv(std::string_view text, tomlspec::Context& ctx) {
  CsvTable table;
  const std::vector<std::string> lines = Lines(text);
  std::vector<CsvCell> cells;
  for (size_t n = 0; n < lines.size(); ++n) {
    const int line_no = static_cast<int>(n) + 1;
    if (Skipped(lines[n])) continue;
    int bad_column = 0;
    if (!SplitLine(lines[n], &cells, &bad_column)) {
      ctx.Error(line_no, bad_column, "unterminated quoted field");
      continue;
    }
    if (table.header_line == 0) {
      table.header_line = line_no;
      for (const CsvCell& c : cells) table.header.push_back(c.text);
      continue;
    }
    if (cells.size() != table.header.size()) {
      ctx.Error(line_no, 1, fmt::format("{} fields, but the header has {} columns",
                                        cells.size(), table.header.size()));
      continue;
    }
    table.rows.push_back({line_no, cells});
  }
  if (table.header_line == 0) {
    // A file of comments is not empty: say so, or the user looks for a missing byte.
    const bool only_comments = text.find_first_not_of(" \t\r\n") != std::string_view::npos;
    ctx.Error(1, 1, only_comments ? "no header line: the file holds only comments and blank lines"
                                  : "no header line: the file is empty");
  }
  if (!ctx.ok()) return ctx.ToError();
  return table;
}

CsvColumns::CsvColumns(const CsvTable& table, const std::vector<std::string>& required,
                       tomlspec::Context& ctx)
    : header_(table.header) {
  // A repeated column makes the file ambiguous (which cell holds the value?).
  for (size_t i = 0; i < header_.size(); ++i) {
    if (std::find(header_.begin(), header_.begin() + i, header_[i]) != header_.begin() + i) {
      ctx.Error(table.header_line, 1, fmt::format("column '{}' appears more than once", header_[i]));
    }
  }
  for (const std::string& name : required) {
    if (Find(name)) continue;
    // Suggest a header cell that looks like the missing column (a misspelling).
    ctx.Error(table.header_line, 1,
              fmt::format("missing column '{}'{}", name, util::DidYouMean(name, header_)));
  }
}

std::optional<size_t> CsvColumns::Find(const std::string& name) const {
  const auto it = std::find(header_.begin(), header_.end(), name);
  if (it == header_.end()) return std::nullopt;
  return static_cast<size_t>(it - header_.begin());
}

bool ParseNumber(std::string_view text, double* out) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return false;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return false;
  *out = value;
  return true;
}

}  // namespace accuracy

namespace accuracy {

bool ReadTop1Cell(const CsvRow& row, size_t index, const std::string& column,
                  tomlspec::Context& ctx, double* top1_pct) {
  const CsvCell& cell = row.cells[index];
  double value = 0;
  if (!ParseNumber(cell.text, &value)) {
    ctx.Error(row.line, cell.column, fmt::format("{} '{}' is not a number", column, cell.text));
    return false;
  }
  if (value < 0 || value > 100) {
    ctx.Error(row.line, cell.column, fmt::format("{} {:g} is outside 0-100", column, value));
    return false;
  }
  *top1_pct = value;
  return true;
}

bool ReadPrecisionCell(const CsvRow& row, size_t index, tomlspec::Context& ctx,
                       Precision* precision) {
  const CsvCell& cell = row.cells[index];
  if (const auto parsed = ParsePrecision(cell.text)) {
    *precision = *parsed;
    return true;
  }
  const std::vector<std::string> names = {"fp32", "int8", "int4", "mixed"};
  ctx.Error(row.line, cell.column,
            fmt::format("precision '{}' is not one of fp32, int8, int4, mixed{}", cell.text,
                        util::DidYouMean(cell.text, names)));
  return false;
}

}  // namespace accuracy
