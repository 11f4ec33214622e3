#pragma once
// Texts of library values that several reports share: optional figures, memory sizes, a
// top-1 with its provenance, and a front check's changes. Nothing here prints.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accuracy/accuracy.h"
#include "explore/fronts.h"
#include "explore/sweep.h"
#include "hw/board.h"
#include "placement/mode.h"

namespace explore {

/// `v` formatted with `format` (an fmt format of one number), "-" when unknown.
std::string OptionalText(const std::optional<double>& v, const char* format = "{:.2f}");
/// A signed difference, "+1.25" ("-" when unknown).
std::string SignedText(const std::optional<double>& v);
/// A relative difference in percent, "+12%" ("-" when unknown).
std::string RelativePctText(const std::optional<double>& pct);

/// "320 KiB", or with one decimal when not a whole number of KiB ("1.5 KiB").
std::string KiBText(int64_t bytes);
/// The board's external memories, "NAME N MiB" (whole GiB as "N GiB") comma separated, "none"
/// without any.
std::string ExternalMemoriesText(const hw::Board& board);

/// "61.26% int8 (predicted [59.90, 62.62], family mbv3; 80 % interval from leave-one-out
/// residuals over the published rows)": the figure, precision, provenance and a prediction's
/// 80 % interval and its method; a fallback prediction says "shared ceiling: no published data
/// for this family", a measurement or an extrapolation its source after ': '.
std::string Top1Text(const accuracy::Top1& top1);

/// "[59.9, 62.6]": a predicted top-1's 80 % interval (Candidate::top1_low, top1_high) with a
/// leading space, "" when it has none (measured, published or unknown).
std::string Top1IntervalText(const std::optional<double>& low, const std::optional<double>& high);
/// "predicted [59.9, 62.6]", "measured": a candidate's top-1 provenance and its interval.
std::string Top1LabelText(const Candidate& c);

/// "mbv3-w1.00-r224 does not fit l552 in any mode" when none of `fits` fits (`dse fit` then
/// exits 4), "... in patch mode" when `fits` holds one mode's; nullopt when one does.
std::optional<std::string> NoModeFitsText(const std::string& variant, const std::string& board,
                                          const std::vector<placement::Fit>& fits);

/// The change of `board`'s fronts against the golden file `golden_path`: a header line, one
/// "  + " line per member added and "  - " per member removed (its design's top1_notes after
/// ": ", then a line saying such members moved by a measured accuracy import), and how to
/// accept it.
std::string FrontDiffText(const std::string& golden_path, const std::string& board,
                          const FrontDiff& diff);

/// How a latency of `provenance` (latency::Estimate::provenance) is labelled in a summary, a
/// plot title or a tic: "predicted", "predicted, prior only" (the instruction-count priors
/// alone) or "predicted, uncalibrated board" (the priors times a family or shared correction:
/// "prior x ..."; no row of the board informed it).
std::string LatencyLabel(const std::string& provenance);

/// `show`/`analyze --board` without --mode: a header and one line per mode of `modes` (one
/// candidate each), its predicted latency, energy and latency provenance, or why it does not fit.
std::string ModesText(const std::string& board, const std::vector<Candidate>& modes);

/// The violations every evaluation of `mode` on `board` fails on (e.g. a runtime the mode
/// cannot run with): the shortest fail reason when every other one is it or starts with it and
/// "; "; "" when there is none or a design fits.
std::string SharedFailReason(const std::vector<Candidate>& candidates, const std::string& board,
                             const std::string& mode);

/// The text summary of `dse sweep`: the run line, then per board the best design per mode,
/// the top-1 vs latency front of all modes and each imported model's latency per mode.
std::string SweepSummaryText(const SweepResult& r, const std::vector<std::string>& boards,
                             int64_t run_id, const std::string& db);

/// `dse accuracy fit`'s text from SurrogateFitJson (result_json.h): the shared terms, per
/// family its ceiling, centre and fit/leave-one-out errors, and the grid's leave-one-out error.
std::string SurrogateFitText(const nlohmann::json& fit);

}  // namespace explore
