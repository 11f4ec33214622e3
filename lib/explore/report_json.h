#pragma once
// JSON of the library values `dse show`, `analyze`, `fit`, `partition` and `boards` report: a
// network's counts, a fit per deployment mode, a TinyOps plan, a predicted latency and a board
// profile. Plain values for nlohmann::json; nothing here prints. Key names are the CLI's
// documented JSON fields.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "analysis/liveness.h"
#include "explore/board_profile.h"
#include "explore/evaluate.h"
#include "graph/network.h"
#include "hw/board.h"
#include "placement/mode.h"
#include "power/power.h"
#include "tinyops/plan.h"

namespace explore {

/// "HxWxC".
std::string ShapeText(const graph::Shape& s);
/// [H, W, C]: the JSON form of a shape (like kernel and stride, an array).
nlohmann::json ShapeJson(const graph::Shape& s);

/// Totals at the top level ("variant" = the network's name), MAC shares in "mac_share" and,
/// with per_op, one row per op in "per_op" (with the bytes live while it runs).
nlohmann::json NetworkJson(const graph::Network& net, bool per_op);

/// The buffers alive while the peak op runs (analysis::LiveAtStep), largest first: tensor
/// name, shape, bytes and the op range [first_op, last_op] it lives over.
nlohmann::json PeakTensorsJson(const graph::Network& net, const analysis::PeakActivation& peak);

/// One mode's fit: fits, bytes per memory, violations; a tinyops fit also PF, S and budget.
nlohmann::json FitJson(const placement::Fit& fit);

/// `dse fit --json`: variant, board, footprint bytes at the top level, FitJson per mode in
/// "modes".
nlohmann::json FitReportJson(const graph::Network& net, const hw::Board& board,
                             const placement::Footprint& footprint,
                             const std::vector<placement::Fit>& fits);

/// The plan without its per-op parts: fits, partition_factor, max_partition_bytes (S),
/// max_partition_op, sram_bytes, budget_bytes, the buffers by name, byte totals, warnings and
/// "shortfall" (null when the plan fits).
nlohmann::json PlanSummaryJson(const graph::Network& net, const hw::Board& board,
                               const tinyops::Plan& plan);

/// PlanSummaryJson plus one object per op in "ops", each with its parts (input rows with halo,
/// output rows, DMA and output bytes).
nlohmann::json PlanJson(const graph::Network& net, const hw::Board& board,
                        const tinyops::Plan& plan);

/// `cycles` of `board`'s core clock in milliseconds.
double CyclesToMs(double cycles, const hw::Board& board);

/// The latency part of `dse show --json` for `evaluation` (with an estimate) of a network on
/// `board` in `mode`: board, mode, latency_ms with its 80 % interval (latency_ms_low, _high),
/// latency_provenance, latency_breakdown_ms, energy (energy_mj with its interval energy_mj_low,
/// _high: power x latency's) and power when measured, tinyops_fits for a
/// TinyOps plan, and with per_op (when `out` has "per_op") each op's kernel, cycles and
/// compute/memory/exposed ms.
void AddLatencyJson(const Evaluation& evaluation, const hw::Board& board,
                    const std::string& mode, bool per_op, nlohmann::json* out);

// BoardJson and BoardProfileToml: explore/board_profile.h.


}  // namespace explore
