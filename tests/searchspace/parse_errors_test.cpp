// Space-file errors, compared whole (style rule 4).

#include <gtest/gtest.h>

#include "searchspace/space.h"

namespace {

const char* kGood = R"(name = "t"
source = "test"
blocks = [
  { in = 16, out = 8, kernel = 3, expand = 1 },
  { in = 8, out = 8, kernel = 3, expand = 4 },
]
[stem]
out = 16
)";

std::string ErrorOf(const std::string& text) {
  auto space = searchspace::ParseSpace("t.toml", text);
  return space.ok() ? "(no error)" : space.error().message;
}

TEST(ParseSpace, GoodFileParses) {
  auto space = searchspace::ParseSpace("t.toml", kGood);
  ASSERT_TRUE(space.ok()) << space.error().message;
  EXPECT_EQ(space->blocks.size(), 2u);
  EXPECT_EQ(space->blocks[1].line, 5);
}

TEST(ParseSpace, UnknownKeySuggestsNearest) {
  std::string text = kGood;
  text.replace(text.find("expand = 4"), 10, "expnad = 4");
  EXPECT_EQ(ErrorOf(text),
            "t.toml:5: unknown key 'expnad' in a block (did you mean 'expand'?)\n"
            "      { in = 8, out = 8, kernel = 3, expnad = 4 },\n"
            "                                     ^");
}

TEST(ParseSpace, EvenKernelRejected) {
  std::string text = kGood;
  text.replace(text.find("kernel = 3, expand = 4"), 10, "kernel = 4");
  EXPECT_EQ(ErrorOf(text),
            "t.toml:5: block 2 has an even kernel 4; only odd kernels are supported (SAME padding)\n"
            "      { in = 8, out = 8, kernel = 4, expand = 4 },\n"
            "    ^");
}

TEST(ParseSpace, OutOfRangeWidthInGrid) {
  const std::string text = std::string(kGood) + "[grid]\nwidth_max = 5.0\n";
  EXPECT_EQ(ErrorOf(text),
            "t.toml:10: 'width_max' = 5 is out of range: must be between 0.01 and 4\n"
            "    width_max = 5.0\n"
            "                ^");
}

TEST(ParseSpace, MissingStem) {
  std::string text = kGood;
  text = text.substr(0, text.find("[stem]"));
  EXPECT_EQ(ErrorOf(text), "t.toml:1: missing section [stem]\n    name = \"t\"\n    ^");
}

TEST(Build, WidthAndResolutionLimits) {
  auto space = searchspace::ParseSpace("t.toml", kGood);
  ASSERT_TRUE(space.ok());
  EXPECT_EQ(searchspace::Build(*space, 0.0, 64).error().message,
            "width 0 is out of range: must be in (0, 4]");
  EXPECT_EQ(searchspace::Build(*space, 4.5, 64).error().message,
            "width 4.5 is out of range: must be in (0, 4]");
  EXPECT_EQ(searchspace::Build(*space, 1.0, 1).error().message,
            "resolution 1 is out of range for 't': must be between 2 (its total stride) and 1024");
  EXPECT_TRUE(searchspace::Build(*space, 4.0, 2).ok());
}

}  // namespace
