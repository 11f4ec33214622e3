#pragma once
// Test helper: the built-in catalog and a network by variant name; fails the test on error.

#include <gtest/gtest.h>

#include <string>

#include "searchspace/catalog.h"

namespace testing_support {

inline const searchspace::Catalog& BuiltinCatalog() {
  static const searchspace::Catalog catalog = [] {
    auto loaded = searchspace::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/searchspaces");
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      return searchspace::Catalog();
    }
    return std::move(loaded).value();
  }();
  return catalog;
}

inline graph::Network BuildVariant(const std::string& name) {
  const auto& catalog = BuiltinCatalog();
  auto variant = catalog.ParseVariant(name);
  if (!variant) {
    ADD_FAILURE() << variant.error().message;
    return {};
  }
  auto net = catalog.Build(*variant);
  if (!net) {
    ADD_FAILURE() << net.error().message;
    return {};
  }
  return std::move(net).value();
}

}  // namespace testing_support
