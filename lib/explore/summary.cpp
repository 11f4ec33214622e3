#include "explore/summary.h"

#include <fmt/format.h>

#include "explore/evaluate.h"
#include "util/numbers.h"

namespace explore {

std::vector<const searchspace::Space*> DefaultSpaces(const searchspace::Catalog& catalog) {
  std::vector<const searchspace::Space*> chosen;
  for (const searchspace::Space& s : catalog.spaces()) {
    if (s.fixed || s.name == "mbv3" || s.name == "proxyless" || s.name == "mnasnet") {
      chosen.push_back(&s);
    }
  }
  return chosen;
}

BestDesign BestInMode(const std::vector<Candidate>& candidates, const std::string& board,
                      const std::string& mode) {
  BestDesign out;
  for (const Candidate& c : candidates) {
    if (c.board != board || c.mode != mode || !c.feasible) continue;
    out.feasible_without_top1 = out.feasible_without_top1 || !c.top1;
    if (c.top1 && (out.best == nullptr || *c.top1 > *out.best->top1)) out.best = &c;
  }
  return out;
}

std::vector<FrontMember> FrontOf(const std::vector<FrontMember>& fronts, const std::string& board,
                                 const std::string& x_objective, const std::string& design_space) {
  std::vector<FrontMember> out;
  for (const FrontMember& m : fronts) {
    if (m.board == board && m.x_objective == x_objective && m.design_space == design_space) {
      out.push_back(m);
    }
  }
  return out;
}

std::map<std::string, std::vector<const Candidate*>> ImportedByModel(
    const std::vector<Candidate>& candidates, const std::string& board) {
  std::map<std::string, std::vector<const Candidate*>> by_model;
  for (const Candidate& c : candidates) {
    if (c.board == board && c.space == kImportedSpace) by_model[c.variant].push_back(&c);
  }
  return by_model;
}

std::string RunSummaryLine(int64_t run_id, const std::string& db, int64_t variants,
                           int64_t boards, int64_t evaluations, int64_t fit_nowhere) {
  const std::string nowhere =
      fit_nowhere == 0 ? std::string("every variant fits somewhere")
                       : util::CountOf(fit_nowhere, "variant") +
                             (fit_nowhere == 1 ? " fits nowhere" : " fit nowhere");
  return fmt::format("run {} in {}: {} x {}, {}, {}", run_id, db,
                     util::CountOf(variants, "variant"), util::CountOf(boards, "board"),
                     util::CountOf(evaluations, "evaluation"), nowhere);
}

}  // namespace explore
