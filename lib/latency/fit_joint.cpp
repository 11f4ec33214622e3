// FitBoards: the hierarchical fit of fit.h, all boards at once.

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>

#include "latency/fit.h"

namespace latency {
namespace {

constexpr int kIterations = 80;
constexpr double kInformShare = 0.01;  // a coefficient informs a row above 1 % of its cycles

// The kernel classes of Fig. 5b, fastest first: each must cost >= kOrderMargin (log) more per
// MAC than the one before it on every board.
constexpr Coef kOrderedClasses[] = {kConv1x1CyclesPerMac, kDw3x3CyclesPerMac, kDwK5CyclesPerMac,
                                    kDwK7CyclesPerMac};

// Each coefficient's group and spreads come from the described vector (CoefTable): compute
// coefficients share a board's scale a[b]; per-byte memory costs whose priors come from the
// memories' own timing registers are trusted more (narrower spreads).
bool IsCompute(int j) { return CoefTable()[static_cast<size_t>(j)].group == CoefGroup::kCompute; }
double SharedSigma(int j) { return CoefTable()[static_cast<size_t>(j)].shared_sigma; }
double BoardSigma(int j) { return CoefTable()[static_cast<size_t>(j)].board_sigma; }

// Parameter layout: log c[b][j] = log prior[b][j] + s[j] + a[b] * compute(j) + e[b][j].
// An index of -1 is a parameter held at 0 (no row depends on it).
struct Layout {
  std::vector<const BoardCoefficients*> priors;            // per board b
  std::vector<std::vector<const Sample*>> samples;          // per board b
  std::vector<std::array<int, kNumCoefs>> rows_informing;   // per board b
  std::array<int, kNumCoefs> shared{};                      // s[j]
  std::vector<int> scale;                                   // a[b]
  std::vector<std::array<int, kNumCoefs>> deviation;        // e[b][j]
  std::vector<double> sigma;                                // prior spread per parameter
};

Terms RowGradient(const Sample& s, const CoefValues& coefs) {
  Terms g{};
  for (const OpTerms& op : s.terms) {
    const Terms t = Gradient(op, coefs);
    for (size_t j = 0; j < g.size(); ++j) g[j] += t[j];
  }
  return g;
}

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

int AddParam(Layout* layout, double sigma) {
  layout->sigma.push_back(sigma);
  return static_cast<int>(layout->sigma.size()) - 1;
}

Layout MakeLayout(const std::map<std::string, std::vector<const Sample*>>& by_board,
                  const CoefficientFile& priors) {
  Layout l;
  l.shared.fill(-1);
  for (const auto& [board, bc] : priors) {
    const auto it = by_board.find(board);
    l.priors.push_back(&bc);
    l.samples.push_back(it == by_board.end() ? std::vector<const Sample*>{} : it->second);
    l.rows_informing.push_back(InformingRows(l.samples.back(), bc.prior));
  }
  for (int j = 0; j < kNumCoefs; ++j) {
    const bool any = std::any_of(l.rows_informing.begin(), l.rows_informing.end(),
                                 [j](const auto& rows) { return rows[j] > 0; });
    if (any) l.shared[j] = AddParam(&l, SharedSigma(j));
  }
  for (size_t b = 0; b < l.priors.size(); ++b) {
    l.scale.push_back(l.samples[b].empty() ? -1 : AddParam(&l, kBoardScaleSigma));
    std::array<int, kNumCoefs> dev;
    for (int j = 0; j < kNumCoefs; ++j) {
      dev[j] = l.rows_informing[b][j] > 0 ? AddParam(&l, BoardSigma(j)) : -1;
    }
    l.deviation.push_back(dev);
  }
  return l;
}

double At(const Eigen::VectorXd& theta, int index) { return index < 0 ? 0.0 : theta[index]; }

double LogOffset(const Layout& l, size_t b, int j, const Eigen::VectorXd& theta) {
  return At(theta, l.shared[j]) + (IsCompute(j) ? At(theta, l.scale[b]) : 0.0) +
         At(theta, l.deviation[b][j]);
}

CoefValues Values(const Layout& l, size_t b, const Eigen::VectorXd& theta) {
  CoefValues v = l.priors[b]->prior;
  for (int j = 0; j < kNumCoefs; ++j) v[j] *= std::exp(LogOffset(l, b, j, theta));
  return v;
}

// d(log c[b][j]) / d(theta): the parameters it depends on (each with derivative 1).
void AddChain(const Layout& l, size_t b, int j, double weight, Eigen::VectorXd* row) {
  for (const int index : {l.shared[j], IsCompute(j) ? l.scale[b] : -1, l.deviation[b][j]}) {
    if (index >= 0) (*row)[index] += weight;
  }
}

// Residuals (rows, parameter priors, ordering hinges) and their Jacobian at theta.
struct Linearised {
  Eigen::MatrixXd jac;
  Eigen::VectorXd res;
};

Linearised Linearise(const Layout& l, const Eigen::VectorXd& theta) {
  const int n = static_cast<int>(theta.size());
  std::vector<Eigen::VectorXd> rows;
  std::vector<double> res;
  for (size_t b = 0; b < l.priors.size(); ++b) {
    const CoefValues c = Values(l, b, theta);
    for (const Sample* s : l.samples[b]) {
      const Terms g = RowGradient(*s, c);
      const double y = s->row.latency_ms * 1e-3 * s->clock_hz;
      Eigen::VectorXd row = Eigen::VectorXd::Zero(n);
      for (int j = 0; j < kNumCoefs; ++j) AddChain(l, b, j, g[j] * c[j] / (y * kRowSigma), &row);
      rows.push_back(row);
      res.push_back((Dot(g, c) - y) / (y * kRowSigma));
    }
    if (l.samples[b].empty()) continue;
    for (size_t k = 0; k + 1 < std::size(kOrderedClasses); ++k) {
      const int lo = kOrderedClasses[k], hi = kOrderedClasses[k + 1];
      const double gap = std::log(c[hi] / c[lo]);
      if (gap >= kOrderMargin) continue;
      Eigen::VectorXd row = Eigen::VectorXd::Zero(n);
      AddChain(l, b, hi, 1 / kOrderSigma, &row);
      AddChain(l, b, lo, -1 / kOrderSigma, &row);
      rows.push_back(row);
      res.push_back((gap - kOrderMargin) / kOrderSigma);
    }
  }
  for (int k = 0; k < n; ++k) {
    Eigen::VectorXd row = Eigen::VectorXd::Zero(n);
    row[k] = 1 / l.sigma[static_cast<size_t>(k)];
    rows.push_back(row);
    res.push_back(theta[k] / l.sigma[static_cast<size_t>(k)]);
  }
  Linearised out{Eigen::MatrixXd(static_cast<int>(rows.size()), n),
                 Eigen::VectorXd(static_cast<int>(rows.size()))};
  for (size_t i = 0; i < rows.size(); ++i) {
    out.jac.row(static_cast<int>(i)) = rows[i].transpose();
    out.res[static_cast<int>(i)] = res[i];
  }
  return out;
}

// Levenberg-Marquardt on the residuals of Linearise; the hinge and the per-part max() are
// re-linearised each step.
Eigen::VectorXd Solve(const Layout& l) {
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(static_cast<int>(l.sigma.size()));
  if (theta.size() == 0) return theta;
  Linearised lin = Linearise(l, theta);
  double best = lin.res.squaredNorm();
  double damping = 1e-3;
  for (int it = 0; it < kIterations; ++it) {
    Eigen::MatrixXd normal = lin.jac.transpose() * lin.jac;
    normal.diagonal().array() += damping;
    const Eigen::VectorXd trial = theta - normal.ldlt().solve(lin.jac.transpose() * lin.res);
    Linearised next = Linearise(l, trial);
    const double value = next.res.squaredNorm();
    if (std::isfinite(value) && value < best) {
      const bool converged = best - value < 1e-10 * (1 + best);
      theta = trial;
      lin = std::move(next);
      best = value;
      damping = std::max(1e-7, damping / 3);
      if (converged) break;
    } else {
      damping *= 4;
    }
  }
  return theta;
}

// One family's (or, with family "", every board's) correction under `runtime`: the shared
// correction s[j], plus the mean compute scale a[b] of the family's (every) boards with rows.
// The shared correction takes the mean a[b] too: a[b] has a zero-mean prior, so the fit splits a
// compute offset common to all boards between s[j] and the a[b]; s[j] alone under-predicts an
// unseen board (leave-one-board-out on data/latency/paper.csv: 27.5 % MAPE with s[j] alone,
// 10.5 % with the mean a[b]; lib/latency/README.md).
void AddCorrection(const Layout& l, const Eigen::VectorXd& theta, const std::string& family,
                   const std::string& runtime, CoefficientFile* out) {
  Correction c;
  c.family = family;
  c.runtime = runtime;
  double scale_sum = 0;
  int boards = 0;
  for (size_t b = 0; b < l.priors.size(); ++b) {
    const BoardCoefficients& p = *l.priors[b];
    if (l.samples[b].empty() || p.runtime != runtime || (!family.empty() && p.core != family)) {
      continue;
    }
    c.calibration_rows += static_cast<int>(l.samples[b].size());
    c.boards += (c.boards.empty() ? "" : ", ") + p.board;
    scale_sum += At(theta, l.scale[b]);
    ++boards;
  }
  if (boards == 0) return;
  const double scale = scale_sum / boards;
  for (int j = 0; j < kNumCoefs; ++j) {
    c.multiplier[j] = std::exp(At(theta, l.shared[j]) + (IsCompute(j) ? scale : 0.0));
  }
  out->corrections[CorrectionKey(family, runtime)] = c;
}

}  // namespace

CoefficientFile FitBoards(const std::vector<const Sample*>& samples,
                          const CoefficientFile& priors) {
  std::map<std::string, std::vector<const Sample*>> by_board;
  for (const Sample* s : samples) by_board[s->row.CoefficientKey()].push_back(s);
  const Layout layout = MakeLayout(by_board, priors);
  const Eigen::VectorXd theta = Solve(layout);
  CoefficientFile out;
  auto key = priors.begin();  // layout.priors follows the order of `priors`
  for (size_t b = 0; b < layout.priors.size(); ++b, ++key) {
    BoardCoefficients bc = *layout.priors[b];
    bc.value = Values(layout, b, theta);
    bc.rows_informing = layout.rows_informing[b];
    bc.calibration_rows = static_cast<int>(layout.samples[b].size());
    out[key->first] = bc;
    if (!layout.samples[b].empty()) {
      AddCorrection(layout, theta, "", bc.runtime, &out);
      if (!bc.core.empty()) AddCorrection(layout, theta, bc.core, bc.runtime, &out);
    }
  }
  return out;
}

double PredictMs(const Sample& sample, const CoefValues& coefs) {
  double cycles = 0;
  for (const OpTerms& op : sample.terms) cycles += Dot(Gradient(op, coefs), coefs);
  return cycles * 1e3 / sample.clock_hz;
}

}  // namespace latency
