#include "explore/runtime_fit.h"
#include "explore/vocabulary.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "explore/calibration.h"
#include "explore/measurement_files.h"
#include "explore/runtime_interval.h"
#include "latency/interval.h"
#include "latency/model.h"

namespace explore {
namespace {

constexpr int kGroups = kernels::kNumOpGroups;
constexpr int kSteps = 40;

// Solves a x = b (kGroups x kGroups, symmetric positive definite after the shrinkage) by
// Gaussian elimination with partial pivoting.
std::array<double, kGroups> Solve(std::array<std::array<double, kGroups>, kGroups> a,
                                  std::array<double, kGroups> b) {
  for (int c = 0; c < kGroups; ++c) {
    int pivot = c;
    for (int r = c + 1; r < kGroups; ++r) {
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    }
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    for (int r = c + 1; r < kGroups; ++r) {
      const double m = a[r][c] / a[c][c];
      for (int k = c; k < kGroups; ++k) a[r][k] -= m * a[c][k];
      b[r] -= m * b[c];
    }
  }
  std::array<double, kGroups> x{};
  for (int r = kGroups - 1; r >= 0; --r) {
    double sum = b[r];
    for (int k = r + 1; k < kGroups; ++k) sum -= a[r][k] * x[k];
    x[r] = sum / a[r][r];
  }
  return x;
}

kernels::GroupFactors Exp(const std::array<double, kGroups>& log_f) {
  kernels::GroupFactors f{};
  for (int g = 0; g < kGroups; ++g) f[g] = std::exp(log_f[g]);
  return f;
}

// The log level c of `shape` (1-D Gauss-Newton): rows' log residuals of
// fixed + e^c sum_g shape_g x group_ms_g, plus level_weight x c^2. With shape 1 and no weight,
// the log of the best single factor.
double LogLevel(const std::vector<PredictedRow>& rows, const kernels::GroupFactors& shape,
                double level_weight) {
  double c = 0;
  for (int step = 0; step < kSteps; ++step) {
    double jtj = level_weight, jtr = level_weight * c;
    for (const PredictedRow& r : rows) {
      double scaled = 0;
      for (int g = 0; g < kGroups; ++g) scaled += std::exp(c) * shape[g] * r.prediction.group_ms[g];
      const double total = r.prediction.fixed_ms + scaled;
      const double j = scaled / total;
      jtj += j * j;
      jtr += j * (std::log(total) - std::log(r.row.latency_ms));
    }
    if (jtj <= 0) break;
    c -= jtr / jtj;
  }
  return c;
}

// A predicted row: prediction, measurement, whether the measurement is inside the interval.
struct Scored {
  double predicted_ms = 0, measured_ms = 0;
  bool covered = false;
};

double Mape(const std::vector<Scored>& rows) {
  double sum = 0;
  for (const Scored& r : rows) sum += std::abs(r.predicted_ms - r.measured_ms) / r.measured_ms;
  return rows.empty() ? 0 : 100 * sum / rows.size();
}

RuntimeBoardOut Cell(const std::string& runtime, const std::string& board,
                     const std::vector<Scored>& model, const std::vector<Scored>& base,
                     const std::string& with) {
  int covered = 0;
  for (const Scored& r : model) covered += r.covered ? 1 : 0;
  return {runtime, board, static_cast<int>(model.size()), Mape(model),
          base.empty() ? std::nullopt : std::optional(Mape(base)), with,
          model.empty() ? 0 : 100.0 * covered / model.size()};
}

// k (cycles per MAC) of latency = k x MACs / clock, by relative least squares over `rows`.
std::optional<double> FitK(const std::vector<const PredictedRow*>& rows) {
  double num = 0, den = 0;
  for (const PredictedRow* r : rows) {
    const double x = r->macs / r->clock_hz * 1e3 / r->row.latency_ms;  // ms per (k = 1) / measured
    num += x;
    den += x * x;
  }
  if (den <= 0) return std::nullopt;
  return num / den;
}

}  // namespace

const kernels::RuntimePrior* RegisteredPrior(const std::string& runtime_id) {
  auto runtime = kernels::FindRuntime(runtime_id);
  if (!runtime) return nullptr;
  const auto* data = dynamic_cast<const kernels::DataRuntime*>(*runtime);
  if (data == nullptr || !data->spec().prior) return nullptr;
  return &*data->spec().prior;
}

double GroupPull(const kernels::RuntimePrior* prior) {
  return prior ? std::pow(kRowLogSigma / prior->log_spread, 2) : kFactorShrinkage;
}

double GroupedPrediction::Total(const kernels::GroupFactors& factors) const {
  double total = fixed_ms;
  for (int g = 0; g < kGroups; ++g) total += factors[g] * group_ms[g];
  return total;
}

std::vector<PredictedRow> PredictRows(const std::vector<latency::Sample>& samples,
                                      const hw::Catalog& boards,
                                      const latency::CoefficientFile& coefficients) {
  std::vector<PredictedRow> out;
  for (const latency::Sample& s : samples) {
    const latency::BoardCoefficients coefs = latency::CoefficientsFor(
        *boards.Find(s.row.board), coefficients, kernels::kDefaultRuntime);
    const latency::Estimate e = latency::Evaluate(s.terms, s.clock_hz, coefs);
    PredictedRow row{s.row, {}, s.macs, s.clock_hz,
                     std::log(e.latency_ms_high / e.latency_ms) / latency::kInterval80Z};
    const double ms_per_cycle = 1e3 / s.clock_hz;
    for (size_t i = 0; i < e.ops.size(); ++i) {
      const double dispatch =
          s.terms[i].compute[latency::kDispatchCycles] * coefs.value[latency::kDispatchCycles];
      const int g = static_cast<int>(kernels::GroupOf(e.ops[i].kernel));
      row.prediction.fixed_ms += dispatch * ms_per_cycle;
      row.prediction.group_ms[g] += (e.ops[i].total_cycles - dispatch) * ms_per_cycle;
    }
    out.push_back(std::move(row));
  }
  return out;
}

FactorFit FitFactors(const std::vector<PredictedRow>& rows, double shrinkage,
                     const kernels::RuntimePrior* prior) {
  FactorFit fit;
  fit.rows = static_cast<int>(rows.size());
  const kernels::GroupFactors shape = prior ? prior->factors : kernels::GroupFactors{1, 1, 1, 1, 1};
  if (rows.empty()) {
    fit.factors = shape;
    fit.from_prior = prior != nullptr;
    return fit;
  }
  const double level_weight =
      prior ? std::pow(kRowLogSigma / prior->log_spread, 2) : 0.0;
  const double level = LogLevel(rows, shape, level_weight);
  fit.single_factor = std::exp(level);
  std::array<double, kGroups> anchor, log_f;
  for (int g = 0; g < kGroups; ++g) anchor[g] = log_f[g] = std::log(shape[g]) + level;
  for (int step = 0; step < kSteps; ++step) {
    std::array<std::array<double, kGroups>, kGroups> a{};
    std::array<double, kGroups> b{};
    const kernels::GroupFactors f = Exp(log_f);
    for (const PredictedRow& r : rows) {
      const double total = r.prediction.Total(f);
      const double residual = std::log(total) - std::log(r.row.latency_ms);
      std::array<double, kGroups> j{};
      for (int g = 0; g < kGroups; ++g) j[g] = f[g] * r.prediction.group_ms[g] / total;
      for (int g = 0; g < kGroups; ++g) {
        b[g] -= j[g] * residual;
        for (int h = 0; h < kGroups; ++h) a[g][h] += j[g] * j[h];
      }
    }
    for (int g = 0; g < kGroups; ++g) {
      a[g][g] += shrinkage;
      b[g] -= shrinkage * (log_f[g] - anchor[g]);
    }
    const auto delta = Solve(a, b);
    for (int g = 0; g < kGroups; ++g) log_f[g] += delta[g];
  }
  fit.factors = Exp(log_f);
  return fit;
}

PublicLeaveBoardOut LeaveBoardsOutByRuntime(const std::vector<PredictedRow>& rows,
                                            const std::vector<latency::Sample>& samples,
                                            const hw::Catalog& boards,
                                            const latency::LeaveBoardOut& tflm) {
  PublicLeaveBoardOut out;
  std::vector<Scored> tflm_all, other_all, tflm_base, other_base, moved, moved_base;
  for (const latency::BoardOutRow& r : tflm.rows) {
    tflm_all.push_back({r.predicted_ms, r.row.latency_ms, r.Covered()});
    if (r.baseline_ms) tflm_base.push_back({*r.baseline_ms, r.row.latency_ms, false});
  }
  for (const latency::BoardOutSummary& s : tflm.boards) {
    out.cells.push_back({"tflm-cmsis-nn", s.board, s.rows, s.mape_pct, s.baseline_mape_pct,
                         s.provenance, s.coverage_pct});
  }
  out.tflm_overall = Cell("tflm-cmsis-nn", "all", tflm_all, tflm_base, "");
  out.cells.push_back(out.tflm_overall);
  std::set<std::string> runtimes;
  for (const PredictedRow& r : rows) {
    if (r.row.runtime != kernels::kDefaultRuntime) runtimes.insert(r.row.runtime);
  }
  std::map<std::string, std::vector<PredictedRow>> fold_rows;  // per board with a fold fit
  for (const auto& [board, fit] : tflm.fold_fits) {
    fold_rows.emplace(board, PredictRows(samples, boards, fit));
  }
  for (const std::string& runtime : runtimes) {
    const kernels::RuntimePrior* prior = RegisteredPrior(runtime);
    std::set<std::string> runtime_boards;
    for (const PredictedRow& r : rows) {
      if (r.row.runtime == runtime) runtime_boards.insert(r.row.board);
    }
    std::vector<Scored> rt_all, rt_base;
    for (const std::string& board : runtime_boards) {
      const auto fold = fold_rows.find(board);
      const std::vector<PredictedRow>& in_fold = fold == fold_rows.end() ? rows : fold->second;
      std::vector<PredictedRow> train;
      std::vector<const PredictedRow*> k_same, k_any, test;
      for (const PredictedRow& r : in_fold) {
        if (r.row.board == board) {
          if (r.row.runtime == runtime) test.push_back(&r);
          continue;
        }
        k_any.push_back(&r);
        if (r.row.runtime == runtime) {
          train.push_back(r);
          k_same.push_back(&r);
        }
      }
      const FactorFit fit = FitFactors(train, GroupPull(prior), prior);
      const std::optional<double> k = FitK(k_same.empty() ? k_any : k_same);
      std::vector<Scored> model, base;
      for (const PredictedRow* r : test) {
        const double predicted = r->prediction.Total(fit.factors);
        const double measured = r->row.latency_ms;
        model.push_back({predicted, measured, false});  // covered: SetRuntimeIntervals
        out.rows.push_back({runtime, board, predicted, measured});
        if (k) base.push_back({*k * r->macs / r->clock_hz * 1e3, measured, false});
      }
      rt_all.insert(rt_all.end(), model.begin(), model.end());
      rt_base.insert(rt_base.end(), base.begin(), base.end());
      const std::string with =
          !train.empty() ? fmt::format("factors fitted on {} rows of other boards", train.size())
          : fit.from_prior ? "prior (no other board has rows of this runtime)"
                           : "factor 1 (no other board has rows of this runtime)";
      out.cells.push_back(Cell(runtime, board, model, base, with));
    }
    out.cells.push_back(Cell(runtime, "all", rt_all, rt_base, ""));
    other_all.insert(other_all.end(), rt_all.begin(), rt_all.end());
    other_base.insert(other_base.end(), rt_base.begin(), rt_base.end());
    if (runtime_boards.size() < 2) continue;
    moved.insert(moved.end(), rt_all.begin(), rt_all.end());
    moved_base.insert(moved_base.end(), rt_base.begin(), rt_base.end());
  }
  out.other_overall = Cell("other", "all", other_all, other_base, "");
  out.other_transferred = Cell("other, 2+ boards", "all", moved, moved_base, "");
  SetRuntimeIntervals(rows, tflm, &out);
  return out;
}

std::string PublicLeaveBoardOutText(const PublicLeaveBoardOut& lobo) {
  std::string out = fmt::format("{:<18} {:<6} {:>4} {:>8} {:>9} {:>7} {:>6}  {}\n", "runtime",
                                "board", "rows", "model", "MACs x k", "in 80%", "hi/lo",
                                "predicted with");
  auto line = [](const RuntimeBoardOut& c) {
    return fmt::format("{:<18} {:<6} {:>4} {:>7.1f}% {:>9} {:>6.0f}% {:>6.2f}  {}\n", c.runtime,
                       c.board, c.rows, c.mape_pct,
                       c.baseline_mape_pct ? fmt::format("{:.1f}%", *c.baseline_mape_pct) : "-",
                       c.coverage_pct, c.mean_interval_ratio, c.predicted_with);
  };
  for (const RuntimeBoardOut& c : lobo.cells) out += line(c);
  out += "\n" + line(lobo.tflm_overall) + line(lobo.other_overall) + line(lobo.other_transferred);
  return out;
}

nlohmann::json PublicLeaveBoardOutJson(const PublicLeaveBoardOut& lobo) {
  auto cell = [](const RuntimeBoardOut& c) {
    nlohmann::json j = {{"runtime", c.runtime}, {"board", c.board}, {"rows", c.rows},
                        {"mape_pct", c.mape_pct}, {"baseline_mape_pct", nullptr},
                        {"predicted_with", c.predicted_with},
                        {"interval_coverage_pct", c.coverage_pct},
                        {"interval_ratio", c.mean_interval_ratio}};
    if (c.baseline_mape_pct) j["baseline_mape_pct"] = *c.baseline_mape_pct;
    return j;
  };
  nlohmann::json cells = nlohmann::json::array();
  for (const RuntimeBoardOut& c : lobo.cells) cells.push_back(cell(c));
  return {{"cells", cells}, {"tflm_cmsis_nn", cell(lobo.tflm_overall)},
          {"other_runtimes", cell(lobo.other_overall)},
          {"other_runtimes_transferred", cell(lobo.other_transferred)}};
}

std::string RuntimesListText() {
  std::string out;
  for (const kernels::Runtime* r : kernels::Runtimes()) {
    const bool is_default = r->id() == kernels::kDefaultRuntime;
    out += fmt::format("{:<18} {}{}\n", r->id(), r->title(), is_default ? " (default)" : "");
    out += fmt::format("{:<18} interpreter {}, kernels {}\n", "", r->build().interpreter,
                       r->build().kernels);
    if (!r->source().empty()) {
      out += fmt::format("{:<18} fitted to {} public rows; {}\n", "", r->fitted_rows(),
                         r->source());
    }
  }
  return out;
}

nlohmann::json RuntimesListJson() {
  nlohmann::json out = nlohmann::json::array();
  for (const kernels::Runtime* r : kernels::Runtimes()) {
    out.push_back({{"id", r->id()}, {"title", r->title()},
                   {"default", r->id() == kernels::kDefaultRuntime}, {"source", r->source()},
                   {"fitted_rows", r->fitted_rows()}, {"arena_layout", r->arena_layout()},
                   {"interpreter", r->build().interpreter}, {"kernels", r->build().kernels}});
  }
  return out;
}

}  // namespace explore

