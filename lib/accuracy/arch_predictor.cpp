// The per-stage accuracy predictor: reading arch_accuracy_public.csv, the linear one-hot model,
// its ridge fit, fixed-fold cross-validation and Kendall tau.

#include "accuracy/arch_predictor.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Dense>
#include <fmt/format.h>

#include "accuracy/csv.h"
#include "util/file.h"

namespace accuracy {
namespace {

constexpr int kKernels[] = {3, 5, 7};
constexpr int kExpands[] = {3, 4, 6};
constexpr int kOneHotFeatures = 1 + 20 * 6 + 5 + 2;  // intercept, k/e one-hots, depths, ln M, ln P
constexpr double kRidge = 1e-3;                      // search.md §5

template <size_t N>
bool ReadInts(const std::string& text, std::array<int, N>* out) {
  size_t i = 0, start = 0;
  while (start <= text.size() && i < N) {
    const size_t comma = std::min(text.find(',', start), text.size());
    double v = 0;
    if (!ParseNumber(text.substr(start, comma - start), &v)) return false;
    (*out)[i++] = static_cast<int>(v);
    start = comma + 1;
  }
  return i == N && start > text.size();
}

}  // namespace

std::vector<double> ArchFeatures(const ArchQuery& q, bool one_hot) {
  std::vector<double> x{1.0};
  if (one_hot) {
    for (size_t s = 0; s < 20; ++s) {
      for (int k : kKernels) x.push_back(q.kernels[s] == k ? 1 : 0);
      for (int e : kExpands) x.push_back(q.expands[s] == e ? 1 : 0);
    }
    for (int d : q.depths) x.push_back(d);
  }
  x.push_back(std::log(q.macs_m));
  x.push_back(std::log(q.params_m));
  return x;
}

namespace {

ArchDomain DomainOf(const std::vector<ArchRow>& rows) {
  ArchDomain d{rows.front().macs_m, rows.front().macs_m, rows.front().resolution, rows.front().resolution};
  for (const ArchRow& r : rows) {
    d.macs_min_m = std::min(d.macs_min_m, r.macs_m), d.macs_max_m = std::max(d.macs_max_m, r.macs_m);
    d.resolution_min = std::min(d.resolution_min, r.resolution);
    d.resolution_max = std::max(d.resolution_max, r.resolution);
  }
  return d;
}

}  // namespace

util::Result<std::vector<ArchRow>> ReadArchRows(const std::string& path) {
  auto text = util::ReadFile(path, "architecture accuracy table");
  if (!text) return text.error();
  tomlspec::Context ctx(path, *text);
  auto table = ParseCsv(*text, ctx);
  if (!table) return table.error();
  const CsvColumns columns(*table, {"row_kind", "model_id", "resolution", "stage_depths", "ks20",
                                    "e20", "macs_m", "params_m", "top1", "precision"}, ctx);
  if (!ctx.ok()) return ctx.ToError();
  auto cell = [&](const CsvRow& row, const char* name) -> const std::string& {
    return row.cells[*columns.Find(name)].text;
  };
  std::vector<ArchRow> rows;
  for (const CsvRow& row : table->rows) {
    ArchRow r;
    r.line = row.line;
    r.kind = cell(row, "row_kind"), r.model_id = cell(row, "model_id");
    r.precision = cell(row, "precision");
    double resolution = 0;
    bool ok = ParseNumber(cell(row, "resolution"), &resolution) &&
              ParseNumber(cell(row, "macs_m"), &r.macs_m) && r.macs_m > 0 &&
              ParseNumber(cell(row, "params_m"), &r.params_m) && r.params_m > 0 &&
              ParseNumber(cell(row, "top1"), &r.top1_pct);
    r.resolution = static_cast<int>(resolution);
    if (!cell(row, "stage_depths").empty()) {
      ok = ok && ReadInts(cell(row, "stage_depths"), &r.depths) &&
           ReadInts(cell(row, "ks20"), &r.kernels) && ReadInts(cell(row, "e20"), &r.expands);
    }
    if (!ok) {
      ctx.Error(row.line, 1, "a row needs numeric resolution, macs_m, params_m and top1, and "
                             "5 stage_depths, 20 ks20 and 20 e20 values when given");
      continue;
    }
    rows.push_back(r);
  }
  if (!ctx.ok()) return ctx.ToError();
  return rows;
}

ArchQuery QueryOf(const ArchRow& row) {
  return ArchQuery{row.depths, row.kernels, row.expands, row.resolution, row.macs_m, row.params_m};
}

ArchModel FitArchModel(const std::vector<ArchRow>& rows, bool one_hot, const std::string& regime) {
  const int n = static_cast<int>(rows.size());
  const int p = one_hot ? kOneHotFeatures : 3;
  Eigen::MatrixXd x(n, p);
  Eigen::VectorXd y(n);
  for (int i = 0; i < n; ++i) {
    const std::vector<double> f = ArchFeatures(QueryOf(rows[static_cast<size_t>(i)]), one_hot);
    for (int j = 0; j < p; ++j) x(i, j) = f[static_cast<size_t>(j)];
    y(i) = rows[static_cast<size_t>(i)].top1_pct;
  }
  Eigen::MatrixXd gram = x.transpose() * x;
  for (int j = 1; j < p; ++j) gram(j, j) += kRidge;
  const Eigen::VectorXd beta = gram.ldlt().solve(x.transpose() * y);
  ArchModel model{one_hot, regime, std::vector<double>(beta.data(), beta.data() + p), DomainOf(rows)};
  return model;
}

ArchPrediction PredictArch(const ArchModel& model, const ArchQuery& query) {
  const std::vector<double> f = ArchFeatures(query, model.one_hot);
  double top1 = 0;
  for (size_t j = 0; j < f.size(); ++j) top1 += model.coefficients[j] * f[j];
  const ArchDomain& d = model.domain;
  const bool outside = query.macs_m < d.macs_min_m || query.macs_m > d.macs_max_m ||
                       query.resolution < d.resolution_min || query.resolution > d.resolution_max;
  return ArchPrediction{top1, model.regime, d, outside};
}

std::string ArchPrediction::Describe() const {
  const std::string res = domain.resolution_min == domain.resolution_max
                              ? fmt::format("r{}", domain.resolution_min)
                              : fmt::format("r{}-{}", domain.resolution_min, domain.resolution_max);
  return fmt::format("{:.1f} % ({}; fitted {:.0f}-{:.0f} M MACs, {}{})", top1_pct, regime,
                     domain.macs_min_m, domain.macs_max_m, res, extrapolated ? "; extrapolated" : "");
}

double KendallTau(const std::vector<double>& a, const std::vector<double>& b) {
  double concordant = 0, discordant = 0, ties_a = 0, ties_b = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = i + 1; j < a.size(); ++j) {
      const double da = a[i] - a[j], db = b[i] - b[j];
      if (da == 0 && db == 0) continue;
      if (da == 0) ties_a += 1;
      else if (db == 0) ties_b += 1;
      else if ((da > 0) == (db > 0)) concordant += 1;
      else discordant += 1;
    }
  }
  const double denom = std::sqrt((concordant + discordant + ties_a) * (concordant + discordant + ties_b));
  return denom > 0 ? (concordant - discordant) / denom : 0;
}

