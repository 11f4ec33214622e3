#pragma once
// Reading the `[memory]` table of a board profile (format in regions.h).

#include <vector>

#include "hw/regions.h"
#include "tomlspec/tomlspec.h"

namespace hw {

/// Reads `[memory]` of a profile's `root` into `regions` (left empty when the table is absent);
/// problems go to `ctx` with their line.
void ReadRegions(const toml::table& root, tomlspec::Context& ctx,
                 std::vector<MemoryRegion>* regions);

}  // namespace hw