namespace explore {

util::Result<kernels::RuntimeSpec> RefitRuntime(const std::vector<PredictedRow>& rows,
                                                const std::string& runtime_id) {
  auto runtime = kernels::FindRuntime(runtime_id);
  if (!runtime) return runtime.error();
  const auto* data = dynamic_cast<const kernels::DataRuntime*>(*runtime);
  if (data == nullptr) {
    return util::InputError(fmt::format(
        "runtime '{}' is not described by a data file (data/runtimes/): nothing to fit",
        runtime_id));
  }
  std::vector<PredictedRow> own;
  for (const PredictedRow& r : rows) if (r.row.runtime == runtime_id) own.push_back(r);
  if (own.empty()) {
    return util::InputError(fmt::format("no row of the data measures runtime '{}'", runtime_id));
  }
  kernels::RuntimeSpec spec = data->spec();
  const kernels::RuntimePrior* prior = spec.prior ? &*spec.prior : nullptr;
  const FactorFit fit = FitFactors(own, GroupPull(prior), prior);
  spec.factors = fit.factors;
  spec.fitted_rows = fit.rows;
  return spec;
}

std::string RefitComment(const kernels::RuntimeSpec& spec, const FactorFit& fit,
                         const std::string& data_sources) {
  const kernels::RuntimePrior* prior = spec.prior ? &*spec.prior : nullptr;
  const std::string target =
      prior ? fmt::format("the [prior] below x {:.3f}, each group and the level pulled toward the "
                          "prior's by\n(0.16 / {:.2f})^2 = {:.3f} rows",
                          fit.single_factor, prior->log_spread, GroupPull(prior))
            : fmt::format("the single factor {:.3f} ({} row)", fit.single_factor, GroupPull(prior));
  return fmt::format(
      "Written by `dse runtimes fit --runtime {} --data {}`:\n"
      "factors fitted (least squares in log space) to {} rows against tflm-cmsis-nn predictions\n"
      "with the shipped coefficients on the same boards; shrunk toward\n{}.",
      spec.id, data_sources, fit.rows, target);
}

}  // namespace explore

