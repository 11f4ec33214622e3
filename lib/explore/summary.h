#pragma once
// What `dse sweep` reports of a run, selected from its candidates: the default spaces a sweep
// covers, the best design per board and mode (design space), one board's front, and the
// imported models' results grouped by model, and the run's one-line summary. Nothing here
// prints; the app formats these.

#include <map>
#include <string>
#include <vector>

#include "explore/candidate.h"
#include "explore/fronts.h"
#include "searchspace/catalog.h"

namespace explore {

/// The spaces a sweep covers when none are named: the paper's three families ("mbv3",
/// "proxyless", "mnasnet") plus every fixed reference net, in catalog order. The pointers are
/// into `catalog`.
std::vector<const searchspace::Space*> DefaultSpaces(const searchspace::Catalog& catalog);

/// The first line of a sweep's report: "run 3 in DB: 694 variants x 1 board, 2082 evaluations,
/// every variant fits somewhere" (or "N variant(s) fit(s) nowhere": feasible in no mode on any
/// board).
std::string RunSummaryLine(int64_t run_id, const std::string& db, int64_t variants,
                           int64_t boards, int64_t evaluations, int64_t fit_nowhere);

/// The best feasible design of one board in one mode (design space).
struct BestDesign {
  /// The feasible candidate with the highest known top-1 (the first of equals, in candidate
  /// order); nullptr when no feasible candidate has a top-1. Points into the candidates.
  const Candidate* best = nullptr;
  /// Some feasible candidate has no top-1 (an imported model nobody measured).
  bool feasible_without_top1 = false;
};

/// The best design of `board` in `mode` ("internal" | "external" | "tinyops") among
/// `candidates`. The result points into `candidates`.
BestDesign BestInMode(const std::vector<Candidate>& candidates, const std::string& board,
                      const std::string& mode);

/// The members of `fronts` on `board` for one x objective and design space, in their order.
std::vector<FrontMember> FrontOf(const std::vector<FrontMember>& fronts, const std::string& board,
                                 const std::string& x_objective, const std::string& design_space);

/// The candidates of imported models (space kImportedSpace) on `board`, grouped by model name
/// (sorted by name), each group in candidate order (one per mode swept). Pointers into
/// `candidates`; empty when the run imported nothing.
std::map<std::string, std::vector<const Candidate*>> ImportedByModel(
    const std::vector<Candidate>& candidates, const std::string& board);

}  // namespace explore
