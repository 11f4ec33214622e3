// dse fit VARIANT --board B — for each deployment mode (internal, external, tinyops): does the
// variant fit, what it uses of internal SRAM, internal flash and external memory, and where it
// does not fit, which constraint fails and by how much. When no mode fits, the report is still
// printed and the command exits 4 (no feasible design).

#include <iostream>

#include "app.h"
#include "explore/vocabulary.h"
#include "explore/report_json.h"
#include "explore/texts.h"
#include "deploy_report.h"

namespace dse_app {
namespace {

struct FitOptions {
  std::string variant;
  std::string board;
  std::string budget;
  bool no_filter_growth = false;
  bool json = false;
  std::string runtime;
};

void Run(const FitOptions& options) {
  const kernels::Runtime* runtime = ResolveRuntime(options.runtime);
  const hw::Board board = BoardNamed(options.board);
  const int64_t budget = options.budget.empty() ? 0 : ParseBudgetBytes(options.budget);
  const explore::VariantFacts facts = explore::FactsOf(BuildNamed(options.variant));
  const std::vector<placement::Fit> fits =
      report::FitAllModes(facts, board, runtime, budget, !options.no_filter_growth);
  const placement::Footprint footprint = explore::FootprintFor(facts, *runtime);
  if (options.json) {
    std::cout << explore::DocumentText(explore::FitReportJson(facts.net, board, footprint, fits));
  } else {
    report::PrintFitReport(facts.net, board, footprint, fits);
  }
  const auto none = explore::NoModeFitsText(facts.net.name, board.name, fits);
  if (none) throw Failure{kExitInfeasible, *none};  // the report is printed: exit 4
}

}  // namespace

void RegisterFit(CLI::App& app) {
  static FitOptions options;
  CLI::App* fit = app.add_subcommand(
      "fit", "Whether a variant fits a board in each mode (internal, external, tinyops), and why not "
      "(exit 4 when no mode fits)");
  fit->add_option("variant", options.variant, "Variant name, e.g. proxyless-w0.30-r144")->required();
  fit->add_option("--board", options.board, "Board name (dse boards list) or a profile FILE.toml")
      ->required();
  fit->add_option("--budget", options.budget,
                  "TinyOps SRAM budget in bytes, or K/M (x 1024) (default: the board's sram_budget_bytes)")->check(NotEmpty());
  fit->add_flag("--no-filter-growth", options.no_filter_growth,
                "TinyOps: do not give the unused budget to the filter buffer");
  AddRuntimeOption(fit, &options.runtime);
  fit->add_flag("--json", options.json, "Print JSON: footprint at the top, one object per mode");
  fit->callback([] { Run(options); });
}

}  // namespace dse_app
