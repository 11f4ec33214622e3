#include "explore/sweep_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "explore/summary.h"

namespace explore {
namespace {

// One line per imported model on `board`: each mode's predicted latency or "no fit".
void AddImported(const SweepResult& r, const hw::Board& board, std::string* text) {
  const auto by_model = ImportedByModel(r.candidates, board.name);
  if (by_model.empty()) return;
  size_t name_width = 0;
  for (const auto& [model, runs] : by_model) name_width = std::max(name_width, model.size());
  *text += fmt::format("{} — imported models (latency predicted; top-1 only when measured):\n", board.name);
  for (const auto& [model, runs] : by_model) {
    std::string line;
    for (const Candidate* c : runs) {
      line += fmt::format("  {} {}", c->mode, !c->feasible ? "no fit"
                          : c->latency_ms ? fmt::format("{:.1f} ms", *c->latency_ms) : "-");
    }
    *text += fmt::format("  {:<{}}{}\n", model, name_width, line);
  }
}

// The best design of each mode on `board`.
void AddBest(const SweepResult& r, const hw::Board& board, std::string* text) {
  *text += fmt::format("\n{} — best predicted top-1 per design space (feasible designs):\n", board.name);
  for (const char* mode : {"internal", "external", "tinyops"}) {
    const BestDesign d = BestInMode(r.candidates, board.name, mode);
    if (d.best == nullptr) {
      *text += fmt::format("  {:<9} none feasible{}\n", mode, d.feasible_without_top1 ? " with a known top-1" : "");
      continue;
    }
    const Candidate& best = *d.best;
    *text += fmt::format("  {:<9} {:<28} top-1 {:.2f}% ({})  latency {} ms (predicted)  {:.1f} M MACs\n",
                         mode, best.variant, *best.top1, best.top1_provenance,
                         best.latency_ms ? fmt::format("{:.0f}", *best.latency_ms) : "-", best.macs / 1e6);
  }
}

}  // namespace

std::string SweepSummaryText(const SweepResult& r, const std::vector<const hw::Board*>& boards,
                             int64_t run_id, const std::string& db) {
  std::string text = RunSummaryLine(run_id, db, r.points, static_cast<int64_t>(boards.size()),
                                    static_cast<int64_t>(r.candidates.size()), r.infeasible_points) + "\n";
  for (const hw::Board* board : boards) {
    AddBest(r, *board, &text);
    text += fmt::format("{} — Pareto front, top-1 vs latency, all modes:\n", board->name);
    for (const FrontMember& m : FrontOf(r.fronts, board->name, "latency", "all")) {
      text += fmt::format("  {:<28} {:<9} {:>8.0f} ms  {:>6.2f}%\n", m.variant, m.mode, m.x, m.y);
    }
    AddImported(r, *board, &text);
  }
  return text;
}

}  // namespace explore
