// Per-stage space search throughput (issue 15): NSGA-II over the OFA spaces (ofa-mbv3-w1.0,
// ofa-proxyless-w1.3) on f746 in all three modes, every candidate kept, one evaluation thread.
// Counters: points per second, user CPU seconds per 1,000 points (the machine is shared, so
// compare binaries by CPU time), and a checksum of every kept candidate (variant, mode,
// feasibility, SRAM, flash, MACs, latency, top-1), equal between two builds when their results
// are byte-identical.

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "bench/bench_inputs.h"
#include "search/run.h"

namespace {

// FNV-1a over the candidates' printed fields, folded to 48 bits (exact in a double counter).
double Checksum(const std::vector<explore::Candidate>& candidates) {
  uint64_t hash = 1469598103934665603ull;
  for (const explore::Candidate& c : candidates) {
    const std::string text = fmt::format("{}|{}|{}|{}|{}|{}|{:.17g}|{:.17g}|{:.17g}", c.variant, c.mode, c.feasible,
                                         c.sram_bytes, c.flash_bytes, c.macs, c.latency_ms.value_or(-1),
                                         c.top1.value_or(-1), c.energy_mj.value_or(-1));
    for (unsigned char ch : text) hash = (hash ^ ch) * 1099511628211ull;
  }
  return static_cast<double>(hash >> 16);
}

void BM_SearchStageSpace(benchmark::State& state, const std::string& space) {
  const bench::Inputs& in = bench::Shared();
  explore::SweepOptions sweep;
  sweep.boards = {in.Board("f746")};
  search::Request request{.space = space, .evaluations = state.range(0), .threads = 1, .keep_all = true,
                          .data_root = bench::kRoot};
  const search::Plan plan = search::MakePlan(request, in.catalog, sweep).value();
  int64_t points = 0;
  double checksum = 0;
  const double user_start = bench::UserCpuSeconds();
  for (auto _ : state) {
    const search::Outcome o = search::Run(plan, in.ModelsOver(), {}).value();
    points += o.evaluations;
    checksum = Checksum(o.sweep.candidates);
  }
  const double user_s = bench::UserCpuSeconds() - user_start;
  state.counters["points_per_s"] = benchmark::Counter(static_cast<double>(points), benchmark::Counter::kIsRate);
  state.counters["user_s_per_1k_points"] = user_s * 1000.0 / static_cast<double>(points);
  state.counters["points_per_user_s"] = static_cast<double>(points) / user_s;
  state.counters["checksum"] = checksum;
}
BENCHMARK_CAPTURE(BM_SearchStageSpace, ofa_mbv3, std::string("ofa-mbv3-w1.0"))
    ->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK_CAPTURE(BM_SearchStageSpace, ofa_proxyless, std::string("ofa-proxyless-w1.3"))
    ->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
