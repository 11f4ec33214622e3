#include "util/csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "util/spellcheck.h"

namespace util {

std::vector<std::string> SplitCsvLine(std::string_view line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (ch == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (ch == ',' && !quoted) {
      cells.emplace_back();
    } else if (ch != '\r') {
      cells.back() += ch;
    }
  }
  return cells;
}

const std::string& CsvTable::Cell(const CsvRow& row, const std::string& name) const {
  static const std::string kEmpty;
  const auto it = column.find(name);
  return it == column.end() ? kEmpty : row.cells[it->second];
}

void CsvErrors::Add(int line, const std::string& message) {
  messages_.push_back(fmt::format("{}:{}: {}", file_, line, message));
}

Error CsvErrors::ToError() const {
  return InputError(fmt::format("{}", fmt::join(messages_, "\n")));
}

bool ParseCsvNumber(const std::string& text, double* out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return !text.empty() && ec == std::errc() && ptr == end && std::isfinite(*out);
}

namespace {

void ReadHeader(const std::vector<std::string>& names, int line,
                const std::vector<std::string>& required, const std::vector<std::string>& optional,
                CsvTable* table, CsvErrors* errors) {
  std::vector<std::string> all = required;
  all.insert(all.end(), optional.begin(), optional.end());
  for (size_t i = 0; i < names.size(); ++i) {
    if (std::find(all.begin(), all.end(), names[i]) == all.end()) {
      errors->Add(line, fmt::format("unknown column '{}'{}; the columns are: {}", names[i],
                                    DidYouMean(names[i], all), fmt::join(all, ",")));
    }
    if (!table->column.emplace(names[i], i).second) {
      errors->Add(line, fmt::format("column '{}' appears more than once", names[i]));
    }
  }
  for (const std::string& name : required) {
    if (!table->column.count(name)) errors->Add(line, fmt::format("missing column '{}'", name));
  }
}

}  // namespace

Result<CsvTable> ParseCsv(const std::string& file, std::string_view text,
                          const std::vector<std::string>& required,
                          const std::vector<std::string>& optional) {
  CsvTable table;
  table.file = file;
  CsvErrors errors(file);
  size_t width = 0;
  bool header_read = false;
  int number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.empty() || line == "\r" || line[0] == '#') continue;
    std::vector<std::string> cells = SplitCsvLine(line);
    if (!header_read) {
      header_read = true;
      ReadHeader(cells, number, required, optional, &table, &errors);
      width = cells.size();
      if (!errors.ok()) break;
      continue;
    }
    if (cells.size() != width) {
      errors.Add(number, fmt::format("expected {} fields, found {}", width, cells.size()));
      continue;
    }
    table.rows.push_back({number, std::move(cells)});
  }
  if (!header_read) {
    errors.Add(1, fmt::format("no header line (expected {})", fmt::join(required, ",")));
  }
  if (!errors.ok()) return errors.ToError();
  return table;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace util
