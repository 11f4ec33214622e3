// dse search throughput (issue 15 item 6): NSGA-II over a dense uniform mbv3 space (widths
// 0.100-1.000 step 0.001 x resolutions 48-224 step 1, 159,477 points) on f746 in all three
// modes, keeping fronts only, at 1 and 2 evaluation threads. Counters: candidate evaluations
// (point x mode) per second, points per second, and the process's peak resident memory.

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "accuracy/accuracy.h"
#include "hw/catalog.h"
#include "latency/coefficients.h"
#include "search/run.h"

namespace {

const std::string kRoot = DSE_SOURCE_DIR;

// User CPU seconds of the process so far (every thread): steadier than wall time on a shared
// machine.
double UserCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec) / 1e6;
}

void BM_SearchDenseMbv3(benchmark::State& state) {
  auto catalog = searchspace::Catalog::LoadDirectory(kRoot + "/searchspaces").value();
  searchspace::Space dense = *catalog.Find("mbv3");
  dense.name = "mbv3-dense";
  dense.widths.clear();
  dense.resolutions.clear();
  for (int w = 100; w <= 1000; ++w) dense.widths.push_back(w / 1000.0);
  for (int r = 48; r <= 224; ++r) dense.resolutions.push_back(r);
  (void)catalog.Add(dense);
  const auto boards = hw::Catalog::LoadDirectory(kRoot + "/hwprofiles").value();
  const auto surrogate = accuracy::LoadSurrogate(kRoot).value();
  const std::vector<accuracy::Measurement> measured;
  const auto coefficients = latency::LoadCoefficients(kRoot + "/data/latency/coefficients.toml").value();
  const auto power = power::LoadTable(kRoot + "/data/power/measured.csv", placement::ModeIds()).value();
  const auto budgets = tinyops::LoadBudgets(kRoot + "/data/tinyops/budgets.csv").value();
  const explore::Models models{&catalog, &surrogate, &measured, &coefficients, &power, &budgets};
  explore::SweepOptions sweep;
  for (const auto& b : boards.boards()) {
    if (b.name == "f746") sweep.boards.push_back(&b);
  }
  search::Request request{.space = "mbv3-dense", .evaluations = state.range(1),
                          .threads = static_cast<int>(state.range(0))};
  const search::Plan plan = search::MakePlan(request, catalog, sweep).value();
  int64_t points = 0, evaluations = 0;
  const double cpu_start = UserCpuSeconds();
  for (auto _ : state) {
    const search::Outcome o = search::Run(plan, models, {}).value();
    points += o.evaluations;
    evaluations += o.evaluations * static_cast<int64_t>(plan.sweep.modes.size());
  }
  state.counters["user_cpu_s"] = UserCpuSeconds() - cpu_start;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["evaluations_per_s"] = benchmark::Counter(static_cast<double>(evaluations), benchmark::Counter::kIsRate);
  state.counters["points_per_s"] = benchmark::Counter(static_cast<double>(points), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}
BENCHMARK(BM_SearchDenseMbv3)->Args({1, 20000})->Args({2, 20000})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// The million: NSGA-II over the same dense space on three boards (f746, f469, l552) in
// all three modes, 111,112 points x 9 = 1,000,008 candidate evaluations, fronts only, 2 threads.
// Run alone: bench_search --benchmark_filter=Million (it takes minutes).
void BM_SearchMillion(benchmark::State& state) {
  auto catalog = searchspace::Catalog::LoadDirectory(kRoot + "/searchspaces").value();
  searchspace::Space dense = *catalog.Find("mbv3");
  dense.name = "mbv3-dense";
  dense.widths.clear();
  dense.resolutions.clear();
  for (int w = 100; w <= 1000; ++w) dense.widths.push_back(w / 1000.0);
  for (int r = 48; r <= 224; ++r) dense.resolutions.push_back(r);
  (void)catalog.Add(dense);
  const auto boards = hw::Catalog::LoadDirectory(kRoot + "/hwprofiles").value();
  const auto surrogate = accuracy::LoadSurrogate(kRoot).value();
  const std::vector<accuracy::Measurement> measured;
  const auto coefficients = latency::LoadCoefficients(kRoot + "/data/latency/coefficients.toml").value();
  const auto power = power::LoadTable(kRoot + "/data/power/measured.csv", placement::ModeIds()).value();
  const auto budgets = tinyops::LoadBudgets(kRoot + "/data/tinyops/budgets.csv").value();
  const explore::Models models{&catalog, &surrogate, &measured, &coefficients, &power, &budgets};
  explore::SweepOptions sweep;
  for (const auto& b : boards.boards()) {
    if (b.name == "f746" || b.name == "f469" || b.name == "l552") sweep.boards.push_back(&b);
  }
  search::Request request{.space = "mbv3-dense", .evaluations = 111112, .threads = 2};
  const search::Plan plan = search::MakePlan(request, catalog, sweep).value();
  int64_t evaluations = 0;
  const double cpu_start = UserCpuSeconds();
  for (auto _ : state) {
    const search::Outcome o = search::Run(plan, models, {}).value();
    evaluations += o.evaluations * static_cast<int64_t>(plan.sweep.modes.size() * plan.sweep.boards.size());
  }
  state.counters["user_cpu_s"] = UserCpuSeconds() - cpu_start;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["evaluations"] = static_cast<double>(evaluations);
  state.counters["evaluations_per_s"] = benchmark::Counter(static_cast<double>(evaluations), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_SearchMillion)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
