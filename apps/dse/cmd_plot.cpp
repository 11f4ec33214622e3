// dse plot ops|budget — the paper's Fig. 6 (MAC share and predicted latency share per op class,
// stacked bars per variant) and Fig. 9 (predicted TinyOps latency and partition factor against
// the SRAM budget). Each writes PNG, SVG, the .gp script and the .dat data through lib/plot,
// and prints the numbers it plotted.

#include <fmt/format.h>

#include <iostream>

#include "app.h"
#include "explore/budget_figure.h"
#include "explore/share_figure.h"
#include "explore/evaluate.h"
#include "models.h"
#include "placement/memory_checks.h"
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

void RunOps(const OpsArgs& a) {
  const kernels::Runtime* runtime = ResolveRuntime(a.runtime);
  if (a.board.empty() && a.mode != "tinyops")
    FailInput("--mode needs --board (the latency share is per board and mode)");
  const std::string mode(Unwrap(placement::FindMode(a.mode))->id());
  std::optional<hw::Board> board;
  if (!a.board.empty()) board = BoardNamed(a.board);
  std::vector<explore::VariantFacts> nets;  // all built first: a bad name fails before any output
  for (const std::string& v : a.variants) nets.push_back(explore::FactsOf(BuildNamed(v)));
  std::optional<latency::BoardCoefficients> coefs;
  std::optional<explore::Target> base;
  if (board) {
    coefs = CoefficientsOn(*board, runtime);
    base = TargetOn(*board, runtime, &*coefs, mode);
  }
  const explore::ShareFigure f =
      Unwrap(explore::ShareFigureOf(a.variants, nets, base ? &*base : nullptr, a.mode));
  std::cout << f.text;
  for (const std::string& note : f.notes) Note(note);
  for (const auto& path : Unwrap(plot::Write(f.figure, a.out))) Note("wrote " + path);
}

// Defaults: 16 KiB to the most SRAM the board gives TinyOps (placement::MaxBudgetBytes, the
// rule of every --budget) in 16 KiB steps.
explore::BudgetRange RangeOf(const BudgetArgs& a, const hw::Board& board) {
  return Unwrap(explore::ParseBudgetRange(
      a.from, a.to, a.step, placement::MaxBudgetBytes(board, &BudgetTable()), board.name));
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
