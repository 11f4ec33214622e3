#include "explore/budget_range.h"

#include <fmt/format.h>

#include "explore/texts.h"
#include "util/numbers.h"

namespace explore {

util::Result<BudgetRange> CheckedBudgetRange(std::optional<int64_t> from_bytes,
                                             std::optional<int64_t> to_bytes,
                                             std::optional<int64_t> step_bytes,
                                             int64_t max_bytes, const std::string& board) {
  constexpr int64_t kDefaultStepBytes = 16 * 1024;
  const BudgetRange r{from_bytes.value_or(kDefaultStepBytes), to_bytes.value_or(max_bytes),
                      step_bytes.value_or(kDefaultStepBytes)};
  if (r.from_bytes > r.to_bytes) {
    return util::InputError(fmt::format(
        "--from {} is above --to {}: the budget range is empty (swap them?)", r.from_bytes,
        r.to_bytes));
  }
  if (r.to_bytes > max_bytes) {
    return util::InputError(fmt::format(
        "--to {} is above the {} B of SRAM {} has for TinyOps buffers (--to {} at most)",
        r.to_bytes, max_bytes, board, max_bytes));
  }
  const int64_t count = (r.to_bytes - r.from_bytes) / r.step_bytes + 1;
  if (count > kMaxBudgets) {
    return util::InputError(fmt::format(
        "{} budgets from {} to {} in steps of {}: at most {}; use a larger --step (e.g. {})",
        count, r.from_bytes, r.to_bytes, r.step_bytes, kMaxBudgets,
        (r.to_bytes - r.from_bytes) / (kMaxBudgets - 1) + 1));
  }
  return r;
}

util::Result<BudgetRange> ParseBudgetRange(const std::string& from, const std::string& to,
                                           const std::string& step, int64_t max_bytes,
                                           const std::string& board) {
  std::optional<int64_t> bytes[3];
  const std::pair<const char*, const std::string*> options[3] = {
      {"--from", &from}, {"--to", &to}, {"--step", &step}};
  for (int i = 0; i < 3; ++i) {
    const auto& [option, text] = options[i];
    if (text->empty()) continue;
    const util::Result<int64_t> parsed = util::ParseBytes(option, *text);
    if (!parsed) {
      return util::InputError(fmt::format("{} must be a positive whole number of bytes (e.g. "
                                          "262144 or 256K; K = 1024), got '{}'", option, *text));
    }
    bytes[i] = *parsed;
  }
  return CheckedBudgetRange(bytes[0], bytes[1], bytes[2], max_bytes, board);
}

std::vector<int64_t> BudgetsOf(const BudgetRange& r, int64_t own_bytes) {
  std::vector<int64_t> budgets;
  for (int64_t b = r.from_bytes; b <= r.to_bytes; b += r.step_bytes) {
    if (own_bytes > (budgets.empty() ? r.from_bytes - 1 : budgets.back()) && own_bytes < b) {
      budgets.push_back(own_bytes);
    }
    budgets.push_back(b);
  }
  if (!budgets.empty() && own_bytes > budgets.back() && own_bytes <= r.to_bytes) {
    budgets.push_back(own_bytes);
  }
  return budgets;
}

plot::Figure BudgetFigureFrame(const std::string& variant, const std::string& board,
                               const std::string& latency_provenance) {
  plot::Figure f;
  f.name = fmt::format("budget_{}_{}", variant, board);
  const std::string label = LatencyLabel(latency_provenance);
  f.title = fmt::format("{} on {}: TinyOps latency ({}) and partition factor vs SRAM budget",
                        variant, board, label == "predicted, prior only" ? "prior only" : label);
  f.x_label = "TinyOps SRAM budget (KiB)";
  f.y_label = "latency (ms, predicted)";
  f.y2_label = "partition factor";
  f.y_min = 0;
  f.y2_min = 0;
  f.key_position = "below horizontal";  // inside, it covered the external line
  return f;
}

}  // namespace explore
