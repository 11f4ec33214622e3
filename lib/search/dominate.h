#pragma once
// `dse search --dominate DESIGN`: which designs of a search's front dominate given reference
// designs (the paper's Table II picks, the MCUNet zoo nets) in predicted (top-1, latency) on the
// searched board(s) and modes. A reference is evaluated through the same path as the search's
// points (explore::EvaluatePoint, every mode of the plan, its lowest feasible latency); its
// top-1 is Top1ForVariant's (published, measured or predicted, as labelled), the searched
// designs' the space's (the per-stage predictor's regime is stated in the table's header).

#include <optional>
#include <string>
#include <vector>

#include "search/run.h"

namespace search {

/// One reference and the front designs dominating it.
struct DominatedReference {
  std::string design;
  double top1_pct = 0;
  std::string top1_provenance;
  std::optional<double> latency_ms;  // none when it fits in no mode
  std::string mode;                  // the mode of its lowest latency
  std::vector<FrontPoint> dominating;  // by latency, fastest first
};

/// The table: the searched designs' accuracy regime and one row per reference.
struct DominatingTable {
  std::string regime;  // e.g. "predicted, supernet weights (fitted 40-600 M MACs, r128-224)"
  std::vector<DominatedReference> rows;
};

/// Evaluates every reference of `plan.dominate` (validated by MakePlan) and lists the members
/// of `outcome.front` that dominate it.
util::Result<DominatingTable> Dominating(const Plan& plan, const Outcome& outcome,
                                         const explore::Models& models);

/// The table as text: per reference its figures, how many designs dominate it, the fastest and
/// the most accurate of them; a header states the board(s) and the accuracy regimes.
std::string DominatingText(const Plan& plan, const Outcome& outcome, const DominatingTable& table);

}  // namespace search
