#pragma once
// The texts of `dse fit` and `dse partition` (moved from apps/dse/deploy_report.cpp, unchanged):
// the fit per mode with its violations, the TinyOps plan summary and its per-op table.

#include <string>
#include <vector>

#include "graph/network.h"
#include "hw/board.h"
#include "placement/mode.h"
#include "tinyops/plan.h"

namespace deploy {

/// `dse fit` text: the footprint line and one row per mode with its violations; a schedule
/// mode's row is followed by what its schedule changed.
std::string FitReportText(const graph::Network& net, const hw::Board& board,
                          const placement::Footprint& footprint,
                          const std::vector<placement::Fit>& fits);

/// `dse partition` text up to (not including) the per-op table: fits or not, PF, S, SRAM
/// against the budget, buffers, byte totals, warnings; and `configuration` (placement::Fit::
/// configuration: how the plan was chosen) when not empty.
std::string PlanSummaryText(const graph::Network& net, const hw::Board& board,
                            const tinyops::Plan& plan, const std::string& configuration = "");

/// `dse partition`'s per-op table: kind, input shape, partition factor, what is overlaid into
/// SRAM, bytes read in place, and each part's input rows (with halo) and output rows.
std::string PlanOpsText(const graph::Network& net, const tinyops::Plan& plan);

}  // namespace deploy
