// explore::ResolveDesign: a variant name or a .tflite path, the one reader of `dse fit`,
// `dse partition` and `dse deploy`.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "explore/design_input.h"
#include "support/spaces.h"
#include "tflite/synthetic.h"

namespace {

const std::string kData = std::string(DSE_SOURCE_DIR) + "/tests/data/";
const std::string kVww = "mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite";

// `bytes` written to a file of the test's temporary directory; returns its path.
std::string WriteTemp(const std::string& name, const std::vector<uint8_t>& bytes) {
  const std::string path = testing::TempDir() + name;
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return path;
}

TEST(DesignInput, NamesModelFileBySuffix) {
  EXPECT_TRUE(explore::NamesModelFile("fw/my_model.tflite"));
  EXPECT_TRUE(explore::NamesModelFile("MODEL.TFLite"));
  EXPECT_FALSE(explore::NamesModelFile("mbv3-w1.00-r160"));
  EXPECT_FALSE(explore::NamesModelFile("tflite"));
  EXPECT_FALSE(explore::NamesModelFile("model.tflite.bak"));
}

TEST(DesignInput, VariantIsBuiltFromTheCatalog) {
  auto in = explore::ResolveDesign("mcunet-in1", testing_support::BuiltinCatalog());
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->file, "");
  EXPECT_EQ(in->facts.net.name, "mcunet-in1");
  EXPECT_EQ(in->facts.net.file_bytes, 0);  // built, not read: flash is estimated
  auto bad = explore::ResolveDesign("mcunet-in9", testing_support::BuiltinCatalog());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("unknown variant 'mcunet-in9'"), std::string::npos);
}

// The MLPerf Tiny VWW model (tests/data/README.md): a 333,288-byte file (ls -l), whose TFLM
// arena head is 73,728 B (tests/placement/sram_layout_test.cpp, the greedy planner's result).
TEST(DesignInput, TfliteFileIsImportedNamedByItsFileWithItsFileSizeAsFlash) {
  auto in = explore::ResolveDesign(kData + kVww, testing_support::BuiltinCatalog());
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->file, kData + kVww);
  EXPECT_EQ(in->facts.net.name, kVww);
  EXPECT_EQ(in->facts.variant.space, "tflite");
  EXPECT_EQ(in->unsupported_ops, "");
  EXPECT_EQ(in->facts.footprint.model.total_bytes(), 333'288);
  EXPECT_TRUE(in->facts.footprint.model.from_file);
  EXPECT_EQ(in->facts.footprint.sram.layout, "tflm");
  EXPECT_EQ(in->facts.footprint.sram.arena_bytes, 73'728);
}

TEST(DesignInput, BadFilesAreInputErrorsNamingTheFile) {
  const auto& catalog = testing_support::BuiltinCatalog();
  auto missing = explore::ResolveDesign(kData + "nope.tflite", catalog);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, util::Error::Kind::kInput);
  EXPECT_EQ(missing.error().message.rfind(kData + "nope.tflite: ", 0), 0u) << missing.error().message;
  // tests/data/bad/one-conv-float32-filter.tflite: a float32 filter (tests/data/README.md).
  auto float_filter = explore::ResolveDesign(kData + "bad/one-conv-float32-filter.tflite", catalog);
  ASSERT_FALSE(float_filter.ok());
  EXPECT_NE(float_filter.error().message.find("is float32; dse analyses int8-quantised models only"),
            std::string::npos) << float_filter.error().message;
}

// A model file without ops is refused the same way wherever it is read (ImportModelFile: fit,
// partition, deploy through ResolveDesign; analyze and sweep --models through the app's
// ImportModel): the path and the reader's words (lib/tflite/import.cpp). The model: OneConv's
// tensors, its op removed.
TEST(DesignInput, AModelWithoutOpsIsRefusedByPath) {
  synthetic::Model m = synthetic::OneConv(6, 3, 0, 2);
  m.ops.clear();
  const std::string path = WriteTemp("design_input_no_ops.tflite", synthetic::Write(m));
  auto read = explore::ImportModelFile(path);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, util::Error::Kind::kInput);
  EXPECT_EQ(read.error().message, path + ": the model has no operators");
  auto design = explore::ResolveDesign(path, testing_support::BuiltinCatalog());
  ASSERT_FALSE(design.ok());
  EXPECT_EQ(design.error().message, path + ": the model has no operators");
  std::remove(path.c_str());
}

// One CONV_2D then a TANH and a GELU (as tests/tflite/import_test.cpp
// UnsupportedOpsAreKeptNamedAndCounted): reported with a warning text, refused for firmware.
TEST(DesignInput, UnsupportedOpsAreNamedAndRefusedForFirmware) {
  synthetic::Model m = synthetic::OneConv(6, 3, 0, 2);
  m.tensors.push_back({"tanh", {1, 3, 3, 4}});
  m.tensors.push_back({"gelu", {1, 3, 3, 4}});
  m.ops.push_back({28, 28, {3}, {4}});    // TANH
  m.ops.push_back({127, 150, {4}, {5}});  // GELU
  m.outputs = {5};
  const std::string path = WriteTemp("design_input_tanh.tflite", synthetic::Write(m));
  const auto& catalog = testing_support::BuiltinCatalog();
  auto report = explore::ResolveDesign(path, catalog, explore::DesignUse::kReport);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->unsupported_ops, "TANH x1, GELU x1");
  // The warning dse analyze gives too (UnsupportedWarning), named by the file name.
  EXPECT_EQ(report->unsupported_warning,
            "design_input_tanh.tflite: 2 op(s) dse does not model (TANH x1, GELU x1); they count "
            "no MACs and no latency");
  EXPECT_EQ(report->facts.net.ops.size(), 3u);
  auto firmware = explore::ResolveDesign(path, catalog, explore::DesignUse::kFirmware);
  ASSERT_FALSE(firmware.ok());
  EXPECT_EQ(firmware.error().kind, util::Error::Kind::kInput);
  EXPECT_EQ(firmware.error().message.rfind(path + ": 2 op(s) dse does not model (TANH x1, GELU x1)", 0), 0u)
      << firmware.error().message;
  std::remove(path.c_str());
}

}  // namespace
