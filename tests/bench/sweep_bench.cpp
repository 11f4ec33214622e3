// The default sweep end to end: every variant of mbv3, proxyless, mnasnet (paper grid) and the
// fixed reference nets, on all four built-in boards in all three modes, written to a fresh
// SQLite database (issue target: under 2 s on one core).

#include <benchmark/benchmark.h>

#include <filesystem>

#include "accuracy/accuracy.h"
#include "explore/sweep.h"
#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "placement/schedule_modes.h"
#include "store/database.h"

namespace {

const std::string kRoot = DSE_SOURCE_DIR;

// state.range(0) = 1: every mode, the opt-in schedules (patch, reorder, pex) too (issue 14:
// still under 1 s on one core).
void BM_DefaultSweepAllBoardsIntoDatabase(benchmark::State& state) {
  const auto catalog = searchspace::Catalog::LoadDirectory(kRoot + "/searchspaces").value();
  const auto boards = hw::Catalog::LoadDirectory(kRoot + "/hwprofiles").value();
  const auto surrogate = accuracy::LoadSurrogate(kRoot).value();
  const std::vector<accuracy::Measurement> measured;
  const auto coefficients = latency::LoadCoefficients(kRoot + "/data/latency/coefficients.toml").value();
  const auto power = power::LoadTable(kRoot + "/data/power/measured.csv", placement::ModeIds()).value();
  const auto budgets = tinyops::LoadBudgets(kRoot + "/data/tinyops/budgets.csv").value();
  const explore::Models models{&catalog, &surrogate, &measured, &coefficients, &power, &budgets};
  explore::SweepOptions options;
  for (const auto& s : catalog.spaces()) {
    if (s.fixed || s.name == "mbv3" || s.name == "proxyless" || s.name == "mnasnet") options.spaces.push_back(&s);
  }
  for (const auto& b : boards.boards()) options.boards.push_back(&b);
  options.threads = 1;
  if (state.range(0) == 1) {
    for (const std::string& id : placement::OptInModeIds()) options.modes.push_back(id);
  }
  const std::string path = (std::filesystem::temp_directory_path() / "dse_bench_sweep.sqlite").string();
  int64_t evaluations = 0;
  for (auto _ : state) {
    std::filesystem::remove(path);
    const explore::SweepResult result = explore::Sweep(options, models, {}).value();
    auto db = store::Database::Open(path, true).value();
    store::RunInfo run{0, "bench", "bench", "bench", "bench", "bench", "all", "default"};
    benchmark::DoNotOptimize(db->WriteRun(run, result.candidates, result.fronts, {}).value());
    evaluations += static_cast<int64_t>(result.candidates.size());
  }
  std::filesystem::remove(path);
  state.counters["evaluations_per_s"] = benchmark::Counter(static_cast<double>(evaluations), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DefaultSweepAllBoardsIntoDatabase)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
