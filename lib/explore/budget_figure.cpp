#include "explore/budget_figure.h"

#include <fmt/format.h>

#include "placement/tinyops_mode.h"
#include "placement/violations.h"

namespace explore {
namespace {

util::Result<Evaluation> EvaluateIn(const VariantFacts& facts, Target target,
                                    const std::string& mode, int64_t budget_bytes,
                                    bool predict_infeasible) {
  target.deployment.mode = mode;
  target.deployment.sram_budget_bytes = budget_bytes;
  auto e = EvaluatePoint(facts, target, {.predict_infeasible = predict_infeasible});
  if (!e.ok()) return e.error();
  if (e->latency_error && (e->fit.fits || predict_infeasible)) return *e->latency_error;
  return e;
}

// A flat line across the range at the predicted latency of `mode`, and its text line; nothing
// when the design does not fit that mode.
util::Result<bool> AddReference(const VariantFacts& facts, const Target& base,
                                const std::string& mode, const BudgetRange& r, const char* color,
                                BudgetCurve* curve) {
  Target target = base;
  target.deployment.mode = mode;
  target.deployment.sram_budget_bytes = 0;
  auto evaluation = EvaluatePoint(facts, target);  // a latency it cannot predict: no line
  if (!evaluation.ok()) return evaluation.error();
  if (!evaluation->fit.fits || !evaluation->estimate) return false;
  const latency::Estimate& e = *evaluation->estimate;
  const double ms = e.latency_ms;
  curve->figure.series.push_back({fmt::format("{} memory, predicted ({:.0f} ms, 80 %: {:.0f}-{:.0f})",
                                              mode, ms, e.latency_ms_low, e.latency_ms_high),
                                  color,
                                  plot::Series::Style::kSteps,
                                  {r.from_bytes / 1024.0, r.to_bytes / 1024.0},
                                  {ms, ms}});
  curve->text += fmt::format("  {} mode: {:.0f} ms (predicted; 80 %: {:.0f}-{:.0f} ms)\n", mode,
                             ms, e.latency_ms_low, e.latency_ms_high);
  return true;
}

}  // namespace

util::Result<BudgetCurve> BudgetCurveOf(const VariantFacts& facts, const std::string& variant,
                                        const Target& base, const BudgetRange& range,
                                        const std::vector<int64_t>& budgets) {
  BudgetCurve curve;
  plot::Series latency{"TinyOps latency (predicted)", "#d62728",
                       plot::Series::Style::kLinesPoints, {}, {}};
  plot::Series band{"TinyOps latency, 80 % interval (predicted)", "#d62728",
                    plot::Series::Style::kBand, {}, {}};
  plot::Series pf{"partition factor", "#1f77b4", plot::Series::Style::kSteps, {}, {}};
  pf.axis = 2;
  curve.text = fmt::format("{} on {}: TinyOps plan per SRAM budget\n{:>12} {:>4} {:>12} {:>14}\n",
                           variant, base.board->name, "budget_B", "PF", "S_B", "latency_ms");
  std::string provenance;
  for (const int64_t budget : budgets) {
    auto evaluation = EvaluateIn(facts, base, "tinyops", budget, true);
    if (!evaluation.ok()) return evaluation.error();
    provenance = evaluation->candidate.latency_provenance;
    if (const std::string why = placement::RuntimeViolationText(evaluation->fit); !why.empty()) {
      curve.text += "no budget: " + why + "\n";  // no plan runs, whatever its budget
      return curve;
    }
    const tinyops::Plan& plan = *placement::TinyopsPlan(evaluation->fit);
    if (!plan.fits) {
      curve.left_out.push_back(budget);
      continue;
    }
    const double ms = evaluation->estimate->latency_ms;
    latency.x.push_back(budget / 1024.0);
    latency.y.push_back(ms);
    band.x.push_back(budget / 1024.0);
    band.y.push_back(ms);
    band.low.push_back(evaluation->estimate->latency_ms_low);
    band.high.push_back(evaluation->estimate->latency_ms_high);
    pf.x.push_back(budget / 1024.0);
    pf.y.push_back(plan.partition_factor);
    curve.text += fmt::format("{:>12} {:>4} {:>12} {:>14.1f}\n", budget, plan.partition_factor,
                              plan.max_partition_bytes, ms);
  }
  if (!curve.left_out.empty()) {
    curve.text += fmt::format("left out: {} budget(s) no plan fits ({} B to {} B)\n",
                              curve.left_out.size(), curve.left_out.front(), curve.left_out.back());
  }
  if (latency.x.empty()) return curve;
  curve.figure = BudgetFigureFrame(variant, base.board->name, provenance);
  curve.figure.series = {band, latency, pf};
  if (!curve.left_out.empty())
    curve.figure.title += fmt::format("\n(no plan fits below {:g} KiB)", latency.x.front());
  for (const auto& [mode, color] : {std::pair{"external", "#7f7f7f"}, {"internal", "#2ca02c"}}) {
    auto added = AddReference(facts, base, mode, range, color, &curve);
    if (!added.ok()) return added.error();
  }
  return curve;
}

}  // namespace explore
