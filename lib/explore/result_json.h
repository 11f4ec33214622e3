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
#include "explore/sweep.h"
#include "latency/fit.h"

namespace explore {

/// `v` as a JSON number, null when unset.
nlohmann::json OptionalJson(const std::optional<double>& v);

/// `dse show --json`'s top-1 keys: top1, top1_provenance ("none" without a figure), and a
/// prediction's 80 % interval top1_low, top1_high (null for measured or published figures).
nlohmann::json Top1Json(const std::optional<accuracy::Top1>& top1);

/// `dse accuracy fit --json`: the surrogate's form and parameters (shared and per family in
/// "families"), the leave-one-out statistics (grid_* and "per_family") and one row per
/// published point in "rows" (published, fitted and held-out predicted top-1).
nlohmann::json SurrogateFitJson(const accuracy::Surrogate& s,
                                const std::vector<accuracy::HeldOut>& held_out);

/// `dse calibrate --json`: rows (measured, predicted, loo, baseline), summaries per board and
/// mode ("all" for the whole), fitted coefficients per board with prior and rows, and notes.
nlohmann::json CalibrationJson(const latency::Calibration& cal);

/// The candidate of front member `m` in `rows` (same board, variant, mode and runtime);
/// nullptr when absent.
const Candidate* MemberCandidate(const FrontMember& m, const std::vector<Candidate>& rows);

/// One object per member: x_objective, design_space and its candidate's fields (latency_ms
/// with latency_provenance, top1 with top1_provenance, ...; see fields.h).
nlohmann::json FrontRowsJson(const std::vector<FrontMember>& front,
                             const std::vector<Candidate>& rows);

/// `dse pareto --json`: board, x_objective, design_space and the members in "front"
/// (FrontRowsJson).
nlohmann::json FrontJson(const std::string& board, const std::string& x_objective,
                         const std::string& design_space, const std::vector<FrontMember>& front,
                         const std::vector<Candidate>& rows);

/// The candidate field of an x objective: latency_ms, macs or energy_mj.
std::string XField(const std::string& x_objective);

/// `dse pareto --csv`: "variant,mode,<XField>,top1" and one line per member (the x figure to
/// 6 significant digits, MACs as the whole count; top-1 to 4 decimals).
std::string FrontCsv(const std::vector<FrontMember>& front, const std::string& x_objective);

/// The run's options (RunOptions) as "tinyops_config" and "filter_growth", null when unknown.
nlohmann::json RunOptionsJson(const RunOptions& options);

/// `dse sweep --json`: db, the counters (variants, evaluations, front_members), the run's
/// options (RunOptionsJson) and per board
/// ("boards"): its name, the best design per mode ("best", candidates) and the top-1 vs
/// latency front of every mode ("front", FrontRowsJson).
nlohmann::json SweepJson(const SweepResult& result, const std::vector<std::string>& boards,
                         const std::string& db);

/// `dse reproduce --json`: tables (paper, dse, diff per row), summary, claims, picks.
nlohmann::json ReproduceJson(const ReproduceReport& report);

}  // namespace explore
