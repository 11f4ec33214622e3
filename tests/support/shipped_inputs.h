#pragma once
// The shipped tables of this source tree, loaded as the tool loads them: the search spaces,
// boards, accuracy surrogate, latency coefficients, power table and TinyOps budgets. Shared by
// the benchmarks (tests/bench/bench_inputs.h) and the tests that evaluate whole sweeps. A load
// failure throws (value() of an error): the shipped files are part of the build.

#include <string>
#include <vector>

#include "accuracy/accuracy.h"
#include "explore/sweep.h"
#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "placement/mode.h"

namespace testing_support {

struct ShippedInputs {
  inline static const std::string kRoot = DSE_SOURCE_DIR;

  searchspace::Catalog catalog = searchspace::Catalog::LoadDirectory(kRoot + "/searchspaces").value();
  hw::Catalog boards = hw::Catalog::LoadDirectory(kRoot + "/hwprofiles").value();
  accuracy::Surrogate surrogate = accuracy::LoadSurrogate(kRoot).value();
  std::vector<accuracy::Measurement> measured;
  latency::CoefficientFile coefficients =
      latency::LoadCoefficients(kRoot + "/data/latency/coefficients.toml").value();
  power::Table power = power::LoadTable(kRoot + "/data/power/measured.csv", placement::ModeIds()).value();
  tinyops::BudgetTable budgets = tinyops::LoadBudgets(kRoot + "/data/tinyops/budgets.csv").value();

  /// The models over this struct's tables and `space_catalog` (a copy with spaces of its own,
  /// e.g. a dense grid), or its own catalog.
  explore::Models ModelsOver(const searchspace::Catalog* space_catalog = nullptr) const {
    return {space_catalog ? space_catalog : &catalog, &surrogate, &measured, &coefficients, &power, &budgets};
  }
  /// The built-in board named `name`; it must exist.
  const hw::Board* Board(const std::string& name) const {
    for (const hw::Board& b : boards.boards()) {
      if (b.name == name) return &b;
    }
    return nullptr;
  }
};

}  // namespace testing_support
