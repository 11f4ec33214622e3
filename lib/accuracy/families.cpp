#include "accuracy/families.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "tomlspec/tomlspec.h"
#include "util/spellcheck.h"

namespace accuracy {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> ModelNames(const std::vector<PublishedRow>& published) {
  std::vector<std::string> names;
  for (const PublishedRow& row : published) names.push_back(row.model);
  return names;
}

// Reads an array of strings; reports a non-array or non-string element.
std::vector<std::pair<std::string, const toml::node*>> ReadStrings(
    const toml::table& table, const char* key, tomlspec::Context& ctx) {
  std::vector<std::pair<std::string, const toml::node*>> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    ctx.Error(node->source(), fmt::format("'{}' must be an array of strings", key));
    return out;
  }
  for (const toml::node& item : *array) {
    if (const auto text = item.value<std::string>(); text && item.is_string()) {
      out.emplace_back(*text, &item);
    } else {
      ctx.Error(item.source(), fmt::format("'{}' must hold strings only", key));
    }
  }
  return out;
}

// Checks that a named row exists and can feed a fit; `owner` tracks rows already used.
void CheckFitRow(const std::string& model, const toml::node& where,
                 const std::vector<PublishedRow>& published, std::set<std::string>& used,
                 tomlspec::Context& ctx) {
  const PublishedRow* row = FindRow(published, model);
  if (row == nullptr) {
    ctx.Error(where.source(), fmt::format("unknown row '{}' (not a model of the published table){}",
                                          model, util::DidYouMean(model, ModelNames(published))));
    return;
  }
  if (!row->macs_m) ctx.Error(where.source(), fmt::format("row '{}' has no macs_m", model));
  if (row->precision != Precision::kFp32 && row->precision != Precision::kInt8) {
    ctx.Error(where.source(), fmt::format("row '{}' is {}: only fp32 and int8 rows can feed the fit",
                                          model, PrecisionName(row->precision)));
  }
  if (!used.insert(model).second) {
    ctx.Error(where.source(), fmt::format("row '{}' feeds more than one family", model));
  }
}

SurrogateFamily ReadFamily(const toml::table& table, const std::vector<PublishedRow>& published,
                           std::set<std::string>& used_rows, std::set<std::string>& used_spaces,
                           tomlspec::Context& ctx) {
  SurrogateFamily family;
  tomlspec::CheckKnownKeys(table, {"name", "spaces", "fixed_widths", "grid", "rows", "note"}, ctx,
                           "[[family]]");
  if (const auto name = table["name"].value<std::string>()) {
    family.name = *name;
  } else {
    ctx.Error(table.source(), "[[family]] needs a string 'name'");
  }
  family.note = table["note"].value_or(std::string());
  for (const auto& [space, node] : ReadStrings(table, "spaces", ctx)) {
    if (!used_spaces.insert(space).second) {
      ctx.Error(node->source(), fmt::format("space '{}' is in more than one family", space));
    }
    family.spaces.push_back(space);
  }
  if (const toml::table* widths = table["fixed_widths"].as_table()) {
    for (const auto& [key, node] : *widths) {
      const auto width = node.value<double>();
      if (!width || !(*width > 0 && *width <= 4)) {
        ctx.Error(node.source(), "fixed width must be a number in (0, 4]");
      } else {
        family.fixed_widths[std::string(key.str())] = *width;
      }
    }
  }
  for (const auto& [model, node] : ReadStrings(table, "grid", ctx)) {
    CheckFitRow(model, *node, published, used_rows, ctx);
    const PublishedRow* row = FindRow(published, model);
    if (row != nullptr && (!row->width || row->precision != Precision::kFp32)) {
      ctx.Error(node->source(), fmt::format("grid row '{}' must be fp32 with a width", model));
    }
    family.grid.push_back(model);
  }
  for (const auto& [model, node] : ReadStrings(table, "rows", ctx)) {
    CheckFitRow(model, *node, published, used_rows, ctx);
    family.rows.push_back(model);
  }
  return family;
}