ArchCv CrossValidate(const std::vector<ArchRow>& rows, bool one_hot, int folds) {
  std::vector<double> predicted(rows.size()), measured(rows.size());
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<ArchRow> train;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (static_cast<int>(i % static_cast<size_t>(folds)) != fold) train.push_back(rows[i]);
    }
    const ArchModel model = FitArchModel(train, one_hot, "");
    for (size_t i = static_cast<size_t>(fold); i < rows.size(); i += static_cast<size_t>(folds)) {
      predicted[i] = PredictArch(model, QueryOf(rows[i])).top1_pct;
      measured[i] = rows[i].top1_pct;
    }
  }
  ArchCv cv;
  cv.rows = static_cast<int>(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    cv.mae_pct += std::abs(predicted[i] - measured[i]) / cv.rows;
    cv.rmse_pct += (predicted[i] - measured[i]) * (predicted[i] - measured[i]) / cv.rows;
  }
  cv.rmse_pct = std::sqrt(cv.rmse_pct);
  cv.kendall_tau = KendallTau(predicted, measured);
  return cv;
}

namespace {

std::vector<double> ResidualFeatures(const ArchQuery& q, bool one_hot) {
  std::vector<double> f = ArchFeatures(q, one_hot);
  f.push_back(std::log(q.resolution));
  return f;
}

// Ridge fit of residuals r on features x with `lambda` on every column but the intercept, and
// its exact leave-one-out MAE (e_i / (1 - h_ii), h the hat matrix's diagonal).
std::pair<Eigen::VectorXd, double> RidgeLoo(const Eigen::MatrixXd& x, const Eigen::VectorXd& r, double lambda) {
  Eigen::MatrixXd gram = x.transpose() * x;
  for (Eigen::Index j = 1; j < gram.rows(); ++j) gram(j, j) += lambda;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt = gram.ldlt();
  const Eigen::VectorXd delta = ldlt.solve(x.transpose() * r);
  const Eigen::MatrixXd solved = ldlt.solve(x.transpose());  // (X'X + L)^-1 X'
  double loo = 0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double h = x.row(i).dot(solved.col(i));
    loo += std::abs((r(i) - x.row(i).dot(delta)) / std::max(1 - h, 1e-9)) / static_cast<double>(x.rows());
  }
  return {delta, loo};
}

}  // namespace

