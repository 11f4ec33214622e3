#include "latency/samples.h"

#include <fmt/format.h>

#include "analysis/cost.h"
#include "tinyops/budgets.h"
#include "tinyops/partitioner.h"

namespace latency {

KnownNames NamesFrom(const hw::Catalog& boards, const searchspace::Catalog& spaces) {
  KnownNames names;
  names.boards = boards.Names();
  names.check_variant = [&spaces](const std::string& variant) -> std::string {
    auto parsed = spaces.ParseVariant(variant);
    return parsed ? "" : parsed.error().message;
  };
  return names;
}

util::Result<std::vector<Sample>> BuildSamples(const std::vector<Measurement>& rows,
                                               const hw::Catalog& boards,
                                               const searchspace::Catalog& spaces,
                                               const tinyops::BudgetTable& budgets) {
  std::vector<Sample> samples;
  for (const Measurement& row : rows) {
    const std::string where = fmt::format("{}:{}", row.file, row.line);
    const hw::Board* board = boards.Find(row.board);
    auto variant = spaces.ParseVariant(row.variant);
    if (board == nullptr || !variant) {
      return util::InputError(fmt::format("{}: unknown board or variant", where));
    }
    auto net = searchspace::Build(*spaces.Find(variant->space), variant->width, variant->resolution);
    if (!net) return util::InputError(fmt::format("{}: {}", where, net.error().message));
    if (row.mode != Mode::kInternal && board->ExternalRam() == nullptr) {
      return util::InputError(fmt::format("{}: board '{}' has no external RAM for the {} mode",
                                          where, row.board, ModeName(row.mode)));
    }
    tinyops::Plan plan;
    if (row.mode == Mode::kTinyops) {
      const int64_t budget = tinyops::DefaultBudgetBytes(budgets, *board);
      plan = tinyops::Partitioner({budget, true}).Run(*net);
      if (!plan.fits) {
        return util::InputError(fmt::format("{}: {} does not fit the {} B TinyOps budget of {}",
                                            where, row.variant, budget, row.board));
      }
    }
    Sample s;
    s.row = row;
    s.clock_hz = static_cast<double>(board->clock_hz);
    s.macs = static_cast<double>(analysis::CountNetwork(*net).macs);
    s.terms = BuildTerms(*net, *board, row.mode, row.mode == Mode::kTinyops ? &plan : nullptr);
    samples.push_back(std::move(s));
  }
  return samples;
}

}  // namespace latency
