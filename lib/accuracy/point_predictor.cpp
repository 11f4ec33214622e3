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
  const ArchQuery query = QueryOfPoint(point, macs_m, params_m);
  ArchPrediction p = PredictArch(m.fit, query);
  if (m.residual.rows > 0) {
    p.top1_pct += m.residual.Apply(query, m.fit.one_hot);
    p.regime += ", " + m.residual.Describe();
  }
  return p;
}

void PointPredictor::Refit(const std::vector<MeasuredPoint>& measured) {
  for (Model* m : {&supernet_, &trained_}) {
    std::vector<ArchQuery> queries;
    std::vector<double> top1;
    for (const MeasuredPoint& mp : measured) {
      if (&ModelFor(mp.point) != m) continue;
      queries.push_back(QueryOfPoint(mp.point, mp.macs_m, mp.params_m));
      top1.push_back(mp.top1_pct);
    }
    m->residual = FitResidual(m->fit, queries, top1);
  }
}

}  // namespace accuracy
