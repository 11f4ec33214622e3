#pragma once
// `dse runtimes fewshot`: the few-shot table of issue 13 over measurement files. Every
// (board, runtime) with >= 6 rows is calibrated on k = 1 and k = 3 of its rows (every subset, or
// 20 drawn with a fixed seed) and its other rows are predicted, beside a MACs x k line fitted to
// the same k rows.
//  - tflm-cmsis-nn: latency::FewShots over the tflm-cmsis-nn rows only (the joint fit with the
//    other boards' rows; other runtimes' rows would otherwise enter the shared corrections);
//    the 80 % interval of a board calibrated on k rows is FewRowsLogSigma(k) (interval.h) with
//    the transfer and within-board spreads of the other boards' left-out rows
//    (latency::BoardSpreadsWithout over a leave one board out of the tflm-cmsis-nn rows);
//  - another runtime: its factors fitted on the runtime's rows of the other boards (FitFactors,
//    shrunk toward the runtime's [prior]; the prior alone when no other board has rows), times one per-board scale fitted on the k rows (the mean log ratio): a single scale on the
//    family's model, the same one parameter the MACs x k line has.

#include <string>
#include <vector>

#include "explore/runtime_fit.h"
#include "latency/few_shot.h"

namespace explore {

/// One (board, runtime, k) of the table.
struct FewShotRow {
  std::string runtime;
  latency::FewShotSummary summary;  // summary.board is the profile id
};

/// The table over `measured` (LoadMeasuredRows), for `ks`, with the priors of `boards`.
std::vector<FewShotRow> FewShotTable(const MeasuredRows& measured, const hw::Catalog& boards,
                                     const std::vector<int>& ks = {1, 3}, int max_subsets = 20,
                                     int min_rows = 6);

/// The table as text: runtime, board, rows, k, subsets, median model MAPE, median MACs x k
/// MAPE, the held-out rows inside their 80 % interval and its mean high/low (tflm-cmsis-nn rows;
/// "-" for another runtime), subsets where the model lost to the line.
std::string FewShotText(const std::vector<FewShotRow>& table);

}  // namespace explore
