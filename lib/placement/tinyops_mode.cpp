#include "placement/tinyops_mode.h"

#include <fmt/format.h>

#include "placement/memory_checks.h"
#include "placement/violations.h"
#include "tinyops/partitioner.h"

namespace placement {

const tinyops::Plan* TinyopsPlan(const Fit& fit) {
  const auto* plan = dynamic_cast<const TinyopsModePlan*>(fit.plan.get());
  return plan == nullptr ? nullptr : &plan->plan();
}

const std::vector<kernels::OpWork>& TinyopsModePlan::Works(const graph::Network& net,
                                                          const kernels::Runtime& runtime) const {
  // A fit is placed for one network, so the runtime (and the op count, as a guard) is the key.
  if (works_->runtime != &runtime || works_->works.size() != net.ops.size()) {
    works_->runtime = &runtime;
    works_->works.clear();
    works_->works.reserve(net.ops.size());
    for (const graph::Op& op : net.ops) works_->works.push_back(runtime.MeasureOp(net, op));
  }
  return works_->works;
}

Fit TinyopsMode::Place(const graph::Network& net, const Footprint& footprint,
                       const hw::Board& board, const Deployment& d) const {
  Fit fit;
  fit.mode = std::string(id());
  RequireRuntimeBuild(footprint, {"tflm", "cmsis-nn"}, "TinyOps", &fit);
  CheckExternalRam(footprint, board, kTinyopsExecStateBytes, &fit);
  static const tinyops::BudgetTable kNoBudgets;
  const int64_t budget =
      d.sram_budget_bytes > 0
          ? d.sram_budget_bytes
          : tinyops::DefaultBudgetBytes(d.default_budgets ? *d.default_budgets : kNoBudgets, board);
  Require(&fit, "internal SRAM", budget, board.sram.size_bytes,
          "the TinyOps SRAM budget is larger than the SRAM");
  tinyops::Plan plan = tinyops::Partitioner({budget, d.filter_growth}).Run(net);
  fit.sram_bytes = plan.sram_bytes;
  fit.sram_budget_bytes = plan.budget_bytes;
  if (plan.fits) {
    fit.partition_factor = plan.partition_factor;
  } else {
    fit.violations.push_back({"TinyOps SRAM budget", plan.sram_bytes, budget,
                              plan.shortfall ? plan.shortfall->reason : ""});
  }
  fit.plan = std::make_shared<TinyopsModePlan>(std::move(plan));
  fit.fits = fit.violations.empty();
  return fit;
}

std::vector<Fit> TinyopsMode::Alternatives(const graph::Network& net, const Footprint&,
                                          const hw::Board&, const Deployment& d,
                                          const Fit& placed) const {
  const tinyops::Plan* firmware = TinyopsPlan(placed);
  if (!placed.fits || firmware == nullptr || !firmware->fits) return {};
  const tinyops::Partitioner partitioner({firmware->budget_bytes, d.filter_growth});
  std::vector<Fit> out;
  for (const tinyops::StaticConfig& config : partitioner.Alternatives(net, *firmware)) {
    tinyops::Plan plan = partitioner.RunStatic(net, config);
    if (!plan.fits) continue;  // Alternatives lists fitting ones only; kept as a guard
    Fit fit = placed;  // the same external RAM and budget, another buffer layout
    fit.sram_bytes = plan.sram_bytes;
    fit.partition_factor = plan.partition_factor;
    fit.plan = std::make_shared<TinyopsModePlan>(
        std::move(plan), static_cast<const TinyopsModePlan&>(*placed.plan).shared_works());
    out.push_back(std::move(fit));
  }
  return out;
}

std::string TinyopsMode::ConfigurationName(const Fit& fit) const {
  const tinyops::Plan* plan = TinyopsPlan(fit);
  if (plan == nullptr) return "";
  if (plan->firmware_rule) {
    return fmt::format("the firmware's first fit: PF {}", plan->partition_factor);
  }
  if (plan->input_buffer_raise_bytes == 0) return fmt::format("PF {}", plan->partition_factor);
  return fmt::format("PF {}, input buffers {} B", plan->partition_factor,
                     plan->buffer(tinyops::Buffer::kInputPing));
}

util::Result<std::vector<latency::OpTerms>> TinyopsMode::LatencyTerms(
    const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
    const Fit& fit) const {
  if (auto ok = RequireExternalRam(board, id()); !ok) return ok.error();
  const tinyops::Plan* plan = TinyopsPlan(fit);
  if (plan == nullptr || plan->ops.size() != net.ops.size()) {
    return util::RuntimeError("the tinyops mode needs the network's partition plan");
  }
  const auto& mode_plan = static_cast<const TinyopsModePlan&>(*fit.plan);
  return TinyopsTerms(mode_plan.Works(net, runtime), *plan, latency::PathOf(board));
}

}  // namespace placement
