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

util::Result<std::vector<latency::OpTerms>> TinyopsMode::LatencyTerms(
    const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
    const Fit& fit) const {
  if (auto ok = RequireExternalRam(board, id()); !ok) return ok.error();
  const tinyops::Plan* plan = TinyopsPlan(fit);
  if (plan == nullptr || plan->ops.size() != net.ops.size()) {
    return util::RuntimeError("the tinyops mode needs the network's partition plan");
  }
  return TinyopsTerms(net, runtime, *plan, latency::PathOf(board));
}

}  // namespace placement