namespace explore {

util::Result<MeasuredRows> LoadMeasuredRows(const std::vector<std::string>& files,
                                            const hw::Catalog& boards,
                                            const searchspace::Catalog& spaces,
                                            const tinyops::BudgetTable& budgets,
                                            const latency::CoefficientFile& coefficients,
                                            const std::string& data_dir) {
  const std::string models = data_dir + "/data/models";
  auto set = LoadMeasurementFiles(files, NamesFrom(boards, spaces, models), data_dir);
  if (!set) return set.error();
  auto samples =
      BuildSamples(set->rows, boards, spaces, budgets, &kernels::DefaultRuntime(), models);
  if (!samples) return samples.error();
  MeasuredRows out;
  out.rows = PredictRows(*samples, boards, coefficients);
  out.samples = std::move(samples).value();
  out.sources = set->sources;
  return out;
}

util::Result<std::string> RefitRuntimeText(const MeasuredRows& measured,
                                           const std::string& runtime_id) {
  auto spec = RefitRuntime(measured.rows, runtime_id);
  if (!spec) return spec.error();
  std::vector<PredictedRow> own;
  for (const PredictedRow& r : measured.rows) {
    if (r.row.runtime == runtime_id) own.push_back(r);
  }
  const kernels::RuntimePrior* prior = spec->prior ? &*spec->prior : nullptr;
  const FactorFit fit = FitFactors(own, GroupPull(prior), prior);
  std::vector<Scored> in_sample;
  for (const PredictedRow& r : own) {
    in_sample.push_back({r.prediction.Total(fit.factors), r.row.latency_ms, false});
  }
  return kernels::FormatRuntimeSpec(
      *spec, RefitComment(*spec, fit, measured.sources) +
                 fmt::format("\nIn-sample MAPE of these factors on those rows: {:.1f} %.",
                             Mape(in_sample)));
}

std::string LeaveBoardsOutReport(const MeasuredRows& measured, const hw::Catalog& boards,
                                 bool json) {
  std::vector<latency::Sample> tflm;
  for (const latency::Sample& s : measured.samples) {
    if (s.row.runtime == kernels::kDefaultRuntime) tflm.push_back(s);
  }
  const PublicLeaveBoardOut lobo =
      LeaveBoardsOutByRuntime(measured.rows, measured.samples, boards,
                              latency::LeaveBoardsOut(tflm, PriorsOf(tflm, boards)));
  return json ? DocumentText(PublicLeaveBoardOutJson(lobo)) : PublicLeaveBoardOutText(lobo);
}

}  // namespace explore
