#include "tflite_models.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "app.h"

namespace dse_app {
namespace fs = std::filesystem;

tflite::Import ImportModel(const std::string& path) {
  tflite::Import model = Unwrap(tflite::ImportFile(path));
  model.network.name = fs::path(path).filename().string();
  if (model.unsupported_count() > 0) {
    Note(fmt::format("dse: warning: {}: {} op(s) dse does not model ({}); they count no MACs "
                     "and no latency",
                     model.network.name, model.unsupported_count(), UnsupportedText(model)));
  }
  return model;
}

std::string UnsupportedText(const tflite::Import& model) {
  std::string text;
  for (const tflite::UnsupportedOp& u : model.unsupported) {
    text += fmt::format("{}{} x{}", text.empty() ? "" : ", ", u.name, u.count);
  }
  return text;
}

namespace {

// The *.tflite files directly in `dir`, sorted by name.
std::vector<std::string> FilesIn(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) FailInput(fmt::format("--models '{}': no such directory", dir));
  std::vector<std::string> found;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tflite" && e.is_regular_file(ec)) found.push_back(e.path().string());
  }
  if (ec) FailInput(fmt::format("--models '{}': cannot list it: {}", dir, ec.message()));
  if (found.empty()) FailInput(fmt::format("--models '{}': no .tflite file in it", dir));
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

std::vector<std::string> ModelFiles(const std::vector<std::string>& dirs,
                                    const std::vector<std::string>& files) {
  std::vector<std::string> all;
  for (const std::string& dir : dirs) {
    for (std::string& f : FilesIn(dir)) all.push_back(std::move(f));
  }
  all.insert(all.end(), files.begin(), files.end());
  std::map<std::string, std::string> path_of_name;  // model name -> the file that has it
  std::vector<std::string> unique;
  for (const std::string& path : all) {
    const std::string name = fs::path(path).filename().string();
    const auto [it, added] = path_of_name.emplace(name, path);
    if (added) {
      unique.push_back(path);
      continue;
    }
    std::error_code ec;
    if (!fs::equivalent(it->second, path, ec)) {
      FailInput(fmt::format("two models named '{}': '{}' and '{}' (models are named by their "
                            "file name)", name, it->second, path));
    }
  }
  return unique;
}

}  // namespace dse_app
