// dse plot ops|budget — the paper's Fig. 6 (MAC share and predicted latency share per op class,
// stacked bars per variant) and Fig. 9 (predicted TinyOps latency and partition factor against
// the SRAM budget). Each writes PNG, SVG, the .gp script and the .dat data through lib/plot,
// and prints the numbers it plotted.

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "analysis/cost.h"
#include "app.h"
#include "explore/budget_figure.h"
#include "explore/op_shares.h"
#include "explore/share_figure.h"
#include "explore/evaluate.h"
#include "models.h"
#include "placement/tinyops_mode.h"
#include "plot/figure.h"
#include "util/spellcheck.h"

namespace dse_app {
namespace {

struct OpsArgs {
  std::vector<std::string> variants;
  std::string board;
  std::string mode = "tinyops";
  std::string out = "results/plots";
  std::string runtime;
};

struct BudgetArgs {
  std::string variant;
  std::string board;
  std::string from, to, step;
  std::string out = "results/plots";
  std::string runtime;
};

// Every prediction goes through explore::EvaluatePoint, the sweep's path.
explore::Evaluation EvaluateOn(const explore::VariantFacts& facts, const hw::Board& board,
                               const kernels::Runtime* runtime, const std::string& mode,
                               int64_t budget_bytes, bool predict_infeasible) {
  const auto coefs = CoefficientsOn(board, runtime);
  const explore::Target target = TargetOn(board, runtime, &coefs, mode, budget_bytes);
  explore::Evaluation e =
      Unwrap(explore::EvaluatePoint(facts, target, {.predict_infeasible = predict_infeasible}));
  if (e.latency_error && (e.fit.fits || predict_infeasible)) FailInput(e.latency_error->message);
  return e;
}

// The predicted latency at the board's default budget; nullopt (with a note) when it does not fit.
std::optional<latency::Estimate> PredictIfFits(const explore::VariantFacts& facts,
                                               const hw::Board& board,
                                               const kernels::Runtime* runtime,
                                               const std::string& mode) {
  explore::Evaluation e = EvaluateOn(facts, board, runtime, mode, 0, false);
  if (!e.fit.fits) {
    Note(fmt::format("note: {} does not fit {} in {} mode ({}); no latency bar", facts.net.name,
                     board.name, mode, e.fit.violations.front().constraint));
    return std::nullopt;
  }
  return e.estimate;
}

void PrintShares(const std::string& variant, const std::string& what,
                 const std::map<std::string, double>& shares) {
  std::cout << fmt::format("  {:<24} {:<28}", variant, what);
  for (const auto& [c, s] : explore::OrderedShares(shares)) {
    std::cout << fmt::format(" {} {:.1f}%", c, 100 * s);
  }
  std::cout << "\n";
}

void RunOps(const OpsArgs& a) {
  const kernels::Runtime* runtime = ResolveRuntime(a.runtime);
  if (a.board.empty() && a.mode != "tinyops")
    FailInput("--mode needs --board (the latency share is per board and mode)");
  const std::string mode(Unwrap(placement::FindMode(a.mode))->id());
  std::optional<hw::Board> board;
  if (!a.board.empty()) board = BoardNamed(a.board);
  plot::Figure f = explore::ShareFigureFrame(a.variants, board ? board->name : "", a.mode);
  std::vector<explore::VariantFacts> nets;  // all built first: a bad name fails before any output
  for (const std::string& v : a.variants) nets.push_back(explore::FactsOf(BuildNamed(v)));
  std::vector<explore::ShareBar> bars;
  std::cout << (board ? "MAC share and predicted latency share per op class:\n"
                      : "MAC share per op class:\n");
  for (size_t i = 0; i < a.variants.size(); ++i) {
    const graph::Network& net = nets[i].net;
    explore::ShareBar macs{i * (board ? 2.5 : 1.2), {}};
    for (const analysis::ClassShare& s : analysis::MacShares(net))
      macs.shares[s.op_class] = s.share;
    bars.push_back(macs);
    // With a latency bar beside it, the variant's name goes on a third line between the two.
    f.x_tics.push_back({macs.x, board ? "MACs" : a.variants[i]});
    if (board) f.x_tics.push_back({macs.x + 0.5, "\n\n" + a.variants[i]});
    PrintShares(a.variants[i], "MACs", macs.shares);
    if (!board) continue;
    const auto estimate = PredictIfFits(nets[i], *board, runtime, mode);
    if (!estimate) continue;
    explore::ShareBar time{macs.x + 1, {}};
    for (const explore::ClassLatencyShare& s : explore::LatencyShares(net, *estimate))
      time.shares[s.op_class] = s.share;
    bars.push_back(time);
    const bool prior = estimate->provenance.rfind("prior", 0) == 0;
    f.x_tics.push_back({time.x, prior ? "latency\n(prior only)" : "latency\n(predicted)"});
    PrintShares(a.variants[i], fmt::format("latency {:.0f} ms (predicted)", estimate->latency_ms),
                time.shares);
  }
  explore::AddStackedBars(bars, &f);
  for (const auto& path : Unwrap(plot::Write(f, a.out))) Note("wrote " + path);
}

// Defaults: 16 KiB to the most SRAM the board gives TinyOps (its available SRAM, or its default
// TinyOps budget where the profile sets that higher) in 16 KiB steps.
explore::BudgetRange RangeOf(const BudgetArgs& a, const hw::Board& board) {
  return Unwrap(explore::ParseBudgetRange(
      a.from, a.to, a.step, std::max(board.sram.available_bytes(), DefaultBudgetBytes(board)),
      board.name));
}

void RunBudget(const BudgetArgs& a) {
  const kernels::Runtime* runtime = ResolveRuntime(a.runtime);
  const hw::Board board = BoardNamed(a.board);
  const explore::BudgetRange r = RangeOf(a, board);
  const explore::VariantFacts facts = explore::FactsOf(BuildNamed(a.variant));
  const auto coefs = CoefficientsOn(board, runtime);
  const explore::BudgetCurve curve = Unwrap(explore::BudgetCurveOf(
      facts, a.variant, TargetOn(board, runtime, &coefs, "tinyops"), r,
      explore::BudgetsOf(r, DefaultBudgetBytes(board))));
  std::cout << curve.text;
  if (!curve.any_fits()) {
    throw Failure{kExitInfeasible,
                  fmt::format("no budget from {} B to {} B fits a TinyOps plan of {}", r.from_bytes,
                              r.to_bytes, a.variant)};
  }
  for (const auto& path : Unwrap(plot::Write(curve.figure, a.out))) Note("wrote " + path);
}

// `plot` allows extras so that an unknown figure gets a suggestion; a figure's own unknown
// arguments fall through to it and are refused here.
void RejectExtras(CLI::App* plot) {
  CLI::App* figure = plot->get_subcommands().front();
  for (const CLI::App* app : {figure, plot}) {
    const std::vector<std::string> extras = app->remaining();
    if (!extras.empty()) {
      FailInput(fmt::format("unexpected argument '{}'; see dse plot {} --help", extras.front(),
                            figure->get_name()));
    }
  }
}

}  // namespace

void RegisterPlot(CLI::App& app) {
  static OpsArgs ops;
  static BudgetArgs budget;
  CLI::App* plot = app.add_subcommand(
      "plot", "Figures: op-class shares (paper Fig. 6), latency vs SRAM budget (Fig. 9)");
  // Without a known figure, name the nearest one (CLI11 alone says "a subcommand is required").
  plot->require_subcommand(0, 1);
  plot->allow_extras();
  plot->callback([plot] {
    if (!plot->get_subcommands().empty()) return;
    const std::vector<std::string> extras = plot->remaining();
    if (extras.empty()) FailInput("dse plot needs a figure: ops (Fig. 6) or budget (Fig. 9)");
    FailInput(fmt::format("unknown figure '{}'{}; figures: ops, budget", extras.front(),
                          util::DidYouMean(extras.front(), {"ops", "budget"})));
  });
  CLI::App* o = plot->add_subcommand(
      "ops", "MAC share and predicted latency share per op class, per variant (Fig. 6)");
  o->add_option("variants", ops.variants, "Variant names, e.g. mbv3-w1.00-r160 mbv3-w0.30-r224")
      ->required();
  o->add_option("--board", ops.board,
                "Board name or profile file: adds the predicted latency share");
  o->add_option("--mode", ops.mode,
                "Deployment mode for the latency share: internal, external or tinyops")
      ->capture_default_str();
  o->add_option("--out", ops.out, "Directory for the figure (default results/plots)");
  AddRuntimeOption(o, &ops.runtime);
  o->callback([plot] {
    RejectExtras(plot);
    RunOps(ops);
  });
  CLI::App* b = plot->add_subcommand(
      "budget", "Predicted TinyOps latency and partition factor vs SRAM budget (Fig. 9)");
  b->add_option("variant", budget.variant, "Variant name, e.g. mbv3-w1.00-r160")->required();
  b->add_option("--board", budget.board, "Board name or profile file")->required();
  b->add_option("--from", budget.from, "Smallest budget in bytes, or K/M (x 1024) (default 16384)");
  b->add_option("--to", budget.to, "Largest budget in bytes, or K/M (x 1024) (default: the board's available SRAM)");
  b->add_option("--step", budget.step, "Budget step in bytes, or K/M (x 1024) (default 16384)");
  b->add_option("--out", budget.out, "Directory for the figure (default results/plots)");
  AddRuntimeOption(b, &budget.runtime);
  b->callback([plot] {
    RejectExtras(plot);
    RunBudget(budget);
  });
}

}  // namespace dse_app
