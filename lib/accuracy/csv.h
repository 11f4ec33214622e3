#pragma once
// A small CSV reader for the accuracy tables: RFC-4180 quoting, a header row naming the
// columns, blank lines and lines starting with '#' skipped. Every cell keeps its line and
// column so that validation errors can say "file:line:col: what is wrong".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accuracy/types.h"
#include "tomlspec/tomlspec.h"
#include "util/result.h"

namespace accuracy {

struct CsvCell {
  std::string text;  // unquoted, surrounding spaces kept
  int column = 1;    // 1-based column of the cell's first character in its line
};

struct CsvRow {
  int line = 0;  // 1-based line in the file
  std::vector<CsvCell> cells;
};

struct CsvTable {
  std::vector<std::string> header;
  int header_line = 0;
  std::vector<CsvRow> rows;  // data rows only, each with header.size() cells
};

/// Splits `text` into a header and data rows. Fails, with every problem found, on an
/// unterminated quote, a row whose cell count differs from the header's, or a file with no
/// header. Problems go to `ctx` too so that callers can add their own and report them together.
util::Result<CsvTable> ParseCsv(std::string_view text, tomlspec::Context& ctx);

/// Where each named column sits in a table's header. Missing required columns are reported
/// to `ctx` at the header line with "did you mean"; other columns are optional (Find gives
/// nullopt when absent) and extra columns are ignored. A column named twice is reported too.
class CsvColumns {
 public:
  CsvColumns(const CsvTable& table, const std::vector<std::string>& required,
             tomlspec::Context& ctx);
  /// Index of `name` in the header, nullopt when the column is absent.
  std::optional<size_t> Find(const std::string& name) const;

 private:
  std::vector<std::string> header_;
};

/// Parses the whole of `text` as a finite number; false on any trailing character.
bool ParseNumber(std::string_view text, double* out);

}  // namespace accuracy

namespace accuracy {

/// Reads a top-1 percentage cell: a number in [0, 100]. Reports "<column> 'x' is not a
/// number" or "<column> x is outside 0-100" to `ctx` at the cell and returns false.
bool ReadTop1Cell(const CsvRow& row, size_t index, const std::string& column,
                  tomlspec::Context& ctx, double* top1_pct);

/// Reads a precision cell (fp32, int8, int4, mixed); reports the valid names otherwise.
bool ReadPrecisionCell(const CsvRow& row, size_t index, tomlspec::Context& ctx,
                       Precision* precision);

}  // namespace accuracy
