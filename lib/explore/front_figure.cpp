#include "explore/front_figure.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <utility>

#include "explore/fronts.h"
#include "explore/texts.h"

namespace explore {
namespace {

// Family (search space) colours, assigned in name order; more families than colours reuse them.
constexpr const char* kFamilyPalette[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e",
                                          "#e6ab02", "#a6761d", "#17becf", "#8c564b", "#bcbd22"};

// A candidate's family: its space, or "reference nets" for a space of one variant (a fixed net).
std::string FamilyOf(const Candidate& c, const std::map<std::string, std::set<std::string>>& spaces) {
  return spaces.at(c.space).size() > 1 ? c.space : "reference nets";
}

std::map<std::string, std::set<std::string>> SpaceVariants(const std::vector<Candidate>& candidates) {
  std::map<std::string, std::set<std::string>> spaces;
  for (const Candidate& c : candidates) spaces[c.space].insert(c.variant);
  return spaces;
}

std::map<std::string, std::string> FamilyColors(const std::vector<Candidate>& candidates) {
  const auto spaces = SpaceVariants(candidates);
  std::map<std::string, std::string> colors;
  for (const Candidate& c : candidates) colors[FamilyOf(c, spaces)];
  size_t i = 0;
  for (auto& [family, color] : colors) color = kFamilyPalette[i++ % std::size(kFamilyPalette)];
  return colors;
}

// "latency predicted" when some feasible design's latency is calibrated on the board's rows;
// otherwise "latency prior only" when every one rests on the priors alone, else "latency
// predicted (uncalibrated board)": the priors times a family or shared correction (LatencyLabel).
std::string LatencyWord(const std::vector<Candidate>& candidates) {
  bool any = false;
  bool corrected = false;
  for (const Candidate& c : candidates) {
    if (!c.feasible || !c.latency_ms) continue;
    const std::string label = LatencyLabel(c.latency_provenance);
    if (label == "predicted") return "latency predicted";
    any = true;
    corrected = corrected || label == "predicted, uncalibrated board";
  }
  if (!any) return "latency predicted";
  return corrected ? "latency predicted (uncalibrated board)" : "latency prior only";
}

// "top-1 predicted" when every plotted top-1 is (extrapolated ones too), else how many models
// have a measured or published top-1.
std::string Top1Word(const std::vector<Candidate>& candidates) {
  std::set<std::string> not_predicted;
  for (const Candidate& c : candidates) {
    const bool observed = c.top1_provenance == "measured" || c.top1_provenance == "published";
    if (c.feasible && c.top1 && observed) not_predicted.insert(c.variant);
  }
  if (not_predicted.empty()) return "top-1 predicted";
  return fmt::format("top-1 predicted but {} model{} measured or published", not_predicted.size(),
                     not_predicted.size() == 1 ? "" : "s");
}

// Each front member's 80 % latency interval as a horizontal error bar, one series per space
// after the (points, front) pairs, in the space's colour; nothing when no member has one.
void AddIntervals(const std::vector<Candidate>& candidates, plot::Figure* f) {
  std::map<std::pair<std::string, std::string>, const Candidate*> by_design;
  for (const Candidate& c : candidates) by_design[{c.variant, c.mode}] = &c;
  std::vector<plot::Series> bars;
  for (size_t i = 1; i < f->series.size(); i += 2) {
    const plot::Series& front = f->series[i];
    const std::string space = front.title.substr(0, front.title.find(' '));
    plot::Series s{space + " 80 % interval", front.color, plot::Series::Style::kXErrorBars, {}, {}};
    for (const FrontMember& m : Front(candidates, "latency", space)) {
      const auto it = by_design.find({m.variant, m.mode});
      if (it == by_design.end() || !it->second->latency_ms_low || !it->second->latency_ms_high) {
        continue;
      }
      s.x.push_back(m.x);
      s.y.push_back(m.y);
      s.low.push_back(*it->second->latency_ms_low);
      s.high.push_back(*it->second->latency_ms_high);
    }
    if (!s.x.empty()) bars.push_back(std::move(s));
  }
  f->series.insert(f->series.end(), bars.begin(), bars.end());
}

// Every plotted point whose top-1 is measured (a lab's figure, e.g. imported by `dse accuracy
// import`), ringed in black over its mode's marker and family colour, as one series with its own
// key entry after the others; nothing when no plotted point's top-1 is measured, so a default
// sweep's figure is unchanged.
void AddMeasuredRings(const std::vector<Candidate>& candidates, const std::string& x_objective,
                      const std::vector<std::string>& modes, plot::Figure* f) {
  plot::Series rings{"top-1 measured", "#000000", plot::Series::Style::kPoints, {}, {}};
  rings.point_type = 6;     // pngcairo: an open circle
  rings.point_size = 1.6;   // around a 0.6 marker with room to see it
  for (const Candidate& c : candidates) {
    const auto x = XValue(c, x_objective);
    if (!c.feasible || !c.top1 || !x || c.top1_provenance != "measured") continue;
    if (std::find(modes.begin(), modes.end(), c.mode) == modes.end()) continue;
    rings.x.push_back(*x);
    rings.y.push_back(*c.top1);
  }
  if (!rings.x.empty()) f->series.push_back(std::move(rings));
}

// A mode's colour (its front and key), point type and front dash type, by registry rank
// (RegisteredModes): internal, external, tinyops, then the opt-in schedules patch, reorder and
// pex, dashed because a schedule's front may run on internal's (reorder ties it). Colours are
// apart from the family palette's first four; more modes than styles reuse them.
struct ModeStyle {
  const char* color;
  int point_type;  // pngcairo: 5 filled square, 7 circle, 9 triangle, 11 inverted, 13 diamond
  int dash_type;   // 1 solid, 2 dashed, 4 dash-dot
};
constexpr ModeStyle kModeStyles[] = {{"#1f77b4", 7, 1}, {"#7f7f7f", 9, 1}, {"#d62728", 5, 1},
                                     {"#000000", 11, 2}, {"#17becf", 13, 2}, {"#b8860b", 15, 4}};

const ModeStyle& StyleOf(const std::string& mode) {
  const std::vector<std::string> modes = RegisteredModes();
  const auto rank = static_cast<size_t>(std::find(modes.begin(), modes.end(), mode) - modes.begin());
  return kModeStyles[rank % std::size(kModeStyles)];
}

// The modes with a feasible point of known top-1 and x, drawn back to front: most points first,
// so a mode whose designs are a subset of another's (internal's of external's) stays visible
// on top; ties in registry order.
std::vector<std::string> DrawOrder(const std::vector<Candidate>& candidates, const std::string& x_objective) {
  std::vector<std::string> modes = DesignSpacesOf(candidates);
  modes.pop_back();  // "all"
  std::map<std::string, size_t> points;
  for (const Candidate& c : candidates) {
    if (c.feasible && c.top1 && XValue(c, x_objective)) ++points[c.mode];
  }
  std::erase_if(modes, [&](const std::string& m) { return points[m] == 0; });
  std::stable_sort(modes.begin(), modes.end(),
                   [&](const std::string& a, const std::string& b) { return points[a] > points[b]; });
  return modes;
}

}  // namespace

plot::Figure FrontFigure(const std::vector<Candidate>& candidates, const std::string& board,
                         const std::string& x_objective) {
  plot::Figure f;
  f.name = fmt::format("pareto_{}_{}", board, x_objective);
  const std::string latency = LatencyWord(candidates);
  const std::string top1 = Top1Word(candidates);
  f.title = fmt::format("{}: top-1 vs {} ({})", board, x_objective == "macs" ? "MACs" : x_objective,
                        top1 == "top-1 predicted" && latency == "latency predicted"
                            ? "top-1 and latency predicted" : top1 + ", " + latency);
  f.x_label = XLabel(x_objective);
  f.y_label = "ImageNet top-1 (%, predicted unless measured)";
  f.log_x = true;
  const auto families = FamilyColors(candidates);
  const auto space_variants = SpaceVariants(candidates);
  // Labels only on members of the front of all modes, the first from the left, and a member only
  // when it lies 0.15 decade right of the last labelled one and either 0.45 decade right (a label's
  // width at the PNG's size and font) or 3 points of top-1 above it (its height), so labels do not
  // overlap where the front is crowded or flat.
  std::set<std::pair<std::string, std::string>> overall;
  double last_log_x = -1e300;
  double last_top1 = -1e300;
  for (const FrontMember& m : Front(candidates, x_objective, "all")) {
    if (m.x <= 0) continue;
    const double dx_decades = std::log10(m.x) - last_log_x;
    if (dx_decades < 0.15 || (dx_decades < 0.45 && m.y - last_top1 < 3.0)) continue;
    last_log_x = std::log10(m.x);
    last_top1 = m.y;
    overall.insert({m.variant, m.mode});
  }
  const std::vector<std::string> modes = DrawOrder(candidates, x_objective);
  // Above and left of a front nothing lies (no design dominates a member); bottom right, the
  // key hid the slow designs of low top-1. Three modes' entries (13 with four families) fit
  // there above the fronts; more reached down over internal's front: they go outside, the figure
  // wider by the key's width so the plot keeps its size.
  const bool key_outside = modes.size() > 3;
  f.key_position = key_outside ? "outside right top" : "top left";
  if (key_outside) f.width_px = 1300;
  for (const std::string& space : modes) {
    const ModeStyle& style = StyleOf(space);
    plot::Series points{space + " designs", style.color, plot::Series::Style::kPoints, {}, {}};
    points.point_type = style.point_type;  // the mode by shape, the family by colour
    for (const Candidate& c : candidates) {
      const auto x = XValue(c, x_objective);
      if (c.mode != space || !c.feasible || !c.top1 || !x) continue;
      points.x.push_back(*x);
      points.y.push_back(*c.top1);
      points.point_colors.push_back(families.at(FamilyOf(c, space_variants)));
    }
    plot::Series front{space + " front", style.color, plot::Series::Style::kSteps, {}, {}};
    front.dash_type = style.dash_type;
    for (const FrontMember& m : Front(candidates, x_objective, space)) {
      front.x.push_back(m.x);
      front.y.push_back(m.y);
      front.labels.push_back(overall.count({m.variant, m.mode}) > 0 ? m.variant : "");
    }
    f.series.push_back(points);
    f.series.push_back(front);
  }
  if (x_objective == "latency") AddIntervals(candidates, &f);
  AddMeasuredRings(candidates, x_objective, modes, &f);
  // Legend entries of the family colours (no points of their own).
  for (const auto& [family, color] : families) f.key_entries.emplace_back(family, color);
  return f;
}

}  // namespace explore
