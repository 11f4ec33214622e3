// explore/summary.h and explore/provenance.h: what `dse sweep` reports of a run. Expected values
// follow from the literal candidates written here; the default spaces from the built-in
// searchspaces/ (three families of the paper plus the MCUNet reference nets, README "Using it").

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "explore/evaluate.h"
#include "explore/provenance.h"
#include "explore/summary.h"
#include "support/spaces.h"

namespace {

explore::Candidate Cand(const std::string& variant, const std::string& mode, bool feasible,
                        std::optional<double> top1) {
  explore::Candidate c;
  c.variant = variant;
  c.board = "f469";
  c.mode = mode;
  c.feasible = feasible;
  c.top1 = top1;
  return c;
}

TEST(Summary, DefaultSpacesAreThePaperFamiliesAndTheReferenceNets) {
  const auto& catalog = testing_support::BuiltinCatalog();
  std::vector<std::string> names;
  for (const searchspace::Space* s : explore::DefaultSpaces(catalog)) {
    names.push_back(s->name);
    EXPECT_TRUE(s->fixed || s->name == "mbv3" || s->name == "proxyless" || s->name == "mnasnet");
  }
  for (const char* family : {"mbv3", "proxyless", "mnasnet", "mcunet-in3"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), family), names.end()) << family;
  }
  // searchspaces/ holds 14 spaces; mobilenetv3-large (torchvision's, scalable) is the one
  // not swept by default.
  EXPECT_EQ(names.size(), 13u);
  EXPECT_EQ(std::find(names.begin(), names.end(), "mobilenetv3-large"), names.end());
}

TEST(Summary, BestInModeIsTheMostAccurateFeasibleDesign) {
  std::vector<explore::Candidate> c = {
      Cand("a", "internal", true, 60),  Cand("b", "internal", false, 75),  // infeasible
      Cand("c", "internal", true, 70),  Cand("d", "internal", true, 70),   // tie: first
      Cand("e", "tinyops", true, 80),   Cand("kws.tflite", "internal", true, std::nullopt)};
  c.push_back(Cand("x", "internal", true, 99));
  c.back().board = "f746";  // another board
  const explore::BestDesign internal = explore::BestInMode(c, "f469", "internal");
  ASSERT_NE(internal.best, nullptr);
  EXPECT_EQ(internal.best->variant, "c");
  EXPECT_TRUE(internal.feasible_without_top1);  // kws.tflite, never measured
  const explore::BestDesign tinyops = explore::BestInMode(c, "f469", "tinyops");
  EXPECT_EQ(tinyops.best->variant, "e");
  EXPECT_FALSE(tinyops.feasible_without_top1);
  const explore::BestDesign external = explore::BestInMode(c, "f469", "external");
  EXPECT_EQ(external.best, nullptr);
  EXPECT_FALSE(external.feasible_without_top1);
}

TEST(Summary, FrontOfKeepsOneBoardObjectiveAndSpace) {
  std::vector<explore::FrontMember> fronts(4);
  fronts[0] = {"f469", "latency", "top1", "all", "a", "internal", 1, 50};
  fronts[1] = {"f469", "macs", "top1", "all", "b", "internal", 1, 50};
  fronts[2] = {"f746", "latency", "top1", "all", "c", "internal", 1, 50};
  fronts[3] = {"f469", "latency", "top1", "all", "d", "tinyops", 2, 60};
  const auto front = explore::FrontOf(fronts, "f469", "latency", "all");
  ASSERT_EQ(front.size(), 2u);
  EXPECT_EQ(front[0].variant, "a");
  EXPECT_EQ(front[1].variant, "d");
}

TEST(Summary, ImportedModelsGroupedByName) {
  std::vector<explore::Candidate> c = {Cand("z.tflite", "internal", false, std::nullopt),
                                       Cand("mbv3-w1.00-r160", "internal", true, 60),
                                       Cand("a.tflite", "internal", true, std::nullopt),
                                       Cand("z.tflite", "tinyops", true, std::nullopt)};
  for (auto& x : c) x.space = x.variant.ends_with(".tflite") ? explore::kImportedSpace : "mbv3";
  const auto by_model = explore::ImportedByModel(c, "f469");
  ASSERT_EQ(by_model.size(), 2u);
  EXPECT_EQ(by_model.begin()->first, "a.tflite");  // sorted by name
  const auto& z = by_model.at("z.tflite");
  ASSERT_EQ(z.size(), 2u);
  EXPECT_EQ(z[0]->mode, "internal");  // candidate order
  EXPECT_EQ(z[1]->mode, "tinyops");
  EXPECT_TRUE(explore::ImportedByModel(c, "f746").empty());
}

