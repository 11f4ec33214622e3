#include "deploy_report.h"

#include <iostream>

#include "app.h"
#include "models.h"
#include "deploy/fit_text.h"

namespace dse_app::report {
std::vector<placement::Fit> FitAllModes(const explore::VariantFacts& facts,
                                        const hw::Board& board,
                                        const kernels::Runtime* runtime, int64_t budget_bytes,
                                        bool filter_growth) {
  const latency::BoardCoefficients coefficients = CoefficientsOn(board, runtime);
  const explore::Target target = TargetOn(board, runtime, &coefficients, "", budget_bytes, filter_growth);
  std::vector<placement::Fit> fits;
  for (explore::Evaluation& e : Unwrap(explore::EvaluateAllModes(facts, target))) {
    fits.push_back(std::move(e.fit));
  }
  return fits;
}

void PrintFitReport(const graph::Network& net, const hw::Board& board,
                    const placement::Footprint& f, const std::vector<placement::Fit>& fits) {
  std::cout << deploy::FitReportText(net, board, f, fits);
}

void PrintPlanSummary(const graph::Network& net, const hw::Board& board,
                      const tinyops::Plan& plan, const std::string& configuration) {
  std::cout << deploy::PlanSummaryText(net, board, plan, configuration);
}

}  // namespace dse_app::report
