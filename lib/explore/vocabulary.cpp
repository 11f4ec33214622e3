#include "explore/vocabulary.h"

#include <fmt/format.h>

#include <algorithm>

#include "explore/fields.h"

#ifndef DSE_VERSION
#define DSE_VERSION "unknown"
#endif
#include "dse_git_revision.h"  // generated at every build (cmake/git_revision.cmake)

namespace explore {
namespace {

// Keys whose values are maps keyed by data (op classes, modes, breakdown terms).
constexpr std::string_view kMapKeys[] = {"mac_share", "latency_breakdown_ms", "power_mw",
                                         "coefficients", "per_family"};

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
      {"available_bytes", "bytes a memory constraint allows (null for a runtime one)"},
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
      {"configuration", "a mode: how its configuration was chosen (TinyOps: the fastest predicted, beside the firmware's)"},
      {"constraint", "what a violation is about: a memory, or \"runtime\""},
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
      {"excess_bytes", "bytes over a memory constraint (null for a runtime one)"},
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
      {"kind", "an op's, a memory's or a violation's kind (memory, runtime)"},
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
      {"resumed", "search: designs of the resumed run evaluated again first"},
      {"resumed_from", "search: the run resumed (--resume), or null"},
      {"start_address", "a memory region's first address"},
      {"min_top1_pct", "dse pick: top-1 floor"},
      {"model_bytes", "fit: the model in flash (weight data + flatbuffer)"},
      {"model_from_file", "fit: whether the model's size was read from a .tflite file"},
      {"model_file", "an imported model's file"},
      {"modes", "one entry per deployment mode"},
      {"name", "a name"},
      {"needed_bytes", "bytes a placement needs of a memory (null for a runtime constraint)"},
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
      {"tinyops_config", "sweep, search: the run's --tinyops-config (fastest, firmware; null: not recorded)"},
      {"tinyops_plan", "dse analyze: the TinyOps plan"},
      {"title", "a board's title"},
      {"top1_regime", "search: how the front's top-1 was predicted (supernet weights or trained)"},
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
      {"algorithm", "search: the strategy (grid, nsga2, ...)"},
      {"arena_layout", "a runtime's SRAM arena planner"},
      {"interpreter", "runtimes list: what runs the graph (tflm, tinyengine, microtvm-aot, ...)"},
      {"kernels", "runtimes list: the kernel library its ops call (cmsis-nn, reference, ...)"},
      {"baseline_loo_mape_pct", "calibrate: the uncalibrated baseline's leave-one-out error"},
      {"baseline_loo_ms", "calibrate: a row's baseline latency, its own row left out"},
      {"baseline_mape_pct", "calibrate, lobo: the uncalibrated baseline's mean absolute error"},
      {"interval_coverage_pct", "lobo, accuracy fit: share of left-out rows inside their 80 % interval"},
      {"interval_half_pct", "accuracy fit: a family's top-1 80 % interval half-width, points"},
      {"interval_method", "accuracy fit: how the top-1 80 % interval is derived"},
      {"interval_ratio", "lobo: mean high / low of the left-out rows' 80 % intervals"},
      {"baseline_ms", "calibrate: a row's baseline (uncalibrated) latency"},
      {"baseline_variant", "reproduce: the paper's internal-memory baseline design"},
      {"baselines", "reproduce fairness: the baselines under each SRAM layout"},
      {"best_layout", "reproduce fairness: the SRAM layout with the best internal design"},
      {"board_sram_bytes", "reproduce fairness: the board's SRAM"},
      {"cells", "runtimes lobo: one entry per runtime and board left out"},
      {"ceiling_pct", "accuracy fit: a family's top-1 ceiling"},
      {"center_ln_macs_m", "accuracy fit: a family's centre, ln of MACs in millions"},
      {"claims", "reproduce: the paper's headline claims, recomputed"},
      {"coefficients", "calibrate: fitted latency coefficients per board (a map)"},
      {"dataset", "a front's or an accuracy's dataset (imagenet, speech-commands, ...)"},
      {"default", "a runtime is the default"},
      {"description", "a space's description"},
      {"diff", "reproduce: dse minus the paper"},
      {"dse", "reproduce: dse's figures for a paper row (a candidate)"},
      {"dse_pick", "reproduce: the design dse picks under the claim's constraints"},
      {"dse_pick_latency_ratio_predicted", "reproduce: the baseline's latency over dse's pick's (predicted)"},
      {"dse_pick_top1_gain_pct_predicted", "reproduce: dse's pick's top-1 gain over the baseline (predicted)"},
      {"energy_pct", "reproduce: energy difference in percent"},
      {"evaluations_per_second", "search: throughput"},
      {"fairness", "reproduce: the internal-memory baselines under every SRAM layout"},
      {"domain", "accuracy predict: the MACs and resolutions the per-stage predictor was fitted on"},
      {"extrapolated", "accuracy predict: the point lies outside the fitted domain"},
      {"fallback", "accuracy predict: the family had no data (shared ceiling)"},
      {"edge_interval_coverage_pct", "accuracy fit: share of held-out edge rows inside their widened 80 % interval"},
      {"edge_interval_half_pct", "accuracy fit: the least 80 % half-width of an extrapolated top-1, points"},
      {"fallback_interval_coverage_pct", "accuracy fit: share of left-out families' rows inside the shared-ceiling interval"},
      {"fallback_interval_half_pct", "accuracy fit: the 80 % half-width for a family without data, points"},
      {"macs_max", "accuracy predict: the fitted domain's most MACs"},
      {"macs_min", "accuracy predict: the fitted domain's fewest MACs"},
      {"point", "accuracy predict: a per-stage space's point"},
      {"regime", "accuracy predict: how the per-stage predictor's rows were trained (supernet weights or trained)"},
      {"resolution_max", "accuracy predict: the fitted domain's highest resolution"},
      {"resolution_min", "accuracy predict: the fitted domain's lowest resolution"},
      {"families", "accuracy fit: per-family parameters"},
      {"family", "an accuracy family"},
      {"fit_mae_pct", "accuracy fit: mean absolute fit error"},
      {"fitted_pct", "accuracy fit: a row's fitted top-1"},
      {"fitted_rows", "a runtime's rows its factors were fitted to"},
      {"form", "accuracy fit: the surrogate's formula"},
      {"grid", "accuracy fit: a row is on the width x resolution grid"},
      {"grid_loo_mae_pct", "accuracy fit: leave-one-out error over grid rows"},
      {"grid_loo_worst_pct", "accuracy fit: worst leave-one-out error over grid rows"},
      {"grid_rows", "accuracy fit: grid rows"},
      {"holds", "reproduce: a claim holds with dse's numbers"},
      {"hypervolume", "search: the front's hypervolume"},
      {"hypervolume_reference", "search: the hypervolume's reference point, per objective"},
      {"id", "a runtime's id"},
      {"int8_drop_q_pct", "accuracy fit: int8 quantisation drop"},
      {"internal", "reproduce fairness: the best internal design per SRAM layout, any schedule"},
      {"latency_breakdown_ms", "latency per term (a map, predicted)"},
      {"latency_pct", "reproduce: latency difference in percent"},
      {"latency_ratio_predicted", "reproduce: baseline latency over the TinyOps design's (predicted)"},
      {"layouts", "reproduce fairness: one entry per SRAM layout and schedule"},
      {"leave_one_board_out", "calibrate: each board predicted without its rows"},
      {"line", "a row's line in its file"},
      {"loo_mae_pct", "accuracy fit: mean leave-one-out error"},
      {"loo_mape_pct", "calibrate: leave-one-out mean absolute error"},
      {"loo_ms", "calibrate: a row's latency fitted without it"},
      {"loo_predicted_pct", "accuracy fit: a row's top-1 fitted without it"},
      {"loo_worst_model", "accuracy fit: the model of the worst leave-one-out error"},
      {"loo_worst_pct", "accuracy fit: worst leave-one-out error"},
      {"macs_m", "MACs in millions"},
      {"mape_pct", "mean absolute percentage error"},
      {"measured_ms", "a measured latency"},
      {"model", "a published model's name"},
      {"note", "a remark on the figure"},
      {"notes", "remarks on the fit"},
      {"objectives", "search: the objectives"},
      {"other_runtimes", "runtimes lobo: every runtime but the default, pooled"},
      {"other_runtimes_transferred", "runtimes lobo: the other runtimes measured on 2+ boards, pooled"},
      {"overall", "calibrate: leave-one-board-out over every board"},
      {"paper", "reproduce: the paper's figures for a row"},
      {"paper_latency_ratio", "reproduce: the paper's latency ratio"},
      {"paper_pick", "reproduce: the paper's design"},
      {"paper_top1_gain_pct", "reproduce: the paper's top-1 gain"},
      {"params_m", "parameters in millions"},
      {"per_family", "accuracy fit: errors per family (a map)"},
      {"picks", "reproduce: the paper's pick beside dse's"},
      {"precision", "an accuracy's precision (fp32, int8, int4)"},
      {"predicted_ms", "calibrate: a row's fitted latency"},
      {"predicted_with", "calibrate, lobo: what predicted a board left out"},
      {"prior_ms", "calibrate: a row's latency from the priors alone"},
      {"prior_only_mape_pct", "calibrate: the priors' error"},
      {"provenance", "where a figure comes from"},
      {"published_pct", "a published top-1"},
      {"resolutions", "a space's resolutions"},
      {"seconds", "search: wall time"},
      {"seed", "search: the random seed"},
      {"shared_ceiling_pct", "accuracy fit: the shared top-1 ceiling"},
      {"shared_center_ln_macs_m", "accuracy fit: the shared centre"},
      {"slope_s", "accuracy fit: the logistic slope"},
      {"spaces", "the spaces of a family"},
      {"sram_fits", "reproduce fairness: a layout's SRAM fits the board"},
      {"summaries", "calibrate: errors per board and mode"},
      {"summary", "reproduce: errors over the tables"},
      {"surrogate_family", "accuracy predict: the family the surrogate used"},
      {"table", "reproduce: the paper's table"},
      {"table2_energy_mape_pct", "reproduce: Table II energy error"},
      {"table2_latency_mape_pct", "reproduce: Table II latency error"},
      {"table2_latency_ratio", "reproduce: the latency ratio of Table II's rows"},
      {"table2_top1_gain_pct", "reproduce: the top-1 gain of Table II's rows"},
      {"table2_top1_mae_points", "reproduce: Table II top-1 error, points"},
      {"table3_latency_mape_pct", "reproduce: Table III latency error"},
      {"tables", "reproduce: the paper's rows beside dse's"},
      {"task", "a front's or an accuracy's task (classification, keyword-spotting, ...)"},
      {"tflm_cmsis_nn", "runtimes lobo: the default runtime"},
      {"tinyops_beats_best_internal", "reproduce fairness: TinyOps beats the best internal design"},
      {"tinyops_best", "reproduce fairness: the best TinyOps design"},
      {"tinyops_variant", "reproduce: the TinyOps design of a claim"},
      {"top1_gain_pct_predicted", "reproduce: top-1 gain over the baseline (predicted)"},
      {"top1_points", "reproduce: top-1 difference, points"},
      {"width_d", "accuracy fit: linear width term"},
      {"width_e", "accuracy fit: quadratic width term"},
      {"widths", "a space's widths"},
      {"blocks", "a space's number of blocks"},
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

std::string ToolVersion() { return DSE_VERSION; }

std::string GitRevision() { return DSE_GIT_REVISION; }

nlohmann::json Document(nlohmann::json body, std::optional<int64_t> run_id) {
  nlohmann::json out = body.is_object() ? std::move(body) : nlohmann::json{{"rows", std::move(body)}};
  out["schema_version"] = kJsonSchemaVersion;
  out["tool_version"] = ToolVersion();
  out["git_revision"] = GitRevision();
  if (run_id) out["run_id"] = *run_id;
  return out;
}

std::string DocumentText(nlohmann::json body, std::optional<int64_t> run_id) {
  return Document(std::move(body), run_id).dump(2) + "\n";
}

std::string VocabularyMarkdown() {
  std::string out = "| field | meaning |\n| --- | --- |\n";
  for (const ReportField& f : EnvelopeFields()) out += fmt::format("| `{}` | envelope: {} |\n", f.name, f.doc);
  for (const Field& f : CandidateFields()) out += fmt::format("| `{}` | candidate: {} |\n", f.name, f.doc);
  std::vector<ReportField> sorted = ReportFields();
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const ReportField& f : sorted) out += fmt::format("| `{}` | {} |\n", f.name, f.doc);
  return out;
}

}  // namespace explore
