#pragma once
// The op-share figure of `dse plot ops` (paper Fig. 6): per variant a stacked bar of MAC share
// per op class and, with a board, one of predicted latency share beside it. Plain data for
// plot::Write; nothing here prints.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "explore/evaluate.h"
#include "plot/figure.h"
#include "util/result.h"

namespace explore {

/// One stacked bar at `x`: share (0..1) per op class.
struct ShareBar {
  double x = 0;
  std::map<std::string, double> shares;
};

/// The colour of an op class in the figure (#rrggbb); one fallback colour for unknown classes.
const char* OpClassColor(const std::string& op_class);

/// The shares of `shares` in display order (OpClassRank), bottom class first.
std::vector<std::pair<std::string, double>> OrderedShares(
    const std::map<std::string, double>& shares);

/// Adds `bars` to `figure` as one kBars series per class of cumulative height in percent,
/// the top class first, so each lower one covers the rest (plot/figure.h).
void AddStackedBars(const std::vector<ShareBar>& bars, plot::Figure* figure);

/// "PREFIX_V1_V2_V3[_and_N_more]SUFFIX": the file stem naming at most three variants.
std::string FigureStem(const std::string& prefix, const std::vector<std::string>& variants,
                       const std::string& suffix);

/// The empty Fig. 6 frame: name, title, labels and the 0..100 % range. `board` empty: MAC
/// shares only; else MAC and predicted latency shares on `board` in `mode`.
plot::Figure ShareFigureFrame(const std::vector<std::string>& variants, const std::string& board,
                              const std::string& mode);

/// The whole Fig. 6: the figure, the lines `dse plot ops` prints, and a note per variant that
/// does not fit (no latency bar for it).
struct ShareFigure {
  plot::Figure figure;
  std::string text;
  std::vector<std::string> notes;
};

/// The figure of `nets` (named `variants`); with `base` (its board, runtime, coefficients and
/// mode at the board's default budget) each MAC bar gets a predicted latency bar beside it,
/// evaluated through EvaluatePoint. `mode_label` is the mode as the user wrote it (the title).
/// An input error when a fitting design's latency cannot be predicted.
util::Result<ShareFigure> ShareFigureOf(const std::vector<std::string>& variants,
                                        const std::vector<VariantFacts>& nets, const Target* base,
                                        const std::string& mode_label);

}  // namespace explore
