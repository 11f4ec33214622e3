// dse reproduce — the paper's Tables II and III as the toolkit computes them, beside the
// published numbers with the per-cell difference; its headline claims checked; and next to
// each model the paper picked by hand, the toolkit's own pick from its TinyOps front.
// Exit 0; with --strict, exit 3 when a claim does not hold.

#include <fmt/format.h>

#include <algorithm>

#include "app.h"
#include "models.h"
#include "reproduce_report.h"
#include "explore/reproduce.h"
#include "latency/model.h"
#include "latency/samples.h"
#include "placement/placement.h"

namespace dse_app {
namespace {

struct ReproduceArgs {
  bool json = false;
  bool strict = false;
};

struct Inputs {
  std::vector<explore::PaperRow> rows;
  std::vector<explore::Claim> claims;
};

Inputs LoadInputs() {
  const std::string root = Globals().data_dir;
  const auto measured = Unwrap(latency::LoadMeasurements(
      root + "/data/latency/paper.csv", latency::NamesFrom(BoardCatalog(), Spaces())));
  const auto published = Unwrap(accuracy::ParsePublished(
      accuracy::kPublishedPath, Unwrap(accuracy::ReadFile(root + "/" + accuracy::kPublishedPath))));
  const auto links = Unwrap(
      explore::ParseAccuracyLinks("data/reproduce/table2.csv",
                                  Unwrap(accuracy::ReadFile(root + "/data/reproduce/table2.csv"))));
  Inputs in;
  in.rows = Unwrap(explore::JoinPaperRows(measured, links, published));
  in.claims =
      Unwrap(explore::ParseClaims("data/reproduce/claims.csv",
                                  Unwrap(accuracy::ReadFile(root + "/data/reproduce/claims.csv"))));
  return in;
}

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
      latency::CoefficientsFor(board, *LoadedModels().coefficients, &PowerTable());
  const placement::Deployment deployment{Unwrap(placement::ParseMode(mode)), 0, true,
                                         &BudgetTable()};
  explore::Candidate c = explore::Evaluate(facts, board, coefs, deployment);
  if (!c.feasible) PredictAnyway(facts, board, coefs, deployment, &c);
  return c;
}

// Every TinyOps-mode candidate of the default spaces on the boards, for the toolkit's picks.
std::vector<explore::Candidate> TinyopsFront(const std::vector<std::string>& board_names) {
  const std::vector<hw::Board> boards = BoardsNamed(board_names);
  explore::SweepOptions options;
  for (const searchspace::Space& s : Spaces().spaces()) {
    if (s.fixed || s.name == "mbv3" || s.name == "proxyless" || s.name == "mnasnet")
      options.spaces.push_back(&s);
  }
  for (const hw::Board& b : boards) options.boards.push_back(&b);
  options.modes = {placement::Mode::kTinyops};
  return Unwrap(explore::Sweep(options, LoadedModels(), {})).candidates;
}

// The claim's two models, the check, and the toolkit's pick: the most accurate TinyOps design
// at no more predicted latency than the baseline, compared with the same baseline.
ClaimResult RunClaim(const explore::Claim& claim, const std::vector<explore::PaperRow>& rows,
                     const std::vector<explore::Candidate>& front) {
  const explore::Candidate tinyops = EvaluateNamed(claim.tinyops_variant, claim.board, "tinyops");
  const explore::Candidate baseline =
      EvaluateNamed(claim.baseline_variant, claim.board, "internal");
  ClaimResult r{explore::CheckClaim(claim, tinyops, baseline, rows),
                explore::ToolkitPick(baseline, front),
                {},
                {},
                baseline.fail_reason};
  if (r.pick) {
    explore::Claim own = claim;
    own.tinyops_variant = r.pick->variant;
    const explore::ClaimCheck check = explore::CheckClaim(own, *r.pick, baseline, rows);
    r.pick_gain_pct = check.top1_gain_pct;
    r.pick_ratio = check.latency_ratio;
  }
  return r;
}

void Run(const ReproduceArgs& args) {
  const Inputs in = LoadInputs();
  std::vector<explore::RowComparison> rows;
  std::vector<std::string> boards;
  for (const explore::PaperRow& p : in.rows) {
    rows.push_back({p, EvaluateNamed(p.variant, p.board, p.mode)});
    if (std::find(boards.begin(), boards.end(), p.board) == boards.end()) boards.push_back(p.board);
  }
  const std::vector<explore::Candidate> front = TinyopsFront(boards);
  std::vector<ClaimResult> claims;
  for (const explore::Claim& c : in.claims) claims.push_back(RunClaim(c, in.rows, front));
  std::vector<PickResult> picks;
  for (const explore::RowComparison& r : rows) {
    if (r.paper.table == "II" && r.paper.mode == "tinyops")
      picks.push_back({r, explore::ToolkitPick(r.toolkit, front)});
  }
  const ReproduceReport report{rows, Summarise(rows), claims, picks};
  if (args.json) {
    PrintReproduceJson(report);
  } else {
    PrintReproduceText(report);
  }
  if (!args.strict) return;
  std::string failed;
  for (const ClaimResult& r : claims) {
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
