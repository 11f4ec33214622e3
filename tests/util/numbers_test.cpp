// util::ParseWholeNumber and util::ParseMillions on the forms `dse` options accept and refuse.

#include <gtest/gtest.h>

#include "util/numbers.h"

namespace {

TEST(Numbers, WholeNumberIsTheWholeText) {
  EXPECT_EQ(util::ParseWholeNumber("262144"), 262144);
  EXPECT_EQ(util::ParseWholeNumber("-5"), -5);
  EXPECT_EQ(util::ParseWholeNumber(""), std::nullopt);
  EXPECT_EQ(util::ParseWholeNumber("12kb"), std::nullopt);
  EXPECT_EQ(util::ParseWholeNumber("1e5"), std::nullopt);
  EXPECT_EQ(util::ParseWholeNumber("99999999999999999999999"), std::nullopt);  // > 2^63
}

TEST(Numbers, MillionsWithSuffixes) {
  EXPECT_DOUBLE_EQ(*util::ParseMillions("--macs", "300M"), 300);
  EXPECT_DOUBLE_EQ(*util::ParseMillions("--macs", "0.3G"), 300);      // 0.3 x 1000
  EXPECT_DOUBLE_EQ(*util::ParseMillions("--macs", "300000000"), 300);  // x 1e-6
  EXPECT_DOUBLE_EQ(*util::ParseMillions("--macs", "5k"), 0.005);       // 5 x 1e-3
}

TEST(Numbers, MillionsRefusals) {
  const auto bad = util::ParseMillions("--macs", "lots");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "--macs 'lots' is not a positive number (e.g. 300M or 300000000)");
  EXPECT_FALSE(util::ParseMillions("--macs", "-3M"));
  const auto small = util::ParseMillions("--macs", "300");
  ASSERT_FALSE(small);
  EXPECT_EQ(small.error().message, "--macs 300 is a count of MACs; for millions write 300M");
}

}  // namespace
