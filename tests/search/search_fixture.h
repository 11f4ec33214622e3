#pragma once
// The models and boards a search test evaluates with (the built-in data, as `dse` loads it).
#include <gtest/gtest.h>

#include "accuracy/accuracy.h"
#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "search/run.h"
#include "support/deployment_data.h"
#include "support/spaces.h"

namespace testing_support {

struct SearchWorld {
  hw::Catalog boards = hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles").value();
  accuracy::Surrogate surrogate = accuracy::LoadSurrogate(DSE_SOURCE_DIR).value();
  std::vector<accuracy::Measurement> measured;
  latency::CoefficientFile coefficients =
      latency::LoadCoefficients(std::string(DSE_SOURCE_DIR) + "/data/latency/coefficients.toml").value();
  explore::Models models{&BuiltinCatalog(), &surrogate, &measured, &coefficients, &MeasuredPower(),
                         &DefaultBudgets()};

  const hw::Board* Board(const std::string& name) const {
    for (const hw::Board& b : boards.boards()) {
      if (b.name == name) return &b;
    }
    return nullptr;
  }

  search::Plan PlanFor(search::Request request, const std::string& board = "f746") const {
    explore::SweepOptions sweep;
    sweep.boards = {Board(board)};
    return search::MakePlan(request, BuiltinCatalog(), sweep).value();
  }
};

inline const SearchWorld& World() {
  static const SearchWorld world;
  return world;
}

}  // namespace testing_support
