// explore/model_files.h and explore/front_figure.h. Model files: tests/data/ holds five
// .tflite files (tests/data/README.md); the error texts are those `dse sweep --models` printed
// when this code was in apps/ (tests/cli/cases/analyze.sh). Figure: literal candidates.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "explore/front_figure.h"
#include "explore/model_files.h"

namespace {

const std::string kData = std::string(DSE_SOURCE_DIR) + "/tests/data";

TEST(ModelFiles, NamedByFileName) {
  EXPECT_EQ(explore::ModelNameOf("dir/sub/kws.tflite"), "kws.tflite");
  EXPECT_EQ(explore::ModelNameOf("kws.tflite"), "kws.tflite");
}

TEST(ModelFiles, DirectoryFilesSortedThenFilesEachOnce) {
  const std::string kws = kData + "/mlperf-tiny-kws-dscnn_int8.tflite";
  const auto files = explore::ImportedModelFiles({kData}, {kws});
  ASSERT_TRUE(files.ok()) << files.error().message;
  ASSERT_EQ(files->size(), 5u);  // kws given twice (in the directory and by name): once
  EXPECT_EQ((*files)[0], kData + "/mlperf-tiny-ad-fcautoencoder_int8.tflite");
  EXPECT_EQ((*files)[4], kData + "/proxyless-w0.30-r144_int8.tflite");
}

TEST(ModelFiles, Errors) {
  const auto missing = explore::ImportedModelFiles({kData + "/nope"}, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, fmt::format("--models '{}/nope': no such directory", kData));
  const std::string empty_dir = std::filesystem::temp_directory_path() /
                                ("dse_no_models_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(empty_dir);
  const auto empty = explore::ImportedModelFiles({empty_dir}, {});
  std::filesystem::remove_all(empty_dir);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, fmt::format("--models '{}': no .tflite file in it", empty_dir));
  const std::string x = kData + "/x/a.tflite", y = kData + "/y/a.tflite";
  const auto clash = explore::ImportedModelFiles({}, {x, y});
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().message,
            fmt::format("two models named 'a.tflite': '{}' and '{}' (models are named by their "
                        "file name)", x, y));
}

explore::Candidate Cand(const std::string& mode, int64_t macs, double top1, bool feasible) {
  explore::Candidate c;
  c.variant = fmt::format("v{}", macs);
  c.board = "f469";
  c.mode = mode;
  c.macs = macs;
  c.top1 = top1;
  c.feasible = feasible;
  return c;
}

TEST(FrontFigure, PointsAndFrontPerDesignSpace) {
  const std::vector<explore::Candidate> rows = {
      Cand("internal", 100'000'000, 60, true), Cand("internal", 200'000'000, 58, true),
      Cand("internal", 300'000'000, 70, false), Cand("tinyops", 400'000'000, 72, true)};
  const plot::Figure f = explore::FrontFigure(rows, "f469", "macs");
  EXPECT_EQ(f.name, "pareto_f469_macs");
  EXPECT_EQ(f.title, "f469: top-1 vs MACs (top-1 and latency predicted)");
  EXPECT_TRUE(f.log_x);
  // No external point; internal's 2 feasible points before tinyops' 1 (most points drawn first),
  // each twice.
  ASSERT_EQ(f.series.size(), 4u);
  EXPECT_EQ(f.series[0].title, "internal designs");
  EXPECT_EQ(f.series[2].title, "tinyops designs");
  EXPECT_EQ(f.series[0].x, (std::vector<double>{100, 200}));  // MACs in M; infeasible left out
  EXPECT_EQ(f.series[1].title, "internal front");
  EXPECT_EQ(f.series[1].x, std::vector<double>{100});  // 200 M at 58% is dominated
  EXPECT_EQ(f.series[1].color, "#1f77b4");
}

}  // namespace
