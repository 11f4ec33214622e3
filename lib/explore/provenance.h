#pragma once
// Run provenance: what a results-database run row records so that its numbers can be traced
// to their inputs (design.md, "every run row records the tool version, git revision and a hash
// of its inputs"). The tool version and git revision are the app's (known at build time); the
// rest is computed here. Nothing here prints.

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "hw/board.h"
#include "placement/mode.h"
#include "searchspace/catalog.h"

namespace explore {

/// The provenance fields of one sweep.
struct RunProvenance {
  std::string started_at;   // UTC, "YYYY-MM-DDTHH:MM:SSZ"
  std::string inputs_hash;  // util::HashFiles of RunInputFiles, 16 hex digits
  std::string boards;       // board names in sweep order, comma-separated ("f469,f746")
  std::string spaces;       // space names in sweep order, then kImportedSpace if models were
                            // imported; comma-separated; "" when neither
};

/// The options of a run that change its figures though no input file does: `--tinyops-config`
/// and `--no-filter-growth` (recorded as runs.tinyops_config and runs.filter_growth). Unset: not
/// recorded (a run written before dse recorded them), so unknown.
struct RunOptions {
  std::optional<std::string> tinyops_config;  // placement::ConfigurationId: fastest, firmware
  std::optional<bool> filter_growth;          // false: --no-filter-growth
  bool operator==(const RunOptions&) const = default;
};

/// The RunOptions of a sweep or search made with these options.
RunOptions OptionsOf(placement::Configuration configuration, bool filter_growth);

/// "--tinyops-config fastest, filter growth on"; an unset field reads "unknown".
std::string RunOptionsText(const RunOptions& options);

/// Whether `a` and `b` record different options: some field known in both and unequal (an
/// unknown field conflicts with nothing).
bool OptionsDiffer(const RunOptions& a, const RunOptions& b);

/// `time` as UTC "YYYY-MM-DDTHH:MM:SSZ" (0 is "1970-01-01T00:00:00Z").
std::string UtcTimestamp(std::time_t time);

/// Every input file a sweep reads, in hashing order: the file of each space in `spaces` (the
/// built-in ones and any --space files), `board_files`, DATA_DIR/data/accuracy/published.csv,
/// DATA_DIR/data/accuracy/families.toml, DATA_DIR/data/latency/coefficients.toml, then
/// `measured_store` when that file exists, then `model_files` (imported .tflite models).
std::vector<std::string> RunInputFiles(const searchspace::Catalog& spaces,
                                       const std::vector<std::string>& board_files,
                                       const std::string& data_dir,
                                       const std::string& measured_store,
                                       const std::vector<std::string>& model_files);

/// The provenance of a sweep over `boards` and `swept_spaces` (plus imported models when
/// `imported_models`), started at `started`, whose inputs are `input_files` (RunInputFiles).
RunProvenance DescribeRun(const std::vector<hw::Board>& boards,
                          const std::vector<const searchspace::Space*>& swept_spaces,
                          bool imported_models, const std::vector<std::string>& input_files,
                          std::time_t started);

}  // namespace explore
