#include "accuracy/types.h"

namespace accuracy {

std::string_view PrecisionName(Precision precision) {
  switch (precision) {
    case Precision::kFp32: return "fp32";
    case Precision::kInt8: return "int8";
    case Precision::kInt4: return "int4";
    case Precision::kMixed: return "mixed";
  }
  return "fp32";
}

std::optional<Precision> ParsePrecision(std::string_view text) {
  for (Precision p : {Precision::kFp32, Precision::kInt8, Precision::kInt4, Precision::kMixed}) {
    if (text == PrecisionName(p)) return p;
  }
  return std::nullopt;
}

std::string_view ProvenanceName(Provenance provenance) {
  switch (provenance) {
    case Provenance::kPredicted: return "predicted";
    case Provenance::kMeasured: return "measured";
    case Provenance::kPublished: return "published";
    case Provenance::kExtrapolated: return "extrapolated";
  }
  return "predicted";
}

const std::vector<TaskDataset>& KnownTaskDatasets() {
  static const std::vector<TaskDataset> known = {
      kImageNet,
      {"classification", "cifar10"},
      {"keyword-spotting", "speech-commands"},
      {"visual-wake-words", "vww"},
      {"anomaly-detection", "toyadmos"},
  };
  return known;
}

}  // namespace accuracy
