#include "explore/report_json.h"

#include <fmt/format.h>

#include "analysis/cost.h"
#include "analysis/peak_tensors.h"
#include "kernels/runtime.h"
#include "placement/tinyops_mode.h"

namespace explore {
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
          {"input_shape", ShapeJson(net.input_shape(op))},
          {"output_shape", ShapeJson(net.output_shape(op))},
          {"macs", cost.macs},
          {"params", cost.params},
          {"weight_bytes", cost.weight_bytes},
          {"flash_bytes", cost.flash_bytes()},
          {"live_activation_bytes", live_bytes}};
}

nlohmann::json PartJson(const tinyops::Part& p) {
  return {{"in_rows", {p.rows.in_begin_row, p.rows.in_end_row}},
          {"out_rows", {p.rows.out_begin_row, p.rows.out_begin_row + p.rows.out_rows}},
          {"pad_top", p.rows.pad_top}, {"pad_bottom", p.rows.pad_bottom},
          {"input_dma_bytes", p.input_dma_bytes}, {"input2_dma_bytes", p.input2_dma_bytes},
          {"output_bytes", p.output_bytes}};
}

nlohmann::json OpPlanJson(const graph::Network& net, const tinyops::OpPlan& op) {
  const graph::Op& g = net.ops[static_cast<size_t>(op.op)];
  nlohmann::json parts = nlohmann::json::array();
  for (const tinyops::Part& p : op.parts) parts.push_back(PartJson(p));
  return {{"index", op.op}, {"name", g.name}, {"kind", graph::OpKindName(g.kind)},
          {"partitioned", op.rule != tinyops::SplitRule::kNone},
          {"partition_factor", op.partition_factor}, {"global_parts", op.global_parts},
          {"max_part_bytes", op.max_part_bytes}, {"filter_overlaid", op.filter_overlaid},
          {"bias_overlaid", op.bias_overlaid}, {"quant_overlaid", op.quant_overlaid},
          {"filter_bytes", op.filter_bytes}, {"scratch_bytes", op.scratch_bytes},
          {"scratch_in_sram", op.scratch_in_sram}, {"dma_bytes", op.dma_bytes},
          {"in_place_read_bytes", op.in_place_read_bytes}, {"output_bytes", op.output_bytes},
          {"parts", parts}};
}

}  // namespace

std::string ShapeText(const graph::Shape& s) { return fmt::format("{}x{}x{}", s.h, s.w, s.c); }

nlohmann::json ShapeJson(const graph::Shape& s) { return {s.h, s.w, s.c}; }

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

nlohmann::json PeakTensorsJson(const graph::Network& net, const analysis::PeakActivation& peak) {
  nlohmann::json rows = nlohmann::json::array();
  for (const analysis::Interval& in : analysis::LiveAtStep(net, peak.peak_step)) {
    const graph::Tensor& t = net.tensor(in.tensor);
    rows.push_back({{"tensor", t.name}, {"shape", ShapeJson(t.shape)}, {"bytes", in.bytes},
                    {"first_op", in.first_step}, {"last_op", in.last_step}});
  }
  return rows;
}

nlohmann::json FitJson(const placement::Fit& fit) {
  nlohmann::json violations = nlohmann::json::array();
  for (const placement::Violation& v : fit.violations) {
    const bool memory = v.kind == placement::Violation::Kind::kMemory;
    violations.push_back({{"constraint", v.constraint},
                          {"kind", memory ? "memory" : "runtime"},
                          {"needed_bytes", memory ? nlohmann::json(v.needed_bytes) : nullptr},
                          {"available_bytes", memory ? nlohmann::json(v.available_bytes) : nullptr},
                          {"excess_bytes", memory ? nlohmann::json(v.excess_bytes()) : nullptr},
                          {"detail", v.detail}});
  }
  nlohmann::json out = {{"mode", fit.mode}, {"fits", fit.fits},
                        {"sram_bytes", fit.sram_bytes}, {"flash_bytes", fit.flash_bytes},
                        {"external_bytes", fit.external_bytes},
                        {"storage_bytes", fit.storage_bytes},
                        {"external_memory", fit.external_name}, {"storage", fit.storage_name},
                        {"violations", violations}};
  if (const std::optional<placement::SramNeed>& parts = fit.sram_parts) {
    out["sram_parts"] = {{"layout", parts->layout}, {"arena_bytes", parts->arena_bytes},
                         {"scratch_bytes", parts->scratch_bytes},
                         {"persistent_bytes", parts->persistent_bytes},
                         {"runtime_reserve_bytes", fit.sram_bytes - parts->total_bytes()}};
  }
  if (const std::optional<placement::ModelFlash>& m = fit.flash_model) {
    out["flash_parts"] = {{"model_bytes", m->total_bytes()}, {"weight_data_bytes", m->data_bytes},
                          {"flatbuffer_bytes", m->overhead_bytes},
                          {"model_from_file", m->from_file},
                          {"runtime_code_bytes", fit.flash_bytes - m->total_bytes()}};
  }
  if (const tinyops::Plan* plan = placement::TinyopsPlan(fit)) {
    out["partition_factor"] = plan->partition_factor;
    out["max_partition_bytes"] = plan->max_partition_bytes;
    out["budget_bytes"] = plan->budget_bytes;
  }
  if (!fit.configuration.empty()) out["configuration"] = fit.configuration;
  return out;
}

