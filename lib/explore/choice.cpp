#include "explore/choice.h"

#include <algorithm>

#include <fmt/format.h>

#include "explore/fronts.h"
#include "explore/summary.h"
#include "placement/mode.h"
#include "util/spellcheck.h"

namespace explore {

util::Result<std::vector<const searchspace::Space*>> ChooseSpaces(
    const searchspace::Catalog& catalog, const std::vector<std::string>& names) {
  if (names.empty()) return DefaultSpaces(catalog);
  std::vector<const searchspace::Space*> chosen;
  for (const std::string& name : names) {
    if (name == "all") {
      for (const searchspace::Space& s : catalog.spaces()) chosen.push_back(&s);
      continue;
    }
    if (name == "none") continue;  // imported models only
    const searchspace::Space* s = catalog.Find(name);
    if (s == nullptr) {
      return util::InputError(fmt::format("--spaces: unknown space '{}'{}", name,
                                          util::DidYouMean(name, catalog.Names())));
    }
    chosen.push_back(s);
  }
  return chosen;
}

util::Result<std::vector<std::string>> ChooseModes(const std::vector<std::string>& names) {
  if (names.empty()) return placement::ModeIds();
  if (std::find(names.begin(), names.end(), "all") != names.end()) {
    return RegisteredModes();  // the default modes, then the opt-in schedules
  }
  std::vector<std::string> modes;
  for (const std::string& n : names) {
    auto mode = placement::FindMode(n);
    if (!mode) return mode.error();
    modes.emplace_back((*mode)->id());
  }
  return modes;
}

std::string DefaultMode(const hw::Board& board) {
  return board.ExternalRam() == nullptr ? "internal" : "tinyops";
}

}  // namespace explore
