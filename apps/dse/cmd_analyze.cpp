// dse analyze MODEL.tflite — an int8 TFLite model read into the Network IR and reported like
// `dse show`: totals, MAC shares, per-op MACs, weight and live bytes, and the ops dse does not
// model (counted, named, never dropped).

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "analysis/liveness.h"
#include "app.h"
#include "report.h"
#include "tflite/import.h"

namespace dse_app {
namespace {

struct AnalyzeOptions {
  std::string model_path;
  bool per_op = false;
  bool json = false;
};

std::string UnsupportedText(const tflite::Import& im) {
  std::string text;
  for (const tflite::UnsupportedOp& u : im.unsupported) {
    text += fmt::format("{}{} x{}", text.empty() ? "" : ", ", u.name, u.count);
  }
  return text;
}

nlohmann::json AnalyzeJson(const tflite::Import& im, const AnalyzeOptions& options) {
  nlohmann::json out = report::NetworkJson(im.network, options.per_op);
  out["model_file"] = options.model_path;
  out["source"] = "tflite";
  out["unsupported_op_count"] = im.unsupported_count();
  out["unsupported_ops"] = nlohmann::json::array();
  for (const tflite::UnsupportedOp& u : im.unsupported) {
    out["unsupported_ops"].push_back({{"name", u.name}, {"count", u.count}});
  }
  if (options.per_op) {
    for (size_t i = 0; i < im.network.ops.size(); ++i) {
      out["per_op"][i]["name"] = im.network.ops[i].name;
    }
  }
  return out;
}

void Run(const AnalyzeOptions& options) {
  const tflite::Import im = Unwrap(tflite::ImportFile(options.model_path));
  if (im.unsupported_count() > 0) {
    Note(fmt::format("dse: warning: {} op(s) dse does not model ({}); they count no MACs",
                     im.unsupported_count(), UnsupportedText(im)));
  }
  if (options.json) {
    std::cout << AnalyzeJson(im, options).dump(2) << "\n";
    return;
  }
  const analysis::PeakActivation peak = analysis::ComputePeak(im.network);
  report::PrintTotals(im.network, peak, report::ParamsNote::kBatchNormFolded);
  std::cout << fmt::format("  unsupported ops      {:>14}{}\n", im.unsupported_count(),
                           im.unsupported.empty() ? "" : "  (" + UnsupportedText(im) + ")");
  if (options.per_op) report::PrintPerOp(im.network, peak);
}

}  // namespace

void RegisterAnalyze(CLI::App& app) {
  static AnalyzeOptions options;
  CLI::App* analyze = app.add_subcommand(
      "analyze", "Read an int8 TFLite model and report MACs, bytes and peak activation like 'show'");
  analyze->add_option("model", options.model_path, "An int8-quantised .tflite flatbuffer")
      ->required();
  analyze->add_flag("--per-op", options.per_op,
                    "List every op: kind, kernel, stride, shapes, MACs, bytes, live bytes");
  analyze->add_flag("--json", options.json,
                    "Print JSON (totals at the top level, per-op rows in 'per_op', ops dse does "
                    "not model in 'unsupported_ops')");
  analyze->callback([] { Run(options); });
}

}  // namespace dse_app
