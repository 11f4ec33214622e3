#include "explore/few_shot_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "explore/calibration.h"

namespace explore {
namespace {

// Every k-subset of 0..n-1 in lexicographic order (latency::KSubsets), `limit` of them spread
// evenly when there are more (deterministic).
std::vector<std::vector<int>> Subsets(int n, int k, int limit) {
  std::vector<std::vector<int>> all = latency::KSubsets(n, k);
  if (static_cast<int>(all.size()) <= limit) return all;
  std::vector<std::vector<int>> chosen;
  for (int i = 0; i < limit; ++i) chosen.push_back(all[all.size() * i / limit]);
  return chosen;
}

// Another runtime's (board, runtime): factors from the other boards' rows of the runtime, one
// per-board scale from the k shots; beside it MACs x k / clock fitted on the same shots.
latency::FewShotSummary OtherRuntime(const std::vector<const PredictedRow*>& own,
                                     const std::vector<PredictedRow>& others, int k,
                                     int max_subsets) {
  const kernels::RuntimePrior* prior = RegisteredPrior(own.front()->row.runtime);
  const FactorFit fit = FitFactors(others, GroupPull(prior), prior);
  const int n = static_cast<int>(own.size());
  latency::FewShotSummary sum{own.front()->row.board, k, n};
  std::vector<double> model, line;
  for (const std::vector<int>& pick : Subsets(n, k, max_subsets)) {
    double log_scale = 0, num = 0, den = 0;
    for (int i : pick) {
      const PredictedRow& r = *own[static_cast<size_t>(i)];
      log_scale += std::log(r.row.latency_ms / r.prediction.Total(fit.factors)) / k;
      const double x = r.macs / r.clock_hz * 1e3 / r.row.latency_ms;
      num += x;
      den += x * x;
    }
    double m = 0, l = 0;
    for (int i = 0; i < n; ++i) {
      if (std::find(pick.begin(), pick.end(), i) != pick.end()) continue;
      const PredictedRow& r = *own[static_cast<size_t>(i)];
      m += std::abs(std::exp(log_scale) * r.prediction.Total(fit.factors) / r.row.latency_ms - 1);
      l += std::abs(num / den * r.macs / r.clock_hz * 1e3 / r.row.latency_ms - 1);
    }
    model.push_back(100 * m / (n - k));
    line.push_back(100 * l / (n - k));
    if (model.back() > line.back()) ++sum.subsets_worse_than_baseline;
  }
  sum.subsets = static_cast<int>(model.size());
  sum.median_mape_pct = latency::Median(model);
  sum.median_baseline_mape_pct = latency::Median(line);
  return sum;
}

}  // namespace

std::vector<FewShotRow> FewShotTable(const MeasuredRows& measured, const hw::Catalog& boards,
                                     const std::vector<int>& ks, int max_subsets, int min_rows) {
  std::vector<FewShotRow> out;
  std::vector<latency::Sample> tflm;
  for (const latency::Sample& s : measured.samples) {
    if (s.row.runtime == kernels::kDefaultRuntime) tflm.push_back(s);
  }
  const latency::CoefficientFile priors = PriorsOf(tflm, boards);
  const latency::LeaveBoardOut lobo = latency::LeaveBoardsOut(tflm, priors);
  std::map<std::string, latency::Spreads> spreads;  // each board's without its own rows
  for (const latency::BoardOutSummary& b : lobo.boards) {
    spreads[b.board] = latency::BoardSpreadsWithout(lobo, b.board);
  }
  for (const latency::FewShotSummary& s :
       latency::FewShots(tflm, priors, ks, max_subsets, min_rows, spreads)) {
    out.push_back({std::string(kernels::kDefaultRuntime), s});
  }
  std::map<std::pair<std::string, std::string>, std::vector<const PredictedRow*>> cells;
  for (const PredictedRow& r : measured.rows) {
    if (r.row.runtime != kernels::kDefaultRuntime) cells[{r.row.runtime, r.row.board}].push_back(&r);
  }
  for (const auto& [key, own] : cells) {
    const int n = static_cast<int>(own.size());
    if (n < min_rows) continue;
    std::vector<PredictedRow> others;
    for (const PredictedRow& r : measured.rows) {
      if (r.row.runtime == key.first && r.row.board != key.second) others.push_back(r);
    }
    for (int k : ks) {
      if (k >= 1 && k < n) out.push_back({key.first, OtherRuntime(own, others, k, max_subsets)});
    }
  }
  return out;
}

std::string FewShotText(const std::vector<FewShotRow>& table) {
  std::string out =
      "Few shots: each (board, runtime) with >= 6 rows calibrated on k of its rows (every "
      "subset, or 20 of them), its other rows predicted; median MAPE over the subsets\n";
  out += fmt::format("{:<17} {:<6} {:>4} {:>2} {:>7} {:>7} {:>9} {:>7} {:>6}  {}\n", "runtime",
                     "board", "rows", "k", "subsets", "model", "MACs x k", "in 80%", "hi/lo",
                     "model worse in");
  for (const FewShotRow& r : table) {
    const latency::FewShotSummary& s = r.summary;
    const bool interval = s.coverage_pct >= 0;
    out += fmt::format("{:<17} {:<6} {:>4} {:>2} {:>7} {:>6.1f}% {:>8.1f}% {:>7} {:>6}  {}/{} "
                       "subsets\n", r.runtime, s.board, s.rows, s.k, s.subsets,
                       s.median_mape_pct, s.median_baseline_mape_pct,
                       interval ? fmt::format("{:.0f}%", s.coverage_pct) : "-",
                       interval ? fmt::format("{:.2f}", s.mean_interval_ratio) : "-",
                       s.subsets_worse_than_baseline, s.subsets);
  }
  if (table.empty()) out += "(no board and runtime has enough rows)\n";
  return out;
}

}  // namespace explore
