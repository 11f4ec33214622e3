#include "explore/measurement_files.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <map>
#include <utility>

#include "util/directory.h"

namespace explore {

std::vector<std::string> DefaultMeasurementFiles(const std::string& data_dir) {
  const auto dir = std::filesystem::path(data_dir) / "data" / "latency";
  auto files = util::ListFiles(dir.string(), ".csv");
  return files ? std::move(files).value() : std::vector<std::string>{};
}

util::Status CheckDuplicates(const std::vector<latency::Measurement>& rows) {
  std::map<std::pair<std::string, std::string>, const latency::Measurement*> seen;
  for (const latency::Measurement& row : rows) {
    const auto [at, added] = seen.try_emplace({row.Key(), row.source}, &row);
    if (added) continue;
    return util::InputError(fmt::format(
        "{}:{}: duplicate of the row at {}:{} (same board, runtime, variant, mode and source); "
        "remove one, or give a repeated measurement its own source",
        row.file, row.line, at->second->file, at->second->line));
  }
  return util::Ok{};
}

util::Result<MeasurementSet> LoadMeasurementFiles(const std::vector<std::string>& files,
                                                  const latency::KnownNames& known,
                                                  const std::string& data_dir) {
  if (files.empty()) return util::InputError("no measurement files: give --data FILE.csv");
  MeasurementSet set;
  for (const std::string& file : files) {
    auto loaded = latency::LoadMeasurements(file, known);
    if (!loaded) return loaded.error();
    set.rows.insert(set.rows.end(), loaded->begin(), loaded->end());
    const std::string rel = std::filesystem::path(file).lexically_relative(data_dir).string();
    set.sources += (set.sources.empty() ? "" : ", ") +
                   (rel.empty() || rel.starts_with("..") ? file : rel);
  }
  if (auto ok = CheckDuplicates(set.rows); !ok) return ok.error();
  if (set.rows.empty()) {
    return util::InputError(
        fmt::format("{}: the measurement file(s) hold no rows", fmt::join(files, ", ")));
  }
  return set;
}

}  // namespace explore
