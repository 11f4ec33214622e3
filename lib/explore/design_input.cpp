#include "explore/design_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "explore/import_report.h"
#include "explore/model_files.h"

namespace explore {
namespace {

util::Result<DesignInput> ImportDesign(const std::string& path, DesignUse use) {
  auto imported = ImportModelFile(path);
  if (!imported) return imported.error();
  tflite::Import model = std::move(imported).value();
  DesignInput in;
  in.file = path;
  in.unsupported_ops = UnsupportedText(model);
  in.unsupported_warning = UnsupportedWarning(model);
  if (use == DesignUse::kFirmware && !in.unsupported_ops.empty()) {
    // The header and the layer report would leave those ops' kernel scratch and latency out.
    return util::InputError(fmt::format(
        "{}: {} op(s) dse does not model ({}); no firmware files are written for it ('dse fit' "
        "and 'dse analyze' report it with those ops counted as MAC-free)",
        path, model.unsupported_count(), in.unsupported_ops));
  }
  in.facts = FactsOf(std::move(model.network));
  in.facts.variant.space = kImportedSpace;  // as AnalyseNetwork names an imported network
  return in;
}

}  // namespace

util::Result<tflite::Import> ImportModelFile(const std::string& path) {
  auto imported = tflite::ImportFile(path);
  if (!imported) return imported.error();
  tflite::Import model = std::move(imported).value();  // the reader refuses a model without ops
  model.network.name = ModelNameOf(path);
  return model;
}

bool NamesModelFile(std::string_view text) {
  constexpr std::string_view kSuffix = ".tflite";
  if (text.size() < kSuffix.size()) return false;
  return std::equal(kSuffix.begin(), kSuffix.end(), text.end() - kSuffix.size(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

util::Result<DesignInput> ResolveDesign(const std::string& name_or_path,
                                        const searchspace::Catalog& catalog, DesignUse use) {
  if (NamesModelFile(name_or_path)) return ImportDesign(name_or_path, use);
  auto variant = catalog.ParseVariant(name_or_path);
  if (!variant) {
    if (variant.error().kind != util::Error::Kind::kInput) return variant.error();
    return util::InputError(variant.error().message + "; a model file is given as FILE.tflite");
  }
  auto net = catalog.Build(*variant);
  if (!net) return net.error();
  return DesignInput{FactsOf(std::move(net).value()), "", ""};
}

}  // namespace explore
