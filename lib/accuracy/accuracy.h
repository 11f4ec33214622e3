#pragma once
// accuracy — top-1 for every variant: predicted by the surrogate fitted to published results
// (data/accuracy/), or measured, when the user imported a measurement for that variant.
// This header is the entry point for commands (dse accuracy, dse show) and later the store.

#include <optional>
#include <string>
#include <vector>

#include "accuracy/measured.h"
#include "accuracy/surrogate.h"
#include "accuracy/types.h"
#include "searchspace/space.h"
#include "util/result.h"

namespace accuracy {

/// Relative paths of the data files under the data root (the directory holding data/).
inline constexpr const char* kPublishedPath = "data/accuracy/published.csv";
inline constexpr const char* kFamiliesPath = "data/accuracy/families.toml";
/// Default measured store, relative to the working directory.
inline constexpr const char* kDefaultStorePath = "results/accuracy_measured.csv";

/// Reads a whole file; a runtime error naming the path when it cannot be read.
util::Result<std::string> ReadFile(const std::string& path);

/// Reads published.csv and families.toml under `data_root`, fits the surrogate and derives its
/// 80 % intervals (top1_interval.h AttachIntervals).
util::Result<Surrogate> LoadSurrogate(const std::string& data_root);

/// Top-1 of one variant, with where it comes from.
struct Top1 {
  double top1_pct = 0;
  Provenance provenance = Provenance::kPredicted;
  Precision precision = Precision::kInt8;
  std::string family;     // surrogate family used ("" for the fallback or a measurement)
  bool fallback = false;  // predicted with the shared ceiling: no data for this family
  std::string source;     // measurement source, or a description of the prediction
  // The 80 % interval of a predicted or extrapolated top1_pct (top1_interval.h), percent
  // points; absent for measured and published figures (not predictions; published rows carry
  // no interval of their own) and where none was derived.
  std::optional<double> low_pct, high_pct;
};

/// ImageNet top-1 of `variant` (of `space`, with `macs` multiply-accumulates) at `precision`,
/// the first of: the ImageNet measurement of `measured` for the variant's canonical name and
/// precision; a fixed net's own published figure at that precision ([[published_net]],
/// provenance "published"); the surrogate's prediction for fp32 and int8 (provenance
/// "extrapolated", with the reason in `source`, outside its family's fitted data). nullopt
/// for int4 and mixed precision without a measurement or a published figure: the surrogate
/// does not predict them. A fixed net's width is its families.toml fixed width, else 1.0.
/// A prediction carries the surrogate's 80 % interval when it has one (`source` names how).
std::optional<Top1> Top1ForVariant(const Surrogate& surrogate, const std::vector<Measurement>& measured,
                    const searchspace::Space& space, const searchspace::Variant& variant,
                    int64_t macs, Precision precision);

/// Why `precision` gets no prediction: "int4: no published int4 figure for this net, and the
/// surrogate predicts fp32 and int8 only".
std::string NoPredictionText(Precision precision);

/// The precision a variant is deployed at: fp32 for 32-bit weights, int4 for 4-bit weights,
/// int8 otherwise.
Precision DeployedPrecision(const searchspace::Space& space);

}  // namespace accuracy
