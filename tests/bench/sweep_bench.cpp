// The default sweep end to end: every variant of mbv3, proxyless, mnasnet (paper grid) and the
// fixed reference nets, on every built-in board (14) in the three default modes, written to a
// fresh SQLite database (issue target: under 2 s on one core).

#include <benchmark/benchmark.h>

#include <filesystem>

#include "bench/bench_inputs.h"
#include "placement/schedule_modes.h"
#include "store/database.h"

namespace {

// state.range(0) = 1: every mode, the opt-in schedules (patch, reorder, pex) too (issue 14:
// still under 1 s on one core).
void BM_DefaultSweepAllBoardsIntoDatabase(benchmark::State& state) {
  const bench::Inputs& in = bench::Shared();
  const explore::Models models = in.ModelsOver();
  explore::SweepOptions options;
  for (const auto& s : in.catalog.spaces()) {
    if (s.fixed || s.name == "mbv3" || s.name == "proxyless" || s.name == "mnasnet") options.spaces.push_back(&s);
  }
  for (const auto& b : in.boards.boards()) options.boards.push_back(&b);
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
