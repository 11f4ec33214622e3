#include <gtest/gtest.h>

#include "util/spellcheck.h"

namespace {

TEST(Spellcheck, EditDistance) {
  EXPECT_EQ(util::EditDistance("kernel", "kernal"), 1);
  EXPECT_EQ(util::EditDistance("", "abc"), 3);
  EXPECT_EQ(util::EditDistance("f469", "f746"), 2);  // insert 7, delete 9
}

TEST(Spellcheck, NearestWithinLimit) {
  const std::vector<std::string> boards = {"l552", "f469", "f746", "h743"};
  EXPECT_EQ(util::NearestMatch("f496", boards), "f469");
  EXPECT_EQ(util::NearestMatch("stm32", boards), "");
  EXPECT_EQ(util::DidYouMean("h734", boards), " (did you mean 'h743'?)");
  EXPECT_EQ(util::DidYouMean("zzzzzzzz", boards), "");
}

}  // namespace
