#pragma once
// The deployment report shared by `dse fit`, `dse partition` and `dse analyze`: fit per mode
// and the TinyOps plan summary as text (their JSON is explore/report_json.h). `fit` and
// `partition` print exactly these; `analyze` prints them for an imported model.

#include <vector>

#include "graph/network.h"
#include "hw/board.h"
#include "explore/evaluate.h"
#include "placement/mode.h"
#include "tinyops/plan.h"

namespace dse_app::report {

/// Fit of `facts` on `board` under `runtime` (nullptr: the default) in every registered mode, in registry order (through
/// explore::EvaluateAllModes). `budget_bytes` 0 is the board's default TinyOps budget. The
/// tinyops entry carries the plan.
std::vector<placement::Fit> FitAllModes(const explore::VariantFacts& facts,
                                        const hw::Board& board,
                                        const kernels::Runtime* runtime, int64_t budget_bytes,
                                        bool filter_growth);

/// `dse fit` text: the footprint line and one row per mode with its violations.
void PrintFitReport(const graph::Network& net, const hw::Board& board,
                    const placement::Footprint& footprint,
                    const std::vector<placement::Fit>& fits);

/// `dse partition` text up to (not including) the per-op table: fits or not, PF, S, SRAM
/// against the budget, buffers, byte totals, warnings.
void PrintPlanSummary(const graph::Network& net, const hw::Board& board,
                      const tinyops::Plan& plan, const std::string& configuration = "");

}  // namespace dse_app::report
