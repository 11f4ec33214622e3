#include "explore/front_figure.h"

#include <fmt/format.h>

#include <utility>

#include "explore/fronts.h"

namespace explore {

plot::Figure FrontFigure(const std::vector<Candidate>& candidates, const std::string& board,
                         const std::string& x_objective) {
  plot::Figure f;
  f.name = fmt::format("pareto_{}_{}", board, x_objective);
  f.title = fmt::format("{}: top-1 vs {} (top-1 and latency predicted)", board,
                        x_objective == "macs" ? "MACs" : x_objective);
  f.x_label = XLabel(x_objective);
  f.y_label = "ImageNet top-1 (%, predicted unless measured)";
  f.log_x = true;
  const std::pair<const char*, const char*> spaces[] = {
      {"external", "#7f7f7f"}, {"tinyops", "#d62728"}, {"internal", "#1f77b4"}};
  for (const auto& [space, color] : spaces) {
    plot::Series points{std::string(space) + " designs", color, plot::Series::Style::kPoints, {}, {}};
    for (const Candidate& c : candidates) {
      const auto x = XValue(c, x_objective);
      if (c.mode != space || !c.feasible || !c.top1 || !x) continue;
      points.x.push_back(*x);
      points.y.push_back(*c.top1);
    }
    plot::Series front{std::string(space) + " front", color, plot::Series::Style::kSteps, {}, {}};
    for (const FrontMember& m : Front(candidates, x_objective, space)) {
      front.x.push_back(m.x);
      front.y.push_back(m.y);
    }
    if (points.x.empty()) continue;
    f.series.push_back(points);
    f.series.push_back(front);
  }
  return f;
}

}  // namespace explore
