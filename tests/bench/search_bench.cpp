// dse search throughput (issue 15 item 6): NSGA-II over a dense uniform mbv3 space (widths
// 0.100-1.000 step 0.001 x resolutions 48-224 step 1, 159,477 points) on f746 in all three
// modes, keeping fronts only, at 1 and 2 evaluation threads. Counters: candidate evaluations
// (point x mode x board) per second, points per second, user CPU seconds and the process's
// peak resident memory.

#include <benchmark/benchmark.h>

#include "bench/bench_inputs.h"
#include "search/run.h"

namespace {

// The shipped catalog plus the dense mbv3 grid, built once.
const searchspace::Catalog& DenseCatalog() {
  static const searchspace::Catalog* catalog = [] {
    auto* c = new searchspace::Catalog(bench::Shared().catalog);
    searchspace::Space dense = *c->Find("mbv3");
    dense.name = "mbv3-dense";
    dense.widths.clear();
    dense.resolutions.clear();
    for (int w = 100; w <= 1000; ++w) dense.widths.push_back(w / 1000.0);
    for (int r = 48; r <= 224; ++r) dense.resolutions.push_back(r);
    (void)c->Add(dense);
    return c;
  }();
  return *catalog;
}

// NSGA-II over the dense grid with `points` evaluations on `boards`, `threads` threads.
void RunDense(benchmark::State& state, const std::vector<std::string>& boards, int64_t points,
              int threads) {
  const bench::Inputs& in = bench::Shared();
  const searchspace::Catalog& catalog = DenseCatalog();
  explore::SweepOptions sweep;
  for (const std::string& b : boards) sweep.boards.push_back(in.Board(b));
  search::Request request{.space = "mbv3-dense", .evaluations = points, .threads = threads};
  const search::Plan plan = search::MakePlan(request, catalog, sweep).value();
  int64_t evaluated = 0, evaluations = 0;
  const double cpu_start = bench::UserCpuSeconds();
  for (auto _ : state) {
    const search::Outcome o = search::Run(plan, in.ModelsOver(&catalog), {}).value();
    evaluated += o.evaluations;
    evaluations += o.evaluations * static_cast<int64_t>(plan.sweep.modes.size() * plan.sweep.boards.size());
  }
  state.counters["user_cpu_s"] = bench::UserCpuSeconds() - cpu_start;
  state.counters["evaluations"] = static_cast<double>(evaluations);
  state.counters["evaluations_per_s"] = benchmark::Counter(static_cast<double>(evaluations), benchmark::Counter::kIsRate);
  state.counters["points_per_s"] = benchmark::Counter(static_cast<double>(evaluated), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = bench::PeakRssMiB();
}

void BM_SearchDenseMbv3(benchmark::State& state) {
  RunDense(state, {"f746"}, state.range(1), static_cast<int>(state.range(0)));
}
BENCHMARK(BM_SearchDenseMbv3)->Args({1, 20000})->Args({2, 20000})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// The million: NSGA-II over the same dense space on three boards (f746, f469, l552) in
// all three modes, 111,112 points x 9 = 1,000,008 candidate evaluations, fronts only, 2 threads.
// Run alone: bench_search --benchmark_filter=Million (it takes minutes).
void BM_SearchMillion(benchmark::State& state) { RunDense(state, {"f746", "f469", "l552"}, 111112, 2); }
BENCHMARK(BM_SearchMillion)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
