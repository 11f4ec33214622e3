#pragma once
// Turns measured rows into fit samples: builds each row's network, finds its board, partitions
// it for the tinyops mode with the board's default SRAM budget, and precomputes the terms.

#include <string>
#include <vector>

#include "hw/catalog.h"
#include "latency/fit.h"
#include "latency/measurements.h"
#include "searchspace/catalog.h"
#include "tinyops/budgets.h"
#include "util/result.h"

namespace latency {

/// The names measurement rows may use: the catalog's boards and variants.
KnownNames NamesFrom(const hw::Catalog& boards, const searchspace::Catalog& spaces);

/// One sample per row. Fails ("file:line: ...") when a row's network cannot be built, its board
/// lacks the external RAM its mode needs, or a tinyops row's network does not fit the board's
/// default budget (tinyops::DefaultBudgetBytes of `budgets`).
util::Result<std::vector<Sample>> BuildSamples(const std::vector<Measurement>& rows,
                                               const hw::Catalog& boards,
                                               const searchspace::Catalog& spaces,
                                               const tinyops::BudgetTable& budgets);

}  // namespace latency
