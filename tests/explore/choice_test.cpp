// explore::ChooseSpaces and ChooseModes on the built-in spaces and modes.

#include <gtest/gtest.h>

#include "explore/choice.h"
#include "explore/summary.h"
#include "placement/mode.h"

namespace {

const searchspace::Catalog& Catalog() {
  static const searchspace::Catalog c =
      searchspace::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/searchspaces").value();
  return c;
}

TEST(Choice, SpacesDefaultAllNoneAndNamed) {
  EXPECT_EQ(*explore::ChooseSpaces(Catalog(), {}), explore::DefaultSpaces(Catalog()));
  EXPECT_EQ(explore::ChooseSpaces(Catalog(), {"all"})->size(), Catalog().spaces().size());
  EXPECT_TRUE(explore::ChooseSpaces(Catalog(), {"none"})->empty());
  const auto named = explore::ChooseSpaces(Catalog(), {"mbv3", "none"});
  ASSERT_TRUE(named);
  ASSERT_EQ(named->size(), 1u);
  EXPECT_EQ((*named)[0]->name, "mbv3");
}

TEST(Choice, UnknownSpaceNamesTheNearest) {
  const auto bad = explore::ChooseSpaces(Catalog(), {"proxyles"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, util::Error::Kind::kInput);
  EXPECT_EQ(bad.error().message, "--spaces: unknown space 'proxyles' (did you mean 'proxyless'?)");
}

TEST(Choice, ModesDefaultToTheRegistryInOrder) {
  EXPECT_EQ(*explore::ChooseModes({}), placement::ModeIds());
  EXPECT_EQ(*explore::ChooseModes({"tinyops", "internal"}),
            (std::vector<std::string>{"tinyops", "internal"}));
  EXPECT_FALSE(explore::ChooseModes({"tinyop"}));
}

// "all": the default modes, then the opt-in schedules (placement/mode_registry.cpp order).
TEST(Choice, AllModesAreTheDefaultOnesThenTheOptInOnes) {
  EXPECT_EQ(*explore::ChooseModes({"all"}),
            (std::vector<std::string>{"internal", "external", "tinyops", "patch", "reorder", "pex"}));
}

}  // namespace
