#include "report.h"

#include <fmt/format.h>

#include <iostream>

#include "analysis/cost.h"
#include "analysis/peak_tensors.h"

namespace dse_app::report {
namespace {

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

}  // namespace

std::string ShapeText(const graph::Shape& s) { return fmt::format("{}x{}x{}", s.h, s.w, s.c); }

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

void PrintTotals(const graph::Network& net, const analysis::PeakActivation& peak,
                 ParamsNote note) {
  const analysis::Totals totals = analysis::CountNetwork(net);
  const char* params_note = note == ParamsNote::kBatchNormIncluded
                                ? "BN gamma/beta included"
                                : "BN folded: weights and biases";
  std::cout << fmt::format(
      "{}  (analytic counts)\n  MACs                 {:>14L}  ({:.2f} M)\n"
      "  params               {:>14L}  ({:.3f} M, {})\n"
      "  weight bytes         {:>14L}  (int{} weights)\n"
      "  flash bytes          {:>14L}  (weights + int32 bias + requant params)\n"
      "  peak activation      {:>14L}  ({:.1f} KiB, at op {})\n  ops                  {:>14}\n",
      net.name, totals.macs, totals.macs / 1e6, totals.params, totals.params / 1e6, params_note,
      totals.weight_bytes, net.weight_bits, totals.flash_bytes, peak.peak_bytes,
      peak.peak_bytes / 1024.0, peak.peak_step, net.ops.size());
  std::cout << "  MAC share:";
  for (const auto& s : analysis::MacShares(net)) {
    std::cout << fmt::format(" {} {:.1f}%", s.op_class, 100 * s.share);
  }
  std::cout << "\n";
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

nlohmann::json PeakTensorsJson(const graph::Network& net, const analysis::PeakActivation& peak) {
  nlohmann::json rows = nlohmann::json::array();
  for (const analysis::Interval& in : analysis::LiveAtStep(net, peak.peak_step)) {
    const graph::Tensor& t = net.tensor(in.tensor);
    rows.push_back({{"tensor", t.name}, {"shape", ShapeText(t.shape)}, {"bytes", in.bytes},
                    {"first_op", in.first_step}, {"last_op", in.last_step}});
  }
  return rows;
}

void PrintPeakTensors(const graph::Network& net, const analysis::PeakActivation& peak) {
  std::cout << fmt::format("  live at the peak (op {}):\n", peak.peak_step);
  for (const analysis::Interval& in : analysis::LiveAtStep(net, peak.peak_step)) {
    const graph::Tensor& t = net.tensor(in.tensor);
    std::cout << fmt::format("    {:>9} B  {:>13}  ops {}..{}  {}\n", in.bytes, ShapeText(t.shape),
                             in.first_step, in.last_step, t.name);
  }
}

}  // namespace dse_app::report
