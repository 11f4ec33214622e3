// Measured power as data (data/power/measured.csv): the shipped figures with their sources, the
// lookup order (a design's own power, else the board's in the mode, else none), and bad files
// failing with "file:line: what is wrong", checked verbatim.

#include <gtest/gtest.h>

#include <string>

#include "power/power.h"

namespace {

const std::vector<std::string> kModes = {"internal", "external", "tinyops"};

const char* const kHeader = "board,runtime,mode,design,power_mw,source\n";

std::string ErrorOf(const std::string& text, const std::vector<std::string>& modes = kModes) {
  auto table = power::ParseTable("p.csv", text, modes);
  EXPECT_FALSE(table.ok());
  return table.ok() ? "" : table.error().message;
}

const power::Table& Shipped() {
  static const power::Table table =
      power::LoadTable(std::string(DSE_SOURCE_DIR) + "/data/power/measured.csv", kModes).value();
  return table;
}

TEST(MeasuredPower, ShippedBoardFigures) {
  const power::Figure f469 = power::Lookup(Shipped(), "f469", "tflm-cmsis-nn", "tinyops", "");
  EXPECT_EQ(f469.mw, 380.0);  // seed Table III
  EXPECT_EQ(f469.provenance, "board, tinyops mode");
  EXPECT_EQ(power::Lookup(Shipped(), "f746", "tflm-cmsis-nn", "external", "").mw,
            770.0);  // seed Table III
  EXPECT_EQ(power::Lookup(Shipped(), "l552", "tflm-cmsis-nn", "internal", "").mw,
            65.0);  // seed Table III
}

// A design's own power (seed Table II gives one per row) replaces the mode's board figure.
TEST(MeasuredPower, DesignFigureFirst) {
  const power::Figure own =
      power::Lookup(Shipped(), "f469", "tflm-cmsis-nn", "internal", "mcunet-in2");
  EXPECT_EQ(own.mw, 360.0);  // seed Table II
  EXPECT_EQ(own.provenance, "measured for this design");
  const power::Figure other =
      power::Lookup(Shipped(), "f469", "tflm-cmsis-nn", "internal", "mbv3-w0.35-r096");
  EXPECT_EQ(other.mw, 290.0);  // seed Table III, the board in the internal mode
  EXPECT_EQ(other.provenance, "board, internal mode");
}

TEST(MeasuredPower, NoneWhenNothingIsMeasured) {
  const power::Figure h743 = power::Lookup(Shipped(), "h743", "tflm-cmsis-nn", "tinyops", "x");
  EXPECT_FALSE(h743.mw.has_value());  // the seed did not run on an H743
  EXPECT_EQ(h743.provenance, "");
  EXPECT_FALSE(power::Lookup(Shipped(), "f469", "tinyengine", "tinyops", "").mw.has_value());
}

TEST(MeasuredPower, ShippedRowsKeepTheirSources) {
  int design_rows = 0;
  for (const power::Row& row : Shipped().rows) {
    EXPECT_FALSE(row.source.empty()) << row.line;
    if (!row.design.empty()) {
      EXPECT_EQ(row.source, "seed Table II") << row.line;
      ++design_rows;
    }
  }
  EXPECT_EQ(design_rows, 13);  // the 13 rows of seed Table II
}

TEST(MeasuredPower, ModesComeFromTheCaller) {
  const std::string text = std::string(kHeader) + "b,rt,patch,,12.5,chosen\n";
  auto table = power::ParseTable("p.csv", text, {"internal", "patch"});
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(power::Lookup(*table, "b", "rt", "patch", "").mw, 12.5);
}

TEST(MeasuredPower, UnknownModeSuggestsNearest) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "f469,tflm-cmsis-nn,internl,mcunet-in2,360.0,x\n"),
            "p.csv:2: unknown mode 'internl' (did you mean 'internal'?); the modes are: "
            "internal, external, tinyops");
}

TEST(MeasuredPower, DuplicateKey) {
  const std::string row = "f469,tflm-cmsis-nn,internal,mcunet-in2,360.0,seed Table II\n";
  EXPECT_EQ(ErrorOf(std::string(kHeader) + row + "f469,tflm-cmsis-nn,internal,,290,x\n" + row),
            "p.csv:4: the power of mcunet-in2 on f469 (tflm-cmsis-nn, internal mode) is listed "
            "twice (first at line 2)");
}

TEST(MeasuredPower, NonPositivePower) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "f469,tflm-cmsis-nn,internal,,0,x\n" +
                    "f469,tflm-cmsis-nn,external,,435 mW,x\n"),
            "p.csv:2: power_mw must be a positive number of mW, found '0'\n"
            "p.csv:3: power_mw must be a positive number of mW, found '435 mW'");
}

TEST(MeasuredPower, MissingAndUnknownColumns) {
  EXPECT_EQ(ErrorOf("board,runtime,mode,desing,power_mw\n"),
            "p.csv:1: unknown column 'desing' (did you mean 'design'?); the columns are: "
            "board,runtime,mode,design,power_mw,source\n"
            "p.csv:1: missing column 'design'");
}

TEST(MeasuredPower, CommentsOnlyHasNoHeader) {
  EXPECT_EQ(ErrorOf("# nothing here\n"),
            "p.csv:1: no header line (expected board,runtime,mode,design,power_mw)");
}

}  // namespace
