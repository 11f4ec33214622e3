#include "search/stage_space.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "explore/vocabulary.h"

namespace search {

std::optional<searchspace::Catalog> CatalogAtWidth(const searchspace::Catalog& catalog, const std::string& name) {
  const std::string family = searchspace::Family(name);
  if (catalog.Find(name) != nullptr || family == name) return std::nullopt;
  const std::string tail = name.substr(family.size() + 2);
  char* end = nullptr;
  const double width = std::strtod(tail.c_str(), &end);
  if (end != tail.c_str() + tail.size() || !(width > 0 && width <= 4)) return std::nullopt;
  for (const searchspace::Space& file : catalog.spaces()) {
    if (!file.staged() || searchspace::Family(file.name) != family) continue;
    searchspace::Point at{&file, width};
    searchspace::Space derived = file;
    derived.name = at.SpaceName();
    derived.width = width;
    searchspace::Catalog out = catalog;
    if (!out.Add(std::move(derived))) return std::nullopt;  // the canonical name is a file's
    return out;
  }
  return std::nullopt;
}

std::vector<Dimension> StageDimensions(const searchspace::Space& space) {
  std::vector<Dimension> dims;
  for (const searchspace::Dimension& d : searchspace::Dimensions(space)) {
    dims.push_back({d.name, static_cast<int64_t>(d.choices.size())});
  }
  // Slots: k1..k20 follow d1..d5, then e1..e20.
  for (int slot = 0; slot < searchspace::kSlots; ++slot) {
    const int stage = slot / searchspace::kSlotsPerStage, place = slot % searchspace::kSlotsPerStage;
    std::vector<bool> active;
    for (int depth : space.stages[static_cast<size_t>(stage)].depths) active.push_back(depth > place);
    for (size_t first : {size_t{searchspace::kStages}, size_t{searchspace::kStages + searchspace::kSlots}}) {
      dims[first + static_cast<size_t>(slot)].gate = stage;
      dims[first + static_cast<size_t>(slot)].active_when = active;
    }
  }
  return dims;
}

searchspace::Point PointOf(const searchspace::Space& space, const Genome& g) {
  return searchspace::FromChoices(space, space.width, std::vector<int>(g.begin(), g.end()));
}

Genome GenomeOf(const searchspace::Point& point) {
  const std::vector<int> index = searchspace::ToChoices(point);
  return Genome(index.begin(), index.end());
}

util::Result<explore::VariantFacts> AnalysePoint(const searchspace::Point& point,
                                                 const explore::Models& models,
                                                 const accuracy::PointPredictor& predictor) {
  auto net = searchspace::BuildPoint(point);
  if (!net) return net.error();
  explore::VariantFacts facts = explore::FactsOf(std::move(net).value());
  const std::string name = point.ToString();
  facts.space = point.space;
  facts.variant = {point.space->name, point.width, point.resolution, false, name};
  const accuracy::Precision precision = accuracy::DeployedPrecision(*point.space);
  accuracy::Top1 top1;
  if (const accuracy::Measurement* m = accuracy::FindMeasurement(*models.measured, name, precision)) {
    top1 = {m->top1_pct, accuracy::Provenance::kMeasured, precision, "", false, m->source, std::nullopt, std::nullopt};
  } else {
    const accuracy::ArchPrediction p = predictor.Predict(point, facts.totals.macs / 1e6, facts.totals.params / 1e6);
    top1 = {p.top1_pct, p.extrapolated ? accuracy::Provenance::kExtrapolated : accuracy::Provenance::kPredicted,
            accuracy::Precision::kFp32, "", false, p.Describe(), std::nullopt, std::nullopt};
  }
  facts.top1 = top1;
  return facts;
}

util::Result<accuracy::PointPredictor> RefitOnMeasured(const accuracy::PointPredictor& predictor,
                                                       const searchspace::Space& space,
                                                       const explore::Models& models) {
  std::vector<accuracy::MeasuredPoint> measured;
  for (const accuracy::Measurement& m : *models.measured) {
    if (m.variant.find(':') == std::string::npos || m.task != accuracy::kImageNet.task ||
        m.dataset != accuracy::kImageNet.dataset) {
      continue;
    }
    auto point = models.catalog->ParsePoint(m.variant);
    if (!point || searchspace::Family(point->space->name) != searchspace::Family(space.name)) continue;
    auto net = searchspace::BuildPoint(*point);
    if (!net) return net.error();
    const analysis::Totals totals = analysis::CountNetwork(*net);
    measured.push_back({*point, totals.macs / 1e6, totals.params / 1e6, m.top1_pct});
  }
  accuracy::PointPredictor refitted = predictor;
  refitted.Refit(measured);
  return refitted;
}

util::Result<std::string> PredictPointReport(const searchspace::Catalog& catalog,
                                             const accuracy::PointPredictor& predictor,
                                             const std::string& text, bool json) {
  auto point = catalog.ParsePoint(text);
  if (!point) return point.error();
  auto net = searchspace::BuildPoint(*point);
  if (!net) return net.error();
  const analysis::Totals totals = analysis::CountNetwork(*net);
  const accuracy::ArchPrediction p = predictor.Predict(*point, totals.macs / 1e6, totals.params / 1e6);
  const char* provenance = p.extrapolated ? "extrapolated" : "predicted";
  if (!json) {
    return fmt::format("{}: {:.2f} M MACs, {:.3f} M params: top-1 {} ({})", point->ToString(),
                       totals.macs / 1e6, totals.params / 1e6, p.Describe(), provenance);
  }
  const nlohmann::json domain{{"macs_min", p.domain.macs_min_m * 1e6}, {"macs_max", p.domain.macs_max_m * 1e6},
                              {"resolution_min", p.domain.resolution_min}, {"resolution_max", p.domain.resolution_max}};
  return explore::Document({{"point", point->ToString()}, {"macs", totals.macs}, {"params", totals.params},
                           {"top1", p.top1_pct}, {"top1_provenance", provenance}, {"regime", p.regime},
                           {"domain", domain}, {"extrapolated", p.extrapolated}}).dump(2);
}

}  // namespace search
