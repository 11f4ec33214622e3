#include "explore/runtime_interval.h"

#include <cmath>
#include <map>
#include <set>

#include "explore/calibration.h"
#include "latency/interval.h"

namespace explore {
namespace {

double LogError(double predicted_ms, double measured_ms) {
  return std::log(predicted_ms / measured_ms);
}

bool IsDefault(const std::string& runtime) { return runtime == kernels::kDefaultRuntime; }

// Coverage and mean high/low of the rows of `rows` that `keep` selects.
template <typename Keep>
void Score(const std::vector<RuntimeRowOut>& rows, Keep keep, RuntimeBoardOut* cell) {
  int n = 0, covered = 0;
  double ratio = 0;
  for (const RuntimeRowOut& r : rows) {
    if (!keep(r)) continue;
    ++n;
    covered += r.measured_ms >= r.low_ms && r.measured_ms <= r.high_ms ? 1 : 0;
    ratio += r.high_ms / r.low_ms;
  }
  cell->coverage_pct = n > 0 ? 100.0 * covered / n : 0;
  cell->mean_interval_ratio = n > 0 ? ratio / n : 0;
}

}  // namespace

latency::Spreads SpreadsWithout(const std::string& left_out,
                                const std::vector<PredictedRow>& rows,
                                const latency::LeaveBoardOut& tflm,
                                const PublicLeaveBoardOut& lobo) {
  latency::Spreads out = latency::BoardSpreadsWithout(tflm, left_out);
  std::map<std::string, std::set<std::string>> boards;          // per runtime, every board
  std::map<std::string, std::vector<double>> errors;            // per runtime, off left_out
  for (const RuntimeRowOut& r : lobo.rows) {
    boards[r.runtime].insert(r.board);
    if (r.board != left_out) errors[r.runtime].push_back(LogError(r.predicted_ms, r.measured_ms));
  }
  std::vector<double> pooled;
  for (const auto& [runtime, e] : errors) {
    if (boards[runtime].size() >= 2) pooled.insert(pooled.end(), e.begin(), e.end());
  }
  out.runtime_pooled_log_sigma = latency::ExtraLogSpread(pooled, out.transfer_log_sigma);
  for (const auto& [runtime, e] : errors) {
    out.runtime_log_sigma[runtime] =
        boards[runtime].size() >= 2
            ? latency::ExtraLogSpread(e, out.transfer_log_sigma, out.runtime_pooled_log_sigma,
                                      latency::kRuntimeSpreadPriorRows)
            : out.runtime_pooled_log_sigma;
  }
  std::map<std::string, std::vector<PredictedRow>> own;  // per runtime, off left_out
  for (const PredictedRow& r : rows) {
    if (!IsDefault(r.row.runtime) && r.row.board != left_out) own[r.row.runtime].push_back(r);
  }
  std::vector<double> log_factors;
  for (const auto& [runtime, r] : own) {
    log_factors.push_back(std::log(FitFactors(r).single_factor));
  }
  out.unseen_runtime_log_sigma = latency::LogSpread(log_factors);
  return out;
}

void SetRuntimeIntervals(const std::vector<PredictedRow>& rows,
                         const latency::LeaveBoardOut& tflm, PublicLeaveBoardOut* lobo) {
  std::map<std::string, latency::Spreads> folds;
  for (RuntimeRowOut& r : lobo->rows) {
    auto it = folds.find(r.board);
    if (it == folds.end()) it = folds.emplace(r.board, SpreadsWithout(r.board, rows, tflm, *lobo)).first;
    // A runtime measured on r.board alone has no entry in this fold: it is predicted with its
    // [prior] and carries the prior's spread, or with factor 1 and the unseen runtimes' spread.
    const latency::Spreads& s = it->second;
    const kernels::RuntimePrior* prior = RegisteredPrior(r.runtime);
    const double runtime_sigma = !s.runtime_log_sigma.contains(r.runtime) && prior != nullptr
                                     ? prior->log_spread
                                     : s.RuntimeLogSigma(r.runtime);
    const double sigma = std::hypot(s.transfer_log_sigma, runtime_sigma);
    r.low_ms = r.predicted_ms * std::exp(-latency::kInterval80Z * sigma);
    r.high_ms = r.predicted_ms * std::exp(latency::kInterval80Z * sigma);
  }
  std::map<std::string, std::set<std::string>> boards;
  for (const RuntimeRowOut& r : lobo->rows) boards[r.runtime].insert(r.board);
  for (RuntimeBoardOut& c : lobo->cells) {
    if (IsDefault(c.runtime)) {
      for (const latency::BoardOutSummary& s : tflm.boards) {
        if (s.board == c.board) c.mean_interval_ratio = s.mean_interval_ratio;
      }
      if (c.board == "all") c.mean_interval_ratio = tflm.overall.mean_interval_ratio;
      continue;
    }
    Score(lobo->rows, [&](const RuntimeRowOut& r) {
      return r.runtime == c.runtime && (c.board == "all" || r.board == c.board);
    }, &c);
  }
  lobo->tflm_overall.mean_interval_ratio = tflm.overall.mean_interval_ratio;
  Score(lobo->rows, [](const RuntimeRowOut&) { return true; }, &lobo->other_overall);
  Score(lobo->rows, [&](const RuntimeRowOut& r) { return boards[r.runtime].size() >= 2; },
        &lobo->other_transferred);
}

latency::Spreads EstimateSpreads(const MeasuredRows& measured, const hw::Catalog& boards) {
  std::vector<latency::Sample> tflm;
  for (const latency::Sample& s : measured.samples) {
    if (IsDefault(s.row.runtime)) tflm.push_back(s);
  }
  const latency::LeaveBoardOut tflm_out = latency::LeaveBoardsOut(tflm, PriorsOf(tflm, boards));
  const PublicLeaveBoardOut lobo =
      LeaveBoardsOutByRuntime(measured.rows, measured.samples, boards, tflm_out);
  latency::Spreads out = SpreadsWithout("", measured.rows, tflm_out, lobo);
  out.data_sources = measured.sources;
  return out;
}

}  // namespace explore
