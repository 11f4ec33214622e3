#pragma once
// Imported .tflite models for `dse analyze` and `dse sweep --models/--model`: read into the IR,
// named by their file name, with a warning for the ops dse does not model. Which files
// `--models DIR` means: explore::ImportedModelFiles.

#include <string>

#include "explore/design_input.h"
#include "tflite/import.h"

namespace dse_app {

/// Reads `path` into the IR. The network is named by the file name (explore::ModelNameOf,
/// "kws.tflite"), the name `dse accuracy import` rows use for a measured top-1
/// (accuracy::IsImportedModelName).
/// Unsupported ops are warned about on stderr (by name and count) and kept as MAC-free ops.
/// A missing, unreadable, non-TFLite or non-int8 file, or one without ops, exits 2 with
/// explore::ImportModelFile's message.
tflite::Import ImportModel(const std::string& path);

/// The design `fit`, `partition` and `deploy` name (explore::ResolveDesign on Spaces()); ops dse
/// does not model are warned about as ImportModel does (refused under kFirmware).
explore::VariantFacts DesignNamed(const std::string& design,
                                  explore::DesignUse use = explore::DesignUse::kReport);

}  // namespace dse_app
