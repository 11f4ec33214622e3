#include "tomlspec/tomlspec.h"

#include <algorithm>
#include <sstream>

namespace tomlspec {

Context::Context(std::string file, std::string_view text) : file_(std::move(file)) {
  std::string line;
  std::istringstream in{std::string(text)};
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // a CRLF file's line ending
    lines_.push_back(line);
  }
}

void Context::Error(const toml::source_region& where, const std::string& message) {
  Error(static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), message);
}

void Context::Error(int line, int column, const std::string& message) {
  std::string text = fmt::format("{}:{}: {}", file_, line, message);
  if (line >= 1 && static_cast<size_t>(line) <= lines_.size()) {
    std::string source = lines_[static_cast<size_t>(line) - 1].substr(0, 160);
    // Binary garbage must not reach the terminal as raw bytes.
    for (char& ch : source) {
      if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t') ch = '?';
    }
    text += "\n    " + source + "\n    " + std::string(static_cast<size_t>(std::max(column, 1) - 1), ' ') + "^";
  }
  errors_.push_back(std::move(text));
}

util::Error Context::ToError() const {
  // A binary or badly broken file has a problem on every line; a screenful of them hides the
  // first, which usually explains the rest.
  constexpr size_t kShown = 5;
  std::string all;
  for (size_t i = 0; i < errors_.size() && i < kShown; ++i) {
    if (!all.empty()) all += "\n";
    all += errors_[i];
  }
  if (errors_.size() > kShown) {
    const size_t more = errors_.size() - kShown;
    all += "\n" + file_ + ": ... and " + std::to_string(more) + " more problem" + (more == 1 ? "" : "s");
  }
  return util::InputError(all);
}

util::Result<toml::table> Parse(const std::string& file, std::string_view text) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    Context ctx(file, text);
    ctx.Error(e.source(), std::string(e.description()));
    return ctx.ToError();
  }
}

void CheckKnownKeys(const toml::table& table, const std::vector<std::string>& allowed,
                    Context& ctx, std::string_view section) {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    ctx.Error(key.source(), fmt::format("unknown key '{}' in {}{}", name, section,
                                        util::DidYouMean(name, allowed)));
  }
}

namespace detail {

std::string RangeText(double min, double max) {
  return fmt::format("between {:g} and {:g}", min, max);
}

bool ReadString(const toml::node& node, const std::vector<std::string>& choices, std::string* out,
                Context& ctx, const std::string& key) {
  const auto value = node.value<std::string>();
  if (!node.is_string() || !value) {
    ctx.Error(node.source(), fmt::format("'{}' must be a string", key));
    return false;
  }
  if (!choices.empty() && std::find(choices.begin(), choices.end(), *value) == choices.end()) {
    ctx.Error(node.source(),
              fmt::format("'{}' = '{}' is not one of: {}{}", key, *value,
                          fmt::join(choices, ", "), util::DidYouMean(*value, choices)));
    return false;
  }
  *out = *value;
  return true;
}

bool ReadNumber(const toml::node& node, bool integral, double min, double max, double* out,
                Context& ctx, const std::string& key) {
  if (integral ? !node.is_integer() : !node.is_number()) {
    ctx.Error(node.source(),
              fmt::format("'{}' must be {}", key, integral ? "an integer" : "a number"));
    return false;
  }
  const double value = *node.value<double>();
  if (min <= max && (value < min || value > max || !std::isfinite(value))) {
    ctx.Error(node.source(),
              fmt::format("'{}' = {:g} is out of range: must be {}", key, value, RangeText(min, max)));
    return false;
  }
  *out = value;
  return true;
}

}  // namespace detail
}  // namespace tomlspec
