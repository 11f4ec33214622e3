#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

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

TEST(Figure, BarsGetBoxesLabelledTicsAndRanges) {
  plot::Figure f;
  f.name = "shares";
  f.series.push_back({"conv1x1", "#1f77b4", plot::Series::Style::kBars, {0, 1}, {100, 100}});
  f.x_tics = {{0, "w1.00\nMACs"}, {1, "w1.00\nlatency"}};
  f.y_min = 0;
  f.y_max = 100;
  f.key_position = "outside right top";
  f.box_width = 0.7;
  const std::string script = plot::ScriptText(f);
  EXPECT_NE(script.find("set xtics (\"w1.00\\nMACs\" 0, \"w1.00\\nlatency\" 1)\n"), std::string::npos);
  EXPECT_NE(script.find("set grid noxtics\nset bmargin 5\n"), std::string::npos);
  EXPECT_NE(script.find("set yrange [0:100]\n"), std::string::npos);
  EXPECT_NE(script.find("set boxwidth 0.7 absolute\n"), std::string::npos);
  EXPECT_NE(script.find("set key outside right top\n"), std::string::npos);
  EXPECT_NE(script.find("index 0 using 1:2 with boxes fill solid 0.9"), std::string::npos);
  // The key outside: gnuplot sizes the right margin for it (a fixed `rmargin 6` cut the key's
  // labels "dw3x3", "conv1x1" at the border in `dse plot ops`).
  EXPECT_EQ(script.find("set rmargin"), std::string::npos);
}

TEST(Figure, KeyInsideKeepsRoomForTheLastTic) {
  EXPECT_NE(plot::ScriptText(Sample()).find("set rmargin 6\n"), std::string::npos);
}

// A band (a predicted latency's 80 % interval along a curve): each point's low and high after
// x and y, drawn from columns 3 and 4 as a translucent filled area; an empty band keeps its block.
TEST(Figure, BandFillsFromLowToHigh) {
  plot::Figure f;
  f.name = "budget";
  plot::Series band{"80 %", "#d62728", plot::Series::Style::kBand, {112, 128}, {3908, 3792}};
  band.low = {3380, 3290};
  band.high = {4520, 4370};
  f.series = {band, {"empty", "#d62728", plot::Series::Style::kBand, {}, {}}};
  EXPECT_EQ(plot::DataText(f),
            "# 80 %\n112 3908 3380 4520\n128 3792 3290 4370\n\n\n# empty\nNaN NaN NaN NaN\n");
  EXPECT_NE(plot::ScriptText(f).find("index 0 using 1:3:4 with filledcurves fs transparent solid "
                                     "0.2 noborder lc rgb \"#d62728\""),
            std::string::npos);
}

TEST(Figure, PlainFigureHasNoOptionalSettings) {
  const std::string script = plot::ScriptText(Sample());
  EXPECT_EQ(script.find("set xtics"), std::string::npos);
  EXPECT_EQ(script.find("set yrange"), std::string::npos);
  EXPECT_EQ(script.find("set boxwidth"), std::string::npos);
  EXPECT_NE(script.find("set key bottom right\n"), std::string::npos);
}

TEST(Figure, WriteRendersWithGnuplot) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("dse_plot_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  auto written = plot::Write(Sample(), dir.string());
  ASSERT_TRUE(written.ok()) << written.error().message;
  for (const std::string& path : *written) {
    EXPECT_GT(std::filesystem::file_size(path), 0u) << path;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
