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

/// An input error ("file:line: duplicate of the row at file:line ...") at the first row that
/// repeats an earlier row's board, runtime, variant, mode and source. Rows of one design with
/// different sources are repeated measurements (e.g. the paper's Table III repeating Table II)
/// and are kept.
util::Status CheckDuplicates(const std::vector<latency::Measurement>& rows);

/// The rows of `files` (latency::LoadMeasurements, names checked against `known`). An input
/// error when no file is given, a file is bad, two rows are duplicates (CheckDuplicates), or the
/// files hold no rows at all.
util::Result<MeasurementSet> LoadMeasurementFiles(const std::vector<std::string>& files,
                                                  const latency::KnownNames& known,
                                                  const std::string& data_dir);

}  // namespace explore
