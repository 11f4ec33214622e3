#pragma once
// Test helper: the shipped data the board profiles no longer carry, loaded once per test
// binary: the default TinyOps budgets (data/tinyops/budgets.csv) and the measured power
// (data/power/measured.csv). Fails the test on error.

#include <gtest/gtest.h>

#include <string>

#include "power/power.h"
#include "tinyops/budgets.h"

namespace testing_support {

inline const tinyops::BudgetTable& DefaultBudgets() {
  static const tinyops::BudgetTable table = [] {
    auto loaded = tinyops::LoadBudgets(std::string(DSE_SOURCE_DIR) + "/data/tinyops/budgets.csv");
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      return tinyops::BudgetTable();
    }
    return std::move(loaded).value();
  }();
  return table;
}

inline const power::Table& MeasuredPower() {
  static const power::Table table = [] {
    auto loaded = power::LoadTable(std::string(DSE_SOURCE_DIR) + "/data/power/measured.csv",
                                   {"internal", "external", "tinyops"});
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      return power::Table();
    }
    return std::move(loaded).value();
  }();
  return table;
}

}  // namespace testing_support
