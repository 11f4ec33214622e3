#pragma once
// Measured latency rows as calibration samples (latency/fit.h): each row's network is built,
// placed on its board in its mode through the deployment-mode registry (at the board's default
// SRAM budget) and its latency terms are computed once. This lives here, not in latency/,
// because it needs the search spaces and the modes; latency/ only fits terms.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "hw/catalog.h"
#include "kernels/runtime.h"
#include "latency/fit.h"
#include "latency/leave_board_out.h"
#include "latency/measurements.h"
#include "searchspace/catalog.h"
#include "tinyops/budgets.h"
#include "util/result.h"

namespace explore {

/// The names measurement rows may use: the catalog's boards and variants, and registered modes;
/// with `models_dir`, also model files of that folder (explore/row_network.h).
latency::KnownNames NamesFrom(const hw::Catalog& boards, const searchspace::Catalog& spaces,
                              const std::string& models_dir = "");

/// One sample per row, under `runtime` (nullptr: each row's own runtime column); model-file
/// variants are read from `models_dir`. Fails
/// ("file:line: ...") when a row's network cannot be built, its board lacks a memory its mode
/// needs, the plan of a mode with an SRAM budget (tinyops) does not fit that budget, or the
/// design needs more than twice a memory of the board in the row's mode (naming the modes
/// where it does fit; closer than that the row is kept, as the footprint estimate's error).
util::Result<std::vector<latency::Sample>> BuildSamples(
    const std::vector<latency::Measurement>& rows, const hw::Catalog& boards,
    const searchspace::Catalog& spaces, const tinyops::BudgetTable& budgets,
    const kernels::Runtime* runtime = nullptr, const std::string& models_dir = "");

/// The priors of every (board, runtime) the samples measure, keyed by CoefficientKey.
latency::CoefficientFile PriorsOf(const std::vector<latency::Sample>& samples,
                                  const hw::Catalog& boards);

/// The leave-one-board-out section of `dse calibrate`: a heading, then per board and overall the
/// MAPE of the model (priors x inherited correction), of the priors alone and of the
/// clock-scaled MACs x k baseline, with what each board was predicted with.
std::string LeaveBoardOutText(const latency::LeaveBoardOut& lobo);

/// The same as JSON: {"boards": [...], "overall": {...}, "rows": [...]}.
nlohmann::json LeaveBoardOutJson(const latency::LeaveBoardOut& lobo);

/// `dse calibrate --json`: CalibrationJson(cal) with the leave-one-board-out figures under
/// "leave_one_board_out".
nlohmann::json CalibrationReportJson(const latency::Calibration& cal,
                                     const latency::LeaveBoardOut& lobo);

/// `dse calibrate`'s text: per row measured, predicted, error, leave-one-out and the MACs-only
/// baseline; then MAPE per board and mode; then the fit's notes.
std::string CalibrationText(const latency::Calibration& cal);

}  // namespace explore
