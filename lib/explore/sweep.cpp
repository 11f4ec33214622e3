#include "explore/sweep.h"

#include <algorithm>

namespace explore {
namespace {

struct Context {
  const SweepOptions& options;
  const Models& models;
  std::vector<latency::BoardCoefficients> coefficients;  // one per board
};

void Note(const Candidate& c, PointResult* r) {
  ++r->evaluations;
  r->macs = c.macs;
  r->top1_pct = c.top1;
  if (!c.feasible) {
    if (r->fail_reason.empty() && r->feasible_evaluations == 0) r->fail_reason = c.fail_reason;
    return;
  }
  ++r->feasible_evaluations;
  r->fail_reason.clear();
  if (c.latency_ms) r->latency_ms = std::min(r->latency_ms.value_or(*c.latency_ms), *c.latency_ms);
  if (c.energy_mj) r->energy_mj = std::min(r->energy_mj.value_or(*c.energy_mj), *c.energy_mj);
}

// Evaluates one point on every board and mode into `out`.
util::Result<PointResult> EvaluateEverywhere(const VariantFacts& facts, const Context& ctx,
                                             SweepResult* out) {
  const SweepOptions& o = ctx.options;
  PointResult result;
  for (size_t b = 0; b < o.boards.size(); ++b) {
    for (const std::string& mode : o.modes) {
      const Target target{o.boards[b], o.runtime, &ctx.coefficients[b],
                          {mode, o.budget_bytes, o.filter_growth, ctx.models.budgets},
                          ctx.models.power};
      auto e = EvaluatePoint(facts, target);
      if (!e) return e.error();
      if (o.per_op) {
        const std::vector<OpCost> costs = OpCosts(facts, *e);
        out->op_costs.insert(out->op_costs.end(), costs.begin(), costs.end());
      }
      Note(e->candidate, &result);
      out->candidates.push_back(std::move(e->candidate));
    }
  }
  return result;
}

void AddFronts(const SweepOptions& options, SweepResult* result) {
  for (const hw::Board* board : options.boards) {
    std::vector<Candidate> mine;
    for (const Candidate& c : result->candidates) {
      if (c.board == board->name) mine.push_back(c);
    }
    const std::vector<FrontMember> fronts = AllFronts(mine);
    result->fronts.insert(result->fronts.end(), fronts.begin(), fronts.end());
  }
}

}  // namespace

util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                Strategy* strategy, const Progress& progress) {
  Context ctx{options, models, {}};
  for (const hw::Board* board : options.boards) {
    const kernels::Runtime& runtime =
        options.runtime ? *options.runtime : kernels::DefaultRuntime();
    ctx.coefficients.push_back(
        latency::CoefficientsFor(*board, *models.coefficients, runtime.id()));
  }
  const PointSpace points(options.spaces);
  SweepResult result;
  const int64_t total = points.size() + static_cast<int64_t>(options.networks.size());
  int64_t done = 0;
  while (const std::optional<int64_t> id = strategy->Next()) {
    const DesignPoint point = points.At(*id);
    auto facts = Analyse(*point.space, point.width, point.resolution, models);
    if (!facts) return facts.error();
    auto outcome = EvaluateEverywhere(*facts, ctx, &result);
    if (!outcome) return outcome.error();
    strategy->Report(*id, *outcome);
    ++done;
    if (progress) progress(done, total);
  }
  result.infeasible_points = strategy->infeasible_points();
  for (const graph::Network* net : options.networks) {
    auto facts = AnalyseNetwork(*net, models);
    if (!facts) return facts.error();
    auto outcome = EvaluateEverywhere(*facts, ctx, &result);
    if (!outcome) return outcome.error();
    if (!outcome->feasible()) ++result.infeasible_points;
    ++done;
    if (progress) progress(done, total);
  }
  result.points = done;
  AddFronts(options, &result);
  return result;
}

util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                const Progress& progress) {
  GridStrategy grid(PointSpace(options.spaces).size());
  return Sweep(options, models, &grid, progress);
}

}  // namespace explore
