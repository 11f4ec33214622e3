#pragma once
// tomlspec — reads hand-written TOML input files into spec structs through field tables.
//
// Each spec struct is described once by a table of Field entries (key, unit, allowed range or
// choices, one-line doc). ReadFields() drives parsing from that table: unknown keys are errors
// with "did you mean", values are type- and range-checked, required keys must be present, and
// every problem is collected (not just the first) with the file and line it comes from.
// The same tables print the documentation of the format (FieldsHelp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <toml++/toml.h>

#include "util/result.h"

namespace tomlspec {

// Where problems are collected while one input file is read.
class Context {
 public:
  Context(std::string file, std::string_view text);

  // Records "file:line:col: message", the offending line and a caret under the column.
  void Error(const toml::source_region& where, const std::string& message);
  void Error(int line, int column, const std::string& message);
  bool ok() const { return errors_.empty(); }
  // The collected problems, one after the other, as a single message: the first five, then
  // how many more there are.
  util::Error ToError() const;
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<std::string> lines_;
  std::vector<std::string> errors_;
};

// Parses `text` as TOML; on a syntax error returns it located in `file`.
util::Result<toml::table> Parse(const std::string& file, std::string_view text);

// One key of a spec table. Exactly one of the member pointers is set through the constructors.
template <typename Spec>
struct Field {
  using Member = std::variant<int Spec::*, int64_t Spec::*, double Spec::*, bool Spec::*,
                              std::string Spec::*>;
  std::string key;
  Member member;
  bool required = false;
  double min = 0;   // inclusive bounds for numbers; ignored when min > max
  double max = -1;
  std::vector<std::string> choices;  // allowed values for strings (empty: any)
  std::string unit;
  std::string doc;
};

// Reads every key of `table` into `spec` according to `fields`. Problems go to ctx.
template <typename Spec>
void ReadFields(const toml::table& table, const std::vector<Field<Spec>>& fields, Spec* spec,
                Context& ctx, std::string_view section);

// Reads the keys of `fields` present at the top level of a file (`root`) into `spec`, and
// reports each missing required one at line 1 ("missing key 'k' (doc)"). Unknown keys are the
// caller's to check: the top level also holds the file's sections.
template <typename Spec>
void ReadTopLevelFields(const toml::table& root, const std::vector<Field<Spec>>& fields,
                        Spec* spec, Context& ctx);

// The keys of `fields`, for "did you mean" and for listings.
template <typename Spec>
std::vector<std::string> Keys(const std::vector<Field<Spec>>& fields) {
  std::vector<std::string> keys;
  for (const auto& f : fields) keys.push_back(f.key);
  return keys;
}

// Reads every entry of the array of tables `key` of `root` into a Spec (starting from
// `defaults`) through `fields`, and hands each to `take(spec, line)`. A `key` that is not an
// array reports `not_array`; an entry that is not a table reports `not_table`. An absent key
// reads nothing.
template <typename Spec, typename Take>
void ReadTableArray(const toml::table& root, const std::string& key,
                    const std::vector<Field<Spec>>& fields, const Spec& defaults, Context& ctx,
                    std::string_view section, const std::string& not_array,
                    const std::string& not_table, Take take);

// Reports keys of `table` that are not in `allowed`, with the nearest allowed key.
void CheckKnownKeys(const toml::table& table, const std::vector<std::string>& allowed,
                    Context& ctx, std::string_view section);

// Line of a node (1-based), 0 when unknown.
inline int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

}  // namespace tomlspec

#include "tomlspec/tomlspec_impl.h"
