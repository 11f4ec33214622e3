// The ten MCUNet zoo .tflite files (data/models/, reference models/README.md) under each SRAM
// layout, printed as a table, with the VWW rows beside the peaks measured on an STM32H743
// (reference latency_public.csv: mit-han-lab/tinyengine README "Measured Results", kB = 1024 B).
// Skipped when data/models/ does not hold the files.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "analysis/cost.h"
#include "placement/sram_layout.h"
#include "tflite/model.h"
#include "tflite/import.h"

namespace {

struct ZooFile {
  const char* file;
  int measured_tflm_kib = 0;  // CMSIS-NN (TFLM) column, peak SRAM kB
  int measured_xcube_kib = 0;  // X-CUBE-AI 7.3.0
  int measured_te_kib = 0;     // TinyEngine
};

const ZooFile kZoo[] = {
    {"mcunet-in0.tflite"},  {"mcunet-in1.tflite"},  {"mcunet-in2.tflite"},
    {"mcunet-in3.tflite"},  {"mcunet-in4.tflite"},  {"mcunet-vww0.tflite", 163, 88, 59},
    {"mcunet-vww1.tflite", 220, 113, 92}, {"mcunet-vww2.tflite", 390, 201, 174},
    {"mcunet-mbv2-w0.35-r144.tflite"},    {"mcunet-proxyless-w0.3-r176.tflite"}};

std::string ModelsDir() { return std::string(DSE_SOURCE_DIR) + "/data/models/"; }

TEST(ZooLayouts, PredictedInternalSramPerLayout) {
  ASSERT_TRUE(std::filesystem::exists(ModelsDir() + kZoo[0].file)) << "data/models/ is missing";
  std::printf("%-34s %9s %9s %9s   measured tflm/x-cube-ai/tinyengine (kB)\n", "model",
              "tflm", "tinyeng", "x-cube-ai");
  for (const ZooFile& z : kZoo) {
    SCOPED_TRACE(z.file);
    auto bytes = tflite::ReadFileBytes(ModelsDir() + z.file);
    ASSERT_TRUE(bytes.ok());
    auto im = tflite::ImportBytes(bytes.value(), z.file);
    ASSERT_TRUE(im.ok()) << im.error().message;
    const graph::Network& net = im.value().network;
    std::vector<int64_t> total;
    std::string row = std::string(z.file);
    for (const placement::SramLayout* layout : placement::SramLayouts()) {
      const placement::SramNeed need = layout->Plan(net, kernels::DefaultRuntime());
      total.push_back(need.total_bytes());
    }
    std::printf("%-34s %8.1fK %8.1fK %8.1fK", z.file, total[0] / 1024.0, total[1] / 1024.0,
                total[2] / 1024.0);
    if (z.measured_tflm_kib) {
      std::printf("   %d / %d / %d", z.measured_tflm_kib, z.measured_xcube_kib, z.measured_te_kib);
      // TFLM's arena is the layout the measured peak (TinyEngine README, H743) is for: predicted
      // within 8 % (measured 163 / 220 / 390 kB; dse 153.8 / 210.9 / 375.7 kB when written).
      const double measured_bytes = z.measured_tflm_kib * 1024.0;
      EXPECT_NEAR(total[0] / measured_bytes, 1.0, 0.08);
    }
    std::printf("\n");
    // In-place depthwise never costs SRAM against TFLM's arena.
    EXPECT_LE(total[1], total[0]);
  }
}

}  // namespace

namespace {

// The data behind placement/model_flash.h's flatbuffer overhead fit: per file, its size, the
// bytes dse counts (weights + biases + requantisation), ops, file tensors and output channels
// of the weighted ops.
TEST(ZooLayouts, FlatbufferOverheadData) {
  ASSERT_TRUE(std::filesystem::exists(ModelsDir() + kZoo[0].file)) << "data/models/ is missing";
  for (const auto& entry : std::filesystem::directory_iterator(ModelsDir())) {
    if (entry.path().extension() != ".tflite") continue;
    auto bytes = tflite::ReadFileBytes(entry.path().string());
    ASSERT_TRUE(bytes.ok());
    auto model = tflite::ParseModel(bytes.value());
    auto im = tflite::ImportBytes(bytes.value(), entry.path().filename().string());
    ASSERT_TRUE(model.ok() && im.ok());
    const graph::Network& net = im.value().network;
    int64_t channels = 0, weighted = 0;
    for (const graph::Op& op : net.ops) {
      if (op.kind == graph::OpKind::kConv2d || op.kind == graph::OpKind::kDepthwiseConv2d ||
          op.kind == graph::OpKind::kFullyConnected) {
        channels += net.output_shape(op).c;
        ++weighted;
      }
    }
    // A file always holds at least the data dse counts: flash as deployed is never below it.
    EXPECT_GE(static_cast<int64_t>(bytes.value().size()), analysis::CountNetwork(net).flash_bytes);
    std::printf("FB %s %zu %lld %zu %zu %lld %lld\n", entry.path().filename().c_str(),
                bytes.value().size(), static_cast<long long>(analysis::CountNetwork(net).flash_bytes),
                net.ops.size(), model.value().tensors.size(), static_cast<long long>(weighted),
                static_cast<long long>(channels));
  }
}

}  // namespace
