#pragma once
// Searching a per-stage space (searchspace/stages.h): its dimensions as search::Dimension
// (depth per stage, kernel and expand per slot gated by their stage's depth, resolution, and the
// final block's kernel and expand in ProxylessNAS-based spaces), genomes to and from points,
// and the analysis of one point with its top-1 from accuracy::PointPredictor (or the user's
// measurement of its canonical point string).

#include <optional>
#include <string>
#include <vector>

#include "accuracy/point_predictor.h"
#include "explore/evaluate.h"
#include "search/problem.h"
#include "searchspace/stages.h"

namespace search {

/// `dse search --space FAMILY-wX`: a per-stage space file's family at another width, named as
/// a point's SPACE token names it (e.g. ofa-proxyless-w0.5 from ofa-proxyless-w1.3). Returns a
/// copy of `catalog` holding that space too (the family's first file at width X, named
/// canonically, so its points print as the family's points at X do); nullopt when `name` is a
/// space of `catalog` or no such token (MakePlan then reports it).
std::optional<searchspace::Catalog> CatalogAtWidth(const searchspace::Catalog& catalog, const std::string& name);

/// The dimensions of a per-stage space, in searchspace::Dimensions() order; slot k_i and e_i are
/// gated by their stage's depth d_s (they count only when d_s > the slot's place in its stage).
std::vector<Dimension> StageDimensions(const searchspace::Space& space);

/// The point of `space` (at its own width) with choice indices `g`, canonical.
searchspace::Point PointOf(const searchspace::Space& space, const Genome& g);
/// The genome of a point (ignored slots 0).
Genome GenomeOf(const searchspace::Point& point);

/// Builds and analyses `point`; top-1 is the measurement stored under its canonical point string
/// at the space's deployed precision, else `predictor`'s prediction (provenance predicted or
/// extrapolated; the regime and domain in Top1::source).
util::Result<explore::VariantFacts> AnalysePoint(const searchspace::Point& point,
                                                 const explore::Models& models,
                                                 const accuracy::PointPredictor& predictor);

/// `predictor` refitted (accuracy::PointPredictor::Refit) on the measurements of `models` that
/// are points of `space`'s family. Fails when such a point cannot be built.
util::Result<accuracy::PointPredictor> RefitOnMeasured(const accuracy::PointPredictor& predictor,
                                                       const searchspace::Space& space,
                                                       const explore::Models& models);

/// `dse accuracy predict --point`: the prediction for one point as text (one line) or JSON
/// (top1, top1_provenance, regime, domain, extrapolated, macs, params, point).
util::Result<std::string> PredictPointReport(const searchspace::Catalog& catalog,
                                             const accuracy::PointPredictor& predictor,
                                             const std::string& point, bool json);

}  // namespace search
