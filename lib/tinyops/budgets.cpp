#include "tinyops/budgets.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "util/csv.h"
#include "util/file.h"

namespace tinyops {

const BudgetRow* BudgetTable::Find(std::string_view board) const {
  for (const BudgetRow& row : rows) {
    if (row.board == board) return &row;
  }
  return nullptr;
}

util::Result<BudgetTable> ParseBudgets(const std::string& file, std::string_view text) {
  auto csv = util::ParseCsv(file, text, {"board", "sram_budget_bytes"}, {"source"});
  if (!csv) return csv.error();
  BudgetTable table{file, {}};
  util::CsvErrors errors(file);
  for (const util::CsvRow& r : csv->rows) {
    BudgetRow row{csv->Cell(r, "board"), 0, csv->Cell(r, "source"), r.line};
    const std::string& bytes = csv->Cell(r, "sram_budget_bytes");
    const char* end = bytes.data() + bytes.size();
    const auto [ptr, ec] = std::from_chars(bytes.data(), end, row.sram_budget_bytes);
    if (bytes.empty() || ec != std::errc() || ptr != end || row.sram_budget_bytes <= 0) {
      errors.Add(r.line, fmt::format("sram_budget_bytes must be a positive whole number of "
                                     "bytes, found '{}'", bytes));
      continue;
    }
    if (row.board.empty()) {
      errors.Add(r.line, "empty board");
      continue;
    }
    if (const BudgetRow* first = table.Find(row.board)) {
      errors.Add(r.line, fmt::format("the budget of '{}' is listed twice (first at line {})",
                                     row.board, first->line));
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  if (!errors.ok()) return errors.ToError();
  return table;
}

util::Result<BudgetTable> LoadBudgets(const std::string& path) {
  auto text = util::ReadFile(path, "budget file");
  if (!text) return text.error();
  return ParseBudgets(path, *text);
}

util::Status CheckBudgets(const BudgetTable& table, const std::vector<hw::Board>& boards) {
  util::CsvErrors errors(table.file);
  for (const BudgetRow& row : table.rows) {
    const auto board = std::find_if(boards.begin(), boards.end(),
                                    [&](const hw::Board& b) { return b.name == row.board; });
    if (board != boards.end() && row.sram_budget_bytes > board->sram.size_bytes) {
      errors.Add(row.line, fmt::format("the budget of '{}', {} B, is more than its SRAM "
                                       "({}: [sram] size_bytes = {})", row.board,
                                       row.sram_budget_bytes, board->file,
                                       board->sram.size_bytes));
    }
  }
  if (!errors.ok()) return errors.ToError();
  return util::Ok{};
}

int64_t DefaultBudgetBytes(const BudgetTable& table, const hw::Board& board) {
  const BudgetRow* row = table.Find(board.name);
  return row != nullptr ? row->sram_budget_bytes : board.sram.available_bytes();
}

}  // namespace tinyops
