#pragma once
// JSON of the fitted models, fronts and the reproduction that `dse accuracy fit`, `dse
// calibrate`, `dse pareto` and `dse reproduce` report: plain values for nlohmann::json; nothing
// here prints. Key names are the CLI's documented JSON fields; an unknown figure is null.

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

#include "accuracy/accuracy.h"
#include "explore/fronts.h"
#include "explore/reproduce_report.h"
#include "latency/fit.h"

namespace explore {

/// `v` as a JSON number, null when unset.
nlohmann::json OptionalJson(const std::optional<double>& v);

/// `dse accuracy fit --json`: the surrogate's form and parameters (shared and per family in
/// "families"), the leave-one-out statistics (grid_* and "per_family") and one row per
/// published point in "rows" (published, fitted and held-out predicted top-1).
nlohmann::json SurrogateFitJson(const accuracy::Surrogate& s,
                                const std::vector<accuracy::HeldOut>& held_out);

/// `dse calibrate --json`: rows (measured, predicted, loo, baseline), summaries per board and
/// mode ("all" for the whole), fitted coefficients per board with prior and rows, and notes.
nlohmann::json CalibrationJson(const latency::Calibration& cal);

/// `dse pareto --json`: one object per member (variant, mode, x_objective, x, top1, board,
/// design_space).
nlohmann::json FrontJson(const std::vector<FrontMember>& front);

/// `dse reproduce --json`: tables (paper, dse, diff per row), summary, claims, picks.
nlohmann::json ReproduceJson(const ReproduceReport& report);

}  // namespace explore
