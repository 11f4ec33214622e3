// dse show VARIANT — exact counts of one network: totals, MAC share per op class, per-op table.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "app.h"
#include "explore/report_json.h"
#include "models.h"
#include "report.h"
#include "show_latency.h"

namespace dse_app {
namespace {

struct ShowOptions {
  std::string variant;
  bool per_op = false;
  bool json = false;
  std::string db = store::kDefaultPath;  // its measured accuracies apply
  LatencyOptions latency;  // --board/--mode/--budget (show_latency.h)
};

using explore::NetworkJson;
using report::PrintPerOp;

void Run(ShowOptions options) {
  UseDatabase(options.db, {});
  ResolveRuntime(options.latency.runtime);
  options.latency = ResolveLatency(options.latency);  // a bad board exits before any output
  const explore::VariantFacts facts = explore::FactsOf(BuildNamed(options.variant));
  const graph::Network& net = facts.net;
  if (options.json) {
    nlohmann::json out = explore::NetworkJson(net, options.per_op);
    AddLatencyJson(facts, options.latency, options.per_op, &out);
    const ShowTop1 top1 = Top1OfVariant(options.variant, analysis::CountNetwork(net).macs);
    out.update(top1.json);
    std::cout << explore::DocumentText(out);
    return;
  }
  const analysis::Totals totals = analysis::CountNetwork(net);
  const analysis::PeakActivation peak = analysis::ComputePeak(net);
  report::PrintTotals(net, peak);
  std::cout << "  top-1                " << Top1OfVariant(options.variant, totals.macs).text << "\n";
  if (options.per_op) PrintPerOp(net, peak);
  PrintLatency(facts, options.latency, options.per_op);
}

}  // namespace

void RegisterShow(CLI::App& app) {
  static ShowOptions options;
  CLI::App* show = app.add_subcommand("show", "Exact MACs, params, bytes and peak activation of a variant");
  show->add_option("variant", options.variant,
                   "Variant name: FAMILY-wW.WW-rRRR (e.g. mbv3-w1.00-r160) or a fixed net (mcunet-in3)")
      ->required();
  show->add_flag("--per-op", options.per_op, "List every op: kind, kernel, stride, shapes, MACs, bytes, live bytes");
  show->add_flag("--json", options.json, "Print JSON (totals at the top level, per-op rows in 'per_op')");
  show->add_option("--db", options.db, "Results database whose measured accuracies apply (default results/dse.sqlite)")->check(CLI::ExistingFile);
  AddLatencyOptions(show, &options.latency);
  show->callback([] { Run(options); });
}

}  // namespace dse_app
