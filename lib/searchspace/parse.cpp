// Reading a search-space TOML file: field tables (one per section), then cross-field checks.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "searchspace/space.h"
#include "tomlspec/tomlspec.h"
#include "util/file.h"

namespace searchspace {
namespace {

using tomlspec::Field;

const std::vector<std::string> kActivations = {"relu", "relu6", "hswish"};

// Top-level keys as read from the file, before conversion to enums.
struct TopSpec {
  std::string name, description, source, kind = "scalable";
  std::string width_rule = "ceil4", expand_rule = "ratio", activation = "relu6";
  int activation_bits = 8, weight_bits = 8, resolution = 0;
  double width = 1.0;
};

const std::vector<Field<TopSpec>>& TopFields() {
  static const std::vector<Field<TopSpec>> fields = {
      {"name", &TopSpec::name, true, 0, -1, {}, "", "family name, the prefix of variant names"},
      {"description", &TopSpec::description, false, 0, -1, {}, "", "one line for `dse spaces list`"},
      {"source", &TopSpec::source, true, 0, -1, {}, "", "where the block table comes from"},
      {"kind", &TopSpec::kind, false, 0, -1, {"scalable", "fixed", "stages"}, "",
       "scalable family with a grid, a fixed reference net, or a per-stage space (stages.h)"},
      {"width_rule", &TopSpec::width_rule, false, 0, -1, {"ceil4", "ceil8", "md8", "none"}, "",
       "how channel counts scale with the width multiplier"},
      {"expand_rule", &TopSpec::expand_rule, false, 0, -1, {"ratio", "absolute"}, "",
       "expanded width = round(scaled in x ratio), or the scaled absolute width"},
      {"activation", &TopSpec::activation, false, 0, -1, kActivations, "", "default activation"},
      {"activation_bits", &TopSpec::activation_bits, false, 4, 8, {}, "bit",
       "bits per activation element (8 int8, 4 int4)"},
      {"weight_bits", &TopSpec::weight_bits, false, 4, 8, {}, "bit", "bits per weight"},
      {"resolution", &TopSpec::resolution, false, 8, 1024, {}, "px",
       "input resolution of a fixed net"},
      {"width", &TopSpec::width, false, 0.05, 4, {}, "", "width multiplier of a per-stage space"},
  };
  return fields;
}

struct GridSpec {
  double width_min = 0.10, width_max = 1.00, width_step = 0.05;
  int resolution_min = 48, resolution_max = 224, resolution_step = 16;
};

const std::vector<Field<GridSpec>>& GridFields() {
  static const std::vector<Field<GridSpec>> fields = {
      {"width_min", &GridSpec::width_min, false, 0.01, 4, {}, "", "smallest width multiplier"},
      {"width_max", &GridSpec::width_max, false, 0.01, 4, {}, "", "largest width multiplier"},
      {"width_step", &GridSpec::width_step, false, 0.01, 4, {}, "", "width step"},
      {"resolution_min", &GridSpec::resolution_min, false, 8, 1024, {}, "px", "smallest resolution"},
      {"resolution_max", &GridSpec::resolution_max, false, 8, 1024, {}, "px", "largest resolution"},
      {"resolution_step", &GridSpec::resolution_step, false, 1, 1024, {}, "px", "resolution step"},
  };
  return fields;
}

const std::vector<Field<StemSpec>>& StemFields() {
  static const std::vector<Field<StemSpec>> fields = {
      {"out", &StemSpec::out, true, 1, 4096, {}, "channels", "stem output channels at width 1"},
      {"kernel", &StemSpec::kernel, false, 1, 11, {}, "px", "stem kernel size"},
      {"stride", &StemSpec::stride, false, 1, 4, {}, "", "stem stride"},
      {"activation", &StemSpec::activation, false, 0, -1, kActivations, "", "stem activation"},
  };
  return fields;
}

const std::vector<Field<BlockSpec>>& BlockFields() {
  static const std::vector<Field<BlockSpec>> fields = {
      {"in", &BlockSpec::in, true, 1, 4096, {}, "channels", "input channels at width 1"},
      {"out", &BlockSpec::out, true, 1, 4096, {}, "channels", "output channels at width 1"},
      {"kernel", &BlockSpec::kernel, true, 1, 11, {}, "px", "depthwise kernel size (odd)"},
      {"stride", &BlockSpec::stride, false, 1, 4, {}, "", "depthwise stride"},
      {"expand", &BlockSpec::expand, false, 1, 16, {}, "", "expand ratio"},
      {"expanded", &BlockSpec::expanded, false, 1, 8192, {}, "channels",
       "absolute expanded width (absolute rule, or an explicit mid width)"},
      {"repeat", &BlockSpec::repeat, false, 1, 32, {}, "", "blocks in this stage"},
      {"residual", &BlockSpec::residual, false, 0, -1, {"auto", "yes", "no"}, "",
       "identity shortcut: auto = stride 1 and in == out at width 1"},
      {"se", &BlockSpec::squeeze_excite, false, 0, -1, {}, "", "squeeze-excite after the depthwise"},
      {"activation", &BlockSpec::activation, false, 0, -1, kActivations, "", "block activation"},
  };
  return fields;
}

const std::vector<Field<HeadSpec>>& HeadFields() {
  static const std::vector<Field<HeadSpec>> fields = {
      {"feature_mix", &HeadSpec::feature_mix, false, 0, 8192, {}, "channels",
       "1x1 conv before pooling (0 = none)"},
      {"feature_mix_per_last", &HeadSpec::feature_mix_per_last, false, 0, 16, {}, "",
       "feature mix = this x the scaled last block width"},
      {"post_pool_conv", &HeadSpec::post_pool_conv, false, 0, 8192, {}, "channels",
       "1x1 conv + BN after pooling (0 = none)"},
      {"hidden_linear", &HeadSpec::hidden_linear, false, 0, 8192, {}, "features",
       "linear layer with bias after pooling (0 = none)"},
      {"scale", &HeadSpec::scale, false, 0, -1, {}, "", "apply the width rule to head widths"},
      {"classes", &HeadSpec::classes, false, 1, 100000, {}, "", "classifier outputs"},
      {"classifier", &HeadSpec::classifier, false, 0, -1, {"conv1x1", "linear"}, "",
       "classifier as a 1x1 conv + RESHAPE (TFLite export) or a linear layer"},
      {"activation", &HeadSpec::activation, false, 0, -1, kActivations, "", "head activation"},
  };
  return fields;
}

graph::Activation ToActivation(const std::string& name) {
  if (name == "relu") return graph::Activation::kRelu;
  if (name == "hswish") return graph::Activation::kHardSwish;
  return graph::Activation::kRelu6;
}

WidthRule ToWidthRule(const std::string& name) {
  if (name == "ceil8") return WidthRule::kCeil8;
  if (name == "md8") return WidthRule::kMd8;
  if (name == "none") return WidthRule::kNone;
  return WidthRule::kCeil4;
}

// Grid values from min to max inclusive; steps are counted in integers to avoid drift.
std::vector<double> WidthGrid(const GridSpec& g) {
  std::vector<double> widths;
  const int steps = static_cast<int>(std::floor((g.width_max - g.width_min) / g.width_step + 1e-9));
  for (int i = 0; i <= steps; ++i) {
    widths.push_back(std::round((g.width_min + i * g.width_step) * 1e6) / 1e6);
  }
  return widths;
}

std::vector<int> ResolutionGrid(const GridSpec& g) {
  std::vector<int> resolutions;
  for (int r = g.resolution_min; r <= g.resolution_max; r += g.resolution_step) {
    resolutions.push_back(r);
  }
  return resolutions;
}

}  // namespace

// Defined below ParseSpace: the block table, and the cross-field checks.
void ReadBlocks(const toml::table& root, tomlspec::Context& ctx, Space* space,
                const std::vector<Field<BlockSpec>>& fields);
void CheckSpace(tomlspec::Context& ctx, Space* space);
void ReadStages(const toml::table& root, tomlspec::Context& ctx, Space* space);  // stages_parse.cpp

namespace {

// The top-level scalar keys. Section names are accepted here but read by ReadSections.
TopSpec ReadTop(const toml::table& root, tomlspec::Context& ctx) {
  std::vector<Field<TopSpec>> keys = TopFields();
  for (const char* section : {"grid", "stem", "blocks", "head", "stages", "last"}) {
    keys.push_back({section, &TopSpec::name, false, 0, -1, {}, "", "section"});
  }
  tomlspec::CheckKnownKeys(root, tomlspec::Keys(keys), ctx, "the space file");
  TopSpec top;
  tomlspec::ReadTopLevelFields(root, TopFields(), &top, ctx);
  // The name starts every variant name and ends up in file names (plots): no spaces, slashes
  // or other characters a shell or a path would take apart.
  const toml::node* name = root.get("name");
  if (name != nullptr && name->is_string() &&
      (top.name.empty() || !std::all_of(top.name.begin(), top.name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      }))) {
    ctx.Error(name->source(), fmt::format("'name' = '{}' may hold only letters, digits, '-', '_' "
                                          "and '.'", top.name));
  }
  return top;
}

Space SpaceFromTop(const TopSpec& top, const std::string& file) {
  Space space;
  space.file = file;
  space.name = top.name;
  space.description = top.description;
  space.source = top.source;
  space.fixed = top.kind == "fixed";
  space.width_rule = ToWidthRule(top.width_rule);
  space.expand_rule = top.expand_rule == "absolute" ? ExpandRule::kAbsolute : ExpandRule::kRatio;
  space.activation = ToActivation(top.activation);
  space.activation_bits = top.activation_bits;
  space.weight_bits = top.weight_bits;
  space.width = top.width;
  return space;
}

// The [section] table of `root`, or nullptr (with an error when present but not a table).
const toml::table* Section(const toml::table& root, const char* name, tomlspec::Context& ctx) {
  const toml::node* node = root.get(name);
  if (node != nullptr && !node->is_table()) {
    ctx.Error(node->source(), fmt::format("'{}' must be a table: write it as [{}]", name, name));
  }
  return node != nullptr ? node->as_table() : nullptr;
}

void ReadSections(const toml::table& root, const TopSpec& top, tomlspec::Context& ctx, Space* space) {
  GridSpec grid;
  if (const toml::table* t = Section(root, "grid", ctx)) {
    tomlspec::ReadFields(*t, GridFields(), &grid, ctx, "[grid]");
  }
  space->widths = space->fixed ? std::vector<double>{1.0}
                  : top.kind == "stages" ? std::vector<double>{top.width} : WidthGrid(grid);
  space->resolutions = space->fixed ? std::vector<int>{top.resolution} : ResolutionGrid(grid);
  if (const toml::table* t = Section(root, "stem", ctx)) {
    tomlspec::ReadFields(*t, StemFields(), &space->stem, ctx, "[stem]");
  } else if (root.get("stem") == nullptr) {
    ctx.Error(1, 1, "missing section [stem]");
  }
  if (const toml::table* t = Section(root, "head", ctx)) {
    tomlspec::ReadFields(*t, HeadFields(), &space->head, ctx, "[head]");
  }
}

}  // namespace

