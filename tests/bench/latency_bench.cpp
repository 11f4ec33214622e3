// Latency predictions per second over the default grid (every width x resolution of the mbv3,
// proxyless and mnasnet spaces) on the F746 in the tinyops mode through explore::EvaluatePoint,
// partitioning included; the networks are built and analysed once outside the timed loop (issue 4 target: >= 20,000 per second on one
// core).

#include <benchmark/benchmark.h>

#include <vector>

#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "searchspace/catalog.h"
#include "explore/evaluate.h"
#include "tinyops/budgets.h"

namespace {

const std::string kRoot = DSE_SOURCE_DIR;

std::vector<explore::VariantFacts> DefaultGrid() {
  const auto catalog = searchspace::Catalog::LoadDirectory(kRoot + "/searchspaces").value();
  std::vector<explore::VariantFacts> nets;
  for (const searchspace::Space& space : catalog.spaces()) {
    if (space.name != "mbv3" && space.name != "proxyless" && space.name != "mnasnet") continue;
    for (double w : space.widths) {
      for (int r : space.resolutions) nets.push_back(explore::FactsOf(searchspace::Build(space, w, r).value()));
    }
  }
  return nets;
}

void BM_TinyopsLatencyOverDefaultGridF746(benchmark::State& state) {
  const std::vector<explore::VariantFacts> nets = DefaultGrid();
  const auto boards = hw::Catalog::LoadDirectory(kRoot + "/hwprofiles").value();
  const hw::Board& board = *boards.Find("f746");
  const auto file = latency::LoadCoefficients(kRoot + "/data/latency/coefficients.toml").value();
  const latency::BoardCoefficients coefs = latency::CoefficientsFor(board, file);
  const auto budgets = tinyops::LoadBudgets(kRoot + "/data/tinyops/budgets.csv").value();
  // Arg 0: the fastest static configuration (the default: every alternative is priced);
  // arg 1: the firmware's plan alone (--tinyops-config firmware).
  const placement::Configuration configuration = state.range(0) == 0
      ? placement::Configuration::kFastest : placement::Configuration::kFirmware;
  const explore::Target target{&board, nullptr, &coefs,
                               {"tinyops", 0, true, &budgets, 0, 0, configuration}};
  int64_t predictions = 0;
  for (auto _ : state) {
    for (const explore::VariantFacts& facts : nets) {
      // The evaluation path: placement (the TinyOps partitioner) + latency terms + estimate.
      const auto e = explore::EvaluatePoint(facts, target, {.predict_infeasible = true});
      benchmark::DoNotOptimize(e.ok() && e->estimate ? e->estimate->latency_ms : 0.0);
      ++predictions;
    }
  }
  state.counters["predictions_per_s"] =
      benchmark::Counter(static_cast<double>(predictions), benchmark::Counter::kIsRate);
  state.counters["grid_variants"] = static_cast<double>(nets.size());
}
BENCHMARK(BM_TinyopsLatencyOverDefaultGridF746)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