ArchResidual FitResidual(const ArchModel& prior, const std::vector<ArchQuery>& queries,
                         const std::vector<double>& top1_pct) {
  ArchResidual out;
  out.rows = static_cast<int>(queries.size());
  if (queries.empty()) return out;
  const Eigen::Index n = out.rows;
  const Eigen::Index p = static_cast<Eigen::Index>(ResidualFeatures(queries.front(), prior.one_hot).size());
  Eigen::MatrixXd x(n, p);
  Eigen::VectorXd r(n);
  double mean = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::vector<double> f = ResidualFeatures(queries[static_cast<size_t>(i)], prior.one_hot);
    for (Eigen::Index j = 0; j < p; ++j) x(i, j) = f[static_cast<size_t>(j)];
    r(i) = top1_pct[static_cast<size_t>(i)] - PredictArch(prior, queries[static_cast<size_t>(i)]).top1_pct;
    mean += r(i) / static_cast<double>(n);
  }
  // The offset alone: leave-one-out residual of row i is r_i - mean of the others.
  double offset_loo = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    offset_loo += n > 1 ? std::abs(r(i) - mean) * static_cast<double>(n) / static_cast<double>(n - 1) / static_cast<double>(n) : 0;
  }
  out.delta.assign(static_cast<size_t>(p), 0.0);
  out.delta[0] = mean;
  out.lambda = std::numeric_limits<double>::infinity();
  out.loo_mae_pct = out.offset_loo_mae_pct = offset_loo;
  if (out.rows < kMinResidualRows) return out;
  for (double lambda : kResidualLambdas) {  // ascending: a later (stronger) one wins ties
    const auto [delta, loo] = RidgeLoo(x, r, lambda);
    if (loo >= out.loo_mae_pct) continue;
    out.delta.assign(delta.data(), delta.data() + p);
    out.lambda = lambda;
    out.loo_mae_pct = loo;
  }
  return out;
}

double ArchResidual::Apply(const ArchQuery& query, bool one_hot) const {
  if (delta.empty()) return 0;
  const std::vector<double> f = ResidualFeatures(query, one_hot);
  double sum = 0;
  for (size_t j = 0; j < f.size() && j < delta.size(); ++j) sum += delta[j] * f[j];
  return sum;
}

std::string ArchResidual::Describe() const {
  if (std::isinf(lambda)) {
    return fmt::format("offset {:+.2f} pt refitted on {} measured{}", delta.empty() ? 0.0 : delta[0], rows,
                       rows > 1 ? fmt::format(" (LOO MAE {:.2f} pt)", offset_loo_mae_pct) : "");
  }
  return fmt::format("ridge residual (shrinkage {:g}) refitted on {} measured (LOO MAE {:.2f} pt; offset alone "
                     "{:.2f} pt)", lambda, rows, loo_mae_pct, offset_loo_mae_pct);
}

static std::vector<ArchRow> RowsOfKind(const std::vector<ArchRow>& rows, const std::string& kind,
                                const std::string& precision) {
  std::vector<ArchRow> out;
  for (const ArchRow& r : rows) {
    if ((kind.empty() ? r.kind != "dynast_ofa_supernet" : r.kind == kind) &&
        (precision.empty() || r.precision == precision)) {
      out.push_back(r);
    }
  }
  return out;
}

std::vector<std::string> ArchFitReport(const std::vector<ArchRow>& rows) {
  std::vector<std::string> lines;
  const std::vector<ArchRow> ofa = RowsOfKind(rows, "dynast_ofa_supernet", "");
  const std::vector<ArchRow> trained = RowsOfKind(rows, "", "fp32");
  lines.push_back("per-stage predictor (arch_accuracy_public.csv; folds: row i in fold i % k):");
  const ArchCv one_hot = CrossValidate(ofa, true, 5), ln_only = CrossValidate(ofa, false, 5);
  lines.push_back(fmt::format("  supernet weights, OFA-MBv3 rows ({}): one-hot 5-fold CV MAE {:.3f} pt, "
                              "RMSE {:.3f} pt, Kendall tau {:.3f}; ln MACs + ln params only: MAE "
                              "{:.3f} pt, tau {:.3f}", one_hot.rows, one_hot.mae_pct, one_hot.rmse_pct,
                              one_hot.kendall_tau, ln_only.mae_pct, ln_only.kendall_tau));
  const ArchCv loo = CrossValidate(trained, false, static_cast<int>(trained.size()));
  lines.push_back(fmt::format("  trained, MCUNet zoo + ProxylessNAS fp32 rows ({}): ln MACs + ln params "
                              "leave-one-out MAE {:.2f} pt, Kendall tau {:.3f}", loo.rows, loo.mae_pct,
                              loo.kendall_tau));
  const ArchModel supernet = FitArchModel(ofa, false, "supernet weights");
  double zoo_error = 0;
  const std::vector<ArchRow> zoo = RowsOfKind(rows, "mcunet_zoo", "fp32");
  for (const ArchRow& r : zoo) zoo_error += std::abs(PredictArch(supernet, QueryOf(r)).top1_pct - r.top1_pct) / zoo.size();
  lines.push_back(fmt::format("  MCUNet zoo fp32 rows ({}) under the supernet-weights ln model "
                              "(extrapolated, other regime): MAE {:.2f} pt", zoo.size(), zoo_error));
  return lines;
}

}  // namespace accuracy
