#pragma once
// accuracy::PointPredictor — top-1 of a per-stage point (searchspace::Point) for `dse search`
// and `dse accuracy predict --point`, from the two models of arch_predictor.h:
//  * OFA-MobileNetV3 spaces (no final block): the one-hot model fitted to the 1,899
//    `dynast_ofa_supernet` rows, regime "supernet weights" (OFA-MBv3-w1.0 weights inherited,
//    BN re-estimated, no finetune; fp32);
//  * ProxylessNAS-based spaces (a final block: ofa-proxyless, mcunet-tinynas): the ln MACs +
//    ln params model fitted to the trained fp32 rows (MCUNet zoo, ProxylessNAS), regime
//    "trained".
// Refit() corrects each model with the measured designs of its kind (the user's imported
// accuracies): a ridge-shrunk linear residual model over the same architecture features plus
// ln resolution (arch_predictor.h ArchResidual), its shrinkage chosen by leave-one-out error
// against the mean-residual offset, so a resumed search predicts on the scale and the trends of
// its own measurements; the regime then says how and on how many.

#include <string>
#include <vector>

#include "accuracy/arch_predictor.h"
#include "searchspace/stages.h"
#include "util/result.h"

namespace accuracy {

/// A measured design of a per-stage space, with its counts.
struct MeasuredPoint {
  searchspace::Point point;
  double macs_m = 0, params_m = 0;
  double top1_pct = 0;
};

class PointPredictor {
 public:
  /// Reads data/accuracy/arch_accuracy_public.csv under `data_root` and fits both models.
  static util::Result<PointPredictor> Load(const std::string& data_root);
  /// The prediction for `point` with `macs_m` M MACs and `params_m` M parameters.
  ArchPrediction Predict(const searchspace::Point& point, double macs_m, double params_m) const;
  /// Fits each model's residual correction (ArchResidual) to `measured` of its kind, replacing
  /// any earlier one; none of its kind: no correction.
  void Refit(const std::vector<MeasuredPoint>& measured);

 private:
  struct Model {
    ArchModel fit;
    ArchResidual residual;  // rows 0: no correction
  };
  const Model& ModelFor(const searchspace::Point& point) const;
  Model supernet_, trained_;
};

/// "123-506 M MACs, r224" (or "r48-224"): where a model's fitted data lie.
std::string DomainText(const ArchDomain& domain);

/// The query of `point` (its 20-slot encoding, resolution and counts).
ArchQuery QueryOfPoint(const searchspace::Point& point, double macs_m, double params_m);

}  // namespace accuracy
