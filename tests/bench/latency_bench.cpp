// Latency predictions per second over the default grid (every width x resolution of the mbv3,
// proxyless and mnasnet spaces) on the F746 in the tinyops mode, partitioning included; the
// networks are built once outside the timed loop (issue 4 target: >= 20,000 per second on one
// core).

#include <benchmark/benchmark.h>

#include <vector>

#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "latency/model.h"
#include "power/power.h"
#include "searchspace/catalog.h"
#include "tinyops/budgets.h"
#include "tinyops/partitioner.h"

namespace {

const std::string kRoot = DSE_SOURCE_DIR;

std::vector<graph::Network> DefaultGrid() {
  const auto catalog = searchspace::Catalog::LoadDirectory(kRoot + "/searchspaces").value();
  std::vector<graph::Network> nets;
  for (const searchspace::Space& space : catalog.spaces()) {
    if (space.name != "mbv3" && space.name != "proxyless" && space.name != "mnasnet") continue;
    for (double w : space.widths) {
      for (int r : space.resolutions) nets.push_back(searchspace::Build(space, w, r).value());
    }
  }
  return nets;
}

void BM_TinyopsLatencyOverDefaultGridF746(benchmark::State& state) {
  const std::vector<graph::Network> nets = DefaultGrid();
  const auto boards = hw::Catalog::LoadDirectory(kRoot + "/hwprofiles").value();
  const hw::Board& board = *boards.Find("f746");
  const auto file = latency::LoadCoefficients(kRoot + "/data/latency/coefficients.toml").value();
  const auto power = power::LoadTable(kRoot + "/data/power/measured.csv",
                                      {"internal", "external", "tinyops"}).value();
  const latency::BoardCoefficients coefs = latency::CoefficientsFor(board, file, &power);
  const auto budgets = tinyops::LoadBudgets(kRoot + "/data/tinyops/budgets.csv").value();
  const tinyops::Partitioner partitioner({tinyops::DefaultBudgetBytes(budgets, board), true});
  int64_t predictions = 0;
  for (auto _ : state) {
    for (const graph::Network& net : nets) {
      const tinyops::Plan plan = partitioner.Run(net);
      const auto estimate = latency::Predict(net, board, latency::Mode::kTinyops, &plan, coefs);
      benchmark::DoNotOptimize(estimate.ok() ? estimate->latency_ms : 0.0);
      ++predictions;
    }
  }
  state.counters["predictions_per_s"] =
      benchmark::Counter(static_cast<double>(predictions), benchmark::Counter::kIsRate);
  state.counters["grid_variants"] = static_cast<double>(nets.size());
}
BENCHMARK(BM_TinyopsLatencyOverDefaultGridF746)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
