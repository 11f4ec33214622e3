#include "util/numbers.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

namespace util {

std::optional<int64_t> ParseWholeNumber(std::string_view text) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

Result<int64_t> ParseBytes(const std::string& option, const std::string& text) {
  struct Suffix {
    std::string_view text;
    int64_t scale;
  };
  constexpr Suffix kSuffixes[] = {{"KiB", int64_t{1} << 10}, {"MiB", int64_t{1} << 20},
                                  {"K", int64_t{1} << 10}, {"M", int64_t{1} << 20}};
  std::string_view digits = text;
  int64_t scale = 1;
  for (const Suffix& s : kSuffixes) {
    if (digits.size() > s.text.size() && digits.ends_with(s.text)) {
      digits.remove_suffix(s.text.size());
      scale = s.scale;
      break;
    }
  }
  const std::optional<int64_t> count = ParseWholeNumber(digits);
  if (!count || *count > INT64_MAX / scale || *count < INT64_MIN / scale) {
    return InputError(fmt::format(
        "{} must be a whole number of bytes (e.g. 262144, 256K or 256KiB; K = 1024), got '{}'",
        option, text));
  }
  if (*count <= 0) {
    return InputError(fmt::format("{} must be a positive number of bytes, got '{}'", option, text));
  }
  return *count * scale;
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

std::string CountOf(int64_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace util
