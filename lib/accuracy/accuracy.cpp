#include "accuracy/accuracy.h"

#include "accuracy/top1_interval.h"
#include "util/file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace accuracy {

util::Result<std::string> ReadFile(const std::string& path) {
  auto text = util::ReadFile(path, "file");
  if (!text) return util::RuntimeError(fmt::format("cannot read '{}'", path));
  return text;
}

util::Result<Surrogate> LoadSurrogate(const std::string& data_root) {
  const std::string published_path = data_root + "/" + kPublishedPath;
  const std::string families_path = data_root + "/" + kFamiliesPath;
  auto published_text = ReadFile(published_path);
  if (!published_text) return published_text.error();
  auto published = ParsePublished(published_path, *published_text);
  if (!published) return published.error();
  auto families_text = ReadFile(families_path);
  if (!families_text) return families_text.error();
  auto map = ParseFamilyMap(families_path, *families_text, *published);
  if (!map) return map.error();
  auto surrogate = Surrogate::Fit(*map, *published);
  if (surrogate) AttachIntervals(surrogate.value());
  return surrogate;
}

Precision DeployedPrecision(const searchspace::Space& space) {
  if (space.weight_bits >= 32) return Precision::kFp32;
  return space.weight_bits == 4 ? Precision::kInt4 : Precision::kInt8;
}

std::string NoPredictionText(Precision precision) {
  return fmt::format("{}: no published {} figure for this net, and the surrogate predicts fp32 "
                     "and int8 only", PrecisionName(precision), PrecisionName(precision));
}

std::optional<Top1> Top1ForVariant(const Surrogate& surrogate,
                                   const std::vector<Measurement>& measured,
                                   const searchspace::Space& space,
                                   const searchspace::Variant& variant, int64_t macs,
                                   Precision precision) {
  Top1 out;
  out.precision = precision;
  const std::string name = space.fixed ? space.name : variant.name();
  if (const Measurement* m = FindMeasurement(measured, name, precision)) {
    out.top1_pct = m->top1_pct;
    out.provenance = Provenance::kMeasured;
    out.source = m->source;
    return out;
  }
  const auto& published = surrogate.families().published_nets;
  if (const auto it = published.find(space.name); space.fixed && it != published.end()) {
    for (const PublishedRow& row : it->second) {
      if (row.precision != precision) continue;
      out.top1_pct = row.top1_pct;
      out.provenance = Provenance::kPublished;
      out.source = row.source;
      return out;
    }
  }
  if (precision != Precision::kFp32 && precision != Precision::kInt8) return std::nullopt;
  double width = variant.width;
  const int f = surrogate.families().Find(space.name);
  if (space.fixed) {
    width = 1.0;
    if (f >= 0) {
      const auto& widths = surrogate.families().families[f].fixed_widths;
      if (const auto it = widths.find(space.name); it != widths.end()) width = it->second;
    }
  }
  const Query query{space.name, width, macs / 1e6, precision, variant.resolution};
  const Prediction p = surrogate.Predict(query);
  out.top1_pct = p.top1_pct;
  out.family = p.family;
  out.fallback = p.fallback;
  out.low_pct = p.low_pct;
  out.high_pct = p.high_pct;
  out.source = p.fallback ? "surrogate, shared ceiling (no published data for this family)"
                          : fmt::format("surrogate, family {}", p.family);
  if (const std::string outside = surrogate.OutsideFit(query); !outside.empty()) {
    out.provenance = Provenance::kExtrapolated;
    out.source = fmt::format("surrogate{}: {}", p.fallback ? ", shared ceiling" : "", outside);
    // Outside the fitted range: at least the edge rows' band (top1_interval.h step 4).
    const double half = surrogate.intervals().extrapolated_half_pct;
    if (p.low_pct && p.top1_pct - *p.low_pct < half) out.low_pct = std::max(0.0, p.top1_pct - half);
    if (p.high_pct && *p.high_pct - p.top1_pct < half) out.high_pct = std::min(100.0, p.top1_pct + half);
  }
  if (p.low_pct) out.source += "; " + IntervalMethodText(p.fallback);
  return out;
}

}  // namespace accuracy
