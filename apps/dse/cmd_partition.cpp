// dse partition DESIGN --board B — DESIGN a variant or an int8 .tflite file; the TinyOps plan:
// PF, the seven SRAM buffers, the largest input partition, per op its parts (input rows with
// halo, output rows), overlays and bytes read in place from external RAM, and the SRAM total
// against the budget. A budget no plan fits prints the reason and exits 4 (no feasible design).

#include <fmt/format.h>

#include <iostream>

#include "app.h"
#include "explore/report_json.h"
#include "models.h"
#include "tflite_models.h"
#include "deploy/fit_text.h"
#include "deploy_report.h"
#include "explore/evaluate.h"
#include "placement/memory_checks.h"
#include "placement/tinyops_mode.h"
#include "placement/violations.h"

namespace dse_app {
namespace {

struct PartitionOptions {
  std::string variant;
  std::string board;
  std::string budget;
  bool no_filter_growth = false;
  bool json = false;
  std::string runtime;
};

void PrintText(const graph::Network& net, const hw::Board& board, const placement::Fit& fit) {
  report::PrintPlanSummary(net, board, *placement::TinyopsPlan(fit), fit.configuration);
  std::cout << deploy::PlanOpsText(net, *placement::TinyopsPlan(fit));
}

void Run(const PartitionOptions& options) {
  const kernels::Runtime* runtime = ResolveRuntime(options.runtime);
  const hw::Board board = BoardNamed(options.board);
  Unwrap(placement::RequireTinyopsRam(board));
  const int64_t budget = options.budget.empty() ? 0 : ParseBudgetBytes(options.budget);
  const explore::VariantFacts facts = DesignNamed(options.variant);
  const graph::Network& net = facts.net;
  const latency::BoardCoefficients coefficients = CoefficientsOn(board, runtime);  // prices configurations
  const explore::Target target =
      TargetOn(board, runtime, &coefficients, "tinyops", budget, !options.no_filter_growth);
  const explore::Evaluation evaluation = Unwrap(explore::EvaluatePoint(facts, target));
  const tinyops::Plan& plan = *placement::TinyopsPlan(evaluation.fit);
  if (options.json) {
    std::cout << explore::DocumentText(explore::PlanJson(net, board, plan));
  } else {
    PrintText(net, board, evaluation.fit);
  }
  if (!evaluation.fit.fits) {  // the plan's shortfall, else what else the mode needs (a runtime)
    const std::string why =
        plan.fits ? placement::ViolationsText(evaluation.fit) : plan.shortfall->reason;
    throw Failure{kExitInfeasible, "does not fit: " + why};
  }
}

}  // namespace

void RegisterPartition(CLI::App& app) {
  static PartitionOptions options;
  CLI::App* cmd = app.add_subcommand(
      "partition", "The TinyOps plan of a variant on a board (exit 2 when the board has no external RAM, 4 when no plan fits the budget)");
  cmd->add_option("variant", options.variant, "Variant name (e.g. mbv3-w1.00-r160) or an int8 FILE.tflite")->required();
  cmd->add_option("--board", options.board, "Board name (dse boards list) or a profile FILE.toml")
      ->required();
  cmd->add_option("--budget", options.budget,
                  "SRAM budget in bytes, or K/M (x 1024), for the seven buffers (default: the board's "
                  "sram_budget_bytes)")->check(NotEmpty());
  cmd->add_flag("--no-filter-growth", options.no_filter_growth,
                "Keep the filter buffer at S + 32 instead of giving it the unused budget");
  AddRuntimeOption(cmd, &options.runtime);
  cmd->add_flag("--json", options.json,
                "Print JSON: fits, partition_factor, max_partition_bytes, sram_bytes, "
                "budget_bytes and the buffers by name at the top level, per-op parts in 'ops'");
  cmd->callback([] { Run(options); });
}

}  // namespace dse_app
