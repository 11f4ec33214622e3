#pragma once
// Numbers as command-line text: whole counts (bytes) and counts with a k/M/G suffix (MACs).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace util {

/// `text` as a whole number, the whole text and nothing else ("12", "-5"); nullopt when it is
/// empty, has anything else in it ("12kb", "1e5") or is out of int64 range.
std::optional<int64_t> ParseWholeNumber(std::string_view text);

/// "300M", "0.3G", "2.95e6", "300000000" or "5k" -> the count in millions. An input error
/// naming `option` when it is not a positive number, or when a bare number (no suffix) is
/// below 1000: almost certainly meant in millions, so refused with a hint, not guessed.
Result<double> ParseMillions(const std::string& option, const std::string& text);

}  // namespace util
