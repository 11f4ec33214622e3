#pragma once
// Test helpers for the latency model: the built-in boards, the shipped measurements as fit
// samples, and the calibration over them (computed once per test binary).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hw/catalog.h"
#include "kernels/data_runtime.h"
#include "latency/fit.h"
#include "explore/calibration.h"
#include "explore/runtime_fit.h"
#include "support/deployment_data.h"
#include "support/spaces.h"

namespace latency_testing {

inline const hw::Catalog& Boards() {
  static const hw::Catalog catalog = [] {
    auto loaded = hw::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/hwprofiles");
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      return hw::Catalog();
    }
    return std::move(loaded).value();
  }();
  return catalog;
}

inline const hw::Board& Board(const std::string& name) { return *Boards().Find(name); }

inline const std::vector<latency::Sample>& PaperSamples() {
  static const std::vector<latency::Sample> samples = [] {
    const auto& spaces = testing_support::BuiltinCatalog();
    auto rows = latency::LoadMeasurements(std::string(DSE_SOURCE_DIR) + "/data/latency/paper.csv",
                                          explore::NamesFrom(Boards(), spaces));
    if (!rows) {
      ADD_FAILURE() << rows.error().message;
      return std::vector<latency::Sample>();
    }
    auto built = explore::BuildSamples(*rows, Boards(), spaces, testing_support::DefaultBudgets());
    if (!built) {
      ADD_FAILURE() << built.error().message;
      return std::vector<latency::Sample>();
    }
    return std::move(built).value();
  }();
  return samples;
}

inline const latency::Calibration& PaperCalibration() {
  static const latency::Calibration cal = [] {
    latency::CoefficientFile priors;
    for (const auto& s : PaperSamples()) priors[s.row.board] = latency::Priors(Board(s.row.board));
    return latency::Calibrate(PaperSamples(), priors, "data/latency/paper.csv");
  }();
  return cal;
}

/// The shipped measurements of every runtime (data/latency/paper.csv and public/latency.csv)
/// under the shipped coefficients, with the data runtimes of data/runtimes registered.
inline const explore::MeasuredRows& PublicMeasured() {
  static const explore::MeasuredRows measured = [] {
    const std::string root = DSE_SOURCE_DIR;
    EXPECT_TRUE(kernels::RegisterRuntimeDirectory(root + "/data/runtimes").ok());
    auto coefs = latency::LoadCoefficients(root + "/data/latency/coefficients.toml");
    EXPECT_TRUE(coefs.ok());
    auto loaded = explore::LoadMeasuredRows(
        {root + "/data/latency/paper.csv", root + "/data/latency/public/latency.csv"}, Boards(),
        testing_support::BuiltinCatalog(), testing_support::DefaultBudgets(),
        coefs.ok() ? *coefs : latency::CoefficientFile{}, root);
    if (!loaded) ADD_FAILURE() << loaded.error().message;
    return loaded ? std::move(loaded).value() : explore::MeasuredRows{};
  }();
  return measured;
}

/// `dse runtimes lobo` over PublicMeasured(): tflm-cmsis-nn rows left out board by board, then
/// every other runtime's rows in those folds.
inline explore::PublicLeaveBoardOut PublicLobo() {
  const explore::MeasuredRows& measured = PublicMeasured();
  std::vector<latency::Sample> tflm;
  for (const latency::Sample& s : measured.samples) {
    if (s.row.runtime == kernels::kDefaultRuntime) tflm.push_back(s);
  }
  return explore::LeaveBoardsOutByRuntime(
      measured.rows, measured.samples, Boards(),
      latency::LeaveBoardsOut(tflm, explore::PriorsOf(tflm, Boards())));
}

}  // namespace latency_testing
