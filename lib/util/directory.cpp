#include "util/directory.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace util {

Result<std::vector<std::string>> ListFiles(const std::string& dir, const std::string& extension) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == extension) files.push_back(entry.path().string());
  }
  if (ec) return InputError(fmt::format("{}: cannot read the directory: {}", dir, ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

Status CreateParentDirectory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return Ok{};
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) {
    return InputError(
        fmt::format("cannot create the directory {}: {}", parent.string(), ec.message()));
  }
  return Ok{};
}

}  // namespace util
