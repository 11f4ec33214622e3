#include "explore/evaluate.h"

#include <fmt/format.h>

#include "latency/model.h"

namespace explore {
namespace {

std::string FailReason(const placement::Fit& fit) {
  std::string reason;
  for (const placement::Violation& v : fit.violations) {
    if (!reason.empty()) reason += "; ";
    reason += fmt::format("{}: needs {} B, has {} B", v.constraint, v.needed_bytes, v.available_bytes);
    if (!v.detail.empty()) reason += " (" + v.detail + ")";
  }
  return reason;
}

Candidate Describe(const VariantFacts& facts) {
  Candidate c;
  c.variant = facts.net.name;
  c.space = facts.variant.space;
  c.width = facts.variant.width;
  c.resolution = facts.variant.resolution;
  c.macs = facts.totals.macs;
  c.params = facts.totals.params;
  c.weight_bytes = facts.totals.weight_bytes;
  c.flash_bytes = facts.totals.flash_bytes;
  c.peak_activation_bytes = facts.footprint.peak_activation_bytes;
  if (facts.top1) {
    c.top1 = facts.top1->top1_pct;
    c.top1_provenance = std::string(accuracy::ProvenanceName(facts.top1->provenance));
  } else {
    c.top1_provenance = "unknown";
  }
  return c;
}

// Evaluates one point on every board and mode into `out`; returns how many fitted.
int EvaluateEverywhere(const VariantFacts& facts, const SweepOptions& options,
                       const std::vector<latency::BoardCoefficients>& coefficients,
                       const tinyops::BudgetTable* budgets, SweepResult* out) {
  int feasible_modes = 0;
  for (size_t b = 0; b < options.boards.size(); ++b) {
    for (placement::Mode mode : options.modes) {
      const placement::Deployment deployment{mode, options.budget_bytes, options.filter_growth,
                                             budgets};
      out->candidates.push_back(Evaluate(facts, *options.boards[b], coefficients[b], deployment,
                                         options.per_op ? &out->op_costs : nullptr));
      feasible_modes += out->candidates.back().feasible ? 1 : 0;
    }
  }
  return feasible_modes;
}

void AppendOpCosts(const graph::Network& net, const hw::Board& board, const Candidate& c,
                   const latency::Estimate& estimate, std::vector<OpCost>* out) {
  for (const latency::OpLatency& op : estimate.ops) {
    const graph::Op& graph_op = net.ops[static_cast<size_t>(op.op)];
    out->push_back({c.variant, c.board, c.mode, op.op, std::string(graph::OpKindName(graph_op.kind)),
                    analysis::CountOp(net, graph_op).macs,
                    op.total_cycles / static_cast<double>(board.clock_hz) * 1e3});
  }
}

}  // namespace

util::Result<VariantFacts> Analyse(const searchspace::Space& space, double width, int resolution,
                                   const Models& models) {
  auto net = searchspace::Build(space, width, resolution);
  if (!net) return net.error();
  VariantFacts facts;
  facts.space = &space;
  facts.variant = {space.name, width, resolution, space.fixed};
  facts.net = std::move(net).value();
  facts.totals = analysis::CountNetwork(facts.net);
  facts.footprint = placement::Measure(facts.net);
  facts.top1 = accuracy::Top1ForVariant(*models.surrogate, *models.measured, space, facts.variant,
                                        facts.totals.macs, accuracy::DeployedPrecision(space));
  return facts;
}

util::Result<VariantFacts> AnalyseNetwork(graph::Network net, const Models& models) {
  if (net.ops.empty()) return util::InputError(fmt::format("{}: the network has no ops", net.name));
  VariantFacts facts;
  facts.variant = {kImportedSpace, 1.0, net.tensor(net.input).shape.h, true};
  facts.net = std::move(net);
  facts.totals = analysis::CountNetwork(facts.net);
  facts.footprint = placement::Measure(facts.net);
  const accuracy::Precision precision =
      facts.net.weight_bits == 4 ? accuracy::Precision::kInt4 : accuracy::Precision::kInt8;
  if (const accuracy::Measurement* m =
          accuracy::FindMeasurement(*models.measured, facts.net.name, precision)) {
    facts.top1 = accuracy::Top1{m->top1_pct, accuracy::Provenance::kMeasured, precision, "",
                                false, m->source};
  }
  return facts;
}

Candidate Evaluate(const VariantFacts& facts, const hw::Board& board,
                   const latency::BoardCoefficients& coefficients,
                   const placement::Deployment& deployment, std::vector<OpCost>* op_costs) {
  Candidate c = Describe(facts);
  c.board = board.name;
  c.mode = std::string(placement::ModeName(deployment.mode));
  const placement::Fit fit = placement::Check(facts.net, facts.footprint, board, deployment);
  c.feasible = fit.fits;
  c.fail_reason = FailReason(fit);
  c.sram_bytes = fit.sram_bytes;
  c.internal_flash_bytes = fit.flash_bytes;
  c.external_bytes = fit.external_bytes;
  if (fit.plan) {
    c.budget_bytes = fit.plan->budget_bytes;
    if (fit.plan->fits) c.partition_factor = fit.plan->partition_factor;
  }
  if (!fit.fits) return c;
  auto estimate = latency::Predict(facts.net, board, deployment.mode,
                                   fit.plan ? &*fit.plan : nullptr, coefficients);
  if (estimate) {
    c.latency_ms = estimate->latency_ms;
    c.latency_provenance = estimate->provenance;
    c.energy_mj = estimate->energy_mj;
    if (op_costs != nullptr) AppendOpCosts(facts.net, board, c, *estimate, op_costs);
  } else {
    c.latency_provenance = "unavailable: " + estimate.error().message;
  }
  return c;
}

util::Result<SweepResult> Sweep(const SweepOptions& options, const Models& models,
                                const std::function<void(int64_t, int64_t)>& progress) {
  std::vector<latency::BoardCoefficients> coefficients;
  for (const hw::Board* board : options.boards) {
    coefficients.push_back(latency::CoefficientsFor(*board, *models.coefficients, models.power));
  }
  const PointSpace points(options.spaces);
  GridStrategy strategy(points.size());
  SweepResult result;
  const int64_t total = points.size() + static_cast<int64_t>(options.networks.size());
  result.points = total;
  int64_t done = 0;
  while (const std::optional<int64_t> id = strategy.Next()) {
    const DesignPoint point = points.At(*id);
    auto facts = Analyse(*point.space, point.width, point.resolution, models);
    if (!facts) return facts.error();
    strategy.Report(*id,
                    EvaluateEverywhere(*facts, options, coefficients, models.budgets, &result));
    if (progress) progress(++done, total);
  }
  result.infeasible_points = strategy.infeasible_points();
  for (const graph::Network* net : options.networks) {
    auto facts = AnalyseNetwork(*net, models);
    if (!facts) return facts.error();
    if (EvaluateEverywhere(*facts, options, coefficients, models.budgets, &result) == 0) {
      ++result.infeasible_points;
    }
    if (progress) progress(++done, total);
  }
  for (const hw::Board* board : options.boards) {
    std::vector<Candidate> mine;
    for (const Candidate& c : result.candidates) {
      if (c.board == board->name) mine.push_back(c);
    }
    const std::vector<FrontMember> fronts = AllFronts(mine);
    result.fronts.insert(result.fronts.end(), fronts.begin(), fronts.end());
  }
  return result;
}

}  // namespace explore