TEST(Provenance, UtcTimestamp) {
  EXPECT_EQ(explore::UtcTimestamp(0), "1970-01-01T00:00:00Z");
  // 1,700,000,000 s after the epoch is 2023-11-14 22:13:20 UTC (date -u -d @1700000000).
  EXPECT_EQ(explore::UtcTimestamp(1700000000), "2023-11-14T22:13:20Z");
}

TEST(Provenance, InputFilesInHashingOrder) {
  const auto& catalog = testing_support::BuiltinCatalog();
  const std::vector<std::string> files = explore::RunInputFiles(
      catalog, {"b.toml"}, "ROOT", "no/such/store.csv", {"m.tflite"});
  ASSERT_EQ(files.size(), catalog.spaces().size() + 5);  // spaces, board, 3 data, model
  EXPECT_EQ(files[0], catalog.spaces()[0].file);
  const size_t n = catalog.spaces().size();
  EXPECT_EQ(files[n], "b.toml");
  EXPECT_EQ(files[n + 1], "ROOT/data/accuracy/published.csv");
  EXPECT_EQ(files[n + 2], "ROOT/data/accuracy/families.toml");
  EXPECT_EQ(files[n + 3], "ROOT/data/latency/coefficients.toml");
  EXPECT_EQ(files[n + 4], "m.tflite");  // the missing measured store is left out
}

TEST(Provenance, DescribeRunJoinsNamesAndHashesTheInputs) {
  const auto& catalog = testing_support::BuiltinCatalog();
  std::vector<hw::Board> boards(2);
  boards[0].name = "f469";
  boards[1].name = "f746";
  const std::string file = std::filesystem::temp_directory_path() /
                           ("dse_provenance_test_" + std::to_string(::getpid()));
  std::ofstream(file, std::ios::binary) << "foobar";
  const explore::RunProvenance run = explore::DescribeRun(
      boards, {catalog.Find("mbv3"), catalog.Find("mnasnet")}, true, {file}, 0);
  std::filesystem::remove(file);
  EXPECT_EQ(run.boards, "f469,f746");
  EXPECT_EQ(run.spaces, "mbv3,mnasnet,tflite");
  EXPECT_EQ(run.started_at, "1970-01-01T00:00:00Z");
  EXPECT_EQ(run.inputs_hash, "88fad7c0a8ff07f2");  // tests/util/hash_test.cpp: b"foobar"
  EXPECT_EQ(explore::DescribeRun({}, {}, false, {}, 0).spaces, "");
}

// The options a run records, in words and compared: an unknown field (a run written before
// they were recorded) conflicts with nothing.
TEST(RunOptions, TextAndDifference) {
  const explore::RunOptions fastest = explore::OptionsOf(placement::Configuration::kFastest, true);
  const explore::RunOptions firmware = explore::OptionsOf(placement::Configuration::kFirmware, false);
  EXPECT_EQ(explore::RunOptionsText(fastest), "--tinyops-config fastest, filter growth on");
  EXPECT_EQ(explore::RunOptionsText(firmware), "--tinyops-config firmware, filter growth off");
  EXPECT_EQ(explore::RunOptionsText({}), "--tinyops-config unknown, filter growth unknown");
  EXPECT_FALSE(explore::OptionsDiffer(fastest, fastest));
  EXPECT_TRUE(explore::OptionsDiffer(fastest, firmware));
  EXPECT_TRUE(explore::OptionsDiffer(fastest, {"fastest", false}));  // filter growth alone
  EXPECT_FALSE(explore::OptionsDiffer(fastest, {}));
  EXPECT_FALSE(explore::OptionsDiffer({}, firmware));
  EXPECT_FALSE(explore::OptionsDiffer({"firmware", std::nullopt}, firmware));
}

}  // namespace
