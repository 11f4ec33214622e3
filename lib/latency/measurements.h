#pragma once
// Measured latencies (data/latency/*.csv): one row per (board, variant, mode) measurement with
// its source. Format: '#' comment lines, then a header naming the columns; required columns
// board, variant, mode, latency_ms; optional power_mw, energy_mj, paper_macs_m, source, runtime (a registered runtime id;
// empty or absent: tflm-cmsis-nn) (empty
// cells of optional columns mean "not given"). Fields may be double-quoted.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "latency/coefficients.h"
#include "util/result.h"

namespace latency {


struct Measurement {
  std::string file;
  int line = 0;
  std::string board;
  std::string variant;
  std::string mode;                    // a deployment mode id (KnownNames::check_mode)
  std::string runtime = std::string(kPaperRuntime);  // the runtime measured (KnownNames::check_runtime)
  double latency_ms = 0;               // > 0
  std::optional<double> power_mw;      // as published
  std::optional<double> energy_mj;     // as published
  std::optional<double> paper_macs_m;  // the source's MAC count, for reference
  std::string source;

  /// "board/variant/mode" ("board/runtime/variant/mode" for another runtime than the paper's):
  /// rows with the same key repeat one measurement.
  std::string Key() const;
  /// The coefficients the row informs: CoefficientKey(board, runtime).
  std::string CoefficientKey() const;
};

/// What rows may name: the known boards, and checks of variant and mode names (each returns an
/// error message, "" when the name is valid).
struct KnownNames {
  std::vector<std::string> boards;
  std::function<std::string(const std::string&)> check_variant;
  std::function<std::string(const std::string&)> check_mode;
  std::function<std::string(const std::string&)> check_runtime;  // empty: any runtime id
};

/// Reads `text` (named `file` in errors). Every bad row is reported as "file:line: ..." (unknown
/// board/variant/mode with the nearest valid one, non-positive or non-finite numbers, missing
/// columns); the result is an error when any row is bad.
util::Result<std::vector<Measurement>> ParseMeasurements(const std::string& file,
                                                         const std::string& text,
                                                         const KnownNames& known);
/// Reads the file at `path`.
util::Result<std::vector<Measurement>> LoadMeasurements(const std::string& path,
                                                        const KnownNames& known);

}  // namespace latency
