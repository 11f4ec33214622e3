#pragma once
// The Pareto figure of one board (paper Fig. 3a/3b, `dse pareto --plot`): every feasible
// design of each deployment mode the rows have (internal, external, TinyOps, and the opt-in
// schedules of an all-mode run) as points, each mode's front as steps. Plain data for
// plot::Write; nothing here prints.

#include <string>
#include <vector>

#include "explore/candidate.h"
#include "plot/figure.h"

namespace explore {

/// The figure "pareto_BOARD_X" of `candidates` (one board's evaluations): top-1 against
/// `x_objective` (fronts.h: macs, latency, energy; log x). Series come in pairs (points, front)
/// per mode of the rows (DesignSpacesOf), drawn back to front by their number of feasible
/// points, most first (external grey, tinyops red, then internal blue, a subset of the others'
/// variants, on top; the opt-in schedules black, cyan and gold, dashed); a style per registry
/// rank. A mode with no feasible point of known top-1 and x is left out. Against latency, each
/// front member's 80 % interval (latency_ms_low/high) follows as a horizontal error bar, one
/// series per mode after the pairs. Points whose top-1 is measured are ringed (an open black
/// circle; one series "top-1 measured" after all others, absent when no point's is). When no
/// feasible design's latency is calibrated on the board's rows, the title says "prior only"
/// (priors alone) or "predicted (uncalibrated board)"
/// (priors times a family or shared correction). The key sits top left, the empty side of a
/// front (no design dominates a member), for up to three modes; with more, outside right in a
/// wider figure.
plot::Figure FrontFigure(const std::vector<Candidate>& candidates, const std::string& board,
                         const std::string& x_objective);

}  // namespace explore
