#pragma once
// Template part of tomlspec.h: ReadFields.

#include <cmath>
#include <fmt/format.h>

#include "util/spellcheck.h"

namespace tomlspec {
namespace detail {

std::string RangeText(double min, double max);
bool ReadString(const toml::node& node, const std::vector<std::string>& choices, std::string* out,
                Context& ctx, const std::string& key);
bool ReadNumber(const toml::node& node, bool integral, double min, double max, double* out,
                Context& ctx, const std::string& key);

template <typename Spec>
void ReadOne(const toml::node& node, const Field<Spec>& field, Spec* spec, Context& ctx) {
  std::visit(
      [&](auto member) {
        using T = std::remove_reference_t<decltype(spec->*member)>;
        if constexpr (std::is_same_v<T, std::string>) {
          ReadString(node, field.choices, &(spec->*member), ctx, field.key);
        } else if constexpr (std::is_same_v<T, bool>) {
          if (auto v = node.value<bool>(); v && node.is_boolean()) {
            spec->*member = *v;
          } else {
            ctx.Error(node.source(), fmt::format("'{}' must be true or false", field.key));
          }
        } else {
          double value = 0;
          if (ReadNumber(node, std::is_integral_v<T>, field.min, field.max, &value, ctx,
                         field.key)) {
            spec->*member = static_cast<T>(value);
          }
        }
      },
      field.member);
}

}  // namespace detail

template <typename Spec>
void ReadTopLevelFields(const toml::table& root, const std::vector<Field<Spec>>& fields,
                        Spec* spec, Context& ctx) {
  for (const Field<Spec>& field : fields) {
    if (const toml::node* node = root.get(field.key)) {
      detail::ReadOne(*node, field, spec, ctx);
    } else if (field.required) {
      ctx.Error(1, 1, fmt::format("missing key '{}' ({})", field.key, field.doc));
    }
  }
}

template <typename Spec>
void ReadFields(const toml::table& table, const std::vector<Field<Spec>>& fields, Spec* spec,
                Context& ctx, std::string_view section) {
  CheckKnownKeys(table, Keys(fields), ctx, section);
  for (const Field<Spec>& field : fields) {
    const toml::node* node = table.get(field.key);
    if (node == nullptr) {
      if (field.required) {
        ctx.Error(table.source(), fmt::format("missing key '{}' in {} ({})", field.key,
                                              section, field.doc));
      }
      continue;
    }
    detail::ReadOne(*node, field, spec, ctx);
  }
}

template <typename Spec, typename Take>
void ReadTableArray(const toml::table& root, const std::string& key,
                    const std::vector<Field<Spec>>& fields, const Spec& defaults, Context& ctx,
                    std::string_view section, const std::string& not_array,
                    const std::string& not_table, Take take) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return;
  const toml::array* entries = node->as_array();
  if (entries == nullptr) {
    ctx.Error(node->source(), not_array);
    return;
  }
  for (const toml::node& entry : *entries) {
    const toml::table* t = entry.as_table();
    if (t == nullptr) {
      ctx.Error(entry.source(), not_table);
      continue;
    }
    Spec spec = defaults;
    ReadFields(*t, fields, &spec, ctx, section);
    take(spec, LineOf(entry));
  }
}

}  // namespace tomlspec
