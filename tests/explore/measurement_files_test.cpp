// explore/measurement_files.h on the shipped data/latency/ files and on refusals.

#include <gtest/gtest.h>

#include "explore/measurement_files.h"

namespace {

const std::string kRoot = DSE_SOURCE_DIR;

TEST(MeasurementFiles, DefaultsAreTheSortedCsvsOfDataLatency) {
  const std::vector<std::string> files = explore::DefaultMeasurementFiles(kRoot);
  ASSERT_FALSE(files.empty());
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
  for (const std::string& f : files) EXPECT_TRUE(f.ends_with(".csv")) << f;
  EXPECT_TRUE(explore::DefaultMeasurementFiles(kRoot + "/nowhere").empty());
}

TEST(MeasurementFiles, NoFileIsAnInputError) {
  const auto none = explore::LoadMeasurementFiles({}, {}, kRoot);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message, "no measurement files: give --data FILE.csv");
}

}  // namespace