PtqPair ReadPair(const toml::table& table, const std::vector<PublishedRow>& published,
                 tomlspec::Context& ctx) {
  tomlspec::CheckKnownKeys(table, {"fp32", "int8"}, ctx, "[[ptq_pair]]");
  PtqPair pair{table["fp32"].value_or(std::string()), table["int8"].value_or(std::string())};
  const std::pair<const std::string*, Precision> sides[] = {{&pair.fp32, Precision::kFp32},
                                                            {&pair.int8, Precision::kInt8}};
  for (const auto& [model, precision] : sides) {
    const PublishedRow* row = FindRow(published, *model);
    if (row == nullptr) {
      ctx.Error(table.source(), fmt::format("[[ptq_pair]]: unknown row '{}'{}", *model,
                                            util::DidYouMean(*model, ModelNames(published))));
    } else if (row->precision != precision) {
      ctx.Error(table.source(), fmt::format("[[ptq_pair]]: row '{}' is {}, expected {}", *model,
                                            PrecisionName(row->precision), PrecisionName(precision)));
    }
  }
  return pair;
}

// [[published_net]]: space = "mcunet-in4", rows = ["mcunet-in4", "mcunet-in4 int8"].
void ReadPublishedNet(const toml::table& table, const std::vector<PublishedRow>& published,
                      FamilyMap& map, tomlspec::Context& ctx) {
  tomlspec::CheckKnownKeys(table, {"space", "rows"}, ctx, "[[published_net]]");
  const auto space = table["space"].value<std::string>();
  if (!space) {
    ctx.Error(table.source(), "[[published_net]] needs a string 'space'");
    return;
  }
  std::vector<PublishedRow>& rows = map.published_nets[*space];
  for (const auto& [model, node] : ReadStrings(table, "rows", ctx)) {
    const PublishedRow* row = FindRow(published, model);
    if (row == nullptr) {
      ctx.Error(node->source(), fmt::format("unknown row '{}' (not a model of the published "
                                            "table){}", model,
                                            util::DidYouMean(model, ModelNames(published))));
      continue;
    }
    for (const PublishedRow& other : rows) {
      if (other.precision == row->precision) {
        ctx.Error(node->source(), fmt::format("'{}' has two {} rows: '{}' and '{}'", *space,
                                              PrecisionName(row->precision), other.model, model));
      }
    }
    rows.push_back(*row);
  }
}

}  // namespace

int FamilyMap::Find(std::string_view name) const {
  const std::string wanted = Lower(name);
  for (size_t i = 0; i < families.size(); ++i) {
    if (Lower(families[i].name) == wanted) return static_cast<int>(i);
  }
  for (size_t i = 0; i < families.size(); ++i) {
    const auto& spaces = families[i].spaces;
    if (std::find(spaces.begin(), spaces.end(), name) != spaces.end()) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> FamilyMap::Names() const {
  std::vector<std::string> names;
  for (const SurrogateFamily& f : families) names.push_back(f.name);
  return names;
}

util::Result<FamilyMap> ParseFamilyMap(const std::string& file, std::string_view text,
                                       const std::vector<PublishedRow>& published) {
  auto parsed = tomlspec::Parse(file, text);
  if (!parsed) return parsed.error();
  const toml::table& root = *parsed;
  tomlspec::Context ctx(file, text);
  tomlspec::CheckKnownKeys(root, {"family", "ptq_pair", "published_net"}, ctx, "the top level");
  FamilyMap map;
  std::set<std::string> used_rows, used_spaces;
  if (const toml::array* families = root["family"].as_array()) {
    for (const toml::node& node : *families) {
      if (const toml::table* table = node.as_table()) {
        map.families.push_back(ReadFamily(*table, published, used_rows, used_spaces, ctx));
      }
    }
  }
  if (map.families.empty()) ctx.Error(1, 1, "no [[family]] tables");
  if (const toml::array* pairs = root["ptq_pair"].as_array()) {
    for (const toml::node& node : *pairs) {
      if (const toml::table* table = node.as_table()) {
        map.ptq_pairs.push_back(ReadPair(*table, published, ctx));
      }
    }
  }
  if (const toml::array* nets = root["published_net"].as_array()) {
    for (const toml::node& node : *nets) {
      if (const toml::table* table = node.as_table()) ReadPublishedNet(*table, published, map, ctx);
    }
  }
  if (!ctx.ok()) return ctx.ToError();
  return map;
}

}  // namespace accuracy
