#pragma once
// Accuracy of per-stage (OFA 20-slot) architectures: the linear one-hot model of shared
// reference search.md §5 — per slot a kernel and an expand one-hot (zeros for slots cut by the
// depth), the five stage depths, ln MACs and ln params — fitted by ridge least squares (Eigen)
// to the `dynast_ofa_supernet` rows of data/accuracy/arch_accuracy_public.csv. Its regime is
// "supernet weights" (OFA-MBv3-w1.0 weights inherited, BN re-estimated, no finetune) and its
// domain the MACs range and resolutions of those rows; anything outside is "extrapolated".
// For the trained nets (MCUNet zoo, ProxylessNAS) a two-coefficient ln MACs + ln params model
// of the same file is fitted; its regime is "trained".

#include <array>
#include <string>
#include <vector>

#include "util/result.h"

namespace accuracy {

/// The table's path under the data root.
inline constexpr const char* kArchAccuracyPath = "data/accuracy/arch_accuracy_public.csv";

/// One row of arch_accuracy_public.csv. Slots of rows without the 20-slot encoding are 0.
struct ArchRow {
  int line = 0;
  std::string kind;        // row_kind: dynast_ofa_supernet, mcunet_zoo, proxylessnas
  std::string model_id;
  std::string precision;   // fp32, int8, int4
  int resolution = 0;
  std::array<int, 5> depths{};
  std::array<int, 20> kernels{}, expands{};
  double macs_m = 0, params_m = 0;  // the file's computed columns
  double top1_pct = 0;
  bool has_slots() const { return depths[0] > 0; }
};

/// Reads the file; errors are `file:line: what is wrong`.
util::Result<std::vector<ArchRow>> ReadArchRows(const std::string& path);

/// Where a model's fitted data lie.
struct ArchDomain {
  double macs_min_m = 0, macs_max_m = 0;
  int resolution_min = 0, resolution_max = 0;
};

/// A fitted linear model over architecture features.
struct ArchModel {
  bool one_hot = true;               // false: ln MACs + ln params only
  std::string regime;                // "supernet weights" or "trained"
  std::vector<double> coefficients;  // intercept first
  ArchDomain domain;
};

/// The inputs of one prediction.
struct ArchQuery {
  std::array<int, 5> depths{};
  std::array<int, 20> kernels{}, expands{};
  int resolution = 0;
  double macs_m = 0, params_m = 0;
};

ArchQuery QueryOf(const ArchRow& row);

/// A prediction with its regime and domain; `extrapolated` when MACs or resolution lie outside.
struct ArchPrediction {
  double top1_pct = 0;
  std::string regime;
  ArchDomain domain;
  bool extrapolated = false;
  std::string Describe() const;  // "75.4 % (supernet weights; fitted 123-506 M MACs, r224)"
};

/// Ridge fit (lambda 1e-3 on every coefficient but the intercept). `one_hot` picks the model.
ArchModel FitArchModel(const std::vector<ArchRow>& rows, bool one_hot, const std::string& regime);
ArchPrediction PredictArch(const ArchModel& model, const ArchQuery& query);

/// The features of `query` in `one_hot` or ln-only form (intercept first), as the fit uses them.
std::vector<double> ArchFeatures(const ArchQuery& query, bool one_hot);

/// A correction of a fitted model learnt from the user's measured designs (a resumed search):
/// a linear model of the residual (measured - prior prediction) over the prior's features plus
/// ln resolution, ridge-shrunk towards zero, i.e. the prior's coefficients pulled towards the
/// measurements (a Gaussian prior centred on the public fit). The intercept is not shrunk, so
/// the limit of infinite shrinkage is the mean-residual offset. The shrinkage is chosen by
/// exact leave-one-out error over the measured rows among kResidualLambdas and that offset
/// (ties: the stronger shrinkage); fewer than kMinResidualRows rows: the offset alone.
struct ArchResidual {
  std::vector<double> delta;   // per feature (ArchFeatures + ln resolution); empty: no correction
  double lambda = 0;           // the shrinkage chosen; infinity: offset only
  int rows = 0;                // measured designs fitted
  double loo_mae_pct = 0;      // leave-one-out MAE of the chosen correction
  double offset_loo_mae_pct = 0;  // ... and of the offset alone (equal when the offset won)
  double Apply(const ArchQuery& query, bool one_hot) const;  // 0 when empty
  std::string Describe() const;  // "refitted on 12 measured (ridge 10, LOO MAE 0.41 pt; offset 0.93 pt)"
};
inline constexpr double kResidualLambdas[] = {0.1, 1, 10, 100, 1000};
inline constexpr int kMinResidualRows = 3;
ArchResidual FitResidual(const ArchModel& prior, const std::vector<ArchQuery>& queries,
                         const std::vector<double>& top1_pct);

/// Cross-validated error over `rows`: fold of row i is i % folds (fixed folds, file order).
struct ArchCv {
  int rows = 0;
  double mae_pct = 0, rmse_pct = 0, kendall_tau = 0;
};
ArchCv CrossValidate(const std::vector<ArchRow>& rows, bool one_hot, int folds);

/// Kendall tau-b of two equally long series.
double KendallTau(const std::vector<double>& a, const std::vector<double>& b);

/// The lines `dse accuracy fit` prints for the per-stage predictor: 5-fold CV per data kind.
std::vector<std::string> ArchFitReport(const std::vector<ArchRow>& rows);

}  // namespace accuracy
