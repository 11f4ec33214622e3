#include "explore/vocabulary.h"

#include <fmt/format.h>

#include <algorithm>

#include "explore/fields.h"

#ifndef DSE_VERSION
#define DSE_VERSION "unknown"
#endif
#ifndef DSE_GIT_REVISION
#define DSE_GIT_REVISION "unknown"
#endif

namespace explore {
namespace {

// Keys whose values are maps keyed by data (op classes, modes, breakdown terms).
constexpr std::string_view kMapKeys[] = {"mac_share", "latency_breakdown_ms", "power_mw"};

void Walk(const nlohmann::json& doc, const std::string& path, std::vector<std::string>* unknown) {
  if (doc.is_array()) {
    for (const auto& item : doc) Walk(item, path, unknown);
    return;
  }
  if (!doc.is_object()) return;
  for (const auto& [key, value] : doc.items()) {
    const std::string here = path.empty() ? key : path + "." + key;
    if (!IsKnownKey(key)) unknown->push_back(here);
    if (!IsMapKey(key)) Walk(value, here, unknown);
  }
}

}  // namespace

const std::vector<ReportField>& ReportFields() {
  static const std::vector<ReportField> fields = {
      {"activation", "an op's fused activation (none, relu, relu6, ...)"},
      {"activation_bits", "bits per activation element"},
      {"arena_bytes", "the runtime's tensor arena (activations and scratch)"},
      {"available_bytes", "bytes a constraint allows"},
      {"best", "sweep: the best design per mode (candidates)"},
      {"boards", "sweep: one entry per board"},
      {"bias_overlaid", "TinyOps: the op's bias shares a buffer"},
      {"block", "the network block an op belongs to"},
      {"budget_bytes", "TinyOps SRAM budget"},
      {"bus_width_bits", "an external memory's data lines"},
      {"bytes", "a tensor's size"},
      {"cas_latency_cycles", "SDRAM CAS latency"},
      {"clock_hz", "core or memory clock"},
      {"compute_ms", "an op's compute time (predicted)"},
      {"constraint", "the memory a violation is about"},
      {"controller", "the DMA controller"},
      {"core", "the board's core"},
      {"count", "how many ops of a kind"},
      {"counts_provenance", "where MACs and bytes come from: analytic"},
      {"cycles", "an op's predicted cycles"},
      {"dcache_bytes", "data cache"},
      {"designs", "dse pick: the designs chosen, best first"},
      {"design_space", "a front's design space: a mode or all"},
      {"detail", "a violation explained"},
      {"dma", "the board's DMA"},
      {"dma_bytes", "bytes moved by DMA"},
      {"excess_bytes", "bytes over a constraint"},
      {"exposed_ms", "an op's transfer time not hidden by compute (predicted)"},
      {"external", "the board's external memories"},
      {"external_memory", "the external RAM a mode uses"},
      {"file", "the profile or file a value was read from"},
      {"filter_bytes", "TinyOps: filter buffer"},
      {"filter_growth", "TinyOps: unused budget given to the filter buffer"},
      {"filter_growth_bytes", "TinyOps: bytes given to the filter buffer"},
      {"filter_overlaid", "TinyOps: the op's filter shares a buffer"},
      {"first_op", "first op a tensor is live at"},
      {"fit", "dse analyze: the fit per mode"},
      {"fits", "whether a placement fits"},
      {"flash", "internal flash"},
      {"flash_parts", "fit: the internal flash need by part (model, runtime code)"},
      {"flatbuffer_bytes", "fit: the model file's flatbuffer overhead (estimated unless read from a file)"},
      {"flash_wait_states", "flash wait states at the core clock"},
      {"front", "the front's members, each a candidate"},
      {"global_parts", "TinyOps: parts of an op over the whole plan"},
      {"icache_bytes", "instruction cache"},
      {"in_place_read_bytes", "TinyOps: bytes read in place from external RAM"},
      {"in_rows", "TinyOps: a part's input rows [begin, end)"},
      {"index", "an op's position"},
      {"input2_dma_bytes", "TinyOps: second input's DMA bytes"},
      {"input_dma_bytes", "TinyOps: input DMA bytes"},
      {"input_ping_bytes", "TinyOps: input ping buffer"},
      {"input_pong_bytes", "TinyOps: input pong buffer"},
      {"input_shape", "an op's input [H, W, C]"},
      {"im2col_bytes", "TinyOps: im2col buffer"},
      {"bias_bytes", "TinyOps: bias buffer"},
      {"quant_multiplier_bytes", "TinyOps: quantisation multiplier buffer"},
      {"quant_shift_bytes", "TinyOps: quantisation shift buffer"},
      {"kernel", "an op's kernel [H, W]; with a latency, its kernel class"},
      {"kind", "an op's or a memory's kind"},
      {"last_op", "last op a tensor is live at"},
      {"layout", "fit: the SRAM layout the need follows (a runtime's arena planner)"},
      {"live_activation_bytes", "bytes live while an op runs"},
      {"mac_share", "share of MACs per op class (a map)"},
      {"max_bias_bytes", "TinyOps: largest bias"},
      {"max_latency_ms", "dse pick: latency ceiling"},
      {"max_part_bytes", "TinyOps: an op's largest part"},
      {"max_partition_bytes", "TinyOps: the plan's largest partition (S)"},
      {"max_partition_op", "TinyOps: the op of the largest partition"},
      {"max_sram_bytes", "dse pick: SRAM ceiling"},
      {"memory_ms", "an op's memory and DMA wait (predicted)"},
      {"memory_regions", "the board's internal RAMs ([memory] of the profile)"},
      {"memory_to_memory", "the DMA copies memory to memory"},
      {"dma_reachable", "a memory region the general-purpose DMA reaches"},
      {"start_address", "a memory region's first address"},
      {"min_top1_pct", "dse pick: top-1 floor"},
      {"model_bytes", "fit: the model in flash (weight data + flatbuffer)"},
      {"model_from_file", "fit: whether the model's size was read from a .tflite file"},
      {"model_file", "an imported model's file"},
      {"modes", "one entry per deployment mode"},
      {"name", "a name"},
      {"needed_bytes", "bytes a placement needs"},
      {"op", "an op's index"},
      {"op_class", "an op's class (conv, depthwise, ...)"},
      {"op_name", "an op's name"},
      {"ops", "op count, or a plan's ops"},
      {"out_rows", "TinyOps: a part's output rows [begin, end)"},
      {"output_bytes", "bytes written"},
      {"output_shape", "an op's output [H, W, C]"},
      {"pad_bottom", "TinyOps: a part's bottom padding rows"},
      {"pad_top", "TinyOps: a part's top padding rows"},
      {"part", "an external memory's part number"},
      {"partitioned", "TinyOps: the op is split"},
      {"parts", "TinyOps: an op's parts"},
      {"peak_activation_op", "the op at the activation peak"},
      {"peak_tensors", "tensors live at the peak"},
      {"persistent_bytes", "fit: the runtime's persistent data in SRAM"},
      {"per_op", "one row per op"},
      {"power_mw", "measured power (per mode in boards show)"},
      {"power_provenance", "where the power comes from"},
      {"quant_overlaid", "TinyOps: the op's quantisation parameters share a buffer"},
      {"reason", "why"},
      {"receptive_field_bytes", "TinyOps: receptive field"},
      {"reserved_bytes", "bytes the runtime keeps"},
      {"role", "an op's role"},
      {"runtime_code_bytes", "fit: the runtime's code in flash"},
      {"runtime_reserve_bytes", "fit: SRAM the runtime keeps beside the arena"},
      {"rows", "the rows of a document whose body is a list"},
      {"scratch_bytes", "TinyOps: scratch"},
      {"scratch_in_sram", "TinyOps: scratch kept in SRAM"},
      {"shape", "a tensor's [H, W, C]"},
      {"shortfall", "TinyOps: why the plan does not fit (null when it does)"},
      {"size_bytes", "a memory's size"},
      {"smallest_part_bytes", "TinyOps: smallest part possible"},
      {"smallest_part_rows", "TinyOps: rows of the smallest part"},
      {"smallest_sram_bytes", "TinyOps: SRAM the smallest plan needs"},
      {"source", "where a model comes from"},
      {"sram", "internal SRAM"},
      {"sram_parts", "fit: the internal SRAM need by part (arena, scratch, persistent, reserve)"},
      {"storage", "the external storage a mode uses"},
      {"storage_bytes", "bytes in external storage"},
      {"streams_used", "DMA streams used"},
      {"stride", "an op's stride [H, W]"},
      {"tensor", "a tensor's name"},
      {"tinyops_budget_bytes", "the board's default TinyOps budget"},
      {"tinyops_fits", "the TinyOps plan fits its budget"},
      {"tinyops_plan", "dse analyze: the TinyOps plan"},
      {"title", "a board's title"},
      {"unsupported_op_count", "ops dse does not model"},
      {"unsupported_ops", "ops dse does not model, by name"},
      {"variants", "sweep: points evaluated"},
      {"evaluations", "sweep: evaluations"},
      {"front_members", "sweep: front members"},
      {"db", "the results database"},
      {"violations", "why a placement does not fit"},
      {"warnings", "TinyOps plan warnings"},
      {"weight_data_bytes", "fit: weights, biases and requantisation data in flash"},
      {"x_objective", "a front's cost axis: macs, latency or energy"},
      {"y_objective", "a front's benefit axis: top1"},
  };
  return fields;
}

const std::vector<ReportField>& EnvelopeFields() {
  static const std::vector<ReportField> fields = {
      {"schema_version", "version of this vocabulary"},
      {"tool_version", "dse version"},
      {"git_revision", "the build's git revision, unknown outside a checkout"},
      {"run_id", "the run of the results database the document comes from"},
  };
  return fields;
}

bool IsMapKey(std::string_view key) {
  return std::find(std::begin(kMapKeys), std::end(kMapKeys), key) != std::end(kMapKeys);
}

bool IsKnownKey(std::string_view key) {
  for (const Field& f : CandidateFields()) {
    if (f.name == key) return true;
  }
  for (const auto* table : {&ReportFields(), &EnvelopeFields()}) {
    for (const ReportField& f : *table) {
      if (f.name == key) return true;
    }
  }
  return false;
}

std::vector<std::string> UnknownKeys(const nlohmann::json& doc) {
  std::vector<std::string> unknown;
  Walk(doc, "", &unknown);
  return unknown;
}

nlohmann::json Document(nlohmann::json body, std::optional<int64_t> run_id) {
  nlohmann::json out = body.is_object() ? std::move(body) : nlohmann::json{{"rows", std::move(body)}};
  out["schema_version"] = kJsonSchemaVersion;
  out["tool_version"] = DSE_VERSION;
  out["git_revision"] = DSE_GIT_REVISION;
  if (run_id) out["run_id"] = *run_id;
  return out;
}

std::string DocumentText(nlohmann::json body, std::optional<int64_t> run_id) {
  return Document(std::move(body), run_id).dump(2) + "\n";
}

std::string VocabularyMarkdown() {
  std::string out = "| field | meaning |\n| --- | --- |\n";
  for (const ReportField& f : EnvelopeFields()) out += fmt::format("| `{}` | {} |\n", f.name, f.doc);
  for (const Field& f : CandidateFields()) out += fmt::format("| `{}` | {} |\n", f.name, f.doc);
  std::vector<ReportField> sorted = ReportFields();
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const ReportField& f : sorted) out += fmt::format("| `{}` | {} |\n", f.name, f.doc);
  return out;
}

}  // namespace explore
