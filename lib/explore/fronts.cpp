#include "explore/fronts.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "explore/pareto.h"
#include "placement/mode.h"
#include "placement/schedule_modes.h"

namespace explore {

std::vector<std::string> RegisteredModes() {
  std::vector<std::string> ids = placement::ModeIds();
  for (const std::string& id : placement::OptInModeIds()) ids.push_back(id);
  return ids;
}

std::vector<std::string> DesignSpaces() {
  std::vector<std::string> spaces = RegisteredModes();
  spaces.emplace_back("all");
  return spaces;
}

std::optional<double> XValue(const Candidate& c, const std::string& x_objective) {
  if (x_objective == "macs") return c.macs / 1e6;
  if (x_objective == "latency") return c.latency_ms;
  if (x_objective == "energy") return c.energy_mj;
  return std::nullopt;
}

std::string XLabel(const std::string& x_objective) {
  if (x_objective == "macs") return "MACs (M)";
  if (x_objective == "latency") return "latency (ms, predicted)";
  return "energy per inference (mJ, predicted)";
}

std::optional<std::string> MissingAxisReason(const std::vector<Candidate>& candidates,
                                             const std::string& board,
                                             const std::string& x_objective) {
  for (const Candidate& c : candidates) {
    if (XValue(c, x_objective)) return std::nullopt;
  }
  if (x_objective == "energy") {
    return fmt::format("no design on {} has an energy per inference: no measured power for {} "
                       "in data/power/measured.csv",
                       board, board);
  }
  return fmt::format("no design on {} has a figure for --x {}", board, x_objective);
}

namespace {

// One template serves pools of candidates and of pointers to them.
const Candidate& Deref(const Candidate& c) { return c; }
const Candidate& Deref(const Candidate* c) { return *c; }

// Registry order of a mode: the default modes, then the opt-in schedules.
size_t ModeRank(const std::string& mode) {
  static const std::vector<std::string> order = RegisteredModes();
  return static_cast<size_t>(std::find(order.begin(), order.end(), mode) - order.begin());
}

// The modes of a pool in registry order (unregistered ones last, by name), then "all".
template <typename Pool>
std::vector<std::string> SpacesOf(const Pool& candidates) {
  std::set<std::string> modes;
  for (const auto& entry : candidates) modes.insert(Deref(entry).mode);
  std::vector<std::string> spaces(modes.begin(), modes.end());
  std::stable_sort(spaces.begin(), spaces.end(),
                   [](const std::string& a, const std::string& b) { return ModeRank(a) < ModeRank(b); });
  spaces.emplace_back("all");
  return spaces;
}

// An opt-in schedule's member tied at the same point by the same design under a mode earlier
// in the registry (a chain reordered is the chain: `reorder` ties `internal`) adds nothing to
// the all-modes front and is dropped. Ties among the default modes stay (on the MAC axis every
// mode of a design ties; the golden fronts list them).
void DropSameDesignTies(std::vector<std::pair<const Candidate*, Point>>* front) {
  const size_t default_modes = placement::ModeIds().size();
  std::vector<std::pair<const Candidate*, Point>> kept;
  for (const auto& m : *front) {
    const bool tied_by_earlier_mode = ModeRank(m.first->mode) >= default_modes && std::any_of(front->begin(), front->end(), [&](const auto& o) {
      return o.first->variant == m.first->variant && o.first->board == m.first->board &&
             o.second.x == m.second.x && o.second.y == m.second.y &&
             ModeRank(o.first->mode) < ModeRank(m.first->mode);
    });
    if (!tied_by_earlier_mode) kept.push_back(m);
  }
  *front = std::move(kept);
}

// The candidates of one front (pointers into `candidates`) with their points, sorted by x.
template <typename Pool>
std::vector<std::pair<const Candidate*, Point>> FrontOf(const Pool& candidates,
                                                        const std::string& x_objective,
                                                        const std::string& design_space) {
  std::vector<const Candidate*> pool;
  std::vector<Point> points;
  for (const auto& entry : candidates) {
    const Candidate& c = Deref(entry);
    if (!c.feasible || !c.top1) continue;
    if (design_space != "all" && c.mode != design_space) continue;
    const std::optional<double> x = XValue(c, x_objective);
    if (!x) continue;
    pool.push_back(&c);
    points.push_back({*x, *c.top1});
  }
  std::vector<std::pair<const Candidate*, Point>> front;
  for (int i : ParetoFront(points)) front.emplace_back(pool[static_cast<size_t>(i)], points[static_cast<size_t>(i)]);
  if (design_space == "all") DropSameDesignTies(&front);
  return front;
}

template <typename Pool>
std::vector<FrontMember> MembersOf(const Pool& candidates, const std::string& x_objective,
                                   const std::string& design_space) {
  std::vector<FrontMember> members;
  for (const auto& [c, p] : FrontOf(candidates, x_objective, design_space)) {
    members.push_back({c->board, x_objective, "top1", design_space, c->variant, c->mode, p.x, p.y,
                       c->runtime});
  }
  return members;
}

template <typename Pool>
std::vector<FrontMember> AllFrontsOf(const Pool& candidates) {
  std::vector<FrontMember> all;
  const std::vector<std::string> spaces = SpacesOf(candidates);
  for (const std::string& x : kXObjectives) {
    for (const std::string& space : spaces) {
      const std::vector<FrontMember> front = MembersOf(candidates, x, space);
      all.insert(all.end(), front.begin(), front.end());
    }
  }
  return all;
}

}  // namespace

std::vector<std::string> DesignSpacesOf(const std::vector<Candidate>& candidates) {
  return SpacesOf(candidates);
}

std::vector<FrontMember> Front(const std::vector<Candidate>& candidates,
                               const std::string& x_objective, const std::string& design_space) {
  return MembersOf(candidates, x_objective, design_space);
}

std::vector<FrontMember> AllFronts(const std::vector<Candidate>& candidates) {
  return AllFrontsOf(candidates);
}

std::vector<const Candidate*> FrontCandidates(const std::vector<const Candidate*>& candidates) {
  std::vector<const Candidate*> out;
  const std::vector<std::string> spaces = SpacesOf(candidates);
  for (const std::string& x : kXObjectives) {
    for (const std::string& space : spaces) {
      for (const auto& member : FrontOf(candidates, x, space)) out.push_back(member.first);
    }
  }
  return out;
}

std::string GoldenText(const std::vector<FrontMember>& members) {
  std::string text = "x_objective,design_space,variant,mode\n";
  for (const FrontMember& m : members) {
    text += fmt::format("{},{},{},{}\n", m.x_objective, m.design_space, m.variant, m.mode);
  }
  return text;
}

util::Result<std::vector<FrontMember>> ParseGolden(const std::string& file, const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::vector<FrontMember> members;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (line != "x_objective,design_space,variant,mode") {
        return util::InputError(fmt::format(
            "{}:1: not a Pareto golden file: expected the header "
            "'x_objective,design_space,variant,mode'", file));
      }
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (cells.size() != 4) {
      return util::InputError(fmt::format("{}:{}: expected 4 columns, found {}", file, number, cells.size()));
    }
    FrontMember m;
    m.x_objective = cells[0];
    m.design_space = cells[1];
    m.variant = cells[2];
    m.mode = cells[3];
    members.push_back(m);
  }
  if (number == 0) return util::InputError(fmt::format("{}:1: empty golden file", file));
  return members;
}

FrontDiff CompareFronts(const std::vector<FrontMember>& golden, const std::vector<FrontMember>& now) {
  auto key = [](const FrontMember& m) {
    return std::make_tuple(m.x_objective, m.design_space, m.variant, m.mode);
  };
  std::set<decltype(key(golden.front()))> old_keys, new_keys;
  for (const auto& m : golden) old_keys.insert(key(m));
  for (const auto& m : now) new_keys.insert(key(m));
  FrontDiff diff;
  for (const auto& m : now) {
    if (!old_keys.count(key(m))) diff.added.push_back(m);
  }
  for (const auto& m : golden) {
    if (!new_keys.count(key(m))) diff.removed.push_back(m);
  }
  return diff;
}

}  // namespace explore
