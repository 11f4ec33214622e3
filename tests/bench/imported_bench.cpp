// Imported .tflite models (the MCUNet zoo and MLPerf Tiny files of data/models/, which carry PAD
// ops) swept in the memory-saving schedules under a runtime whose layout folds PADs
// (tinyengine): the fold the layout and the schedules share (graph::FoldedPadsOf). One board
// (h743), in memory, one thread. Run on one core: taskset -c 0 build/tests/bench/bench_imported.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "bench/bench_inputs.h"
#include "kernels/data_runtime.h"
#include "kernels/runtime.h"
#include "tflite/import.h"

namespace {

std::vector<graph::Network> ShippedModels() {
  std::vector<graph::Network> nets;
  for (const auto& e : std::filesystem::directory_iterator(bench::kRoot + "/data/models")) {
    if (e.path().extension() != ".tflite") continue;
    auto im = tflite::ImportFile(e.path().string());
    if (im) nets.push_back(std::move(im).value().network);
  }
  return nets;
}

// state.range(0): 0 = tinyengine, 1 = tflm-cmsis-nn (no fold: the control).
void BM_SweepImportedSchedules(benchmark::State& state) {
  const bench::Inputs& in = bench::Shared();
  const explore::Models models = in.ModelsOver();
  static const std::vector<graph::Network> nets = ShippedModels();
  explore::SweepOptions options;
  for (const graph::Network& n : nets) options.networks.push_back(&n);
  for (const auto& b : in.boards.boards()) {
    if (b.name == "h743") options.boards.push_back(&b);
  }
  static const bool registered =
      kernels::RegisterRuntimeDirectory(bench::kRoot + "/data/runtimes").ok();
  auto runtime = kernels::FindRuntime(state.range(0) == 0 ? "tinyengine" : "tflm-cmsis-nn");
  if (!registered || !runtime) {
    state.SkipWithError("data/runtimes: tinyengine is not registered");
    return;
  }
  options.runtime = runtime.value();
  options.modes = {"internal", "patch", "reorder", "pex"};
  options.threads = 1;
  int64_t evaluations = 0;
  for (auto _ : state) {
    auto swept = explore::Sweep(options, models, {});
    if (!swept) {
      state.SkipWithError(swept.error().message.c_str());
      return;
    }
    const explore::SweepResult& result = swept.value();
    evaluations += static_cast<int64_t>(result.candidates.size());
  }
  state.counters["evaluations_per_s"] =
      benchmark::Counter(static_cast<double>(evaluations), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SweepImportedSchedules)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
