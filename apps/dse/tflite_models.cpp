#include "tflite_models.h"

#include <fmt/format.h>

#include "app.h"
#include "explore/model_files.h"

namespace dse_app {

tflite::Import ImportModel(const std::string& path) {
  tflite::Import model = Unwrap(tflite::ImportFile(path));
  model.network.name = explore::ModelNameOf(path);
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

}  // namespace dse_app
