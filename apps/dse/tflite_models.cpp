#include "tflite_models.h"

#include "app.h"
#include "explore/import_report.h"

namespace dse_app {

tflite::Import ImportModel(const std::string& path) {
  tflite::Import model = Unwrap(explore::ImportModelFile(path));
  if (const std::string warning = explore::UnsupportedWarning(model); !warning.empty()) {
    Note("dse: warning: " + warning);
  }
  return model;
}

explore::VariantFacts DesignNamed(const std::string& design, explore::DesignUse use) {
  explore::DesignInput in = Unwrap(explore::ResolveDesign(design, Spaces(), use));
  if (!in.unsupported_warning.empty()) Note("dse: warning: " + in.unsupported_warning);
  return std::move(in.facts);
}

}  // namespace dse_app
