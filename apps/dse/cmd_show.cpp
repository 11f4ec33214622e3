// dse show VARIANT — exact counts of one network: totals, MAC share per op class, per-op table.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "app.h"
#include "show_latency.h"

namespace dse_app {
namespace {

struct ShowOptions {
  std::string variant;
  bool per_op = false;
  bool json = false;
  LatencyOptions latency;  // --board/--mode/--budget (show_latency.h)
};

std::string ShapeText(const graph::Shape& s) { return fmt::format("{}x{}x{}", s.h, s.w, s.c); }

nlohmann::json OpJson(const graph::Network& net, size_t i, int64_t live_bytes) {
  const graph::Op& op = net.ops[i];
  const analysis::OpCost cost = analysis::CountOp(net, op);
  return {{"index", i},
          {"kind", graph::OpKindName(op.kind)},
          {"op_class", analysis::OpClass(op)},
          {"role", graph::OpRoleName(op.role)},
          {"block", op.block},
          {"kernel", {op.kernel_h, op.kernel_w}},
          {"stride", {op.stride_h, op.stride_w}},
          {"activation", graph::ActivationName(op.activation)},
          {"input_shape", ShapeText(net.input_shape(op))},
          {"output_shape", ShapeText(net.output_shape(op))},
          {"macs", cost.macs},
          {"params", cost.params},
          {"weight_bytes", cost.weight_bytes},
          {"flash_bytes", cost.flash_bytes()},
          {"live_activation_bytes", live_bytes}};
}

nlohmann::json NetworkJson(const graph::Network& net, bool per_op) {
  const analysis::Totals totals = analysis::CountNetwork(net);
  const analysis::PeakActivation peak = analysis::ComputePeak(net);
  nlohmann::json out = {{"variant", net.name},
                        {"macs", totals.macs},
                        {"params", totals.params},
                        {"weight_bytes", totals.weight_bytes},
                        {"flash_bytes", totals.flash_bytes},
                        {"peak_activation_bytes", peak.peak_bytes},
                        {"peak_activation_op", peak.peak_step},
                        {"ops", net.ops.size()},
                        {"activation_bits", net.activation_bits},
                        {"counts_provenance", "analytic"}};
  nlohmann::json shares = nlohmann::json::object();
  for (const auto& s : analysis::MacShares(net)) shares[s.op_class] = s.share;
  out["mac_share"] = shares;
  if (per_op) {
    out["per_op"] = nlohmann::json::array();
    for (size_t i = 0; i < net.ops.size(); ++i) {
      out["per_op"].push_back(OpJson(net, i, peak.live_bytes[i]));
    }
  }
  return out;
}

void PrintPerOp(const graph::Network& net, const analysis::PeakActivation& peak) {
  std::cout << fmt::format("{:>4} {:<17} {:<8} {:>5} {:>3} {:>13} {:>13} {:>11} {:>9} {:>9}\n",
                           "#", "kind", "class", "k", "s", "input", "output", "MACs",
                           "weight_B", "live_B");
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const graph::Op& op = net.ops[i];
    const analysis::OpCost cost = analysis::CountOp(net, op);
    std::cout << fmt::format("{:>4} {:<17} {:<8} {:>5} {:>3} {:>13} {:>13} {:>11} {:>9} {:>9}{}\n",
                             i, graph::OpKindName(op.kind), analysis::OpClass(op),
                             fmt::format("{}x{}", op.kernel_h, op.kernel_w), op.stride_h,
                             ShapeText(net.input_shape(op)), ShapeText(net.output_shape(op)),
                             cost.macs, cost.weight_bytes, peak.live_bytes[i],
                             static_cast<int>(i) == peak.peak_step ? "  <- peak" : "");
  }
}

void Run(const ShowOptions& options) {
  const graph::Network net = BuildNamed(options.variant);
  if (options.json) {
    nlohmann::json out = NetworkJson(net, options.per_op);
    AddLatencyJson(net, options.latency, options.per_op, &out);
    const ShowTop1 top1 = Top1OfVariant(options.variant, analysis::CountNetwork(net).macs);
    out["top1"] = top1.top1_pct;
    out["top1_provenance"] = top1.provenance;
    std::cout << out.dump(2) << "\n";
    return;
  }
  const analysis::Totals totals = analysis::CountNetwork(net);
  const analysis::PeakActivation peak = analysis::ComputePeak(net);
  std::cout << fmt::format(
      "{}  (analytic counts)\n  MACs                 {:>14L}  ({:.2f} M)\n"
      "  params               {:>14L}  ({:.3f} M, BN gamma/beta included)\n"
      "  weight bytes         {:>14L}  (int{} weights)\n"
      "  flash bytes          {:>14L}  (weights + int32 bias + requant params)\n"
      "  peak activation      {:>14L}  ({:.1f} KiB, at op {})\n  ops                  {:>14}\n",
      net.name, totals.macs, totals.macs / 1e6, totals.params, totals.params / 1e6,
      totals.weight_bytes, net.weight_bits, totals.flash_bytes, peak.peak_bytes,
      peak.peak_bytes / 1024.0, peak.peak_step, net.ops.size());
  std::cout << "  MAC share:";
  for (const auto& s : analysis::MacShares(net)) {
    std::cout << fmt::format(" {} {:.1f}%", s.op_class, 100 * s.share);
  }
  std::cout << "\n";
  std::cout << "  top-1                " << Top1OfVariant(options.variant, totals.macs).text << "\n";
  if (options.per_op) PrintPerOp(net, peak);
  PrintLatency(net, options.latency, options.per_op);
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
  AddLatencyOptions(show, &options.latency);
  show->callback([] { Run(options); });
}

}  // namespace dse_app
