#include "latency/fit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "latency/interval.h"

namespace latency {
namespace {

// k of latency = k * MACs minimising relative squared error over `rows`.
std::optional<double> FitBaseline(const std::vector<const Sample*>& rows) {
  double num = 0, den = 0;
  for (const Sample* s : rows) {
    const double x = s->macs / s->row.latency_ms;
    num += x;
    den += x * x;
  }
  if (den <= 0) return std::nullopt;
  return num / den;
}

// Baseline prediction for `target` from `pool` (excluding rows of `skip_key` when given).
std::optional<double> BaselineMs(const Sample& target, const std::vector<Sample>& pool,
                                 const std::string& skip_key) {
  std::vector<const Sample*> same_mode, same_board;
  for (const Sample& s : pool) {
    if (s.row.CoefficientKey() != target.row.CoefficientKey() || s.row.Key() == skip_key) continue;
    same_board.push_back(&s);
    if (s.row.mode == target.row.mode) same_mode.push_back(&s);
  }
  const auto k = FitBaseline(same_mode.empty() ? same_board : same_mode);
  if (!k) return std::nullopt;
  return *k * target.macs;
}

double AbsPct(double predicted, double measured) {
  return 100.0 * std::abs(predicted - measured) / measured;
}

ErrorSummary Summarise(const std::vector<RowResult>& rows, const std::string& board,
                       const std::string& mode) {
  ErrorSummary s;
  s.board = board;
  s.mode = mode;
  double in = 0, loo = 0, base = 0, base_loo = 0;
  int n_loo = 0, n_base = 0, n_base_loo = 0;
  for (const RowResult& r : rows) {
    if ((!board.empty() && r.row.board != board) ||
        (!mode.empty() && r.row.mode != mode)) {
      continue;
    }
    ++s.rows;
    in += AbsPct(r.predicted_ms, r.row.latency_ms);
    if (r.loo_ms) { loo += AbsPct(*r.loo_ms, r.row.latency_ms); ++n_loo; }
    if (r.baseline_ms) { base += AbsPct(*r.baseline_ms, r.row.latency_ms); ++n_base; }
    if (r.baseline_loo_ms) {
      base_loo += AbsPct(*r.baseline_loo_ms, r.row.latency_ms);
      ++n_base_loo;
    }
  }
  if (s.rows > 0) s.mape_pct = in / s.rows;
  if (n_loo > 0) s.loo_mape_pct = loo / n_loo;
  if (n_base > 0) s.baseline_mape_pct = base / n_base;
  if (n_base_loo > 0) s.baseline_loo_mape_pct = base_loo / n_base_loo;
  return s;
}

std::vector<ErrorSummary> AllSummaries(const std::vector<RowResult>& rows) {
  std::set<std::pair<std::string, std::string>> groups;
  std::set<std::string> boards;
  for (const RowResult& r : rows) {
    groups.insert({r.row.board, r.row.mode});
    boards.insert(r.row.board);
  }
  std::vector<ErrorSummary> out;
  for (const auto& [board, mode] : groups) out.push_back(Summarise(rows, board, mode));
  for (const std::string& board : boards) out.push_back(Summarise(rows, board, ""));
  out.push_back(Summarise(rows, "", ""));
  return out;
}

}  // namespace

Calibration Calibrate(const std::vector<Sample>& samples, const CoefficientFile& priors,
                      const std::string& sources) {
  Calibration cal;
  std::vector<const Sample*> all;
  for (const Sample& s : samples) all.push_back(&s);
  cal.fitted = FitBoards(all, priors);
  for (auto& [key, correction] : cal.fitted.corrections) correction.data_sources = sources;
  for (auto& [board, fitted] : cal.fitted) {
    fitted.data_sources = sources;
    for (int j = 0; j < kNumCoefs; ++j) {
      if (fitted.rows_informing[j] > 0) continue;
      const bool moved = std::abs(fitted.value[j] - fitted.prior[j]) > 1e-9 * fitted.prior[j];
      cal.notes.push_back(fmt::format(
          "{}: no row of this board depends on {}: {} {:.4g}", board, CoefTable()[j].key,
          moved ? "prior x shared and board-scale corrections," : "kept at its prior",
          fitted.value[j]));
    }
  }
  // Leave-one-out: one joint refit per board/variant/mode group, without that group's rows.
  std::map<std::string, CoefficientFile> loo_fits;
  for (const Sample& s : samples) {
    if (loo_fits.count(s.row.Key()) > 0) continue;
    std::vector<const Sample*> rest;
    for (const Sample* o : all) {
      if (o->row.Key() != s.row.Key()) rest.push_back(o);
    }
    loo_fits[s.row.Key()] = FitBoards(rest, priors);
  }
  for (const Sample& s : samples) {
    RowResult r;
    r.row = s.row;
    r.macs = s.macs;
    r.predicted_ms = PredictMs(s, cal.fitted.at(s.row.CoefficientKey()).value);
    r.loo_ms = PredictMs(s, loo_fits.at(s.row.Key()).at(s.row.CoefficientKey()).value);
    r.baseline_ms = BaselineMs(s, samples, "");
    r.baseline_loo_ms = BaselineMs(s, samples, s.row.Key());
    cal.rows.push_back(r);
  }
  cal.summaries = AllSummaries(cal.rows);
  std::map<std::string, std::vector<double>> loo_log_errors;  // per coefficient key
  for (const RowResult& r : cal.rows) {
    if (r.loo_ms && *r.loo_ms > 0) {
      loo_log_errors[r.row.CoefficientKey()].push_back(std::log(*r.loo_ms / r.row.latency_ms));
    }
  }
  for (auto& [key, errors] : loo_log_errors) cal.fitted.at(key).loo_log_sigma = LogSpread(errors);
  return cal;
}

}  // namespace latency
