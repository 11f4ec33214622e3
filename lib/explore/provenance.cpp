#include "explore/provenance.h"

#include <fmt/format.h>

#include <filesystem>

#include "explore/evaluate.h"
#include "util/hash.h"

namespace explore {
namespace {

// `list` with `name` appended, comma-separated.
void Append(std::string* list, const std::string& name) {
  *list += (list->empty() ? "" : ",") + name;
}

}  // namespace

RunOptions OptionsOf(placement::Configuration configuration, bool filter_growth) {
  return {std::string(placement::ConfigurationId(configuration)), filter_growth};
}

std::string RunOptionsText(const RunOptions& options) {
  const std::string growth =
      options.filter_growth ? (*options.filter_growth ? "on" : "off") : "unknown";
  return fmt::format("--tinyops-config {}, filter growth {}",
                     options.tinyops_config.value_or("unknown"), growth);
}

bool OptionsDiffer(const RunOptions& a, const RunOptions& b) {
  const auto differ = [](const auto& x, const auto& y) { return x && y && *x != *y; };
  return differ(a.tinyops_config, b.tinyops_config) || differ(a.filter_growth, b.filter_growth);
}

std::string UtcTimestamp(std::time_t time) {
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::vector<std::string> RunInputFiles(const searchspace::Catalog& spaces,
                                       const std::vector<std::string>& board_files,
                                       const std::string& data_dir,
                                       const std::string& measured_store,
                                       const std::vector<std::string>& model_files) {
  std::vector<std::string> files;
  for (const searchspace::Space& s : spaces.spaces()) files.push_back(s.file);
  files.insert(files.end(), board_files.begin(), board_files.end());
  for (const char* data : {"/data/accuracy/published.csv", "/data/accuracy/families.toml",
                           "/data/latency/coefficients.toml"}) {
    files.push_back(data_dir + data);
  }
  if (std::filesystem::exists(measured_store)) files.push_back(measured_store);
  files.insert(files.end(), model_files.begin(), model_files.end());
  return files;
}

RunProvenance DescribeRun(const std::vector<hw::Board>& boards,
                          const std::vector<const searchspace::Space*>& swept_spaces,
                          bool imported_models, const std::vector<std::string>& input_files,
                          std::time_t started) {
  RunProvenance run;
  run.started_at = UtcTimestamp(started);
  run.inputs_hash = util::HashFiles(input_files);
  for (const hw::Board& b : boards) Append(&run.boards, b.name);
  for (const searchspace::Space* s : swept_spaces) Append(&run.spaces, s->name);
  if (imported_models) Append(&run.spaces, kImportedSpace);
  return run;
}

}  // namespace explore
