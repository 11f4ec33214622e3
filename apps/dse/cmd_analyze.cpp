// dse analyze MODEL.tflite [--board B] — an int8 TFLite model read into the Network IR and
// reported like `dse show`: totals, MAC shares, per-op MACs, weight and live bytes, the tensors
// alive at the peak, and the ops dse does not model (counted, named, never dropped). With
// --board, what `dse fit` and `dse partition` report (fit per mode, the TinyOps plan summary)
// and the predicted latency of --mode, with its provenance and, with --per-op, per op.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app.h"
#include "explore/import_report.h"
#include "explore/vocabulary.h"
#include "explore/report_json.h"
#include "deploy_report.h"
#include "placement/tinyops_mode.h"
#include "models.h"
#include "show_latency.h"
#include "tflite_models.h"

namespace dse_app {
namespace {

struct AnalyzeOptions {
  std::string model_path;
  bool per_op = false;
  bool json = false;
  bool no_filter_growth = false;
  LatencyOptions latency;  // --board, --mode, --budget; no board: counts only
};

// What --board adds: the board, the fit per mode (the tinyops one holds the plan).
struct BoardReport {
  hw::Board board;
  placement::Footprint footprint;
  std::vector<placement::Fit> fits;
  // The TinyOps plan: the tinyops fit always carries its plan.
  const tinyops::Plan& plan() const {
    for (const placement::Fit& fit : fits) {
      if (const tinyops::Plan* p = placement::TinyopsPlan(fit)) return *p;
    }
    FailInput("no TinyOps mode registered");
  }
};

// Checks every option before any work, so bad input exits 2 with nothing on stdout; fills in
// the default mode (ResolveLatency).
void Validate(AnalyzeOptions* o, CLI::App* cmd) {
  const AnalyzeOptions& options = *o;
  ResolveRuntime(options.latency.runtime);
  if (options.latency.board.empty()) {
    for (const char* needs_board : {"--mode", "--budget", "--no-filter-growth"}) {
      if (cmd->count(needs_board) > 0) FailInput(fmt::format("{} needs --board", needs_board));
    }
    return;
  }
  o->latency = ResolveLatency(options.latency);
}

BoardReport Deploy(const explore::VariantFacts& facts, const AnalyzeOptions& options) {
  const kernels::Runtime* runtime = ResolveRuntime(options.latency.runtime);
  BoardReport d{BoardNamed(options.latency.board), explore::FootprintFor(facts, *runtime), {}};
  const int64_t budget =
      options.latency.budget.empty() ? 0 : ParseBudgetBytes(options.latency.budget);
  d.fits = report::FitAllModes(facts, d.board, runtime, budget, !options.no_filter_growth);
  return d;
}

nlohmann::json AnalyzeJson(const tflite::Import& im, const explore::VariantFacts& facts,
                           const AnalyzeOptions& options) {
  const graph::Network& net = im.network;
  nlohmann::json out = explore::ImportJson(im, facts, options.model_path, options.per_op);
  if (options.latency.board.empty()) return out;
  const BoardReport d = Deploy(facts, options);
  out["fit"] = explore::FitReportJson(net, d.board, d.footprint, d.fits);
  out["tinyops_plan"] = explore::PlanSummaryJson(net, d.board, d.plan());
  AddLatencyJson(facts, options.latency, options.per_op, &out);
  return out;
}

void PrintText(const tflite::Import& im, const explore::VariantFacts& facts,
               const AnalyzeOptions& options) {
  const graph::Network& net = im.network;
  std::cout << explore::ImportText(im, facts, options.per_op);
  if (options.latency.board.empty()) return;
  const BoardReport d = Deploy(facts, options);
  std::cout << "\n";
  report::PrintFitReport(net, d.board, d.footprint, d.fits);
  std::cout << "\nTinyOps plan: ";
  report::PrintPlanSummary(net, d.board, d.plan());
  std::cout << "\nPredicted (not measured) latency and energy:\n";
  PrintLatency(facts, options.latency, options.per_op);
}

void Run(AnalyzeOptions options, CLI::App* cmd) {
  Validate(&options, cmd);
  const tflite::Import im = ImportModel(options.model_path);
  const explore::VariantFacts facts = Unwrap(explore::AnalyseNetwork(im.network, LoadedModels()));
  if (options.json) {
    std::cout << explore::DocumentText(AnalyzeJson(im, facts, options));
  } else {
    PrintText(im, facts, options);
  }
}

}  // namespace

void RegisterAnalyze(CLI::App& app) {
  static AnalyzeOptions options;
  CLI::App* cmd = app.add_subcommand(
      "analyze", "Read an int8 TFLite model; report it like 'show' and, with --board, its fit, "
                 "TinyOps plan and predicted latency");
  cmd->add_option("model", options.model_path, "An int8-quantised .tflite flatbuffer")->required();
  cmd->add_option("--board", options.latency.board,
                  "Board name (dse boards list) or a profile FILE.toml: adds fit per mode, the "
                  "TinyOps plan and predicted latency");
  cmd->add_option("--mode", options.latency.mode,
                  "Deployment mode of the predicted latency: internal, external or tinyops "
                  "(default tinyops, internal without external RAM; as deploy picks if the runtime can't)");
  cmd->add_option("--budget", options.latency.budget,
                  "TinyOps SRAM budget in bytes, or K/M (x 1024) (default: the board's sram_budget_bytes)")->check(NotEmpty());
  AddRuntimeOption(cmd, &options.latency.runtime);
  cmd->add_flag("--no-filter-growth", options.no_filter_growth,
                "TinyOps: do not give the unused budget to the filter buffer");
  cmd->add_flag("--per-op", options.per_op,
                "List every op: kind, kernel, stride, shapes, MACs, bytes, live bytes (and, with "
                "--board, its predicted latency)");
  cmd->add_flag("--json", options.json,
                "Print JSON: totals at the top level, per-op rows in 'per_op', ops dse does not "
                "model in 'unsupported_ops'; with --board 'fit', 'tinyops_plan' and latency_ms");
  cmd->callback([cmd] {
    options.latency.filter_growth = !options.no_filter_growth;
    Run(options, cmd);
  });
}

}  // namespace dse_app
