#pragma once
// Test helper: a model file shipped in data/models/ imported as a network; fails the test (and
// returns an empty network) on error.

#include <gtest/gtest.h>

#include <string>

#include "graph/network.h"
#include "tflite/import.h"
#include "tflite/model.h"

namespace testing_support {

inline std::string ModelsDir() { return std::string(DSE_SOURCE_DIR) + "/data/models/"; }

inline graph::Network ImportShippedModel(const std::string& file) {
  auto bytes = tflite::ReadFileBytes(ModelsDir() + file);
  EXPECT_TRUE(bytes.ok()) << file;
  if (!bytes.ok()) return {};
  auto im = tflite::ImportBytes(bytes.value(), file);
  EXPECT_TRUE(im.ok()) << file;
  if (!im.ok()) return {};
  return std::move(im).value().network;
}

}  // namespace testing_support
