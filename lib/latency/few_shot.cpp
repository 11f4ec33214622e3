#include "latency/few_shot.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include "latency/model.h"

namespace latency {

std::vector<std::vector<int>> KSubsets(int n, int k) {
  std::vector<std::vector<int>> all;
  std::vector<int> pick(static_cast<size_t>(k));
  for (int i = 0; i < k; ++i) pick[static_cast<size_t>(i)] = i;
  while (true) {
    all.push_back(pick);
    int i = k - 1;
    while (i >= 0 && pick[static_cast<size_t>(i)] == n - k + i) --i;
    if (i < 0) break;
    ++pick[static_cast<size_t>(i)];
    for (int j = i + 1; j < k; ++j) pick[static_cast<size_t>(j)] = pick[static_cast<size_t>(j - 1)] + 1;
  }
  return all;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

namespace {

// Every k-subset of {0..n-1} when there are at most `limit`, else `limit` distinct ones drawn
// with a fixed-seed generator (results do not change from run to run).
std::vector<std::vector<int>> Subsets(int n, int k, int limit) {
  std::vector<std::vector<int>> all = KSubsets(n, k);
  if (static_cast<int>(all.size()) <= limit) return all;
  uint64_t state = 0x9E3779B97F4A7C15ull;  // splitmix64, fixed seed
  std::vector<std::vector<int>> chosen;
  for (int i = 0; i < limit; ++i) {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    const size_t at = static_cast<size_t>(z % all.size());
    chosen.push_back(all[at]);
    all.erase(all.begin() + static_cast<std::ptrdiff_t>(at));
  }
  return chosen;
}

// One subset: MAPE of predicting `rest` with the fit on `others` + `shots`, of the MACs x k
// line fitted (relative least squares) on `shots` alone, and the model's 80 % intervals
// (interval.h: the board calibrated on its shots) on `rest`.
struct SubsetScore {
  double model_pct = 0, line_pct = 0;
  int covered = 0;
  double ratio_sum = 0;  // sum of high / low
};

SubsetScore OneSubset(const std::vector<const Sample*>& others,
                      const std::vector<const Sample*>& shots,
                      const std::vector<const Sample*>& rest, const CoefficientFile& priors,
                      const Spreads& spreads) {
  std::vector<const Sample*> training = others;
  training.insert(training.end(), shots.begin(), shots.end());
  const CoefficientFile fit = FitBoards(training, priors);
  BoardCoefficients coefs = fit.at(rest.front()->row.CoefficientKey());
  coefs.transfer_log_sigma = spreads.transfer_log_sigma;  // as CoefficientsFor sets them
  coefs.within_board_log_sigma = spreads.within_board_log_sigma;
  double num = 0, den = 0;  // k minimising sum ((k x_i - y_i) / y_i)^2
  for (const Sample* s : shots) {
    const double x = s->macs / s->row.latency_ms;
    num += x;
    den += x * x;
  }
  const double k = num / den;
  SubsetScore out;
  for (const Sample* s : rest) {
    const double predicted_ms = PredictMs(*s, coefs.value);
    out.model_pct += std::abs(predicted_ms / s->row.latency_ms - 1);
    out.line_pct += std::abs(k * s->macs / s->row.latency_ms - 1);
    const Estimate e = Evaluate(s->terms, s->clock_hz, coefs);
    const double measured = s->row.latency_ms / predicted_ms * e.latency_ms;
    out.covered += measured >= e.latency_ms_low && measured <= e.latency_ms_high ? 1 : 0;
    out.ratio_sum += e.latency_ms_high / e.latency_ms_low;
  }
  out.model_pct *= 100 / static_cast<double>(rest.size());
  out.line_pct *= 100 / static_cast<double>(rest.size());
  return out;
}

}  // namespace

std::vector<FewShotSummary> FewShots(const std::vector<Sample>& samples,
                                     const CoefficientFile& priors, const std::vector<int>& ks,
                                     int max_subsets, int min_rows,
                                     const std::map<std::string, Spreads>& spreads) {
  std::map<std::string, std::vector<const Sample*>> by_board;
  for (const Sample& s : samples) by_board[s.row.CoefficientKey()].push_back(&s);
  std::vector<FewShotSummary> out;
  for (const auto& [board, rows] : by_board) {
    const int n = static_cast<int>(rows.size());
    if (n < min_rows) continue;
    std::vector<const Sample*> others;
    for (const Sample& s : samples) {
      if (s.row.CoefficientKey() != board) others.push_back(&s);
    }
    const auto listed = spreads.find(board);
    const Spreads board_spreads = listed != spreads.end() ? listed->second : Spreads{};
    for (const int k : ks) {
      if (k < 1 || k >= n) continue;
      FewShotSummary sum{board, k, n};
      std::vector<double> model, line;
      int predicted = 0, covered = 0;
      double ratio_sum = 0;
      for (const std::vector<int>& pick : Subsets(n, k, max_subsets)) {
        std::vector<const Sample*> shots, rest;
        for (int i = 0; i < n; ++i) {
          const bool in = std::find(pick.begin(), pick.end(), i) != pick.end();
          (in ? shots : rest).push_back(rows[static_cast<size_t>(i)]);
        }
        const SubsetScore score = OneSubset(others, shots, rest, priors, board_spreads);
        model.push_back(score.model_pct);
        line.push_back(score.line_pct);
        if (score.model_pct > score.line_pct) ++sum.subsets_worse_than_baseline;
        predicted += static_cast<int>(rest.size());
        covered += score.covered;
        ratio_sum += score.ratio_sum;
      }
      sum.coverage_pct = 100.0 * covered / predicted;
      sum.mean_interval_ratio = ratio_sum / predicted;
      sum.subsets = static_cast<int>(model.size());
      sum.median_mape_pct = Median(model);
      sum.median_baseline_mape_pct = Median(line);
      out.push_back(sum);
    }
  }
  return out;
}

}  // namespace latency
