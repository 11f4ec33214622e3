#pragma once
// Published ImageNet top-1 results (data/accuracy/published.csv): one row per published
// figure, each with the source it was read from.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accuracy/types.h"
#include "util/result.h"

namespace accuracy {

struct PublishedRow {
  int line = 0;                    // line in the CSV file, for messages
  std::string family;              // as published (e.g. "MobileNetV2"); free text
  std::string model;               // unique name of the row; families.toml refers to it
  std::optional<double> width;     // width multiplier; absent for searched nets (MCUNet)
  std::optional<int> resolution;   // input side in pixels; absent where not published
  std::optional<double> macs_m;    // millions of multiply-accumulates; absent where unknown
  double top1_pct = 0;             // ImageNet top-1, percent, in [0, 100]
  Precision precision = Precision::kFp32;
  std::string training_note;
  std::string source;              // where the figure was read; never empty
};

/// Reads the published table. Required columns: family, model, width, resolution, macs_m,
/// top1, precision, source (training_note optional, extra columns ignored). Every problem is
/// reported as "file:line:col: message" with the line and a caret, all of them at once, and
/// no row is returned from a file with any problem. `file` names the text in messages only.
util::Result<std::vector<PublishedRow>> ParsePublished(const std::string& file,
                                                       std::string_view text);

/// The row named `model`, nullptr when absent.
const PublishedRow* FindRow(const std::vector<PublishedRow>& rows, const std::string& model);

}  // namespace accuracy
