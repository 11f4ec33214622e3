// Data-file runtimes: reading ID.toml, scaling CMSIS-NN's work by the op group's factor, and
// registering a directory of them.

#include "kernels/data_runtime.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "tomlspec/tomlspec.h"
#include "util/directory.h"
#include "util/file.h"

namespace kernels {
namespace {

using tomlspec::Field;

struct TopSpec {
  std::string id, title, source, arena_layout = "tflm", interpreter, kernels, build_source;
  int fitted_rows = 0;
};

std::string Joined(const std::vector<std::string>& names) {
  return fmt::format("{}", fmt::join(names, ", "));
}

const std::vector<Field<TopSpec>>& TopFields() {
  static const std::vector<Field<TopSpec>> fields = {
      {"id", &TopSpec::id, true, 0, -1, {}, "", "the --runtime id, e.g. x-cube-ai-7.3"},
      {"title", &TopSpec::title, true, 0, -1, {}, "", "one line for listings"},
      {"source", &TopSpec::source, true, 0, -1, {}, "", "where the runtime and factors come from"},
      {"arena_layout", &TopSpec::arena_layout, true, 0, -1, {"tflm", "tinyengine", "x-cube-ai"},
       "", "how the runtime lays out activations in SRAM"},
      {"interpreter", &TopSpec::interpreter, true, 0, -1, InterpreterNames(), "",
       "what runs the graph, one of: " + Joined(InterpreterNames())},
      {"kernels", &TopSpec::kernels, true, 0, -1, KernelLibraryNames(), "",
       "the kernel library, one of: " + Joined(KernelLibraryNames())},
      {"build_source", &TopSpec::build_source, false, 0, -1, {}, "",
       "where the interpreter and kernels are documented"},
      {"fitted_rows", &TopSpec::fitted_rows, false, 0, 100000, {}, "rows",
       "public rows the factors were fitted to"},
  };
  return fields;
}

struct FactorSpec {
  double conv1x1 = 0, conv = 0, depthwise = 0, fully_connected = 0, other = 0;
};

const std::vector<Field<FactorSpec>>& FactorFields() {
  static const std::vector<Field<FactorSpec>> fields = {
      {"conv1x1", &FactorSpec::conv1x1, true, 1e-3, 100, {}, "", "1x1 conv, CMSIS-NN fast path"},
      {"conv", &FactorSpec::conv, true, 1e-3, 100, {}, "", "other convs (im2col)"},
      {"depthwise", &FactorSpec::depthwise, true, 1e-3, 100, {}, "", "depthwise convs"},
      {"fully_connected", &FactorSpec::fully_connected, true, 1e-3, 100, {}, "",
       "fully connected"},
      {"other", &FactorSpec::other, true, 1e-3, 100, {}, "",
       "elementwise, pool, pad, softmax, copies"},
  };
  return fields;
}

struct PriorSpec {
  FactorSpec factors;
  double log_spread = 0;
  std::string source;
};

const std::vector<Field<PriorSpec>>& PriorExtraFields() {
  static const std::vector<Field<PriorSpec>> fields = {
      {"log_spread", &PriorSpec::log_spread, true, 0.01, 3, {}, "",
       "1-sigma spread of each log factor"},
      {"source", &PriorSpec::source, true, 0, -1, {}, "", "how the prior was derived"},
  };
  return fields;
}

GroupFactors ToGroups(const FactorSpec& f) {
  return {f.conv1x1, f.conv, f.depthwise, f.fully_connected, f.other};
}

// [prior]: the five group factors (FactorFields' checks) plus log_spread and source. An unknown
// key is reported with the valid op groups, the likely mistake being a misspelt group.
RuntimePrior ReadPrior(const toml::table& table, tomlspec::Context& ctx) {
  std::vector<std::string> keys = tomlspec::Keys(FactorFields());
  for (const std::string& k : tomlspec::Keys(PriorExtraFields())) keys.push_back(k);
  tomlspec::CheckKnownKeys(table, keys, ctx,
                           "[prior] (op groups: conv1x1, conv, depthwise, fully_connected, "
                           "other; besides log_spread and source)");
  // Missing keys are reported at the table's line (ReadTopLevelFields would say line 1).
  auto optional_copy = [&](auto fields) {
    for (auto& field : fields) {
      if (field.required && table.get(field.key) == nullptr) {
        ctx.Error(table.source(), fmt::format("missing key '{}' in [prior] ({})", field.key,
                                              field.doc));
      }
      field.required = false;
    }
    return fields;
  };
  PriorSpec p;
  tomlspec::ReadTopLevelFields(table, optional_copy(FactorFields()), &p.factors, ctx);
  tomlspec::ReadTopLevelFields(table, optional_copy(PriorExtraFields()), &p, ctx);
  return {ToGroups(p.factors), p.log_spread, p.source};
}

}  // namespace

std::string_view OpGroupName(OpGroup group) {
  return OpGroupNames()[static_cast<int>(group)];
}

const std::vector<std::string>& OpGroupNames() {
  static const std::vector<std::string> names = {"conv1x1", "conv", "depthwise",
                                                 "fully_connected", "other"};
  return names;
}

OpGroup GroupOf(KernelClass kernel) {
  switch (kernel) {
    case KernelClass::kConv1x1Fast: return OpGroup::kConv1x1;
    case KernelClass::kConvIm2col: return OpGroup::kConv;
    case KernelClass::kDw3x3Fast:
    case KernelClass::kDwOpt:
    case KernelClass::kDwGeneric: return OpGroup::kDepthwise;
    case KernelClass::kFullyConnected: return OpGroup::kFullyConnected;
    default: return OpGroup::kOther;
  }
}

util::Result<RuntimeSpec> ParseRuntimeSpec(const std::string& file, std::string_view text) {
  auto parsed = tomlspec::Parse(file, text);
  if (!parsed) return parsed.error();
  const toml::table& root = parsed.value();
  tomlspec::Context ctx(file, text);
  std::vector<std::string> keys = tomlspec::Keys(TopFields());
  keys.push_back("factors");
  keys.push_back("prior");
  tomlspec::CheckKnownKeys(root, keys, ctx, "the runtime file");
  TopSpec top;
  tomlspec::ReadTopLevelFields(root, TopFields(), &top, ctx);
  FactorSpec f;
  if (const toml::table* t = root["factors"].as_table()) {
    tomlspec::ReadFields(*t, FactorFields(), &f, ctx, "[factors]");
  } else {
    ctx.Error(1, 1, "missing section [factors] (cycles relative to tflm-cmsis-nn per op group: "
                    "conv1x1, conv, depthwise, fully_connected, other)");
  }
  std::optional<RuntimePrior> prior;
  if (const toml::node* node = root.get("prior")) {
    if (const toml::table* t = node->as_table()) {
      prior = ReadPrior(*t, ctx);
    } else {
      ctx.Error(node->source(), "'prior' must be a section [prior]");
    }
  }
  if (!ctx.ok()) return ctx.ToError();
  RuntimeSpec spec;
  spec.file = file;
  spec.id = top.id;
  spec.title = top.title;
  spec.source = top.source;
  spec.arena_layout = top.arena_layout;
  spec.build = {top.interpreter, top.kernels};
  spec.build_source = top.build_source;
  spec.fitted_rows = top.fitted_rows;
  spec.factors = ToGroups(f);
  spec.prior = std::move(prior);
  return spec;
}

std::string FormatRuntimeSpec(const RuntimeSpec& spec, const std::string& comment) {
  std::string out;
  for (size_t start = 0; start < comment.size();) {
    const size_t end = std::min(comment.find('\n', start), comment.size());
    out += "# " + comment.substr(start, end - start) + "\n";
    start = end + 1;
  }
  out += fmt::format("id = \"{}\"\ntitle = \"{}\"\nsource = \"{}\"\narena_layout = \"{}\"\n"
                     "interpreter = \"{}\"\nkernels = \"{}\"\n",
                     spec.id, spec.title, spec.source, spec.arena_layout, spec.build.interpreter,
                     spec.build.kernels);
  if (!spec.build_source.empty()) out += fmt::format("build_source = \"{}\"\n", spec.build_source);
  out += fmt::format("fitted_rows = {}\n\n[factors]  # cycles relative to tflm-cmsis-nn\n",
                     spec.fitted_rows);
  for (int g = 0; g < kNumOpGroups; ++g) {
    out += fmt::format("{} = {:.3f}\n", OpGroupNames()[g], spec.factors[g]);
  }
  if (!spec.prior) return out;
  out += "\n[prior]  # before any row of the runtime (source: how it was derived)\n";
  for (int g = 0; g < kNumOpGroups; ++g) {
    out += fmt::format("{} = {:.3f}\n", OpGroupNames()[g], spec.prior->factors[g]);
  }
  out += fmt::format("log_spread = {:.2f}\nsource = \"{}\"\n", spec.prior->log_spread,
                     spec.prior->source);
  return out;
}

OpWork ScaleWork(const OpWork& work, double factor) {
  OpWork w = work;
  auto scale = [factor](int64_t v) { return static_cast<int64_t>(std::llround(v * factor)); };
  w.macs = scale(w.macs);
  w.leftover_macs = scale(w.leftover_macs);
  w.gathered_elements = scale(w.gathered_elements);
  w.output_elements = scale(w.output_elements);
  w.other_elements = scale(w.other_elements);
  w.weight_read_bytes = scale(w.weight_read_bytes);
  w.input_read_bytes = scale(w.input_read_bytes);
  w.scratch_bytes = scale(w.scratch_bytes);
  return w;
}

OpWork DataRuntime::MeasureOp(const graph::Network& net, const graph::Op& op) const {
  const OpWork work = kernels::MeasureOp(net, op);
  return ScaleWork(work, spec_.factors[static_cast<int>(GroupOf(work.kernel))]);
}

int64_t DataRuntime::ScratchBytes(const graph::Network& net, const graph::Op& op) const {
  return kernels::ScratchBytes(net, op);
}

util::Status RegisterRuntimeDirectory(const std::string& dir) {
  static std::set<std::string> registered;
  const std::string key = std::filesystem::weakly_canonical(dir).string();
  if (!std::filesystem::is_directory(dir) || registered.count(key)) return util::Ok{};
  auto files = util::ListFiles(dir, ".toml");
  if (!files) return files.error();
  for (const std::string& file : *files) {
    auto text = util::ReadFile(file, "runtime file");
    if (!text) return text.error();
    auto spec = ParseRuntimeSpec(file, *text);
    if (!spec) return spec.error();
    const std::string stem = std::filesystem::path(file).stem().string();
    if (stem != spec->id) {
      return util::InputError(fmt::format("{}:1: the file of runtime '{}' must be named {}.toml",
                                          file, spec->id, spec->id));
    }
    if (auto status = RegisterRuntime(std::make_unique<DataRuntime>(std::move(spec).value()));
        !status) {
      return util::InputError(fmt::format("{}:1: {}", file, status.error().message));
    }
  }
  registered.insert(key);
  return util::Ok{};
}

}  // namespace kernels
