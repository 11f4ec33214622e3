// FNV-1a 64 and the inputs hash of a run. Expected values: the published FNV-1a 64 test vectors
// (the FNV reference test suite by Fowler, Noll and Vo: "" -> cbf29ce484222325,
// "a" -> af63dc4c8601ec8c, "foobar" -> 85944171f73967e8); the inputs-hash values from an
// independent Python implementation (h ^= byte; h = h * 1099511628211 mod 2^64) started from
// 1469598103934665603.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "util/hash.h"

namespace {

TEST(Hash, Fnv1a64PublishedVectors) {
  EXPECT_EQ(util::HashHex(util::Fnv1a64("")), "cbf29ce484222325");
  EXPECT_EQ(util::HashHex(util::Fnv1a64("a")), "af63dc4c8601ec8c");
  EXPECT_EQ(util::HashHex(util::Fnv1a64("foobar")), "85944171f73967e8");
}

TEST(Hash, PiecesHashAsOneString) {
  EXPECT_EQ(util::Fnv1a64("bar", util::Fnv1a64("foo")), util::Fnv1a64("foobar"));
}

TEST(Hash, HexIsZeroPadded) {
  EXPECT_EQ(util::HashHex(0x2a), "000000000000002a");
}

TEST(Hash, FilesHashTheirConcatenatedContents) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("dse_hash_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string foo = (dir / "foo").string(), bar = (dir / "bar").string();
  std::ofstream(foo, std::ios::binary) << "foo";
  std::ofstream(bar, std::ios::binary) << "bar";
  // Python: the inputs hash of b"foobar" is 88fad7c0a8ff07f2; of no bytes, the basis.
  EXPECT_EQ(util::HashFiles({foo, bar}), "88fad7c0a8ff07f2");
  EXPECT_EQ(util::HashFiles({}), "14650fb0739d0383");
  // An unreadable (here: missing) file contributes no bytes.
  EXPECT_EQ(util::HashFiles({foo, (dir / "missing").string(), bar}), "88fad7c0a8ff07f2");
  std::filesystem::remove_all(dir);
}

}  // namespace
