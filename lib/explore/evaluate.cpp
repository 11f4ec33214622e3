#include "explore/evaluate.h"

#include <fmt/format.h>

#include "placement/memory_checks.h"
#include "placement/tinyops_mode.h"
#include "placement/violations.h"

namespace explore {
namespace {

// The fields of a candidate that follow from the design's name and variant, not its structure.
void SetIdentity(const std::string& name, const searchspace::Variant& variant,
                 const std::optional<accuracy::Top1>& top1, Candidate* c) {
  c->variant = name;
  c->space = variant.space;
  c->width = variant.width;
  c->resolution = variant.resolution;
  if (top1) {
    c->top1 = top1->top1_pct;
    c->top1_provenance = std::string(accuracy::ProvenanceName(top1->provenance));
    c->top1_low = top1->low_pct;
    c->top1_high = top1->high_pct;
  } else {
    c->top1.reset();
    c->top1_low.reset();
    c->top1_high.reset();
    c->top1_provenance = "unknown";
  }
}

Candidate Describe(const VariantFacts& facts) {
  Candidate c;
  SetIdentity(facts.net.name, facts.variant, facts.top1, &c);
  c.macs = facts.totals.macs;
  c.params = facts.totals.params;
  c.weight_bytes = facts.totals.weight_bytes;
  c.flash_bytes = facts.totals.flash_bytes;
  c.peak_activation_bytes = facts.footprint.peak_activation_bytes;
  return c;
}

// Energy = measured power x the candidate's latency and its interval (none without either).
void RecordEnergy(const PowerFigure& power, Candidate* c) {
  c->energy_mj.reset();
  c->energy_mj_low.reset();
  c->energy_mj_high.reset();
  if (!power.mw || !c->latency_ms) return;
  c->energy_mj = *power.mw * *c->latency_ms / 1e3;
  c->energy_mj_low = *power.mw * *c->latency_ms_low / 1e3;
  c->energy_mj_high = *power.mw * *c->latency_ms_high / 1e3;
}

void RecordFit(const placement::Fit& fit, Candidate* c) {
  c->feasible = fit.fits;
  c->fail_reason = placement::ViolationsText(fit);
  c->sram_bytes = fit.sram_bytes;
  c->internal_flash_bytes = fit.flash_bytes;
  c->external_bytes = fit.external_bytes;
  c->budget_bytes = fit.sram_budget_bytes;
  c->partition_factor = fit.partition_factor;
}

// Configuration::kFastest: prices the alternatives the mode offers to e->fit (a feasible
// placement with its estimate) and keeps the lowest predicted latency; ties keep Place's, which
// was priced first. Alternatives are compared on their totals (latency::TotalCycles); only a
// winner other than Place's gets the full estimate. Records how the configuration was chosen in
// e->fit.configuration.
void ChooseFastest(const placement::DeploymentMode& mode, const VariantFacts& facts,
                   const placement::Footprint& footprint, const kernels::Runtime& runtime,
                   const Target& target, Evaluation* e) {
  std::vector<placement::Fit> alternatives =
      mode.Alternatives(facts.net, footprint, *target.board, target.deployment, e->fit);
  if (alternatives.empty()) return;
  const std::string placed = mode.ConfigurationName(e->fit);
  const double placed_ms = e->estimate->latency_ms;
  double best_cycles = e->estimate->total_cycles;
  std::vector<latency::OpTerms> best_terms;
  placement::Fit* best = nullptr;
  int priced = 1;
  for (placement::Fit& alternative : alternatives) {
    if (!alternative.fits) continue;
    auto terms = mode.LatencyTerms(facts.net, runtime, *target.board, alternative);
    if (!terms) continue;
    const double cycles = latency::TotalCycles(*terms, *target.coefficients);
    ++priced;
    if (cycles < best_cycles) {
      best_cycles = cycles;
      best_terms = std::move(terms).value();
      best = &alternative;
    }
  }
  if (best != nullptr) {
    e->fit = std::move(*best);
    e->estimate = latency::Evaluate(best_terms, e->clock_hz, *target.coefficients);
  }
  const std::string chosen = mode.ConfigurationName(e->fit);
  e->fit.configuration =
      chosen == placed
          ? fmt::format("{} (fastest predicted of {} configurations)", placed, priced)
          : fmt::format("{} (fastest predicted of {} configurations; {}, {:.1f} ms predicted)",
                        chosen, priced, placed, placed_ms);
}

}  // namespace

VariantFacts FactsOf(graph::Network net) {
  VariantFacts facts;
  facts.variant = {net.name, 1.0, net.ops.empty() ? 0 : net.tensor(net.input).shape.h, true};
  facts.net = std::move(net);
  facts.totals = analysis::CountNetwork(facts.net);
  facts.peak = analysis::ComputePeak(facts.net);
  facts.footprint = placement::Measure(facts.net, kernels::DefaultRuntime(), facts.peak,
                                       facts.totals.flash_bytes);
  return facts;
}

util::Result<VariantFacts> Analyse(const searchspace::Space& space, double width, int resolution,
                                   const Models& models) {
  auto net = searchspace::Build(space, width, resolution);
  if (!net) return net.error();
  return AnalyseBuilt(space, width, resolution, std::move(net).value(), models);
}

VariantFacts AnalyseBuilt(const searchspace::Space& space, double width, int resolution,
                          graph::Network net, const Models& models) {
  VariantFacts facts = FactsOf(std::move(net));
  facts.space = &space;
  facts.variant = {space.name, width, resolution, space.fixed, ""};
  facts.top1 = Top1Of(space, facts.variant, facts.totals.macs, models);
  return facts;
}

std::optional<accuracy::Top1> Top1Of(const searchspace::Space& space,
                                     const searchspace::Variant& variant, int64_t macs,
                                     const Models& models) {
  return accuracy::Top1ForVariant(*models.surrogate, *models.measured, space, variant, macs,
                                  accuracy::DeployedPrecision(space));
}

util::Result<VariantFacts> AnalyseNetwork(graph::Network net, const Models& models) {
  if (net.ops.empty()) return util::InputError(fmt::format("{}: the network has no ops", net.name));
  VariantFacts facts = FactsOf(std::move(net));
  facts.variant.space = kImportedSpace;
  const accuracy::Precision precision =
      facts.net.weight_bits == 4 ? accuracy::Precision::kInt4 : accuracy::Precision::kInt8;
  if (const accuracy::Measurement* m =
          accuracy::FindMeasurement(*models.measured, facts.net.name, precision)) {
    facts.top1 = accuracy::Top1{m->top1_pct, accuracy::Provenance::kMeasured, precision, "",
                                false, m->source, std::nullopt, std::nullopt};
  }
  return facts;
}

placement::Footprint FootprintFor(const VariantFacts& facts, const kernels::Runtime& runtime) {
  if (&runtime == &kernels::DefaultRuntime()) return facts.footprint;
  return placement::Measure(facts.net, runtime, facts.peak, facts.totals.flash_bytes);
}

PowerFigure PowerFor(const power::Table* table, const hw::Board& board, std::string_view runtime,
                     const std::string& mode, const std::string& design) {
  if (table == nullptr) return {};
  const power::Figure f = power::Lookup(*table, board.name, runtime, mode, design);
  return {f.mw, f.provenance};
}

util::Result<Evaluation> EvaluatePoint(const VariantFacts& facts, const Target& target,
                                       const EvaluateOptions& options) {
  const hw::Board& board = *target.board;
  const kernels::Runtime& runtime = target.runtime ? *target.runtime : kernels::DefaultRuntime();
  auto mode = placement::FindMode(target.deployment.mode);
  if (!mode) return mode.error();
  if (board.clock_hz <= 0) {
    return util::InputError(fmt::format("board '{}' has no clock frequency", board.name));
  }
  if (auto ok = placement::CheckBudget(board, target.deployment.sram_budget_bytes,
                                       target.deployment.default_budgets); !ok) {
    return ok.error();
  }
  Evaluation e;
  e.candidate = Describe(facts);
  e.candidate.board = board.name;
  e.candidate.runtime = std::string(runtime.id());
  e.candidate.mode = target.deployment.mode;
  e.clock_hz = static_cast<double>(board.clock_hz);
  // Measured once: Place and the alternatives' pricing share it (a non-default runtime's
  // footprint is measured afresh, placement::Measure).
  const placement::Footprint footprint = FootprintFor(facts, runtime);
  e.fit = (*mode)->Place(facts.net, footprint, board, target.deployment);
  RecordFit(e.fit, &e.candidate);
  if (target.coefficients == nullptr || (!e.fit.fits && !options.predict_infeasible)) return e;
  auto terms = (*mode)->LatencyTerms(facts.net, runtime, board, e.fit);
  if (!terms) {
    e.candidate.latency_provenance = "unavailable: " + terms.error().message;
    e.latency_error = terms.error();
    return e;
  }
  e.estimate = latency::Evaluate(*terms, e.clock_hz, *target.coefficients);
  if (e.fit.fits && target.deployment.configuration == placement::Configuration::kFastest) {
    ChooseFastest(**mode, facts, footprint, runtime, target, &e);
    RecordFit(e.fit, &e.candidate);
  }
  e.power = PowerFor(target.power, board, runtime.id(), e.candidate.mode, facts.net.name);
  if (!e.fit.fits) return e;  // predicted for the caller, not recorded as the point's figure
  e.candidate.latency_ms = e.estimate->latency_ms;
  e.candidate.latency_provenance = e.estimate->provenance;
  e.candidate.latency_ms_low = e.estimate->latency_ms_low;
  e.candidate.latency_ms_high = e.estimate->latency_ms_high;
  RecordEnergy(e.power, &e.candidate);
  return e;
}

Candidate Renamed(const Candidate& cached, const std::string& name,
                  const searchspace::Variant& variant, const std::optional<accuracy::Top1>& top1,
                  const Target& target) {
  Candidate c = cached;
  SetIdentity(name, variant, top1, &c);
  // EvaluatePoint looks the power up by name only for a feasible latency (the only case that
  // records an energy), so the lookup is skipped otherwise.
  if (c.latency_ms) RecordEnergy(PowerFor(target.power, *target.board, c.runtime, c.mode, name), &c);
  return c;
}

util::Result<std::vector<Evaluation>> EvaluateAllModes(const VariantFacts& facts, Target target,
                                                       const EvaluateOptions& options) {
  std::vector<Evaluation> out;
  for (const std::string& mode : placement::ModeIds()) {
    target.deployment.mode = mode;
    auto e = EvaluatePoint(facts, target, options);
    if (!e) return e.error();
    out.push_back(std::move(e).value());
  }
  return out;
}

std::vector<OpCost> OpCosts(const VariantFacts& facts, const Evaluation& evaluation) {
  std::vector<OpCost> out;
  if (!evaluation.estimate || !evaluation.fit.fits) return out;
  const Candidate& c = evaluation.candidate;
  for (const latency::OpLatency& op : evaluation.estimate->ops) {
    const graph::Op& graph_op = facts.net.ops[static_cast<size_t>(op.op)];
    OpCost cost{c.variant, c.board, c.mode, op.op, std::string(graph::OpKindName(graph_op.kind)),
                analysis::CountOp(facts.net, graph_op).macs,
                op.total_cycles / evaluation.clock_hz * 1e3};
    cost.runtime = c.runtime;
    out.push_back(std::move(cost));
  }
  return out;
}

}  // namespace explore
