#include "show_latency.h"

#include <fmt/format.h>

#include <iostream>

#include "app.h"
#include "deploy/request.h"
#include "explore/choice.h"
#include "explore/fields.h"
#include "explore/latency_text.h"
#include "explore/report_json.h"
#include "explore/texts.h"
#include "latency/interval.h"
#include "models.h"
#include "placement/tinyops_mode.h"
#include "placement/violations.h"

namespace dse_app {
namespace {

// The board's evaluation in the asked mode, its latency predicted even when the placement does
// not fit (a note says so for a TinyOps plan over its budget).
struct LatencyResult {
  hw::Board board;
  explore::Evaluation evaluation;
};

LatencyResult Compute(const explore::VariantFacts& facts, const LatencyOptions& options) {
  LatencyResult r{BoardNamed(options.board), {}};
  const int64_t budget = options.budget.empty() ? 0 : ParseBudgetBytes(options.budget);
  const kernels::Runtime* runtime = ResolveRuntime(options.runtime);
  const latency::BoardCoefficients coefs = CoefficientsOn(r.board, runtime);
  explore::Target target =
      TargetOn(r.board, runtime, &coefs, options.mode, budget, options.filter_growth);
  if (options.every_mode) {  // no --mode: the board's default, unless the runtime cannot run it
    const deploy::ModeChoice choice = Unwrap(deploy::ChoosePredictionMode(facts, target));
    target.deployment.mode = choice.mode;
    Note(choice.reason);
  }
  r.evaluation = Unwrap(explore::EvaluatePoint(facts, target, {.predict_infeasible = true}));
  const tinyops::Plan* plan = placement::TinyopsPlan(r.evaluation.fit);
  if (plan != nullptr && !plan->fits) {
    Note(fmt::format("note: {} does not fit the {} B TinyOps budget; latency is for the "
                     "smallest plan", facts.net.name, plan->budget_bytes));
  }
  if (const std::string why = placement::RuntimeViolationText(r.evaluation.fit); !why.empty()) {
    Note(fmt::format("note: {} cannot run in the {} mode ({}); latency is predicted as if it could",
                     facts.net.name, r.evaluation.fit.mode, why));
  }
  if (r.evaluation.latency_error) FailInput(r.evaluation.latency_error->message);
  return r;
}

// Every mode's evaluation (figures, or why it does not fit) when no --mode was given.
std::vector<explore::Candidate> EveryMode(const explore::VariantFacts& facts, const LatencyResult& r,
                                          const LatencyOptions& o) {
  if (!o.every_mode) return {};
  const kernels::Runtime* runtime = ResolveRuntime(o.runtime);
  const latency::BoardCoefficients coefs = CoefficientsOn(r.board, runtime);
  const explore::Target target = TargetOn(r.board, runtime, &coefs, o.mode,
      o.budget.empty() ? 0 : ParseBudgetBytes(o.budget), o.filter_growth);
  std::vector<explore::Candidate> rows;
  for (auto& e : Unwrap(explore::EvaluateAllModes(facts, target))) rows.push_back(e.candidate);
  return rows;
}

}  // namespace

LatencyOptions ResolveLatency(LatencyOptions o) {
  if (o.board.empty()) return o;
  const hw::Board board = BoardNamed(o.board);
  o.every_mode = o.mode.empty();
  if (o.mode.empty() && (o.mode = explore::DefaultMode(board)) != "tinyops") {
    Note(fmt::format("note: {} has no external RAM: latency in the {} mode (--mode to choose)",
                     board.name, o.mode));
  }
  Unwrap(placement::FindMode(o.mode));
  if (!o.budget.empty()) ParseBudgetBytes(o.budget);
  return o;
}


void AddLatencyOptions(CLI::App* show, LatencyOptions* options) {
  show->add_option("--board", options->board,
                   "Board name or profile file: adds predicted latency and energy");
  show->add_option("--mode", options->mode, "Deployment mode: internal, external or tinyops "
                   "(default tinyops, internal without external RAM; as deploy picks if the runtime can't)");
  show->add_option("--budget", options->budget,
                   "TinyOps SRAM budget in bytes, or K/M (x 1024) (default: the board's)")->check(NotEmpty());
  AddRuntimeOption(show, &options->runtime);
}

void AddLatencyJson(const explore::VariantFacts& facts, const LatencyOptions& options,
                    bool per_op, nlohmann::json* out) {
  if (options.board.empty()) return;
  const LatencyResult r = Compute(facts, options);
  explore::AddLatencyJson(r.evaluation, r.board, r.evaluation.fit.mode, per_op, out);
  if (options.every_mode) (*out)["modes"] = explore::CandidatesJson(EveryMode(facts, r, options));
}

void PrintLatency(const explore::VariantFacts& facts, const LatencyOptions& options,
                  bool per_op) {
  if (options.board.empty()) return;
  const LatencyResult r = Compute(facts, options);
  std::cout << explore::LatencyText(facts.net, r.evaluation, r.board, r.evaluation.fit.mode,
                                    EveryMode(facts, r, options), per_op);
}

}  // namespace dse_app
