#pragma once
// Which published rows feed which surrogate family (data/accuracy/families.toml). The
// mapping is data so that a reviewer can see, and change, what the surrogate learns from:
// e.g. the paper's `mbv3` is fitted on its own Table II models, not on torchvision's
// MobileNetV3-Large.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "accuracy/published.h"
#include "util/result.h"

namespace accuracy {

struct SurrogateFamily {
  std::string name;                          // what `--family` accepts (case-insensitive)
  std::vector<std::string> spaces;           // search spaces predicted by this family
  std::map<std::string, double> fixed_widths;  // fixed nets that are scalings: their width
  std::vector<std::string> grid;             // rows of a published float w x r grid (fit + LOO)
  std::vector<std::string> rows;             // further rows that feed the fit
  std::string note;
};

/// A row pair giving the same weights in fp32 and after post-training int8 quantisation.
struct PtqPair {
  std::string fp32;
  std::string int8;
};

struct FamilyMap {
  std::vector<SurrogateFamily> families;
  std::vector<PtqPair> ptq_pairs;
  /// Fixed nets whose own accuracy is published ([[published_net]]): space name -> its
  /// published rows (at most one per precision). These are the net's top-1 (provenance
  /// "published") at that precision instead of a prediction.
  std::map<std::string, std::vector<PublishedRow>> published_nets;

  /// Index of the family named `name` (case-insensitive) or serving the space `name`;
  /// -1 when none.
  int Find(std::string_view name) const;
  /// Every family name, for "did you mean".
  std::vector<std::string> Names() const;
};

/// Reads families.toml and checks it against `published`: every named row exists (with
/// "did you mean"), has MACs, and feeds one family only; fit rows are fp32 or int8; each PTQ
/// pair is an fp32 row and an int8 row; a space belongs to one family; a [[published_net]]
/// names its space and rows that exist, one per precision. All problems are
/// reported together as "file:line:col: message".
util::Result<FamilyMap> ParseFamilyMap(const std::string& file, std::string_view text,
                                       const std::vector<PublishedRow>& published);

}  // namespace accuracy
