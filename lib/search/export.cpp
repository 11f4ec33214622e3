#include "search/export.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "explore/fronts.h"
#include "util/atomic_file.h"
#include "util/csv.h"

namespace search {
namespace {

using util::CsvField;

const std::vector<std::string> kPlaceholders = {"{variant}", "{config}", "{resolution}", "{width}", "{index}"};

nlohmann::json Layer(const graph::Network& net, const graph::Op& op) {
  return {{"name", std::string(graph::OpKindName(op.kind))},
          {"kernel_size", op.kernel_h},
          {"stride", op.stride_h},
          {"in_channels", net.input_shape(op).c},
          {"out_channels", net.output_shape(op).c},
          {"act_func", std::string(graph::ActivationName(op.activation))}};
}

// One inverted-residual block from its ops: the depthwise conv gives kernel, stride and the
// expanded width; the first op's input and the last conv's output give in and out channels.
nlohmann::json Block(const graph::Network& net, const std::vector<const graph::Op*>& ops) {
  const graph::Op* dw = nullptr;
  const graph::Op* last_conv = nullptr;
  bool residual = false, se = false;
  for (const graph::Op* op : ops) {
    if (op->kind == graph::OpKind::kDepthwiseConv2d) dw = op;
    if (op->kind == graph::OpKind::kConv2d && op->role == graph::OpRole::kBody) last_conv = op;
    residual = residual || op->kind == graph::OpKind::kAdd;
    se = se || op->role == graph::OpRole::kSqueezeExcite;
  }
  const int in = net.input_shape(*ops.front()).c;
  const int mid = dw ? net.output_shape(*dw).c : in;
  return {{"name", "MBConvLayer"},
          {"in_channels", in},
          {"out_channels", last_conv ? net.output_shape(*last_conv).c : mid},
          {"mid_channels", mid},
          {"kernel_size", dw ? dw->kernel_h : 1},
          {"stride", dw ? dw->stride_h : 1},
          {"expand_ratio", in > 0 ? static_cast<double>(mid) / in : 1.0},
          {"act_func", dw ? std::string(graph::ActivationName(dw->activation)) : "none"},
          {"use_se", se},
          {"residual", residual}};
}

struct Row {
  explore::Candidate candidate;
  std::string config;  // relative path of its JSON
};

// The candidates to export, and in `run_out` the run they come from.
util::Result<std::vector<explore::Candidate>> Select(store::Database& db, const ExportRequest& request,
                                                     store::RunInfo* run_out) {
  auto runs = db.Runs();
  if (!runs) return runs.error();
  const auto run = std::find_if(runs->begin(), runs->end(), [&](const store::RunInfo& r) { return r.id == request.run_id; });
  if (run == runs->end()) return util::InputError(fmt::format("--run {}: no such run in {}", request.run_id, db.path()));
  *run_out = *run;
  std::vector<explore::Candidate> all;
  for (size_t start = 0; start <= run->boards.size();) {
    const size_t comma = std::min(run->boards.find(',', start), run->boards.size());
    auto rows = db.Evaluations(request.run_id, run->boards.substr(start, comma - start));
    if (!rows) return rows.error();
    all.insert(all.end(), rows->begin(), rows->end());
    start = comma + 1;
  }
  std::erase_if(all, [](const explore::Candidate& c) { return !c.feasible || !c.top1 || c.space == "tflite"; });
  std::set<std::string> on_front;
  for (const explore::FrontMember& m : explore::AllFronts(all)) {
    if (m.design_space == "all") on_front.insert(m.variant);
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return *a.top1 > *b.top1; });
  std::vector<explore::Candidate> out;
  std::set<std::string> taken;
  for (const explore::Candidate& c : all) {
    if (taken.count(c.variant) || (!request.top && !on_front.count(c.variant))) continue;
    if (request.top && static_cast<int64_t>(out.size()) >= *request.top) break;
    taken.insert(c.variant);
    out.push_back(c);
  }
  if (out.empty()) return util::InputError(fmt::format("--run {}: no feasible candidate with a top-1 to export", request.run_id));
  return out;
}

std::string Manifest(const std::vector<Row>& rows, const store::RunInfo& run, const std::string& database) {
  std::string text = std::string(kManifestHeader) + "\n";
  for (const Row& r : rows) {
    const explore::Candidate& c = r.candidate;
    // A point's name holds commas: quoted, as `dse accuracy import` reads it. The first eleven
    // columns come first and unquoted otherwise: the Slurm script reads them by position.
    text += fmt::format("{},{},{:.2f},{},{},{},{:.2f},{},{},{},{},{},{},{},{},{},{},{},{}\n", CsvField(c.variant),
                        c.space, c.width, c.resolution, c.macs, c.params, *c.top1,
                        c.latency_ms ? fmt::format("{:.3f}", *c.latency_ms) : "", c.board, c.mode, r.config,
                        run.id, CsvField(database), run.started_at, CsvField(run.tool_version),
                        CsvField(run.git_revision), c.runtime, CsvField(c.top1_provenance),
                        CsvField(c.latency_provenance));
  }
  return text;
}

std::string SlurmScript(const ExportRequest& request, const std::vector<Row>& rows) {
  const std::string command =
      FillTemplate(request.command, {"${VARIANT}", "${CONFIG}", "${WIDTH}", "${RESOLUTION}", "${INDEX}"});
  return fmt::format(
      "#!/bin/bash\n"
      "# Trains the {0} candidates of dse run {1}: array task i trains row i + 1 of manifest.csv.\n"
      "#SBATCH --job-name=dse-run{1}\n"
      "#SBATCH --array=0-{2}\n"
      "#SBATCH --output=logs/%x-%A_%a.out\n"
      "set -euo pipefail\n"
      "cd \"${{SLURM_SUBMIT_DIR:-$(dirname \"$0\")}}\"\n"
      "[ -f manifest.csv ] || {{ echo \"no manifest.csv in $PWD: submit from the export directory (cd DIR && sbatch train.sbatch)\" >&2; exit 2; }}\n"
      "ROW=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 2))p\" manifest.csv)\n"
      "# Column 1 is quoted when it holds commas (a per-stage point); columns 2-11 never are.\n"
      "if [[ $ROW == \\\"* ]]; then VARIANT=${{ROW#\\\"}}; VARIANT=${{VARIANT%%\\\"*}}; REST=${{ROW#\\\"*\\\",}}\n"
      "else VARIANT=${{ROW%%,*}}; REST=${{ROW#*,}}; fi\n"
      "IFS=, read -r _ WIDTH RESOLUTION _ _ _ _ _ _ CONFIG _ <<<\"$REST\"\n"
      "INDEX=$SLURM_ARRAY_TASK_ID\n"
      "{3}\n",
      rows.size(), request.run_id, rows.size() - 1,
      command);
}

}  // namespace

