#include "latency/leave_board_out.h"

#include <cmath>
#include <map>
#include <set>

#include "latency/model.h"

namespace latency {
namespace {

double Cycles(const Sample& s) { return s.row.latency_ms * 1e-3 * s.clock_hz; }

// k (cycles per MAC) of cycles = k x MACs minimising relative squared error over `rows`.
std::optional<double> CyclesPerMac(const std::vector<const Sample*>& rows) {
  double num = 0, den = 0;
  for (const Sample* s : rows) {
    const double x = s->macs / Cycles(*s);
    num += x;
    den += x * x;
  }
  if (den <= 0) return std::nullopt;
  return num / den;
}

// The clock-scaled MACs baseline for `target` from the rows of `others`.
std::optional<double> BaselineMs(const Sample& target, const std::vector<const Sample*>& others) {
  std::vector<const Sample*> same_mode;
  for (const Sample* s : others) {
    if (s->row.mode == target.row.mode) same_mode.push_back(s);
  }
  const auto k = CyclesPerMac(same_mode.empty() ? others : same_mode);
  if (!k) return std::nullopt;
  return *k * target.macs / target.clock_hz * 1e3;
}

double AbsPct(double predicted, double measured) {
  return 100.0 * std::abs(predicted - measured) / measured;
}

BoardOutSummary Summarise(const std::vector<BoardOutRow>& rows, const std::string& board) {
  BoardOutSummary s;
  s.board = board.empty() ? "all" : board;
  double model = 0, prior = 0, base = 0;
  int n_base = 0, covered = 0;
  double ratio = 0;
  for (const BoardOutRow& r : rows) {
    if (!board.empty() && r.row.board != board) continue;
    ++s.rows;
    model += AbsPct(r.predicted_ms, r.row.latency_ms);
    prior += AbsPct(r.prior_ms, r.row.latency_ms);
    covered += r.Covered() ? 1 : 0;
    ratio += r.high_ms / r.low_ms;
    if (r.baseline_ms) {
      base += AbsPct(*r.baseline_ms, r.row.latency_ms);
      ++n_base;
    }
  }
  if (s.rows > 0) {
    s.mape_pct = model / s.rows;
    s.prior_mape_pct = prior / s.rows;
    s.coverage_pct = 100.0 * covered / s.rows;
    s.mean_interval_ratio = ratio / s.rows;
  }
  if (n_base > 0) s.baseline_mape_pct = base / n_base;
  return s;
}

// The 80 % interval of every left-out row (interval.h) with its fold's transfer spread
// (spreads.h) estimated from the other boards' left-out rows only, stored in the fold's fit.
// The rows of `out` are in the order of `samples` within each board, boards in name order.
void SetIntervals(const std::vector<Sample>& samples, const CoefficientFile& priors,
                  LeaveBoardOut* out) {
  auto row = out->rows.begin();
  for (auto& [board, fit] : out->fold_fits) {
    fit.spreads = BoardSpreadsWithout(*out, board);
    for (const Sample& s : samples) {
      if (s.row.board != board) continue;
      const Estimate e = Evaluate(s.terms, s.clock_hz, Inherit(priors.at(s.row.CoefficientKey()), fit));
      row->low_ms = row->predicted_ms * e.latency_ms_low / e.latency_ms;
      row->high_ms = row->predicted_ms * e.latency_ms_high / e.latency_ms;
      ++row;
    }
  }
}

}  // namespace

Spreads BoardSpreadsWithout(const LeaveBoardOut& lobo, const std::string& left_out) {
  std::vector<double> all;
  std::map<std::string, std::vector<double>> by_board;
  for (const BoardOutRow& r : lobo.rows) {
    if (r.row.board == left_out) continue;
    all.push_back(std::log(r.predicted_ms / r.row.latency_ms));
    by_board[r.row.board].push_back(all.back());
  }
  std::vector<std::vector<double>> groups;
  for (auto& [board, e] : by_board) groups.push_back(std::move(e));
  Spreads out;
  out.version = kSpreadsVersion;
  out.transfer_log_sigma = LogSpread(all);
  out.within_board_log_sigma = WithinGroupLogSpread(groups);
  return out;
}

LeaveBoardOut LeaveBoardsOut(const std::vector<Sample>& samples, const CoefficientFile& priors) {
  std::set<std::string> boards;
  for (const Sample& s : samples) boards.insert(s.row.board);
  LeaveBoardOut out;
  std::map<std::string, std::string> provenance;
  for (const std::string& board : boards) {
    std::vector<const Sample*> others;
    for (const Sample& s : samples) {
      if (s.row.board != board) others.push_back(&s);
    }
    CoefficientFile other_priors;
    for (const auto& [key, bc] : priors) {
      if (bc.board != board) other_priors[key] = bc;
    }
    const CoefficientFile fit = FitBoards(others, other_priors);
    for (const Sample& s : samples) {
      if (s.row.board != board) continue;
      const BoardCoefficients& prior = priors.at(s.row.CoefficientKey());
      const BoardCoefficients inherited = Inherit(prior, fit);
      provenance[board] = inherited.Provenance();
      out.rows.push_back({s.row, PredictMs(s, inherited.value), PredictMs(s, prior.prior),
                          BaselineMs(s, others)});
    }
    out.fold_fits.emplace(board, fit);
  }
  SetIntervals(samples, priors, &out);
  for (const std::string& board : boards) {
    out.boards.push_back(Summarise(out.rows, board));
    out.boards.back().provenance = provenance[board];
  }
  out.overall = Summarise(out.rows, "");
  return out;
}

}  // namespace latency
