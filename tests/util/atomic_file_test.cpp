// util::WriteFileAtomically: the file is replaced whole, and a failed write says why and
// leaves no temporary file. The messages are those tests/cli/write_faults.sh expects of
// `dse calibrate` (strerror texts of glibc).

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"

namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dse_atomic_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // Nothing but `expected` is left in the directory (no PATH.tmp.PID).
  void ExpectOnly(const std::vector<std::string>& expected) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, expected);
  }
  fs::path dir_;
};

TEST_F(AtomicFile, WritesAndReplaces) {
  const std::string path = (dir_ / "c.toml").string();
  ASSERT_TRUE(util::WriteFileAtomically(path, "first\n", "coefficients").ok());
  EXPECT_EQ(Read(path), "first\n");
  ASSERT_TRUE(util::WriteFileAtomically(path, "second", "coefficients").ok());
  EXPECT_EQ(Read(path), "second");
  ExpectOnly({"c.toml"});
}

TEST_F(AtomicFile, MissingDirectoryIsAnInputError) {
  const std::string path = (dir_ / "missing" / "c.toml").string();
  const util::Status s = util::WriteFileAtomically(path, "x", "coefficients");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, util::Error::Kind::kInput);
  EXPECT_EQ(s.error().message, path + ": cannot write the coefficients: No such file or directory");
}

TEST_F(AtomicFile, AFailedReplaceSaysTheFileIsUnchanged) {
  // A directory in the way: the rename over it fails after the temporary file was written.
  const fs::path target = dir_ / "taken";
  fs::create_directories(target / "inside");
  const util::Status s = util::WriteFileAtomically(target.string(), "x", "coefficients");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            target.string() + ": cannot write the coefficients: Is a directory; the file is "
                              "unchanged");
  ExpectOnly({"taken"});
}

}  // namespace