nlohmann::json FitReportJson(const graph::Network& net, const hw::Board& board,
                             const placement::Footprint& footprint,
                             const std::vector<placement::Fit>& fits) {
  nlohmann::json modes = nlohmann::json::array();
  for (const placement::Fit& fit : fits) modes.push_back(FitJson(fit));
  // footprint.weight_bytes is the flash image (weights + biases + quantisation parameters):
  // reported as flash_bytes, like `show`; weight_bytes is the weights alone, as in `show`.
  return {{"variant", net.name}, {"board", board.name},
          {"weight_bytes", analysis::CountNetwork(net).weight_bytes},
          {"flash_bytes", footprint.weight_bytes},
          {"peak_activation_bytes", footprint.peak_activation_bytes},
          {"arena_bytes", footprint.arena_bytes}, {"modes", modes}};
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
    out[std::string(tinyops::BufferName(static_cast<tinyops::Buffer>(b))) + "_bytes"] =
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

nlohmann::json PlanJson(const graph::Network& net, const hw::Board& board,
                        const tinyops::Plan& plan) {
  nlohmann::json out = PlanSummaryJson(net, board, plan);
  out["ops"] = nlohmann::json::array();
  for (const tinyops::OpPlan& op : plan.ops) out["ops"].push_back(OpPlanJson(net, op));
  return out;
}

double CyclesToMs(double cycles, const hw::Board& board) {
  return cycles * 1e3 / static_cast<double>(board.clock_hz);
}

void AddLatencyJson(const Evaluation& evaluation, const hw::Board& board,
                    const std::string& mode, bool per_op, nlohmann::json* out) {
  const latency::Estimate& e = *evaluation.estimate;
  const explore::PowerFigure& power = evaluation.power;
  (*out)["board"] = board.name;
  (*out)["mode"] = mode;
  (*out)["latency_ms"] = e.latency_ms;
  (*out)["latency_ms_low"] = e.latency_ms_low;  // the 80 % interval, as every predicted latency
  (*out)["latency_ms_high"] = e.latency_ms_high;
  (*out)["latency_provenance"] = e.provenance;
  (*out)["latency_breakdown_ms"] = {
      {"compute", e.compute_ms}, {"memory_and_dma_wait", e.memory_ms}, {"exposed", e.exposed_ms}};
  if (power.mw) {
    (*out)["energy_mj"] = *power.mw * e.latency_ms / 1e3;
    (*out)["energy_mj_low"] = *power.mw * e.latency_ms_low / 1e3;  // power x latency's interval
    (*out)["energy_mj_high"] = *power.mw * e.latency_ms_high / 1e3;
    (*out)["power_mw"] = *power.mw;
    (*out)["power_provenance"] = power.provenance;
  }
  if (const tinyops::Plan* plan = placement::TinyopsPlan(evaluation.fit)) {
    (*out)["tinyops_fits"] = plan->fits;
  }
  if (!per_op || !out->contains("per_op")) return;
  for (const latency::OpLatency& op : e.ops) {
    nlohmann::json& row = (*out)["per_op"][static_cast<size_t>(op.op)];
    row["kernel"] = kernels::KernelClassName(op.kernel);
    row["cycles"] = op.total_cycles;
    row["compute_ms"] = CyclesToMs(op.compute_cycles, board);
    row["memory_ms"] = CyclesToMs(op.memory_cycles + op.dma_wait_cycles, board);
    row["exposed_ms"] = CyclesToMs(op.exposed_cycles, board);
  }
}

}  // namespace explore