std::string FillTemplate(std::string command, const TemplateValues& v) {
  const std::pair<const char*, const std::string*> values[] = {
      {"{variant}", &v.variant}, {"{config}", &v.config}, {"{width}", &v.width},
      {"{resolution}", &v.resolution}, {"{index}", &v.index}};
  for (const auto& [key, value] : values) {
    const std::string k = key;
    for (size_t at = command.find(k); at != std::string::npos; at = command.find(k, at + value->size())) {
      command.replace(at, k.size(), *value);
    }
  }
  return command;
}

std::string ArchitectureJson(const graph::Network& net, const std::string& space, double width, int resolution) {
  nlohmann::json config{{"name", net.name}, {"space", space}, {"width", width}, {"resolution", resolution},
                        {"bits", {{"weights", net.weight_bits}, {"activations", net.activation_bits}}}};
  std::map<int, std::vector<const graph::Op*>> blocks;
  nlohmann::json head = nlohmann::json::array();
  for (const graph::Op& op : net.ops) {
    if (op.block >= 0) blocks[op.block].push_back(&op);
    else if (op.role == graph::OpRole::kStem) config["first_conv"] = Layer(net, op);
    else if (op.kind == graph::OpKind::kConv2d || op.kind == graph::OpKind::kFullyConnected) head.push_back(Layer(net, op));
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [index, ops] : blocks) list.push_back(Block(net, ops));
  config["blocks"] = list;
  config["head"] = head;
  return config.dump(2) + "\n";
}

