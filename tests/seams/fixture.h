#pragma once
// Test helper for the seam tests: the built-in boards, spaces, surrogate and shipped data, and a
// sweep of the proxyless grid through explore::Sweep (the path `dse sweep` uses).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accuracy/accuracy.h"
#include "explore/sweep.h"
#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "support/deployment_data.h"
#include "support/spaces.h"

namespace seams_testing {

struct Fixture {
  const std::string root = DSE_SOURCE_DIR;
  hw::Catalog boards = hw::Catalog::LoadDirectory(root + "/hwprofiles").value();
  accuracy::Surrogate surrogate = accuracy::LoadSurrogate(root).value();
  std::vector<accuracy::Measurement> measured;
  latency::CoefficientFile coefficients =
      latency::LoadCoefficients(root + "/data/latency/coefficients.toml").value();

  explore::Models models() const {
    return {&testing_support::BuiltinCatalog(), &surrogate, &measured, &coefficients,
            &testing_support::MeasuredPower(), &testing_support::DefaultBudgets()};
  }

  /// Sweeps the fixed net mcunet-in1 and the proxyless grid on `board` in `modes` under `runtime`.
  explore::SweepResult Sweep(const std::string& board, std::vector<std::string> modes,
                             const kernels::Runtime* runtime = nullptr) const {
    explore::SweepOptions options;
    options.spaces = {testing_support::BuiltinCatalog().Find("mcunet-in1"),
                      testing_support::BuiltinCatalog().Find("proxyless")};
    options.boards = {boards.Find(board)};
    options.modes = std::move(modes);
    options.runtime = runtime;
    auto result = explore::Sweep(options, models(), {});
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? std::move(result).value() : explore::SweepResult{};
  }
};

}  // namespace seams_testing
