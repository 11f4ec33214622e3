#pragma once
// Small value types shared by the accuracy tables, the surrogate and the measured store.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accuracy {

/// Numeric precision an accuracy was obtained at. The surrogate predicts kFp32 and kInt8
/// (standard post-training quantisation); kInt4 and kMixed rows are kept as data only.
enum class Precision { kFp32, kInt8, kInt4, kMixed };

/// "fp32", "int8", "int4", "mixed".
std::string_view PrecisionName(Precision precision);
/// The precision named `text`, nullopt when it is none of the names above.
std::optional<Precision> ParsePrecision(std::string_view text);

/// Where a top-1 figure comes from: the fitted surrogate inside the data it was fitted to, the
/// surrogate outside it (MACs, width or resolution beyond its family's fitted rows, or a family
/// without data), a published figure of the net itself, or a user's imported measurement.
enum class Provenance { kPredicted, kMeasured, kPublished, kExtrapolated };
/// "predicted", "measured", "published", "extrapolated".
std::string_view ProvenanceName(Provenance provenance);

/// The task and dataset of an accuracy. The surrogate, the published table and the top-1 of
/// the Pareto fronts are ImageNet classification; other pairs are kept for their own models.
struct TaskDataset {
  std::string_view task;
  std::string_view dataset;
};
inline constexpr TaskDataset kImageNet{"classification", "imagenet"};
/// Every task and dataset a measured accuracy may be of (classification: imagenet, cifar10;
/// keyword-spotting: speech-commands; visual-wake-words: vww; anomaly-detection: toyadmos).
const std::vector<TaskDataset>& KnownTaskDatasets();

}  // namespace accuracy
