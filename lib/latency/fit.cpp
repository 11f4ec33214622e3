#include "latency/fit.h"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace latency {
namespace {

constexpr int kIterations = 60;
constexpr double kInformShare = 0.01;  // a coefficient informs a row above 1 % of its cycles

Terms RowGradient(const Sample& s, const CoefValues& coefs) {
  Terms g{};
  for (const OpTerms& op : s.terms) {
    const Terms t = Gradient(op, coefs);
    for (size_t j = 0; j < g.size(); ++j) g[j] += t[j];
  }
  return g;
}

// Which coefficients carry >= 1 % of some row's cycles at the prior, and in how many rows.
std::array<int, kNumCoefs> InformingRows(const std::vector<const Sample*>& samples,
                                         const CoefValues& prior) {
  std::array<int, kNumCoefs> rows{};
  for (const Sample* s : samples) {
    const Terms g = RowGradient(*s, prior);
    const double total = Dot(g, prior);
    for (int j = 0; j < kNumCoefs; ++j) {
      if (total > 0 && g[j] * prior[j] >= kInformShare * total) ++rows[j];
    }
  }
  return rows;
}

// One damped Gauss-Newton step on u (coefs = prior * exp(u)) over the free coefficients.
Eigen::VectorXd Step(const std::vector<const Sample*>& samples, const CoefValues& prior,
                     const std::vector<int>& free, const Eigen::VectorXd& u, double damping) {
  const int n = static_cast<int>(free.size());
  CoefValues coefs = prior;
  for (int k = 0; k < n; ++k) coefs[free[k]] = prior[free[k]] * std::exp(u[k]);
  Eigen::MatrixXd normal = Eigen::MatrixXd::Identity(n, n) / (kPriorSigma * kPriorSigma);
  Eigen::VectorXd rhs = -u / (kPriorSigma * kPriorSigma);
  for (const Sample* s : samples) {
    const Terms g = RowGradient(*s, coefs);
    const double y_cycles = s->row.latency_ms * 1e-3 * s->clock_hz;
    const double r = (Dot(g, coefs) - y_cycles) / (y_cycles * kRowSigma);
    Eigen::VectorXd jac(n);
    for (int k = 0; k < n; ++k) jac[k] = g[free[k]] * coefs[free[k]] / (y_cycles * kRowSigma);
    normal += jac * jac.transpose();
    rhs -= jac * r;
  }
  normal.diagonal().array() += damping;
  return normal.ldlt().solve(rhs);
}

double Objective(const std::vector<const Sample*>& samples, const CoefValues& prior,
                 const std::vector<int>& free, const Eigen::VectorXd& u) {
  CoefValues coefs = prior;
  for (size_t k = 0; k < free.size(); ++k) coefs[free[k]] = prior[free[k]] * std::exp(u[k]);
  double sum = u.squaredNorm() / (kPriorSigma * kPriorSigma);
  for (const Sample* s : samples) {
    const double r = (PredictMs(*s, coefs) - s->row.latency_ms) / (s->row.latency_ms * kRowSigma);
    sum += r * r;
  }
  return sum;
}

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
    if (s.row.board != target.row.board || s.row.Key() == skip_key) continue;
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
        (!mode.empty() && ModeName(r.row.mode) != mode)) {
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
    groups.insert({r.row.board, std::string(ModeName(r.row.mode))});
    boards.insert(r.row.board);
  }
  std::vector<ErrorSummary> out;
  for (const auto& [board, mode] : groups) out.push_back(Summarise(rows, board, mode));
  for (const std::string& board : boards) out.push_back(Summarise(rows, board, ""));
  out.push_back(Summarise(rows, "", ""));
  return out;
}

}  // namespace

double PredictMs(const Sample& sample, const CoefValues& coefs) {
  double cycles = 0;
  for (const OpTerms& op : sample.terms) cycles += Dot(Gradient(op, coefs), coefs);
  return cycles * 1e3 / sample.clock_hz;
}

BoardCoefficients FitBoard(const std::vector<const Sample*>& samples,
                           const BoardCoefficients& priors) {
  BoardCoefficients out = priors;
  out.rows_informing = InformingRows(samples, priors.prior);
  out.calibration_rows = static_cast<int>(samples.size());
  std::vector<int> free;
  for (int j = 0; j < kNumCoefs; ++j) {
    if (out.rows_informing[j] > 0) free.push_back(j);
  }
  if (samples.empty() || free.empty()) return out;
  Eigen::VectorXd u = Eigen::VectorXd::Zero(static_cast<int>(free.size()));
  double damping = 1e-3;
  double best = Objective(samples, priors.prior, free, u);
  for (int it = 0; it < kIterations; ++it) {
    const Eigen::VectorXd trial = u + Step(samples, priors.prior, free, u, damping);
    const double value = Objective(samples, priors.prior, free, trial);
    if (std::isfinite(value) && value < best) {
      const bool converged = best - value < 1e-9 * (1 + best);
      u = trial;
      best = value;
      damping = std::max(1e-6, damping / 3);
      if (converged) break;
    } else {
      damping *= 4;
    }
  }
  for (size_t k = 0; k < free.size(); ++k) {
    out.value[free[k]] = priors.prior[free[k]] * std::exp(u[static_cast<int>(k)]);
  }
  return out;
}

Calibration Calibrate(const std::vector<Sample>& samples, const CoefficientFile& priors,
                      const std::string& sources) {
  Calibration cal;
  std::map<std::string, std::vector<const Sample*>> by_board;
  for (const Sample& s : samples) by_board[s.row.board].push_back(&s);
  for (const auto& [board, rows] : by_board) {
    BoardCoefficients fitted = FitBoard(rows, priors.at(board));
    fitted.data_sources = sources;
    for (int j = 0; j < kNumCoefs; ++j) {
      if (fitted.rows_informing[j] == 0) {
        cal.notes.push_back(fmt::format("{}: {} kept at its prior {:.4g} (no row depends on it)",
                                        board, CoefTable()[j].key, fitted.prior[j]));
      }
    }
    cal.fitted[board] = fitted;
  }
  for (const Sample& s : samples) {
    RowResult r;
    r.row = s.row;
    r.macs = s.macs;
    r.predicted_ms = PredictMs(s, cal.fitted[s.row.board].value);
    std::vector<const Sample*> rest;
    for (const Sample* o : by_board[s.row.board]) {
      if (o->row.Key() != s.row.Key()) rest.push_back(o);
    }
    // With no other row of the board the refit is the prior: still an out-of-sample figure.
    r.loo_ms = PredictMs(s, FitBoard(rest, priors.at(s.row.board)).value);
    r.baseline_ms = BaselineMs(s, samples, "");
    r.baseline_loo_ms = BaselineMs(s, samples, s.row.Key());
    cal.rows.push_back(r);
  }
  cal.summaries = AllSummaries(cal.rows);
  return cal;
}

}  // namespace latency