util::Status CheckExportRequest(const ExportRequest& request) {
  if (request.format != "slurm" && request.format != "gnu-parallel") {
    return util::InputError(fmt::format("--format '{}': expected slurm or gnu-parallel", request.format));
  }
  if (request.command.empty()) return util::InputError("--command: give the training command TEMPLATE");
  const std::string rest = std::regex_replace(request.command, std::regex("\\{(variant|config|resolution|width|index)\\}"), "");
  if (const size_t brace = rest.find('{'); brace != std::string::npos && rest.find('}', brace) != std::string::npos) {
    return util::InputError(fmt::format("--command '{}': unknown placeholder; use {{variant}}, {{config}}, "
                                        "{{resolution}}, {{width}}, {{index}}", request.command));
  }
  if (request.top && *request.top < 1) return util::InputError("--top must be at least 1");
  return util::Ok{};
}

util::Result<ExportSummary> ExportTraining(store::Database& db, const searchspace::Catalog& catalog,
                                           const ExportRequest& request) {
  if (auto s = CheckExportRequest(request); !s) return s.error();
  store::RunInfo run;
  auto chosen = Select(db, request, &run);
  if (!chosen) return chosen.error();
  std::vector<std::pair<std::string, std::string>> files;  // relative path, text
  std::vector<Row> rows;
  std::string jobs;
  for (const explore::Candidate& c : *chosen) {
    const searchspace::Space* space = catalog.Find(c.space);
    if (space == nullptr) return util::InputError(fmt::format("{}: space '{}' is not loaded", c.variant, c.space));
    auto variant = catalog.ParseVariant(c.variant);
    if (!variant) return variant.error();
    auto net = catalog.Build(*variant);
    if (!net) return net.error();
    // A per-stage point's name holds ':' and ',': its file is named by its manifest row.
    const std::string config = variant->point.empty() ? "configs/" + c.variant + ".json"
                                                      : fmt::format("configs/point-{}.json", rows.size());
    files.emplace_back(config, ArchitectureJson(*net, c.space, c.width, c.resolution));
    jobs += FillTemplate(request.command, {c.variant, config, fmt::format("{:.2f}", c.width),
                                           std::to_string(c.resolution), std::to_string(rows.size())}) + "\n";
    rows.push_back({c, config});
  }
  files.emplace_back("manifest.csv", Manifest(rows, run, db.path()));
  if (request.format == "slurm") files.emplace_back("train.sbatch", SlurmScript(request, rows));
  else files.emplace_back("jobs.txt", jobs);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(request.out_dir) / "configs", ec);
  // Slurm does not make the directory of --output: a missing logs/ fails every task unlogged.
  if (!ec && request.format == "slurm") std::filesystem::create_directories(std::filesystem::path(request.out_dir) / "logs", ec);
  if (ec) return util::InputError(fmt::format("--out {}: {}", request.out_dir, ec.message()));
  ExportSummary summary{static_cast<int64_t>(rows.size()), {}};
  for (const auto& [path, text] : files) {
    if (auto s = util::WriteFileAtomically((std::filesystem::path(request.out_dir) / path).string(), text, "export file"); !s) {
      return s.error();
    }
    summary.files.push_back(path);
  }
  return summary;
}

}  // namespace search
