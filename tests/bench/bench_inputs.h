#pragma once
// What the sweep and search benchmarks load: the shipped search spaces, boards, accuracy
// surrogate, latency coefficients, power table and TinyOps budgets of this source tree, loaded
// once per process (loading is not what they time), and the process's CPU seconds so far.

#include <sys/resource.h>

#include <string>
#include <vector>

#include "accuracy/accuracy.h"
#include "explore/sweep.h"
#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "placement/mode.h"

namespace bench {

inline const std::string kRoot = DSE_SOURCE_DIR;

struct Inputs {
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

/// Loaded on first use and kept for the process.
inline const Inputs& Shared() {
  static const Inputs* inputs = new Inputs();
  return *inputs;
}

/// User CPU seconds of the process so far, every thread: steadier than wall time on a shared
/// machine.
inline double UserCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec) / 1e6;
}

/// Peak resident memory of the process so far, in MiB.
inline double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace bench
