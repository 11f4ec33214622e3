#include "explore/row_network.h"

#include <fmt/format.h>

#include <filesystem>

#include "tflite/import.h"

namespace explore {

bool IsModelFileVariant(const std::string& variant) { return variant.ends_with(".tflite"); }

util::Result<graph::Network> RowNetwork(const std::string& variant,
                                        const searchspace::Catalog& spaces,
                                        const std::string& models_dir) {
  if (IsModelFileVariant(variant)) {
    if (const std::string problem = CheckRowVariant(variant, spaces, models_dir); !problem.empty()) {
      return util::InputError(problem);
    }
    auto imported = tflite::ImportFile((std::filesystem::path(models_dir) / variant).string());
    if (!imported) return imported.error();
    return std::move(imported->network);
  }
  auto parsed = spaces.ParseVariant(variant);
  if (!parsed) return parsed.error();
  return searchspace::Build(*spaces.Find(parsed->space), parsed->width, parsed->resolution);
}

std::string CheckRowVariant(const std::string& variant, const searchspace::Catalog& spaces,
                            const std::string& models_dir) {
  if (!IsModelFileVariant(variant)) {
    auto parsed = spaces.ParseVariant(variant);
    return parsed ? "" : parsed.error().message;
  }
  if (models_dir.empty()) {
    return fmt::format("model file '{}': no models folder given", variant);
  }
  if (!std::filesystem::is_regular_file(std::filesystem::path(models_dir) / variant)) {
    return fmt::format("model file '{}' is not in {}", variant, models_dir);
  }
  return "";
}

}  // namespace explore
