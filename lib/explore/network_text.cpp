#include "explore/network_text.h"

#include <fmt/format.h>

#include "analysis/cost.h"
#include "analysis/peak_tensors.h"
#include "explore/report_json.h"

namespace explore {

std::string TotalsText(const graph::Network& net, const analysis::PeakActivation& peak,
                       ParamsNote note) {
  std::string out;
  const analysis::Totals totals = analysis::CountNetwork(net);
  const char* params_note = note == ParamsNote::kBatchNormIncluded
                                ? "BN gamma/beta included"
                                : "BN folded: weights and biases";
  out += fmt::format(
      "{}  (analytic counts)\n  MACs                 {:>14L}  ({:.2f} M)\n"
      "  params               {:>14L}  ({:.3f} M, {})\n"
      "  weight bytes         {:>14L}  (int{} weights)\n"
      "  flash bytes          {:>14L}  (weights + int32 bias + requant params)\n"
      "  peak activation      {:>14L}  ({:.1f} KiB, at op {})\n  ops                  {:>14}\n",
      net.name, totals.macs, totals.macs / 1e6, totals.params, totals.params / 1e6, params_note,
      totals.weight_bytes, net.weight_bits, totals.flash_bytes, peak.peak_bytes,
      peak.peak_bytes / 1024.0, peak.peak_step, net.ops.size());
  out += "  MAC share:";
  for (const auto& s : analysis::MacShares(net)) {
    out += fmt::format(" {} {:.1f}%", s.op_class, 100 * s.share);
  }
  out += "\n";
  return out;
}

std::string PerOpText(const graph::Network& net, const analysis::PeakActivation& peak) {
  std::string out =
      fmt::format("{:>4} {:<17} {:<8} {:>5} {:>3} {:>13} {:>13} {:>11} {:>9} {:>9}\n", "#", "kind",
                  "class", "k", "s", "input", "output", "MACs", "weight_B", "live_B");
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const graph::Op& op = net.ops[i];
    const analysis::OpCost cost = analysis::CountOp(net, op);
    out += fmt::format("{:>4} {:<17} {:<8} {:>5} {:>3} {:>13} {:>13} {:>11} {:>9} {:>9}{}\n", i,
                       graph::OpKindName(op.kind), analysis::OpClass(op),
                       fmt::format("{}x{}", op.kernel_h, op.kernel_w), op.stride_h,
                       ShapeText(net.input_shape(op)), ShapeText(net.output_shape(op)), cost.macs,
                       cost.weight_bytes, peak.live_bytes[i],
                       static_cast<int>(i) == peak.peak_step ? "  <- peak" : "");
  }
  return out;
}

std::string PeakTensorsText(const graph::Network& net, const analysis::PeakActivation& peak) {
  std::string out = fmt::format("  live at the peak (op {}):\n", peak.peak_step);
  for (const analysis::Interval& in : analysis::LiveAtStep(net, peak.peak_step)) {
    const graph::Tensor& t = net.tensor(in.tensor);
    out += fmt::format("    {:>9} B  {:>13}  ops {}..{}  {}\n", in.bytes, ShapeText(t.shape),
                       in.first_step, in.last_step, t.name);
  }
  return out;
}

}  // namespace explore
