#pragma once
// Reading the small hand-edited CSV data files (measured power, TinyOps budgets): '#' comment
// and blank lines skipped, one header line naming the columns, then rows of as many cells.
// Double quotes group commas; "" inside quotes is a literal quote.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace util {

/// One CSV line split into cells (a trailing '\r' dropped).
std::vector<std::string> SplitCsvLine(std::string_view line);

struct CsvRow {
  int line = 0;                    // 1-based line in the file
  std::vector<std::string> cells;  // as many as the header has columns
};

struct CsvTable {
  std::string file;
  std::map<std::string, size_t> column;  // header name -> cell index
  std::vector<CsvRow> rows;

  /// The cell of `row` under `name`; "" when the table has no such column.
  const std::string& Cell(const CsvRow& row, const std::string& name) const;
};

/// Reads `text` (named `file` in errors). Every problem is reported, each as
/// "file:line: what is wrong", one per line: no header, an unknown column (with the nearest of
/// `required` + `optional`), a repeated or missing required column, a row of the wrong width.
Result<CsvTable> ParseCsv(const std::string& file, std::string_view text,
                          const std::vector<std::string>& required,
                          const std::vector<std::string>& optional);

/// Problems collected while reading rows, reported together as one input error.
class CsvErrors {
 public:
  explicit CsvErrors(std::string file) : file_(std::move(file)) {}
  void Add(int line, const std::string& message);
  bool ok() const { return messages_.empty(); }
  Error ToError() const;

 private:
  std::string file_;
  std::vector<std::string> messages_;
};

/// `text` as one CSV field for writing: quoted (RFC 4180) when it holds a comma, a quote or a
/// line break (a per-stage point's name holds commas), as is otherwise.
std::string CsvField(const std::string& text);

/// `text` as a finite number, whole string; false otherwise.
bool ParseCsvNumber(const std::string& text, double* out);

}  // namespace util
