// dse reproduce — the paper's Tables II and III as the toolkit computes them, beside the
// published numbers with the per-cell difference; its headline claims checked; and next to
// each model the paper picked by hand, the toolkit's own pick from its TinyOps front.
// Exit 0; with --strict, exit 3 when a claim does not hold.

#include <fmt/format.h>

#include "app.h"
#include "models.h"
#include "reproduce_report.h"
#include "explore/reproduce.h"
#include "explore/summary.h"
#include "latency/model.h"
#include "latency/samples.h"
#include "placement/placement.h"

namespace dse_app {
namespace {

struct ReproduceArgs {
  bool json = false;
  bool strict = false;
};

// The paper ran every row it measured, but dse's placement (TFLM arena, no in-place depthwise)
// may not fit it, e.g. the MCUNet nets in internal SRAM: their latency is then predicted as if
// the placement fitted, and the provenance says so. feasible stays false.
void PredictAnyway(const explore::VariantFacts& facts, const hw::Board& board,
                   const latency::BoardCoefficients& coefs, const placement::Deployment& deployment,
                   explore::Candidate* c) {
  const placement::Fit fit = placement::Check(facts.net, facts.footprint, board, deployment);
  const auto e =
      latency::Predict(facts.net, board, deployment.mode, fit.plan ? &*fit.plan : nullptr, coefs);
  if (!e) return;
  c->latency_ms = e->latency_ms;
  c->energy_mj = e->energy_mj;
  c->latency_provenance = e->provenance + "; as if it fitted: " + c->fail_reason;
}

// The toolkit's candidate for a variant on a board in a mode, at the board's default budget.
explore::Candidate EvaluateNamed(const std::string& variant, const std::string& board_name,
                                 const std::string& mode) {
  const hw::Board board = BoardNamed(board_name);
  const searchspace::Variant v = Unwrap(Spaces().ParseVariant(variant));
  const explore::VariantFacts facts =
      Unwrap(explore::Analyse(*Spaces().Find(v.space), v.width, v.resolution, LoadedModels()));
  const latency::BoardCoefficients coefs =
      latency::CoefficientsFor(board, *LoadedModels().coefficients);
  const placement::Deployment deployment{Unwrap(placement::ParseMode(mode)), 0, true};
  explore::Candidate c = explore::Evaluate(facts, board, coefs, deployment);
  if (!c.feasible) PredictAnyway(facts, board, coefs, deployment, &c);
  return c;
}

// Every TinyOps-mode candidate of the default spaces on the boards, for the toolkit's picks.
std::vector<explore::Candidate> TinyopsFront(const std::vector<std::string>& board_names) {
  const std::vector<hw::Board> boards = BoardsNamed(board_names);
  std::vector<const hw::Board*> board_ptrs;
  for (const hw::Board& b : boards) board_ptrs.push_back(&b);
  const explore::SweepOptions options =
      explore::TinyopsFrontOptions(explore::DefaultSpaces(Spaces()), board_ptrs);
  return Unwrap(explore::Sweep(options, LoadedModels(), {})).candidates;
}

void Run(const ReproduceArgs& args) {
  const explore::ReproduceInputs in = Unwrap(explore::LoadReproduceInputs(
      Globals().data_dir, latency::NamesFrom(BoardCatalog(), Spaces())));
  const std::vector<explore::Candidate> front = TinyopsFront(explore::BoardsOf(in.rows));
  const explore::ReproduceReport report =
      explore::BuildReproduceReport(in.rows, in.claims, EvaluateNamed, front);
  if (args.json) {
    PrintReproduceJson(report);
  } else {
    PrintReproduceText(report);
  }
  if (!args.strict) return;
  std::string failed;
  for (const explore::ClaimResult& r : report.claims) {
    if (!r.check.holds)
      failed += fmt::format(" {}:{}-vs-{}", r.check.claim.board, r.check.claim.tinyops_variant,
                            r.check.claim.baseline_variant);
  }
  if (!failed.empty())
    throw Failure{kExitCheckFailed, "claims that do not hold (predicted):" + failed};
}

}  // namespace

void RegisterReproduce(CLI::App& app) {
  static ReproduceArgs args;
  CLI::App* cmd = app.add_subcommand(
      "reproduce",
      "The paper's Tables II and III and headline claims, recomputed beside the published numbers");
  cmd->add_flag("--json", args.json,
                "Print JSON: tables (paper, dse, diff per row), summary, claims, picks");
  cmd->add_flag("--strict", args.strict,
                "Exit 3 when a headline claim does not hold with the predicted figures");
  cmd->callback([] { Run(args); });
}

}  // namespace dse_app
