// Reading the per-stage sections of a kind = "stages" space file: [[stages]] (one table per
// elastic stage, with its choice sets) and the optional [last] final block.

#include <fmt/format.h>

#include "searchspace/stages.h"
#include "tomlspec/tomlspec.h"

namespace searchspace {
namespace {

using tomlspec::Field;

// The scalar keys of one [[stages]] entry; the choice sets are arrays, read by ReadChoices.
const std::vector<Field<StageChoices>>& StageFields() {
  static const std::vector<Field<StageChoices>> fields = {
      {"out", &StageChoices::out, true, 1, 4096, {}, "channels", "output channels at width 1"},
      {"stride", &StageChoices::stride, false, 1, 4, {}, "", "stride of the first block"},
      {"se", &StageChoices::squeeze_excite, false, 0, -1, {}, "", "squeeze-excite in every block"},
      {"activation", &StageChoices::activation, false, 0, -1, {"relu", "relu6", "hswish"}, "",
       "stage activation"},
      {"width", &StageChoices::width, false, 0.05, 4, {}, "", "per-stage width multiplier"},
  };
  return fields;
}

const std::vector<Field<LastChoices>>& LastFields() {
  static const std::vector<Field<LastChoices>> fields = {
      {"out", &LastChoices::out, true, 1, 4096, {}, "channels", "output channels at width 1"},
      {"activation", &LastChoices::activation, false, 0, -1, {"relu", "relu6", "hswish"}, "",
       "block activation"},
  };
  return fields;
}

// Reads the integer array `key` of `table` into `out`: required, non-empty, each value in
// [min, max] (and odd when `odd`).
void ReadChoices(const toml::table& table, const char* key, int min, int max, bool odd,
                 const std::string& where, tomlspec::Context& ctx, std::vector<int>* out) {
  const toml::node* node = table.get(key);
  const toml::array* array = node != nullptr ? node->as_array() : nullptr;
  const int line = node != nullptr ? tomlspec::LineOf(*node) : tomlspec::LineOf(table);
  if (array == nullptr || array->empty()) {
    ctx.Error(line, 1, fmt::format("{}: '{}' must be a non-empty array of integers (the choice "
                                   "set), e.g. {} = [{}]", where, key, key, odd ? "3, 5, 7" : "2, 3, 4"));
    return;
  }
  for (const toml::node& v : *array) {
    const std::optional<int64_t> value = v.value<int64_t>();
    if (!value || *value < min || *value > max || (odd && *value % 2 == 0)) {
      ctx.Error(line, 1, fmt::format("{}: '{}' holds {}; choices must be {}integers in {}..{}",
                                     where, key, v.is_integer() ? std::to_string(*value) : "a non-integer",
                                     odd ? "odd " : "", min, max));
      return;
    }
    out->push_back(static_cast<int>(*value));
  }
}

// `table` without its choice-set arrays, for the scalar field table.
toml::table Scalars(const toml::table& table) {
  toml::table copy = table;
  for (const char* key : {"depths", "kernels", "expands"}) copy.erase(key);
  return copy;
}

}  // namespace

// Declared in parse.cpp, which calls it for kind = "stages".
void ReadStages(const toml::table& root, tomlspec::Context& ctx, Space* space) {
  const toml::array* tables = root.get("stages") ? root.get("stages")->as_array() : nullptr;
  if (tables == nullptr || tables->size() != kStages) {
    ctx.Error(tables ? tomlspec::LineOf(*root.get("stages")) : 1, 1,
              fmt::format("a per-stage space needs exactly {} [[stages]] tables (the 20-slot "
                          "encoding); this file has {}", kStages, tables ? tables->size() : 0));
    return;
  }
  for (const toml::node& node : *tables) {
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      ctx.Error(node.source(), "each entry of 'stages' must be a table [[stages]]");
      return;
    }
    StageChoices& stage = space->stages.emplace_back();
    const std::string where = fmt::format("stage {}", space->stages.size());
    stage.line = tomlspec::LineOf(node);
    tomlspec::ReadFields(Scalars(*t), StageFields(), &stage, ctx, where);
    ReadChoices(*t, "depths", 1, kSlotsPerStage, false, where, ctx, &stage.depths);
    ReadChoices(*t, "kernels", 1, 11, true, where, ctx, &stage.kernels);
    ReadChoices(*t, "expands", 1, 16, false, where, ctx, &stage.expands);
  }
  if (const toml::node* node = root.get("last")) {
    const toml::table* t = node->as_table();
    if (t == nullptr) {
      ctx.Error(node->source(), "'last' must be a table: write it as [last]");
      return;
    }
    tomlspec::ReadFields(Scalars(*t), LastFields(), &space->last, ctx, "[last]");
    space->last.line = tomlspec::LineOf(*node);
    ReadChoices(*t, "kernels", 1, 11, true, "[last]", ctx, &space->last.kernels);
    ReadChoices(*t, "expands", 1, 16, false, "[last]", ctx, &space->last.expands);
  }
}

}  // namespace searchspace
