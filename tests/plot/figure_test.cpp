#include <gtest/gtest.h>

#include <filesystem>

#include "plot/figure.h"

namespace {

plot::Figure Sample() {
  plot::Figure f;
  f.name = "front";
  f.title = "Accuracy vs MACs";
  f.x_label = "MACs (M)";
  f.y_label = "top-1 (%, predicted)";
  f.series.push_back({"internal", "#1f77b4", plot::Series::Style::kSteps, {1, 2}, {40, 50.5}});
  f.series.push_back({"tinyops", "#d62728", plot::Series::Style::kPoints, {}, {}});
  return f;
}

TEST(Figure, DataBlocksAreIndexable) {
  EXPECT_EQ(plot::DataText(Sample()), "# internal\n1 40\n2 50.5\n\n\n# tinyops\nNaN NaN\n");
}

TEST(Figure, ScriptPlotsEveryBlockToPngAndSvg) {
  const std::string script = plot::ScriptText(Sample());
  EXPECT_NE(script.find("set output \"front.png\""), std::string::npos);
  EXPECT_NE(script.find("set output \"front.svg\""), std::string::npos);
  EXPECT_NE(script.find("\"front.dat\" index 0 using 1:2 with steps lw 2 lc rgb \"#1f77b4\" title \"internal\""),
            std::string::npos);
  EXPECT_NE(script.find("index 1 using 1:2 with points"), std::string::npos);
  EXPECT_NE(script.find("set xlabel \"MACs (M)\""), std::string::npos);
}

TEST(Figure, WriteRendersWithGnuplot) {
  const auto dir = std::filesystem::temp_directory_path() / "dse_plot_test";
  std::filesystem::remove_all(dir);
  auto written = plot::Write(Sample(), dir.string());
  ASSERT_TRUE(written.ok()) << written.error().message;
  for (const std::string& path : *written) {
    EXPECT_GT(std::filesystem::file_size(path), 0u) << path;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
