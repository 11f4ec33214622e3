// util::CreateParentDirectory: makes the missing directories of an output path, once.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/directory.h"

namespace {

namespace fs = std::filesystem;

TEST(CreateParentDirectory, MakesMissingParentsAndIgnoresBareNames) {
  const fs::path root = fs::temp_directory_path() / ("dse_parent_test_" + std::to_string(::getpid()));
  fs::remove_all(root);
  EXPECT_TRUE(util::CreateParentDirectory((root / "a" / "b" / "x.sqlite").string()));
  EXPECT_TRUE(fs::is_directory(root / "a" / "b"));
  EXPECT_TRUE(util::CreateParentDirectory((root / "a" / "b" / "x.sqlite").string()));  // exists
  EXPECT_TRUE(util::CreateParentDirectory("x.sqlite"));  // no parent: nothing to make
  std::ofstream(root / "file") << "x";
  const auto under_file = util::CreateParentDirectory((root / "file" / "x.sqlite").string());
  ASSERT_FALSE(under_file);
  EXPECT_EQ(under_file.error().kind, util::Error::Kind::kInput);
  EXPECT_NE(under_file.error().message.find("cannot create the directory"), std::string::npos);
  fs::remove_all(root);
}

}  // namespace
