#include "search/export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "search_fixture.h"

namespace search {
namespace {

using testing_support::World;

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `name` in the temporary folder, under this process's id: test runs of several checkouts on
// one machine do not share files.
std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "_" + name))
      .string();
}

// A run of 20 mbv3 points on f746 in a fresh database; returns its path.
std::string RunDatabase() {
  const std::string path = TempPath("dse_export_test.sqlite");
  std::filesystem::remove(path);
  const Plan plan = World().PlanFor({.space = "mbv3", .evaluations = 20, .threads = 2, .keep_all = true});
  const Outcome o = Run(plan, World().models, {}).value();
  auto db = store::Database::Open(path, true).value();
  store::RunInfo run{0, "2026-01-01T00:00:00Z", "test", "test", "dse search", "hash", "f746", "mbv3"};
  EXPECT_TRUE(db->WriteRun(run, o.sweep.candidates, o.sweep.fronts, {}));
  return path;
}

TEST(ExportTraining, WritesConfigsManifestAndASlurmArray) {
  auto db = store::Database::Open(RunDatabase(), false).value();
  const std::string out = TempPath("dse_export_slurm");
  std::filesystem::remove_all(out);
  const ExportSummary s = ExportTraining(*db, testing_support::BuiltinCatalog(),
                                         {1, 3, "slurm", "python train.py --config {config} --name {variant} --r {resolution}", out}).value();
  EXPECT_EQ(s.candidates, 3);
  EXPECT_EQ(s.files.back(), "train.sbatch");
  const std::string script = Read(out + "/train.sbatch");
  EXPECT_NE(script.find("#SBATCH --array=0-2\n"), std::string::npos) << script;
  EXPECT_NE(script.find("#SBATCH --job-name=dse-run1\n"), std::string::npos);
  EXPECT_NE(script.find("ROW=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 2))p\" manifest.csv)\n"), std::string::npos);
  EXPECT_NE(script.find("python train.py --config ${CONFIG} --name ${VARIANT} --r ${RESOLUTION}\n"), std::string::npos) << script;
  const std::string manifest = Read(out + "/manifest.csv");
  EXPECT_EQ(manifest.substr(0, manifest.find('\n')),
            "variant,space,width,resolution,macs,params,top1,latency_ms,board,mode,config,"
            "run_id,database,run_started_at,dse_version,git_revision,runtime,top1_provenance,"
            "latency_provenance");
  EXPECT_EQ(std::count(manifest.begin(), manifest.end(), '\n'), 4);  // header + 3 candidates
}

// Each manifest row says where its candidate comes from: the run of RunDatabase (id 1, started
// 2026-01-01T00:00:00Z, written by tool version "test", git "test"), the database read, the
// runtime (the default) and the provenance of its top-1 (the run's most accurate point lies
// outside the MACs, width or resolution the surrogate was fitted on: "extrapolated",
// lib/accuracy/README.md) and
// latency (f746: calibrated on the paper's rows, data/latency/paper.csv).
TEST(ExportTraining, ManifestRowsCarryTheirRunAndProvenance) {
  const std::string path = RunDatabase();
  auto db = store::Database::Open(path, false).value();
  const std::string out = TempPath("dse_export_provenance");
  std::filesystem::remove_all(out);
  ASSERT_TRUE(ExportTraining(*db, testing_support::BuiltinCatalog(),
                             {1, 1, "gnu-parallel", "train {config}", out}));
  std::stringstream manifest(Read(out + "/manifest.csv"));
  std::string header, row;
  std::getline(manifest, header);
  std::getline(manifest, row);
  std::vector<std::string> cells;
  for (size_t start = 0; start <= row.size();) {
    const size_t comma = std::min(row.find(',', start), row.size());
    cells.push_back(row.substr(start, comma - start));
    start = comma + 1;
  }
  ASSERT_EQ(cells.size(), 19u) << row;  // kManifestHeader's 19 columns, none quoted here
  EXPECT_EQ(cells[8], "f746");
  EXPECT_EQ(cells[11], "1");
  EXPECT_EQ(cells[12], path);
  EXPECT_EQ(cells[13], "2026-01-01T00:00:00Z");
  EXPECT_EQ(cells[14], "test");
  EXPECT_EQ(cells[15], "test");
  EXPECT_EQ(cells[16], "tflm-cmsis-nn");
  EXPECT_EQ(cells[17], "extrapolated");
  EXPECT_EQ(cells[18].rfind("calibrated on ", 0), 0u) << cells[18];
}

TEST(ArchitectureJson, DescribesTheBuiltBlocks) {
  const searchspace::Space& mbv3 = *testing_support::BuiltinCatalog().Find("mbv3");
  const graph::Network net = searchspace::Build(mbv3, 1.0, 224).value();
  const nlohmann::json config = nlohmann::json::parse(ArchitectureJson(net, "mbv3", 1.0, 224));
  EXPECT_EQ(config["resolution"], 224);
  EXPECT_EQ(config["first_conv"]["stride"], 2);
  // searchspaces/mbv3.toml [stem]: out = 16, stride = 2; the first block takes the stem output.
  EXPECT_EQ(config["first_conv"]["out_channels"], 16);
  ASSERT_FALSE(config["blocks"].empty());
  EXPECT_EQ(config["blocks"][0]["in_channels"], 16);
}

TEST(CheckExportRequest, RefusesUnknownFormatsAndPlaceholders) {
  EXPECT_FALSE(CheckExportRequest({1, {}, "pbs", "x", "out"}));
  EXPECT_FALSE(CheckExportRequest({1, {}, "slurm", "train {model}", "out"}));
  EXPECT_FALSE(CheckExportRequest({1, {}, "slurm", "", "out"}));
  EXPECT_TRUE(CheckExportRequest({1, {}, "gnu-parallel", "train {variant} {config}", "out"}));
}

}  // namespace
}  // namespace search
