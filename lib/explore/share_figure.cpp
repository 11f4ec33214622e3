#include "explore/share_figure.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "analysis/cost.h"
#include "explore/op_shares.h"
#include "explore/texts.h"
#include "placement/violations.h"

namespace explore {

const char* OpClassColor(const std::string& op_class) {
  static const std::map<std::string, const char*> kColors = {
      {"stem", "#8c564b"},  {"conv1x1", "#1f77b4"}, {"conv_kxk", "#aec7e8"}, {"dw3x3", "#2ca02c"},
      {"dw5x5", "#ff7f0e"}, {"dw7x7", "#d62728"},   {"se", "#9467bd"},       {"fc", "#7f7f7f"}};
  const auto it = kColors.find(op_class);
  return it == kColors.end() ? "#bcbd22" : it->second;
}

std::vector<std::pair<std::string, double>> OrderedShares(
    const std::map<std::string, double>& shares) {
  std::vector<std::pair<std::string, double>> ordered(shares.begin(), shares.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return OpClassRank(a.first) < OpClassRank(b.first);
  });
  return ordered;
}

void AddStackedBars(const std::vector<ShareBar>& bars, plot::Figure* figure) {
  std::set<std::string> seen;
  for (const ShareBar& b : bars) {
    for (const auto& [c, s] : b.shares) seen.insert(c);
  }
  std::vector<std::string> classes(seen.begin(), seen.end());
  std::stable_sort(classes.begin(), classes.end(),
                   [](const auto& a, const auto& b) { return OpClassRank(a) < OpClassRank(b); });
  std::vector<plot::Series> bottom_up;
  std::vector<double> top_pct(bars.size(), 0);
  for (const std::string& c : classes) {
    plot::Series s{c, OpClassColor(c), plot::Series::Style::kBars, {}, {}};
    for (size_t i = 0; i < bars.size(); ++i) {
      const auto it = bars[i].shares.find(c);
      top_pct[i] += it == bars[i].shares.end() ? 0 : 100 * it->second;
      s.x.push_back(bars[i].x);
      s.y.push_back(top_pct[i]);
    }
    bottom_up.push_back(s);
  }
  figure->series.insert(figure->series.end(), bottom_up.rbegin(), bottom_up.rend());
}

std::string FigureStem(const std::string& prefix, const std::vector<std::string>& variants,
                       const std::string& suffix) {
  std::string stem = prefix;
  for (size_t i = 0; i < variants.size() && i < 3; ++i) stem += "_" + variants[i];
  if (variants.size() > 3) stem += fmt::format("_and_{}_more", variants.size() - 3);
  return stem + suffix;
}

plot::Figure ShareFigureFrame(const std::vector<std::string>& variants, const std::string& board,
                              const std::string& mode) {
  plot::Figure f;
  f.name = FigureStem("ops", variants, board.empty() ? "" : fmt::format("_{}_{}", board, mode));
  f.title = board.empty()
                ? "MAC share per op class"
                : fmt::format("MAC share and predicted latency share per op class ({}, {} mode)",
                              board, mode);
  f.x_label = "";
  f.y_label = "share of MACs / of predicted latency (%, stacked)";
  f.y_min = 0;
  f.y_max = 100;
  f.key_position = "outside right top";
  f.box_width = 0.8;
  return f;
}

namespace {

std::string SharesLine(const std::string& variant, const std::string& what,
                       const std::map<std::string, double>& shares) {
  std::string line = fmt::format("  {:<24} {:<28}", variant, what);
  for (const auto& [c, s] : OrderedShares(shares)) line += fmt::format(" {} {:.1f}%", c, 100 * s);
  return line + "\n";
}

// The latency bar of `facts` at `x` beside its MAC bar, its tick and its line; nothing (a note)
// when the design does not fit.
util::Result<bool> AddLatencyBar(const std::string& variant, const VariantFacts& facts,
                                 const Target& base, double x, std::vector<ShareBar>* bars,
                                 ShareFigure* out) {
  auto e = EvaluatePoint(facts, base);
  if (!e.ok()) return e.error();
  if (e->latency_error && e->fit.fits) return *e->latency_error;
  if (!e->fit.fits) {
    // A runtime the mode cannot run with is named in full: no memory would make it fit.
    const std::string runtime = placement::RuntimeViolationText(e->fit);
    out->notes.push_back(fmt::format("note: {} does not fit {} in {} mode ({}); no latency bar",
                                     facts.net.name, base.board->name, base.deployment.mode,
                                     runtime.empty() ? e->fit.violations.front().constraint
                                                     : runtime));
    return false;
  }
  ShareBar time{x, {}};
  for (const ClassLatencyShare& s : LatencyShares(facts.net, *e->estimate))
    time.shares[s.op_class] = s.share;
  bars->push_back(time);
  const std::string label = LatencyLabel(e->estimate->provenance);
  const bool prior = label == "predicted, prior only";
  out->figure.x_tics.push_back({x, prior ? "latency\n(prior only)" : "latency\n(predicted)"});
  out->text += SharesLine(variant, fmt::format("latency {:.0f} ms ({})",
                                               e->estimate->latency_ms, label), time.shares);
  return true;
}

}  // namespace

util::Result<ShareFigure> ShareFigureOf(const std::vector<std::string>& variants,
                                        const std::vector<VariantFacts>& nets, const Target* base,
                                        const std::string& mode_label) {
  ShareFigure out{ShareFigureFrame(variants, base ? base->board->name : "", mode_label), "", {}};
  out.text = base ? "MAC share and predicted latency share per op class:\n"
                  : "MAC share per op class:\n";
  std::vector<ShareBar> bars;
  for (size_t i = 0; i < variants.size(); ++i) {
    ShareBar macs{i * (base ? 2.5 : 1.2), {}};
    for (const analysis::ClassShare& s : analysis::MacShares(nets[i].net))
      macs.shares[s.op_class] = s.share;
    bars.push_back(macs);
    // With a latency bar beside it, the variant's name goes on a third line between the two.
    out.figure.x_tics.push_back({macs.x, base ? "MACs" : variants[i]});
    if (base) out.figure.x_tics.push_back({macs.x + 0.5, "\n\n" + variants[i]});
    out.text += SharesLine(variants[i], "MACs", macs.shares);
    if (!base) continue;
    auto added = AddLatencyBar(variants[i], nets[i], *base, macs.x + 1, &bars, &out);
    if (!added.ok()) return added.error();
  }
  AddStackedBars(bars, &out.figure);
  return out;
}

}  // namespace explore
