// The imported firmware model through the TinyOps partitioner: the partitioner must see the
// graph the firmware saw, so it must reproduce the firmware's own choice.

#include <gtest/gtest.h>

#include "tflite/import.h"
#include "tinyops/partitioner.h"

namespace {

TEST(TfliteModels, ProxylessR144PartitionsLikeTheFirmware) {
  // shared/models/README.md and tinyops.md §1.6: at a 258,000-byte SRAM budget TinyOps picks
  // partition factor 3 with a largest input partition of 50,112 bytes (the F4 header entry
  // "proxyless-w0.30-r144: PARTITION_FACTOR 3, TENSOR_BUFFER 50112").
  auto im = tflite::ImportFile(std::string(DSE_SOURCE_DIR) +
                               "/tests/data/proxyless-w0.30-r144_int8.tflite");
  ASSERT_TRUE(im.ok()) << im.error().message;
  const tinyops::Plan plan = tinyops::Partitioner({258'000, true}).Run(im->network);
  EXPECT_TRUE(plan.fits);
  EXPECT_EQ(plan.partition_factor, 3);
  EXPECT_EQ(plan.max_partition_bytes, 50'112);
  EXPECT_TRUE(plan.warnings.empty());
}

}  // namespace
