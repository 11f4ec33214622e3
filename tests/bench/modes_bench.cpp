// The sweep over every deployment mode, the opt-in schedules (patch, reorder, pex) too, of the
// default spaces on one board (f469) and on every built-in board, in memory (issue 14: "the
// default sweep over every mode still under 1 s on one core"); and each schedule mode alone on
// f469, to see which one costs. Run on one core: taskset -c 0 build/tests/bench/bench_modes.

#include <benchmark/benchmark.h>

#include "bench/bench_inputs.h"
#include "placement/schedule_modes.h"

namespace {

// state.range(0): 0 = f469 only, 1 = every board. modes: the mode ids swept.
void RunSweep(benchmark::State& state, const std::vector<std::string>& modes) {
  const bench::Inputs& in = bench::Shared();
  const explore::Models models = in.ModelsOver();
  explore::SweepOptions options;
  for (const auto& s : in.catalog.spaces()) {
    if (s.fixed || s.name == "mbv3" || s.name == "proxyless" || s.name == "mnasnet") options.spaces.push_back(&s);
  }
  for (const auto& b : in.boards.boards()) {
    if (state.range(0) == 1 || b.name == "f469") options.boards.push_back(&b);
  }
  options.threads = 1;
  options.modes = modes;
  int64_t evaluations = 0;
  for (auto _ : state) {
    const explore::SweepResult result = explore::Sweep(options, models, {}).value();
    evaluations += static_cast<int64_t>(result.candidates.size());
  }
  state.counters["evaluations_per_s"] =
      benchmark::Counter(static_cast<double>(evaluations), benchmark::Counter::kIsRate);
}

void BM_SweepEveryMode(benchmark::State& state) {
  std::vector<std::string> modes = placement::ModeIds();
  for (const std::string& id : placement::OptInModeIds()) modes.push_back(id);
  RunSweep(state, modes);
}
BENCHMARK(BM_SweepEveryMode)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_SweepOneMode(benchmark::State& state, const char* mode) { RunSweep(state, {mode}); }
BENCHMARK_CAPTURE(BM_SweepOneMode, internal, "internal")->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SweepOneMode, patch, "patch")->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SweepOneMode, reorder, "reorder")->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SweepOneMode, pex, "pex")->Arg(0)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
