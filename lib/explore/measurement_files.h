#pragma once
// The measurement files `dse calibrate` fits the latency model to: which ones by default, and
// their rows read together with a short name of where they came from. Nothing here prints.

#include <string>
#include <vector>

#include "latency/measurements.h"
#include "util/result.h"

namespace explore {

/// Every DATA_DIR/data/latency/*.csv, sorted by path; none when the directory cannot be read.
std::vector<std::string> DefaultMeasurementFiles(const std::string& data_dir);

struct MeasurementSet {
  std::vector<latency::Measurement> rows;  // every file's rows, in file order
  std::string sources;  // the files, comma separated, relative to the data dir when inside it
};

/// The rows of `files` (latency::LoadMeasurements, names checked against `known`). An input
/// error when no file is given, a file is bad, or the files hold no rows at all.
util::Result<MeasurementSet> LoadMeasurementFiles(const std::vector<std::string>& files,
                                                  const latency::KnownNames& known,
                                                  const std::string& data_dir);

}  // namespace explore
