#include "explore/texts.h"

#include <fmt/format.h>

namespace explore {

std::string OptionalText(const std::optional<double>& v, const char* format) {
  return v ? fmt::format(fmt::runtime(format), *v) : "-";
}

std::string SignedText(const std::optional<double>& v) {
  return v ? fmt::format("{:+.2f}", *v) : "-";
}

std::string RelativePctText(const std::optional<double>& pct) {
  return pct ? fmt::format("{:+.0f}%", *pct) : "-";
}

std::string KiBText(int64_t bytes) {
  return bytes % 1024 == 0 ? fmt::format("{} KiB", bytes / 1024)
                           : fmt::format("{:.1f} KiB", bytes / 1024.0);
}

std::string ExternalMemoriesText(const hw::Board& board) {
  std::string text;
  for (const hw::ExternalMemory& m : board.external) {
    if (!text.empty()) text += ", ";
    text += fmt::format("{} {} MiB", m.name, m.size_bytes / (1024 * 1024));
  }
  return text.empty() ? "none" : text;
}

std::string Top1Text(const accuracy::Top1& t) {
  std::string text = fmt::format("{:.2f}% {} ({}", t.top1_pct, accuracy::PrecisionName(t.precision),
                                 accuracy::ProvenanceName(t.provenance));
  if (t.provenance == accuracy::Provenance::kPredicted) {
    text += t.fallback ? ", shared ceiling: no published data for this family"
                       : ", family " + t.family;
  } else if (!t.source.empty()) {
    text += ": " + t.source;
  }
  return text + ")";
}

std::string FrontDiffText(const std::string& golden_path, const std::string& board,
                          const FrontDiff& diff) {
  std::string text = fmt::format("{}: Pareto fronts of {} changed\n", golden_path, board);
  for (const auto& m : diff.added) {
    text += fmt::format("  + {} {} {} {}\n", m.x_objective, m.design_space, m.variant, m.mode);
  }
  for (const auto& m : diff.removed) {
    text += fmt::format("  - {} {} {} {}\n", m.x_objective, m.design_space, m.variant, m.mode);
  }
  return text + "(re-run with --update-golden to accept)";
}

std::optional<std::string> NoModeFitsText(const std::string& variant, const std::string& board,
                                          const std::vector<placement::Fit>& fits) {
  for (const placement::Fit& fit : fits) {
    if (fit.fits) return std::nullopt;
  }
  return fmt::format("{} does not fit {} in any mode", variant, board);
}

}  // namespace explore
