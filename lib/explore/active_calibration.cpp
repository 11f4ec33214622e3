#include "explore/active_calibration.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "latency/interval.h"
#include "latency/model.h"
#include "placement/mode.h"

namespace explore {
namespace {

// One design x mode that fits: its cycle shares per coefficient and its estimate.
struct Option {
  std::string variant, mode;
  latency::Terms shares{};
  latency::Estimate estimate;
};

std::optional<Option> Measure(const VariantFacts& f, const std::string& mode_id,
                              const hw::Board& board, const latency::BoardCoefficients& coefs,
                              const tinyops::BudgetTable& budgets, const kernels::Runtime& runtime) {
  auto mode = placement::FindMode(mode_id);
  if (!mode) return std::nullopt;
  // Place, not EvaluatePoint: the next row to measure is one a user runs on the firmware's own
  // plan, as the calibration rows were (calibration.cpp BuildSamples), so it is priced so.
  const bool default_runtime = runtime.id() == kernels::DefaultRuntime().id();
  const placement::Fit fit =
      (*mode)->Place(f.net, default_runtime ? f.footprint : placement::Measure(f.net, runtime),
                     board, {mode_id, 0, true, &budgets});
  if (!fit.fits) return std::nullopt;
  auto terms = (*mode)->LatencyTerms(f.net, runtime, board, fit);
  if (!terms) return std::nullopt;
  Option o{f.net.name, mode_id, {}, latency::Evaluate(*terms, static_cast<double>(board.clock_hz), coefs)};
  for (const latency::OpTerms& op : *terms) {
    latency::AddScaled(&o.shares, latency::Gradient(op, coefs.value), 1.0);
  }
  double total = 0;
  for (int j = 0; j < latency::kNumCoefs; ++j) total += o.shares[j] *= coefs.value[j];
  if (total <= 0) return std::nullopt;
  for (double& s : o.shares) s /= total;
  return o;
}

// sigma_j of the header: the spread still open on the board per coefficient.
latency::Terms OpenSpread(const latency::BoardCoefficients& coefs) {
  latency::Terms sigma{};
  const bool bare = coefs.calibration_rows == 0 && coefs.inherited.empty();
  const double n0 = latency::ScalePriorRows(coefs.transfer_log_sigma, coefs.within_board_log_sigma);
  const double prior_rows = n0 > 0 ? n0 : 1;  // the interval's prior strength (interval.h)
  for (int j = 0; j < latency::kNumCoefs; ++j) {
    const latency::CoefInfo& info = latency::CoefTable()[j];
    const double base = bare ? std::hypot(info.shared_sigma, info.board_sigma) : info.board_sigma;
    sigma[j] = base * std::sqrt(prior_rows / (prior_rows + coefs.rows_informing[j]));
  }
  return sigma;
}

}  // namespace

std::vector<VariantFacts> DefaultGridFacts(const searchspace::Catalog& spaces) {
  std::vector<VariantFacts> out;
  for (const searchspace::Space& space : spaces.spaces()) {
    if (space.fixed) continue;
    for (double w : space.widths) {
      for (int r : space.resolutions) {
        auto net = searchspace::Build(space, w, r);
        if (!net) continue;
        VariantFacts f = FactsOf(std::move(net).value());
        f.space = &space;
        f.variant = {space.name, w, r, false};
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

std::optional<NextMeasurement> NextMeasurementFor(const std::vector<VariantFacts>& grid,
                                                  const hw::Board& board,
                                                  const latency::BoardCoefficients& coefs,
                                                  const tinyops::BudgetTable& budgets,
                                                  const std::vector<latency::Measurement>& measured,
                                                  const kernels::Runtime& runtime) {
  std::set<std::pair<std::string, std::string>> done;
  for (const latency::Measurement& m : measured) {
    if (m.board == board.name && m.runtime == runtime.id()) done.insert({m.variant, m.mode});
  }
  std::vector<Option> options;
  latency::Terms weight{};  // W_j
  for (const VariantFacts& f : grid) {
    for (const std::string& mode : placement::ModeIds()) {
      auto o = Measure(f, mode, board, coefs, budgets, runtime);
      if (!o) continue;
      latency::AddScaled(&weight, o->shares, 1.0);
      if (!done.count({o->variant, o->mode})) options.push_back(std::move(*o));
    }
  }
  const latency::Terms sigma = OpenSpread(coefs);
  const Option* best = nullptr;
  double best_score = -1;
  for (const Option& o : options) {
    double score = 0;
    for (int j = 0; j < latency::kNumCoefs; ++j) score += weight[j] * sigma[j] * o.shares[j];
    const bool better = score > best_score * (1 + 1e-9) ||
                        (score >= best_score * (1 - 1e-9) &&
                         o.estimate.latency_ms < best->estimate.latency_ms);
    if (better) best = &o, best_score = score;
  }
  if (best == nullptr) return std::nullopt;
  NextMeasurement next{best->variant, best->mode, best->estimate.latency_ms,
                       best->estimate.latency_ms_low, best->estimate.latency_ms_high, best_score, {}};
  for (int j = 0; j < latency::kNumCoefs; ++j) {
    if (best->shares[j] >= 0.05) {
      next.top_coefficients.emplace_back(std::string(latency::CoefTable()[j].key), best->shares[j]);
    }
  }
  std::sort(next.top_coefficients.begin(), next.top_coefficients.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  return next;
}

std::string NextMeasurementText(const std::optional<NextMeasurement>& next,
                                const std::string& board) {
  if (!next) return fmt::format("\nNext measurement on {}: none (every design that fits is measured)\n", board);
  std::string informs;
  for (const auto& [key, share] : next->top_coefficients) {
    informs += fmt::format("{}{} ({:.0f} %)", informs.empty() ? "" : ", ", key, 100 * share);
  }
  return fmt::format(
      "\nNext measurement (most narrows the latency intervals on {} over the default grid): {} "
      "in the {} mode, predicted {:.1f} ms (80 %: {:.1f}–{:.1f} ms); its cycles rest on {}\n",
      board, next->variant, next->mode, next->latency_ms, next->low_ms, next->high_ms, informs);
}

}  // namespace explore
