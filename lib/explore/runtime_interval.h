#pragma once
// The 80 % intervals of leave one board out over the public data, and the spreads shipped in
// coefficients.toml (latency/spreads.h): a spread per level of the hierarchy, estimated from
// left-out rows. In the fold of board B every spread comes from the rows of the other boards
// (their left-out errors; B's own never enter), so the coverage is out of sample:
//  - transfer: the tflm-cmsis-nn rows' left-out log errors (latency::LeaveBoardOut), and
//    within board, the same around each board's mean (latency::BoardSpreadsWithout);
//  - a runtime measured on 2+ boards: its rows' left-out errors less the transfer part
//    (latency::ExtraLogSpread), shrunk toward the pooled one;
//  - pooled: the same over every runtime measured on 2+ boards (a runtime measured on one
//    board other than B uses it);
//  - a runtime with no rows off B (factor 1): the RMS of the other runtimes' log single
//    factors fitted on their rows off B (FitFactors).

#include <string>
#include <vector>

#include "explore/runtime_fit.h"
#include "latency/spreads.h"

namespace explore {

/// The spreads of the hierarchy from the rows of every board but `left_out` ("" = every row):
/// `rows` the public rows predicted with the shipped coefficients (for the single factors),
/// `tflm` and `lobo` the left-out predictions.
latency::Spreads SpreadsWithout(const std::string& left_out,
                                const std::vector<PredictedRow>& rows,
                                const latency::LeaveBoardOut& tflm,
                                const PublicLeaveBoardOut& lobo);

/// Sets the 80 % interval of every other-runtime row of `lobo` (prediction x exp(-/+ z
/// hypot(transfer, runtime spread)), SpreadsWithout its board) and the coverage and mean
/// high/low of every cell (tflm-cmsis-nn cells from `tflm`).
void SetRuntimeIntervals(const std::vector<PredictedRow>& rows,
                         const latency::LeaveBoardOut& tflm, PublicLeaveBoardOut* lobo);

/// The shipped spreads: SpreadsWithout("") over the leave one board out of `measured` (as
/// `dse runtimes lobo` runs it), data_sources its files.
latency::Spreads EstimateSpreads(const MeasuredRows& measured, const hw::Catalog& boards);

}  // namespace explore
