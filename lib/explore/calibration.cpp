#include "explore/calibration.h"

#include <fmt/format.h>

#include "analysis/cost.h"
#include "placement/mode.h"

namespace explore {

latency::KnownNames NamesFrom(const hw::Catalog& boards, const searchspace::Catalog& spaces) {
  latency::KnownNames names;
  names.boards = boards.Names();
  names.check_variant = [&spaces](const std::string& variant) -> std::string {
    auto parsed = spaces.ParseVariant(variant);
    return parsed ? "" : parsed.error().message;
  };
  names.check_runtime = [](const std::string& runtime) -> std::string {
    auto found = kernels::FindRuntime(runtime);
    return found ? "" : found.error().message;
  };
  names.check_mode = [](const std::string& mode) -> std::string {
    auto found = placement::FindMode(mode);
    return found ? "" : found.error().message;
  };
  return names;
}

util::Result<std::vector<latency::Sample>> BuildSamples(
    const std::vector<latency::Measurement>& rows, const hw::Catalog& boards,
    const searchspace::Catalog& spaces, const tinyops::BudgetTable& budgets,
    const kernels::Runtime* runtime) {
  std::vector<latency::Sample> samples;
  for (const latency::Measurement& row : rows) {
    const std::string where = fmt::format("{}:{}", row.file, row.line);
    const hw::Board* board = boards.Find(row.board);
    auto variant = spaces.ParseVariant(row.variant);
    auto mode = placement::FindMode(row.mode);
    auto row_runtime = kernels::FindRuntime(row.runtime);
    if (board == nullptr || !variant || !mode || !row_runtime) {
      return util::InputError(fmt::format("{}: unknown board, variant, mode or runtime", where));
    }
    const kernels::Runtime& rt = runtime ? *runtime : **row_runtime;
    auto net =
        searchspace::Build(*spaces.Find(variant->space), variant->width, variant->resolution);
    if (!net) return util::InputError(fmt::format("{}: {}", where, net.error().message));
    const placement::Fit fit = (*mode)->Place(*net, placement::Measure(*net, rt), *board,
                                              {row.mode, 0, true, &budgets});
    auto terms = (*mode)->LatencyTerms(*net, rt, *board, fit);
    if (!terms) return util::InputError(fmt::format("{}: {}", where, terms.error().message));
    if (fit.sram_budget_bytes && !fit.partition_factor) {
      return util::InputError(fmt::format(
          "{}: {} does not fit the {} B SRAM budget of the {} mode on {}",
                                          where, row.variant, *fit.sram_budget_bytes, row.mode,
                                          row.board));
    }
    latency::Sample s;
    s.row = row;
    s.clock_hz = static_cast<double>(board->clock_hz);
    s.macs = static_cast<double>(analysis::CountNetwork(*net).macs);
    s.terms = std::move(terms).value();
    samples.push_back(std::move(s));
  }
  return samples;
}

latency::CoefficientFile PriorsOf(const std::vector<latency::Sample>& samples,
                                  const hw::Catalog& boards) {
  latency::CoefficientFile priors;
  for (const latency::Sample& s : samples) {
    latency::BoardCoefficients prior = latency::Priors(*boards.Find(s.row.board));
    prior.runtime = s.row.runtime;
    priors[s.row.CoefficientKey()] = prior;
  }
  return priors;
}

}  // namespace explore
