#pragma once
// tinyops::BudgetTable — the default SRAM budget of the TinyOps buffers per board: a deployment
// default (what `--budget` falls back to), not a fact of the board, so it lives in
// data/tinyops/budgets.csv (board,sram_budget_bytes,source) rather than in the board profile.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hw/board.h"
#include "util/result.h"

namespace tinyops {

struct BudgetRow {
  std::string board;             // hwprofiles name, e.g. "f469"
  int64_t sram_budget_bytes = 0; // > 0
  std::string source;            // where the figure comes from, or why it was chosen
  int line = 0;                  // where the file lists it
};

struct BudgetTable {
  std::string file;  // "" for an empty table built in code
  std::vector<BudgetRow> rows;

  /// The row of `board`; nullptr when the table has none.
  const BudgetRow* Find(std::string_view board) const;
};

/// Reads the CSV `text` (named `file` in errors). Every problem is reported as
/// "file:line: what is wrong": missing or unknown columns, an empty board, a budget that is not
/// a positive whole number of bytes, a board listed twice.
util::Result<BudgetTable> ParseBudgets(const std::string& file, std::string_view text);
/// Reads the file at `path`; see ParseBudgets.
util::Result<BudgetTable> LoadBudgets(const std::string& path);

/// Checks the rows of the boards in `boards` against them: a budget larger than the board's
/// SRAM is an error ("file:line: ..."). Rows of other boards (user profiles not loaded) pass.
util::Status CheckBudgets(const BudgetTable& table, const std::vector<hw::Board>& boards);

/// The default TinyOps SRAM budget on `board`: the table's entry for the board's name, else the
/// SRAM the board leaves to a network (`board.sram.available_bytes()`).
int64_t DefaultBudgetBytes(const BudgetTable& table, const hw::Board& board);

}  // namespace tinyops