util::Result<Space> ParseSpace(const std::string& file, std::string_view text) {
  auto parsed = tomlspec::Parse(file, text);
  if (!parsed) return parsed.error();
  const toml::table& root = parsed.value();
  tomlspec::Context ctx(file, text);
  const TopSpec top = ReadTop(root, ctx);
  Space space = SpaceFromTop(top, file);
  ReadSections(root, top, ctx, &space);
  ReadBlocks(root, ctx, &space, BlockFields());
  if (top.kind == "stages") ReadStages(root, ctx, &space);
  if (ctx.ok()) CheckSpace(ctx, &space);
  if (!ctx.ok()) return ctx.ToError();
  return space;
}

util::Result<Space> LoadSpace(const std::string& path) {
  auto text = util::ReadFile(path, "space file");
  if (!text) return text.error();
  return ParseSpace(path, *text);
}

void ReadBlocks(const toml::table& root, tomlspec::Context& ctx, Space* space,
                const std::vector<Field<BlockSpec>>& fields) {
  const toml::node* node = root.get("blocks");
  const toml::array* blocks = node ? node->as_array() : nullptr;
  if (blocks == nullptr || blocks->empty()) {
    ctx.Error(node ? tomlspec::LineOf(*node) : 1, 1,
              "missing or empty 'blocks' (an array of tables, one per block)");
    return;
  }
  BlockSpec defaults;
  defaults.residual = "auto";
  tomlspec::ReadTableArray(root, "blocks", fields, defaults, ctx, "a block", "",
                           "each entry of 'blocks' must be a table { in = ..., out = ... }",
                           [&](BlockSpec block, int line) {
                             block.line = line;
                             space->blocks.push_back(block);
                           });
}

