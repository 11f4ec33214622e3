#pragma once
// explore import_report — the network part of `dse analyze` for an imported .tflite, as text
// and JSON: the report `dse show` gives (totals, MAC shares, tensors at the peak, per-op table)
// plus the file, the ops dse does not model (counted and named, never dropped) and the top-1
// (measured, or unknown). The board part is fit/partition's report (deploy/fit_text.h).

#include <nlohmann/json.hpp>

#include <string>

#include "explore/evaluate.h"
#include "tflite/import.h"

namespace explore {

/// The ops dse does not model, as "TANH x2, CUSTOM:Foo x1"; empty when there are none.
std::string UnsupportedText(const tflite::Import& model);
/// The warning every command gives for them: "kws.tflite: 2 op(s) dse does not model (TANH x2);
/// they count no MACs and no latency" (the network's name); empty when there are none.
std::string UnsupportedWarning(const tflite::Import& model);

/// The text report of `model` (read from a file; `facts` its analysis), with the per-op table
/// when `per_op`.
std::string ImportText(const tflite::Import& model, const VariantFacts& facts, bool per_op);

/// The JSON report: NetworkJson plus model_file (`path`), source "tflite", unsupported_op_count,
/// unsupported_ops [{name, count}], peak_tensors, top1 and top1_provenance (measured|unknown),
/// and each per-op row's name.
nlohmann::json ImportJson(const tflite::Import& model, const VariantFacts& facts,
                          const std::string& path, bool per_op);

}  // namespace explore
