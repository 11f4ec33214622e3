#include "explore/fronts.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "explore/pareto.h"
#include "placement/mode.h"
#include "placement/schedule_modes.h"
#include "util/csv.h"

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
                       c->runtime, c->top1_provenance});
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

namespace {

constexpr const char* kGoldenHeader = "x_objective,design_space,variant,mode,top1,top1_provenance";
constexpr size_t kGoldenMembershipColumns = 4;  // the header's first 4: a file without top-1

// The member of one golden line (`cells`: 4 or 6 columns); an error names the line.
util::Result<FrontMember> GoldenMember(const std::string& file, int line,
                                       const std::vector<std::string>& cells) {
  FrontMember m;
  m.x_objective = cells[0];
  m.design_space = cells[1];
  m.variant = cells[2];
  m.mode = cells[3];
  if (cells.size() == kGoldenMembershipColumns) return m;
  if (!util::ParseCsvNumber(cells[4], &m.y)) {
    return util::InputError(fmt::format("{}:{}: top1 '{}' is not a number", file, line, cells[4]));
  }
  m.top1_provenance = cells[5];
  return m;
}

// Why the changed design (variant, mode) moved, when its top-1 is measured in `rows` and the
// golden file recorded another figure or provenance for it (any of its lines: a design's top-1
// is the same on every front); "" otherwise.
std::string MeasuredTop1Note(const std::string& variant, const std::string& mode,
                             const std::vector<FrontMember>& golden, const std::vector<Candidate>& rows) {
  const auto now = std::find_if(rows.begin(), rows.end(), [&](const Candidate& c) {
    return c.variant == variant && c.mode == mode && c.top1 && c.top1_provenance == "measured";
  });
  if (now == rows.end()) return "";
  const auto was = std::find_if(golden.begin(), golden.end(), [&](const FrontMember& m) {
    return m.variant == variant && m.mode == mode && !m.top1_provenance.empty();
  });
  std::string golden_text = "golden file records no top-1";
  if (was != golden.end()) {
    // Equal at the file's 2 decimals and measured there too: the import is not what changed.
    const bool same = fmt::format("{:.2f}", was->y) == fmt::format("{:.2f}", *now->top1);
    if (same && was->top1_provenance == "measured") return "";
    golden_text = fmt::format("golden: {:.2f} % {}", was->y, was->top1_provenance);
  } else if (std::any_of(golden.begin(), golden.end(),
                         [](const FrontMember& m) { return !m.top1_provenance.empty(); })) {
    golden_text = "golden: not on a front";
  }
  return fmt::format("top-1 now measured {:.2f} % ({})", *now->top1, golden_text);
}

}  // namespace

std::string GoldenText(const std::vector<FrontMember>& members) {
  std::string text = std::string(kGoldenHeader) + "\n";
  for (const FrontMember& m : members) {
    text += fmt::format("{},{},{},{},{:.2f},{}\n", m.x_objective, m.design_space, m.variant, m.mode,
                        m.y, m.top1_provenance);
  }
  return text;
}

util::Result<std::vector<FrontMember>> ParseGolden(const std::string& file, const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::vector<FrontMember> members;
  size_t columns = 0;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      const std::string header(kGoldenHeader);
      const size_t membership_end = header.find(",top1");
      if (line != header && line != header.substr(0, membership_end)) {
        return util::InputError(fmt::format(
            "{}:1: not a Pareto golden file: expected the header '{}' (or its first 4 columns)",
            file, header));
      }
      columns = line == header ? 6 : kGoldenMembershipColumns;
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (line.back() == ',') cells.emplace_back();  // an empty last column (no provenance)
    if (cells.size() != columns) {
      return util::InputError(fmt::format("{}:{}: expected {} columns, found {}", file, number,
                                          columns, cells.size()));
    }
    auto member = GoldenMember(file, number, cells);
    if (!member.ok()) return member.error();
    members.push_back(*member);
  }
  if (number == 0) return util::InputError(fmt::format("{}:1: empty golden file", file));
  return members;
}

FrontDiff CompareFronts(const std::vector<FrontMember>& golden, const std::vector<FrontMember>& now,
                        const std::vector<Candidate>& rows) {
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
  for (const auto* changed : {&diff.added, &diff.removed}) {
    for (const FrontMember& m : *changed) {
      std::string note = MeasuredTop1Note(m.variant, m.mode, golden, rows);
      if (!note.empty()) diff.top1_notes[{m.variant, m.mode}] = std::move(note);
    }
  }
  return diff;
}

}  // namespace explore
