#include "explore/model_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace explore {
namespace {

namespace fs = std::filesystem;

// The *.tflite files directly in `dir`, sorted by path.
util::Result<std::vector<std::string>> FilesIn(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return util::InputError(fmt::format("--models '{}': no such directory", dir));
  }
  std::vector<std::string> found;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tflite" && e.is_regular_file(ec)) found.push_back(e.path().string());
  }
  if (ec) return util::InputError(fmt::format("--models '{}': cannot list it: {}", dir, ec.message()));
  if (found.empty()) return util::InputError(fmt::format("--models '{}': no .tflite file in it", dir));
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

std::string ModelNameOf(const std::string& path) { return fs::path(path).filename().string(); }

util::Result<std::vector<std::string>> ImportedModelFiles(const std::vector<std::string>& dirs,
                                                          const std::vector<std::string>& files) {
  std::vector<std::string> all;
  for (const std::string& dir : dirs) {
    auto found = FilesIn(dir);
    if (!found) return found.error();
    all.insert(all.end(), found->begin(), found->end());
  }
  all.insert(all.end(), files.begin(), files.end());
  std::map<std::string, std::string> path_of_name;  // model name -> the file that has it
  std::vector<std::string> unique;
  for (const std::string& path : all) {
    const std::string name = ModelNameOf(path);
    const auto [it, added] = path_of_name.emplace(name, path);
    if (added) {
      unique.push_back(path);
      continue;
    }
    std::error_code ec;
    if (!fs::equivalent(it->second, path, ec)) {
      return util::InputError(fmt::format("two models named '{}': '{}' and '{}' (models are "
                                          "named by their file name)",
                                          name, it->second, path));
    }
  }
  return unique;
}

}  // namespace explore
