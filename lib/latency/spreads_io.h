#pragma once
// Reading the [spread] table of coefficients.toml (spreads.h); apart so that spreads.h stays
// free of the TOML parser.

#include "latency/spreads.h"
#include "tomlspec/tomlspec.h"

namespace latency {

/// Reads a [spread] table into `out`; an unknown key, a version other than kSpreadsVersion or a
/// negative spread is an error in `ctx` (file:line).
void ReadSpreads(const toml::table& table, tomlspec::Context& ctx, Spreads* out);

}  // namespace latency
