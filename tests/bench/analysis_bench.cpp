// Builds and analyses every variant of the default grid of every scalable family:
// variants per second (issue target: >= 50,000 per second on one core).

#include <benchmark/benchmark.h>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "searchspace/catalog.h"

namespace {

const searchspace::Catalog& Catalog() {
  static const searchspace::Catalog catalog =
      searchspace::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/searchspaces").value();
  return catalog;
}

void BM_BuildAndAnalyseGrid(benchmark::State& state) {
  int64_t variants = 0;
  for (auto _ : state) {
    for (const searchspace::Space& space : Catalog().spaces()) {
      for (double w : space.widths) {
        for (int r : space.resolutions) {
          const graph::Network net = searchspace::Build(space, w, r).value();
          const analysis::Totals totals = analysis::CountNetwork(net);
          const analysis::PeakActivation peak = analysis::ComputePeak(net);
          benchmark::DoNotOptimize(totals.macs + peak.peak_bytes);
          ++variants;
        }
      }
    }
  }
  state.counters["variants_per_s"] =
      benchmark::Counter(static_cast<double>(variants), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BuildAndAnalyseGrid)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
