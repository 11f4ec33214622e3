// util::ParseWholeNumber, util::ParseBytes and util::ParseMillions on the forms `dse` options
// accept and refuse; util::CountOf.

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

TEST(Numbers, BytesWithBinarySuffixes) {
  EXPECT_EQ(*util::ParseBytes("--budget", "262144"), 262144);
  EXPECT_EQ(*util::ParseBytes("--budget", "256K"), 262144);     // 256 x 1024
  EXPECT_EQ(*util::ParseBytes("--budget", "256KiB"), 262144);   // 256 x 1024
  EXPECT_EQ(*util::ParseBytes("--budget", "2M"), 2097152);      // 2 x 1,048,576
  EXPECT_EQ(*util::ParseBytes("--budget", "2MiB"), 2097152);    // 2 x 1,048,576
}

TEST(Numbers, BytesRefusals) {
  const auto kb = util::ParseBytes("--budget", "12kb");
  ASSERT_FALSE(kb);
  EXPECT_EQ(kb.error().message, "--budget must be a whole number of bytes (e.g. 262144, 256K or "
                                "256KiB; K = 1024), got '12kb'");
  for (const char* text : {"", "K", "1e5", "1.5M", "256 K", "9999999999999999M"}) {
    EXPECT_FALSE(util::ParseBytes("--budget", text)) << text;
  }
  const auto zero = util::ParseBytes("--from", "0K");
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().message, "--from must be a positive number of bytes, got '0K'");
  EXPECT_FALSE(util::ParseBytes("--budget", "-5"));
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

TEST(Numbers, CountOfTakesThePluralUnlessOne) {
  EXPECT_EQ(util::CountOf(1, "board"), "1 board");
  EXPECT_EQ(util::CountOf(0, "board"), "0 boards");
  EXPECT_EQ(util::CountOf(694, "variant"), "694 variants");
}

}  // namespace
