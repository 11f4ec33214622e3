#pragma once
// The SRAM budgets `dse plot budget` sweeps (paper Fig. 9): a checked range and the empty
// figure frame. Nothing here prints.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plot/figure.h"
#include "util/result.h"

namespace explore {

struct BudgetRange {
  int64_t from_bytes = 0, to_bytes = 0, step_bytes = 0;
};

/// The most budgets one range may hold.
inline constexpr int64_t kMaxBudgets = 500;

/// The range from `from_bytes` to `to_bytes` in `step_bytes` (each positive), unset ones
/// defaulting to 16 KiB, `max_bytes` (the most SRAM `board` gives TinyOps) and 16 KiB. An input
/// error when from > to, to > max_bytes, or it holds more than kMaxBudgets budgets (naming a
/// step that fits).
util::Result<BudgetRange> CheckedBudgetRange(std::optional<int64_t> from_bytes,
                                             std::optional<int64_t> to_bytes,
                                             std::optional<int64_t> step_bytes,
                                             int64_t max_bytes, const std::string& board);

/// CheckedBudgetRange of the texts of --from, --to and --step ("" = unset), each a size in bytes
/// (util::ParseBytes: 262144, 256K, 256KiB); the first bad one, in that order, is an input error
/// "--from must be a positive whole number of bytes (...), got 'X'".
util::Result<BudgetRange> ParseBudgetRange(const std::string& from, const std::string& to,
                                           const std::string& step, int64_t max_bytes,
                                           const std::string& board);

/// The budgets of `r` in order, from_bytes in steps of step_bytes, with `own_bytes` (the
/// board's default TinyOps budget) added in its place when it lies within the range.
std::vector<int64_t> BudgetsOf(const BudgetRange& r, int64_t own_bytes);

/// The empty Fig. 9 frame "budget_VARIANT_BOARD": title, labels, left axis latency (ms) and
/// right axis partition factor, both from 0; the legend below the plot, clear of the lines.
/// `latency_provenance` starting with "prior" puts "prior only" in the title.
plot::Figure BudgetFigureFrame(const std::string& variant, const std::string& board,
                               const std::string& latency_provenance = "");

}  // namespace explore
