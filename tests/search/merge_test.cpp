// Shards and merge: the shards 1/2 and 2/2 of a sweep, merged, equal the unsharded sweep.
#include "store/merge.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <unistd.h>

#include "search_fixture.h"
#include "store/database.h"

namespace store {
namespace {

using testing_support::World;

std::string Temp(const std::string& name) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("dse_merge_test_" + std::to_string(::getpid()) + "_" + name))
                               .string();
  std::filesystem::remove(path);
  return path;
}

// Sweeps mbv3 on f746 (shard k/N) into a fresh database at `path`.
void SweepInto(const std::string& path, int k, int n, const std::string& command) {
  explore::SweepOptions options;
  options.spaces = {testing_support::BuiltinCatalog().Find("mbv3")};
  options.boards = {World().Board("f746")};
  options.shard_index = k;
  options.shard_count = n;
  options.threads = 2;
  const explore::SweepResult r = explore::Sweep(options, World().models, {}).value();
  auto db = Database::Open(path, true).value();
  RunInfo run{0, "2026-01-01T00:00:00Z", "test", "test", command, "hash", "f746", "mbv3"};
  ASSERT_TRUE(db->WriteRun(run, r.candidates, r.fronts, {}));
}

int64_t Count(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
  sqlite3_step(s);
  const int64_t n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return n;
}

// The fronts as text: one "x,space,variant,mode" line per member, sorted.
std::string Fronts(const std::string& path) {
  auto db = Database::Open(path, false).value();
  const int64_t run = db->Runs().value().back().id;
  std::vector<std::string> lines;
  for (const explore::FrontMember& m : explore::AllFronts(db->Evaluations(run, "f746").value())) {
    lines.push_back(m.x_objective + "," + m.design_space + "," + m.variant + "," + m.mode);
  }
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  return text;
}

TEST(Merge, ShardsMergedEqualTheUnshardedSweep) {
  const std::string whole = Temp("whole.sqlite"), a = Temp("a.sqlite"), b = Temp("b.sqlite"),
                    merged = Temp("merged.sqlite");
  SweepInto(whole, 1, 1, "dse sweep --board f746 --spaces mbv3 --db whole.sqlite");
  SweepInto(a, 1, 2, "dse sweep --board f746 --spaces mbv3 --shard 1/2 --db a.sqlite");
  SweepInto(b, 2, 2, "dse sweep --board f746 --spaces mbv3 --shard 2/2 --db b.sqlite");
  // 228 mbv3 points x 3 modes = 684 evaluations; each shard holds half the points.
  EXPECT_EQ(Count(a, "SELECT count(*) FROM evaluations"), 342);
  EXPECT_EQ(Count(b, "SELECT count(*) FROM evaluations"), 342);
  const MergeSummary s = Merge({a, b}, merged).value();
  EXPECT_EQ(s.runs_read, 2);
  EXPECT_EQ(s.runs_written, 1);  // the two shards of one command become one run
  EXPECT_EQ(s.evaluations, 684);
  for (const char* table : {"runs", "variants", "evaluations", "pareto"}) {
    const std::string sql = std::string("SELECT count(*) FROM ") + table;
    EXPECT_EQ(Count(merged, sql), Count(whole, sql)) << table;
  }
  EXPECT_EQ(Fronts(merged), Fronts(whole));
  EXPECT_EQ(Count(merged, "SELECT count(*) FROM runs WHERE command_line LIKE '%shard%'"), 0);
}

TEST(Merge, KeepsDistinctRunsAndRenumbersThem) {
  const std::string a = Temp("ka.sqlite"), merged = Temp("kmerged.sqlite");
  SweepInto(a, 1, 1, "dse sweep --board f746 --spaces mbv3");
  const MergeSummary s = Merge({a, a}, merged).value();
  EXPECT_EQ(s.runs_written, 2);  // the same unsharded run twice: two runs, ids 1 and 2
  EXPECT_EQ(Count(merged, "SELECT max(id) FROM runs"), 2);
  EXPECT_EQ(Count(merged, "SELECT count(*) FROM evaluations"), 2 * 684);
}

TEST(Merge, RefusesDifferentSchemaVersionsAndWritesNothing) {
  const std::string a = Temp("va.sqlite"), old = Temp("vold.sqlite"), merged = Temp("vmerged.sqlite");
  SweepInto(a, 1, 1, "dse sweep");
  std::filesystem::copy_file(a, old);
  sqlite3* db = nullptr;
  sqlite3_open(old.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 1", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  const auto r = Merge({a, old}, merged);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, util::Error::Kind::kInput);
  EXPECT_NE(r.error().message.find("schema version 1, but"), std::string::npos) << r.error().message;
  EXPECT_FALSE(std::filesystem::exists(merged));
}

// Every run keeps the options it recorded; runs of different options are named in the summary,
// runs of equal or unrecorded options are not.
TEST(Merge, KeepsEachRunsOptionsAndSaysWhenTheyDiffer) {
  const std::string a = Temp("opt_a.sqlite"), b = Temp("opt_b.sqlite"), old = Temp("opt_old.sqlite"),
                    merged = Temp("opt_merged.sqlite"), same = Temp("opt_same.sqlite");
  const auto write = [](const std::string& path, const explore::RunOptions& options, const std::string& command) {
    auto db = Database::Open(path, true).value();
    RunInfo run{0, "2026-01-01T00:00:00Z", "test", "test", command, "hash", "f746", "mbv3"};
    run.options = options;
    ASSERT_TRUE(db->WriteRun(run, {}, {}, {}));
  };
  write(a, {"fastest", true}, "dse sweep --board f746");
  write(b, {"firmware", false}, "dse --tinyops-config firmware sweep --board f746 --no-filter-growth");
  write(old, {}, "dse sweep --board f746 --spaces mbv3");
  const MergeSummary s = Merge({a, b, old}, merged).value();
  EXPECT_EQ(s.differing_options, "run 1: --tinyops-config fastest, filter growth on; run 2: --tinyops-config "
                                 "firmware, filter growth off; run 3: --tinyops-config unknown, filter growth unknown");
  EXPECT_EQ(MergeNote(s), "note: the runs were made with different options, which change their figures: " +
                              s.differing_options);
  const std::vector<RunInfo> runs = Database::Open(merged, false).value()->Runs().value();
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].options, (explore::RunOptions{"fastest", true}));
  EXPECT_EQ(runs[1].options, (explore::RunOptions{"firmware", false}));
  EXPECT_EQ(runs[2].options, explore::RunOptions{});
  const MergeSummary quiet = Merge({a, old}, same).value();  // unknown conflicts with nothing
  EXPECT_EQ(quiet.differing_options, "");
  EXPECT_EQ(MergeNote(quiet), "");
}

TEST(UnshardedCommand, DropsShardAndDb) {
  EXPECT_EQ(UnshardedCommand("dse sweep --shard 1/2 --db a.sqlite --board f746"), "dse sweep --board f746");
  EXPECT_EQ(UnshardedCommand("dse -q sweep --db=a.sqlite --shard=2/2 --threads 2 --json"), "dse sweep");
  EXPECT_EQ(UnshardedCommand("dse sweep --db a.sqlite"), "");
}

}  // namespace
}  // namespace store
