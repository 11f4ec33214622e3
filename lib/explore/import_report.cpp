#include "explore/import_report.h"

#include <fmt/format.h>

#include "explore/network_text.h"
#include "explore/report_json.h"

namespace explore {
namespace {

// Top-1 of an imported model: measured (imported under its file name) or unknown.
std::string ImportTop1Text(const std::optional<accuracy::Top1>& top1, const std::string& name) {
  if (!top1) {
    return fmt::format("unknown (not measured; import one with 'dse accuracy import', variant "
                       "'{}')", name);
  }
  return fmt::format("{:.2f}% (measured{})", top1->top1_pct,
                     top1->source.empty() ? "" : ", " + top1->source);
}

}  // namespace

std::string UnsupportedText(const tflite::Import& model) {
  std::string text;
  for (const tflite::UnsupportedOp& u : model.unsupported) {
    text += fmt::format("{}{} x{}", text.empty() ? "" : ", ", u.name, u.count);
  }
  return text;
}

std::string UnsupportedWarning(const tflite::Import& model) {
  if (model.unsupported_count() == 0) return "";
  return fmt::format("{}: {} op(s) dse does not model ({}); they count no MACs and no latency",
                     model.network.name, model.unsupported_count(), UnsupportedText(model));
}

std::string ImportText(const tflite::Import& model, const VariantFacts& facts, bool per_op) {
  const graph::Network& net = model.network;
  const analysis::PeakActivation peak = analysis::ComputePeak(net);
  std::string out = TotalsText(net, peak, ParamsNote::kBatchNormFolded);
  out += fmt::format("  unsupported ops      {:>14}{}\n", model.unsupported_count(),
                     model.unsupported.empty() ? "" : "  (" + UnsupportedText(model) + ")");
  out += "  top-1                " + ImportTop1Text(facts.top1, net.name) + "\n";
  out += PeakTensorsText(net, peak);
  if (per_op) out += PerOpText(net, peak);
  return out;
}

nlohmann::json ImportJson(const tflite::Import& model, const VariantFacts& facts,
                          const std::string& path, bool per_op) {
  const graph::Network& net = model.network;
  nlohmann::json out = NetworkJson(net, per_op);
  out["model_file"] = path;
  out["source"] = "tflite";
  out["unsupported_op_count"] = model.unsupported_count();
  out["unsupported_ops"] = nlohmann::json::array();
  for (const tflite::UnsupportedOp& u : model.unsupported) {
    out["unsupported_ops"].push_back({{"name", u.name}, {"count", u.count}});
  }
  out["peak_tensors"] = PeakTensorsJson(net, analysis::ComputePeak(net));
  out["top1"] = facts.top1 ? nlohmann::json(facts.top1->top1_pct) : nlohmann::json(nullptr);
  out["top1_provenance"] = facts.top1 ? "measured" : "unknown";
  if (per_op) {
    for (size_t i = 0; i < net.ops.size(); ++i) out["per_op"][i]["name"] = net.ops[i].name;
  }
  return out;
}

}  // namespace explore
