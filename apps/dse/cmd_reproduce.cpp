// dse reproduce — the paper's Tables II and III as the toolkit computes them, beside the
// published numbers with the per-cell difference; its headline claims checked; and next to
// each model the paper picked by hand, the toolkit's own pick from its TinyOps front.
// Exit 0; with --strict, exit 3 when a claim does not hold.

#include <fmt/format.h>

#include "app.h"
#include "models.h"
#include "explore/reproduce.h"
#include "explore/reproduce_fairness.h"
#include "explore/reproduce_text.h"
#include "explore/result_json.h"
#include "explore/calibration.h"
#include "explore/summary.h"
#include "explore/sweep.h"

namespace dse_app {
namespace {

struct ReproduceArgs {
  bool json = false;
  bool strict = false;
  std::string runtime;
};

// The toolkit's candidate for a variant on a board in a mode at the board's default budget and
// the TinyOps plan the paper ran (the firmware's); one dse does not fit is predicted as if it fitted.
explore::Candidate EvaluateNamed(const kernels::Runtime* runtime, const std::string& variant,
                                 const std::string& board_name, const std::string& mode) {
  const hw::Board board = BoardNamed(board_name);
  const searchspace::Variant v = Unwrap(Spaces().ParseVariant(variant));
  const explore::VariantFacts facts =
      Unwrap(explore::Analyse(*Spaces().Find(v.space), v.width, v.resolution, LoadedModels()));
  const latency::BoardCoefficients coefs = CoefficientsOn(board, runtime);
  explore::Target target = TargetOn(board, runtime, &coefs, mode);
  target.deployment.configuration = placement::Configuration::kFirmware;  // as the paper's rows ran
  return explore::AsIfFitted(
      Unwrap(explore::EvaluatePoint(facts, target, {.predict_infeasible = true})));
}

// Every TinyOps-mode candidate of the default spaces on the boards, for the toolkit's picks.
std::vector<explore::Candidate> TinyopsFront(const kernels::Runtime* runtime,
                                             const std::vector<std::string>& board_names) {
  const std::vector<hw::Board> boards = BoardsNamed(board_names);
  std::vector<const hw::Board*> board_ptrs;
  for (const hw::Board& b : boards) board_ptrs.push_back(&b);
  explore::SweepOptions options =
      explore::TinyopsFrontOptions(explore::DefaultSpaces(Spaces()), board_ptrs);
  options.runtime = runtime;
  return Unwrap(explore::Sweep(options, LoadedModels(), {})).candidates;
}

void Run(const ReproduceArgs& args) {
  const kernels::Runtime* runtime = ResolveRuntime(args.runtime);
  const explore::ReproduceInputs in = Unwrap(explore::LoadReproduceInputs(
      Globals().data_dir, explore::NamesFrom(BoardCatalog(), Spaces())));
  const std::vector<explore::Candidate> front = TinyopsFront(runtime, explore::BoardsOf(in.rows));
  const explore::ReproduceReport report =
      explore::BuildReproduceReport(
      in.rows, in.claims,
      [runtime](const std::string& v, const std::string& b, const std::string& m) {
        return EvaluateNamed(runtime, v, b, m);
      },
      front);
  const explore::FairnessReport fairness = Unwrap(explore::BuildFairness(
      {explore::DefaultSpaces(Spaces()), BoardsNamed(explore::BoardsOf(in.rows)), runtime,
       in.claims, front}, LoadedModels()));
  if (args.json) {
    nlohmann::json out = explore::ReproduceJson(report);
    out["fairness"] = explore::FairnessJson(fairness);
    std::cout << explore::DocumentText(out);
  } else {
    std::cout << explore::ReproduceText(report) << explore::FairnessText(fairness);
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
  AddRuntimeOption(cmd, &args.runtime);
  cmd->callback([] { Run(args); });
}

}  // namespace dse_app
