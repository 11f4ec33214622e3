#pragma once
// Pareto fronts of evaluated candidates, per objective pair and design space, and the golden
// comparison behind `dse pareto --check`.
//
// Objectives: x is minimised — "macs" (M), "latency" (ms), "energy" (mJ); y is "top1" (%),
// maximised. Design spaces (paper Fig. 3): one per deployment mode ("internal", "external",
// "tinyops", ...: the feasible candidates of that mode) and "all", every feasible candidate. A candidate
// without the needed figure (no latency, no power) is left out of that front.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "explore/candidate.h"
#include "util/result.h"

namespace explore {

inline const std::vector<std::string> kXObjectives = {"macs", "latency", "energy"};
/// Every registered mode id in registry order: the default modes (placement::ModeIds), then the
/// opt-in schedules (placement::OptInModeIds).
std::vector<std::string> RegisteredModes();
/// The design spaces: one per registered deployment mode (its feasible candidates), then "all".
std::vector<std::string> DesignSpaces();
/// The design spaces of `candidates`: each mode one of them has, in registry order (a mode no
/// longer registered after those, by name), then "all". A default sweep's are its three modes'.
std::vector<std::string> DesignSpacesOf(const std::vector<Candidate>& candidates);

struct FrontMember {
  std::string board;
  std::string x_objective;
  std::string y_objective = "top1";
  std::string design_space;
  std::string variant;
  std::string mode;
  double x = 0;
  double y = 0;
  std::string runtime = "tflm-cmsis-nn";  // the member's runtime (fronts are per board)
  // Where y (the top-1) comes from: published, measured, predicted, extrapolated; "" when
  // unknown (a golden file of 4 columns records no top-1: y is 0 then).
  std::string top1_provenance;
};

// The x value of a candidate for an objective, in the unit of the axis; nullopt if unknown.
std::optional<double> XValue(const Candidate& c, const std::string& x_objective);
std::string XLabel(const std::string& x_objective);  // "MACs (M)", "latency (ms, predicted)", ...

/// Why the `x_objective` front of `board` can have no member: no candidate has that figure
/// (energy: "no design on h743 has an energy per inference: no measured power for h743 in
/// data/power/measured.csv"). nullopt when some candidate has it.
std::optional<std::string> MissingAxisReason(const std::vector<Candidate>& candidates,
                                             const std::string& board,
                                             const std::string& x_objective);

// Members of one front, sorted by x. Candidates may span boards; pass one board's. In the
// "all" front an opt-in schedule's member tied by the same design under an earlier mode (a
// chain's `reorder` ties its `internal`) is dropped; other exact duplicates stay (pareto.h).
std::vector<FrontMember> Front(const std::vector<Candidate>& candidates,
                               const std::string& x_objective, const std::string& design_space);

// Every front of one board: each x objective x each design space of the candidates
// (DesignSpacesOf).
std::vector<FrontMember> AllFronts(const std::vector<Candidate>& candidates);
/// The candidates AllFronts(candidates) takes its members from (one entry per member, in its
/// order), without building the members: what a sweep needs to prune.
std::vector<const Candidate*> FrontCandidates(const std::vector<const Candidate*>& candidates);

/// Golden files: CSV "x_objective,design_space,variant,mode,top1,top1_provenance" with a header
/// line (top1 in %, 2 decimals). The top-1 columns only explain a change (a measured accuracy
/// import); membership alone decides whether the fronts changed.
std::string GoldenText(const std::vector<FrontMember>& members);
/// Reads GoldenText's files, and those of its first 4 columns (written before the top-1
/// columns: members with y 0 and top1_provenance ""). Errors are "FILE:LINE: what is wrong".
util::Result<std::vector<FrontMember>> ParseGolden(const std::string& file, const std::string& text);

struct FrontDiff {
  std::vector<FrontMember> added;    // in the new front, not in the golden file
  std::vector<FrontMember> removed;  // in the golden file, not in the new front
  // Per design (variant, mode) of an added or removed member whose top-1 is measured in the run
  // while the golden file recorded another figure or provenance for it (or none): "top-1 now
  // measured 45.00 % (golden: 49.90 % published)". Such a change comes from `dse accuracy
  // import`, not from a model.
  std::map<std::pair<std::string, std::string>, std::string> top1_notes;
  bool same() const { return added.empty() && removed.empty(); }
};
/// The members added and removed from `golden` to `now`; `rows` (the run's candidates, top-1
/// as the fronts ranked them) give the changed designs' top1_notes.
FrontDiff CompareFronts(const std::vector<FrontMember>& golden, const std::vector<FrontMember>& now,
                        const std::vector<Candidate>& rows = {});

}  // namespace explore
