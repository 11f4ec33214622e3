#include "deploy_report.h"

#include <fmt/format.h>

#include <iostream>
#include <string>

#include "app.h"
#include "models.h"
#include "placement/tinyops_mode.h"

namespace dse_app::report {
namespace {

nlohmann::json FitJson(const placement::Fit& fit) {
  nlohmann::json violations = nlohmann::json::array();
  for (const placement::Violation& v : fit.violations) {
    violations.push_back({{"constraint", v.constraint}, {"needed_bytes", v.needed_bytes},
                          {"available_bytes", v.available_bytes},
                          {"excess_bytes", v.excess_bytes()}, {"detail", v.detail}});
  }
  nlohmann::json out = {{"mode", fit.mode}, {"fits", fit.fits},
                        {"sram_bytes", fit.sram_bytes}, {"flash_bytes", fit.flash_bytes},
                        {"external_bytes", fit.external_bytes},
                        {"storage_bytes", fit.storage_bytes},
                        {"external_memory", fit.external_name}, {"storage", fit.storage_name},
                        {"violations", violations}};
  if (const tinyops::Plan* plan = placement::TinyopsPlan(fit)) {
    out["partition_factor"] = plan->partition_factor;
    out["max_partition_bytes"] = plan->max_partition_bytes;
    out["budget_bytes"] = plan->budget_bytes;
  }
  return out;
}

}  // namespace

std::vector<placement::Fit> FitAllModes(const explore::VariantFacts& facts,
                                        const hw::Board& board,
                                        const kernels::Runtime* runtime, int64_t budget_bytes,
                                        bool filter_growth) {
  const explore::Target target = TargetOn(board, runtime, nullptr, "", budget_bytes, filter_growth);
  std::vector<placement::Fit> fits;
  for (explore::Evaluation& e : Unwrap(explore::EvaluateAllModes(facts, target))) {
    fits.push_back(std::move(e.fit));
  }
  return fits;
}

nlohmann::json FitReportJson(const graph::Network& net, const hw::Board& board,
                             const placement::Footprint& footprint,
                             const std::vector<placement::Fit>& fits) {
  nlohmann::json modes = nlohmann::json::array();
  for (const placement::Fit& fit : fits) modes.push_back(FitJson(fit));
  return {{"variant", net.name}, {"board", board.name},
          {"weight_bytes", footprint.weight_bytes},
          {"peak_activation_bytes", footprint.peak_activation_bytes},
          {"arena_bytes", footprint.arena_bytes}, {"modes", modes}};
}

void PrintFitReport(const graph::Network& net, const hw::Board& board,
                    const placement::Footprint& f, const std::vector<placement::Fit>& fits) {
  std::cout << fmt::format(
      "{} on {} ({})\n  weights {} B, peak activations {} B, tensors + kernel scratch {} B "
      "(op {})\n\n{:<9} {:<5} {:>10} {:>10} {:>11}  {}\n",
      net.name, board.name, board.title, f.weight_bytes, f.peak_activation_bytes, f.arena_bytes,
      f.arena_peak_op, "mode", "fits", "SRAM_B", "flash_B", "external_B", "notes");
  for (const placement::Fit& fit : fits) {
    std::string notes = fit.external_name.empty() ? "" : "in " + fit.external_name;
    const tinyops::Plan* plan = placement::TinyopsPlan(fit);
    if (plan && plan->fits) {
      notes += fmt::format("{}PF {}, S {} B, budget {} B", notes.empty() ? "" : "; ",
                           plan->partition_factor, plan->max_partition_bytes, plan->budget_bytes);
    }
    std::cout << fmt::format("{:<9} {:<5} {:>10} {:>10} {:>11}  {}\n",
                             fit.mode, fit.fits ? "yes" : "no",
                             fit.sram_bytes, fit.flash_bytes, fit.external_bytes, notes);
    for (const placement::Violation& v : fit.violations) {
      std::cout << fmt::format("    {}: needs {} B, has {} B, over by {} B: {}\n", v.constraint,
                               v.needed_bytes, v.available_bytes, v.excess_bytes(), v.detail);
    }
  }
}

nlohmann::json PlanSummaryJson(const graph::Network& net, const hw::Board& board,
                               const tinyops::Plan& plan) {
  nlohmann::json out = {{"variant", net.name}, {"board", board.name}, {"fits", plan.fits},
                        {"partition_factor", plan.partition_factor},
                        {"max_partition_bytes", plan.max_partition_bytes},
                        {"max_partition_op", plan.max_partition_op},
                        {"sram_bytes", plan.sram_bytes}, {"budget_bytes", plan.budget_bytes},
                        {"filter_growth", plan.filter_growth},
                        {"filter_growth_bytes", plan.filter_growth_bytes},
                        {"receptive_field_bytes", plan.receptive_field_bytes},
                        {"max_bias_bytes", plan.max_bias_bytes}, {"dma_bytes", plan.dma_bytes},
                        {"in_place_read_bytes", plan.in_place_read_bytes},
                        {"output_bytes", plan.output_bytes}, {"warnings", plan.warnings}};
  for (int b = 0; b < tinyops::kBufferCount; ++b) {
    out[std::string(tinyops::BufferName(static_cast<tinyops::Buffer>(b)))] =
        plan.buffer_bytes[static_cast<size_t>(b)];
  }
  out["shortfall"] = nullptr;
  if (plan.shortfall) {
    out["shortfall"] = {{"op", plan.shortfall->op}, {"op_name", plan.shortfall->op_name},
                        {"smallest_part_rows", plan.shortfall->smallest_part_rows},
                        {"smallest_part_bytes", plan.shortfall->smallest_part_bytes},
                        {"smallest_sram_bytes", plan.shortfall->smallest_sram_bytes},
                        {"reason", plan.shortfall->reason}};
  }
  return out;
}

void PrintPlanSummary(const graph::Network& net, const hw::Board& board,
                      const tinyops::Plan& plan) {
  std::cout << fmt::format("{} on {}: {}\n", net.name, board.name,
                           plan.fits ? "fits" : "does not fit");
  if (plan.shortfall) std::cout << "  " << plan.shortfall->reason << "\n";
  const std::string s_op = plan.max_partition_op < 0 ? ""
      : net.ops[static_cast<size_t>(plan.max_partition_op)].name;
  std::cout << fmt::format(
      "  partition factor      {}\n  largest input part S  {} B (op {} '{}')\n"
      "  SRAM                  {} B of a {} B budget (filter growth {})\n  buffers              ",
      plan.partition_factor, plan.max_partition_bytes, plan.max_partition_op, s_op,
      plan.sram_bytes, plan.budget_bytes,
      plan.filter_growth ? fmt::format("+{} B", plan.filter_growth_bytes) : "off");
  for (int b = 0; b < tinyops::kBufferCount; ++b) {
    std::cout << fmt::format(" {} {}", tinyops::BufferName(static_cast<tinyops::Buffer>(b)),
                             plan.buffer_bytes[static_cast<size_t>(b)]);
  }
  std::cout << fmt::format("\n  bytes                 DMA {}, read in place {}, written {}\n",
                           plan.dma_bytes, plan.in_place_read_bytes, plan.output_bytes);
  for (const std::string& w : plan.warnings) std::cout << "  warning: " << w << "\n";
}

}  // namespace dse_app::report
