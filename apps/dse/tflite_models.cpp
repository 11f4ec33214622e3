#include "tflite_models.h"

#include <fmt/format.h>

#include "app.h"
#include "explore/import_report.h"
#include "explore/model_files.h"

namespace dse_app {

tflite::Import ImportModel(const std::string& path) {
  tflite::Import model = Unwrap(tflite::ImportFile(path));
  model.network.name = explore::ModelNameOf(path);
  if (model.unsupported_count() > 0) {
    Note(fmt::format("dse: warning: {}: {} op(s) dse does not model ({}); they count no MACs "
                     "and no latency",
                     model.network.name, model.unsupported_count(), explore::UnsupportedText(model)));
  }
  return model;
}

explore::VariantFacts DesignNamed(const std::string& design, explore::DesignUse use) {
  explore::DesignInput in = Unwrap(explore::ResolveDesign(design, Spaces(), use));
  if (!in.unsupported_ops.empty()) {
    Note(fmt::format("dse: warning: {}: op(s) dse does not model ({}); they count no MACs and "
                     "no latency", in.facts.net.name, in.unsupported_ops));
  }
  return std::move(in.facts);
}

}  // namespace dse_app
