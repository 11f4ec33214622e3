// TinyOps partition plans per second over the default grid of every scalable family on one
// board (f469, its 258,000 B budget). Networks are built once, outside the timed loop.
// Issue 3 target: >= 20,000 plans per second on one core.
//  * BM_FullPlanGrid: Partitioner::Run — search, reduction, growth, parts, overlays, bytes.
//  * BM_SearchGrid:   Partitioner::Search — the partition factor and S only (sweeps).

#include <benchmark/benchmark.h>

#include "hw/catalog.h"
#include "searchspace/catalog.h"
#include "tinyops/budgets.h"
#include "tinyops/partitioner.h"

namespace {

const std::vector<graph::Network>& Grid() {
  static const std::vector<graph::Network> nets = [] {
    const auto catalog =
        searchspace::Catalog::LoadDirectory(std::string(DSE_SOURCE_DIR) + "/searchspaces").value();
    std::vector<graph::Network> out;
    for (const searchspace::Space& space : catalog.spaces()) {
      if (space.fixed) continue;
      for (double w : space.widths) {
        for (int r : space.resolutions) out.push_back(searchspace::Build(space, w, r).value());
      }
    }
    return out;
  }();
  return nets;
}

int64_t Budget() {
  static const int64_t budget = tinyops::DefaultBudgetBytes(
      tinyops::LoadBudgets(std::string(DSE_SOURCE_DIR) + "/data/tinyops/budgets.csv").value(),
      hw::LoadBoard(std::string(DSE_SOURCE_DIR) + "/hwprofiles/f469.toml").value());
  return budget;
}

void BM_FullPlanGrid(benchmark::State& state) {
  const tinyops::Partitioner partitioner({Budget(), true});
  int64_t plans = 0;
  for (auto _ : state) {
    for (const graph::Network& net : Grid()) {
      const tinyops::Plan plan = partitioner.Run(net);
      benchmark::DoNotOptimize(plan.sram_bytes);
      ++plans;
    }
  }
  state.counters["plans_per_s"] =
      benchmark::Counter(static_cast<double>(plans), benchmark::Counter::kIsRate);
  state.counters["variants"] = static_cast<double>(Grid().size());
}
BENCHMARK(BM_FullPlanGrid)->Unit(benchmark::kMillisecond);

void BM_SearchGrid(benchmark::State& state) {
  const tinyops::Partitioner partitioner({Budget(), true});
  int64_t plans = 0;
  for (auto _ : state) {
    for (const graph::Network& net : Grid()) {
      benchmark::DoNotOptimize(partitioner.Search(net).partition_factor);
      ++plans;
    }
  }
  state.counters["plans_per_s"] =
      benchmark::Counter(static_cast<double>(plans), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SearchGrid)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
