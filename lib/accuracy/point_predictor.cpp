#include "accuracy/point_predictor.h"

#include <fmt/format.h>

namespace accuracy {

ArchQuery QueryOfPoint(const searchspace::Point& point, double macs_m, double params_m) {
  return ArchQuery{point.depths, point.kernels, point.expands, point.resolution, macs_m, params_m};
}

std::string DomainText(const ArchDomain& d) {
  const std::string res = d.resolution_min == d.resolution_max ? fmt::format("r{}", d.resolution_min)
                                                               : fmt::format("r{}-{}", d.resolution_min, d.resolution_max);
  return fmt::format("{:.0f}-{:.0f} M MACs, {}", d.macs_min_m, d.macs_max_m, res);
}

util::Result<PointPredictor> PointPredictor::Load(const std::string& data_root) {
  auto rows = ReadArchRows(data_root + "/" + kArchAccuracyPath);
  if (!rows) return rows.error();
  std::vector<ArchRow> ofa, trained;
  for (const ArchRow& r : *rows) {
    if (r.kind == "dynast_ofa_supernet") ofa.push_back(r);
    else if (r.precision == "fp32") trained.push_back(r);
  }
  if (ofa.empty() || trained.empty()) {
    return util::InputError(fmt::format("{}: no supernet or no trained fp32 rows", kArchAccuracyPath));
  }
  PointPredictor p;
  p.supernet_.fit = FitArchModel(ofa, true, "supernet weights (OFA-MBv3-w1.0 supernet, fp32, no finetune)");
  p.trained_.fit = FitArchModel(trained, false, "trained (MCUNet zoo and ProxylessNAS, fp32)");
  return p;
}

const PointPredictor::Model& PointPredictor::ModelFor(const searchspace::Point& point) const {
  return point.last_kernel > 0 ? trained_ : supernet_;
}

ArchPrediction PointPredictor::Predict(const searchspace::Point& point, double macs_m, double params_m) const {
  const Model& m = ModelFor(point);
  ArchPrediction p = PredictArch(m.fit, QueryOfPoint(point, macs_m, params_m));
  p.top1_pct += m.offset_pct;
  if (m.measured > 0) {
    p.regime += fmt::format(", offset {:+.2f} pt refitted on {} measured", m.offset_pct, m.measured);
  }
  return p;
}

void PointPredictor::Refit(const std::vector<MeasuredPoint>& measured) {
  for (Model* m : {&supernet_, &trained_}) {
    double sum = 0;
    int n = 0;
    for (const MeasuredPoint& mp : measured) {
      if (&ModelFor(mp.point) != m) continue;
      sum += mp.top1_pct - PredictArch(m->fit, QueryOfPoint(mp.point, mp.macs_m, mp.params_m)).top1_pct;
      ++n;
    }
    m->offset_pct = n > 0 ? sum / n : 0;
    m->measured = n;
  }
}

}  // namespace accuracy
