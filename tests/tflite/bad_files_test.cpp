// tests/data/bad/ holds model files the CLI tests feed to `dse analyze` and `dse sweep` to see
// them refused. Each is pinned here to the synthetic model it was written from, so it cannot
// drift from what the reader tests check.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "tflite/import.h"
#include "tflite/synthetic.h"

namespace {

TEST(TfliteBadFiles, FloatFilterModelIsTheSyntheticOneConv) {
  const std::string path =
      std::string(DSE_SOURCE_DIR) + "/tests/data/bad/one-conv-float32-filter.tflite";
  std::ifstream in(path, std::ios::binary);
  const std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in),
                                   std::istreambuf_iterator<char>()};
  EXPECT_EQ(bytes, synthetic::Write(synthetic::OneConv(6, 3, 0, 2, /*FLOAT32*/ 0)));
  auto im = tflite::ImportFile(path);
  ASSERT_FALSE(im.ok());
  EXPECT_EQ(im.error().message,
            path + ": op 0 (CONV_2D): filter tensor 'filter' is float32; dse analyses "
                   "int8-quantised models only");
}

}  // namespace
