#include "util/numbers.h"

#include <fmt/format.h>

#include <charconv>

namespace util {

std::optional<int64_t> ParseWholeNumber(std::string_view text) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

Result<double> ParseMillions(const std::string& option, const std::string& text) {
  double scale = 1e-6;
  std::string digits = text;
  if (!digits.empty()) {
    const char unit = digits.back();
    if (unit == 'k' || unit == 'K') scale = 1e-3;
    if (unit == 'M' || unit == 'm') scale = 1;
    if (unit == 'G' || unit == 'g') scale = 1e3;
    if (scale != 1e-6) digits.pop_back();
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || !(value > 0)) {
    return InputError(
        fmt::format("{} '{}' is not a positive number (e.g. 300M or 300000000)", option, text));
  }
  if (scale == 1e-6 && value < 1000) {
    return InputError(
        fmt::format("{} {} is a count of MACs; for millions write {}M", option, text, text));
  }
  return value * scale;
}

}  // namespace util
