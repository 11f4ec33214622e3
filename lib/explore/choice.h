#pragma once
// What `dse sweep --spaces` and `--modes` name: search spaces of a catalog and registered
// deployment modes, checked, with the nearest valid name for a misspelt one; and the mode
// `show` and `analyze` predict in when none is named. Nothing here prints.

#include <string>
#include <vector>

#include "hw/board.h"
#include "searchspace/catalog.h"
#include "util/result.h"

namespace explore {

/// The spaces `names` choose from `catalog`: none named means DefaultSpaces; "all" every space;
/// "none" no space (imported models only). An unknown name is an input error
/// "--spaces: unknown space 'X' (did you mean 'Y'?)".
util::Result<std::vector<const searchspace::Space*>> ChooseSpaces(
    const searchspace::Catalog& catalog, const std::vector<std::string>& names);

/// The registered mode ids `names` choose, in their order; none named means the default modes
/// (placement::ModeIds), "all" every registered one (the default modes, then the opt-in
/// schedules). An unknown name is the registry's input error.
util::Result<std::vector<std::string>> ChooseModes(const std::vector<std::string>& names);

/// The mode a command predicts in when none is named: "tinyops", or "internal" on a board with
/// no external RAM (TinyOps and the external mode need one; every board runs internal).
std::string DefaultMode(const hw::Board& board);

}  // namespace explore
