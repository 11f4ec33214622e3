#include "explore/front_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "explore/front_accuracy.h"
#include "explore/front_figure.h"
#include "explore/texts.h"
#include "explore/result_json.h"
#include "explore/texts.h"
#include "explore/vocabulary.h"

namespace explore {
namespace {

bool IsImageNet(const accuracy::TaskDataset& td) {
  return td.task == accuracy::kImageNet.task && td.dataset == accuracy::kImageNet.dataset;
}

// The provenance of the x figure of `c`.
std::string XProvenance(const Candidate& c, const std::string& x_objective) {
  if (x_objective == "macs") return "analytic";
  if (x_objective == "energy") return "measured power x latency " + c.latency_provenance;
  return c.latency_provenance;
}

// "published (rows 1-2), predicted (rows 3-5)"; one value alone when every row shares it.
std::string ByRow(const std::vector<std::string>& values) {
  std::vector<std::pair<std::string, std::string>> groups;  // value -> "1-2, 4"
  for (size_t i = 0; i < values.size(); ++i) {
    const size_t begin = i;
    while (i + 1 < values.size() && values[i + 1] == values[begin]) ++i;
    const std::string span = begin == i ? fmt::format("{}", begin + 1) : fmt::format("{}-{}", begin + 1, i + 1);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == values[begin]; });
    if (it == groups.end()) groups.push_back({values[begin], span});
    else it->second += ", " + span;
  }
  if (groups.size() == 1) return groups[0].first;
  std::string out;
  for (const auto& [value, rows] : groups) {
    const bool one = rows.find_first_of(",-") == std::string::npos;
    out += fmt::format("{}{} ({} {})", out.empty() ? "" : ", ", value.empty() ? "unknown" : value,
                       one ? "row" : "rows", rows);
  }
  return out;
}

// The cost axis of the text's title: a latency front says how its latencies are known as the
// sweep summary's front and the plot title do ("predicted, uncalibrated board" on a board
// without rows of its own; LatencyLabel). One board's front shares one provenance.
std::string XText(const FrontReport& r, const std::vector<FrontMember>& front,
                  const std::vector<Candidate>& rows) {
  const Candidate* c = front.empty() ? nullptr : MemberCandidate(front.front(), rows);
  if (r.x_objective != "latency" || c == nullptr) return XLabel(r.x_objective);
  return fmt::format("latency (ms, {})", LatencyLabel(c->latency_provenance));
}

std::string Top1Label(const FrontReport& r) {
  return IsImageNet(r.task_dataset) ? "top-1" : TaskDatasetText(r.task_dataset) + " top-1 (measured)";
}

}  // namespace

std::string FrontText(const FrontReport& r, const std::vector<FrontMember>& front,
                      const std::vector<Candidate>& rows) {
  std::string out = fmt::format("{} front ({} designs), {} vs {}:\n", r.board, r.design_space,
                                Top1Label(r), XText(r, front, rows));
  for (const auto& m : front) {
    // Each top-1 says where it comes from: a measured import looks like any other number.
    const Candidate* c = MemberCandidate(m, rows);
    out += fmt::format("  {:<28} {:<9} {:>12.2f}  {:>6.2f}% {}\n", m.variant, m.mode, m.x, m.y,
                       c ? Top1LabelText(*c) : "unknown");
  }
  return out;
}

nlohmann::json FrontReportJson(const FrontReport& r, const std::vector<FrontMember>& front,
                               const std::vector<Candidate>& rows) {
  nlohmann::json out = FrontJson(r.board, r.x_objective, r.design_space, front, rows);
  out["task"] = r.task_dataset.task;
  out["dataset"] = r.task_dataset.dataset;
  return out;
}

std::string FrontCsvText(const FrontReport& r, const std::vector<FrontMember>& front,
                         const std::vector<Candidate>& rows) {
  std::vector<std::string> x_provenance, top1_provenance;
  for (const FrontMember& m : front) {
    const Candidate* c = MemberCandidate(m, rows);
    x_provenance.push_back(c ? XProvenance(*c, r.x_objective) : "");
    top1_provenance.push_back(c ? c->top1_provenance : "");
  }
  const nlohmann::json envelope = Document(nlohmann::json::object());
  std::string out = fmt::format(
      "# dse pareto: {} front ({} designs), {} top-1 vs {}\n"
      "# run_id {} of {}, written by dse {} (git {}) at {}\n"
      "# printed by dse {} (git {}), JSON schema_version {}\n",
      r.board, r.design_space, TaskDatasetText(r.task_dataset), XLabel(r.x_objective), r.run_id,
      r.db, r.run_tool_version, r.run_git_revision, r.run_started_at,
      envelope.at("tool_version").get<std::string>(), envelope.at("git_revision").get<std::string>(),
      envelope.at("schema_version").get<int>());
  if (!front.empty()) {
    out += fmt::format("# {}: {}\n# top1: {}\n", XField(r.x_objective), ByRow(x_provenance),
                       ByRow(top1_provenance));
  }
  return out + FrontCsv(front, r.x_objective);
}

plot::Figure FrontReportFigure(const FrontReport& r, const std::vector<Candidate>& rows) {
  plot::Figure f = FrontFigure(rows, r.board, r.x_objective);
  if (IsImageNet(r.task_dataset)) return f;
  f.name += "_" + std::string(r.task_dataset.task);
  f.title = fmt::format("{}: {} top-1 (measured) vs {}", r.board, TaskDatasetText(r.task_dataset),
                        r.x_objective == "macs" ? "MACs" : r.x_objective);
  f.y_label = TaskDatasetText(r.task_dataset) + " top-1 (%, measured)";
  return f;
}

}  // namespace explore
