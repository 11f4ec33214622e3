#include "search/dominate.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "search/stage_space.h"

namespace search {
namespace {

std::optional<size_t> IndexOf(const Plan& plan, Metric metric) {
  const auto& o = plan.problem.objectives();
  const auto it = std::find(o.begin(), o.end(), metric);
  return it == o.end() ? std::nullopt : std::optional<size_t>(static_cast<size_t>(it - o.begin()));
}

util::Result<explore::VariantFacts> FactsOfDesign(const Plan& plan, const explore::Models& models,
                                                  const std::string& design) {
  const searchspace::Catalog& catalog = *models.catalog;
  auto variant = catalog.ParseVariant(design);
  if (!variant) return util::InputError("--dominate: " + variant.error().message);
  if (!variant->point.empty()) {
    if (!plan.predictor) return util::InputError("--dominate: a point reference needs a per-stage space search");
    return AnalysePoint(*catalog.ParsePoint(variant->point), models, *plan.predictor);
  }
  return explore::Analyse(*catalog.Find(variant->space), variant->width, variant->resolution, models);
}

// The reference's lowest feasible latency over the plan's boards and modes.
util::Status Evaluate(const Plan& plan, const explore::Models& models, const explore::VariantFacts& facts,
                      DominatedReference* row) {
  const kernels::Runtime& runtime = plan.sweep.runtime ? *plan.sweep.runtime : kernels::DefaultRuntime();
  for (const hw::Board* board : plan.sweep.boards) {
    const latency::BoardCoefficients coefficients =
        latency::CoefficientsUnder(*board, *models.coefficients, runtime);
    for (const std::string& mode : plan.sweep.modes) {
      const explore::Target target{board, &runtime, &coefficients,
                                   {mode, plan.sweep.budget_bytes, plan.sweep.filter_growth, models.budgets, 0, 0,
                                    plan.sweep.configuration},
                                   models.power};
      auto e = explore::EvaluatePoint(facts, target);
      if (!e) return e.error();
      const std::optional<double> ms = e->candidate.latency_ms;
      if (!e->candidate.feasible || !ms || (row->latency_ms && *row->latency_ms <= *ms)) continue;
      row->latency_ms = ms;
      row->mode = mode;
    }
  }
  return util::Ok{};
}

}  // namespace

// How the searched designs' top-1 was obtained: the first front design's provenance and, for a
// per-stage space, the predictor's regime and domain.
std::string SearchedRegime(const Plan& plan, const Outcome& outcome) {
  if (outcome.front.empty()) return "none (empty front)";
  std::set<std::string> front;
  for (const FrontPoint& p : outcome.front) front.insert(p.variant);
  std::map<std::string, std::string> provenance;  // per front design
  for (const explore::Candidate& c : outcome.sweep.candidates) {
    if (front.count(c.variant)) provenance[c.variant] = c.top1_provenance;
  }
  std::map<std::string, int> counts;
  for (const auto& [variant, p] : provenance) ++counts[p];
  std::string tally;
  for (const auto& [p, n] : counts) tally += fmt::format("{}{} {}", tally.empty() ? "" : ", ", n, p);
  if (!plan.staged) return "the uniform-family surrogate (" + tally + ")";
  const searchspace::Point point = PointOf(*plan.staged, plan.problem.space().At(outcome.front.front().id));
  const accuracy::ArchPrediction p = (outcome.predictor ? outcome.predictor : plan.predictor)->Predict(point, 0, 0);
  return fmt::format("the per-stage predictor, regime {}, fitted {} ({} of {} front designs)", p.regime,
                     accuracy::DomainText(p.domain), tally, outcome.front.size());
}

util::Result<DominatingTable> Dominating(const Plan& plan, const Outcome& outcome,
                                         const explore::Models& models) {
  const std::optional<size_t> top1 = IndexOf(plan, Metric::kTop1), latency = IndexOf(plan, Metric::kLatency);
  if (!top1 || !latency) return util::InputError("--dominate needs the objectives top1 and latency");
  const std::vector<std::string>& designs = plan.dominate;
  DominatingTable table{SearchedRegime(plan, outcome), {}};
  for (const std::string& design : designs) {
    auto facts = FactsOfDesign(plan, models, design);
    if (!facts) return facts.error();
    DominatedReference row{facts->net.name, 0, "none", std::nullopt, "", {}};
    if (facts->top1) {
      row.top1_pct = facts->top1->top1_pct;
      row.top1_provenance = std::string(accuracy::ProvenanceName(facts->top1->provenance));
    }
    if (auto s = Evaluate(plan, models, *facts, &row); !s) return s.error();
    for (const FrontPoint& p : outcome.front) {
      if (!facts->top1 || !row.latency_ms) break;
      const double a = p.values[*top1], l = p.values[*latency];
      if (a >= row.top1_pct && l <= *row.latency_ms && (a > row.top1_pct || l < *row.latency_ms)) {
        row.dominating.push_back(p);
      }
    }
    std::sort(row.dominating.begin(), row.dominating.end(),
              [&](const FrontPoint& a, const FrontPoint& b) { return a.values[*latency] < b.values[*latency]; });
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string DominatingText(const Plan& plan, const Outcome& outcome, const DominatingTable& table) {
  const size_t top1 = *IndexOf(plan, Metric::kTop1), latency = *IndexOf(plan, Metric::kLatency);
  std::string boards;
  for (const hw::Board* b : plan.sweep.boards) boards += (boards.empty() ? "" : ",") + b->name;
  const std::string& regime = table.regime;
  std::string text = fmt::format(
      "designs of the front dominating each reference in (top-1, latency) on {} (lowest feasible latency over "
      "the modes searched; searched designs' top-1: {}; references' top-1 as labelled):\n", boards, regime);
  for (const DominatedReference& r : table.rows) {
    text += fmt::format("{}: top-1 {:.2f}% ({}), {}; dominated by {} of {} front designs\n", r.design, r.top1_pct,
                        r.top1_provenance,
                        r.latency_ms ? fmt::format("{:.1f} ms ({})", *r.latency_ms, r.mode) : "fits in no mode",
                        r.dominating.size(), outcome.front.size());
    if (r.dominating.empty()) continue;
    const FrontPoint& fastest = r.dominating.front();
    const FrontPoint& best = *std::max_element(r.dominating.begin(), r.dominating.end(),
        [&](const FrontPoint& a, const FrontPoint& b) { return a.values[top1] < b.values[top1]; });
    text += fmt::format("  fastest:       top-1 {:.2f}%, {:.1f} ms  {}\n", fastest.values[top1], fastest.values[latency], fastest.variant);
    text += fmt::format("  most accurate: top-1 {:.2f}%, {:.1f} ms  {}\n", best.values[top1], best.values[latency], best.variant);
  }
  return text;
}

}  // namespace search
