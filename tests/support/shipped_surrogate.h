#pragma once
// The surrogate fitted to the shipped published accuracies (data/accuracy), loaded once per test
// binary, for the accuracy tests that read its families and predictions.

#include <gtest/gtest.h>

#include <utility>

#include "accuracy/accuracy.h"

namespace accuracy_testing {

inline const accuracy::Surrogate& Fitted() {
  static const accuracy::Surrogate surrogate = [] {
    auto s = accuracy::LoadSurrogate(DSE_SOURCE_DIR);
    if (!s) ADD_FAILURE() << s.error().message;
    return std::move(s).value();
  }();
  return surrogate;
}

}  // namespace accuracy_testing
