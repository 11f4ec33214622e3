// The measured-accuracy store: imports merge, a bad import leaves the store byte-for-byte
// unchanged, and a measurement overrides the prediction of its variant.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "accuracy/accuracy.h"
#include "analysis/cost.h"
#include "support/spaces.h"

namespace {

namespace fs = std::filesystem;

class MeasuredStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dse_accuracy_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    store_ = (dir_ / "results" / "accuracy_measured.csv").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string ReadStore() const {
    std::ifstream in(store_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  util::Result<size_t> Import(const std::string& text) {
    return accuracy::ImportMeasurements(store_, "in.csv", text, testing_support::BuiltinCatalog());
  }

  fs::path dir_;
  std::string store_;
};

TEST_F(MeasuredStore, ImportCreatesThenMerges) {
  auto first = Import("variant,top1,precision,task,dataset,source\nmbv3-w0.5-r112,52.4,int8,classification,imagenet,lab\n"
                      "proxyless-w0.30-r144,50.0,int8,classification,imagenet,lab\n");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, 2u);
  auto second = Import("variant,top1,precision,task,dataset\nmbv3-w0.50-r112,53.1,int8,classification,imagenet\nmcunet-in3,61.9,int8,classification,imagenet\n");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(ReadStore(),
            "variant,top1,precision,source\n"
            "mbv3-w0.50-r112,53.1,int8,\n"
            "proxyless-w0.30-r144,50,int8,lab\n"
            "mcunet-in3,61.9,int8,\n");
}

TEST_F(MeasuredStore, BadImportLeavesStoreUnchanged) {
  ASSERT_TRUE(Import("variant,top1,precision,task,dataset\nmbv3-w0.50-r112,52.4,int8,classification,imagenet\n").ok());
  const std::string before = ReadStore();
  // One good row, one bad: nothing of the file is imported.
  auto bad = Import("variant,top1,precision,task,dataset\nmbv3-w0.75-r128,62.0,int8,classification,imagenet\nmbv3-w0.75-r128,162,int8,classification,imagenet\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, util::Error::Kind::kInput);
  EXPECT_EQ(ReadStore(), before);
  for (const auto& entry : fs::directory_iterator(dir_ / "results")) {
    EXPECT_EQ(entry.path().filename(), "accuracy_measured.csv") << "no temporary file left";
  }
}

TEST_F(MeasuredStore, MeasurementOverridesPrediction) {
  ASSERT_TRUE(Import("variant,top1,precision,task,dataset,source\nmbv3-w0.50-r112,55.5,int8,classification,imagenet,my lab\n").ok());
  const auto& catalog = testing_support::BuiltinCatalog();
  auto measured = accuracy::LoadStore(store_);
  ASSERT_TRUE(measured.ok()) << measured.error().message;
  auto surrogate = accuracy::LoadSurrogate(DSE_SOURCE_DIR);
  ASSERT_TRUE(surrogate.ok()) << surrogate.error().message;
  const searchspace::Space& space = *catalog.Find("mbv3");
  const int64_t macs = 16278696;  // mbv3-w0.50-r112, tests/analysis/paper_counts_test.cpp

  const accuracy::Top1 int8 = *accuracy::Top1ForVariant(
      *surrogate, *measured, space, {"mbv3", 0.5, 112}, macs, accuracy::Precision::kInt8);
  EXPECT_EQ(int8.provenance, accuracy::Provenance::kMeasured);
  EXPECT_EQ(int8.top1_pct, 55.5);
  EXPECT_EQ(int8.source, "my lab");
  // Another precision has no measurement: predicted, and labelled so.
  const accuracy::Top1 fp32 = *accuracy::Top1ForVariant(
      *surrogate, *measured, space, {"mbv3", 0.5, 112}, macs, accuracy::Precision::kFp32);
  EXPECT_EQ(fp32.provenance, accuracy::Provenance::kPredicted);
  EXPECT_EQ(fp32.family, "mbv3");
}

TEST(MergeMeasurements, LaterRowOfSameFileWins) {
  const auto merged = accuracy::MergeMeasurements(
      {}, {{"mbv3-w0.50-r112", 50, accuracy::Precision::kInt8, ""},
           {"mbv3-w0.50-r112", 51, accuracy::Precision::kInt8, ""},
           {"mbv3-w0.50-r112", 70, accuracy::Precision::kFp32, ""}});
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].top1_pct, 51);
  EXPECT_EQ(merged[1].top1_pct, 70);
}

}  // namespace
