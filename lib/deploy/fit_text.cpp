#include "deploy/fit_text.h"

#include <fmt/format.h>

#include "placement/memory_checks.h"
#include "placement/schedule_modes.h"
#include "placement/tinyops_mode.h"
#include "placement/violations.h"

namespace deploy {

std::string FitReportText(const graph::Network& net, const hw::Board& board,
                          const placement::Footprint& f, const std::vector<placement::Fit>& fits) {
  std::string out = fmt::format(
      "{} on {} ({})\n  weights + biases + requantisation {} B\n  peak activations {} B, "
      "tensors + kernel scratch {} B (op {})\n\n{:<9} {:<5} {:>10} {:>10} {:>11}  {}\n",
      net.name, board.name, board.title, f.weight_bytes, f.peak_activation_bytes, f.arena_bytes,
      f.arena_peak_op, "mode", "fits", "SRAM_B", "flash_B", "external_B", "notes");
  for (const placement::Fit& fit : fits) {
    std::string notes = fit.external_name.empty() ? "" : "in " + fit.external_name;
    const tinyops::Plan* plan = placement::TinyopsPlan(fit);
    if (plan && plan->fits) {
      notes += fmt::format("{}PF {}, S {} B, budget {} B", notes.empty() ? "" : "; ",
                           plan->partition_factor, plan->max_partition_bytes, plan->budget_bytes);
    }
    out += fmt::format("{:<9} {:<5} {:>10} {:>10} {:>11}  {}\n", fit.mode,
                       fit.fits ? "yes" : "no", fit.sram_bytes, fit.flash_bytes,
                       fit.external_bytes, notes);
    out += placement::FitPartsText(fit);
    if (!fit.configuration.empty()) out += "    configuration: " + fit.configuration + "\n";
    if (const std::string s = placement::DescribeSchedule(fit); !s.empty()) {
      out += "    schedule: " + s + "\n";
    }
    for (const placement::Violation& v : fit.violations) {
      out += "    " + placement::ViolationText(v) + "\n";
    }
  }
  return out;
}

std::string PlanSummaryText(const graph::Network& net, const hw::Board& board,
                            const tinyops::Plan& plan, const std::string& configuration) {
  std::string out = fmt::format("{} on {}: {}\n", net.name, board.name,
                                plan.fits ? "fits" : "does not fit");
  if (plan.shortfall) out += "  " + plan.shortfall->reason + "\n";
  const std::string s_op = plan.max_partition_op < 0 ? ""
      : net.ops[static_cast<size_t>(plan.max_partition_op)].name;
  out += fmt::format(
      "  partition factor      {}\n  largest input part S  {} B (op {} '{}')\n"
      "  SRAM                  {} B of a {} B budget (filter growth {})\n  buffers              ",
      plan.partition_factor, plan.max_partition_bytes, plan.max_partition_op, s_op,
      plan.sram_bytes, plan.budget_bytes,
      plan.filter_growth ? fmt::format("+{} B", plan.filter_growth_bytes) : "off");
  for (int b = 0; b < tinyops::kBufferCount; ++b) {
    out += fmt::format(" {} {}", tinyops::BufferName(static_cast<tinyops::Buffer>(b)),
                       plan.buffer_bytes[static_cast<size_t>(b)]);
  }
  out += fmt::format("\n  bytes                 DMA {}, read in place {}, written {}\n",
                     plan.dma_bytes, plan.in_place_read_bytes, plan.output_bytes);
  if (!configuration.empty()) out += "  configuration         " + configuration + "\n";
  for (const std::string& w : plan.warnings) out += "  warning: " + w + "\n";
  return out;
}

namespace {

std::string OverlayText(const tinyops::OpPlan& op) {
  if (op.filter_bytes == 0 && op.bias_bytes == 0) return "";
  return fmt::format("{}{}{}{}", op.filter_overlaid ? 'F' : '-', op.bias_overlaid ? 'B' : '-',
                     op.quant_overlaid ? 'Q' : '-',
                     op.scratch_bytes == 0 ? ' ' : (op.scratch_in_sram ? 'I' : 'i'));
}

}  // namespace

std::string PlanOpsText(const graph::Network& net, const tinyops::Plan& plan) {
  std::string out = fmt::format("\n{:>3} {:<24} {:<17} {:>12} {:>3} {:<4} {:>10}  {}\n", "#",
                                "op", "kind", "input", "PF", "ovl", "in_place_B",
                                "parts: [input rows incl. halo) -> output rows");
  for (const tinyops::OpPlan& op : plan.ops) {
    const graph::Op& g = net.ops[static_cast<size_t>(op.op)];
    const graph::Shape& in = net.input_shape(g);
    std::string parts = op.parts.empty() ? "unpartitioned, runs in place" : "";
    for (const tinyops::Part& p : op.parts) {
      parts += fmt::format("[{},{})->{} ", p.rows.in_begin_row, p.rows.in_end_row, p.rows.out_rows);
    }
    out += fmt::format("{:>3} {:<24} {:<17} {:>12} {:>3} {:<4} {:>10}  {}\n", op.op, g.name,
                       graph::OpKindName(g.kind), fmt::format("{}x{}x{}", in.h, in.w, in.c),
                       op.partition_factor, OverlayText(op), op.in_place_read_bytes, parts);
  }
  return out + "ovl: F filter, B bias, Q quant params DMA'd to SRAM ('-' read in place); "
               "I im2col in SRAM, i im2col in the external arena\n";
}

}  // namespace deploy
