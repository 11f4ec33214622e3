// Bad input: every case is a clear input error with an exact message, never a crash.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <random>

#include "tflite/import.h"
#include "tflite/synthetic.h"

namespace {

std::string ImportError(const std::vector<uint8_t>& bytes) {
  auto result = tflite::ImportBytes(bytes, "bad");
  if (result.ok()) return "(imported)";
  EXPECT_EQ(result.error().kind, util::Error::Kind::kInput);
  return result.error().message;
}

std::vector<uint8_t> ModelFile(const std::string& name) {
  std::ifstream in(std::string(DSE_SOURCE_DIR) + "/tests/data/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void Put32(std::vector<uint8_t>& bytes, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<uint8_t>(v >> (8 * i));
}

TEST(TfliteErrors, EmptyAndTinyFiles) {
  EXPECT_EQ(ImportError({}), "file too short for a flatbuffer (0 bytes; at least 8 needed)");
  EXPECT_EQ(ImportError({1, 2, 3}), "file too short for a flatbuffer (3 bytes; at least 8 needed)");
}

TEST(TfliteErrors, ZeroedHeader) {
  std::vector<uint8_t> bytes = ModelFile("mlperf-tiny-kws-dscnn_int8.tflite");
  std::fill(bytes.begin(), bytes.begin() + 8, 0);
  EXPECT_EQ(ImportError(bytes),
            "not a TFLite file (file identifier '\\x00\\x00\\x00\\x00', expected 'TFL3')");
}

TEST(TfliteErrors, RandomBytes) {
  std::mt19937 rng(7);
  std::vector<uint8_t> bytes(4096);
  for (uint8_t& b : bytes) b = static_cast<uint8_t>(rng());
  EXPECT_EQ(ImportError(bytes).rfind("not a TFLite file (file identifier '", 0), 0u);
  std::memcpy(bytes.data() + 4, "TFL3", 4);  // right identifier, garbage behind it
  const std::string message = ImportError(bytes);
  EXPECT_NE(message, "(imported)");
  EXPECT_FALSE(message.empty());
}

TEST(TfliteErrors, TruncatedModel) {
  std::vector<uint8_t> bytes = ModelFile("mlperf-tiny-kws-dscnn_int8.tflite");
  ASSERT_EQ(bytes.size(), 53936u);
  bytes.resize(20000);  // the tables sit at the end of the file, after the weights
  EXPECT_EQ(ImportError(bytes),
            "description: the offset at byte 44 points to byte 25260, outside the 20000-byte buffer");
}

TEST(TfliteErrors, RootOffsetOutOfRange) {
  std::vector<uint8_t> bytes = synthetic::Write(synthetic::OneConv(6, 3, 0, 2));
  Put32(bytes, 0, 0xfffffff0u);
  EXPECT_EQ(ImportError(bytes), "root table offset: the offset at byte 0 points to byte 4294967280, "
                                "outside the 680-byte buffer");
}

TEST(TfliteErrors, VectorLengthPastTheEnd) {
  std::vector<uint8_t> bytes = synthetic::Write(synthetic::OneConv(6, 3, 0, 2));
  const uint8_t shape[] = {4, 0, 0, 0, 1, 0, 0, 0, 6, 0, 0, 0, 6, 0, 0, 0, 3, 0, 0, 0};
  const auto at = std::search(bytes.begin(), bytes.end(), std::begin(shape), std::end(shape));
  ASSERT_NE(at, bytes.end());
  Put32(bytes, static_cast<size_t>(at - bytes.begin()), 0x7fffffffu);
  EXPECT_EQ(ImportError(bytes), "subgraph 0, tensor 0: shape at byte 168 (8589934588 bytes) runs "
                                "past the end of the 680-byte buffer");
}

TEST(TfliteErrors, TensorIndexOutOfRange) {
  synthetic::Model m = synthetic::OneConv(6, 3, 0, 2);
  m.ops[0].inputs[1] = 9;
  EXPECT_EQ(ImportError(synthetic::Write(m)),
            "subgraph 0, operator 0: input tensor index 9 out of range (the subgraph has 4 tensors)");
}

TEST(TfliteErrors, FloatModel) {
  EXPECT_EQ(ImportError(synthetic::Write(synthetic::OneConv(6, 3, 0, 2, /*FLOAT32*/ 0))),
            "op 0 (CONV_2D): filter tensor 'filter' is float32; dse analyses int8-quantised models "
            "only");
}

TEST(TfliteErrors, WrongOptionsType) {
  synthetic::Model m = synthetic::OneConv(6, 3, 0, 2);
  m.ops[0].options_type = 5;  // Pool2DOptions on a CONV_2D
  EXPECT_EQ(ImportError(synthetic::Write(m)),
            "subgraph 0, operator 0: CONV_2D carries builtin options of type 5, expected type 1");
}

TEST(TfliteErrors, OutputShapeDisagreesWithPadding) {
  EXPECT_EQ(ImportError(synthetic::Write(synthetic::OneConv(6, 4, 0, 2))),
            "op 0 (CONV_2D): output 4x4 does not match SAME padding of a 6x6 input with a 3x3 "
            "window and stride 2x2 (expected 3x3)");
}

TEST(TfliteErrors, SchemaVersion) {
  synthetic::Model m = synthetic::OneConv(6, 3, 0, 2);
  m.version = 2;
  EXPECT_EQ(ImportError(synthetic::Write(m)), "unsupported TFLite schema version 2 (expected 3)");
}

TEST(TfliteErrors, MissingFileNamesThePath) {
  auto result = tflite::ImportFile("no/such/model.tflite");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "no/such/model.tflite: cannot open the file");
}

}  // namespace
