#pragma once
// What `dse fit`, `dse partition` and `dse deploy` take where they take a design: a variant of
// a search space ("mbv3-w1.00-r160", a fixed net's name) or a user's own int8 .tflite file
// ("fw/my_model.tflite"). One resolver, so every command reads a model the same way: the
// file's network as `dse analyze` imports it (tflite::ImportFile, named by its file name,
// ModelNameOf), its flash the file's size (graph::Network::file_bytes, placement/model_flash.h).
// Nothing here prints.

#include <string>
#include <string_view>

#include "explore/evaluate.h"
#include "searchspace/catalog.h"
#include "tflite/import.h"
#include "util/result.h"

namespace explore {

/// A design resolved to its facts (counts, liveness, default-runtime footprint; no top-1).
struct DesignInput {
  VariantFacts facts;
  std::string file;  // the .tflite path it was read from; "" for a search-space variant
  // Imported models: the ops dse does not model ("TANH x2, CUSTOM:Foo x1"; UnsupportedText),
  // "" when every op is modelled. They count no MACs, no latency and no kernel scratch.
  std::string unsupported_ops;
  std::string unsupported_warning;  // the caller's warning for them (UnsupportedWarning), or ""
};

/// A model file read as every command reads one (`dse analyze`, `sweep --models`, and
/// ResolveDesign): tflite::ImportFile (its errors start with "<path>: "; a model without ops is
/// one: "the model has no operators"), the network named by its file name (ModelNameOf).
util::Result<tflite::Import> ImportModelFile(const std::string& path);

/// Whether `text` names a model file rather than a variant: it ends in ".tflite" (any case).
bool NamesModelFile(std::string_view text);

/// How a command uses the design: a report tolerates ops dse does not model (the caller warns
/// with DesignInput::unsupported_warning); firmware files are refused for them.
enum class DesignUse { kReport, kFirmware };

/// The design `name_or_path` names (NamesModelFile decides which kind). A variant: `catalog`'s
/// network (an unknown name is the catalog's input error). A file: imported; input errors
/// start with "<path>: " and say what is wrong (missing or unreadable, not a TFLite
/// flatbuffer, a tensor that is not int8, a shape TFLite's arithmetic does not give, no ops),
/// and under DesignUse::kFirmware a model with ops dse does not model is refused by name.
util::Result<DesignInput> ResolveDesign(const std::string& name_or_path,
                                        const searchspace::Catalog& catalog,
                                        DesignUse use = DesignUse::kReport);

}  // namespace explore
