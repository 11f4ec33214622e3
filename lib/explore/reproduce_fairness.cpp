#include "explore/reproduce_fairness.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "explore/sweep.h"
#include "placement/mode.h"
#include "placement/schedule_modes.h"
#include "placement/sram_layout.h"

namespace explore {
namespace {

// More accurate, then faster; a candidate without a top-1 never wins.
bool MoreAccurate(const Candidate& a, const std::optional<Candidate>& b) {
  if (!a.feasible || !a.top1) return false;
  if (!b) return true;
  if (*a.top1 != *b->top1) return *a.top1 > *b->top1;
  return a.latency_ms.value_or(1e300) < b->latency_ms.value_or(1e300);
}

// The most accurate candidate of `board` in one of `modes`; `feasible` counts the variants
// feasible in at least one of them.
std::optional<Candidate> BestOn(const std::vector<Candidate>& candidates, const std::string& board,
                                const std::vector<std::string>& modes, int* feasible = nullptr) {
  std::optional<Candidate> best;
  std::set<std::string> fitting;
  for (const Candidate& c : candidates) {
    if (c.board != board || std::find(modes.begin(), modes.end(), c.mode) == modes.end()) continue;
    if (c.feasible) fitting.insert(c.variant);
    if (MoreAccurate(c, best)) best = c;
  }
  if (feasible) *feasible = static_cast<int>(fitting.size());
  return best;
}

util::Result<BaselineFits> PlaceBaseline(const Claim& claim, const FairnessInputs& in,
                                         const kernels::Runtime& runtime, const Models& models) {
  const hw::Board* board = nullptr;
  for (const hw::Board& b : in.boards) {
    if (b.name == claim.board) board = &b;
  }
  if (board == nullptr) return util::InputError("fairness: no board '" + claim.board + "'");
  auto variant = models.catalog->ParseVariant(claim.baseline_variant);
  if (!variant) return variant.error();
  auto facts = Analyse(*models.catalog->Find(variant->space), variant->width,
                       variant->resolution, models);
  if (!facts) return facts.error();
  BaselineFits out{claim.baseline_variant, board->name, board->sram.size_bytes, {}};
  for (const placement::SramLayout* layout : placement::SramLayouts()) {
    const auto rt = placement::WithLayout(runtime, std::string(layout->id()));
    const placement::Footprint fp =
        placement::Measure(facts->net, *rt, facts->peak, facts->totals.flash_bytes);
    for (const std::string& mode : InternalSpaceModes()) {
      placement::Deployment deployment;
      deployment.mode = mode;
      auto fit = placement::Check(facts->net, fp, *board, deployment);
      if (!fit) return fit.error();
      bool sram_ok = true;
      for (const placement::Violation& v : fit->violations) sram_ok &= v.constraint != "internal SRAM";
      out.layouts.push_back({std::string(layout->id()), mode, fit->sram_bytes, fit->fits, sram_ok});
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> InternalSpaceModes() {
  std::vector<std::string> modes = {"internal"};
  for (const std::string& id : placement::OptInModeIds()) modes.push_back(id);
  return modes;
}

util::Result<FairnessReport> BuildFairness(const FairnessInputs& in, const Models& models) {
  const kernels::Runtime& runtime = in.runtime ? *in.runtime : kernels::DefaultRuntime();
  FairnessReport report;
  std::vector<const hw::Board*> boards;
  for (const hw::Board& b : in.boards) {
    boards.push_back(&b);
    report.boards.push_back({b.name, {}, {}, "", false});
  }
  for (const placement::SramLayout* layout : placement::SramLayouts()) {
    const auto rt = placement::WithLayout(runtime, std::string(layout->id()));
    SweepOptions options;
    options.spaces = in.spaces;
    options.boards = boards;
    options.runtime = rt.get();
    options.modes = InternalSpaceModes();
    auto swept = Sweep(options, models, {});
    if (!swept) return swept.error();
    for (FairnessRow& row : report.boards) {
      LayoutBest lb{std::string(layout->id()), {}, 0};
      lb.best = BestOn(swept->candidates, row.board, options.modes, &lb.feasible);
      row.internal.push_back(std::move(lb));
    }
  }
  for (FairnessRow& row : report.boards) {
    row.tinyops = BestOn(in.tinyops_front, row.board, {"tinyops"});
    std::optional<Candidate> best_internal;
    for (const LayoutBest& lb : row.internal) {
      if (lb.best && MoreAccurate(*lb.best, best_internal)) {
        best_internal = lb.best;
        row.best_layout = lb.layout;
      }
    }
    row.tinyops_beats = row.tinyops && row.tinyops->top1 &&
                        (!best_internal || *row.tinyops->top1 > *best_internal->top1);
  }
  for (const Claim& claim : in.claims) {
    auto fits = PlaceBaseline(claim, in, runtime, models);
    if (!fits) return fits.error();
    report.baselines.push_back(std::move(fits).value());
  }
  return report;
}

namespace {

std::string DesignText(const std::optional<Candidate>& c) {
  if (!c) return "none fits";
  return fmt::format("{}{} {:.1f} % {} ms", c->variant,
                     c->mode == "internal" || c->mode == "tinyops" ? "" : " (" + c->mode + ")",
                     c->top1.value_or(0),
                     c->latency_ms ? fmt::format("{:.0f}", *c->latency_ms) : "?");
}

}  // namespace

std::string FairnessText(const FairnessReport& report) {
  std::string out =
      "\nFairness: the TinyOps space against the internal space under each SRAM layout and its\n"
      "best schedule (internal, patch, reorder, pex; latency from the same kernels, predicted)\n";
  for (const FairnessRow& row : report.boards) {
    out += fmt::format("  {}: TinyOps best {}; {} the best internal ({} layout)\n", row.board,
                       DesignText(row.tinyops), row.tinyops_beats ? "beats" : "does not beat",
                       row.best_layout.empty() ? "none" : row.best_layout);
    for (const LayoutBest& lb : row.internal) {
      out += fmt::format("    internal, {:<10} {:>4} fit; best {}\n", lb.layout, lb.feasible,
                         DesignText(lb.best));
    }
  }
  for (const BaselineFits& b : report.baselines) {
    out += fmt::format("  {} on {} ({} B SRAM), predicted SRAM per layout and schedule:\n",
                       b.variant, b.board, b.board_sram_bytes);
    for (const LayoutFit& f : b.layouts) {
      const bool first = &f == &b.layouts.front() || (&f - 1)->layout != f.layout;
      const bool last = &f == &b.layouts.back() || (&f + 1)->layout != f.layout;
      if (first) out += fmt::format("    {:<10}", f.layout);
      out += fmt::format(" {} {} B {}", f.mode, f.sram_bytes,
                         f.fits ? "fits" : (f.sram_fits ? "(SRAM fits, flash does not)" : "no"));
      out += last ? "\n" : ";";
    }
  }
  return out;
}

nlohmann::json FairnessJson(const FairnessReport& report) {
  auto design = [](const std::optional<Candidate>& c) -> nlohmann::json {
    if (!c) return nullptr;
    return {{"variant", c->variant}, {"mode", c->mode},
            {"top1", c->top1 ? nlohmann::json(*c->top1) : nullptr},
            {"latency_ms", c->latency_ms ? nlohmann::json(*c->latency_ms) : nullptr}};
  };
  nlohmann::json boards = nlohmann::json::array();
  for (const FairnessRow& row : report.boards) {
    nlohmann::json layouts = nlohmann::json::array();
    for (const LayoutBest& lb : row.internal) {
      layouts.push_back({{"layout", lb.layout}, {"feasible", lb.feasible}, {"best", design(lb.best)}});
    }
    boards.push_back({{"board", row.board}, {"tinyops_best", design(row.tinyops)},
                      {"internal", layouts}, {"best_layout", row.best_layout},
                      {"tinyops_beats_best_internal", row.tinyops_beats}});
  }
  nlohmann::json baselines = nlohmann::json::array();
  for (const BaselineFits& b : report.baselines) {
    nlohmann::json layouts = nlohmann::json::array();
    for (const LayoutFit& f : b.layouts) {
      layouts.push_back({{"layout", f.layout}, {"mode", f.mode}, {"sram_bytes", f.sram_bytes},
                         {"fits", f.fits},
                         {"sram_fits", f.sram_fits}});
    }
    baselines.push_back({{"variant", b.variant}, {"board", b.board},
                         {"board_sram_bytes", b.board_sram_bytes}, {"layouts", layouts}});
  }
  return {{"boards", boards}, {"baselines", baselines}};
}

}  // namespace explore