// Cross-field checks: the block chain is consistent and every rule has the data it needs.
void CheckSpace(tomlspec::Context& ctx, Space* space) {
  int channels = space->stem.out;
  for (size_t i = 0; i < space->blocks.size(); ++i) {
    const BlockSpec& b = space->blocks[i];
    if (b.in != channels) {
      ctx.Error(b.line, 1, fmt::format("block {} takes {} input channels but the layer before it "
                                       "gives {}", i + 1, b.in, channels));
    }
    if (b.kernel % 2 == 0) {
      ctx.Error(b.line, 1, fmt::format("block {} has an even kernel {}; only odd kernels are "
                                       "supported (SAME padding)", i + 1, b.kernel));
    }
    const bool ratio = space->expand_rule == ExpandRule::kRatio;
    if (ratio && b.expand == 0 && b.expanded == 0) {
      ctx.Error(b.line, 1, fmt::format("block {} needs 'expand' (ratio) or 'expanded' (width)", i + 1));
    }
    if (!ratio && b.expanded == 0) {
      ctx.Error(b.line, 1, fmt::format("block {} needs 'expanded' under expand_rule = 'absolute'", i + 1));
    }
    channels = b.out;
  }
  if (space->head.feature_mix > 0 && space->head.feature_mix_per_last > 0) {
    ctx.Error(1, 1, "[head] gives both 'feature_mix' and 'feature_mix_per_last'; keep one");
  }
  if (space->fixed && space->resolutions.front() == 0) {
    ctx.Error(1, 1, "a fixed net needs 'resolution'");
  }
  if (!space->fixed && (space->widths.empty() || space->resolutions.empty())) {
    ctx.Error(1, 1, "[grid] gives no width or no resolution (check min <= max)");
  }
}

}  // namespace searchspace
